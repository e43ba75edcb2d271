/**
 * Error hierarchy of `@mnquants/mm-core`.
 *
 * @module
 */

const BRAND = Symbol.for('@mnquants/mm-core/error');

/**
 * Base class of every error `@mnquants/mm-core` throws.
 *
 * @remarks Expected outcomes (a risk denial, a rejected order) are values, not errors; this class
 * is for misuse (bad configuration, malformed input) and faults. Use {@link isMmCoreError} rather
 * than `instanceof` across module copies.
 *
 * @example
 * ```ts
 * try { parseSpxTicker('NOPE'); } catch (err) { if (isMmCoreError(err)) console.error(err.code); }
 * ```
 */
export class MmCoreError extends Error {
  /** Stable SCREAMING_SNAKE code. */
  readonly code: string;

  /**
   * @param code - Stable code, for example `'INVALID_TICKER'`.
   * @param message - What happened, with context.
   * @param options - Optional `cause`.
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MmCoreError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True when `value` is an {@link MmCoreError} from any copy of this package.
 *
 * @example
 * ```ts
 * if (isMmCoreError(err) && err.code === 'INVALID_CONFIG') process.exit(2);
 * ```
 */
export function isMmCoreError(value: unknown): value is MmCoreError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Invalid configuration; the message lists every problem found.
 *
 * @example
 * ```ts
 * throw new MmCoreConfigError(['maxPosition must be > 0', 'maxOrderSize must be > 0']);
 * ```
 */
export class MmCoreConfigError extends MmCoreError {
  /** Every problem found, one line each. */
  readonly problems: readonly string[];

  /** @param problems - Every problem found. */
  constructor(problems: readonly string[]) {
    super('INVALID_CONFIG', `invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'MmCoreConfigError';
    this.problems = problems;
  }
}
