import { describe, expect, it } from 'vitest';
import { configTableMarkdown, defaultConfig, helpText, loadConfig, OPTIONS } from './config.js';

const load = (argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) =>
  loadConfig({
    argv,
    env,
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`ENOENT: no such file ${p}`);
      return text;
    },
  });

const configOf = (r: ReturnType<typeof load>) => {
  if (r.kind !== 'config') throw new Error(`expected a config, got ${JSON.stringify(r)}`);
  return r.config;
};

describe('loadConfig', () => {
  it('returns the defaults with no input', () => {
    expect(configOf(load([]))).toEqual(defaultConfig());
  });

  it('parses prices and sizes exactly into integer units', () => {
    const c = configOf(load(['--min-spread', '0.03', '--max-spread', '0.1235', '--quote-size', '2.5']));
    expect(c.minSpreadUnits).toBe(300);
    expect(c.maxSpreadUnits).toBe(1235);
    expect(c.quoteSizeUnits).toBe(250);
  });

  it('converts dollar money options to micro-dollars', () => {
    expect(configOf(load(['--max-loss', '99.5'])).maxLossMicros).toBe(99_500_000);
  });

  it('applies file, then environment, then flags (flags win)', () => {
    const files = { 'c.json': JSON.stringify({ 'quote-size': 3, seed: 7, 'strikes-around': 4 }) };
    const c = configOf(
      load(['--config', 'c.json', '--seed', '9'], { SPX_MM_QUOTE_SIZE: '4', SPX_MM_SEED: '8' }, files),
    );
    expect(c.strikesAround).toBe(4);
    expect(c.quoteSizeUnits).toBe(400);
    expect(c.seed).toBe(9);
    expect(c.configFile).toBe('c.json');
  });

  it('reads the config file named by SPX_MM_CONFIG', () => {
    const c = configOf(load([], { SPX_MM_CONFIG: 'x.json' }, { 'x.json': '{"speed": 120}' }));
    expect(c.speed).toBe(120);
  });

  it('reports every problem at once, naming its source', () => {
    const r = load(['--seed', 'abc', '--min-spread', '0.12345', '--bogus', 'positional'], {
      SPX_MM_VENUE: 'moon',
    });
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.problems).toHaveLength(5);
    expect(r.problems.join('\n')).toMatch(/--seed: must be an integer/);
    expect(r.problems.join('\n')).toMatch(/--min-spread: must be a dollar amount/);
    expect(r.problems.join('\n')).toMatch(/unknown option --bogus/);
    expect(r.problems.join('\n')).toMatch(/unexpected argument "positional"/);
    expect(r.problems.join('\n')).toMatch(/SPX_MM_VENUE: must be one of sim, demo, production/);
  });

  it('rejects a flag given without its value', () => {
    const r = load(['--duration']);
    expect(r).toEqual({ kind: 'invalid', problems: ['--duration: needs a value (seconds)'] });
  });

  it('refuses production without the explicit confirmation flag', () => {
    const env = { KALSHI_API_KEY_ID: 'k', KALSHI_PRIVATE_KEY_PATH: '/keys/k.pem' };
    const r = load(['--venue', 'production'], env);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.problems[0]).toMatch(/--i-understand-this-trades-real-money/);
    expect(
      configOf(load(['--venue', 'production', '--i-understand-this-trades-real-money'], env)).venue,
    ).toBe('production');
  });

  it('does not accept the production confirmation from a config file', () => {
    const r = load(['--config', 'c.json'], {}, { 'c.json': '{"i-understand-this-trades-real-money": true}' });
    expect(r.kind).toBe('invalid');
  });

  it('requires keys for demo and production', () => {
    const r = load(['--venue', 'demo']);
    expect(r.kind === 'invalid' && r.problems).toEqual([
      '--venue demo needs KALSHI_API_KEY_ID (or --api-key-id)',
      '--venue demo needs KALSHI_PRIVATE_KEY_PATH (or --private-key-path)',
    ]);
  });

  it('checks cross-field rules', () => {
    const r = load(['--min-spread', '0.30', '--max-spread', '0.10', '--quote-size', '30']);
    expect(r.kind === 'invalid' && r.problems).toEqual([
      '--min-spread must not exceed --max-spread',
      '--quote-size must not exceed --max-order-size',
    ]);
  });

  it('reports unknown settings and bad JSON in the config file', () => {
    expect(load(['--config', 'a.json'], {}, { 'a.json': '{"nope": 1}' })).toEqual({
      kind: 'invalid',
      problems: ['config file: unknown setting "nope"'],
    });
    const r = load(['--config', 'b.json'], {}, { 'b.json': '{' });
    expect(r.kind === 'invalid' && r.problems[0]).toMatch(/^config file b.json: /);
  });

  it('parses a series list, case-insensitively and without duplicates', () => {
    expect(configOf(load(['--series', 'kxinxu,KXINXU'])).series).toEqual(['KXINXU']);
    expect(load(['--series', 'KXBTC']).kind).toBe('invalid');
  });

  it('answers --help without validating the rest', () => {
    expect(load(['--seed', 'x', '--help'])).toEqual({ kind: 'help' });
  });
});

describe('help and the README table', () => {
  it('documents every option with its default', () => {
    const help = helpText();
    for (const o of OPTIONS) {
      expect(help).toContain(`--${o.flag}`);
      expect(help).toContain(`default: ${o.defaultText}`);
    }
  });

  it('has one table row per option', () => {
    expect(configTableMarkdown().split('\n')).toHaveLength(OPTIONS.length + 2);
  });
});

describe('README', () => {
  it('carries the same configuration table as the code', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const table = /<!-- config-table:start -->\n([\s\S]*?)\n<!-- config-table:end -->/.exec(readme)?.[1];
    // Compare cell by cell: a markdown formatter may pad the columns.
    const cells = (md: string) =>
      md.split('\n').map((row) =>
        row
          .split(/(?<!\\)\|/)
          .map((c) => c.trim().replace(/^-+$/, '---'))
          .filter((_c, i, all) => i > 0 && i < all.length - 1),
      );
    expect(table).toBeDefined();
    expect(cells(table!)).toEqual(cells(configTableMarkdown()));
  });
});
