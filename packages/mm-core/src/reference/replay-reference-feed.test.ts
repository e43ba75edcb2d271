import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isMmCoreError } from '../errors.js';
import type { ReferencePrice } from '../ports/reference-feed.js';
import { parseReplayCsv, ReplayReferenceFeed } from './replay-reference-feed.js';

const T = 1_773_410_400_000;
const CSV = `ts_ms,symbol,value
# S&P and VIX, 13 Mar 2026
${T},^GSPC,6612.34
${T},^VIX,18.50
${T + 60_000},^GSPC,6615.10
${T + 120_000},^GSPC,6609.00
`;

describe('parseReplayCsv', () => {
  it('parses records, skipping the header, comments and blank lines', () => {
    expect(parseReplayCsv(CSV)).toEqual([
      { tsMs: T, symbol: '^GSPC', value: 6612.34 },
      { tsMs: T, symbol: '^VIX', value: 18.5 },
      { tsMs: T + 60_000, symbol: '^GSPC', value: 6615.1 },
      { tsMs: T + 120_000, symbol: '^GSPC', value: 6609 },
    ]);
  });

  it.each([
    [`${T},^GSPC\n`, 1, /3 fields/],
    [`ts_ms,symbol,value\n${T},^GSPC,abc\n`, 2, /decimal/],
    [`${T},^GSPC,1\n${T - 1},^GSPC,2\n`, 2, /backwards/],
    [`${T},bad symbol,1\n`, 1, /symbol/],
    [`1.5,^GSPC,1\n`, 1, /integer/],
  ])('reports the line number of a bad record (%#)', (text, line, why) => {
    try {
      parseReplayCsv(text);
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe('INVALID_REPLAY');
      expect((err as Error).message).toContain(`line ${line}:`);
      expect((err as Error).message).toMatch(why);
    }
  });
});

describe('ReplayReferenceFeed', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits records as the replay clock passes them, at the configured speed', async () => {
    const feed = new ReplayReferenceFeed({ text: CSV, speed: 60 });
    const seen: ReferencePrice[] = [];
    feed.on('update', (p) => seen.push(p));
    await feed.start();
    expect(seen.map((p) => p.value)).toEqual([6612.34, 18.5]);
    await vi.advanceTimersByTimeAsync(999); // 59.94 replay s
    expect(feed.latest('^GSPC')?.value).toBe(6612.34);
    await vi.advanceTimersByTimeAsync(1); // 60 replay s
    expect(feed.latest('^GSPC')?.value).toBe(6615.1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(seen.map((p) => p.value)).toEqual([6612.34, 18.5, 6615.1, 6609]);
    expect(vi.getTimerCount()).toBe(0);
    await feed.stop();
  });

  it('marks values stale on the replay clock', async () => {
    const feed = new ReplayReferenceFeed({ text: CSV, speed: 10, staleAfterMs: 30_000 });
    await feed.start();
    await vi.advanceTimersByTimeAsync(3_001); // 30.01 replay s
    expect(feed.latest('^VIX')?.stale).toBe(true);
    expect(feed.latest('^GSPC')?.stale).toBe(true);
    await feed.stop();
  });

  it('starts from startAtMs, applying earlier records at once', async () => {
    const feed = new ReplayReferenceFeed({ text: CSV, startAtMs: T + 60_000 });
    await feed.start();
    expect(feed.latest('^GSPC')?.value).toBe(6615.1);
    await feed.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reads a file and names it in errors', async () => {
    vi.useRealTimers();
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    try {
      const good = join(dir, 'good.csv');
      writeFileSync(good, CSV);
      const feed = new ReplayReferenceFeed({ path: good, startAtMs: T + 120_000 });
      await feed.start();
      expect(feed.symbols).toEqual(['^GSPC', '^VIX']);
      expect(feed.latest('^GSPC')?.value).toBe(6609);
      await feed.stop();
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, `${T},^GSPC,x\n`);
      await expect(new ReplayReferenceFeed({ path: bad }).start()).rejects.toThrow(/bad\.csv: replay line 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects ambiguous sources and bad speed together', () => {
    expect(() => new ReplayReferenceFeed({ text: CSV, path: 'x.csv', speed: 0 })).toThrow(
      /exactly one[\s\S]*speed/,
    );
  });
});
