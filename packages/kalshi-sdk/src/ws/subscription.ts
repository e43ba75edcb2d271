import { KalshiWebSocketError } from '../errors.js';
import type { WsChannel, WsSubscribeParams, WsUpdateAction } from '../types/ws.js';

/** Life stage of a {@link KalshiSubscription}. */
export type KalshiSubscriptionState = 'active' | 'resubscribing' | 'unsubscribed' | 'failed';

/** Per-call options of subscription commands. */
export interface KalshiCommandOptions {
  /** Overrides the client's `commandTimeoutMs` for this command. */
  timeoutMs?: number;
}

/** What a subscription handle needs from its client. @internal */
export interface SubscriptionHost {
  /** Sends `update_subscription` for every sid of `sub`. */
  updateSubscription(
    sub: SubscriptionHandle,
    action: WsUpdateAction,
    tickers: readonly string[],
    options: KalshiCommandOptions | undefined,
  ): Promise<void>;
  /** Sends `unsubscribe` for every sid of `sub` and forgets it. */
  unsubscribe(sub: SubscriptionHandle, options: KalshiCommandOptions | undefined): Promise<void>;
}

/** Subscribe parameters without the market filter, which the handle tracks itself. @internal */
export type BaseSubscribeParams = Omit<
  WsSubscribeParams,
  'channels' | 'market_ticker' | 'market_tickers' | 'market_id' | 'market_ids'
>;

/**
 * A live subscription the caller keeps: its channels, current markets and current `sid`s.
 *
 * @remarks One handle covers every channel of one `subscribe` call. Kalshi answers a
 * multi-channel subscribe with one `sid` per channel, so the handle tracks a sid per channel
 * ({@link KalshiSubscription.sids}); {@link KalshiSubscription.sid} is the sid of the first
 * channel. After a reconnect (or a terminal channel error, or a failed snapshot request) the
 * client re-subscribes the handle with its current market set and maps it to the new sids:
 * callers keep the same object. While that is in progress `state` is `'resubscribing'` and the
 * sids are unset.
 *
 * @example
 * ```ts
 * const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: ['KXINX-26NOV25H1600-B6612'] });
 * await sub.addMarkets(['KXINX-26NOV25H1600-B6637']);
 * console.log(sub.sid, sub.markets);
 * await sub.unsubscribe();
 * ```
 */
export interface KalshiSubscription {
  /** The channels of this subscription. */
  readonly channels: readonly WsChannel[];
  /** The sid of the first channel, or `undefined` while (re)subscribing or after unsubscribe. */
  readonly sid: number | undefined;
  /** The current sid of each channel. */
  readonly sids: ReadonlyMap<WsChannel, number>;
  /** The market tickers currently subscribed (empty when the subscription has no market filter). */
  readonly markets: readonly string[];
  /** The market ids currently subscribed (`ticker` channel subscriptions by id). */
  readonly marketIds: readonly string[];
  /** Where the subscription is in its life. */
  readonly state: KalshiSubscriptionState;
  /**
   * Adds markets to every channel of this subscription (`update_subscription` `add_markets`).
   *
   * @remarks For `orderbook_delta` the new markets start untrusted until their snapshot arrives.
   * @throws {@link KalshiWebSocketError} on an `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * await sub.addMarkets(['KXINX-26NOV25H1600-B6637']);
   * ```
   */
  addMarkets(tickers: readonly string[], options?: KalshiCommandOptions): Promise<void>;
  /**
   * Removes markets from every channel of this subscription (`update_subscription` `delete_markets`).
   *
   * @remarks Removing every market is refused: call {@link KalshiSubscription.unsubscribe} instead
   * (an empty filter would mean "all markets" on some channels).
   * @throws {@link KalshiWebSocketError} `WS_INVALID_ARGUMENT` when it would remove every market;
   * otherwise on an `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * await sub.deleteMarkets(['KXINX-26NOV25H1600-B6612']);
   * ```
   */
  deleteMarkets(tickers: readonly string[], options?: KalshiCommandOptions): Promise<void>;
  /**
   * Asks for fresh `orderbook_snapshot`s of some or all markets (`update_subscription` `get_snapshot`).
   *
   * @remarks Only meaningful for `orderbook_delta`; other channels of the handle are skipped.
   * @throws {@link KalshiWebSocketError} when the handle has no `orderbook_delta` channel, on an
   * `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * await sub.requestSnapshot(); // every market of the subscription
   * ```
   */
  requestSnapshot(tickers?: readonly string[], options?: KalshiCommandOptions): Promise<void>;
  /**
   * Cancels every channel of this subscription; the handle is then `'unsubscribed'` for good.
   *
   * @throws {@link KalshiWebSocketError} on an `error` reply or a timeout (the handle is forgotten
   * locally either way, so it is not replayed after a reconnect).
   * @example
   * ```ts
   * await sub.unsubscribe();
   * ```
   */
  unsubscribe(options?: KalshiCommandOptions): Promise<void>;
}

/** The implementation of {@link KalshiSubscription}; not exported from the package. */
export class SubscriptionHandle implements KalshiSubscription {
  /** The channels of this subscription. */
  readonly channels: readonly WsChannel[];
  /** @internal */
  readonly _params: BaseSubscribeParams;
  /** @internal */
  readonly _markets: Set<string>;
  /** @internal */
  readonly _marketIds: Set<string>;
  /** @internal Whether the subscription was created with a market filter. */
  readonly _filtered: boolean;
  /** @internal */
  readonly _sids = new Map<WsChannel, number>();
  /** @internal */
  _state: KalshiSubscriptionState = 'active';
  readonly #host: SubscriptionHost;

  /** @internal */
  constructor(host: SubscriptionHost, params: WsSubscribeParams) {
    this.#host = host;
    this.channels = Object.freeze([...params.channels]);
    const { channels: _c, market_ticker, market_tickers, market_id, market_ids, ...base } = params;
    this._params = base;
    this._markets = new Set(market_tickers ?? []);
    if (market_ticker !== undefined) this._markets.add(market_ticker);
    this._marketIds = new Set(market_ids ?? []);
    if (market_id !== undefined) this._marketIds.add(market_id);
    this._filtered = this._markets.size > 0 || this._marketIds.size > 0;
  }

  /** The sid of the first channel, or `undefined` while (re)subscribing or after unsubscribe. */
  get sid(): number | undefined {
    const first = this.channels[0];
    return first === undefined ? undefined : this._sids.get(first);
  }

  /** The current sid of each channel. */
  get sids(): ReadonlyMap<WsChannel, number> {
    return new Map(this._sids);
  }

  /** The market tickers currently subscribed (empty when the subscription has no market filter). */
  get markets(): readonly string[] {
    return [...this._markets];
  }

  /** The market ids currently subscribed (`ticker` channel subscriptions by id). */
  get marketIds(): readonly string[] {
    return [...this._marketIds];
  }

  /** Where the subscription is in its life. */
  get state(): KalshiSubscriptionState {
    return this._state;
  }

  /** The parameters a (re)subscribe sends now: the original options with the current markets. @internal */
  _subscribeParams(channels: readonly WsChannel[]): WsSubscribeParams {
    const params: WsSubscribeParams = { channels: [...channels], ...this._params };
    if (this._markets.size > 0) params.market_tickers = [...this._markets];
    if (this._marketIds.size > 0) params.market_ids = [...this._marketIds];
    return params;
  }

  /**
   * Adds markets to every channel of this subscription (`update_subscription` `add_markets`).
   *
   * @remarks For `orderbook_delta` the new markets start untrusted until their snapshot arrives.
   * @throws {@link KalshiWebSocketError} on an `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * await sub.addMarkets(['KXINX-26NOV25H1600-B6637']);
   * ```
   */
  async addMarkets(tickers: readonly string[], options?: KalshiCommandOptions): Promise<void> {
    this.#checkTickers(tickers, 'addMarkets');
    await this.#host.updateSubscription(this, 'add_markets', tickers, options);
  }

  /**
   * Removes markets from every channel of this subscription (`update_subscription` `delete_markets`).
   *
   * @remarks Removing every market is refused: call {@link KalshiSubscription.unsubscribe} instead
   * (an empty filter would mean "all markets" on some channels).
   * @throws {@link KalshiWebSocketError} `WS_INVALID_ARGUMENT` when it would remove every market;
   * otherwise on an `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * await sub.deleteMarkets(['KXINX-26NOV25H1600-B6612']);
   * ```
   */
  async deleteMarkets(tickers: readonly string[], options?: KalshiCommandOptions): Promise<void> {
    this.#checkTickers(tickers, 'deleteMarkets');
    const remaining = [...this._markets].filter((t) => !tickers.includes(t));
    if (remaining.length === 0 && this._marketIds.size === 0) {
      throw new KalshiWebSocketError(
        'WS_INVALID_ARGUMENT',
        'deleteMarkets would remove every market of the subscription; call unsubscribe() instead',
      );
    }
    await this.#host.updateSubscription(this, 'delete_markets', tickers, options);
  }

  /**
   * Asks for fresh `orderbook_snapshot`s of some or all markets (`update_subscription` `get_snapshot`).
   *
   * @remarks Only meaningful for `orderbook_delta`; other channels of the handle are skipped.
   * @throws {@link KalshiWebSocketError} when the handle has no `orderbook_delta` channel, on an
   * `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * await sub.requestSnapshot(); // every market of the subscription
   * ```
   */
  async requestSnapshot(tickers?: readonly string[], options?: KalshiCommandOptions): Promise<void> {
    if (!this.channels.includes('orderbook_delta')) {
      throw new KalshiWebSocketError(
        'WS_INVALID_ARGUMENT',
        'requestSnapshot needs an orderbook_delta subscription',
      );
    }
    await this.#host.updateSubscription(this, 'get_snapshot', tickers ?? [...this._markets], options);
  }

  /**
   * Cancels every channel of this subscription; the handle is then `'unsubscribed'` for good.
   *
   * @throws {@link KalshiWebSocketError} on an `error` reply or a timeout (the handle is forgotten
   * locally either way, so it is not replayed after a reconnect).
   * @example
   * ```ts
   * await sub.unsubscribe();
   * ```
   */
  async unsubscribe(options?: KalshiCommandOptions): Promise<void> {
    await this.#host.unsubscribe(this, options);
  }

  #checkTickers(tickers: readonly string[], method: string): void {
    if (
      !Array.isArray(tickers) ||
      tickers.length === 0 ||
      tickers.some((t) => typeof t !== 'string' || t === '')
    ) {
      throw new KalshiWebSocketError(
        'WS_INVALID_ARGUMENT',
        `${method} needs a non-empty array of market tickers`,
      );
    }
    if (this._state === 'unsubscribed') {
      throw new KalshiWebSocketError(
        'WS_INVALID_ARGUMENT',
        `${method} called on an unsubscribed subscription`,
      );
    }
  }
}
