/**
 * The Kalshi implementation of the {@link MarketDataFeed} port over `KalshiWebSocket`.
 *
 * @module
 */

import type { KalshiSubscription, KalshiWebSocket, KalshiWebSocketEvents } from '@mnquants/kalshi-sdk';
import type { MarketDataFeed, MarketDataHandlers } from '../../ports/market-data-feed.js';
import { type MmLogger, silentMmLogger } from '../../ports/runtime.js';
import {
  parseDelta,
  parseLifecycle,
  parseSnapshot,
  parseTrade,
  parseUserOrder,
  parseWsFill,
} from './parse.js';

/** The parts of `KalshiWebSocket` the feed uses (a `KalshiWebSocket` fits as is). */
export type KalshiFeedSocket = Pick<KalshiWebSocket, 'connect' | 'close' | 'subscribe' | 'on' | 'off'>;

/** Options of {@link KalshiMarketDataFeed}. */
export interface KalshiMarketDataFeedConfig {
  /** The WebSocket client. */
  readonly socket: KalshiFeedSocket;
  /** Call `socket.connect()` in `start()` and `socket.close()` in `stop()`. @defaultValue `true` */
  readonly manageConnection?: boolean;
  /** Subscribe to public trades of the traded markets. @defaultValue `true` */
  readonly trades?: boolean;
  /** Logger for conversion failures. @defaultValue silent */
  readonly logger?: MmLogger;
  /** Receive clock, Unix ms. @defaultValue `Date.now` */
  readonly nowMs?: () => number;
}

type Listeners = { [E in keyof KalshiWebSocketEvents]?: KalshiWebSocketEvents[E] };

/**
 * Streams Kalshi books, trades, our fills and order updates, and lifecycle events into the core.
 *
 * @remarks Subscribes `orderbook_delta` (snapshots and signed deltas, NO levels in NO terms),
 * `user_orders`, `fill`, `market_lifecycle_v2` and optionally `trade`, each converted once by
 * the `parse*` functions. The SDK's sequence-integrity signals drive trust: a `trustChanged`
 * to untrusted (gap, invalid frame, disconnect) becomes `onBookUntrusted`; the SDK itself asks
 * for fresh snapshots, and {@link KalshiMarketDataFeed.requestSnapshot} asks again for books the
 * core found inconsistent. A frame that fails conversion is logged; for a book frame the book is
 * reported untrusted. `close` with a pending reconnect is `disconnected`; `reconnected` follows.
 *
 * @example
 * ```ts
 * const socket = new KalshiWebSocket({ url: KALSHI_ENVIRONMENTS.demo.wsUrl, signer });
 * const feed = new KalshiMarketDataFeed({ socket });
 * const engine = new Engine({ markets, strategy, feed, gateway, risk });
 * ```
 */
export class KalshiMarketDataFeed implements MarketDataFeed {
  readonly #socket: KalshiFeedSocket;
  readonly #manage: boolean;
  readonly #trades: boolean;
  readonly #logger: MmLogger;
  readonly #now: () => number;
  #markets = new Set<string>();
  #listeners: Listeners = {};
  #bookSub: KalshiSubscription | undefined;
  #subs: KalshiSubscription[] = [];

  /** @param config - The socket and options. */
  constructor(config: KalshiMarketDataFeedConfig) {
    this.#socket = config.socket;
    this.#manage = config.manageConnection ?? true;
    this.#trades = config.trades ?? true;
    this.#logger = config.logger ?? silentMmLogger;
    this.#now = config.nowMs ?? Date.now;
  }

  /** Attaches listeners, connects (when managed) and subscribes; resolves once subscriptions are acknowledged. */
  async start(marketTickers: readonly string[], h: MarketDataHandlers): Promise<void> {
    this.#markets = new Set(marketTickers);
    const markets = this.#markets;
    const bad = (what: string, err: unknown, ticker?: string) => {
      this.#logger.error(`could not convert ${what}`, { err: String(err), marketTicker: ticker });
      if (ticker !== undefined && (what === 'orderbook_snapshot' || what === 'orderbook_delta')) {
        h.onBookUntrusted([ticker], 'INVALID_FRAME');
      }
    };
    this.#listeners = {
      orderbook_snapshot: (m) => {
        try {
          h.onBookSnapshot(parseSnapshot(m.msg, this.#now()));
        } catch (err) {
          bad('orderbook_snapshot', err, m.msg.market_ticker);
        }
      },
      orderbook_delta: (m) => {
        let delta: ReturnType<typeof parseDelta>;
        try {
          delta = parseDelta(m.msg, this.#now());
        } catch (err) {
          bad('orderbook_delta', err, m.msg.market_ticker);
          return;
        }
        h.onBookDelta(delta);
      },
      trade: (m) => {
        if (!markets.has(m.msg.market_ticker)) return;
        try {
          h.onTrade(parseTrade(m.msg));
        } catch (err) {
          bad('trade', err);
        }
      },
      fill: (m) => {
        try {
          h.onFill(parseWsFill(m.msg));
        } catch (err) {
          bad('fill', err, m.msg.market_ticker);
        }
      },
      user_order: (m) => {
        try {
          h.onOrderUpdate(parseUserOrder(m.msg));
        } catch (err) {
          bad('user_order', err, m.msg.ticker);
        }
      },
      market_lifecycle_v2: (m) => {
        if (!markets.has(m.msg.market_ticker)) return;
        try {
          h.onLifecycle(parseLifecycle(m.msg, this.#now()));
        } catch (err) {
          bad('market_lifecycle_v2', err);
        }
      },
      trustChanged: (c) => {
        if (!c.trusted && markets.has(c.marketTicker))
          h.onBookUntrusted([c.marketTicker], c.reason.toUpperCase());
      },
      close: (c) => {
        if (c.willReconnect) h.onConnectionState('disconnected');
      },
      reconnected: () => h.onConnectionState('reconnected'),
    };
    for (const [event, fn] of Object.entries(this.#listeners)) {
      this.#socket.on(event as keyof KalshiWebSocketEvents, fn as never);
    }
    try {
      h.onConnectionState('connecting');
      if (this.#manage) await this.#socket.connect();
      const tickers = [...marketTickers];
      this.#bookSub = await this.#socket.subscribe({
        channels: ['orderbook_delta'],
        market_tickers: tickers,
      });
      this.#subs.push(this.#bookSub);
      this.#subs.push(await this.#socket.subscribe({ channels: ['user_orders', 'fill'] }));
      this.#subs.push(await this.#socket.subscribe({ channels: ['market_lifecycle_v2'] }));
      if (this.#trades)
        this.#subs.push(await this.#socket.subscribe({ channels: ['trade'], market_tickers: tickers }));
      h.onConnectionState('connected');
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  /** Asks for fresh snapshots of these markets (`get_snapshot`) on the book subscription. */
  requestSnapshot(marketTickers: readonly string[]): void {
    const sub = this.#bookSub;
    if (sub === undefined || marketTickers.length === 0) return;
    sub.requestSnapshot(marketTickers).catch((err: unknown) => {
      this.#logger.warn('snapshot request failed (the socket recovers on its own)', { err: String(err) });
    });
  }

  /** Detaches listeners and closes the socket (when managed) or unsubscribes. */
  async stop(): Promise<void> {
    for (const [event, fn] of Object.entries(this.#listeners)) {
      this.#socket.off(event as keyof KalshiWebSocketEvents, fn as never);
    }
    this.#listeners = {};
    const subs = this.#subs;
    this.#subs = [];
    this.#bookSub = undefined;
    if (this.#manage) {
      await this.#socket.close();
      return;
    }
    await Promise.allSettled(subs.map((s) => s.unsubscribe()));
  }
}
