/**
 * Kalshi's quadratic trading fees in integer units.
 *
 * @module
 */
import type { CountUnits, Micros, PriceUnits } from '@mnquants/kalshi-sdk';
import type { EngineFeeType } from './types.js';

/** Micro-dollars per price unit ($0.0001). */
const MICROS_PER_PRICE_UNIT = 100;

/**
 * Exact `ceil(a * b / d)` for non-negative safe integers whose product may exceed 2^53.
 *
 * @internal
 */
export function mulDivCeil(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) {
    const r = p % d;
    return (p - r) / d + (r > 0 ? 1 : 0);
  }
  const big = BigInt(a) * BigInt(b);
  const bd = BigInt(d);
  return Number((big + bd - 1n) / bd);
}

/**
 * Exact `floor(a * b / d)` for non-negative safe integers whose product may exceed 2^53.
 *
 * @internal
 */
export function mulDivFloor(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return (p - (p % d)) / d;
  return Number((BigInt(a) * BigInt(b)) / BigInt(d));
}

/**
 * Computes the fee of one fill in micro-dollars with Kalshi's published quadratic schedule.
 *
 * @remarks
 * `fee = ceil_to_$0.0001(coef x C x P x (1 - P)) x multiplier`, where `C` is the filled contracts,
 * `P` the trade price in dollars of the outcome bought (P x (1 - P) is the same for YES and NO), and
 * `coef` is 0.07 for takers and 0.0175 for makers. Makers pay only on `quadratic_with_maker_fees`
 * series; `flat` series charge nothing in the simulator. Rounding: the product is rounded **up** to
 * the next $0.0001 exactly (integer arithmetic), then multiplied by the multiplier and rounded up to
 * $0.0001 again when the multiplier is fractional. The fee is computed per fill (each match of a
 * taker against one resting order), never aggregated over an order.
 * @param countUnits - Filled count in hundredths of a contract.
 * @param priceUnits - Trade price in $0.0001 units (either outcome's price).
 * @param isTaker - Whether the fill is the taker side.
 * @param feeType - The series' fee type.
 * @param feeMultiplier - The series' multiplier.
 * @returns The fee in micro-dollars (a multiple of 100).
 * @example
 * ```ts
 * tradingFeeMicros(10_000, 5_000, true, 'quadratic', 1); // 100 contracts at $0.50 -> 1_750_000 ($1.75)
 * ```
 */
export function tradingFeeMicros(
  countUnits: CountUnits,
  priceUnits: PriceUnits,
  isTaker: boolean,
  feeType: EngineFeeType,
  feeMultiplier: number,
): Micros {
  if (feeType === 'flat') return 0;
  if (!isTaker && feeType !== 'quadratic_with_maker_fees') return 0;
  // 0.07 x (c/100) x (p/1e4) x ((1e4-p)/1e4) dollars = 7 c p (1e4-p) / 1e12 $ = 7 c p (1e4-p) / 1e8 price units.
  // Maker: 0.0175 = 7/400, so divide by 4e8.
  const pq = priceUnits * (10_000 - priceUnits) * 7;
  const feeUnits = mulDivCeil(countUnits, pq, isTaker ? 100_000_000 : 400_000_000);
  if (feeMultiplier === 1) return feeUnits * MICROS_PER_PRICE_UNIT;
  // Multiplier as an exact rational in thousandths.
  const milli = Math.round(feeMultiplier * 1000);
  return mulDivCeil(feeUnits, milli, 1000) * MICROS_PER_PRICE_UNIT;
}
