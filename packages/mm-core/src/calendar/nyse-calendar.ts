/**
 * The NYSE trading calendar in US Eastern time, computed from NYSE's holiday rules.
 *
 * @module
 */
import { MmCoreConfigError, MmCoreError } from '../errors.js';
import {
  addDays,
  easternParts,
  easternWallTimeToMs,
  isoDate,
  parseIsoDate,
  weekdayOf,
} from './eastern-time.js';

/** A day the NYSE is closed or closes early, with the reason. */
export interface MarketDay {
  /** Calendar date, `YYYY-MM-DD` (Eastern). */
  readonly date: string;
  /** What it is, for example `'Good Friday'` or `'Day after Thanksgiving'`. */
  readonly name: string;
}

/** One regular NYSE session. */
export interface TradingSession {
  /** Calendar date, `YYYY-MM-DD` (Eastern). */
  readonly date: string;
  /** Opening bell, Unix ms (09:30 ET). */
  readonly openMs: number;
  /** Closing bell, Unix ms (16:00 ET, or 13:00 ET on early-close days). */
  readonly closeMs: number;
  /** True on a scheduled 13:00 ET early close. */
  readonly earlyClose: boolean;
}

/** Options of {@link NyseCalendar}. */
export interface NyseCalendarConfig {
  /**
   * Extra full closures (`YYYY-MM-DD`) on top of the rules and the built-in special closures, for
   * example an unscheduled national day of mourning announced after this release.
   * @defaultValue `[]`
   */
  readonly extraClosures?: readonly string[];
  /**
   * Extra 13:00 ET early closes (`YYYY-MM-DD`).
   * @defaultValue `[]`
   */
  readonly extraEarlyCloses?: readonly string[];
}

/**
 * Full-day closures outside the standing rules (national days of mourning, weather, 9/11).
 *
 * @remarks Sources: NYSE notices. Extend at run time with {@link NyseCalendarConfig.extraClosures}.
 */
export const NYSE_SPECIAL_CLOSURES: readonly MarketDay[] = [
  { date: '2001-09-11', name: 'September 11 attacks' },
  { date: '2001-09-12', name: 'September 11 attacks' },
  { date: '2001-09-13', name: 'September 11 attacks' },
  { date: '2001-09-14', name: 'September 11 attacks' },
  { date: '2004-06-11', name: 'Day of mourning: President Reagan' },
  { date: '2007-01-02', name: 'Day of mourning: President Ford' },
  { date: '2012-10-29', name: 'Hurricane Sandy' },
  { date: '2012-10-30', name: 'Hurricane Sandy' },
  { date: '2018-12-05', name: 'Day of mourning: President George H. W. Bush' },
  { date: '2025-01-09', name: 'Day of mourning: President Carter' },
];

const OPEN_HOUR = 9;
const OPEN_MINUTE = 30;
const CLOSE_HOUR = 16;
const EARLY_CLOSE_HOUR = 13;
/** Calendar rules are applied from this year on (Juneteenth is added from 2022). */
const MIN_YEAR = 1998;
const MAX_YEAR = 2199;
const SEARCH_DAYS = 370;

/** Day of month of the `n`-th `weekday` (0 = Sunday) of a month (n = -1: the last one). */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = weekdayOf(year, month, 1);
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekdayOf(year, month, lastDay);
  return lastDay - ((last - weekday + 7) % 7);
}

/**
 * Gregorian Easter Sunday (anonymous Gregorian / Meeus-Jones-Butcher algorithm), as `YYYY-MM-DD`.
 *
 * @remarks NYSE closes on Good Friday, two days earlier.
 * @example
 * ```ts
 * easterSunday(2026); // "2026-04-05" (Good Friday is 2026-04-03)
 * ```
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** Saturday -> preceding Friday, Sunday -> following Monday. */
function observed(year: number, month: number, day: number): string {
  const wd = weekdayOf(year, month, day);
  const date = isoDate(year, month, day);
  if (wd === 6) return addDays(date, -1);
  if (wd === 0) return addDays(date, 1);
  return date;
}

function ruleHolidays(year: number): MarketDay[] {
  const out: MarketDay[] = [];
  // NYSE Rule 7.2: no holiday is observed when New Year's Day falls on a Saturday.
  if (weekdayOf(year, 1, 1) !== 6) out.push({ date: observed(year, 1, 1), name: "New Year's Day" });
  out.push({ date: isoDate(year, 1, nthWeekday(year, 1, 1, 3)), name: 'Martin Luther King Jr. Day' });
  out.push({ date: isoDate(year, 2, nthWeekday(year, 2, 1, 3)), name: "Washington's Birthday" });
  out.push({ date: addDays(easterSunday(year), -2), name: 'Good Friday' });
  out.push({ date: isoDate(year, 5, nthWeekday(year, 5, 1, -1)), name: 'Memorial Day' });
  if (year >= 2022) out.push({ date: observed(year, 6, 19), name: 'Juneteenth National Independence Day' });
  out.push({ date: observed(year, 7, 4), name: 'Independence Day' });
  out.push({ date: isoDate(year, 9, nthWeekday(year, 9, 1, 1)), name: 'Labor Day' });
  out.push({ date: isoDate(year, 11, nthWeekday(year, 11, 4, 4)), name: 'Thanksgiving Day' });
  out.push({ date: observed(year, 12, 25), name: 'Christmas Day' });
  return out;
}

function ruleEarlyCloses(year: number): MarketDay[] {
  const out: MarketDay[] = [];
  const july3 = weekdayOf(year, 7, 3);
  if (july3 >= 1 && july3 <= 4) out.push({ date: isoDate(year, 7, 3), name: 'Day before Independence Day' });
  out.push({ date: isoDate(year, 11, nthWeekday(year, 11, 4, 4) + 1), name: 'Day after Thanksgiving' });
  const dec24 = weekdayOf(year, 12, 24);
  if (dec24 >= 1 && dec24 <= 4) out.push({ date: isoDate(year, 12, 24), name: 'Christmas Eve' });
  return out;
}

/**
 * The New York Stock Exchange calendar: regular sessions 09:30-16:00 ET, weekends, full holidays and
 * 13:00 ET early closes.
 *
 * @remarks Holidays come from NYSE's rules (New Year's Day, Martin Luther King Jr. Day,
 * Washington's Birthday, Good Friday, Memorial Day, Juneteenth from 2022, Independence Day, Labor
 * Day, Thanksgiving, Christmas; Saturday holidays observed on Friday and Sunday holidays on Monday,
 * except that a Saturday New Year's Day is not observed) plus {@link NYSE_SPECIAL_CLOSURES}. Early
 * closes: July 3 when it is Monday-Thursday, the day after Thanksgiving, and Christmas Eve when it
 * is Monday-Thursday. Checked against NYSE's published calendars for 2024-2027; the rules are
 * applied for years 1998-2199. Time-zone math uses Intl (`America/New_York`), so sessions stay at
 * 09:30/16:00 wall time across daylight-saving changes. Sessions are cached per date.
 *
 * @example
 * ```ts
 * const nyse = new NyseCalendar();
 * nyse.sessionFor('2026-11-27'); // { openMs, closeMs: 13:00 ET, earlyClose: true, ... }
 * if (!nyse.isOpen(Date.now())) console.log('next open', new Date(nyse.nextOpen(Date.now())));
 * ```
 */
export class NyseCalendar {
  readonly #closures = new Map<string, string>();
  readonly #earlyCloses = new Map<string, string>();
  readonly #yearsLoaded = new Set<number>();
  readonly #extraClosures: readonly MarketDay[];
  readonly #extraEarly: readonly MarketDay[];
  readonly #sessions = new Map<string, TradingSession | null>();

  /**
   * @param config - Optional extra closures and early closes.
   * @throws {@link MmCoreConfigError} listing every malformed date.
   */
  constructor(config: NyseCalendarConfig = {}) {
    const problems: string[] = [];
    const check = (dates: readonly string[] | undefined, what: string, name: string): MarketDay[] =>
      (dates ?? []).flatMap((date) => {
        try {
          parseIsoDate(date);
          return [{ date, name }];
        } catch {
          problems.push(`${what}: not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
          return [];
        }
      });
    this.#extraClosures = check(config.extraClosures, 'extraClosures', 'Additional closure');
    this.#extraEarly = check(config.extraEarlyCloses, 'extraEarlyCloses', 'Additional early close');
    if (problems.length > 0) throw new MmCoreConfigError(problems);
  }

  #load(year: number): void {
    if (this.#yearsLoaded.has(year)) return;
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new MmCoreError(
        'CALENDAR_OUT_OF_RANGE',
        `NYSE calendar covers ${MIN_YEAR}-${MAX_YEAR}, got ${year}`,
      );
    }
    this.#yearsLoaded.add(year);
    const inYear = (d: MarketDay) => d.date.startsWith(`${year}-`);
    for (const d of [
      ...ruleHolidays(year),
      ...NYSE_SPECIAL_CLOSURES.filter(inYear),
      ...this.#extraClosures.filter(inYear),
    ])
      this.#closures.set(d.date, d.name);
    for (const d of [...ruleEarlyCloses(year), ...this.#extraEarly.filter(inYear)])
      this.#earlyCloses.set(d.date, d.name);
  }

  /**
   * The weekday full closures of a year, in date order.
   *
   * @throws {@link MmCoreError} `CALENDAR_OUT_OF_RANGE` outside 1998-2199.
   * @example
   * ```ts
   * new NyseCalendar().holidays(2026).map((h) => h.date); // ['2026-01-01', '2026-01-19', ...]
   * ```
   */
  holidays(year: number): readonly MarketDay[] {
    this.#load(year);
    return [...this.#closures]
      .filter(([date]) => date.startsWith(`${year}-`) && isWeekday(date))
      .map(([date, name]) => ({ date, name }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * The 13:00 ET early closes of a year, in date order.
   *
   * @throws {@link MmCoreError} `CALENDAR_OUT_OF_RANGE` outside 1998-2199.
   * @example
   * ```ts
   * new NyseCalendar().earlyCloses(2025).map((d) => d.date); // ['2025-07-03', '2025-11-28', '2025-12-24']
   * ```
   */
  earlyCloses(year: number): readonly MarketDay[] {
    this.#load(year);
    return [...this.#earlyCloses]
      .filter(([date]) => date.startsWith(`${year}-`) && this.sessionFor(date) !== null)
      .map(([date, name]) => ({ date, name }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  /**
   * The session on an Eastern calendar date, or `null` when the NYSE is closed that day.
   *
   * @throws {@link MmCoreError} `INVALID_DATE` for a malformed date, `CALENDAR_OUT_OF_RANGE`
   * outside 1998-2199.
   * @example
   * ```ts
   * new NyseCalendar().sessionFor('2026-04-03'); // null (Good Friday)
   * ```
   */
  sessionFor(date: string): TradingSession | null {
    const cached = this.#sessions.get(date);
    if (cached !== undefined) return cached;
    const { year, month, day } = parseIsoDate(date);
    this.#load(year);
    const wd = weekdayOf(year, month, day);
    let session: TradingSession | null = null;
    if (wd !== 0 && wd !== 6 && !this.#closures.has(date)) {
      const earlyClose = this.#earlyCloses.has(date);
      session = {
        date,
        openMs: easternWallTimeToMs(date, OPEN_HOUR, OPEN_MINUTE),
        closeMs: easternWallTimeToMs(date, earlyClose ? EARLY_CLOSE_HOUR : CLOSE_HOUR, 0),
        earlyClose,
      };
    }
    this.#sessions.set(date, session);
    return session;
  }

  /**
   * True when `date` (Eastern, `YYYY-MM-DD`) has a session.
   *
   * @example
   * ```ts
   * new NyseCalendar().isTradingDay('2025-01-09'); // false (national day of mourning)
   * ```
   */
  isTradingDay(date: string): boolean {
    return this.sessionFor(date) !== null;
  }

  /**
   * The session in progress at `tsMs` (open <= t < close), or `null`.
   *
   * @example
   * ```ts
   * new NyseCalendar().sessionAt(Date.now())?.closeMs;
   * ```
   */
  sessionAt(tsMs: number): TradingSession | null {
    const s = this.sessionFor(easternParts(tsMs).date);
    return s !== null && tsMs >= s.openMs && tsMs < s.closeMs ? s : null;
  }

  /**
   * True when the NYSE regular session is open at `tsMs` (open inclusive, close exclusive).
   *
   * @example
   * ```ts
   * new NyseCalendar().isOpen(Date.UTC(2026, 2, 13, 14, 0)); // true (10:00 EDT on a Friday)
   * ```
   */
  isOpen(tsMs: number): boolean {
    return this.sessionAt(tsMs) !== null;
  }

  /**
   * The first session (today's or a later one) whose close is after `tsMs`.
   *
   * @throws {@link MmCoreError} `CALENDAR_OUT_OF_RANGE` past the calendar's range.
   * @example
   * ```ts
   * const s = new NyseCalendar().currentOrNextSession(Date.now());
   * ```
   */
  currentOrNextSession(tsMs: number): TradingSession {
    let date = easternParts(tsMs).date;
    for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
      const s = this.sessionFor(date);
      if (s !== null && s.closeMs > tsMs) return s;
    }
    throw new MmCoreError('CALENDAR_OUT_OF_RANGE', `no NYSE session within a year after ${tsMs}`);
  }

  /**
   * The next opening bell strictly after `tsMs`, Unix ms.
   *
   * @remarks While a session is open this is the next session's open, not the current one's.
   * @throws {@link MmCoreError} `CALENDAR_OUT_OF_RANGE` past the calendar's range.
   * @example
   * ```ts
   * new NyseCalendar().nextOpen(Date.UTC(2026, 3, 3, 12)); // Monday 2026-04-06 09:30 EDT
   * ```
   */
  nextOpen(tsMs: number): number {
    let date = easternParts(tsMs).date;
    for (let i = 0; i < SEARCH_DAYS; i++, date = addDays(date, 1)) {
      const s = this.sessionFor(date);
      if (s !== null && s.openMs > tsMs) return s.openMs;
    }
    throw new MmCoreError('CALENDAR_OUT_OF_RANGE', `no NYSE open within a year after ${tsMs}`);
  }

  /**
   * The next closing bell strictly after `tsMs` (the current session's close while open), Unix ms.
   *
   * @throws {@link MmCoreError} `CALENDAR_OUT_OF_RANGE` past the calendar's range.
   * @example
   * ```ts
   * new NyseCalendar().nextClose(Date.UTC(2026, 10, 27, 15)); // 2026-11-27 13:00 EST (early close)
   * ```
   */
  nextClose(tsMs: number): number {
    return this.currentOrNextSession(tsMs).closeMs;
  }

  /**
   * Milliseconds of regular-session trading time in `[fromMs, toMs)`; 0 when `toMs <= fromMs`.
   *
   * @remarks Only time inside sessions counts: nights, weekends and holidays add nothing. This
   * is the clock fair-value pricing uses for "time to close".
   * @example
   * ```ts
   * const left = nyse.tradingMsBetween(Date.now(), session.closeMs);
   * ```
   */
  tradingMsBetween(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) return 0;
    let total = 0;
    let date = easternParts(fromMs).date;
    const last = easternParts(toMs).date;
    for (;;) {
      const s = this.sessionFor(date);
      if (s !== null) total += Math.max(0, Math.min(toMs, s.closeMs) - Math.max(fromMs, s.openMs));
      if (date >= last) break;
      date = addDays(date, 1);
    }
    return total;
  }
}

function isWeekday(date: string): boolean {
  const { year, month, day } = parseIsoDate(date);
  const wd = weekdayOf(year, month, day);
  return wd !== 0 && wd !== 6;
}
