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
