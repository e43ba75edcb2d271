import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complementPrice,
  formatCount,
  formatDollars,
  formatMicros,
  notionalMicros,
  parseCount,
  parseDollars,
  parseMicros,
  parseSignedCount,
  parseSignedDollars,
} from './fixed-point.js';

/** Exact decimal text of `units / 10^scale` using BigInt only (an independent oracle). */
function oracle(units: number, scale: number): string {
  const neg = units < 0;
  const digits = (neg ? -BigInt(units) : BigInt(units)).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

describe('fixed-point', () => {
  it('parses dollar strings exactly', () => {
    expect(parseDollars('0.5600')).toBe(5600);
    expect(parseDollars('0.56')).toBe(5600);
    expect(parseDollars('1')).toBe(10000);
    expect(parseDollars('0.0001')).toBe(1);
    expect(parseDollars('.5')).toBe(5000);
    expect(parseDollars('0.560000')).toBe(5600);
  });

  it('rejects inexact or malformed input', () => {
    for (const bad of ['0.12345', '', '.', 'abc', '0.5x', '1e-4', ' 0.5', '-0.5', 'NaN', '0..5']) {
      expect(() => parseDollars(bad), bad).toThrow(/price/);
    }
    expect(() => parseCount('1.001')).toThrow(/more than 2 decimals/);
    expect(() => parseDollars(0.5 as unknown as string)).toThrow(/decimal string/);
  });

  it('round-trips prices, counts and money', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (u) => parseDollars(formatDollars(u)) === u),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (u) => parseSignedCount(formatCount(u)) === u),
    );
    fc.assert(fc.property(fc.integer({ min: -1e14, max: 1e14 }), (u) => parseMicros(formatMicros(u)) === u));
  });

  it('preserves ordering', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e8 }), (a, b) => {
        return Math.sign(parseCount(formatCount(a)) - parseCount(formatCount(b))) === Math.sign(a - b);
      }),
    );
  });

  it('formats with fewer decimals only when exact', () => {
    expect(formatDollars(5600, 2)).toBe('0.56');
    expect(() => formatDollars(5601, 2)).toThrow(/cannot be written/);
    expect(formatCount(-5)).toBe('-0.05');
  });

  it('covers the whole $0-$1 price range at 4 decimals without precision loss', () => {
    // Exhaustive: every 4-decimal price string from "0.0000" to "1.0000".
    for (let u = 0; u <= 10_000; u++) {
      const text = oracle(u, 4);
      expect(parseDollars(text)).toBe(u);
      expect(formatDollars(u)).toBe(text);
      expect(complementPrice(parseDollars(text))).toBe(10_000 - u);
    }
  });

  it('rejects a fifth decimal that is not zero, including "0.12345"', () => {
    expect(() => parseDollars('0.12345')).toThrow(/price/);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (u) => {
        const text = oracle(u, 5);
        if (u % 10 === 0) return parseDollars(text) === u / 10;
        return throws(() => parseDollars(text)) && throws(() => parseSignedDollars(`-${text}`));
      }),
    );
  });

  it('round-trips micros and counts through their strings, matching an exact decimal oracle', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (u) => {
        return formatMicros(u) === oracle(u, 6) && parseMicros(oracle(u, 6)) === u;
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (u) => {
        return formatCount(u) === oracle(u, 2) && parseCount(oracle(u, 2)) === u;
      }),
    );
  });

  it('preserves ordering of prices and money', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        return (
          Math.sign(parseDollars(formatDollars(a)) - parseDollars(formatDollars(b))) === Math.sign(a - b)
        );
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: -1e14, max: 1e14 }), (a, b) => {
        return Math.sign(parseMicros(formatMicros(a)) - parseMicros(formatMicros(b))) === Math.sign(a - b);
      }),
    );
  });

  it('price units x count units is the exact notional in micro-dollars', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1e8 }), (p, c) => {
        const exact = BigInt(p) * BigInt(c); // $p/1e4 * c/1e2 contracts = p*c / 1e6 dollars
        const m = notionalMicros(parseDollars(formatDollars(p)), parseCount(formatCount(c)));
        return BigInt(m) === exact && formatMicros(m) === oracle(Number(exact), 6);
      }),
    );
  });
});

function throws(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}
