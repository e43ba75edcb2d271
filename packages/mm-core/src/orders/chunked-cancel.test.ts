import { describe, expect, it } from 'vitest';
import { FakeVenue } from '../../test/support/fake-venue.js';
import { cancelInChunks } from './chunked-cancel.js';

function resting(venue: FakeVenue, n: number) {
  const refs = [];
  for (let i = 0; i < n; i++) {
    venue.orders.set(`o${i}`, {
      orderId: `o${i}`,
      clientOrderId: `c${i}`,
      marketTicker: 'M',
      side: 'bid',
      priceUnits: 3_000,
      remaining: 100,
      filled: 0,
      status: 'resting',
    });
    refs.push({ orderId: `o${i}`, marketTicker: 'M' });
  }
  return refs;
}

describe('cancelInChunks', () => {
  it('never sends a batch above the gateway limit', async () => {
    const venue = new FakeVenue();
    venue.maxBatchSize = 7;
    const sizes: number[] = [];
    const batch = venue.cancelOrders.bind(venue);
    venue.cancelOrders = (refs) => {
      sizes.push(refs.length);
      return batch(refs);
    };
    const report = await cancelInChunks(venue, resting(venue, 30), { batchSize: 50 });
    expect(report).toEqual({ cancelled: 30, failed: [], retries: 0 });
    expect(Math.max(...sizes)).toBe(7);
    expect(venue.resting()).toEqual([]);
  });

  it('retries transient failures, does not retry rejections, and reports both kinds left', async () => {
    const venue = new FakeVenue();
    const refs = resting(venue, 3);
    const single = venue.cancelOrder.bind(venue);
    venue.cancelOrder = async (ref) => {
      if (ref.orderId === 'o0') return { ok: false, kind: 'REJECTED', code: 'nope', message: 'no' };
      if (ref.orderId === 'o1') return { ok: false, kind: 'UNKNOWN', code: 'TIMEOUT', message: 'lost' };
      return single(ref);
    };
    const report = await cancelInChunks(venue, refs, { attempts: 3, retryBaseMs: 1 });
    expect(report.cancelled).toBe(1);
    expect(report.retries).toBe(2); // o1, twice
    expect(report.failed.map((f) => [f.ref.orderId, f.failure.kind]).sort()).toEqual([
      ['o0', 'REJECTED'],
      ['o1', 'UNKNOWN'],
    ]);
  });

  it('treats a batch that throws as unknown for each of its orders and retries them', async () => {
    const venue = new FakeVenue();
    const refs = resting(venue, 4);
    let throws = 1;
    const batch = venue.cancelOrders.bind(venue);
    venue.cancelOrders = (r) => {
      if (throws-- > 0) return Promise.reject(new Error('socket hang up'));
      return batch(r);
    };
    const report = await cancelInChunks(venue, refs, { retryBaseMs: 1 });
    expect(report).toEqual({ cancelled: 4, failed: [], retries: 4 });
  });
});
