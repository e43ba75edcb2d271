import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter, requestCost, TIER_LIMITS } from './rate-limits.js';

describe('requestCost', () => {
  it('bills documented non-default costs', () => {
    expect(requestCost('POST', '/trade-api/v2/portfolio/events/orders')).toEqual({
      bucket: 'write',
      cost: 10,
    });
    expect(requestCost('DELETE', '/trade-api/v2/portfolio/events/orders/{order_id}')).toEqual({
      bucket: 'write',
      cost: 2,
    });
    expect(requestCost('GET', '/trade-api/v2/portfolio/orders/{order_id}')).toEqual({
      bucket: 'read',
      cost: 2,
    });
    expect(requestCost('GET', '/trade-api/v2/markets')).toEqual({ bucket: 'read', cost: 10 });
  });

  it('bills batches per item', () => {
    expect(requestCost('POST', '/trade-api/v2/portfolio/events/orders/batched', 7).cost).toBe(70);
    expect(requestCost('DELETE', '/trade-api/v2/portfolio/events/orders/batched', 7).cost).toBe(14);
  });
});

describe('RateLimiter', () => {
  it('starts full and rejects what does not fit without taking tokens', () => {
    const now = 0;
    const rl = new RateLimiter(() => now);
    expect(rl.take('u', 'basic', 'write', 100)).toBe(true);
    expect(rl.take('u', 'basic', 'write', 10)).toBe(false);
    expect(rl.take('u', 'basic', 'read', 10)).toBe(true);
  });

  it('never admits more than capacity plus refill over any interval', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 120 })), {
          maxLength: 200,
        }),
        (steps) => {
          let now = 0;
          const rl = new RateLimiter(() => now);
          const { refill_rate, bucket_capacity } = TIER_LIMITS.basic.write;
          let admitted = 0;
          for (const [dt, cost] of steps) {
            now += dt;
            if (rl.take('u', 'basic', 'write', cost)) admitted += cost;
          }
          return admitted <= bucket_capacity + (now * refill_rate) / 1000 + 1e-6;
        },
      ),
    );
  });
});
