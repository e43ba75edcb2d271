import { describe, expect, it } from 'vitest';
import { SimFaults } from './faults.js';

describe('SimFaults', () => {
  it('counts down a REST failure', () => {
    const f = new SimFaults(() => 0);
    f.failRest({ status: 500, count: 2 });
    expect([f.takeRestFailure('/x'), f.takeRestFailure('/x'), f.takeRestFailure('/x')]).toEqual([
      500,
      500,
      undefined,
    ]);
  });

  it('ends a REST failure after its duration', () => {
    let now = 0;
    const f = new SimFaults(() => now);
    f.failRest({ status: 429, durationMs: 1_000 });
    expect(f.takeRestFailure('/x')).toBe(429);
    now = 1_000;
    expect(f.takeRestFailure('/x')).toBeUndefined();
  });

  it('limits a fault to a path prefix', () => {
    const f = new SimFaults(() => 0);
    f.delayRest(50, { pathPrefix: '/trade-api/v2/portfolio' });
    expect(f.takeRestDelay('/trade-api/v2/markets')).toBe(0);
    expect(f.takeRestDelay('/trade-api/v2/portfolio/balance')).toBe(50);
  });

  it('consumes one seq skip per request, matching sid and channel', () => {
    const f = new SimFaults();
    f.skipSeq({ channel: 'orderbook_delta' });
    expect(f.takeSeqSkip('u', 1, 'trade')).toBe(0);
    expect(f.takeSeqSkip('u', 1, 'orderbook_delta')).toBe(1);
    expect(f.takeSeqSkip('u', 1, 'orderbook_delta')).toBe(0);
  });

  it('rejects a status that is neither 429 nor 5xx', () => {
    expect(() => new SimFaults().failRest({ status: 404 as never })).toThrow(RangeError);
  });

  it('clear() removes pauses and notifies', () => {
    const f = new SimFaults();
    let changes = 0;
    f.events.on('pauseChanged', () => changes++);
    f.pauseExchange();
    f.clear();
    expect([f.exchangePaused, f.tradingPaused, changes]).toEqual([false, false, 2]);
  });
});
