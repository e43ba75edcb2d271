import type { KalshiWebSocketErrorCode } from '../errors.js';

/**
 * Kalshi's numeric WebSocket error codes mapped to this SDK's stable string codes.
 *
 * @remarks Covers every code of kalshi-api.md §7.6, including the retired 6, 16 and 17 so that
 * old captures still decode. Codes 10 and 25 are terminal for their subscription: the client
 * resubscribes automatically. A code not in this table maps to `'WS_UNKNOWN_ERROR'`.
 *
 * @example
 * ```ts
 * KALSHI_WS_ERROR_CODES[6]; // 'WS_ALREADY_SUBSCRIBED'
 * ```
 */
export const KALSHI_WS_ERROR_CODES: Readonly<Record<number, KalshiWebSocketErrorCode>> = Object.freeze({
  1: 'WS_UNABLE_TO_PROCESS',
  2: 'WS_PARAMS_REQUIRED',
  3: 'WS_CHANNELS_REQUIRED',
  4: 'WS_SIDS_REQUIRED',
  5: 'WS_UNKNOWN_COMMAND',
  6: 'WS_ALREADY_SUBSCRIBED',
  7: 'WS_UNKNOWN_SID',
  8: 'WS_UNKNOWN_CHANNEL',
  9: 'WS_AUTHENTICATION_REQUIRED',
  10: 'WS_CHANNEL_ERROR',
  11: 'WS_INVALID_PARAMETER',
  12: 'WS_EXACTLY_ONE_SID_REQUIRED',
  13: 'WS_UNSUPPORTED_ACTION',
  14: 'WS_MARKET_TICKER_REQUIRED',
  15: 'WS_ACTION_REQUIRED',
  16: 'WS_MARKET_NOT_FOUND',
  17: 'WS_INTERNAL_ERROR',
  18: 'WS_SERVER_COMMAND_TIMEOUT',
  19: 'WS_SHARD_FACTOR_TOO_SMALL',
  20: 'WS_SHARD_FACTOR_REQUIRED',
  21: 'WS_SHARD_KEY_OUT_OF_RANGE',
  22: 'WS_SHARD_FACTOR_TOO_LARGE',
  23: 'WS_MATCH_IDS_REQUIRED',
  24: 'WS_INDEX_IDS_REQUIRED',
  25: 'WS_BUFFER_OVERFLOW',
  26: 'WS_MARKET_LIMIT_EXCEEDED',
  27: 'WS_TOO_MANY_REQUESTS',
  28: 'WS_UNDERLYING_TICKERS_REQUIRED',
});

/**
 * Returns the stable string code for a Kalshi numeric WebSocket error code.
 *
 * @param code - Kalshi's numeric code from an `error` reply.
 * @returns The mapped code, or `'WS_UNKNOWN_ERROR'` for a code Kalshi has not documented.
 * @example
 * ```ts
 * wsErrorCodeFor(25); // 'WS_BUFFER_OVERFLOW'
 * ```
 */
export function wsErrorCodeFor(code: number): KalshiWebSocketErrorCode {
  return KALSHI_WS_ERROR_CODES[code] ?? 'WS_UNKNOWN_ERROR';
}

/** Kalshi error codes after which the subscription is dead and must be re-created. */
export const TERMINAL_WS_ERROR_CODES: ReadonlySet<number> = new Set([10, 25]);
