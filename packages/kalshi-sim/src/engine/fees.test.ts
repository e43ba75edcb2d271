import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivCeil, mulDivFloor, tradingFeeMicros } from './fees.js';

describe('tradingFeeMicros', () => {
  it('is 0.07 x C x P x (1-P) rounded up to $0.0001 for takers', () => {
    expect(tradingFeeMicros(10_000, 5_000, true, 'quadratic', 1)).toBe(1_750_000);
    // 0.07 x 1 x 0.01 x 0.99 = 0.000693 -> 0.0007
    expect(tradingFeeMicros(100, 100, true, 'quadratic', 1)).toBe(700);
    // 0.07 x 0.01 x 0.5 x 0.5 = 0.000175 -> 0.0002
    expect(tradingFeeMicros(1, 5_000, true, 'quadratic', 1)).toBe(200);
  });

  it('charges makers 0.0175 only on quadratic_with_maker_fees', () => {
    expect(tradingFeeMicros(10_000, 5_000, false, 'quadratic', 1)).toBe(0);
    expect(tradingFeeMicros(10_000, 5_000, false, 'quadratic_with_maker_fees', 1)).toBe(437_500);
  });

  it('applies the multiplier after rounding and rounds up again', () => {
    expect(tradingFeeMicros(100, 100, true, 'quadratic', 0.5)).toBe(400); // 7 units x 0.5 = 3.5 -> 4
    expect(tradingFeeMicros(100, 100, true, 'flat', 1)).toBe(0);
  });

  it('is symmetric in P and 1-P and never exceeds $0.0175 per contract plus rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 9_999 }), (c, p) => {
        const f = tradingFeeMicros(c, p, true, 'quadratic', 1);
        expect(f).toBe(tradingFeeMicros(c, 10_000 - p, true, 'quadratic', 1));
        expect(f).toBeLessThanOrEqual(Math.ceil((c * 17_500) / 100 / 100) * 100 + 100);
      }),
    );
  });
});

describe('mulDiv', () => {
  it('is exact when the product exceeds 2^53 (results below 2^53)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 36 }),
        fc.integer({ min: 0, max: 2 ** 36 }),
        fc.integer({ min: 2 ** 20, max: 2 ** 30 }),
        (a, b, d) => {
          const exact = BigInt(a) * BigInt(b);
          expect(BigInt(mulDivFloor(a, b, d))).toBe(exact / BigInt(d));
          expect(BigInt(mulDivCeil(a, b, d))).toBe((exact + BigInt(d) - 1n) / BigInt(d));
        },
      ),
    );
  });
});
