/**
 * Kalshi environments and their base URLs (kalshi-api.md §1).
 *
 * @module
 */

/** A named Kalshi environment. */
export type KalshiEnvironment = 'production' | 'demo';

/** REST and WebSocket base URLs of one environment. */
export interface KalshiEndpoints {
  /** REST base URL, ending in `/trade-api/v2`. */
  restUrl: string;
  /** WebSocket URL, ending in `/trade-api/ws/v2`. */
  wsUrl: string;
}

/**
 * The current recommended hosts of each environment.
 *
 * @remarks The shared hosts (`api.elections.kalshi.com`, `demo-api.kalshi.co`) still work; pass
 * them as explicit `restUrl`/`wsUrl` if needed.
 * @example
 * ```ts
 * KALSHI_ENVIRONMENTS.demo.restUrl; // "https://external-api.demo.kalshi.co/trade-api/v2"
 * ```
 */
export const KALSHI_ENVIRONMENTS: Readonly<Record<KalshiEnvironment, Readonly<KalshiEndpoints>>> =
  Object.freeze({
    production: Object.freeze({
      restUrl: 'https://external-api.kalshi.com/trade-api/v2',
      wsUrl: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2',
    }),
    demo: Object.freeze({
      restUrl: 'https://external-api.demo.kalshi.co/trade-api/v2',
      wsUrl: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2',
    }),
  });
