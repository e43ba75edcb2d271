/**
 * Builders for daily S&P 500 events shaped like Kalshi's `KXINX` (range) and `KXINXU` (above/below) series.
 *
 * @module
 */
import {
  type EventDefinition,
  LINEAR_CENT_RANGES,
  type MarketDefinition,
  type SeriesDefinition,
} from '../engine/types.js';
import { easternDate, easternToUtcMs } from './clock.js';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Options of {@link buildSpxSession}. */
export interface SpxSessionOptions {
  /** Bucket / ladder spacing in index points. @defaultValue 25 */
  stepPoints?: number;
  /** Range buckets on each side of the one containing the open (KXINX). @defaultValue 6 */
  bucketsEachSide?: number;
  /** Ladder legs on each side of the open (KXINXU). @defaultValue 6 */
  ladderEachSide?: number;
  /** Seconds from determination to settlement. @defaultValue 60 */
  settlementTimerSeconds?: number;
}

/** What {@link buildSpxSession} produces for one trading day. */
export interface SpxSession {
  /** Series definitions (KXINX, KXINXU). */
  series: SeriesDefinition[];
  /** The two events of the day. */
  events: EventDefinition[];
  /** Every market of both events. */
  markets: MarketDefinition[];
  /** Session open (09:30 ET) in sim ms. */
  openTimeMs: number;
  /** Session close (16:00 ET) in sim ms; the markets' close and observation time. */
  closeTimeMs: number;
}

/**
 * A date as Kalshi's `YYMMMDD` period code.
 *
 * @param month - 1-12.
 * @example
 * ```ts
 * periodCode(2026, 3, 13); // "26MAR13"
 * ```
 */
export function periodCode(year: number, month: number, day: number): string {
  return `${String(year % 100).padStart(2, '0')}${MONTHS[month - 1]}${String(day).padStart(2, '0')}`;
}

function fmtStrike(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(4);
}

function fmtLevel(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/**
 * The S&P 500 series definitions the world lists (`quadratic` fees, multiplier 1).
 *
 * @example
 * ```ts
 * spxSeries().map((s) => s.ticker); // ["KXINX", "KXINXU"]
 * ```
 */
export function spxSeries(): SeriesDefinition[] {
  const common = {
    category: 'Financials',
    frequency: 'daily',
    feeType: 'quadratic' as const,
    feeMultiplier: 1,
    tags: ['S&P 500', 'Indices'],
    settlementSources: [
      { name: 'S&P Dow Jones Indices (simulated)', url: 'https://www.spglobal.com/spdji/' },
    ],
    contractTermsUrl: 'https://kalshi.com/regulatory/contract_terms/INX.pdf',
  };
  return [
    {
      ...common,
      ticker: 'KXINX',
      title: 'S&P 500 daily range',
      contractUrl: 'https://kalshi.com/markets/kxinx',
    },
    {
      ...common,
      ticker: 'KXINXU',
      title: 'S&P 500 above/below',
      contractUrl: 'https://kalshi.com/markets/kxinxu',
    },
  ];
}

/**
 * Builds the day's `KXINX-<YYMMMDD>H1600` range event and `KXINXU-<YYMMMDD>H1600` ladder event.
 *
 * @remarks
 * KXINX (MECNET): 25-point `between` buckets around the open (floor f, cap f + 24.9999, ticker
 * `B<f+12>`), a `less` bottom tail (cap = lowest floor, ticker `T<cap-0.0001>`) and a `greater`
 * top tail (floor = highest cap, ticker `T<floor>`). Exactly one leg resolves YES.
 * KXINXU (DIRECNET): `greater` legs with floor `level - 0.0001` and ticker `T<level-0.0001>`
 * ("above 7224.9999" = 7,225 or above). All markets open at 09:30 ET and close at 16:00 ET of
 * the session date, on the `linear_cent` grid.
 * @param sessionDayMs - Any instant on the session's ET date.
 * @param openValue - Index value at the open (centres the strikes).
 * @example
 * ```ts
 * const s = buildSpxSession(Date.UTC(2026, 2, 13, 14), 6_702.5);
 * s.events[0].eventTicker; // "KXINX-26MAR13H1600"
 * ```
 */
export function buildSpxSession(
  sessionDayMs: number,
  openValue: number,
  options: SpxSessionOptions = {},
): SpxSession {
  const step = options.stepPoints ?? 25;
  const nb = options.bucketsEachSide ?? 6;
  const nl = options.ladderEachSide ?? 6;
  const timer = options.settlementTimerSeconds ?? 60;
  const d = easternDate(sessionDayMs);
  const openTimeMs = easternToUtcMs(d.year, d.month, d.day, 9, 30);
  const closeTimeMs = easternToUtcMs(d.year, d.month, d.day, 16, 0);
  const code = `${periodCode(d.year, d.month, d.day)}H1600`;
  const dateText = `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
  const range: EventDefinition = {
    eventTicker: `KXINX-${code}`,
    seriesTicker: 'KXINX',
    title: `S&P 500 price range on ${dateText} at 4pm EDT?`,
    subTitle: `On ${dateText}`,
    collateralReturnType: 'MECNET',
    mutuallyExclusive: true,
    strikeDateMs: closeTimeMs,
  };
  const ladder: EventDefinition = {
    eventTicker: `KXINXU-${code}`,
    seriesTicker: 'KXINXU',
    title: `S&P 500 above or below on ${dateText} at 4pm EDT?`,
    subTitle: `On ${dateText}`,
    collateralReturnType: 'DIRECNET',
    mutuallyExclusive: false,
    strikeDateMs: closeTimeMs,
  };
  const base = {
    openTimeMs,
    closeTimeMs,
    expectedExpirationTimeMs: closeTimeMs + timer * 1000,
    latestExpirationTimeMs: closeTimeMs + 7 * 86_400_000,
    settlementTimerSeconds: timer,
    priceLevelStructure: 'linear_cent',
    priceRanges: LINEAR_CENT_RANGES,
    canCloseEarly: false,
    customStrike: { Index: 'S&P 500' },
    rulesSecondary: 'The value is the S&P 500 index level at 4:00 pm ET as published by the simulator.',
  };
  const markets: MarketDefinition[] = [];
  const center = Math.floor(openValue / step) * step;
  const low = center - nb * step;
  const high = center + (nb + 1) * step;
  markets.push({
    ...base,
    ticker: `${range.eventTicker}-T${fmtStrike(low - 0.0001)}`,
    eventTicker: range.eventTicker,
    title: range.title,
    subtitle: `${fmtLevel(low - 0.0001)} or below`,
    yesSubTitle: `${fmtLevel(low - 0.0001)} or below`,
    noSubTitle: `${fmtLevel(low - 0.0001)} or below`,
    rulesPrimary: `If the S&P 500 is below ${fmtLevel(low)} on ${dateText} at 4pm EDT, then the market resolves to Yes.`,
    strikeType: 'less',
    capStrike: low,
  });
  for (let f = low; f < high; f += step) {
    const cap = f + step - 0.0001;
    const label = `${fmtLevel(f)} to ${fmtLevel(cap)}`;
    markets.push({
      ...base,
      ticker: `${range.eventTicker}-B${f + Math.floor(step / 2)}`,
      eventTicker: range.eventTicker,
      title: range.title,
      subtitle: label,
      yesSubTitle: label,
      noSubTitle: label,
      rulesPrimary: `If the S&P 500 is between ${label} on ${dateText} at 4pm EDT, then the market resolves to Yes.`,
      strikeType: 'between',
      floorStrike: f,
      capStrike: cap,
    });
  }
  markets.push({
    ...base,
    ticker: `${range.eventTicker}-T${fmtStrike(high)}`,
    eventTicker: range.eventTicker,
    title: range.title,
    subtitle: `${fmtLevel(high)} or above`,
    yesSubTitle: `${fmtLevel(high)} or above`,
    noSubTitle: `${fmtLevel(high)} or above`,
    rulesPrimary: `If the S&P 500 is ${fmtLevel(high)} or above on ${dateText} at 4pm EDT, then the market resolves to Yes.`,
    strikeType: 'greater',
    floorStrike: high - 0.0001,
  });
  for (let i = -nl; i <= nl; i++) {
    const level = center + i * step;
    const floor = level - 0.0001;
    markets.push({
      ...base,
      ticker: `${ladder.eventTicker}-T${fmtStrike(floor)}`,
      eventTicker: ladder.eventTicker,
      title: ladder.title,
      subtitle: `${fmtLevel(level)} or above`,
      yesSubTitle: `${fmtLevel(level)} or above`,
      noSubTitle: `${fmtLevel(level)} or above`,
      rulesPrimary: `If the S&P 500 is above ${fmtLevel(floor)} on ${dateText} at 4pm EDT, then the market resolves to Yes.`,
      strikeType: 'greater',
      floorStrike: floor,
    });
  }
  return { series: spxSeries(), events: [range, ladder], markets, openTimeMs, closeTimeMs };
}

/**
 * Whether a market resolves YES for an index value, from its strike fields.
 *
 * @example
 * ```ts
 * resolvesYes({ strikeType: 'between', floorStrike: 6675, capStrike: 6699.9999 }, 6680); // true
 * ```
 */
export function resolvesYes(
  m: Pick<MarketDefinition, 'strikeType' | 'floorStrike' | 'capStrike'>,
  value: number,
): boolean {
  switch (m.strikeType) {
    case 'greater':
      return value > (m.floorStrike ?? Number.POSITIVE_INFINITY);
    case 'greater_or_equal':
      return value >= (m.floorStrike ?? Number.POSITIVE_INFINITY);
    case 'less':
      return value < (m.capStrike ?? Number.NEGATIVE_INFINITY);
    case 'less_or_equal':
      return value <= (m.capStrike ?? Number.NEGATIVE_INFINITY);
    case 'between':
      return (
        value >= (m.floorStrike ?? Number.POSITIVE_INFINITY) &&
        value <= (m.capStrike ?? Number.NEGATIVE_INFINITY)
      );
  }
}

function normCdf(x: number): number {
  // Abramowitz-Stegun 7.1.26 on erf; |error| < 1.5e-7.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/**
 * The model probability that a market resolves YES: lognormal index, no drift.
 *
 * @param yearsToClose - Time to the observation in trading years.
 * @example
 * ```ts
 * fairProbability({ strikeType: 'greater', floorStrike: 6699.9999 }, 6700, 0.16, 0.001); // ~0.5
 * ```
 */
export function fairProbability(
  m: Pick<MarketDefinition, 'strikeType' | 'floorStrike' | 'capStrike'>,
  value: number,
  vol: number,
  yearsToClose: number,
): number {
  if (yearsToClose <= 0) return resolvesYes(m, value) ? 1 : 0;
  const s = vol * Math.sqrt(yearsToClose);
  const above = (k: number) => normCdf((Math.log(value / k) - 0.5 * s * s) / s);
  switch (m.strikeType) {
    case 'greater':
    case 'greater_or_equal':
      return above(m.floorStrike ?? value);
    case 'less':
    case 'less_or_equal':
      return 1 - above(m.capStrike ?? value);
    case 'between':
      return above(m.floorStrike ?? value) - above(m.capStrike ?? value);
  }
}
