/**
 * Inventory-skewed two-sided quotes around a fair value (Avellaneda-Stoikov style), mapped onto a
 * market's price grid.
 *
 * @module
 */
import { COUNT_SCALE, type CountUnits, type PriceUnits } from '@mnquants/kalshi-sdk';
import { MmCoreConfigError } from '../errors.js';
import type { PriceGrid } from '../markets/price-grid.js';

/** Parameters of {@link skewedQuotes}. */
export interface SkewQuoteConfig {
  /**
   * Risk aversion γ, per (contract × price unit): how strongly inventory and variance move the
   * reservation price and widen the spread. Must be > 0.
   */
  readonly riskAversion: number;
  /**
   * Order-book liquidity κ, per price unit: larger means fills arrive quickly close to fair value,
   * so the spread term (2/γ)·ln(1 + γ/κ) shrinks. Must be > 0.
   */
  readonly liquidity: number;
  /**
   * Narrowest total spread, price units (>= 1, so bid < ask before rounding).
   * @defaultValue 100 ($0.01)
   */
  readonly minSpreadUnits?: number;
  /**
   * Widest total spread, price units.
   * @defaultValue 2,000 ($0.20)
   */
  readonly maxSpreadUnits?: number;
}

/** Inputs of {@link skewedQuotes}. */
export interface SkewQuoteInput {
  /** Fair value of YES, price units (may be fractional, for example from a probability). */
  readonly fairUnits: number;
  /** Signed YES inventory, count units (+ long YES, − long NO). */
  readonly inventoryCountUnits: CountUnits;
  /**
   * Variance of the fair value over the remaining horizon, price units² (σ²·(T − t) in
   * Avellaneda-Stoikov). For example a fair value that may move ±300 units (1 sd) before the close
   * has variance 90,000.
   */
  readonly varianceUnits2: number;
}

/** Output of {@link skewedQuotes}. */
export interface SkewedQuotes {
  /** Reservation price before rounding, price units. */
  readonly reservationUnits: number;
  /** Half the clamped spread before rounding, price units. */
  readonly halfSpreadUnits: number;
  /** YES bid on the grid, or `null` when it would fall below the lowest valid price. */
  readonly bidUnits: PriceUnits | null;
  /** YES ask on the grid, or `null` when it would rise above the highest valid price. */
  readonly askUnits: PriceUnits | null;
}

/**
 * Validates a {@link SkewQuoteConfig}, reporting every problem at once.
 *
 * @throws {@link MmCoreConfigError} listing every problem.
 * @example
 * ```ts
 * validateSkewQuoteConfig({ riskAversion: 1e-4, liquidity: 0.05 });
 * ```
 */
export function validateSkewQuoteConfig(config: SkewQuoteConfig): void {
  const problems: string[] = [];
  const positive = (v: unknown, name: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      problems.push(`${name} must be a number > 0, got ${v}`);
  };
  positive(config.riskAversion, 'riskAversion');
  positive(config.liquidity, 'liquidity');
  const min = config.minSpreadUnits ?? 100;
  const max = config.maxSpreadUnits ?? 2_000;
  if (!Number.isFinite(min) || min < 1) problems.push(`minSpreadUnits must be >= 1, got ${min}`);
  if (!Number.isFinite(max) || max < min)
    problems.push(`maxSpreadUnits must be >= minSpreadUnits, got ${max}`);
  if (problems.length > 0) throw new MmCoreConfigError(problems);
}

/**
 * Computes inventory-skewed YES quotes around a fair value and maps them onto the price grid.
 *
 * @remarks Avellaneda-Stoikov with q = inventory in contracts:
 * reservation r = fair − q·γ·σ²; total spread δ = γ·σ² + (2/γ)·ln(1 + γ/κ), clamped to
 * [minSpreadUnits, maxSpreadUnits]; bid = r − δ/2 rounded down onto the grid, ask = r + δ/2
 * rounded up. A long YES inventory lowers both quotes (sell more readily, buy less), a short one
 * raises them. Quotes never cross (the minimum spread is >= 1 unit and rounding only widens) and
 * never leave (0, $1): a side that would fall outside the grid is `null` rather than clamped onto
 * a price the model does not want. Pure function.
 * @throws {@link MmCoreConfigError} for an invalid config; non-finite inputs are reported the same
 * way.
 * @example
 * ```ts
 * const grid = PriceGrid.fromStructure('linear_cent');
 * skewedQuotes(grid, { riskAversion: 1e-4, liquidity: 0.05 }, {
 *   fairUnits: 4_870, inventoryCountUnits: 2_000, varianceUnits2: 90_000,
 * }); // { reservationUnits: 4690, bidUnits: 4600, askUnits: 4800, ... }: 20 contracts long
 * // skews both quotes down (flat, the same call gives 4800 / 5000)
 * ```
 */
export function skewedQuotes(grid: PriceGrid, config: SkewQuoteConfig, input: SkewQuoteInput): SkewedQuotes {
  validateSkewQuoteConfig(config);
  const problems: string[] = [];
  if (!Number.isFinite(input.fairUnits)) problems.push(`fairUnits must be finite, got ${input.fairUnits}`);
  if (!Number.isFinite(input.inventoryCountUnits))
    problems.push(`inventoryCountUnits must be finite, got ${input.inventoryCountUnits}`);
  if (!Number.isFinite(input.varianceUnits2) || input.varianceUnits2 < 0)
    problems.push(`varianceUnits2 must be finite and >= 0, got ${input.varianceUnits2}`);
  if (problems.length > 0) throw new MmCoreConfigError(problems);

  const gamma = config.riskAversion;
  const q = input.inventoryCountUnits / COUNT_SCALE;
  const reservationUnits = input.fairUnits - q * gamma * input.varianceUnits2;
  const raw = gamma * input.varianceUnits2 + (2 / gamma) * Math.log1p(gamma / config.liquidity);
  const spread = Math.min(config.maxSpreadUnits ?? 2_000, Math.max(config.minSpreadUnits ?? 100, raw));
  const halfSpreadUnits = spread / 2;
  const bidRaw = Math.floor(reservationUnits - halfSpreadUnits);
  const askRaw = Math.ceil(reservationUnits + halfSpreadUnits);
  const bidUnits = Number.isSafeInteger(bidRaw) ? grid.round(bidRaw, 'bid') : null;
  const askUnits = Number.isSafeInteger(askRaw) ? grid.round(askRaw, 'ask') : null;
  return { reservationUnits, halfSpreadUnits, bidUnits, askUnits };
}
