import { describe, expect, it } from 'vitest';
import { RateLimiter, type RateLimiterClock } from './rate-limiter.js';

function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let seq = 0;
  const clock: RateLimiterClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++seq;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (h) => {
      timers = timers.filter((t) => t.id !== h);
    },
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (t === undefined || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
      await Promise.resolve();
    }
    now = end;
    await new Promise((r) => setImmediate(r));
  };
  return { clock, advance };
}

describe('RateLimiter', () => {
  it('serves immediately while the bucket has tokens', async () => {
    const { clock } = fakeClock();
    const rl = new RateLimiter({ budgets: { write: { refillPerSecond: 100, capacity: 100 } }, clock });
    await expect(rl.acquire('write', 100)).resolves.toBe(0);
    expect(rl.stats().write.tokens).toBe(0);
  });

  it('makes a request wait for refill instead of failing', async () => {
    const { clock, advance } = fakeClock();
    const waits: number[] = [];
    const rl = new RateLimiter({
      budgets: { write: { refillPerSecond: 100, capacity: 100 } },
      clock,
      onWait: (w) => waits.push(w.waitedMs),
    });
    await rl.acquire('write', 100);
    let done = false;
    const p = rl.acquire('write', 10).then(() => {
      done = true;
    });
    await advance(50);
    expect(done).toBe(false);
    await advance(60);
    await p;
    expect(done).toBe(true);
    expect(waits).toEqual([100]);
    expect(rl.stats().write.totalWaitMs).toBe(100);
  });

  it('serves queued cancels (high priority) before queued creates', async () => {
    const { clock, advance } = fakeClock();
    const rl = new RateLimiter({ budgets: { write: { refillPerSecond: 10, capacity: 10 } }, clock });
    await rl.acquire('write', 10);
    const order: string[] = [];
    const a = rl.acquire('write', 10, 'normal').then(() => order.push('create1'));
    const b = rl.acquire('write', 10, 'normal').then(() => order.push('create2'));
    const c = rl.acquire('write', 2, 'high').then(() => order.push('cancel'));
    await advance(5000);
    await Promise.all([a, b, c]);
    expect(order).toEqual(['cancel', 'create1', 'create2']);
  });

  it('rejects a request that can never fit in the bucket', async () => {
    const rl = new RateLimiter({ tier: 'basic' });
    await expect(rl.acquire('write', 1000)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('uses the tier budgets (basic write 100/s, burst 100; advanced write burst 600)', () => {
    expect(new RateLimiter({ tier: 'basic' }).budgets.write).toEqual({ refillPerSecond: 100, capacity: 100 });
    expect(new RateLimiter({ tier: 'advanced' }).budgets.write).toEqual({
      refillPerSecond: 300,
      capacity: 600,
    });
  });

  it('rejects waiting requests when aborted', async () => {
    const { clock } = fakeClock();
    const rl = new RateLimiter({ budgets: { read: { refillPerSecond: 1, capacity: 10 } }, clock });
    await rl.acquire('read', 10);
    const ac = new AbortController();
    const p = rl.acquire('read', 10, 'normal', ac.signal);
    ac.abort();
    await expect(p).rejects.toMatchObject({ code: 'ABORTED' });
    expect(rl.stats().read.queued).toBe(0);
  });

  it('reports every budget problem at once', () => {
    expect(
      () =>
        new RateLimiter({
          budgets: {
            read: { refillPerSecond: 0, capacity: -1 },
            write: { refillPerSecond: Number.NaN, capacity: 1 },
          },
        }),
    ).toThrow(/read.refillPerSecond.*read.capacity.*write.refillPerSecond/);
  });
});
