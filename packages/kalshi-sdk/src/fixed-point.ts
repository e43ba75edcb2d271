/**
 * Exact fixed-point conversions between Kalshi's decimal strings and the toolkit's integers.
 *
 * Units used across the toolkit:
 * - price: integer units of $0.0001 ({@link PRICE_SCALE} units = $1);
 * - count: integer hundredths of a contract ({@link COUNT_SCALE} units = 1 contract);
 * - money: integer micro-dollars ({@link MICROS_PER_DOLLAR} = $1); price units × count units =
 *   micro-dollars exactly.
 *
 * Parsing is string arithmetic only (no `parseFloat` round trip). Extra decimals are accepted only
 * when they are zeros, so `"0.560000"` is 5,600 price units but `"0.12345"` is an error.
 *
 * @module
 */
import { KalshiNumberError } from './errors.js';

/**
 * Price units per dollar: a price unit is $0.0001.
 *
 * @example
 * ```ts
 * const halfDollar = PRICE_SCALE / 2; // 5_000 price units = $0.50
 * ```
 */
export const PRICE_SCALE = 10_000;
/**
 * Count units per contract: a count unit is 0.01 contract.
 *
 * @example
 * ```ts
 * const fiveContracts = 5 * COUNT_SCALE; // 500 count units
 * ```
 */
export const COUNT_SCALE = 100;
/**
 * Micro-dollars per dollar.
 *
 * @remarks Price units × count units = micro-dollars exactly.
 * @example
 * ```ts
 * const notionalMicros = parseDollars('0.5600') * parseCount('5.00'); // 2_800_000 = $2.80
 * notionalMicros / MICROS_PER_DOLLAR; // 2.8 (for display only)
 * ```
 */
export const MICROS_PER_DOLLAR = 1_000_000;

/** An integer number of $0.0001 price units (5,600 = $0.56). */
export type PriceUnits = number;
/** An integer number of hundredths of a contract (1,000 = 10 contracts). */
export type CountUnits = number;
/** An integer number of micro-dollars (1,000,000 = $1). */
export type Micros = number;

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

function parseScaled(input: unknown, decimals: number, what: string, allowNegative: boolean): number {
  if (typeof input !== 'string') {
    throw new KalshiNumberError(`${what} must be a decimal string, got ${typeof input}`, input);
  }
  const s = input;
  const len = s.length;
  if (len === 0 || len > 32)
    throw new KalshiNumberError(`${what} is not a decimal string: ${JSON.stringify(s)}`, s);
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i = 1;
    if (negative && !allowNegative)
      throw new KalshiNumberError(`${what} must not be negative: ${JSON.stringify(s)}`, s);
  }
  let whole = 0;
  let wholeDigits = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    wholeDigits++;
  }
  let frac = 0;
  let fracDigits = 0;
  if (i < len && s.charCodeAt(i) === 46 /* . */) {
    i++;
    for (; i < len; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (fracDigits < decimals) {
        frac = frac * 10 + c;
      } else if (c !== 0) {
        throw new KalshiNumberError(`${what} has more than ${decimals} decimals: ${JSON.stringify(s)}`, s);
      }
      fracDigits++;
    }
    if (fracDigits === 0 && wholeDigits === 0) i = -1;
  }
  if (i !== len || (wholeDigits === 0 && fracDigits === 0)) {
    throw new KalshiNumberError(`${what} is not a decimal string: ${JSON.stringify(s)}`, s);
  }
  const used = Math.min(fracDigits, decimals);
  const value = whole * (POW10[decimals] as number) + frac * (POW10[decimals - used] as number);
  if (!Number.isSafeInteger(value))
    throw new KalshiNumberError(`${what} is out of range: ${JSON.stringify(s)}`, s);
  return negative ? -value : value;
}

function formatScaled(units: number, decimals: number, outDecimals: number, what: string): string {
  if (!Number.isSafeInteger(units))
    throw new KalshiNumberError(`${what} must be a safe integer, got ${units}`, units);
  const scale = POW10[decimals] as number;
  const negative = units < 0;
  const abs = negative ? -units : units;
  const whole = Math.floor(abs / scale);
  let frac = abs - whole * scale;
  let fracDigits = decimals;
  if (outDecimals < decimals) {
    const drop = POW10[decimals - outDecimals] as number;
    if (frac % drop !== 0) {
      throw new KalshiNumberError(`${what} ${units} cannot be written with ${outDecimals} decimals`, units);
    }
    frac /= drop;
    fracDigits = outDecimals;
  }
  const sign = negative && (whole !== 0 || frac !== 0) ? '-' : '';
  if (fracDigits === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(fracDigits, '0')}`;
}

/**
 * Parses a dollar price string (`"0.5600"`) into integer $0.0001 price units.
 *
 * @remarks Accepts up to 4 significant decimals; further decimals must be zeros. Negative values
 * are rejected; use {@link parseSignedDollars} where a sign is meaningful.
 * @throws {@link KalshiNumberError} when the input is not an exact 4-decimal amount.
 * @example
 * ```ts
 * parseDollars('0.5600'); // 5600
 * parseDollars('0.56');   // 5600
 * ```
 */
export function parseDollars(input: string): PriceUnits {
  return parseScaled(input, 4, 'price', false);
}

/**
 * Parses a signed dollar string into price units.
 *
 * @throws {@link KalshiNumberError} when the input is not an exact 4-decimal amount.
 * @example
 * ```ts
 * parseSignedDollars('-0.0100'); // -100
 * ```
 */
export function parseSignedDollars(input: string): PriceUnits {
  return parseScaled(input, 4, 'price', true);
}

/**
 * Formats price units as a Kalshi dollar string with 4 decimals (or fewer, when exact).
 *
 * @param units - Integer $0.0001 units.
 * @param decimals - Output decimals (0-4).
 * @defaultValue decimals: 4
 * @throws {@link KalshiNumberError} when `units` is not a safe integer or needs more decimals.
 * @example
 * ```ts
 * formatDollars(5600);    // "0.5600"
 * formatDollars(5600, 2); // "0.56"
 * ```
 */
export function formatDollars(units: PriceUnits, decimals = 4): string {
  return formatScaled(units, 4, decimals, 'price');
}

/**
 * Parses a signed money string with up to 6 decimals (portfolio fields) into micro-dollars.
 *
 * @throws {@link KalshiNumberError} when the input is not an exact 6-decimal amount.
 * @example
 * ```ts
 * parseMicros('12.345678'); // 12345678
 * parseMicros('-0.07');     // -70000
 * ```
 */
export function parseMicros(input: string): Micros {
  return parseScaled(input, 6, 'money', true);
}

/**
 * Formats micro-dollars as a dollar string.
 *
 * @param decimals - Output decimals (0-6); must be exact.
 * @defaultValue decimals: 6
 * @throws {@link KalshiNumberError} when the value needs more decimals than requested.
 * @example
 * ```ts
 * formatMicros(12_345_678);   // "12.345678"
 * formatMicros(560_000, 4);   // "0.5600"
 * ```
 */
export function formatMicros(units: Micros, decimals = 6): string {
  return formatScaled(units, 6, decimals, 'money');
}

/**
 * Parses a fixed-point contract count (`"10.00"`) into hundredths of a contract.
 *
 * @throws {@link KalshiNumberError} when the input is negative or has more than 2 decimals.
 * @example
 * ```ts
 * parseCount('10.00'); // 1000
 * parseCount('0.5');   // 50
 * ```
 */
export function parseCount(input: string): CountUnits {
  return parseScaled(input, 2, 'count', false);
}

/**
 * Parses a signed fixed-point count (an orderbook `delta_fp`, a `position_fp`).
 *
 * @throws {@link KalshiNumberError} when the input has more than 2 decimals.
 * @example
 * ```ts
 * parseSignedCount('-54.00'); // -5400
 * ```
 */
export function parseSignedCount(input: string): CountUnits {
  return parseScaled(input, 2, 'count', true);
}

/**
 * Formats count units as a Kalshi `_fp` string with exactly 2 decimals.
 *
 * @throws {@link KalshiNumberError} when `units` is not a safe integer.
 * @example
 * ```ts
 * formatCount(1000); // "10.00"
 * formatCount(-5);   // "-0.05"
 * ```
 */
export function formatCount(units: CountUnits): string {
  return formatScaled(units, 2, 2, 'count');
}

/**
 * Converts a legacy integer-cent price to price units.
 *
 * @throws {@link KalshiNumberError} when `cents` is not an integer.
 * @example
 * ```ts
 * centsToPriceUnits(56); // 5600
 * ```
 */
export function centsToPriceUnits(cents: number): PriceUnits {
  if (!Number.isSafeInteger(cents))
    throw new KalshiNumberError(`cents must be an integer, got ${cents}`, cents);
  return cents * 100;
}

/**
 * The cost in micro-dollars of `count` contracts at `price` (exact: price units × count units).
 *
 * @example
 * ```ts
 * notionalMicros(5600, 1000); // 5_600_000 ($5.60 for 10 contracts at $0.56)
 * ```
 */
export function notionalMicros(price: PriceUnits, count: CountUnits): Micros {
  return price * count;
}

/**
 * The complementary price on the other leg of a binary contract ($1 − price).
 *
 * @example
 * ```ts
 * complementPrice(5600); // 4400
 * ```
 */
export function complementPrice(price: PriceUnits): PriceUnits {
  return PRICE_SCALE - price;
}
