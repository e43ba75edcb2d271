import { PriceGrid } from '@mnquants/mm-core';
import { describe, expect, it } from 'vitest';
import { SpxFairValuePricer } from './pricer.js';

const NOW = Date.UTC(2026, 10, 25, 15, 0, 0); // 10:00 ET
const CLOSE = Date.UTC(2026, 10, 25, 21, 0, 0); // 16:00 ET
const grid = PriceGrid.fromStructure('linear_cent');

const pricer = (over: Partial<ConstructorParameters<typeof SpxFairValuePricer>[0]> = {}) =>
  new SpxFairValuePricer({
    markets: [
      { ticker: 'ABOVE', strike: { type: 'greater', floor: 6624.9999, cap: null }, closeTsMs: CLOSE, grid },
      { ticker: 'BUCKET', strike: { type: 'between', floor: 6600, cap: 6624.9999 }, closeTsMs: CLOSE, grid },
    ],
    tradingMsBetween: (a, b) => Math.max(0, b - a),
    minSpreadUnits: 400,
    maxSpreadUnits: 2_000,
    skewPerContractUnits: 20,
    ...over,
  });

describe('SpxFairValuePricer', () => {
  it('prices an at-the-money threshold near 50%', () => {
    const p = pricer().probability('ABOVE', 6625, 18, NOW)!;
    expect(p).toBeGreaterThan(0.45);
    expect(p).toBeLessThan(0.55);
  });

  it('quotes around fair value on the grid with at least the minimum spread', () => {
    const plan = pricer().plan({
      marketTicker: 'BUCKET',
      spot: 6612,
      volPct: 18,
      nowMs: NOW,
      positionUnits: 0,
    })!;
    expect(plan.bidUnits).not.toBeNull();
    expect(plan.askUnits).not.toBeNull();
    expect(grid.isValid(plan.bidUnits!)).toBe(true);
    expect(grid.isValid(plan.askUnits!)).toBe(true);
    expect(plan.bidUnits!).toBeLessThan(plan.fairUnits);
    expect(plan.askUnits!).toBeGreaterThan(plan.fairUnits);
    expect(plan.askUnits! - plan.bidUnits!).toBeGreaterThanOrEqual(400);
  });

  it('moves both quotes down when long and up when short', () => {
    const at = (positionUnits: number) =>
      pricer({ skewPerContractUnits: 100 }).plan({
        marketTicker: 'ABOVE',
        spot: 6625,
        volPct: 18,
        nowMs: NOW,
        positionUnits,
      })!;
    const flat = at(0);
    const long = at(1_000);
    const short = at(-1_000);
    expect(long.bidUnits!).toBeLessThan(flat.bidUnits!);
    expect(long.askUnits!).toBeLessThan(flat.askUnits!);
    expect(short.bidUnits!).toBeGreaterThan(flat.bidUnits!);
    expect(short.askUnits!).toBeGreaterThan(flat.askUnits!);
  });

  it('does not price an unknown market or one past its close', () => {
    expect(
      pricer().plan({ marketTicker: 'NOPE', spot: 6600, volPct: 18, nowMs: NOW, positionUnits: 0 }),
    ).toBeNull();
    expect(
      pricer().plan({ marketTicker: 'ABOVE', spot: 6600, volPct: 18, nowMs: CLOSE, positionUnits: 0 }),
    ).toBeNull();
  });

  it('uses the trading time it is given (no time left: fair value is 0 or 1)', () => {
    const p = pricer({ tradingMsBetween: () => 0 });
    expect(p.probability('ABOVE', 6630, 18, NOW)).toBe(1);
    expect(p.probability('ABOVE', 6620, 18, NOW)).toBe(0);
  });

  it('steps prices on the market grid', () => {
    expect(pricer().stepBelow('ABOVE', 4_200)).toBe(4_100);
    expect(pricer().stepAbove('ABOVE', 4_200)).toBe(4_300);
    expect(pricer().stepBelow('ABOVE', 100)).toBeNull();
  });
});
