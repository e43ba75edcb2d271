import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NyseCalendar } from '../calendar/nyse-calendar.js';
import { isMmCoreError } from '../errors.js';
import {
  contractProbability,
  lognormalCdf,
  logStdDevToClose,
  probabilityToPriceUnits,
  type SpxStrike,
  spxFairValue,
  TRADING_YEAR_MS,
  vixToAnnualVol,
} from './fair-value.js';
import { normalCdf } from './normal.js';

const above = (floor: number): SpxStrike => ({ type: 'greater', floor, cap: null });
const between = (floor: number, cap: number): SpxStrike => ({ type: 'between', floor, cap });

describe('fair value', () => {
  it('equals N(d2) for an above-strike contract', () => {
    const spot = 6600;
    const k = 6650;
    const sd = 0.01;
    const cut = 6650.005; // greater 6650 => published index >= 6650.01
    const d2 = (Math.log(spot / cut) - (sd * sd) / 2) / sd;
    expect(contractProbability(above(k), spot, sd)).toBeCloseTo(normalCdf(d2), 14);
  });

  it('matches a textbook closed-form value', () => {
    // S = 100, K = 100.005 (cut of >= 100.01), sd = 0.2: d2 = ln(100/100.005)/0.2 - 0.1
    const d2 = Math.log(100 / 100.005) / 0.2 - 0.1;
    expect(contractProbability({ type: 'greater_or_equal', floor: 100.01, cap: null }, 100, 0.2)).toBeCloseTo(
      normalCdf(d2),
      14,
    );
    expect(normalCdf(-0.1)).toBeCloseTo(0.460172162722971, 14);
  });

  it('scales a VIX to the trading time left', () => {
    expect(vixToAnnualVol(18.5)).toBe(0.185);
    expect(logStdDevToClose(0.2, TRADING_YEAR_MS / 4)).toBeCloseTo(0.1, 15);
  });

  it('treats x.9999 and the next whole strike as the same contract', () => {
    const a = contractProbability({ type: 'greater', floor: 7224.9999, cap: null }, 7200, 0.005);
    const b = contractProbability({ type: 'greater_or_equal', floor: 7225, cap: null }, 7200, 0.005);
    expect(a).toBe(b);
  });

  it('resolves to 0/1 by comparison at expiry or zero volatility', () => {
    expect(contractProbability(above(6600), 6600.01, 0)).toBe(1);
    expect(contractProbability(above(6600), 6600, 0)).toBe(0);
    expect(contractProbability({ type: 'less_or_equal', floor: null, cap: 6600 }, 6600, 0)).toBe(1);
    expect(contractProbability(between(6575, 6599.9999), 6599.99, 0)).toBe(1);
    expect(contractProbability(between(6575, 6599.9999), 6600, 0)).toBe(0);
  });

  it('gives exact 0/1 for strikes deep in the tails and for open bounds', () => {
    expect(contractProbability(above(20_000), 6600, 0.01)).toBe(0);
    expect(contractProbability(above(100), 6600, 0.01)).toBe(1);
    expect(contractProbability(between(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY), 6600, 0.01)).toBe(
      1,
    );
    expect(contractProbability({ type: 'between', floor: null, cap: null }, 6600, 0.01)).toBe(1);
  });

  it('rejects a missing bound and bad inputs', () => {
    expect(() => contractProbability({ type: 'greater', floor: null, cap: null }, 6600, 0.01)).toThrow(
      /needs floor_strike/,
    );
    try {
      lognormalCdf(6600, -1, 0.01);
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe('INVALID_PRICING_INPUT');
    }
  });

  it('counts only trading time to the close', () => {
    const nyse = new NyseCalendar();
    const session = nyse.sessionFor('2026-03-13')!;
    const fv = spxFairValue({
      strike: above(6650),
      spot: 6600,
      volatility: { vixPercent: 20 },
      nowMs: session.closeMs - 3_600_000,
      closeMs: session.closeMs,
      calendar: nyse,
    });
    expect(fv.tradingMsToClose).toBe(3_600_000);
    expect(fv.sd).toBeCloseTo(0.2 * Math.sqrt(3_600_000 / TRADING_YEAR_MS), 15);
    const atClose = spxFairValue({
      strike: above(6650),
      spot: 6600,
      volatility: { annualVol: 0.2 },
      nowMs: session.closeMs,
      closeMs: session.closeMs,
      calendar: nyse,
    });
    expect(atClose.probability).toBe(0);
  });

  it('maps probabilities to price units', () => {
    expect(probabilityToPriceUnits(0.33126)).toBe(3_313);
    expect(probabilityToPriceUnits(1.2)).toBe(10_000);
    expect(probabilityToPriceUnits(-0.1)).toBe(0);
  });

  describe('properties', () => {
    const arbSpot = fc.double({ min: 1000, max: 10_000, noNaN: true });
    const arbSd = fc.double({ min: 0, max: 0.2, noNaN: true });

    it('is monotone non-increasing in the strike for above-contracts', () => {
      fc.assert(
        fc.property(
          arbSpot,
          arbSd,
          fc.integer({ min: 0, max: 100_000_000 }),
          fc.integer({ min: 0, max: 1_000_000 }),
          (s, sd, k, dk) => {
            const lo = k / 10_000;
            const hi = (k + dk) / 10_000;
            return contractProbability(above(hi), s, sd) <= contractProbability(above(lo), s, sd);
          },
        ),
      );
    });

    it("an event's range buckets sum to 1", () => {
      fc.assert(
        fc.property(
          arbSpot,
          arbSd,
          fc.integer({ min: 2, max: 60 }),
          fc.integer({ min: 1, max: 100 }),
          (s, sd, n, w) => {
            const start = Math.round(s) - Math.floor((n * w) / 2);
            const buckets: SpxStrike[] = [{ type: 'less', floor: null, cap: start }];
            for (let i = 0; i < n; i++) buckets.push(between(start + i * w, start + (i + 1) * w - 0.0001));
            buckets.push({ type: 'greater', floor: start + n * w - 0.0001, cap: null });
            const total = buckets.reduce((sum, b) => sum + contractProbability(b, s, sd), 0);
            return Math.abs(total - 1) < 1e-12;
          },
        ),
      );
    });

    it('above and below-or-equal the same strike are complements', () => {
      fc.assert(
        fc.property(arbSpot, arbSd, fc.double({ min: 500, max: 20_000, noNaN: true }), (s, sd, k) => {
          const kk = Math.round(k * 100) / 100;
          const p = contractProbability(above(kk), s, sd);
          const q = contractProbability({ type: 'less_or_equal', floor: null, cap: kk }, s, sd);
          return Math.abs(p + q - 1) < 1e-12;
        }),
      );
    });
  });
});
