/**
 * Kalshi's own trading schedule (`GET /exchange/schedule`) and status (`GET /exchange/status`),
 * combined with the NYSE calendar into one "may we quote S&P 500 markets now?" answer.
 *
 * @module
 */
import type { ExchangeStatus, GetExchangeScheduleResponse } from '@mnquants/kalshi-sdk';
import { MmCoreError } from '../errors.js';
import { easternParts } from './eastern-time.js';
import type { NyseCalendar, TradingSession } from './nyse-calendar.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const MINUTES_PER_DAY = 24 * 60;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** One session of a day in minutes after Eastern midnight, `[openMinute, closeMinute)`. */
export interface ScheduleSession {
  /** Opening minute of the day (0-1439). */
  readonly openMinute: number;
  /** Closing minute of the day (1-1440; `23:59` on the wire is read as 1440, the end of the day). */
  readonly closeMinute: number;
}

/** Weekly standard hours valid in `[startMs, endMs)`. */
export interface ParsedWeeklySchedule {
  /** Start of validity, Unix ms. */
  readonly startMs: number;
  /** End of validity, Unix ms. */
  readonly endMs: number;
  /** Sessions by weekday, index 0 = Sunday ... 6 = Saturday. */
  readonly days: readonly (readonly ScheduleSession[])[];
}

/** A maintenance window, `[startMs, endMs)`. */
export interface ParsedMaintenanceWindow {
  /** Start, Unix ms. */
  readonly startMs: number;
  /** End, Unix ms. */
  readonly endMs: number;
}

function parseTs(value: unknown, where: string, problems: string[]): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) problems.push(`${where}: not an RFC 3339 time: ${JSON.stringify(value)}`);
  return ms;
}

function parseHhmm(value: unknown, where: string, problems: string[]): number {
  const m = typeof value === 'string' ? HHMM_RE.exec(value) : null;
  if (!m) {
    problems.push(`${where}: not an HH:MM time: ${JSON.stringify(value)}`);
    return 0;
  }
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Kalshi's exchange schedule, parsed once from `GET /exchange/schedule`.
 *
 * @remarks Sessions are US Eastern wall times. A close of `23:59` is read as the end of the day, so
 * a `00:00-23:59` schedule is continuous; a session whose close is earlier than its open runs past
 * midnight into the next day. When no weekly schedule covers an instant, Kalshi is treated as
 * closed there. Maintenance windows are closed intervals of trading.
 *
 * @example
 * ```ts
 * const schedule = KalshiSchedule.parse(await client.exchange.schedule());
 * schedule.inMaintenance(Date.now());
 * ```
 */
export class KalshiSchedule {
  /** Weekly standard hours. */
  readonly standardHours: readonly ParsedWeeklySchedule[];
  /** Maintenance windows. */
  readonly maintenanceWindows: readonly ParsedMaintenanceWindow[];

  /**
   * @param standardHours - Parsed weekly hours.
   * @param maintenanceWindows - Parsed maintenance windows.
   */
  constructor(
    standardHours: readonly ParsedWeeklySchedule[],
    maintenanceWindows: readonly ParsedMaintenanceWindow[],
  ) {
    this.standardHours = standardHours;
    this.maintenanceWindows = maintenanceWindows;
  }

  /**
   * Parses a `GET /exchange/schedule` body.
   *
   * @throws {@link MmCoreError} `INVALID_SCHEDULE` listing every malformed field.
   * @example
   * ```ts
   * const schedule = KalshiSchedule.parse({
   *   schedule: {
   *     standard_hours: [{ start_time: '2026-01-01T00:00:00Z', end_time: '2027-01-01T00:00:00Z',
   *       monday: [{ open_time: '00:00', close_time: '23:59' }], tuesday: [], wednesday: [],
   *       thursday: [], friday: [], saturday: [], sunday: [] }],
   *     maintenance_windows: [],
   *   },
   * });
   * ```
   */
  static parse(body: GetExchangeScheduleResponse): KalshiSchedule {
    const problems: string[] = [];
    const schedule = (body as { schedule?: Partial<GetExchangeScheduleResponse['schedule']> } | null)
      ?.schedule;
    if (typeof schedule !== 'object' || schedule === null) {
      throw new MmCoreError('INVALID_SCHEDULE', 'invalid exchange schedule: missing "schedule" object');
    }
    const weeks = Array.isArray(schedule.standard_hours) ? schedule.standard_hours : [];
    if (!Array.isArray(schedule.standard_hours)) problems.push('schedule.standard_hours: not an array');
    const standard = weeks.map((w, i): ParsedWeeklySchedule => {
      const where = `standard_hours[${i}]`;
      return {
        startMs: parseTs(w.start_time, `${where}.start_time`, problems),
        endMs: parseTs(w.end_time, `${where}.end_time`, problems),
        days: DAYS.map((day) => {
          const sessions = (w as unknown as Record<string, unknown>)[day];
          if (!Array.isArray(sessions)) {
            problems.push(`${where}.${day}: not an array`);
            return [];
          }
          return sessions.map((s: { open_time?: unknown; close_time?: unknown }, j) => {
            const open = parseHhmm(s?.open_time, `${where}.${day}[${j}].open_time`, problems);
            let close = parseHhmm(s?.close_time, `${where}.${day}[${j}].close_time`, problems);
            if (close === MINUTES_PER_DAY - 1) close = MINUTES_PER_DAY;
            return { openMinute: open, closeMinute: close };
          });
        }),
      };
    });
    const windowsIn = Array.isArray(schedule.maintenance_windows) ? schedule.maintenance_windows : [];
    if (!Array.isArray(schedule.maintenance_windows))
      problems.push('schedule.maintenance_windows: not an array');
    const windows = windowsIn.map((w, i) => ({
      startMs: parseTs(w.start_datetime, `maintenance_windows[${i}].start_datetime`, problems),
      endMs: parseTs(w.end_datetime, `maintenance_windows[${i}].end_datetime`, problems),
    }));
    if (problems.length > 0) {
      throw new MmCoreError('INVALID_SCHEDULE', `invalid exchange schedule: ${problems.join('; ')}`);
    }
    return new KalshiSchedule(standard, windows);
  }

  /**
   * The maintenance window containing `tsMs`, or `undefined`.
   *
   * @example
   * ```ts
   * const w = schedule.inMaintenance(Date.now());
   * if (w) console.log('maintenance until', new Date(w.endMs));
   * ```
   */
  inMaintenance(tsMs: number): ParsedMaintenanceWindow | undefined {
    return this.maintenanceWindows.find((w) => tsMs >= w.startMs && tsMs < w.endMs);
  }

  /**
   * True when `tsMs` is inside Kalshi's standard hours.
   *
   * @example
   * ```ts
   * schedule.isWithinStandardHours(Date.now());
   * ```
   */
  isWithinStandardHours(tsMs: number): boolean {
    const week = this.standardHours.find((w) => tsMs >= w.startMs && tsMs < w.endMs);
    if (week === undefined) return false;
    const et = easternParts(tsMs);
    const minute = et.hour * 60 + et.minute;
    const today = week.days[et.weekday] ?? [];
    const yesterday = week.days[(et.weekday + 6) % 7] ?? [];
    for (const s of today) {
      if (
        s.closeMinute > s.openMinute
          ? minute >= s.openMinute && minute < s.closeMinute
          : minute >= s.openMinute
      )
        return true;
    }
    // Overnight sessions started yesterday.
    return yesterday.some((s) => s.closeMinute <= s.openMinute && minute < s.closeMinute);
  }
}

/** Why S&P 500 markets may not be quoted now. */
export type QuoteBlockReason =
  | 'EXCHANGE_INACTIVE'
  | 'TRADING_PAUSED'
  | 'KALSHI_MAINTENANCE'
  | 'KALSHI_CLOSED'
  | 'NYSE_CLOSED';

/** The answer of {@link spxQuotingWindow}. */
export type QuotingWindow =
  | {
      /** Quoting is allowed. */
      readonly allowed: true;
      /** The NYSE session in progress. */
      readonly session: TradingSession;
    }
  | {
      /** Quoting is not allowed. */
      readonly allowed: false;
      /** The first reason that applies, in order of severity. */
      readonly reason: QuoteBlockReason;
      /** Human-readable detail. */
      readonly detail: string;
      /** When the blocking condition is expected to end, Unix ms, when known. */
      readonly untilMs?: number;
    };

/** Inputs of {@link spxQuotingWindow}. */
export interface QuotingWindowInput {
  /** The NYSE calendar. */
  readonly calendar: NyseCalendar;
  /** Kalshi's parsed schedule; skipped when absent. */
  readonly schedule?: KalshiSchedule;
  /** The latest `GET /exchange/status` body; skipped when absent. */
  readonly status?: ExchangeStatus;
  /**
   * The shard the markets trade on; when set and present in `exchange_index_statuses`, its flags
   * are used instead of the top-level ones.
   */
  readonly exchangeIndex?: number;
}

/**
 * Answers "may we quote S&P 500 markets at `tsMs`?" from Kalshi's status and schedule and the NYSE
 * calendar.
 *
 * @remarks Checks in order and returns the first failure: `EXCHANGE_INACTIVE`
 * (`exchange_active` false), `TRADING_PAUSED` (`trading_active` false), `KALSHI_MAINTENANCE`
 * (inside a maintenance window), `KALSHI_CLOSED` (outside Kalshi's standard hours), `NYSE_CLOSED`
 * (no regular NYSE session in progress: the index does not move, so fair value is not being
 * discovered). The status is a snapshot; refresh it on your own cadence.
 * @example
 * ```ts
 * const w = spxQuotingWindow(Date.now(), { calendar: nyse, schedule, status });
 * if (!w.allowed) logger.info(`not quoting: ${w.reason} (${w.detail})`);
 * ```
 */
export function spxQuotingWindow(tsMs: number, input: QuotingWindowInput): QuotingWindow {
  const { status, schedule, calendar } = input;
  if (status !== undefined) {
    const shard =
      input.exchangeIndex === undefined
        ? undefined
        : status.exchange_index_statuses?.find((s) => s.exchange_index === input.exchangeIndex);
    const flags = shard ?? status;
    const resume = status.exchange_estimated_resume_time
      ? Date.parse(status.exchange_estimated_resume_time)
      : Number.NaN;
    const untilMs = Number.isNaN(resume) ? {} : { untilMs: resume };
    if (!flags.exchange_active) {
      return {
        allowed: false,
        reason: 'EXCHANGE_INACTIVE',
        detail: 'Kalshi exchange is not active',
        ...untilMs,
      };
    }
    if (!flags.trading_active) {
      return { allowed: false, reason: 'TRADING_PAUSED', detail: 'Kalshi trading is paused', ...untilMs };
    }
  }
  if (schedule !== undefined) {
    const w = schedule.inMaintenance(tsMs);
    if (w !== undefined) {
      return {
        allowed: false,
        reason: 'KALSHI_MAINTENANCE',
        detail: `Kalshi maintenance until ${new Date(w.endMs).toISOString()}`,
        untilMs: w.endMs,
      };
    }
    if (!schedule.isWithinStandardHours(tsMs)) {
      return { allowed: false, reason: 'KALSHI_CLOSED', detail: "outside Kalshi's standard hours" };
    }
  }
  const session = calendar.sessionAt(tsMs);
  if (session === null) {
    const nextOpen = calendar.nextOpen(tsMs);
    return {
      allowed: false,
      reason: 'NYSE_CLOSED',
      detail: `NYSE closed; next open ${new Date(nextOpen).toISOString()}`,
      untilMs: nextOpen,
    };
  }
  return { allowed: true, session };
}
