import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReferencePrice } from '../ports/reference-feed.js';
import { type YahooQuoteClient, type YahooQuoteLike, YahooReferenceFeed } from './yahoo-reference-feed.js';

// Shape of yahoo-finance2 v3 quote() results for indices (trimmed to realistic fields).
function gspc(price: number, time: Date): YahooQuoteLike & Record<string, unknown> {
  return {
    language: 'en-US',
    region: 'US',
    quoteType: 'INDEX',
    typeDisp: 'Index',
    quoteSourceName: 'Delayed Quote',
    currency: 'USD',
    marketState: 'REGULAR',
    exchange: 'SNP',
    shortName: 'S&P 500',
    fullExchangeName: 'SNP',
    exchangeTimezoneName: 'America/New_York',
    exchangeTimezoneShortName: 'EDT',
    regularMarketChange: 12.5,
    regularMarketChangePercent: 0.19,
    regularMarketTime: time,
    regularMarketPrice: price,
    regularMarketDayHigh: price + 10,
    regularMarketDayLow: price - 20,
    regularMarketPreviousClose: price - 12.5,
    symbol: '^GSPC',
  };
}
function vix(price: number, time: Date): YahooQuoteLike & Record<string, unknown> {
  return { ...gspc(price, time), shortName: 'CBOE Volatility Index', exchange: 'CXI', symbol: '^VIX' };
}

const T0 = Date.UTC(2026, 2, 13, 15, 0);

describe('YahooReferenceFeed', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function scripted(
    responses: (() => Promise<readonly YahooQuoteLike[]>)[],
  ): YahooQuoteClient & { calls: number } {
    const client = {
      calls: 0,
      quote: async () => {
        const r = responses[Math.min(client.calls, responses.length - 1)]!;
        client.calls++;
        return r();
      },
    };
    return client;
  }

  it('publishes ^GSPC and ^VIX from quote() results', async () => {
    const client = scripted([
      async () => [gspc(6612.34, new Date(T0 - 1_000)), vix(18.5, new Date(T0 - 1_000))],
    ]);
    const feed = new YahooReferenceFeed({ client });
    const seen: ReferencePrice[] = [];
    feed.on('update', (p) => seen.push(p));
    await feed.start();
    expect(feed.latest('^GSPC')).toEqual({
      symbol: '^GSPC',
      value: 6612.34,
      tsMs: T0 - 1_000,
      source: 'yahoo',
      stale: false,
    });
    expect(feed.latest('^VIX')?.value).toBe(18.5);
    expect(seen.map((p) => p.symbol)).toEqual(['^GSPC', '^VIX']);
    await feed.stop();
  });

  it('keeps the last good value, marks it stale and backs off on errors', async () => {
    const ok = async () => [gspc(6612.34, new Date(T0)), vix(18.5, new Date(T0))];
    const fail = async (): Promise<never> => {
      throw new Error('ECONNRESET');
    };
    const client = scripted([ok, fail, fail, fail, ok]);
    const feed = new YahooReferenceFeed({ client, pollIntervalMs: 1_000, maxBackoffMs: 3_000 });
    const errors: Error[] = [];
    feed.on('error', (e) => errors.push(e));
    await feed.start();
    await vi.advanceTimersByTimeAsync(1_000); // poll 2 fails; next wait 2 s
    expect(errors).toHaveLength(1);
    expect(feed.latest('^GSPC')).toMatchObject({ value: 6612.34, stale: true });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(client.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(1); // poll 3 fails; next wait min(4 s, 3 s)
    expect(client.calls).toBe(3);
    await vi.advanceTimersByTimeAsync(3_000); // poll 4 fails
    expect(client.calls).toBe(4);
    await vi.advanceTimersByTimeAsync(3_000); // poll 5 succeeds
    expect(client.calls).toBe(5);
    expect(feed.latest('^GSPC')?.stale).toBe(false); // recovered, and 9 s old < 120 s
    await feed.stop();
  });

  it('marks a value stale once older than staleAfterMs', async () => {
    const client = scripted([async () => [gspc(6612.34, new Date(T0)), vix(18.5, new Date(T0))]]);
    const feed = new YahooReferenceFeed({ client, staleAfterMs: 5_000, pollIntervalMs: 60_000 });
    const updates: ReferencePrice[] = [];
    await feed.start();
    feed.on('update', (p) => updates.push(p));
    expect(feed.latest('^GSPC')?.stale).toBe(false);
    vi.setSystemTime(T0 + 5_001);
    expect(feed.latest('^GSPC')?.stale).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updates.filter((u) => u.stale).map((u) => u.symbol)).toEqual(['^GSPC', '^VIX']);
    await feed.stop();
  });

  it('never makes up a number: a quote without a price is an error', async () => {
    const client = scripted([
      async () => [{ symbol: '^GSPC', regularMarketTime: new Date(T0) }, vix(18.5, new Date(T0))],
    ]);
    const feed = new YahooReferenceFeed({ client });
    const errors: Error[] = [];
    feed.on('error', (e) => errors.push(e));
    await feed.start();
    expect(errors[0]?.message).toMatch(/no usable price for \^GSPC/);
    expect(feed.latest('^GSPC')).toBeUndefined();
    await feed.stop();
  });

  it('leaves no timer behind after stop()', async () => {
    const client = scripted([async () => [gspc(6612.34, new Date(T0)), vix(18.5, new Date(T0))]]);
    const feed = new YahooReferenceFeed({ client });
    await feed.start();
    await feed.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports every invalid option at once', () => {
    expect(() => new YahooReferenceFeed({ symbols: [], pollIntervalMs: 0, staleAfterMs: -1 })).toThrow(
      /symbols[\s\S]*pollIntervalMs[\s\S]*staleAfterMs/,
    );
  });
});
