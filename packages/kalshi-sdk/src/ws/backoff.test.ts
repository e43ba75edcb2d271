import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.js';

describe('backoffDelayMs', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    const max = () => 0.999_999;
    expect(backoffDelayMs(1, 500, 30_000, max)).toBe(499);
    expect(backoffDelayMs(2, 500, 30_000, max)).toBe(999);
    expect(backoffDelayMs(4, 500, 30_000, max)).toBe(3_999);
    expect(backoffDelayMs(20, 500, 30_000, max)).toBe(29_999);
  });

  it('property: full jitter stays within [0, min(cap, base * 2^(attempt-1)))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, base, cap, r) => {
          const d = backoffDelayMs(attempt, base, cap, () => r);
          const ceiling = Math.min(cap, base * 2 ** Math.min(attempt - 1, 30));
          expect(Number.isInteger(d)).toBe(true);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(Math.max(0, ceiling));
          if (ceiling > 0) expect(d).toBeLessThan(ceiling);
        },
      ),
    );
  });
});
