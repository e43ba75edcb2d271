import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, formatConsoleLine } from './logging.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('createLogger', () => {
  it('writes JSON lines to the file and readable lines to the console', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botlog-'));
    dirs.push(dir);
    const file = join(dir, 'trading.log');
    const lines: string[] = [];
    const { logger, close } = createLogger({
      file,
      level: 'info',
      console: { writeLine: (l) => lines.push(l) },
    });
    logger.info({ market: 'KXINX-X', priceUnits: 4200 }, 'order placed');
    logger.debug('hidden');
    await close();
    const rec = JSON.parse(readFileSync(file, 'utf8').trim()) as Record<string, unknown>;
    expect(rec).toMatchObject({ msg: 'order placed', market: 'KXINX-X', priceUnits: 4200, level: 30 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}order placed market=KXINX-X priceUnits=4200$/);
  });

  it('never writes keys, key paths or signatures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botlog-'));
    dirs.push(dir);
    const file = join(dir, 'trading.log');
    const lines: string[] = [];
    const { logger, close } = createLogger({
      file,
      level: 'info',
      console: { writeLine: (l) => lines.push(l) },
    });
    // A PEM-shaped value built at run time (no key-like text is committed).
    const secret = `${'-'.repeat(5)}BEGIN PRIVATE KEY${'-'.repeat(5)}SECRET`;
    logger.info({ privateKeyPem: secret, opts: { privateKeyPath: '/keys/k.pem' } }, 'start');
    logger.warn({ req: { headers: { 'KALSHI-ACCESS-SIGNATURE': 'c2lnbmF0dXJl' } } }, 'retry');
    await close();
    const all = readFileSync(file, 'utf8') + lines.join('\n');
    expect(all).not.toContain('SECRET');
    expect(all).not.toContain('/keys/k.pem');
    expect(all).not.toContain('c2lnbmF0dXJl');
    expect(all).toContain('[redacted]');
  });
});

it('formatConsoleLine passes non-JSON through', () => {
  expect(formatConsoleLine('plain text\n')).toBe('plain text');
});
