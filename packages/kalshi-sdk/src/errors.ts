/**
 * Error hierarchy of `@mnquants/kalshi-sdk`.
 *
 * Every error thrown by the SDK is a {@link KalshiError}. Subclasses say what went wrong (a
 * rejected request, a rate limit, a timeout, a lost connection, a bad key). Messages carry
 * context but never keys, signatures or key paths.
 *
 * @module
 */

const BRAND = Symbol.for('@mnquants/kalshi-sdk/error');

/**
 * Stable string codes carried by every {@link KalshiError}.
 *
 * @remarks Codes are part of the public API: they never change meaning between releases.
 */
export type KalshiErrorCode =
  | 'CONFIGURATION'
  | 'INVALID_KEY'
  | 'INVALID_NUMBER'
  | 'BAD_REQUEST'
  | 'AUTHENTICATION'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'API_ERROR'
  | 'CONNECTION'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'INVALID_RESPONSE'
  | 'WEBSOCKET';

/** Options accepted by every {@link KalshiError} constructor. */
export interface KalshiErrorOptions {
  /** The underlying error, chained as the standard `cause`. */
  cause?: unknown;
}

/**
 * Base class of every error the SDK throws.
 *
 * @remarks Use {@link isKalshiError} rather than `instanceof` when several copies of the SDK may
 * be loaded (for example the ESM and CJS builds side by side).
 *
 * @example
 * ```ts
 * try {
 *   await client.markets.get('KXINX-26NOV25H1600-B6612');
 * } catch (err) {
 *   if (isKalshiError(err)) console.error(err.code, err.message);
 * }
 * ```
 */
export class KalshiError extends Error {
  /** Stable machine-readable code. */
  readonly code: KalshiErrorCode;

  /**
   * Creates an error with a stable code.
   *
   * @param code - The stable code.
   * @param message - What happened, with context (never secrets).
   * @param options - Optional `cause`.
   */
  constructor(code: KalshiErrorCode, message: string, options?: KalshiErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KalshiError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True when `value` is a {@link KalshiError} from any copy of this SDK.
 *
 * @example
 * ```ts
 * if (isKalshiError(err) && err.code === 'RATE_LIMITED') await sleep(100);
 * ```
 */
export function isKalshiError(value: unknown): value is KalshiError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/**
 * Invalid client configuration (missing credentials, bad URL, bad option values).
 *
 * @example
 * ```ts
 * new KalshiClient({ environment: 'staging' as never }); // throws KalshiConfigurationError
 * ```
 */
export class KalshiConfigurationError extends KalshiError {
  /**
   * @param message - Every configuration problem found, in one message.
   * @param options - Optional `cause`.
   */
  constructor(message: string, options?: KalshiErrorOptions) {
    super('CONFIGURATION', message, options);
    this.name = 'KalshiConfigurationError';
  }
}

/**
 * A private key that is missing, unreadable or malformed.
 *
 * @remarks The message names the source (`privateKey` option, `KALSHI_PRIVATE_KEY`, or "the key
 * file") but never echoes key material or the file path.
 *
 * @example
 * ```ts
 * new KalshiSigner({ apiKeyId: 'id', privateKey: 'not a key' }); // throws KalshiKeyError
 * ```
 */
export class KalshiKeyError extends KalshiError {
  /**
   * @param message - What is wrong with the key, without key material.
   * @param options - Optional `cause` (sanitized by the caller).
   */
  constructor(message: string, options?: KalshiErrorOptions) {
    super('INVALID_KEY', message, options);
    this.name = 'KalshiKeyError';
  }
}

/**
 * A malformed fixed-point number (a price, count or money string that is not exact).
 *
 * @example
 * ```ts
 * parseDollars('0.12345'); // throws KalshiNumberError: more than 4 decimals
 * ```
 */
export class KalshiNumberError extends KalshiError {
  /** The offending input, as received. */
  readonly input: unknown;

  /**
   * @param message - What is wrong with the input.
   * @param input - The offending input.
   */
  constructor(message: string, input: unknown) {
    super('INVALID_NUMBER', message);
    this.name = 'KalshiNumberError';
    this.input = input;
  }
}
