/**
 * Runs every benchmark in this folder: each `bench/*.ts` file (except this one) that exports a
 * `main()` function, in file-name order. Add a benchmark by adding a file that exports `main`.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.d.ts'))
  .sort();
for (const f of files) {
  const mod = (await import(pathToFileURL(`${here}/${f}`).href)) as { main?: () => unknown };
  if (typeof mod.main === 'function') {
    console.log(`# ${f}`);
    await mod.main();
  }
}
