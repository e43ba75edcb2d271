/**
 * Kalshi S&P 500 tickers: parse into structured values and build them back.
 *
 * @module
 */
import { MmCoreError } from '../errors.js';

/** The S&P 500 series this module understands (current `KX` series and legacy ones). */
export type SpxSeries = 'KXINX' | 'KXINXU' | 'KXINXY' | 'INX' | 'INXD' | 'INXU' | 'INXW';

/** Every {@link SpxSeries}. */
export const SPX_SERIES: readonly SpxSeries[] = ['KXINX', 'KXINXU', 'KXINXY', 'INX', 'INXD', 'INXU', 'INXW'];

/** An S&P 500 event ticker such as `KXINX-26MAR13H1600`. */
export interface SpxEventTicker {
  /** Discriminator. */
  readonly kind: 'event';
  /** The series. */
  readonly series: SpxSeries;
  /** The event's date, `YYYY-MM-DD` (Eastern). */
  readonly date: string;
  /** Observation time from an `Hhhmm` suffix (Eastern), or `null` when the ticker has none. */
  readonly time: { readonly hour: number; readonly minute: number } | null;
  /** The event ticker text. */
  readonly eventTicker: string;
}

/** An S&P 500 market ticker such as `KXINXU-26AUG03H1600-T7224.9999`. */
export interface SpxMarketTicker extends Omit<SpxEventTicker, 'kind'> {
  /** Discriminator. */
  readonly kind: 'market';
  /** The market ticker text. */
  readonly ticker: string;
  /**
   * `'bucket'` for a `B` prefix (a range bucket, labelled near its midpoint) or `'threshold'` for
   * `T` (a tail or ladder leg; not directional: read the Market's `strike_type`).
   */
  readonly strikeKind: 'bucket' | 'threshold';
  /** The strike label exactly as written (`'7224.9999'`), kept for a lossless round trip. */
  readonly strikeLabel: string;
  /** The strike label as a number (index points). */
  readonly strikeValue: number;
}

/** A parsed S&P 500 ticker: an event or a market. */
export type SpxTicker = SpxEventTicker | SpxMarketTicker;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const TICKER_RE =
  /^(KXINXU|KXINXY|KXINX|INXD|INXU|INXW|INX)-(\d{2})([A-Z]{3})(\d{2})(?:H(\d{2})(\d{2}))?(?:-([BT])(\d{1,6}(?:\.\d{1,4})?))?$/;

function invalid(ticker: unknown, why: string): MmCoreError {
  return new MmCoreError('INVALID_TICKER', `invalid S&P 500 ticker ${JSON.stringify(ticker)}: ${why}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Parses a Kalshi S&P 500 event or market ticker.
 *
 * @remarks Grammar: `SERIES-YYMMMDD[Hhhmm][-{B|T}strike]` for the series in {@link SPX_SERIES}.
 * Tickers are only labels (Kalshi warns there are exceptions): for trading logic use the Market's
 * `strike_type`, `floor_strike` and `cap_strike` via {@link spxContractFromMarket}.
 * @throws {@link MmCoreError} `INVALID_TICKER` for anything else (unknown series, impossible date,
 * hour past 23:59, malformed strike, lower case).
 * @example
 * ```ts
 * parseSpxTicker('KXINXU-26AUG03H1600-T7224.9999');
 * // { kind: 'market', series: 'KXINXU', date: '2026-08-03', time: { hour: 16, minute: 0 },
 * //   strikeKind: 'threshold', strikeLabel: '7224.9999', strikeValue: 7224.9999, ... }
 * ```
 */
export function parseSpxTicker(ticker: string): SpxTicker {
  if (typeof ticker !== 'string') throw invalid(ticker, 'not a string');
  const m = TICKER_RE.exec(ticker);
  if (!m) {
    const why =
      ticker !== ticker.toUpperCase()
        ? 'tickers are upper case'
        : `expected SERIES-YYMMMDD[Hhhmm][-B|Tstrike] with SERIES one of ${SPX_SERIES.join(', ')}`;
    throw invalid(ticker, why);
  }
  const [, series, yy, mon, dd, hh, mm, prefix, strike] = m;
  const month = MONTHS.indexOf(mon as string) + 1;
  if (month === 0) throw invalid(ticker, `unknown month ${mon}`);
  const year = 2000 + Number(yy);
  const day = Number(dd);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw invalid(ticker, 'impossible date');
  let time: SpxEventTicker['time'] = null;
  if (hh !== undefined) {
    const hour = Number(hh);
    const minute = Number(mm);
    if (hour > 23 || minute > 59) throw invalid(ticker, `impossible time H${hh}${mm}`);
    time = { hour, minute };
  }
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  const eventTicker = prefix === undefined ? ticker : ticker.slice(0, ticker.lastIndexOf('-'));
  const base = { series: series as SpxSeries, date, time, eventTicker };
  if (prefix === undefined) return { kind: 'event', ...base };
  return {
    kind: 'market',
    ...base,
    ticker,
    strikeKind: prefix === 'B' ? 'bucket' : 'threshold',
    strikeLabel: strike as string,
    strikeValue: Number(strike),
  };
}

/**
 * True when `ticker` parses as an S&P 500 ticker.
 *
 * @example
 * ```ts
 * isSpxTicker('KXINX-26MAR13H1600'); // true
 * isSpxTicker('KXHIGHNY-24JAN01');   // false
 * ```
 */
export function isSpxTicker(ticker: string): boolean {
  return typeof ticker === 'string' && TICKER_RE.test(ticker);
}

/** Input of {@link buildSpxEventTicker}. */
export interface SpxEventTickerParts {
  /** The series. */
  readonly series: SpxSeries;
  /** The date, `YYYY-MM-DD` (years 2000-2099). */
  readonly date: string;
  /** Observation time (Eastern), or `null`/absent for no `H` suffix. */
  readonly time?: { readonly hour: number; readonly minute: number } | null;
}

/** Input of {@link buildSpxMarketTicker}. */
export interface SpxMarketTickerParts extends SpxEventTickerParts {
  /** `B` (bucket) or `T` (threshold). */
  readonly strikeKind: 'bucket' | 'threshold';
  /** The strike label: a string is used as written, a number is written with up to 4 decimals. */
  readonly strike: string | number;
}

/**
 * Builds an S&P 500 event ticker.
 *
 * @throws {@link MmCoreError} `INVALID_TICKER` when the parts do not form a valid ticker.
 * @example
 * ```ts
 * buildSpxEventTicker({ series: 'KXINX', date: '2026-03-13', time: { hour: 16, minute: 0 } });
 * // 'KXINX-26MAR13H1600'
 * ```
 */
export function buildSpxEventTicker(parts: SpxEventTickerParts): string {
  const dm = /^20(\d{2})-(\d{2})-(\d{2})$/.exec(parts.date);
  const mon = dm ? MONTHS[Number(dm[2]) - 1] : undefined;
  if (!dm || mon === undefined) throw invalid(parts.date, 'date must be YYYY-MM-DD in 2000-2099');
  const t = parts.time;
  const suffix = t == null ? '' : `H${pad2(t.hour)}${pad2(t.minute)}`;
  const ticker = `${parts.series}-${dm[1]}${mon}${dm[3]}${suffix}`;
  const parsed = parseSpxTicker(ticker);
  if (parsed.kind !== 'event') throw invalid(ticker, 'not an event ticker');
  return ticker;
}

/**
 * Builds an S&P 500 market ticker.
 *
 * @throws {@link MmCoreError} `INVALID_TICKER` when the parts do not form a valid ticker.
 * @example
 * ```ts
 * buildSpxMarketTicker({ series: 'KXINXU', date: '2026-08-03', time: { hour: 16, minute: 0 },
 *   strikeKind: 'threshold', strike: 7224.9999 }); // 'KXINXU-26AUG03H1600-T7224.9999'
 * ```
 */
export function buildSpxMarketTicker(parts: SpxMarketTickerParts): string {
  let label: string;
  if (typeof parts.strike === 'number') {
    if (!Number.isFinite(parts.strike) || parts.strike < 0)
      throw invalid(parts.strike, 'strike must be >= 0');
    label = String(Math.round(parts.strike * 10_000) / 10_000);
    if (label.includes('e')) throw invalid(parts.strike, 'strike out of range');
  } else {
    label = parts.strike;
  }
  const ticker = `${buildSpxEventTicker(parts)}-${parts.strikeKind === 'bucket' ? 'B' : 'T'}${label}`;
  parseSpxTicker(ticker);
  return ticker;
}

/**
 * Writes a parsed ticker back as text (the exact inverse of {@link parseSpxTicker}).
 *
 * @example
 * ```ts
 * formatSpxTicker(parseSpxTicker('INXD-23SEP14-B4487')); // 'INXD-23SEP14-B4487'
 * ```
 */
export function formatSpxTicker(ticker: SpxTicker): string {
  if (ticker.kind === 'event') return buildSpxEventTicker(ticker);
  return buildSpxMarketTicker({ ...ticker, strike: ticker.strikeLabel });
}
