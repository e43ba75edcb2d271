/**
 * The logger interface the SDK writes to.
 *
 * @remarks Compatible with `console`, pino and most structured loggers: each method takes a
 * message and optional structured fields. The SDK never passes keys or signatures to a logger.
 *
 * @example
 * ```ts
 * import pino from 'pino';
 * const client = new KalshiClient({ logger: pino() as unknown as KalshiLogger });
 * ```
 */
export interface KalshiLogger {
  /** Verbose diagnostics. */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** Notable events (reconnects, retries). */
  info(message: string, fields?: Record<string, unknown>): void;
  /** Something unexpected that the SDK recovered from. */
  warn(message: string, fields?: Record<string, unknown>): void;
  /** Something that failed. */
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger that discards everything; the default.
 *
 * @example
 * ```ts
 * const client = new KalshiClient({ logger: silentLogger });
 * ```
 */
export const silentLogger: KalshiLogger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});
