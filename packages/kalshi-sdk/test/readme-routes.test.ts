import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES, type Route } from '../src/internal/routes.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Body rows of the table under "## Covered operations" (up to the next heading). */
function operationRows(): string[] {
  const start = readme.indexOf('## Covered operations');
  if (start === -1) throw new Error('README has no "## Covered operations" section');
  const rest = readme.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  return section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2); // header and separator
}

interface Row {
  method: string;
  path: string;
  id: string;
  deprecated: boolean;
}

function parseRow(line: string): Row | undefined {
  // Column padding is the formatter's business: tolerate any run of spaces around cells.
  const m = /^\|\s*(GET|POST|PUT|DELETE)\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`( \(deprecated\))?\s*\|$/.exec(
    line.trim(),
  );
  if (m === null) return undefined;
  return { method: m[1] as string, path: m[2] as string, id: m[3] as string, deprecated: m[4] !== undefined };
}

const routes = Object.values(ROUTES) as Route[];
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('README operation table', () => {
  const lines = operationRows();
  const rows = lines.map(parseRow);

  it('has only well-formed rows', () => {
    expect(lines.filter((_, i) => rows[i] === undefined)).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
  });

  it('lists every registry entry, with the same client method', () => {
    const byKey = new Map(rows.filter((r) => r !== undefined).map((r) => [key(r), r.id]));
    const problems = routes
      .filter((r) => byKey.get(key(r)) !== r.id)
      .map((r) => `${key(r)} -> ${r.id} (README: ${byKey.get(key(r)) ?? 'missing'})`);
    expect(problems).toEqual([]);
  });

  it('has no row that is not in the registry, with the same client method', () => {
    const byKey = new Map(routes.map((r) => [key(r), r.id]));
    const problems = rows
      .filter((r) => r !== undefined)
      .filter((r) => byKey.get(key(r)) !== r.id)
      .map((r) => `${key(r)} -> ${r.id} (registry: ${byKey.get(key(r)) ?? 'missing'})`);
    expect(problems).toEqual([]);
  });

  it('marks exactly the deprecated operations as deprecated', () => {
    const marked = rows.filter((r) => r?.deprecated).map((r) => r?.id);
    expect(marked.sort()).toEqual(
      routes
        .filter((r) => r.deprecated)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('lists each operation once', () => {
    const keys = rows.filter((r) => r !== undefined).map(key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(keys).toHaveLength(routes.length);
  });

  it('points every client method at a real resource method', async () => {
    const { KalshiClient } = await import('../src/index.js');
    const c = new KalshiClient({ useEnv: false }) as unknown as Record<string, Record<string, unknown>>;
    const missing = routes
      .map((r) => r.id)
      .filter((id) => {
        const [group, method] = id.split('.') as [string, string];
        return typeof c[group]?.[method] !== 'function';
      });
    expect(missing).toEqual([]);
  });
});
