/**
 * Pins the public surface of every published entry point, so that any change to it is a visible
 * diff in review. The names come from the entry file's export declarations (values and types);
 * the runtime module must export exactly the value names.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

function declaredExports(file: string): { values: string[]; types: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause))
      throw new Error(`${file}: export * is not allowed`);
    for (const el of clause.elements)
      (statement.isTypeOnly || el.isTypeOnly ? types : values).push(el.name.text);
  }
  return { values: values.sort(), types: types.sort() };
}

const entries = {
  '@mnquants/kalshi-sdk': 'packages/kalshi-sdk/src/index.ts',
  '@mnquants/kalshi-sim': 'packages/kalshi-sim/src/index.ts',
  '@mnquants/mm-core': 'packages/mm-core/src/index.ts',
  '@mnquants/mm-core/kalshi': 'packages/mm-core/src/kalshi.ts',
} as const;

describe('public API', () => {
  for (const [name, file] of Object.entries(entries)) {
    it(`${name} exports exactly the pinned names`, async () => {
      const declared = declaredExports(file);
      const runtime = Object.keys(await import(name)).sort();
      expect(runtime).toEqual(declared.values);
      expect(declared).toMatchSnapshot();
    });
  }
});
