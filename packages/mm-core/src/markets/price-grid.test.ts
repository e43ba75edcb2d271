import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMmCoreError } from '../errors.js';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from './price-grid.js';

const arbStructure = fc.constantFrom(...PRICE_LEVEL_STRUCTURES);
const arbPrice = fc.integer({ min: -500, max: 10_500 });

describe('PriceGrid', () => {
  it('parses wire price_ranges once into price units', () => {
    const grid = PriceGrid.fromPriceRanges([
      { start: '0.0000', end: '0.1000', step: '0.0010' },
      { start: '0.1000', end: '0.9000', step: '0.0100' },
      { start: '0.9000', end: '1.0000', step: '0.0010' },
    ]);
    expect(grid.bands[1]).toEqual({ startUnits: 1_000, endUnits: 9_000, stepUnits: 100 });
    expect(grid.levels()).toEqual(PriceGrid.fromStructure('tapered_deci_cent').levels());
  });

  it('rejects malformed wire strings with INVALID_PRICE_RANGES and the index', () => {
    try {
      PriceGrid.fromPriceRanges([{ start: '0.0000', end: 'one', step: '0.01' }]);
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe('INVALID_PRICE_RANGES');
      expect((err as Error).message).toContain('price_ranges[0]');
    }
  });

  it('reports every bad band at once', () => {
    expect(
      () =>
        new PriceGrid([
          { startUnits: 500, endUnits: 100, stepUnits: 100 },
          { startUnits: 0, endUnits: 10_000, stepUnits: 0 },
        ]),
    ).toThrow(/band 0.*band 1/);
  });

  it('rejects unknown structures', () => {
    expect(() => PriceGrid.fromStructure('quarter_cent')).toThrow(/unknown price_level_structure/);
  });

  it.each([
    ['linear_cent', 99, 100, 9_900],
    ['deci_cent', 999, 10, 9_990],
    ['tapered_deci_cent', 100 + 79 + 100, 10, 9_990],
    ['center_whole_edge_half_cent', 19 + 81 + 19, 50, 9_950],
    ['center_half_edge_half_cent', 199, 50, 9_950],
    ['center_centi_edge_centi_cent', 9_999, 1, 9_999],
    ['center_deci_edge_centi_cent', 100 + 979 + 100, 1, 9_999],
  ] as const)('%s has %i levels from %i to %i', (name, count, min, max) => {
    const grid = PriceGrid.fromStructure(name);
    expect(grid.levels().length).toBe(count);
    expect(grid.minPrice).toBe(min);
    expect(grid.maxPrice).toBe(max);
  });

  it('accepts whole-cent prices in every structure', () => {
    for (const s of PRICE_LEVEL_STRUCTURES) {
      const grid = PriceGrid.fromStructure(s);
      for (let c = 1; c <= 99; c++) expect(grid.isValid(c * 100), `${s} ${c}c`).toBe(true);
    }
  });

  it('rounds bids down and asks up; nearest ties go down', () => {
    const grid = PriceGrid.fromStructure('linear_cent');
    expect(grid.round(4_250, 'bid')).toBe(4_200);
    expect(grid.round(4_250, 'ask')).toBe(4_300);
    expect(grid.round(4_250, 'nearest')).toBe(4_200);
    expect(grid.round(4_251, 'nearest')).toBe(4_300);
    expect(grid.round(4_200, 'ask')).toBe(4_200);
  });

  it('returns null when nothing lies in the rounding direction', () => {
    const grid = PriceGrid.fromStructure('linear_cent');
    expect(grid.round(50, 'bid')).toBeNull();
    expect(grid.round(9_950, 'ask')).toBeNull();
    expect(grid.stepUp(9_900)).toBeNull();
    expect(grid.stepDown(100)).toBeNull();
  });

  it('steps across band boundaries with the band tick', () => {
    const grid = PriceGrid.fromStructure('tapered_deci_cent');
    expect(grid.stepUp(990)).toBe(1_000);
    expect(grid.stepUp(1_000)).toBe(1_100);
    expect(grid.stepDown(1_000)).toBe(990);
    expect(grid.stepUp(8_900)).toBe(9_000);
    expect(grid.stepUp(9_000)).toBe(9_010);
  });

  it('rejects non-integer prices and ticks', () => {
    const grid = PriceGrid.fromStructure('linear_cent');
    expect(() => grid.round(42.5, 'bid')).toThrow(/integer/);
    expect(() => grid.stepUp(4_200, 0)).toThrow(/positive integer/);
  });

  describe('properties', () => {
    it('rounding lands on the grid (or null only outside the grid)', () => {
      fc.assert(
        fc.property(
          arbStructure,
          arbPrice,
          fc.constantFrom('down', 'up', 'nearest', 'bid', 'ask'),
          (s, p, m) => {
            const grid = PriceGrid.fromStructure(s);
            const r = grid.round(p, m);
            if (r === null) {
              return m === 'up' || m === 'ask'
                ? p > grid.maxPrice
                : m === 'nearest'
                  ? false
                  : p < grid.minPrice;
            }
            return grid.isValid(r);
          },
        ),
      );
    });

    it('bid rounding never increases and ask rounding never decreases', () => {
      fc.assert(
        fc.property(arbStructure, arbPrice, (s, p) => {
          const grid = PriceGrid.fromStructure(s);
          const bid = grid.round(p, 'bid');
          const ask = grid.round(p, 'ask');
          return (bid === null || bid <= p) && (ask === null || ask >= p);
        }),
      );
    });

    it('rounding is monotone', () => {
      fc.assert(
        fc.property(
          arbStructure,
          arbPrice,
          arbPrice,
          fc.constantFrom('down', 'up', 'nearest'),
          (s, a, b, m) => {
            const grid = PriceGrid.fromStructure(s);
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            const rl = grid.round(lo, m);
            const rh = grid.round(hi, m);
            return rl === null || rh === null || rl <= rh;
          },
        ),
      );
    });

    it('stepping down undoes stepping up on every valid price', () => {
      fc.assert(
        fc.property(arbStructure, fc.nat(), fc.integer({ min: 1, max: 5 }), (s, k, n) => {
          const grid = PriceGrid.fromStructure(s);
          const levels = grid.levels();
          const p = levels[k % levels.length] as number;
          const up = grid.stepUp(p, n);
          const down = grid.stepDown(p, n);
          return (up === null || grid.stepDown(up, n) === p) && (down === null || grid.stepUp(down, n) === p);
        }),
      );
    });
  });
});
