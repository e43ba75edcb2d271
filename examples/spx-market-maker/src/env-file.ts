/**
 * A small `.env` reader: `KEY=value` lines, `#` comments, optional `export ` and quotes.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

/** The result of {@link parseEnvFile}. */
export interface EnvFileResult {
  /** Variables found, in file order (later duplicates win). */
  values: Record<string, string>;
  /** Lines that could not be read, with their line numbers. */
  problems: string[];
}

/**
 * Parses the text of a `.env` file.
 *
 * @remarks No variable expansion. Double-quoted values understand `\n`; single-quoted values are
 * literal; unquoted values end at ` #`.
 */
export function parseEnvFile(text: string, name = '.env'): EnvFileResult {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(trimmed);
    if (m === null) {
      problems.push(`${name}:${i + 1}: expected KEY=value`);
      return;
    }
    const key = m[1]!;
    let value = m[2]!;
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const end = value.indexOf(quote, 1);
      if (end < 0) {
        problems.push(`${name}:${i + 1}: unterminated ${quote} quote in ${key}`);
        return;
      }
      value = value.slice(1, end);
      if (quote === '"') value = value.replaceAll('\\n', '\n');
    } else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash);
      value = value.trim();
    }
    values[key] = value;
  });
  return { values, problems };
}

/** The result of {@link loadEnvFile}. */
export interface LoadedEnv {
  /** The environment with the file's variables merged under the real ones. */
  env: Record<string, string | undefined>;
  /** Lines that could not be read, or a read error. */
  problems: string[];
  /** True when the file existed and was read. */
  loaded: boolean;
}

/**
 * Reads a `.env` file and merges it under the real environment (real variables win).
 *
 * @returns The merged environment and any problems; a missing file yields no problems.
 */
export function loadEnvFile(path: string, env: Readonly<Record<string, string | undefined>>): LoadedEnv {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      return { env: { ...env }, problems: [], loaded: false };
    return { env: { ...env }, problems: [`${path}: ${(err as Error).message}`], loaded: false };
  }
  const parsed = parseEnvFile(text, path);
  return { env: { ...parsed.values, ...stripUndefined(env) }, problems: parsed.problems, loaded: true };
}

function stripUndefined(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
