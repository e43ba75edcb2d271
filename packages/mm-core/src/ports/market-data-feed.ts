/**
 * The market-data port: books, trades, our fills and order updates, lifecycle and connection state.
 *
 * @module
 */

import type {
  BookDelta,
  BookSnapshot,
  FeedConnectionState,
  Fill,
  MarketLifecycle,
  Trade,
  VenueOrder,
} from '../model/types.js';

/**
 * Callbacks a {@link MarketDataFeed} invokes.
 *
 * @remarks Called synchronously from the feed's receive path; implementations must not block.
 * A plain object of handlers (instead of an event emitter) keeps the hot path free of allocation.
 */
export interface MarketDataHandlers {
  /** A full book image; the book becomes trusted. */
  onBookSnapshot(snapshot: BookSnapshot): void;
  /** A signed level change. */
  onBookDelta(delta: BookDelta): void;
  /** The feed lost sequence integrity for these markets; their books are wrong until a snapshot. */
  onBookUntrusted(marketTickers: readonly string[], reason: string): void;
  /** A public trade. */
  onTrade(trade: Trade): void;
  /** One of our orders executed. */
  onFill(fill: Fill): void;
  /** One of our orders changed. */
  onOrderUpdate(order: VenueOrder): void;
  /** A market lifecycle event. */
  onLifecycle(event: MarketLifecycle): void;
  /** The feed's connection changed; `reconnected` means data may have been missed. */
  onConnectionState(state: FeedConnectionState): void;
}

/**
 * A venue's streaming market data for a set of markets.
 *
 * @example
 * ```ts
 * await feed.start(['KXINXU-26NOV25H1600-T6600'], handlers);
 * feed.requestSnapshot(['KXINXU-26NOV25H1600-T6600']);
 * await feed.stop();
 * ```
 */
export interface MarketDataFeed {
  /** Connects and subscribes; resolves once subscriptions are acknowledged. */
  start(marketTickers: readonly string[], handlers: MarketDataHandlers): Promise<void>;
  /** Asks for fresh snapshots of these markets (after a gap); they arrive through `onBookSnapshot`. */
  requestSnapshot(marketTickers: readonly string[]): void;
  /** Unsubscribes and disconnects; no sockets or timers are left behind. */
  stop(): Promise<void>;
}
