import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal.js';

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.96, 0.024997895148220435],
    [1.96, 0.9750021048517795],
    [-3, 0.0013498980316301035],
    [5, 0.9999997133484281],
    [-8, 6.22096057427178e-16],
  ])('Φ(%d) matches the reference value', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 14);
  });

  it('saturates in the tails and at infinity', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('is symmetric', () => {
    for (const x of [0.1, 0.7, 1.3, 2.5, 4.2]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
  });
});

describe('normalCdf tails', () => {
  it('keeps relative precision far in the lower tail', () => {
    // Φ(-10) = 7.619853024160527e-24, Φ(-20) = 2.7536241186062337e-89
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
    expect(normalCdf(-20) / 2.7536241186062337e-89).toBeCloseTo(1, 12);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    const below = normalCdf(-3 - 1e-12);
    const above = normalCdf(-3 + 1e-12);
    expect(Math.abs(above - below) / above).toBeLessThan(1e-10); // true change is ~6.5e-12
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 13);
  });
});
