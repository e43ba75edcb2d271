import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDollars,
  formatMicros,
  parseCount,
  parseDollars,
  parseMicros,
  parseSignedCount,
} from './fixed-point.js';

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
});
