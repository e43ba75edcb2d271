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

/**
 * Options accepted by every {@link KalshiError} constructor.
 *
 * @example
 * ```ts
 * throw new KalshiConnectionError('GET /portfolio/balance failed', { cause: err });
 * ```
 */
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
   * True when an earlier attempt of the same request may have been processed by Kalshi although
   * this error ended the call: the first attempt timed out, lost its connection or got a 5xx, and
   * a retry (or the duplicate lookup of a retried create) then failed. A write that ends this way
   * is of unknown outcome, never "not sent": look it up (by `client_order_id` for a create).
   *
   * @defaultValue `false`
   */
  readonly earlierAttemptMayHaveLanded: boolean = false;

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

/** Marks an error that ended a call after an attempt of unknown outcome (internal to the SDK). */
export function markEarlierAttemptMayHaveLanded(err: KalshiError): void {
  Object.defineProperty(err, 'earlierAttemptMayHaveLanded', { value: true, enumerable: true });
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

/**
 * Stable string codes of {@link KalshiWebSocketError}.
 *
 * @remarks `WS_*` codes named after Kalshi's numeric WebSocket error codes (kalshi-api.md §7.6)
 * come from `error` replies; the others are the client's own failures.
 */
export type KalshiWebSocketErrorCode =
  | 'WS_UNABLE_TO_PROCESS'
  | 'WS_PARAMS_REQUIRED'
  | 'WS_CHANNELS_REQUIRED'
  | 'WS_SIDS_REQUIRED'
  | 'WS_UNKNOWN_COMMAND'
  | 'WS_ALREADY_SUBSCRIBED'
  | 'WS_UNKNOWN_SID'
  | 'WS_UNKNOWN_CHANNEL'
  | 'WS_AUTHENTICATION_REQUIRED'
  | 'WS_CHANNEL_ERROR'
  | 'WS_INVALID_PARAMETER'
  | 'WS_EXACTLY_ONE_SID_REQUIRED'
  | 'WS_UNSUPPORTED_ACTION'
  | 'WS_MARKET_TICKER_REQUIRED'
  | 'WS_ACTION_REQUIRED'
  | 'WS_MARKET_NOT_FOUND'
  | 'WS_INTERNAL_ERROR'
  | 'WS_SERVER_COMMAND_TIMEOUT'
  | 'WS_SHARD_FACTOR_TOO_SMALL'
  | 'WS_SHARD_FACTOR_REQUIRED'
  | 'WS_SHARD_KEY_OUT_OF_RANGE'
  | 'WS_SHARD_FACTOR_TOO_LARGE'
  | 'WS_MATCH_IDS_REQUIRED'
  | 'WS_INDEX_IDS_REQUIRED'
  | 'WS_BUFFER_OVERFLOW'
  | 'WS_MARKET_LIMIT_EXCEEDED'
  | 'WS_TOO_MANY_REQUESTS'
  | 'WS_UNDERLYING_TICKERS_REQUIRED'
  | 'WS_UNKNOWN_ERROR'
  | 'WS_COMMAND_TIMEOUT'
  | 'WS_HEARTBEAT_TIMEOUT'
  | 'WS_NOT_CONNECTED'
  | 'WS_CONNECTION_LOST'
  | 'WS_CONNECT_FAILED'
  | 'WS_RECONNECT_FAILED'
  | 'WS_CLOSED'
  | 'WS_INVALID_ARGUMENT'
  | 'WS_SEND_FAILED';

/**
 * Options of a {@link KalshiWebSocketError}.
 *
 * @example
 * ```ts
 * const options: KalshiWebSocketErrorOptions = { kalshiCode: 6, sid: 1, commandId: 12 };
 * ```
 */
export interface KalshiWebSocketErrorOptions extends KalshiErrorOptions {
  /** Kalshi's numeric error code, for errors replied by the server. */
  kalshiCode?: number;
  /** The subscription the error concerns, when any. */
  sid?: number;
  /** The command id the error answers, when any. */
  commandId?: number;
}

/**
 * A WebSocket failure: an `error` reply from Kalshi, a command timeout, silence, a lost connection.
 *
 * @remarks `code` is always `'WEBSOCKET'`; `wsCode` is the stable detailed code and `kalshiCode`
 * Kalshi's numeric code when the server sent one (for example 6 maps to `'WS_ALREADY_SUBSCRIBED'`).
 *
 * @example
 * ```ts
 * try {
 *   await ws.subscribe({ channels: ['orderbook_delta'] });
 * } catch (err) {
 *   if (isKalshiWebSocketError(err) && err.wsCode === 'WS_MARKET_TICKER_REQUIRED') console.error(err.message);
 * }
 * ```
 */
export class KalshiWebSocketError extends KalshiError {
  /** Stable detailed code. */
  readonly wsCode: KalshiWebSocketErrorCode;
  /** Kalshi's numeric WebSocket error code, when the server replied with an error. */
  readonly kalshiCode: number | undefined;
  /** The subscription concerned, when any. */
  readonly sid: number | undefined;
  /** The command id concerned, when any. */
  readonly commandId: number | undefined;

  /**
   * @param wsCode - Stable detailed code.
   * @param message - What happened, with context.
   * @param options - Kalshi's numeric code, sid, command id and `cause`.
   */
  constructor(wsCode: KalshiWebSocketErrorCode, message: string, options?: KalshiWebSocketErrorOptions) {
    super('WEBSOCKET', message, options);
    this.name = 'KalshiWebSocketError';
    this.wsCode = wsCode;
    this.kalshiCode = options?.kalshiCode;
    this.sid = options?.sid;
    this.commandId = options?.commandId;
  }
}

/**
 * True when `value` is a {@link KalshiWebSocketError} from any copy of this SDK.
 *
 * @example
 * ```ts
 * ws.on('error', (err) => { if (isKalshiWebSocketError(err)) log.warn(err.wsCode); });
 * ```
 */
export function isKalshiWebSocketError(value: unknown): value is KalshiWebSocketError {
  return (
    isKalshiError(value) &&
    value.code === 'WEBSOCKET' &&
    typeof (value as { wsCode?: unknown }).wsCode === 'string'
  );
}

/**
 * Options of a {@link KalshiApiError}: what the server answered.
 *
 * @example
 * ```ts
 * const options: KalshiApiErrorOptions = {
 *   status: 404, kalshiCode: 'not_found', details: undefined, method: 'GET', path: '/trade-api/v2/markets/X',
 * };
 * throw new KalshiNotFoundError('GET /trade-api/v2/markets/X failed with HTTP 404 (not_found)', options);
 * ```
 */
export interface KalshiApiErrorOptions extends KalshiErrorOptions {
  /** HTTP status. */
  status: number;
  /** Kalshi's error code (`error.code` of the body), when the body had one. */
  kalshiCode?: string | undefined;
  /** Kalshi's `details` text, when present. */
  details?: string | undefined;
  /** HTTP method of the request. */
  method?: string | undefined;
  /** Path of the request (no query string, no host). */
  path?: string | undefined;
}

/**
 * The server answered with an error status.
 *
 * @remarks Subclasses narrow by status: 400 {@link KalshiBadRequestError}, 401
 * {@link KalshiAuthenticationError}, 403 {@link KalshiPermissionError}, 404
 * {@link KalshiNotFoundError}, 409 {@link KalshiConflictError}, 429 {@link KalshiRateLimitError},
 * 5xx {@link KalshiServerError}. Other statuses are a plain `KalshiApiError` (`API_ERROR`).
 * Bodies `{"error":{code,message,details}}`, `{code,message}`, `{"error":"text"}` and non-JSON
 * text are all understood.
 * @example
 * ```ts
 * try {
 *   await client.orders.create(order);
 * } catch (err) {
 *   if (isKalshiApiError(err) && err.kalshiCode === 'available_balance_too_low') stopQuoting();
 * }
 * ```
 */
export class KalshiApiError extends KalshiError {
  /** HTTP status. */
  readonly status: number;
  /** Kalshi's error code, when the body had one (for example `invalid_order_size`). */
  readonly kalshiCode: string | undefined;
  /** Kalshi's `details` text, when present. */
  readonly details: string | undefined;
  /** HTTP method of the failed request. */
  readonly method: string | undefined;
  /** Path of the failed request (without query). */
  readonly path: string | undefined;

  /**
   * @param code - The stable SDK code.
   * @param message - What happened, with context.
   * @param options - Status and Kalshi's error fields.
   */
  constructor(code: KalshiErrorCode, message: string, options: KalshiApiErrorOptions) {
    super(code, message, options);
    this.name = 'KalshiApiError';
    this.status = options.status;
    this.kalshiCode = options.kalshiCode;
    this.details = options.details;
    this.method = options.method;
    this.path = options.path;
  }
}

/**
 * 400: the request was invalid (bad parameters, off-grid price, post-only cross, ...).
 *
 * @example
 * ```ts
 * if (isKalshiBadRequestError(err)) console.error(err.kalshiCode, err.details);
 * ```
 */
export class KalshiBadRequestError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('BAD_REQUEST', message, options);
    this.name = 'KalshiBadRequestError';
  }
}

/**
 * 401: missing, unknown or badly signed credentials, or a stale timestamp.
 *
 * @example
 * ```ts
 * if (isKalshiAuthenticationError(err)) console.error('check the API key id and the clock');
 * ```
 */
export class KalshiAuthenticationError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('AUTHENTICATION', message, options);
    this.name = 'KalshiAuthenticationError';
  }
}

/**
 * 403: the key lacks a scope, the tier is too low, or a restricted key named another subaccount.
 *
 * @example
 * ```ts
 * if (isKalshiPermissionError(err)) console.error('key scope:', err.message);
 * ```
 */
export class KalshiPermissionError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('PERMISSION_DENIED', message, options);
    this.name = 'KalshiPermissionError';
  }
}

/**
 * 404: unknown market, event, order or other resource.
 *
 * @example
 * ```ts
 * const market = await client.markets.get(t).catch((e) => (isKalshiNotFoundError(e) ? null : Promise.reject(e)));
 * ```
 */
export class KalshiNotFoundError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('NOT_FOUND', message, options);
    this.name = 'KalshiNotFoundError';
  }
}

/**
 * 409: a duplicate `client_order_id` or transfer id, an open RFQ, or a closed market.
 *
 * @example
 * ```ts
 * if (isKalshiConflictError(err) && err.kalshiCode === 'market_closed') dropMarket(ticker);
 * ```
 */
export class KalshiConflictError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('CONFLICT', message, options);
    this.name = 'KalshiConflictError';
  }
}

/**
 * 429: the account's token bucket was empty.
 *
 * @remarks Kalshi sends no `Retry-After`; the client's own token buckets make this rare.
 * @example
 * ```ts
 * if (isKalshiRateLimitError(err)) await sleep(100);
 * ```
 */
export class KalshiRateLimitError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('RATE_LIMITED', message, options);
    this.name = 'KalshiRateLimitError';
  }
}

/**
 * 5xx: a server failure, maintenance (503) or gateway timeout (504).
 *
 * @example
 * ```ts
 * if (isKalshiServerError(err) && err.status === 503) console.warn('exchange maintenance');
 * ```
 */
export class KalshiServerError extends KalshiApiError {
  /** @param message - What happened. @param options - Status and Kalshi's fields. */
  constructor(message: string, options: KalshiApiErrorOptions) {
    super('SERVER_ERROR', message, options);
    this.name = 'KalshiServerError';
  }
}

/**
 * The request never got an HTTP answer (DNS failure, refused or reset connection).
 *
 * @remarks For a write, the request may still have reached the exchange.
 * @example
 * ```ts
 * if (isKalshiConnectionError(err)) scheduleReconnect();
 * ```
 */
export class KalshiConnectionError extends KalshiError {
  /** @param message - What happened. @param options - Optional `cause`. */
  constructor(message: string, options?: KalshiErrorOptions) {
    super('CONNECTION', message, options);
    this.name = 'KalshiConnectionError';
  }
}

/**
 * The request took longer than its `timeoutMs`.
 *
 * @remarks For a write the outcome is unknown: look the order up (by `client_order_id`) before
 * sending it again.
 * @example
 * ```ts
 * if (isKalshiTimeoutError(err)) await reconcile(clientOrderId);
 * ```
 */
export class KalshiTimeoutError extends KalshiError {
  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number;
  /** @param message - What happened. @param timeoutMs - The timeout. @param options - Optional `cause`. */
  constructor(message: string, timeoutMs: number, options?: KalshiErrorOptions) {
    super('TIMEOUT', message, options);
    this.name = 'KalshiTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller aborted the request through its `AbortSignal`.
 *
 * @remarks {@link KalshiAbortError.requestSent} tells whether any attempt of the request may have
 * reached Kalshi. When it is `false` (for example the abort came while the request waited for
 * rate-limit tokens), Kalshi never saw it and a write certainly did not happen; when `true`, a
 * write's outcome is unknown and must be looked up.
 * @example
 * ```ts
 * const ac = new AbortController();
 * const p = client.orders.create(order, { signal: ac.signal });
 * ac.abort();
 * p.catch((err) => { if (isKalshiAbortError(err) && !err.requestSent) console.log('never sent'); });
 * ```
 */
export class KalshiAbortError extends KalshiError {
  /** True when some attempt of the request may have reached Kalshi (the outcome is then unknown). */
  readonly requestSent: boolean;

  /**
   * @param message - What happened.
   * @param options - Optional `cause` (the abort reason) and `requestSent`.
   * @defaultValue options.requestSent: `true` (the safe assumption)
   */
  constructor(message: string, options?: KalshiErrorOptions & { requestSent?: boolean }) {
    super('ABORTED', message, options);
    this.name = 'KalshiAbortError';
    this.requestSent = options?.requestSent ?? true;
  }
}

/**
 * A success status with a body that is not the JSON the endpoint promises.
 *
 * @example
 * ```ts
 * if (isKalshiError(err) && err.code === 'INVALID_RESPONSE') console.error(err.message);
 * ```
 */
export class KalshiInvalidResponseError extends KalshiError {
  /** HTTP status of the response. */
  readonly status: number;
  /** @param message - What happened. @param status - HTTP status. @param options - Optional `cause`. */
  constructor(message: string, status: number, options?: KalshiErrorOptions) {
    super('INVALID_RESPONSE', message, options);
    this.name = 'KalshiInvalidResponseError';
    this.status = status;
  }
}

function hasCode(value: unknown, code: KalshiErrorCode): value is KalshiError {
  return isKalshiError(value) && value.code === code;
}

/**
 * True when `value` is a {@link KalshiApiError} (any HTTP error status) from any copy of the SDK.
 *
 * @example
 * ```ts
 * if (isKalshiApiError(err)) console.error(err.status, err.kalshiCode);
 * ```
 */
export function isKalshiApiError(value: unknown): value is KalshiApiError {
  return (
    isKalshiError(value) &&
    typeof (value as { status?: unknown }).status === 'number' &&
    'kalshiCode' in value
  );
}

/**
 * True for a {@link KalshiBadRequestError}.
 *
 * @example
 * ```ts
 * if (isKalshiBadRequestError(err)) console.error(err.details);
 * ```
 */
export function isKalshiBadRequestError(value: unknown): value is KalshiBadRequestError {
  return hasCode(value, 'BAD_REQUEST') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiAuthenticationError}.
 *
 * @example
 * ```ts
 * if (isKalshiAuthenticationError(err)) process.exit(1);
 * ```
 */
export function isKalshiAuthenticationError(value: unknown): value is KalshiAuthenticationError {
  return hasCode(value, 'AUTHENTICATION') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiPermissionError}.
 *
 * @example
 * ```ts
 * if (isKalshiPermissionError(err)) console.error('missing scope');
 * ```
 */
export function isKalshiPermissionError(value: unknown): value is KalshiPermissionError {
  return hasCode(value, 'PERMISSION_DENIED') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiNotFoundError}.
 *
 * @example
 * ```ts
 * if (isKalshiNotFoundError(err)) return undefined;
 * ```
 */
export function isKalshiNotFoundError(value: unknown): value is KalshiNotFoundError {
  return hasCode(value, 'NOT_FOUND') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiConflictError}.
 *
 * @example
 * ```ts
 * if (isKalshiConflictError(err)) console.warn('duplicate client_order_id');
 * ```
 */
export function isKalshiConflictError(value: unknown): value is KalshiConflictError {
  return hasCode(value, 'CONFLICT') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiRateLimitError}.
 *
 * @example
 * ```ts
 * if (isKalshiRateLimitError(err)) await sleep(200);
 * ```
 */
export function isKalshiRateLimitError(value: unknown): value is KalshiRateLimitError {
  return hasCode(value, 'RATE_LIMITED') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiServerError}.
 *
 * @example
 * ```ts
 * if (isKalshiServerError(err)) console.warn('exchange trouble', err.status);
 * ```
 */
export function isKalshiServerError(value: unknown): value is KalshiServerError {
  return hasCode(value, 'SERVER_ERROR') && isKalshiApiError(value);
}

/**
 * True for a {@link KalshiConnectionError}.
 *
 * @example
 * ```ts
 * if (isKalshiConnectionError(err)) console.warn('network down');
 * ```
 */
export function isKalshiConnectionError(value: unknown): value is KalshiConnectionError {
  return hasCode(value, 'CONNECTION');
}

/**
 * True for a {@link KalshiTimeoutError}.
 *
 * @example
 * ```ts
 * if (isKalshiTimeoutError(err)) console.warn(`no answer in ${err.timeoutMs} ms`);
 * ```
 */
export function isKalshiTimeoutError(value: unknown): value is KalshiTimeoutError {
  return hasCode(value, 'TIMEOUT');
}

/**
 * True for a {@link KalshiAbortError}.
 *
 * @example
 * ```ts
 * if (isKalshiAbortError(err)) return; // we cancelled it ourselves
 * ```
 */
export function isKalshiAbortError(value: unknown): value is KalshiAbortError {
  return hasCode(value, 'ABORTED');
}
