/**
 * Small runtime ports: clock and logger.
 *
 * @module
 */

/**
 * A source of the current time.
 *
 * @example
 * ```ts
 * const clock: Clock = { nowMs: () => Date.now() };
 * ```
 */
export interface Clock {
  /** Current time, Unix ms. */
  nowMs(): number;
}

/**
 * The system clock.
 *
 * @example
 * ```ts
 * systemClock.nowMs(); // Date.now()
 * ```
 */
export const systemClock: Clock = Object.freeze({ nowMs: () => Date.now() });

/**
 * The structured logger the core writes to; `console`, pino and the SDK's logger all fit.
 *
 * @example
 * ```ts
 * const logger: MmLogger = console;
 * ```
 */
export interface MmLogger {
  /** Verbose diagnostics. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Notable events. */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Unexpected but recovered. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Failed. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger that discards everything; the default.
 *
 * @example
 * ```ts
 * new Engine({ ...config, logger: silentMmLogger });
 * ```
 */
export const silentMmLogger: MmLogger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});
