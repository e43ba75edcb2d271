/**
 * A market's price grid (`price_ranges`) in integer $0.0001 price units: validation, rounding and
 * stepping.
 *
 * @module
 */
import { KalshiNumberError, PRICE_SCALE, type PriceUnits, parseDollars } from '@mnquants/kalshi-sdk';
import { MmCoreError } from '../errors.js';

/** One band of a price grid in price units: prices `startUnits + k * stepUnits` up to `endUnits`. */
export interface PriceBand {
  /** Inclusive lower bound, price units. */
  readonly startUnits: PriceUnits;
  /** Inclusive upper bound, price units. */
  readonly endUnits: PriceUnits;
  /** Tick size inside the band, price units (> 0). */
  readonly stepUnits: PriceUnits;
}

/** A `price_ranges` entry as it arrives on the wire (dollar strings). */
export interface WirePriceRange {
  /** Lower bound, dollars (for example `"0.0000"`). */
  readonly start: string;
  /** Upper bound, dollars (for example `"1.0000"`). */
  readonly end: string;
  /** Tick size, dollars (for example `"0.0100"`). */
  readonly step: string;
}

/**
 * How {@link PriceGrid.round} picks a grid price: `'down'` (largest price at or below),
 * `'up'` (smallest at or above), `'nearest'` (ties go down), or a quote side: `'bid'` rounds down
 * and `'ask'` rounds up, the sides that are safe for a maker.
 */
export type PriceRoundingMode = 'down' | 'up' | 'nearest' | 'bid' | 'ask';

/** The price level structures Kalshi documents (`Market.price_level_structure`). */
export type PriceLevelStructure =
  | 'linear_cent'
  | 'deci_cent'
  | 'tapered_deci_cent'
  | 'center_whole_edge_half_cent'
  | 'center_whole_edge_quint_cent'
  | 'center_half_edge_half_cent'
  | 'center_half_edge_quint_cent'
  | 'center_half_edge_deci_cent'
  | 'center_quint_edge_quint_cent'
  | 'center_quint_edge_deci_cent'
  | 'center_centi_edge_centi_cent'
  | 'center_deci_edge_centi_cent';

const WHOLE = 100;
const HALF = 50;
const QUINT = 20;
const DECI = 10;
const CENTI = 1;

function centerEdge(center: number, edge: number, edgeWidth = 1_000): PriceBand[] {
  return [
    { startUnits: 0, endUnits: edgeWidth, stepUnits: edge },
    { startUnits: edgeWidth, endUnits: PRICE_SCALE - edgeWidth, stepUnits: center },
    { startUnits: PRICE_SCALE - edgeWidth, endUnits: PRICE_SCALE, stepUnits: edge },
  ];
}

const STRUCTURES: Readonly<Record<PriceLevelStructure, readonly PriceBand[]>> = {
  linear_cent: [{ startUnits: 0, endUnits: PRICE_SCALE, stepUnits: WHOLE }],
  deci_cent: [{ startUnits: 0, endUnits: PRICE_SCALE, stepUnits: DECI }],
  tapered_deci_cent: centerEdge(WHOLE, DECI),
  center_whole_edge_half_cent: centerEdge(WHOLE, HALF),
  center_whole_edge_quint_cent: centerEdge(WHOLE, QUINT),
  center_half_edge_half_cent: centerEdge(HALF, HALF),
  center_half_edge_quint_cent: centerEdge(HALF, QUINT),
  center_half_edge_deci_cent: centerEdge(HALF, DECI),
  center_quint_edge_quint_cent: centerEdge(QUINT, QUINT),
  center_quint_edge_deci_cent: centerEdge(QUINT, DECI),
  center_centi_edge_centi_cent: centerEdge(CENTI, CENTI),
  center_deci_edge_centi_cent: centerEdge(DECI, CENTI, 100),
};

/** Every price level structure {@link PriceGrid.fromStructure} knows, in documentation order. */
export const PRICE_LEVEL_STRUCTURES: readonly PriceLevelStructure[] = Object.keys(
  STRUCTURES,
) as PriceLevelStructure[];

function assertPrice(price: number, what: string): void {
  if (!Number.isSafeInteger(price)) {
    throw new MmCoreError('INVALID_PRICE', `${what} must be an integer number of price units, got ${price}`);
  }
}

/**
 * The set of prices a market accepts, as integer $0.0001 price units.
 *
 * @remarks Built once from a market's `price_ranges` (the source of truth) with
 * {@link PriceGrid.fromPriceRanges}, or from a known `price_level_structure` name with
 * {@link PriceGrid.fromStructure}. A price is valid when it lies on the step of a band and strictly
 * inside (0, $1): $0 and $1 are band bounds, not orders. Rounding and stepping return `null` when no
 * valid price exists in the requested direction (for example a bid below the lowest tick), so a
 * caller decides whether to skip the quote or clamp with {@link PriceGrid.minPrice} /
 * {@link PriceGrid.maxPrice}. All operations are exact integer arithmetic (binary search over the
 * precomputed levels).
 *
 * @example
 * ```ts
 * const grid = PriceGrid.fromPriceRanges(market.price_ranges);
 * grid.round(5_637, 'bid'); // 5600 on linear_cent
 * grid.round(5_637, 'ask'); // 5700
 * grid.stepUp(5_600);       // 5700
 * ```
 */
export class PriceGrid {
  /** The bands the grid was built from, sorted by start. */
  readonly bands: readonly PriceBand[];
  /** The lowest valid price, price units. */
  readonly minPrice: PriceUnits;
  /** The highest valid price, price units. */
  readonly maxPrice: PriceUnits;
  readonly #levels: Int32Array;

  /**
   * @param bands - Bands in price units; each needs `0 <= start < end <= 10_000` and `step > 0`.
   * @throws {@link MmCoreError} `INVALID_PRICE_RANGES` listing every bad band, or when no valid
   * price lies strictly inside (0, $1).
   */
  constructor(bands: readonly PriceBand[]) {
    const problems: string[] = [];
    if (bands.length === 0) problems.push('no bands');
    bands.forEach((b, i) => {
      const ints = [b.startUnits, b.endUnits, b.stepUnits].every((v) => Number.isSafeInteger(v));
      if (!ints) problems.push(`band ${i}: bounds and step must be integers`);
      else if (b.startUnits < 0 || b.endUnits > PRICE_SCALE || b.startUnits >= b.endUnits)
        problems.push(
          `band ${i}: needs 0 <= start < end <= ${PRICE_SCALE}, got ${b.startUnits}..${b.endUnits}`,
        );
      else if (b.stepUnits <= 0) problems.push(`band ${i}: step must be > 0, got ${b.stepUnits}`);
    });
    if (problems.length > 0) {
      throw new MmCoreError('INVALID_PRICE_RANGES', `invalid price ranges: ${problems.join('; ')}`);
    }
    const set = new Set<number>();
    for (const b of bands) {
      for (let p = b.startUnits; p <= b.endUnits; p += b.stepUnits) {
        if (p > 0 && p < PRICE_SCALE) set.add(p);
      }
    }
    if (set.size === 0) {
      throw new MmCoreError('INVALID_PRICE_RANGES', 'invalid price ranges: no price strictly inside (0, 1)');
    }
    this.#levels = Int32Array.from([...set].sort((a, b) => a - b));
    this.bands = [...bands].sort((a, b) => a.startUnits - b.startUnits);
    this.minPrice = this.#levels[0] as number;
    this.maxPrice = this.#levels[this.#levels.length - 1] as number;
  }

  /**
   * Builds a grid from a market's wire `price_ranges` (dollar strings), parsing them once.
   *
   * @throws {@link MmCoreError} `INVALID_PRICE_RANGES` when a string is not an exact dollar amount
   * or a band is malformed (the Kalshi number error is the `cause`).
   * @example
   * ```ts
   * const grid = PriceGrid.fromPriceRanges([{ start: '0.0000', end: '1.0000', step: '0.0100' }]);
   * grid.isValid(5600); // true
   * ```
   */
  static fromPriceRanges(ranges: readonly WirePriceRange[]): PriceGrid {
    const bands: PriceBand[] = [];
    ranges.forEach((r, i) => {
      try {
        bands.push({
          startUnits: parseDollars(r.start),
          endUnits: parseDollars(r.end),
          stepUnits: parseDollars(r.step),
        });
      } catch (err) {
        const detail = err instanceof KalshiNumberError ? err.message : String(err);
        throw new MmCoreError('INVALID_PRICE_RANGES', `invalid price_ranges[${i}]: ${detail}`, {
          cause: err,
        });
      }
    });
    return new PriceGrid(bands);
  }

  /**
   * Builds the grid of a documented `price_level_structure`.
   *
   * @remarks Prefer {@link PriceGrid.fromPriceRanges} when the market's `price_ranges` are at
   * hand: they are the source of truth, and structures can be added or changed by Kalshi.
   * @throws {@link MmCoreError} `UNKNOWN_PRICE_LEVEL_STRUCTURE` for a name not in
   * {@link PRICE_LEVEL_STRUCTURES}.
   * @example
   * ```ts
   * PriceGrid.fromStructure('tapered_deci_cent').stepUp(9_000); // 9010
   * ```
   */
  static fromStructure(structure: string): PriceGrid {
    const bands = (STRUCTURES as Record<string, readonly PriceBand[] | undefined>)[structure];
    if (bands === undefined) {
      throw new MmCoreError(
        'UNKNOWN_PRICE_LEVEL_STRUCTURE',
        `unknown price_level_structure ${JSON.stringify(structure)}; use the market's price_ranges`,
      );
    }
    return new PriceGrid(bands);
  }

  /**
   * Every valid price, ascending.
   *
   * @example
   * ```ts
   * PriceGrid.fromStructure('linear_cent').levels().length; // 99
   * ```
   */
  levels(): readonly PriceUnits[] {
    return Array.from(this.#levels);
  }

  /**
   * True when `price` is a valid order price on this grid.
   *
   * @example
   * ```ts
   * PriceGrid.fromStructure('linear_cent').isValid(5_650); // false
   * ```
   */
  isValid(price: PriceUnits): boolean {
    if (!Number.isSafeInteger(price)) return false;
    const i = this.#lowerBound(price);
    return i < this.#levels.length && this.#levels[i] === price;
  }

  /**
   * Rounds `price` onto the grid.
   *
   * @param price - Integer price units (may lie off the grid or outside (0, $1)).
   * @param mode - See {@link PriceRoundingMode}.
   * @returns The grid price, or `null` when none exists in that direction.
   * @throws {@link MmCoreError} `INVALID_PRICE` when `price` is not a safe integer.
   * @example
   * ```ts
   * const grid = PriceGrid.fromStructure('linear_cent');
   * grid.round(4_250, 'bid');     // 4200
   * grid.round(4_250, 'ask');     // 4300
   * grid.round(4_251, 'nearest'); // 4300
   * grid.round(50, 'bid');        // null: no bid below 1 cent
   * ```
   */
  round(price: PriceUnits, mode: PriceRoundingMode): PriceUnits | null {
    assertPrice(price, 'price');
    const levels = this.#levels;
    const i = this.#lowerBound(price);
    const at = i < levels.length ? (levels[i] as number) : null;
    if (at === price) return price;
    const below = i > 0 ? (levels[i - 1] as number) : null;
    switch (mode) {
      case 'down':
      case 'bid':
        return below;
      case 'up':
      case 'ask':
        return at;
      case 'nearest':
        if (below === null) return at;
        if (at === null) return below;
        return price - below <= at - price ? below : at;
    }
  }

  /**
   * The `ticks`-th valid price strictly above `price` (from an off-grid price, the first step lands
   * on the next grid price up).
   *
   * @defaultValue ticks: 1
   * @returns The price, or `null` past the top of the grid.
   * @throws {@link MmCoreError} `INVALID_PRICE` for a non-integer price or `ticks` < 1.
   * @example
   * ```ts
   * PriceGrid.fromStructure('linear_cent').stepUp(5_600, 2); // 5800
   * ```
   */
  stepUp(price: PriceUnits, ticks = 1): PriceUnits | null {
    assertPrice(price, 'price');
    this.#assertTicks(ticks);
    const i = this.#upperBound(price) + ticks - 1;
    return i < this.#levels.length ? (this.#levels[i] as number) : null;
  }

  /**
   * The `ticks`-th valid price strictly below `price` (from an off-grid price, the first step lands
   * on the next grid price down).
   *
   * @defaultValue ticks: 1
   * @returns The price, or `null` past the bottom of the grid.
   * @throws {@link MmCoreError} `INVALID_PRICE` for a non-integer price or `ticks` < 1.
   * @example
   * ```ts
   * PriceGrid.fromStructure('tapered_deci_cent').stepDown(1_000); // 990
   * ```
   */
  stepDown(price: PriceUnits, ticks = 1): PriceUnits | null {
    assertPrice(price, 'price');
    this.#assertTicks(ticks);
    const i = this.#lowerBound(price) - ticks;
    return i >= 0 ? (this.#levels[i] as number) : null;
  }

  /**
   * The tick size at `price` going up (the distance to the next valid price), or `null` at the top.
   *
   * @example
   * ```ts
   * PriceGrid.fromStructure('tapered_deci_cent').tickAbove(9_500); // 10
   * ```
   */
  tickAbove(price: PriceUnits): PriceUnits | null {
    const next = this.stepUp(price);
    return next === null ? null : next - price;
  }

  #assertTicks(ticks: number): void {
    if (!Number.isSafeInteger(ticks) || ticks < 1) {
      throw new MmCoreError('INVALID_PRICE', `ticks must be a positive integer, got ${ticks}`);
    }
  }

  /** Index of the first level >= price. */
  #lowerBound(price: number): number {
    const levels = this.#levels;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as number) < price) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first level > price. */
  #upperBound(price: number): number {
    const levels = this.#levels;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as number) <= price) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
