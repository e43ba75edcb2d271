/**
 * The simulator's clock: sim time runs at a multiple of real time, or by hand in tests.
 *
 * @module
 */

/** Options of {@link SimClock}. */
export interface SimClockOptions {
  /** Sim time at start (Unix ms). @defaultValue {@link defaultSessionStartMs} of the real now */
  startMs?: number;
  /** Sim ms per real ms (39 runs a 6.5 h session in 10 min). @defaultValue 1 */
  speed?: number;
  /** `manual` only moves on {@link SimClock.advance}; `realtime` follows the real clock. @defaultValue 'realtime' */
  mode?: 'realtime' | 'manual';
  /** Real clock in ms (injectable for tests). @defaultValue `performance.now` */
  realNowMs?: () => number;
}

const DAY_MS = 86_400_000;

/**
 * Offset of US Eastern time from UTC at an instant, in minutes (-240 in EDT, -300 in EST).
 *
 * @example
 * ```ts
 * easternOffsetMinutes(Date.UTC(2026, 6, 1)); // -240
 * ```
 */
export function easternOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * Converts a US Eastern wall-clock time to Unix ms.
 *
 * @param month - 1-12.
 * @example
 * ```ts
 * easternToUtcMs(2026, 3, 13, 16, 0); // 2026-03-13T20:00:00Z
 * ```
 */
export function easternToUtcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  let utc = naive - easternOffsetMinutes(naive) * 60_000;
  utc = naive - easternOffsetMinutes(utc) * 60_000;
  return utc;
}

/**
 * The US Eastern calendar date (year, month 1-12, day, weekday 0=Sunday) of an instant.
 *
 * @example
 * ```ts
 * easternDate(Date.UTC(2026, 2, 14, 2)); // { year: 2026, month: 3, day: 13, weekday: 5 }
 * ```
 */
export function easternDate(utcMs: number): { year: number; month: number; day: number; weekday: number } {
  const shifted = new Date(utcMs + easternOffsetMinutes(utcMs) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
  };
}

/**
 * The 09:30 ET session start of the sim date: today (ET) if it is a weekday, else the next Monday.
 *
 * @remarks Weekday logic only; NYSE holidays are not considered (the core package owns the real
 * NYSE calendar).
 * @example
 * ```ts
 * new Date(defaultSessionStartMs(Date.UTC(2026, 2, 14, 15))).toISOString(); // Sat -> Mon 2026-03-16T13:30:00.000Z
 * ```
 */
export function defaultSessionStartMs(realNowMs: number = Date.now()): number {
  let t = realNowMs;
  for (let i = 0; i < 7; i++) {
    const d = easternDate(t);
    if (d.weekday !== 0 && d.weekday !== 6) return easternToUtcMs(d.year, d.month, d.day, 9, 30);
    t += DAY_MS;
  }
  throw new Error('unreachable: no weekday within 7 days');
}

/**
 * The start of the next weekly trading pause strictly after an instant: Thursday 03:00 US Eastern.
 *
 * @remarks Kalshi pauses trading every Thursday 03:00-05:00 ET for maintenance (cancels still
 * work); the pause lasts {@link WEEKLY_PAUSE_MS}. Thursday 03:00 ET is never on a DST change.
 * @example
 * ```ts
 * new Date(nextWeeklyPauseStartMs(Date.UTC(2026, 2, 13, 14, 30))).toISOString(); // Fri -> 2026-03-19T07:00:00.000Z
 * ```
 */
export function nextWeeklyPauseStartMs(afterMs: number): number {
  for (let i = 0; i <= 7; i++) {
    const d = easternDate(afterMs + i * DAY_MS);
    if (d.weekday !== 4) continue;
    const start = easternToUtcMs(d.year, d.month, d.day, 3, 0);
    if (start > afterMs) return start;
  }
  throw new Error('unreachable: no Thursday within 8 days');
}

/** Length of Kalshi's weekly trading pause (Thursday 03:00-05:00 ET): two hours, in ms. */
export const WEEKLY_PAUSE_MS = 2 * 3_600_000;

/**
 * A sim clock: `sim = start + realElapsed x speed`, or advanced by hand in `manual` mode.
 *
 * @remarks The {@link World} owns a manual clock and moves it in `step`; the server can run a
 * realtime clock and call `world.advanceTo(clock.nowMs())` from a timer.
 * @example
 * ```ts
 * const clock = new SimClock({ speed: 39 }); // 6.5 h session in 10 min
 * clock.nowMs();
 * ```
 */
export class SimClock {
  readonly #start: number;
  readonly #speed: number;
  readonly #mode: 'realtime' | 'manual';
  readonly #real: () => number;
  readonly #realStart: number;
  #manualMs: number;

  /**
   * Creates a clock.
   *
   * @throws RangeError when `speed` is not a positive finite number.
   */
  constructor(options: SimClockOptions = {}) {
    const speed = options.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be positive, got ${speed}`);
    this.#start = options.startMs ?? defaultSessionStartMs();
    this.#speed = speed;
    this.#mode = options.mode ?? 'realtime';
    this.#real = options.realNowMs ?? (() => performance.now());
    this.#realStart = this.#real();
    this.#manualMs = this.#start;
  }

  /** Sim time now, in Unix ms (an integer). */
  nowMs(): number {
    if (this.#mode === 'manual') return this.#manualMs;
    return this.#start + Math.floor((this.#real() - this.#realStart) * this.#speed);
  }

  /** Sim ms per real ms. */
  get speed(): number {
    return this.#speed;
  }

  /** Sim time at start. */
  get startMs(): number {
    return this.#start;
  }

  /**
   * Moves a manual clock forward.
   *
   * @throws Error in realtime mode or for a negative step.
   */
  advance(ms: number): void {
    if (this.#mode !== 'manual') throw new Error('advance() needs a manual clock');
    if (!(ms >= 0)) throw new RangeError(`cannot move time backwards by ${ms} ms`);
    this.#manualMs += Math.floor(ms);
  }
}
