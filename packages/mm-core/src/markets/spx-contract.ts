/**
 * S&P 500 contract descriptions built from Kalshi Market objects, and strike selection around an
 * index level.
 *
 * @module
 */
import type { Market } from '@mnquants/kalshi-sdk';
import { isMmCoreError, MmCoreError } from '../errors.js';
import type { SpxStrike } from '../pricing/fair-value.js';
import { PriceGrid } from './price-grid.js';
import { parseSpxTicker, type SpxSeries } from './spx-ticker.js';

/** The Market fields {@link spxContractFromMarket} reads (a full SDK `Market` satisfies it). */
export type SpxMarketFields = Pick<Market, 'ticker' | 'event_ticker'> &
  Partial<
    Pick<Market, 'strike_type' | 'floor_strike' | 'cap_strike' | 'close_time' | 'price_ranges' | 'status'>
  >;

/** A tradable description of one S&P 500 contract. */
export interface SpxContract {
  /** Market ticker. */
  readonly ticker: string;
  /** Event ticker. */
  readonly eventTicker: string;
  /** Series. */
  readonly series: SpxSeries;
  /** Event date, `YYYY-MM-DD` (Eastern). */
  readonly date: string;
  /** Observation time from the ticker (Eastern), or `null`. */
  readonly time: { readonly hour: number; readonly minute: number } | null;
  /** The YES condition. */
  readonly strike: SpxStrike;
  /** Where {@link SpxContract.strike} came from: the Market's fields or, failing those, the ticker. */
  readonly strikeSource: 'market' | 'ticker';
  /** The market's `close_time` (the observation time), Unix ms, or `null` when unknown. */
  readonly closeTimeMs: number | null;
  /** The market's price grid, or `null` when `price_ranges` was absent. */
  readonly grid: PriceGrid | null;
  /** The market's status, or `null` when unknown. */
  readonly status: string | null;
}

const LADDER_SERIES: ReadonlySet<SpxSeries> = new Set(['KXINXU', 'INXU']);
const PRICED_TYPES = new Set(['greater', 'greater_or_equal', 'less', 'less_or_equal', 'between']);

function numOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function strikeFromMarket(market: SpxMarketFields): SpxStrike | null {
  const type = market.strike_type;
  if (type === undefined) return null;
  if (!PRICED_TYPES.has(type)) {
    throw new MmCoreError(
      'UNSUPPORTED_STRIKE',
      `market ${market.ticker}: strike_type ${JSON.stringify(type)} cannot be priced as an index threshold or range`,
    );
  }
  const strike: SpxStrike = {
    type: type as SpxStrike['type'],
    floor: numOrNull(market.floor_strike),
    cap: numOrNull(market.cap_strike),
  };
  const needsFloor = type === 'greater' || type === 'greater_or_equal';
  const needsCap = type === 'less' || type === 'less_or_equal';
  if ((needsFloor && strike.floor === null) || (needsCap && strike.cap === null)) {
    throw new MmCoreError(
      'MISSING_STRIKE',
      `market ${market.ticker}: strike_type ${type} without its strike value`,
    );
  }
  if (type === 'between' && (strike.floor === null || strike.cap === null || strike.floor > strike.cap)) {
    throw new MmCoreError(
      'MISSING_STRIKE',
      `market ${market.ticker}: between needs floor_strike <= cap_strike`,
    );
  }
  return strike;
}

/**
 * Describes an S&P 500 contract from a Kalshi Market; its `strike_type`, `floor_strike` and
 * `cap_strike` win over anything parsed from the ticker.
 *
 * @remarks Series, date and observation time come from the ticker. When the Market carries no
 * `strike_type`, a `T` leg of a ladder series (`KXINXU`, `INXU`) is read as `greater` than its
 * label; anything else is an error rather than a guess (bucket labels sit near, not at, the bucket
 * bounds). `price_ranges` are parsed once into {@link SpxContract.grid}.
 * @throws {@link MmCoreError} `INVALID_TICKER` for a non-S&P ticker, `UNSUPPORTED_STRIKE` for a
 * strike type that is not a threshold or range, `MISSING_STRIKE` when the bounds are missing,
 * `INVALID_PRICE_RANGES` for a malformed grid, `INVALID_MARKET` for an unparsable `close_time`.
 * @example
 * ```ts
 * const { market } = await client.markets.get('KXINX-26MAR13H1600-B6687');
 * const contract = spxContractFromMarket(market);
 * contract.strike; // { type: 'between', floor: 6675, cap: 6699.9999 }
 * ```
 */
export function spxContractFromMarket(market: SpxMarketFields): SpxContract {
  const parsed = parseSpxTicker(market.ticker);
  if (parsed.kind !== 'market') {
    throw new MmCoreError('INVALID_TICKER', `${market.ticker} is an event ticker, not a market ticker`);
  }
  let strike = strikeFromMarket(market);
  const strikeSource = strike === null ? 'ticker' : 'market';
  if (strike === null) {
    if (parsed.strikeKind === 'threshold' && LADDER_SERIES.has(parsed.series)) {
      strike = { type: 'greater', floor: parsed.strikeValue, cap: null };
    } else {
      throw new MmCoreError(
        'MISSING_STRIKE',
        `market ${market.ticker}: no strike_type and the ticker alone does not define the strike`,
      );
    }
  }
  let closeTimeMs: number | null = null;
  if (market.close_time !== undefined) {
    closeTimeMs = Date.parse(market.close_time);
    if (Number.isNaN(closeTimeMs)) {
      throw new MmCoreError(
        'INVALID_MARKET',
        `market ${market.ticker}: close_time ${JSON.stringify(market.close_time)}`,
      );
    }
  }
  return {
    ticker: market.ticker,
    eventTicker: market.event_ticker,
    series: parsed.series,
    date: parsed.date,
    time: parsed.time,
    strike,
    strikeSource,
    closeTimeMs,
    grid: market.price_ranges === undefined ? null : PriceGrid.fromPriceRanges(market.price_ranges),
    status: market.status ?? null,
  };
}

/**
 * Like {@link spxContractFromMarket} but returns the error instead of throwing, for bulk use.
 *
 * @example
 * ```ts
 * const r = trySpxContractFromMarket(market);
 * if (!r.ok) logger.warn(`skipping ${market.ticker}: ${r.error.message}`);
 * ```
 */
export function trySpxContractFromMarket(
  market: SpxMarketFields,
):
  | { readonly ok: true; readonly contract: SpxContract }
  | { readonly ok: false; readonly error: MmCoreError } {
  try {
    return { ok: true, contract: spxContractFromMarket(market) };
  } catch (err) {
    if (isMmCoreError(err)) return { ok: false, error: err };
    throw err;
  }
}

function lowerBound(s: SpxStrike): number {
  if (s.type === 'less' || s.type === 'less_or_equal') return Number.NEGATIVE_INFINITY;
  return s.floor ?? Number.NEGATIVE_INFINITY;
}

function level(s: SpxStrike): number {
  if (s.type === 'less' || s.type === 'less_or_equal') return s.cap ?? Number.NEGATIVE_INFINITY;
  return s.floor ?? Number.NEGATIVE_INFINITY;
}

function contains(s: SpxStrike, x: number): boolean {
  switch (s.type) {
    case 'greater':
      return x > (s.floor as number);
    case 'greater_or_equal':
      return x >= (s.floor as number);
    case 'less':
      return x < (s.cap as number);
    case 'less_or_equal':
      return x <= (s.cap as number);
    case 'between':
      return x >= (s.floor ?? Number.NEGATIVE_INFINITY) && x <= (s.cap ?? Number.POSITIVE_INFINITY);
  }
}

/**
 * Picks the strikes around an index level.
 *
 * @remarks When the contracts include range buckets (`between`: a `KXINX` partition with its
 * tails), returns the bucket containing `indexLevel` plus `neighbours` buckets on each side. For a
 * ladder (only thresholds, as in `KXINXU`), returns the `neighbours * 2 + 1` thresholds nearest to
 * `indexLevel` (ties to the lower strike). Results are sorted by strike; pass the contracts of one
 * event.
 * @defaultValue neighbours: 2
 * @throws {@link MmCoreError} `INVALID_PRICING_INPUT` for a non-finite level or a negative count.
 * @example
 * ```ts
 * const near = selectSpxStrikes(contracts, 6612.34, { neighbours: 2 }); // 5 buckets
 * ```
 */
export function selectSpxStrikes(
  contracts: readonly SpxContract[],
  indexLevel: number,
  options: { readonly neighbours?: number } = {},
): SpxContract[] {
  const n = options.neighbours ?? 2;
  if (!Number.isFinite(indexLevel) || !Number.isInteger(n) || n < 0) {
    throw new MmCoreError(
      'INVALID_PRICING_INPUT',
      `need a finite index level and neighbours >= 0, got ${indexLevel}, ${n}`,
    );
  }
  if (contracts.length === 0) return [];
  const isRange = contracts.some((c) => c.strike.type === 'between');
  if (isRange) {
    const sorted = [...contracts].sort((a, b) => lowerBound(a.strike) - lowerBound(b.strike));
    let i = sorted.findIndex((c) => contains(c.strike, indexLevel));
    if (i < 0) {
      // In a gap between buckets (for example 6699.99995): take the last bucket starting below.
      i = Math.max(
        0,
        sorted.findLastIndex((c) => lowerBound(c.strike) <= indexLevel),
      );
    }
    return sorted.slice(Math.max(0, i - n), i + n + 1);
  }
  const byDistance = [...contracts].sort(
    (a, b) =>
      Math.abs(level(a.strike) - indexLevel) - Math.abs(level(b.strike) - indexLevel) ||
      level(a.strike) - level(b.strike),
  );
  return byDistance.slice(0, 2 * n + 1).sort((a, b) => level(a.strike) - level(b.strike));
}
