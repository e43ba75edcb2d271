/**
 * Fair value of Kalshi's S&P 500 contracts (above, below, between strikes) from spot, volatility
 * and trading time to the close.
 *
 * @module
 */
import { PRICE_SCALE, type PriceUnits } from '@mnquants/kalshi-sdk';
import type { NyseCalendar } from '../calendar/nyse-calendar.js';
import { MmCoreError } from '../errors.js';
import { normalCdf } from './normal.js';

/**
 * The YES condition of a contract on the index level X at the close, as Kalshi's Market states it.
 *
 * @remarks `greater`: X > floor; `greater_or_equal`: X >= floor; `less`: X < cap;
 * `less_or_equal`: X <= cap; `between`: floor <= X <= cap (both inclusive, as Kalshi's range
 * buckets such as 6,675 to 6,699.9999 are written). A missing bound of `between` may be `null` or
 * `±Infinity`.
 */
export interface SpxStrike {
  /** Kalshi's `strike_type`. */
  readonly type: 'greater' | 'greater_or_equal' | 'less' | 'less_or_equal' | 'between';
  /** Kalshi's `floor_strike` (index points), or `null`. */
  readonly floor: number | null;
  /** Kalshi's `cap_strike` (index points), or `null`. */
  readonly cap: number | null;
}

/** Trading milliseconds in one year of the volatility convention: 252 sessions of 6.5 hours. */
export const TRADING_YEAR_MS = 252 * 6.5 * 3_600_000;

/** Settlement resolution of the S&P 500 index: it is published with 2 decimals. */
const INDEX_TICK_1E4 = 100;

/**
 * Converts a VIX level (annualized volatility in percent) to an annualized volatility fraction.
 *
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for a negative or non-finite VIX.
 * @example
 * ```ts
 * vixToAnnualVol(18.5); // 0.185
 * ```
 */
export function vixToAnnualVol(vixPercent: number): number {
  if (!Number.isFinite(vixPercent) || vixPercent < 0) {
    throw new MmCoreError('INVALID_PRICING_INPUT', `VIX must be a finite number >= 0, got ${vixPercent}`);
  }
  return vixPercent / 100;
}

/**
 * The standard deviation of log(S_close / S_now): annual volatility scaled to the trading time left.
 *
 * @param annualVol - Annualized volatility as a fraction (0.185 for a VIX of 18.5).
 * @param tradingMs - Trading time to the close in ms (see {@link NyseCalendar.tradingMsBetween}).
 * @param tradingYearMs - Trading ms per year.
 * @defaultValue tradingYearMs: {@link TRADING_YEAR_MS}
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for negative or non-finite inputs.
 * @example
 * ```ts
 * logStdDevToClose(0.185, 3_600_000); // 0.185 * sqrt(1 / 1638) ≈ 0.00457
 * ```
 */
export function logStdDevToClose(
  annualVol: number,
  tradingMs: number,
  tradingYearMs = TRADING_YEAR_MS,
): number {
  if (!Number.isFinite(annualVol) || annualVol < 0)
    throw new MmCoreError(
      'INVALID_PRICING_INPUT',
      `annual volatility must be finite and >= 0, got ${annualVol}`,
    );
  if (!Number.isFinite(tradingMs) || tradingMs < 0)
    throw new MmCoreError('INVALID_PRICING_INPUT', `trading time must be finite and >= 0, got ${tradingMs}`);
  if (!Number.isFinite(tradingYearMs) || tradingYearMs <= 0)
    throw new MmCoreError('INVALID_PRICING_INPUT', `tradingYearMs must be > 0, got ${tradingYearMs}`);
  return annualVol * Math.sqrt(tradingMs / tradingYearMs);
}

/**
 * P(S_close < x) under a driftless (martingale) lognormal: log(S_close/S) ~ N(-sd²/2, sd²).
 *
 * @remarks With `sd = 0` the distribution is a point mass at `spot`.
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for a non-positive spot or negative sd.
 * @example
 * ```ts
 * lognormalCdf(6600, 6600, 0.01); // N(sd/2) ≈ 0.502
 * ```
 */
export function lognormalCdf(x: number, spot: number, sd: number): number {
  assertSpotSd(spot, sd);
  if (Number.isNaN(x)) throw new MmCoreError('INVALID_PRICING_INPUT', 'level must be a number, got NaN');
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (sd === 0) return spot < x ? 1 : 0;
  return normalCdf((Math.log(x / spot) + (sd * sd) / 2) / sd);
}

function assertSpotSd(spot: number, sd: number): void {
  if (!Number.isFinite(spot) || spot <= 0)
    throw new MmCoreError('INVALID_PRICING_INPUT', `spot must be finite and > 0, got ${spot}`);
  if (!Number.isFinite(sd) || sd < 0)
    throw new MmCoreError('INVALID_PRICING_INPUT', `sd must be finite and >= 0, got ${sd}`);
}

/** Index level in 1e-4 points, exactly (strikes carry at most 4 decimals). */
function to1e4(level: number): number {
  return Math.round(level * 10_000);
}

/**
 * Cut points [lo, hi) on the continuous close S such that the YES condition on the published
 * (2-decimal) index holds iff lo <= S < hi, assuming the index is S rounded to the nearest 0.01.
 * Adjacent buckets (cap 6699.9999, next floor 6700) share the cut 6699.995, so an event's buckets
 * partition the line exactly.
 */
function yesInterval(strike: SpxStrike): [number, number] {
  const need = (v: number | null, name: string): number => {
    if (v === null || Number.isNaN(v))
      throw new MmCoreError('INVALID_PRICING_INPUT', `strike_type ${strike.type} needs ${name}_strike`);
    return v;
  };
  // Smallest published value >= v (or > v when strict), minus half a tick.
  const lowerCut = (v: number, strict: boolean): number => {
    if (!Number.isFinite(v)) return v;
    const u = to1e4(v);
    let k = Math.ceil(u / INDEX_TICK_1E4);
    if (strict && k * INDEX_TICK_1E4 === u) k++;
    return (k * INDEX_TICK_1E4 - INDEX_TICK_1E4 / 2) / 10_000;
  };
  // Largest published value <= v (or < v when strict), plus half a tick.
  const upperCut = (v: number, strict: boolean): number => {
    if (!Number.isFinite(v)) return v;
    const u = to1e4(v);
    let k = Math.floor(u / INDEX_TICK_1E4);
    if (strict && k * INDEX_TICK_1E4 === u) k--;
    return (k * INDEX_TICK_1E4 + INDEX_TICK_1E4 / 2) / 10_000;
  };
  switch (strike.type) {
    case 'greater':
      return [lowerCut(need(strike.floor, 'floor'), true), Number.POSITIVE_INFINITY];
    case 'greater_or_equal':
      return [lowerCut(need(strike.floor, 'floor'), false), Number.POSITIVE_INFINITY];
    case 'less':
      return [Number.NEGATIVE_INFINITY, upperCut(need(strike.cap, 'cap'), true)];
    case 'less_or_equal':
      return [Number.NEGATIVE_INFINITY, upperCut(need(strike.cap, 'cap'), false)];
    case 'between':
      return [
        lowerCut(strike.floor ?? Number.NEGATIVE_INFINITY, false),
        upperCut(strike.cap ?? Number.POSITIVE_INFINITY, false),
      ];
    default:
      throw new MmCoreError(
        'INVALID_PRICING_INPUT',
        `unsupported strike_type ${JSON.stringify(strike.type)}`,
      );
  }
}

/**
 * The probability that a contract resolves YES at the close.
 *
 * @remarks Model: the close is lognormal around `spot` with no drift (risk-neutral with rates and
 * dividends negligible over hours) and log standard deviation `sd` (from
 * {@link logStdDevToClose}); the published index is that value rounded to 0.01, so `greater
 * 6699.9999` and `greater_or_equal 6700` are the same contract, and the buckets of one event sum to
 * 1. Edge cases are exact: with `sd = 0` (at expiry or zero volatility) the answer is 0 or 1 by
 * comparing `spot` with the strike; infinite or missing bounds are open ends; strikes far in the
 * tails give exactly 0 or 1.
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for a non-positive spot, a negative sd, a
 * missing bound or an unsupported strike type.
 * @example
 * ```ts
 * contractProbability({ type: 'greater', floor: 6624.9999, cap: null }, 6612.34, 0.004); // ≈ 0.316
 * ```
 */
export function contractProbability(strike: SpxStrike, spot: number, sd: number): number {
  assertSpotSd(spot, sd);
  const [lo, hi] = yesInterval(strike);
  if (!(hi > lo)) return 0;
  if (sd === 0) return spot >= lo && spot < hi ? 1 : 0;
  const z = (x: number) =>
    x <= 0
      ? Number.NEGATIVE_INFINITY
      : x === Number.POSITIVE_INFINITY
        ? x
        : (Math.log(x / spot) + (sd * sd) / 2) / sd;
  const zLo = z(lo);
  const zHi = z(hi);
  // Difference on the side of the distribution the interval lies in, to keep tail precision.
  const p = zLo > 0 ? normalCdf(-zLo) - normalCdf(-zHi) : normalCdf(zHi) - normalCdf(zLo);
  return Math.min(1, Math.max(0, p));
}

/** Volatility input of {@link spxFairValue}: a VIX level or an explicit annualized volatility. */
export type VolatilityInput =
  | {
      /** VIX level, annualized percent (18.5). */
      readonly vixPercent: number;
    }
  | {
      /** Annualized volatility as a fraction (0.185). */
      readonly annualVol: number;
    };

/** Inputs of {@link spxFairValue}. */
export interface SpxFairValueInput {
  /** The contract's YES condition. */
  readonly strike: SpxStrike;
  /** Index level now. */
  readonly spot: number;
  /** Volatility. */
  readonly volatility: VolatilityInput;
  /** Now, Unix ms. */
  readonly nowMs: number;
  /** The observation time (the market's `close_time`), Unix ms. */
  readonly closeMs: number;
  /** Calendar whose trading time is counted between now and the close. */
  readonly calendar: NyseCalendar;
  /**
   * Trading ms per year of the volatility convention.
   * @defaultValue {@link TRADING_YEAR_MS}
   */
  readonly tradingYearMs?: number;
}

/** Output of {@link spxFairValue}. */
export interface SpxFairValue {
  /** Probability of YES, 0..1. */
  readonly probability: number;
  /** Log standard deviation to the close used. */
  readonly sd: number;
  /** Trading ms between now and the close. */
  readonly tradingMsToClose: number;
}

/**
 * Fair value of an S&P 500 contract: the YES probability given spot, volatility and the trading
 * time left before the close.
 *
 * @remarks Only NYSE trading time counts toward the time to close (nights, weekends, holidays add
 * nothing), so overnight gap risk is not priced; it is a model for same-session contracts.
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for invalid inputs.
 * @example
 * ```ts
 * const fv = spxFairValue({
 *   strike: contract.strike, spot: 6612.34, volatility: { vixPercent: 18.5 },
 *   nowMs: Date.now(), closeMs: contract.closeTimeMs, calendar: nyse,
 * });
 * probabilityToPriceUnits(fv.probability); // e.g. 3312
 * ```
 */
export function spxFairValue(input: SpxFairValueInput): SpxFairValue {
  const annualVol =
    'vixPercent' in input.volatility
      ? vixToAnnualVol(input.volatility.vixPercent)
      : input.volatility.annualVol;
  const tradingMsToClose = input.calendar.tradingMsBetween(input.nowMs, input.closeMs);
  const sd = logStdDevToClose(annualVol, tradingMsToClose, input.tradingYearMs);
  return { probability: contractProbability(input.strike, input.spot, sd), sd, tradingMsToClose };
}

/**
 * Maps a probability to the nearest integer price units ($0.0001), clamped to [0, 10,000].
 *
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for NaN.
 * @example
 * ```ts
 * probabilityToPriceUnits(0.33126); // 3313
 * ```
 */
export function probabilityToPriceUnits(probability: number): PriceUnits {
  if (Number.isNaN(probability)) throw new MmCoreError('INVALID_PRICING_INPUT', 'probability is NaN');
  return Math.min(PRICE_SCALE, Math.max(0, Math.round(probability * PRICE_SCALE)));
}

/**
 * Maps price units back to a probability.
 *
 * @example
 * ```ts
 * priceUnitsToProbability(5600); // 0.56
 * ```
 */
export function priceUnitsToProbability(price: PriceUnits): number {
  return price / PRICE_SCALE;
}
