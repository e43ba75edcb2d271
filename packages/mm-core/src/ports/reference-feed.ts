/**
 * The reference-price port: where strategies get the underlying's price (S&P 500, VIX, ...).
 *
 * @module
 */

/**
 * One observation of a reference value.
 *
 * @remarks `value` is a plain number (an index level such as 6612.34, or a volatility in percent
 * such as 18.5): reference data is an input to pricing, never a tradable price or count.
 */
export interface ReferencePrice {
  /** The symbol, for example `'^GSPC'` or `'^VIX'`. */
  readonly symbol: string;
  /** The observed value. */
  readonly value: number;
  /** When the source observed it, Unix ms. */
  readonly tsMs: number;
  /** Where it came from, for example `'yahoo'`, `'kalshi-sim'`, `'replay'`. */
  readonly source: string;
  /** True when the value is older than the feed's staleness limit or the last poll failed. */
  readonly stale: boolean;
}

/** Events a {@link ReferenceFeed} emits. */
export interface ReferenceFeedEvents {
  /** A new observation (value or staleness changed). */
  update: (price: ReferencePrice) => void;
  /** A fetch or parse failure; the last good value is kept and marked stale. */
  error: (error: Error) => void;
}

/**
 * A source of reference prices for one or more symbols.
 *
 * @example
 * ```ts
 * feed.on('update', (p) => console.log(p.symbol, p.value, p.stale ? '(stale)' : ''));
 * await feed.start();
 * const spx = feed.latest('^GSPC');
 * ```
 */
export interface ReferenceFeed {
  /** Source name (`'yahoo'`, `'kalshi-sim'`, `'replay'`, ...). */
  readonly source: string;
  /** The symbols this feed provides. */
  readonly symbols: readonly string[];
  /** Starts polling or streaming; resolves after the first attempt for every symbol. */
  start(): Promise<void>;
  /** Stops; no timers or sockets are left behind. */
  stop(): Promise<void>;
  /** The latest observation of `symbol` with staleness evaluated now, or `undefined` if none yet. */
  latest(symbol: string): ReferencePrice | undefined;
  /** Subscribes to an event. */
  on<E extends keyof ReferenceFeedEvents>(event: E, listener: ReferenceFeedEvents[E]): this;
  /** Unsubscribes from an event. */
  off<E extends keyof ReferenceFeedEvents>(event: E, listener: ReferenceFeedEvents[E]): this;
}
