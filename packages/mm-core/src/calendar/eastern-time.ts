/**
 * US Eastern time arithmetic on top of Intl/ICU (`America/New_York`); no tz library.
 *
 * @module
 */
import { MmCoreError } from '../errors.js';

/** The IANA zone of the NYSE and of Kalshi's schedules. */
export const EASTERN_TIME_ZONE = 'America/New_York';

/** A wall-clock reading in US Eastern time. */
export interface EasternParts {
  /** Calendar date, `YYYY-MM-DD`. */
  readonly date: string;
  /** Four-digit year. */
  readonly year: number;
  /** Month, 1-12. */
  readonly month: number;
  /** Day of month, 1-31. */
  readonly day: number;
  /** Hour, 0-23. */
  readonly hour: number;
  /** Minute, 0-59. */
  readonly minute: number;
  /** Second, 0-59. */
  readonly second: number;
  /** Day of week, 0 = Sunday ... 6 = Saturday. */
  readonly weekday: number;
}

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: EASTERN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const HOUR_MS = 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** @internal Zero-pads to two digits. */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** @internal `YYYY-MM-DD` from parts. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Parses and validates a `YYYY-MM-DD` calendar date.
 *
 * @internal
 * @throws {@link MmCoreError} `INVALID_DATE` for a malformed or impossible date.
 */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new MmCoreError('INVALID_DATE', `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** @internal Day of week (0 = Sunday) of a civil date. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** @internal The civil date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseIsoDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Reads the US Eastern wall clock at an instant.
 *
 * @throws {@link MmCoreError} `INVALID_TIME` when `tsMs` is not a finite number.
 * @example
 * ```ts
 * easternParts(Date.UTC(2026, 2, 13, 20, 0)).hour; // 16 (EDT)
 * ```
 */
export function easternParts(tsMs: number): EasternParts {
  if (!Number.isFinite(tsMs)) {
    throw new MmCoreError('INVALID_TIME', `expected a Unix ms timestamp, got ${tsMs}`);
  }
  const out: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(tsMs))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  const year = out.year as number;
  const month = out.month as number;
  const day = out.day as number;
  return {
    date: isoDate(year, month, day),
    year,
    month,
    day,
    hour: out.hour as number,
    minute: out.minute as number,
    second: out.second as number,
    weekday: weekdayOf(year, month, day),
  };
}

/** Offset of Eastern wall time from UTC at an instant, in ms (-4 h in EDT, -5 h in EST). */
function offsetMs(tsMs: number): number {
  const p = easternParts(tsMs);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(tsMs / 1000) * 1000;
}

/**
 * Converts an Eastern wall-clock time on a date to Unix ms.
 *
 * @remarks Correct on both sides of daylight-saving changes. A wall time that does not exist
 * (02:30 on the spring-forward Sunday) resolves one hour later; an ambiguous one (01:30 on the
 * fall-back Sunday) resolves to the first (EDT) instant.
 * @throws {@link MmCoreError} `INVALID_DATE` / `INVALID_TIME` for bad input.
 * @example
 * ```ts
 * easternWallTimeToMs('2026-03-13', 16, 0); // Date.UTC(2026, 2, 13, 20, 0)
 * ```
 */
export function easternWallTimeToMs(date: string, hour: number, minute: number): number {
  const { year, month, day } = parseIsoDate(date);
  if (
    !Number.isInteger(hour) ||
    hour < 0 ||
    hour > 24 ||
    !Number.isInteger(minute) ||
    minute < 0 ||
    minute > 59
  ) {
    throw new MmCoreError('INVALID_TIME', `invalid Eastern wall time ${hour}:${minute}`);
  }
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  // Eastern time is UTC-4 (EDT) or UTC-5 (EST). Try EDT first so an ambiguous fall-back time maps
  // to its first instant; in the spring-forward gap neither fits and the EST candidate reads one
  // hour later on the wall clock.
  const edt = guess + 4 * HOUR_MS;
  if (offsetMs(edt) === -4 * HOUR_MS) return edt;
  return guess + 5 * HOUR_MS;
}
