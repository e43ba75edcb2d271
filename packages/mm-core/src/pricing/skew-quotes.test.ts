import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../markets/price-grid.js';
import { skewedQuotes } from './skew-quotes.js';

const grid = PriceGrid.fromStructure('linear_cent');
const config = { riskAversion: 1e-4, liquidity: 0.05 };

describe('skewedQuotes', () => {
  it('quotes around fair value when flat, rounded outward onto the grid', () => {
    const q = skewedQuotes(grid, config, {
      fairUnits: 4_870,
      inventoryCountUnits: 0,
      varianceUnits2: 90_000,
    });
    expect(q.reservationUnits).toBe(4_870);
    expect(q.halfSpreadUnits).toBe(50); // the raw spread (~49) is clamped to the 100-unit minimum
    expect([q.bidUnits, q.askUnits]).toEqual([4_800, 5_000]);
  });

  it('shifts the reservation price by q·γ·σ²', () => {
    const q = skewedQuotes(grid, config, {
      fairUnits: 4_870,
      inventoryCountUnits: 2_000,
      varianceUnits2: 90_000,
    });
    expect(q.reservationUnits).toBeCloseTo(4_870 - 20 * 1e-4 * 90_000, 9);
    expect([q.bidUnits, q.askUnits]).toEqual([4_600, 4_800]);
  });

  it('widens the spread with risk aversion and variance, up to the maximum', () => {
    const narrow = skewedQuotes(grid, config, {
      fairUnits: 5_000,
      inventoryCountUnits: 0,
      varianceUnits2: 1e6,
    });
    expect(narrow.halfSpreadUnits).toBeCloseTo((1e-4 * 1e6 + 2e4 * Math.log1p(1e-4 / 0.05)) / 2, 9);
    const wide = skewedQuotes(grid, config, {
      fairUnits: 5_000,
      inventoryCountUnits: 0,
      varianceUnits2: 1e9,
    });
    expect(wide.halfSpreadUnits).toBe(1_000);
  });

  it('drops a side that would leave the grid instead of clamping it', () => {
    const q = skewedQuotes(grid, config, { fairUnits: 60, inventoryCountUnits: 0, varianceUnits2: 0 });
    expect(q.bidUnits).toBeNull();
    expect(q.askUnits).toBe(200);
  });

  it('reports every invalid parameter at once', () => {
    expect(() =>
      skewedQuotes(
        grid,
        { riskAversion: 0, liquidity: -1, minSpreadUnits: 0 },
        {
          fairUnits: 5_000,
          inventoryCountUnits: 0,
          varianceUnits2: 0,
        },
      ),
    ).toThrow(/riskAversion[\s\S]*liquidity[\s\S]*minSpreadUnits/);
  });

  describe('properties', () => {
    const arb = fc.record({
      structure: fc.constantFrom(...PRICE_LEVEL_STRUCTURES),
      fair: fc.double({ min: -2_000, max: 12_000, noNaN: true }),
      variance: fc.double({ min: 0, max: 1e7, noNaN: true }),
      gamma: fc.double({ min: 1e-7, max: 1e-2, noNaN: true }),
      kappa: fc.double({ min: 1e-4, max: 1, noNaN: true }),
      minSpread: fc.integer({ min: 1, max: 500 }),
      q1: fc.integer({ min: -100_000, max: 100_000 }),
      dq: fc.integer({ min: 0, max: 100_000 }),
    });

    it('never crosses and stays on the grid inside (0, 1)', () => {
      fc.assert(
        fc.property(arb, (a) => {
          const g = PriceGrid.fromStructure(a.structure);
          const q = skewedQuotes(
            g,
            { riskAversion: a.gamma, liquidity: a.kappa, minSpreadUnits: a.minSpread, maxSpreadUnits: 5_000 },
            {
              fairUnits: a.fair,
              inventoryCountUnits: a.q1,
              varianceUnits2: a.variance,
            },
          );
          const onGrid = (p: number | null) => p === null || (g.isValid(p) && p > 0 && p < 10_000);
          return (
            onGrid(q.bidUnits) &&
            onGrid(q.askUnits) &&
            (q.bidUnits === null || q.askUnits === null || q.bidUnits < q.askUnits)
          );
        }),
      );
    });

    it('a longer YES inventory never raises the bid or the ask', () => {
      fc.assert(
        fc.property(arb, (a) => {
          const g = PriceGrid.fromStructure(a.structure);
          const cfg = {
            riskAversion: a.gamma,
            liquidity: a.kappa,
            minSpreadUnits: a.minSpread,
            maxSpreadUnits: 5_000,
          };
          const base = { fairUnits: a.fair, varianceUnits2: a.variance };
          const lo = skewedQuotes(g, cfg, { ...base, inventoryCountUnits: a.q1 });
          const hi = skewedQuotes(g, cfg, { ...base, inventoryCountUnits: a.q1 + a.dq });
          const bidOk = hi.bidUnits === null || (lo.bidUnits !== null && hi.bidUnits <= lo.bidUnits);
          const askOk = lo.askUnits === null || hi.askUnits === null || hi.askUnits <= lo.askUnits;
          return bidOk && askOk;
        }),
      );
    });

    it('a long inventory strictly lowers the reservation price', () => {
      fc.assert(
        fc.property(arb, (a) => {
          fc.pre(a.variance > 1 && a.dq > 0);
          const cfg = { riskAversion: a.gamma, liquidity: a.kappa };
          const base = { fairUnits: a.fair, varianceUnits2: a.variance };
          return (
            skewedQuotes(grid, cfg, { ...base, inventoryCountUnits: a.q1 + a.dq }).reservationUnits <
            skewedQuotes(grid, cfg, { ...base, inventoryCountUnits: a.q1 }).reservationUnits
          );
        }),
      );
    });
  });
});
