import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvFile, parseEnvFile } from './env-file.js';

describe('parseEnvFile', () => {
  it('reads plain, exported, quoted and commented lines', () => {
    const text = [
      '# keys',
      'KALSHI_API_KEY_ID=abc-123',
      'export KALSHI_PRIVATE_KEY_PATH="/home/me/kalshi key.pem"',
      "SPX_MM_SEED='7' ",
      'SPX_MM_SPEED=60 # faster',
      '',
      'MULTI="a\\nb"',
    ].join('\n');
    expect(parseEnvFile(text)).toEqual({
      values: {
        KALSHI_API_KEY_ID: 'abc-123',
        KALSHI_PRIVATE_KEY_PATH: '/home/me/kalshi key.pem',
        SPX_MM_SEED: '7',
        SPX_MM_SPEED: '60',
        MULTI: 'a\nb',
      },
      problems: [],
    });
  });

  it('reports malformed lines with their line numbers', () => {
    expect(parseEnvFile('OK=1\nnot a line\nQ="open', 'x.env').problems).toEqual([
      'x.env:2: expected KEY=value',
      'x.env:3: unterminated " quote in Q',
    ]);
  });
});

describe('loadEnvFile', () => {
  it('lets the real environment win over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'envfile-'));
    try {
      const path = join(dir, '.env');
      writeFileSync(path, 'A=file\nB=file\n');
      const r = loadEnvFile(path, { A: 'real' });
      expect(r.loaded).toBe(true);
      expect(r.env).toMatchObject({ A: 'real', B: 'file' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('treats a missing file as empty', () => {
    expect(loadEnvFile('/nonexistent/.env', { A: '1' })).toEqual({
      env: { A: '1' },
      problems: [],
      loaded: false,
    });
  });
});
