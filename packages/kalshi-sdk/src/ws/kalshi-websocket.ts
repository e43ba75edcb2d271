import { EventEmitter } from 'eventemitter3';
import WebSocket from 'ws';
import type { KalshiSigner } from '../auth/signer.js';
import { KalshiConfigurationError, KalshiWebSocketError, type KalshiWebSocketErrorCode } from '../errors.js';
import { type KalshiLogger, silentLogger } from '../logger.js';
import type {
  WsChannel,
  WsChannelMessage,
  WsChannelMessageMap,
  WsCommand,
  WsErrorMessage,
  WsOkMessage,
  WsOrderbookSnapshotMessage,
  WsServerMessage,
  WsSubscribeParams,
  WsSubscriptionInfo,
  WsUnknownMessage,
  WsUpdateAction,
  WsUpdateOkPayload,
  WsUpdateSubscriptionParams,
} from '../types/ws.js';
import { backoffDelayMs } from './backoff.js';
import { TERMINAL_WS_ERROR_CODES, wsErrorCodeFor } from './error-codes.js';
import { SEQ_DUPLICATE, SEQ_GAP, SequenceTracker } from './sequence-tracker.js';
import {
  type KalshiCommandOptions,
  type KalshiSubscription,
  SubscriptionHandle,
  type SubscriptionHost,
} from './subscription.js';
import { isReplyType, VALIDATORS, validateOrderbookDelta } from './validate.js';

/**
 * A WebSocket constructor compatible with the `ws` package's client.
 *
 * @remarks Inject one (a subclass of `ws`, or a fake with the same events) through
 * {@link KalshiWebSocketOptions.WebSocket}.
 */
export type KalshiWebSocketConstructor = new (url: string, options: WebSocket.ClientOptions) => WebSocket;

/** Reconnect policy of {@link KalshiWebSocket}. */
export interface KalshiReconnectOptions {
  /** Reconnect automatically after an unexpected close. @defaultValue `true` */
  enabled?: boolean;
  /** Ceiling of the first retry's delay, in ms (the delay is uniform below the ceiling). @defaultValue `500` */
  baseDelayMs?: number;
  /** Largest delay ceiling, in ms. @defaultValue `30_000` */
  maxDelayMs?: number;
  /**
   * A connection that stayed open this long resets the attempt counter, in ms. A connection that
   * drops sooner (even after a successful reconnect) keeps counting, so a flapping server meets
   * a growing backoff. @defaultValue `60_000`
   */
  stableAfterMs?: number;
  /**
   * Attempts after which the client gives up (`WS_RECONNECT_FAILED`), counted since the last
   * connection that stayed open for `stableAfterMs`. @defaultValue `Infinity` (never)
   */
  maxAttempts?: number;
}

/** Options of {@link KalshiWebSocket}. */
export interface KalshiWebSocketOptions {
  /** WebSocket URL, e.g. `wss://external-api-ws.kalshi.com/trade-api/ws/v2`. Its pathname is signed. */
  url: string;
  /**
   * Signs the upgrade request (`GET` + the URL's pathname). Kalshi refuses unsigned connections;
   * omit it only for a local server that does not check.
   * @defaultValue none
   */
  signer?: KalshiSigner;
  /** WebSocket constructor. @defaultValue the `ws` package's `WebSocket` */
  WebSocket?: KalshiWebSocketConstructor;
  /** Logger for connection life and problems. @defaultValue `silentLogger` */
  logger?: KalshiLogger;
  /** How long a command waits for its reply, in ms. @defaultValue `10_000` */
  commandTimeoutMs?: number;
  /** How long the connection may stay silent (no ping, no frame) before it is dropped, in ms. @defaultValue `25_000` */
  livenessTimeoutMs?: number;
  /** How long the opening handshake may take, in ms. @defaultValue `10_000` */
  handshakeTimeoutMs?: number;
  /** Reconnect policy. @defaultValue see {@link KalshiReconnectOptions} */
  reconnect?: KalshiReconnectOptions;
  /** On a sequence gap, ask for fresh snapshots automatically. @defaultValue `true` */
  autoRecover?: boolean;
  /** Clock in Unix ms. @defaultValue `Date.now` */
  now?: () => number;
  /** Uniform random source in `[0, 1)` for jitter. @defaultValue `Math.random` */
  random?: () => number;
}

/** Connection state of {@link KalshiWebSocket}. */
export type KalshiWebSocketState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closing' | 'closed';

/** Payload of the `sequenceGap` event. */
export interface KalshiSequenceGap {
  /** Subscription with the gap. */
  sid: number;
  /** Channel of that subscription, when known. */
  channel: WsChannel | undefined;
  /** Markets marked untrusted (orderbook subscriptions), or the subscription's markets. */
  markets: readonly string[];
  /** Sequence number that was expected. */
  expected: number;
  /** Sequence number that arrived. */
  received: number;
}

/** Payload of the `trustChanged` event. */
export interface KalshiTrustChange {
  /** Market whose book trust changed. */
  marketTicker: string;
  /** Whether the book is now trusted. */
  trusted: boolean;
  /** Subscription concerned. */
  sid: number | undefined;
  /**
   * Why: `snapshot` (a snapshot arrived), `gap` (sequence gap on its sid), `invalid_frame` (an
   * unusable frame on its sid), `disconnected` (the connection dropped), `resubscribed` (a
   * terminal channel error, code 10 or 25: the channel is being subscribed again) or `removed`
   * (the market or its subscription was removed).
   */
  reason: 'snapshot' | 'gap' | 'invalid_frame' | 'disconnected' | 'resubscribed' | 'removed';
}

/** Payload of the `parseError` event. */
export interface KalshiParseError {
  /** The raw frame text. */
  raw: string;
  /** What is wrong with it. */
  reason: string;
  /** The `type` field, when the frame was a JSON object with a string type. */
  type: string | undefined;
}

/** Payload of the `reconnecting` event. */
export interface KalshiReconnecting {
  /** 1-based attempt number. */
  attempt: number;
  /** Delay before this attempt, in ms. */
  delayMs: number;
}

/** Payload of the `reconnected` event. */
export interface KalshiReconnected {
  /** Attempts it took. */
  attempt: number;
  /** Subscriptions replayed successfully. */
  resubscribed: number;
  /** Subscriptions whose replay failed (each also reported on `error`). */
  failed: number;
}

/** Payload of the `close` event. */
export interface KalshiWebSocketClose {
  /** WebSocket close code. */
  code: number;
  /** Close reason. */
  reason: string;
  /** Whether the client will reconnect. */
  willReconnect: boolean;
}

/** Counters returned by {@link KalshiWebSocket.stats}. */
export interface KalshiWebSocketStats {
  /** Connection state. */
  state: KalshiWebSocketState;
  /** Frames received. */
  frames: number;
  /** Bytes received (frame payloads). */
  bytes: number;
  /** Frames that were not JSON objects or missed required fields. */
  parseErrors: number;
  /** JSON objects with an unknown `type`. */
  unknownTypes: number;
  /** Sequence gaps detected. */
  gaps: number;
  /** Duplicate or late frames (`seq <= last`) dropped. */
  duplicates: number;
  /** `orderbook_delta` frames dropped because their market's book was untrusted. */
  untrustedDeltasDropped: number;
  /** Successful reconnects. */
  reconnects: number;
  /** Time of the last frame, Unix ms. */
  lastFrameAtMs: number | undefined;
  /** Frames per message `type` (unknown types included). */
  byType: Record<string, number>;
}

/**
 * Events of {@link KalshiWebSocket}: one per channel message type, plus life-cycle and integrity events.
 *
 * @remarks `orderbook_delta` is emitted only for markets whose book is trusted (see the class
 * remarks). `message` receives every channel message that was delivered on its own event.
 */
export interface KalshiWebSocketEvents {
  /** Full book of one market; makes that market trusted. */
  orderbook_snapshot: (message: WsChannelMessageMap['orderbook_snapshot']) => void;
  /** Signed change to one level of a trusted market. */
  orderbook_delta: (message: WsChannelMessageMap['orderbook_delta']) => void;
  /** Ticker update. */
  ticker: (message: WsChannelMessageMap['ticker']) => void;
  /** Public trade. */
  trade: (message: WsChannelMessageMap['trade']) => void;
  /** Your fill. */
  fill: (message: WsChannelMessageMap['fill']) => void;
  /** Your position. */
  market_position: (message: WsChannelMessageMap['market_position']) => void;
  /** Your order. */
  user_order: (message: WsChannelMessageMap['user_order']) => void;
  /** Your order group. */
  order_group_updates: (message: WsChannelMessageMap['order_group_updates']) => void;
  /** Market lifecycle. */
  market_lifecycle_v2: (message: WsChannelMessageMap['market_lifecycle_v2']) => void;
  /** Event lifecycle. */
  event_lifecycle: (message: WsChannelMessageMap['event_lifecycle']) => void;
  /** Event fee override. */
  event_fee_update: (message: WsChannelMessageMap['event_fee_update']) => void;
  /** Multivariate market lifecycle. */
  multivariate_market_lifecycle: (message: WsChannelMessageMap['multivariate_market_lifecycle']) => void;
  /** RFQ created. */
  rfq_created: (message: WsChannelMessageMap['rfq_created']) => void;
  /** RFQ deleted. */
  rfq_deleted: (message: WsChannelMessageMap['rfq_deleted']) => void;
  /** Quote created. */
  quote_created: (message: WsChannelMessageMap['quote_created']) => void;
  /** Quote accepted. */
  quote_accepted: (message: WsChannelMessageMap['quote_accepted']) => void;
  /** Quote executed. */
  quote_executed: (message: WsChannelMessageMap['quote_executed']) => void;
  /** Every delivered channel message. */
  message: (message: WsChannelMessage) => void;
  /** The connection opened (first time and after each reconnect). */
  open: () => void;
  /** A reconnect attempt is scheduled. */
  reconnecting: (info: KalshiReconnecting) => void;
  /** A reconnect succeeded and subscriptions were replayed. */
  reconnected: (info: KalshiReconnected) => void;
  /** The socket closed. */
  close: (info: KalshiWebSocketClose) => void;
  /** Something failed (command-independent failures; command failures reject their promise). */
  error: (error: KalshiWebSocketError) => void;
  /** A sequence gap on a subscription. */
  sequenceGap: (gap: KalshiSequenceGap) => void;
  /** A market's book became trusted or untrusted. */
  trustChanged: (change: KalshiTrustChange) => void;
  /** A JSON object of unknown `type`. */
  unknownMessage: (message: WsUnknownMessage, raw: string) => void;
  /** A frame that could not be used. */
  parseError: (error: KalshiParseError) => void;
}

interface Pending {
  readonly id: number;
  readonly cmd: WsCommand['cmd'];
  readonly timer: ReturnType<typeof setTimeout>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: KalshiWebSocketError) => void;
  /** Returns true when the command is complete. */
  readonly onReply: (message: WsServerMessage) => boolean;
  readonly onFail: (() => void) | undefined;
}

interface SidInfo {
  readonly sub: SubscriptionHandle;
  readonly channel: WsChannel;
}

interface Trust {
  sid: number;
  trusted: boolean;
  dropped: number;
}

const OPEN = 1;

function positive(name: string, value: number | undefined, problems: string[], allowInfinity = false): void {
  if (value === undefined) return;
  if (
    typeof value !== 'number' ||
    Number.isNaN(value) ||
    value < 0 ||
    (!allowInfinity && !Number.isFinite(value))
  ) {
    problems.push(`${name} must be a non-negative number of ms (got ${String(value)})`);
  }
}

/**
 * Kalshi WebSocket client that never lies about the book.
 *
 * @remarks
 * - **Handshake**: signed `GET` of the URL's pathname (`/trade-api/ws/v2`), fresh on every attempt.
 * - **Commands** (`subscribe`, `update_subscription`, `unsubscribe`, `list_subscriptions`) are
 *   promises correlated by `id`, rejected with a {@link KalshiWebSocketError} on an `error` reply
 *   (`kalshiCode` + stable `wsCode`), on timeout (`WS_COMMAND_TIMEOUT`), when not connected
 *   (`WS_NOT_CONNECTED`) or when the connection drops first (`WS_CONNECTION_LOST`).
 * - **Subscriptions** are {@link KalshiSubscription} handles, replayed with their current markets
 *   after every reconnect and mapped to their new sids.
 * - **Liveness**: Kalshi pings every 10 s; if nothing (ping or frame) arrives for
 *   `livenessTimeoutMs` the socket is terminated (`WS_HEARTBEAT_TIMEOUT`) and the client
 *   reconnects with exponential backoff and full jitter.
 * - **Sequence integrity**: every frame with a `sid` and `seq` is checked. Duplicates and late
 *   frames (`seq <= last`) are dropped and counted. On a gap the client emits `sequenceGap`,
 *   marks every market of that orderbook subscription untrusted and asks for fresh snapshots of
 *   exactly those markets (`get_snapshot`); if that fails it unsubscribes and subscribes again.
 *   **Rule:** an `orderbook_delta` is delivered only when its market's book is trusted, i.e. a
 *   snapshot for that market arrived on the same sid after the last gap, invalid frame or
 *   (re)subscribe. Other deltas are dropped and counted (`untrustedDeltasDropped`, per market in
 *   {@link KalshiWebSocket.trust}). Sequence state never survives a reconnect.
 * - **Bad input** never throws: non-JSON frames and frames missing required fields emit
 *   `parseError`, unknown types emit `unknownMessage`; all are counted in {@link KalshiWebSocket.stats}.
 *   An `error` event with no listener is written once to the logger instead.
 *
 * @example
 * ```ts
 * const ws = new KalshiWebSocket({ url: KALSHI_ENVIRONMENTS.demo.wsUrl, signer });
 * ws.on('orderbook_snapshot', (m) => book.reset(m.msg));
 * ws.on('orderbook_delta', (m) => book.apply(m.msg));
 * ws.on('trustChanged', (c) => { if (!c.trusted) strategy.pause(c.marketTicker); });
 * await ws.connect();
 * await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: ['KXINX-26NOV25H1600-B6612'] });
 * ```
 */
export class KalshiWebSocket extends EventEmitter<KalshiWebSocketEvents> {
  readonly #url: string;
  readonly #path: string;
  readonly #signer: KalshiSigner | undefined;
  readonly #WebSocket: KalshiWebSocketConstructor;
  readonly #logger: KalshiLogger;
  readonly #commandTimeoutMs: number;
  readonly #livenessTimeoutMs: number;
  readonly #handshakeTimeoutMs: number;
  readonly #reconnectEnabled: boolean;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #stableAfterMs: number;
  readonly #maxAttempts: number;
  readonly #autoRecover: boolean;
  readonly #now: () => number;
  readonly #random: () => number;

  #state: KalshiWebSocketState = 'idle';
  #socket: WebSocket | undefined;
  #epoch = 0;
  #nextId = 1;
  #openedAt: number | undefined;
  #attempt = 0;
  #lastActivity = 0;
  #livenessTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #closeWaiters: (() => void)[] = [];
  #connectWaiter: { resolve: () => void; reject: (e: KalshiWebSocketError) => void } | undefined;
  #lastSocketError: Error | undefined;
  #pendingError: KalshiWebSocketError | undefined;

  readonly #pending = new Map<number, Pending>();
  readonly #subs = new Set<SubscriptionHandle>();
  readonly #sidIndex = new Map<number, SidInfo>();
  readonly #seq = new SequenceTracker();
  readonly #trust = new Map<string, Trust>();
  readonly #recovering = new Map<number, { again: boolean }>();

  // stats
  #frames = 0;
  #bytes = 0;
  #parseErrors = 0;
  #unknownTypes = 0;
  #gaps = 0;
  #duplicates = 0;
  #untrustedDropped = 0;
  #reconnects = 0;
  #lastFrameAt: number | undefined;
  readonly #byType = new Map<string, number>();
  /** `orderbook_delta` frames, counted apart from #byType to keep the hottest type off the Map. */
  #deltaFrames = 0;
  #errorLogged = false;

  readonly #host: SubscriptionHost = {
    updateSubscription: (sub, action, tickers, options) =>
      this.#updateSubscription(sub, action, tickers, options),
    unsubscribe: (sub, options) => this.#unsubscribeHandle(sub, options),
  };

  /**
   * @param options - URL, signer and policies; every invalid field is reported at once.
   * @throws {@link KalshiConfigurationError} when the options are invalid.
   */
  constructor(options: KalshiWebSocketOptions) {
    super();
    const problems: string[] = [];
    let url: URL | undefined;
    try {
      url = new URL(options.url);
      if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
        problems.push(`url must be ws: or wss: (got ${url.protocol})`);
    } catch {
      problems.push(`url is not a valid URL (got ${JSON.stringify(options.url)})`);
    }
    positive('commandTimeoutMs', options.commandTimeoutMs, problems);
    positive('livenessTimeoutMs', options.livenessTimeoutMs, problems);
    positive('handshakeTimeoutMs', options.handshakeTimeoutMs, problems);
    const r = options.reconnect ?? {};
    positive('reconnect.baseDelayMs', r.baseDelayMs, problems);
    positive('reconnect.maxDelayMs', r.maxDelayMs, problems);
    positive('reconnect.stableAfterMs', r.stableAfterMs, problems);
    if (r.maxAttempts !== undefined && !(r.maxAttempts >= 0)) {
      problems.push(`reconnect.maxAttempts must be >= 0 (got ${String(r.maxAttempts)})`);
    }
    if (problems.length > 0 || url === undefined) {
      throw new KalshiConfigurationError(`Invalid KalshiWebSocket options: ${problems.join('; ')}`);
    }
    this.#url = url.toString();
    this.#path = url.pathname;
    this.#signer = options.signer;
    this.#WebSocket = options.WebSocket ?? WebSocket;
    this.#logger = options.logger ?? silentLogger;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? 10_000;
    this.#livenessTimeoutMs = options.livenessTimeoutMs ?? 25_000;
    this.#handshakeTimeoutMs = options.handshakeTimeoutMs ?? 10_000;
    this.#reconnectEnabled = r.enabled ?? true;
    this.#baseDelayMs = r.baseDelayMs ?? 500;
    this.#maxDelayMs = r.maxDelayMs ?? 30_000;
    this.#stableAfterMs = r.stableAfterMs ?? 60_000;
    this.#maxAttempts = r.maxAttempts ?? Number.POSITIVE_INFINITY;
    this.#autoRecover = options.autoRecover ?? true;
    this.#now = options.now ?? (() => Date.now());
    this.#random = options.random ?? Math.random;
  }

  /** Connection state. */
  get state(): KalshiWebSocketState {
    return this.#state;
  }

  /** The live subscription handles. */
  get subscriptions(): readonly KalshiSubscription[] {
    return [...this.#subs];
  }

  /**
   * Opens the connection.
   *
   * @remarks The first connection is not retried: a failure (refused, 401 on the upgrade,
   * handshake timeout) rejects and leaves the client `idle`, so the caller sees bad credentials
   * at once. Once open, drops are reconnected automatically.
   * @throws {@link KalshiWebSocketError} `WS_CONNECT_FAILED` (cause chained) or `WS_CLOSED`.
   * @example
   * ```ts
   * await ws.connect();
   * ```
   */
  connect(): Promise<void> {
    if (this.#state === 'open') return Promise.resolve();
    if (this.#state === 'closed' || this.#state === 'closing') {
      return Promise.reject(new KalshiWebSocketError('WS_CLOSED', 'the WebSocket client was closed'));
    }
    if (this.#connectWaiter !== undefined || this.#state !== 'idle') {
      return new Promise((resolve, reject) => {
        const onOpen = () => {
          this.off('close', onClose);
          resolve();
        };
        const onClose = (info: KalshiWebSocketClose) => {
          if (info.willReconnect) return;
          this.off('open', onOpen);
          reject(new KalshiWebSocketError('WS_CONNECT_FAILED', 'the connection closed before opening'));
        };
        this.once('open', onOpen);
        this.on('close', onClose);
      });
    }
    return new Promise((resolve, reject) => {
      this.#connectWaiter = { resolve, reject };
      this.#state = 'connecting';
      this.#openSocket();
    });
  }

  /**
   * Closes the connection for good: no reconnect, pending commands rejected with `WS_CLOSED`.
   *
   * @example
   * ```ts
   * process.on('SIGINT', () => void ws.close());
   * ```
   */
  close(): Promise<void> {
    if (this.#state === 'closed') return Promise.resolve();
    const socket = this.#socket;
    const wasIdle = this.#state === 'idle';
    this.#state = 'closing';
    if (this.#reconnectTimer !== undefined) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#failPending('WS_CLOSED', 'the WebSocket client was closed');
    for (const sub of this.#subs) sub._state = 'unsubscribed';
    this.#subs.clear();
    if (socket === undefined || socket.readyState === 3 || wasIdle) {
      this.#state = 'closed';
      this.#stopLiveness();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#closeWaiters.push(resolve);
      if (socket.readyState === 0) socket.terminate();
      else socket.close(1000, 'client closed');
      // A peer that never answers the close handshake must not keep us waiting.
      const killer = setTimeout(() => socket.terminate(), 2_000);
      this.#closeWaiters.push(() => clearTimeout(killer));
    });
  }

  /**
   * Subscribes to one or more channels and returns the handle that tracks them.
   *
   * @remarks Resolves once every channel has its `subscribed` reply. If any channel fails, the
   * channels already acknowledged are unsubscribed again and the promise rejects.
   * @throws {@link KalshiWebSocketError} on an `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: ['KXINX-26NOV25H1600-B6612'] });
   * ```
   */
  async subscribe(params: WsSubscribeParams, options?: KalshiCommandOptions): Promise<KalshiSubscription> {
    if (!Array.isArray(params?.channels) || params.channels.length === 0) {
      throw new KalshiWebSocketError('WS_INVALID_ARGUMENT', 'subscribe needs at least one channel');
    }
    if (new Set(params.channels).size !== params.channels.length) {
      throw new KalshiWebSocketError('WS_INVALID_ARGUMENT', 'subscribe channels must be distinct');
    }
    const sub = new SubscriptionHandle(this.#host, params);
    await this.#subscribeChannels(sub, sub.channels, options?.timeoutMs);
    this.#subs.add(sub);
    return sub;
  }

  /**
   * Lists the server's view of this connection's subscriptions.
   *
   * @throws {@link KalshiWebSocketError} on an `error` reply, a timeout or no connection.
   * @example
   * ```ts
   * for (const { channel, sid } of await ws.listSubscriptions()) console.log(channel, sid);
   * ```
   */
  async listSubscriptions(options?: KalshiCommandOptions): Promise<WsSubscriptionInfo[]> {
    const result = await this.#command<WsSubscriptionInfo[]>(
      { id: 0, cmd: 'list_subscriptions' },
      options?.timeoutMs,
      (message, done) => {
        if (message.type === 'ok') {
          done(Array.isArray(message.msg) ? message.msg : []);
          return true;
        }
        return false;
      },
    );
    return result;
  }

  /**
   * Whether the book of `marketTicker` is trusted (a snapshot arrived since the last gap or reconnect).
   *
   * @example
   * ```ts
   * if (!ws.isTrusted('KXINX-26NOV25H1600-B6612')) cancelQuotes();
   * ```
   */
  isTrusted(marketTicker: string): boolean {
    return this.#trust.get(marketTicker)?.trusted === true;
  }

  /**
   * Per-market book trust of every orderbook market seen: trusted flag, sid, deltas dropped.
   *
   * @example
   * ```ts
   * for (const [ticker, t] of ws.trust()) if (!t.trusted) console.warn(ticker, t.droppedDeltas);
   * ```
   */
  trust(): ReadonlyMap<string, { trusted: boolean; sid: number; droppedDeltas: number }> {
    const out = new Map<string, { trusted: boolean; sid: number; droppedDeltas: number }>();
    for (const [k, t] of this.#trust)
      out.set(k, { trusted: t.trusted, sid: t.sid, droppedDeltas: t.dropped });
    return out;
  }

  /**
   * Counters of the frame path and the connection.
   *
   * @example
   * ```ts
   * setInterval(() => log.info('ws', ws.stats()), 60_000);
   * ```
   */
  stats(): KalshiWebSocketStats {
    const byType: Record<string, number> = {};
    for (const [k, v] of this.#byType) byType[k] = v;
    if (this.#deltaFrames > 0) byType.orderbook_delta = this.#deltaFrames;
    return {
      state: this.#state,
      frames: this.#frames,
      bytes: this.#bytes,
      parseErrors: this.#parseErrors,
      unknownTypes: this.#unknownTypes,
      gaps: this.#gaps,
      duplicates: this.#duplicates,
      untrustedDeltasDropped: this.#untrustedDropped,
      reconnects: this.#reconnects,
      lastFrameAtMs: this.#lastFrameAt,
      byType,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Connection
  // -------------------------------------------------------------------------------------------

  #openSocket(): void {
    const epoch = ++this.#epoch;
    const headers: Record<string, string> = {};
    if (this.#signer !== undefined) Object.assign(headers, this.#signer.headers('GET', this.#path));
    this.#lastSocketError = undefined;
    let socket: WebSocket;
    try {
      socket = new this.#WebSocket(this.#url, { headers, handshakeTimeout: this.#handshakeTimeoutMs });
    } catch (err) {
      this.#lastSocketError = err instanceof Error ? err : new Error(String(err));
      queueMicrotask(() => this.#onClose(epoch, 1006, ''));
      return;
    }
    this.#socket = socket;
    socket.on('open', () => this.#onOpen(epoch));
    socket.on('message', (data: WebSocket.RawData) => {
      if (epoch === this.#epoch) this.#onFrame(data);
    });
    socket.on('ping', this.#touch);
    socket.on('pong', this.#touch);
    socket.on('unexpected-response', (_req, res) => {
      this.#lastSocketError = new Error(`upgrade rejected with HTTP ${res.statusCode ?? 'unknown'}`);
      res.resume();
      socket.terminate();
    });
    socket.on('error', (err: Error) => {
      this.#lastSocketError ??= err;
      this.#logger.debug('KalshiWebSocket socket error', { error: err.message });
    });
    socket.on('close', (code: number, reason: Buffer) => this.#onClose(epoch, code, reason.toString()));
  }

  readonly #touch = (): void => {
    this.#lastActivity = this.#now();
  };

  #onOpen(epoch: number): void {
    if (epoch !== this.#epoch) return;
    if (this.#state === 'closing') {
      this.#socket?.close(1000, 'client closed');
      return;
    }
    const reconnect = this.#state === 'reconnecting';
    const attempt = this.#attempt;
    this.#state = 'open';
    this.#openedAt = this.#now();
    this.#lastActivity = this.#openedAt;
    this.#startLiveness();
    this.#logger.info(reconnect ? 'KalshiWebSocket reconnected' : 'KalshiWebSocket connected', {
      url: this.#url,
    });
    const waiter = this.#connectWaiter;
    this.#connectWaiter = undefined;
    waiter?.resolve();
    this.emit('open');
    if (reconnect) void this.#replay(epoch, attempt);
  }

  #onClose(epoch: number, code: number, reason: string): void {
    if (epoch !== this.#epoch) return;
    this.#socket = undefined;
    this.#stopLiveness();
    const openedAt = this.#openedAt;
    this.#openedAt = undefined;
    this.#failPending('WS_CONNECTION_LOST', `the connection closed (code ${code}) before the reply arrived`);
    this.#resetConnectionState();

    const waiter = this.#connectWaiter;
    if (waiter !== undefined) {
      this.#connectWaiter = undefined;
      const closing = this.#state === 'closing';
      this.#state = closing ? 'closed' : 'idle';
      const waiters = this.#closeWaiters;
      this.#closeWaiters = [];
      for (const w of waiters) w();
      const detail = this.#lastSocketError?.message ?? `close code ${code}`;
      waiter.reject(
        new KalshiWebSocketError('WS_CONNECT_FAILED', `could not connect to ${this.#url}: ${detail}`, {
          cause: this.#lastSocketError,
        }),
      );
      this.emit('close', { code, reason, willReconnect: false });
      return;
    }
    if (this.#state === 'closing' || this.#state === 'closed' || !this.#reconnectEnabled) {
      this.#state = 'closed';
      for (const sub of this.#subs) sub._state = 'unsubscribed';
      this.#subs.clear();
      const waiters = this.#closeWaiters;
      this.#closeWaiters = [];
      this.emit('close', { code, reason, willReconnect: false });
      for (const w of waiters) w();
      return;
    }
    if (openedAt !== undefined && this.#now() - openedAt >= this.#stableAfterMs) this.#attempt = 0;
    const attempt = this.#attempt + 1;
    if (attempt > this.#maxAttempts) {
      this.#state = 'closed';
      for (const sub of this.#subs) sub._state = 'failed';
      this.#subs.clear();
      this.emit('close', { code, reason, willReconnect: false });
      this.#emitError(
        new KalshiWebSocketError(
          'WS_RECONNECT_FAILED',
          `gave up reconnecting to ${this.#url} after ${this.#maxAttempts} attempts`,
          { cause: this.#lastSocketError },
        ),
      );
      return;
    }
    this.#attempt = attempt;
    this.#state = 'reconnecting';
    const delayMs = backoffDelayMs(attempt, this.#baseDelayMs, this.#maxDelayMs, this.#random);
    this.#logger.warn('KalshiWebSocket connection lost; reconnecting', { code, attempt, delayMs });
    this.emit('close', { code, reason, willReconnect: true });
    this.emit('reconnecting', { attempt, delayMs });
    const pendingError = this.#pendingError;
    this.#pendingError = undefined;
    if (pendingError !== undefined) this.#emitError(pendingError);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (this.#state === 'reconnecting') this.#openSocket();
    }, delayMs);
  }

  /** Everything tied to one connection: sids, sequence numbers, trust, recoveries. */
  #resetConnectionState(): void {
    this.#seq.clear();
    this.#sidIndex.clear();
    this.#recovering.clear();
    for (const sub of this.#subs) {
      sub._sids.clear();
      if (sub._state === 'active') sub._state = 'resubscribing';
    }
    for (const [ticker, t] of this.#trust) {
      if (t.trusted) {
        t.trusted = false;
        this.emit('trustChanged', {
          marketTicker: ticker,
          trusted: false,
          sid: t.sid,
          reason: 'disconnected',
        });
      }
    }
  }

  async #replay(epoch: number, attempt: number): Promise<void> {
    const subs = [...this.#subs];
    const results = await Promise.allSettled(subs.map((sub) => this.#subscribeChannels(sub, sub.channels)));
    if (epoch !== this.#epoch) return;
    let failed = 0;
    results.forEach((result, i) => {
      const sub = subs[i];
      if (sub === undefined || result.status === 'fulfilled') return;
      failed++;
      if (result.reason instanceof KalshiWebSocketError && result.reason.wsCode === 'WS_CONNECTION_LOST')
        return;
      sub._state = 'failed';
      this.#subs.delete(sub);
      this.#emitError(
        new KalshiWebSocketError(
          result.reason instanceof KalshiWebSocketError ? result.reason.wsCode : 'WS_UNKNOWN_ERROR',
          `could not resubscribe ${sub.channels.join(',')} after reconnect: ${String(result.reason?.message ?? result.reason)}`,
          { cause: result.reason },
        ),
      );
    });
    this.#reconnects++;
    // The attempt counter is not reset here: only a connection that stays up for
    // `stableAfterMs` resets it (see #onClose), so a server that accepts and drops at once
    // still meets a growing backoff.
    this.emit('reconnected', { attempt, resubscribed: subs.length - failed, failed });
  }

  #startLiveness(): void {
    this.#stopLiveness();
    if (this.#livenessTimeoutMs === 0) return;
    this.#livenessTimer = setTimeout(this.#checkLiveness, this.#livenessTimeoutMs);
  }

  #stopLiveness(): void {
    if (this.#livenessTimer !== undefined) clearTimeout(this.#livenessTimer);
    this.#livenessTimer = undefined;
  }

  readonly #checkLiveness = (): void => {
    this.#livenessTimer = undefined;
    if (this.#state !== 'open') return;
    const idle = this.#now() - this.#lastActivity;
    if (idle < this.#livenessTimeoutMs) {
      this.#livenessTimer = setTimeout(this.#checkLiveness, this.#livenessTimeoutMs - idle);
      return;
    }
    this.#logger.warn('KalshiWebSocket silent for too long; dropping the connection', { idleMs: idle });
    // Reported after the close so that listeners see the reconnect already scheduled.
    this.#pendingError = new KalshiWebSocketError(
      'WS_HEARTBEAT_TIMEOUT',
      `no ping or message for ${idle} ms (limit ${this.#livenessTimeoutMs} ms); reconnecting`,
    );
    this.#socket?.terminate();
  };

  // -------------------------------------------------------------------------------------------
  // Frame path
  // -------------------------------------------------------------------------------------------

  #onFrame(data: WebSocket.RawData): void {
    const now = this.#now();
    this.#lastActivity = now;
    this.#lastFrameAt = now;
    this.#frames++;
    let raw: string;
    if (Buffer.isBuffer(data)) {
      this.#bytes += data.length;
      raw = data.toString('utf8');
    } else {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      this.#bytes += buf.length;
      raw = buf.toString('utf8');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.#parseError(raw, 'frame is not valid JSON', undefined);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      this.#parseError(raw, 'frame is not a JSON object', undefined);
      return;
    }
    const m = parsed as Record<string, unknown>;
    const type = m.type;
    if (typeof type !== 'string') {
      this.#parseError(raw, 'frame has no string "type"', undefined);
      return;
    }
    // Hot path: deltas are most of the stream; skip the Map count and the validator table lookup.
    let validator: ((m: Record<string, unknown>) => string | undefined) | undefined;
    if (type === 'orderbook_delta') {
      this.#deltaFrames++;
      validator = validateOrderbookDelta;
    } else {
      this.#byType.set(type, (this.#byType.get(type) ?? 0) + 1);
      validator = VALIDATORS[type];
    }
    const sid = m.sid;
    const seq = m.seq;
    const sequenced = typeof sid === 'number' && typeof seq === 'number';

    if (validator === undefined) {
      // Unknown types still consume sequence numbers on their sid.
      if (sequenced && !this.#checkSeq(sid, seq)) return;
      this.#unknownTypes++;
      this.emit('unknownMessage', m as WsUnknownMessage, raw);
      return;
    }
    const problem = validator(m);
    if (problem !== undefined) {
      if (sequenced) {
        if (this.#checkSeq(sid, seq)) this.#invalidateSid(sid, 'invalid_frame');
      }
      this.#parseError(raw, `${type}: ${problem}`, type);
      return;
    }
    if (sequenced && !this.#checkSeq(sid, seq)) return;
    if (isReplyType(type)) {
      this.#onReply(m as unknown as WsServerMessage);
      return;
    }
    const message = m as unknown as WsChannelMessage;
    if (message.type === 'orderbook_delta') {
      const t = this.#trust.get(message.msg.market_ticker);
      if (t === undefined || !t.trusted || t.sid !== message.sid) {
        this.#untrustedDropped++;
        if (t !== undefined) t.dropped++;
        return;
      }
    } else if (message.type === 'orderbook_snapshot') {
      this.#markTrusted(message.msg.market_ticker, message.sid);
    }
    this.emit(message.type, message as never);
    this.emit('message', message);
    // Kalshi answers get_snapshot with the snapshots themselves, carrying the command's id.
    if (message.type === 'orderbook_snapshot' && message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      if (pending?.onReply(message as unknown as WsServerMessage)) this.#settle(pending);
    }
  }

  /** Returns false when the frame must be dropped (duplicate). Gaps are handled and the frame kept. */
  #checkSeq(sid: number, seq: number): boolean {
    const verdict = this.#seq.check(sid, seq);
    if (verdict === SEQ_DUPLICATE) {
      this.#duplicates++;
      return false;
    }
    if (verdict === SEQ_GAP) this.#onGap(sid, this.#seq.lastExpected, seq);
    return true;
  }

  #parseError(raw: string, reason: string, type: string | undefined): void {
    this.#parseErrors++;
    this.#logger.warn('KalshiWebSocket dropped a bad frame', { reason });
    this.emit('parseError', { raw, reason, type });
  }

  #onGap(sid: number, expected: number, received: number): void {
    this.#gaps++;
    const info = this.#sidIndex.get(sid);
    const markets = this.#invalidateSid(sid, 'gap');
    this.#logger.warn('KalshiWebSocket sequence gap', { sid, expected, received, markets: markets.length });
    this.emit('sequenceGap', {
      sid,
      channel: info?.channel,
      markets: markets.length > 0 ? markets : info === undefined ? [] : [...info.sub._markets],
      expected,
      received,
    });
  }

  /**
   * Marks every orderbook market of `sid` untrusted and, when `recover`, starts recovery
   * (get_snapshot); returns those markets.
   */
  #invalidateSid(sid: number, reason: 'gap' | 'invalid_frame' | 'resubscribed', recover = true): string[] {
    const info = this.#sidIndex.get(sid);
    const isBook = info === undefined ? this.#hasTrustOn(sid) : info.channel === 'orderbook_delta';
    if (!isBook) return [];
    const markets = new Set<string>(info?.sub._markets ?? []);
    for (const [ticker, t] of this.#trust) if (t.sid === sid) markets.add(ticker);
    for (const ticker of markets) {
      const t = this.#trust.get(ticker);
      if (t === undefined) {
        this.#trust.set(ticker, { sid, trusted: false, dropped: 0 });
      } else if (t.sid === sid && t.trusted) {
        t.trusted = false;
        this.emit('trustChanged', { marketTicker: ticker, trusted: false, sid, reason });
      }
    }
    const list = [...markets];
    if (recover && this.#autoRecover && info !== undefined && list.length > 0) this.#recover(sid, info);
    return list;
  }

  #hasTrustOn(sid: number): boolean {
    for (const t of this.#trust.values()) if (t.sid === sid) return true;
    return false;
  }

  #markTrusted(ticker: string, sid: number): void {
    const t = this.#trust.get(ticker);
    if (t === undefined) {
      this.#trust.set(ticker, { sid, trusted: true, dropped: 0 });
    } else {
      if (t.trusted && t.sid === sid) return;
      t.sid = sid;
      t.trusted = true;
    }
    this.emit('trustChanged', { marketTicker: ticker, trusted: true, sid, reason: 'snapshot' });
  }

  #untrustedOn(sid: number): string[] {
    const out: string[] = [];
    for (const [ticker, t] of this.#trust) if (t.sid === sid && !t.trusted) out.push(ticker);
    return out;
  }

  /** get_snapshot for the untrusted markets of `sid`; on failure, unsubscribe + subscribe. */
  #recover(sid: number, info: SidInfo): void {
    const running = this.#recovering.get(sid);
    if (running !== undefined) {
      running.again = true;
      return;
    }
    const markets = this.#untrustedOn(sid);
    if (markets.length === 0) return;
    const state = { again: false };
    this.#recovering.set(sid, state);
    const epoch = this.#epoch;
    this.#command<WsUpdateOkPayload | undefined>(
      { id: 0, cmd: 'update_subscription', params: { sid, action: 'get_snapshot', market_tickers: markets } },
      undefined,
      snapshotReply(markets),
    ).then(
      () => {
        if (epoch !== this.#epoch || this.#recovering.get(sid) !== state) return;
        this.#recovering.delete(sid);
        // A gap after the request could have swallowed a snapshot: ask again for what is still untrusted.
        if (state.again) this.#recover(sid, info);
      },
      (err: KalshiWebSocketError) => {
        if (epoch !== this.#epoch || this.#recovering.get(sid) !== state) return;
        this.#recovering.delete(sid);
        if (err.wsCode === 'WS_CONNECTION_LOST' || err.wsCode === 'WS_CLOSED') return;
        this.#logger.warn('KalshiWebSocket get_snapshot failed; resubscribing', { sid, error: err.message });
        void this.#resubscribeChannel(info.sub, info.channel, sid, true);
      },
    );
  }

  /** Replaces one channel's subscription by a fresh one (new sid, fresh snapshots). */
  async #resubscribeChannel(
    sub: SubscriptionHandle,
    channel: WsChannel,
    oldSid: number,
    unsubscribeFirst: boolean,
  ): Promise<void> {
    const epoch = this.#epoch;
    this.#sidIndex.delete(oldSid);
    this.#seq.delete(oldSid);
    if (sub._sids.get(channel) === oldSid) sub._sids.delete(channel);
    if (unsubscribeFirst) {
      await this.#command({ id: 0, cmd: 'unsubscribe', params: { sids: [oldSid] } }, undefined, (m) =>
        m.type === 'unsubscribed' || m.type === 'ok' ? (true as const) : false,
      ).catch(() => undefined);
    }
    if (epoch !== this.#epoch || !this.#subs.has(sub)) return;
    try {
      await this.#subscribeChannels(sub, [channel]);
    } catch (err) {
      if (epoch !== this.#epoch) return;
      const e = err as KalshiWebSocketError;
      this.#emitError(
        new KalshiWebSocketError(
          e.wsCode ?? 'WS_UNKNOWN_ERROR',
          `could not resubscribe ${channel}: ${e.message}`,
          {
            cause: err,
            sid: oldSid,
          },
        ),
      );
    }
  }

  // -------------------------------------------------------------------------------------------
  // Commands
  // -------------------------------------------------------------------------------------------

  #onReply(message: WsServerMessage): void {
    const id = 'id' in message ? message.id : undefined;
    const pending = id === undefined ? undefined : this.#pending.get(id);
    if (pending !== undefined) {
      if (message.type === 'error') {
        this.#settle(pending);
        pending.reject(this.#serverError(message));
        pending.onFail?.();
        return;
      }
      if (pending.onReply(message)) this.#settle(pending);
      return;
    }
    if (message.type === 'error') {
      this.#onUnsolicitedError(message);
      return;
    }
    if (message.type === 'subscribed') {
      // A reply to a command we gave up on: do not leave the subscription dangling.
      this.#logger.warn('KalshiWebSocket late subscribed reply; unsubscribing it', { sid: message.msg.sid });
      this.#command({ id: 0, cmd: 'unsubscribe', params: { sids: [message.msg.sid] } }, undefined, (m) =>
        m.type === 'unsubscribed' ? (true as const) : false,
      ).catch(() => undefined);
      return;
    }
    if (message.type === 'unsubscribed') {
      this.#forgetSid(message.sid);
    }
  }

  #onUnsolicitedError(message: WsErrorMessage): void {
    const error = this.#serverError(message);
    const sid = message.sid;
    const info = sid === undefined ? undefined : this.#sidIndex.get(sid);
    if (sid !== undefined && info !== undefined && TERMINAL_WS_ERROR_CODES.has(message.msg.code)) {
      this.#logger.warn('KalshiWebSocket terminal subscription error; resubscribing', {
        sid,
        code: message.msg.code,
      });
      // The sid is dead: no get_snapshot on it; a fresh subscription brings fresh snapshots.
      this.#invalidateSid(sid, 'resubscribed', false);
      this.#recovering.delete(sid);
      void this.#resubscribeChannel(info.sub, info.channel, sid, false);
    }
    this.#emitError(error);
  }

  #serverError(message: WsErrorMessage): KalshiWebSocketError {
    const code = message.msg.code;
    const options: { kalshiCode: number; sid?: number; commandId?: number } = { kalshiCode: code };
    if (message.sid !== undefined) options.sid = message.sid;
    if (message.id !== undefined) options.commandId = message.id;
    return new KalshiWebSocketError(
      wsErrorCodeFor(code),
      `Kalshi WebSocket error ${code}: ${String(message.msg.msg ?? '')}`,
      options,
    );
  }

  #settle(pending: Pending): void {
    clearTimeout(pending.timer);
    this.#pending.delete(pending.id);
  }

  #failPending(code: KalshiWebSocketErrorCode, message: string): void {
    const all = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(new KalshiWebSocketError(code, `${p.cmd}: ${message}`, { commandId: p.id }));
    }
  }

  /**
   * Sends a command and resolves with what `handle` passes to `done`.
   * `handle` returns true when the command is complete.
   */
  #command<T>(
    command: WsCommand,
    timeoutMs: number | undefined,
    handle: (message: WsServerMessage, done: (value: T) => void) => boolean,
    onFail?: () => void,
  ): Promise<T> {
    const socket = this.#socket;
    if (this.#state !== 'open' || socket === undefined || socket.readyState !== OPEN) {
      return Promise.reject(
        new KalshiWebSocketError(
          'WS_NOT_CONNECTED',
          `${command.cmd}: the WebSocket is not connected (${this.#state})`,
        ),
      );
    }
    const id = this.#nextId++;
    command.id = id;
    const limit = timeoutMs ?? this.#commandTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      let result: T | undefined;
      const pending: Pending = {
        id,
        cmd: command.cmd,
        resolve: resolve as (value: unknown) => void,
        reject,
        onFail,
        timer: setTimeout(() => {
          if (this.#pending.get(id) !== pending) return;
          this.#pending.delete(id);
          reject(
            new KalshiWebSocketError('WS_COMMAND_TIMEOUT', `${command.cmd} got no reply within ${limit} ms`, {
              commandId: id,
            }),
          );
          onFail?.();
        }, limit),
        onReply: (message) => {
          const complete = handle(message, (value) => {
            result = value;
          });
          if (complete) resolve(result as T);
          return complete;
        },
      };
      this.#pending.set(id, pending);
      socket.send(JSON.stringify(command), (err) => {
        if (err === undefined || err === null || this.#pending.get(id) !== pending) return;
        this.#settle(pending);
        reject(
          new KalshiWebSocketError('WS_SEND_FAILED', `${command.cmd} could not be sent: ${err.message}`, {
            cause: err,
            commandId: id,
          }),
        );
      });
    });
  }

  /** Subscribes `channels` of `sub` with its current markets and maps the new sids. */
  async #subscribeChannels(
    sub: SubscriptionHandle,
    channels: readonly WsChannel[],
    timeoutMs?: number,
  ): Promise<void> {
    const params = sub._subscribeParams(channels);
    const acked = new Map<WsChannel, number>();
    const epoch = this.#epoch;
    const waiting = new Set<string>(channels);
    const undo = () => {
      if (epoch !== this.#epoch || acked.size === 0) return;
      const sids = [...acked.values()];
      for (const sid of sids) this.#forgetSid(sid);
      this.#command({ id: 0, cmd: 'unsubscribe', params: { sids } }, undefined, () => true).catch(
        () => undefined,
      );
    };
    await this.#command<void>(
      { id: 0, cmd: 'subscribe', params },
      timeoutMs,
      (message) => {
        let channel: string | undefined;
        let sid: number | undefined;
        if (message.type === 'subscribed') {
          channel = message.msg.channel;
          sid = message.msg.sid;
        } else if (message.type === 'ok' && typeof message.sid === 'number') {
          // Re-subscribing an existing channel can be answered with `ok` (markets merged).
          channel = waiting.values().next().value;
          sid = message.sid;
        } else {
          return false;
        }
        if (channel === undefined || !waiting.has(channel)) return false;
        waiting.delete(channel);
        acked.set(channel as WsChannel, sid);
        this.#seq.start(sid);
        this.#sidIndex.set(sid, { sub, channel: channel as WsChannel });
        return waiting.size === 0;
      },
      undo,
    );
    for (const [channel, sid] of acked) sub._sids.set(channel, sid);
    if (sub._state === 'resubscribing') sub._state = 'active';
  }

  async #updateSubscription(
    sub: SubscriptionHandle,
    action: WsUpdateAction,
    tickers: readonly string[],
    options: KalshiCommandOptions | undefined,
  ): Promise<void> {
    const targets = [...sub._sids].filter(
      ([channel]) => action !== 'get_snapshot' || channel === 'orderbook_delta',
    );
    if (targets.length === 0) {
      throw new KalshiWebSocketError(
        'WS_NOT_CONNECTED',
        `update_subscription ${action}: the subscription has no live sid (state ${sub._state})`,
      );
    }
    const replies = await Promise.all(
      targets.map(([, sid]) => {
        const params: WsUpdateSubscriptionParams = { sid, action, market_tickers: [...tickers] };
        return this.#command<WsUpdateOkPayload | undefined>(
          { id: 0, cmd: 'update_subscription', params },
          options?.timeoutMs,
          action === 'get_snapshot' ? snapshotReply(tickers) : okReply,
        );
      }),
    );
    if (action === 'get_snapshot') return;
    const reported = replies.find((r) => Array.isArray(r?.market_tickers))?.market_tickers;
    if (reported !== undefined) {
      sub._markets.clear();
      for (const t of reported) sub._markets.add(t);
    } else if (action === 'add_markets') {
      for (const t of tickers) sub._markets.add(t);
    } else {
      for (const t of tickers) sub._markets.delete(t);
    }
    if (action === 'delete_markets') {
      for (const ticker of tickers) {
        const t = this.#trust.get(ticker);
        if (t !== undefined && [...sub._sids.values()].includes(t.sid)) {
          this.#trust.delete(ticker);
          if (t.trusted)
            this.emit('trustChanged', {
              marketTicker: ticker,
              trusted: false,
              sid: t.sid,
              reason: 'removed',
            });
        }
      }
    }
  }

  async #unsubscribeHandle(
    sub: SubscriptionHandle,
    options: KalshiCommandOptions | undefined,
  ): Promise<void> {
    if (sub._state === 'unsubscribed') return;
    const sids = [...sub._sids.values()];
    this.#subs.delete(sub);
    sub._state = 'unsubscribed';
    sub._sids.clear();
    for (const sid of sids) this.#forgetSid(sid);
    if (sids.length === 0 || this.#state !== 'open') return;
    const waiting = new Set(sids);
    await this.#command<void>(
      { id: 0, cmd: 'unsubscribe', params: { sids } },
      options?.timeoutMs,
      (message) => {
        if (message.type === 'unsubscribed') waiting.delete(message.sid);
        else if (message.type === 'ok') waiting.clear();
        return waiting.size === 0;
      },
    );
  }

  #forgetSid(sid: number): void {
    this.#sidIndex.delete(sid);
    this.#seq.delete(sid);
    this.#recovering.delete(sid);
    for (const [ticker, t] of this.#trust) {
      if (t.sid !== sid) continue;
      this.#trust.delete(ticker);
      if (t.trusted)
        this.emit('trustChanged', { marketTicker: ticker, trusted: false, sid, reason: 'removed' });
    }
  }

  #emitError(error: KalshiWebSocketError): void {
    if (this.listenerCount('error') > 0) {
      this.emit('error', error);
      return;
    }
    const fields: Record<string, unknown> = { wsCode: error.wsCode };
    if (error.kalshiCode !== undefined) fields.kalshiCode = error.kalshiCode;
    if (error.sid !== undefined) fields.sid = error.sid;
    if (!this.#errorLogged) {
      this.#errorLogged = true;
      fields.hint = 'attach an "error" listener to KalshiWebSocket to handle these';
    }
    this.#logger.error(`KalshiWebSocket error: ${error.message}`, fields);
  }
}

/**
 * Completion rule of a get_snapshot command: Kalshi replies with one `orderbook_snapshot` per
 * requested market carrying the command's id (and sends no `ok`); an `ok`, should one come, also
 * completes it. An `error` reply rejects it (handled by the caller).
 */
function snapshotReply(
  markets: readonly string[],
): (message: WsServerMessage, done: (value: WsUpdateOkPayload | undefined) => void) => boolean {
  const waiting = new Set(markets);
  return (message, done) => {
    if (message.type === 'ok') {
      done(undefined);
      return true;
    }
    if ((message.type as string) !== 'orderbook_snapshot') return false;
    waiting.delete((message as unknown as WsOrderbookSnapshotMessage).msg.market_ticker);
    if (waiting.size > 0) return false;
    done(undefined);
    return true;
  };
}

function okReply(message: WsServerMessage, done: (value: WsUpdateOkPayload | undefined) => void): boolean {
  if (message.type !== 'ok') return false;
  const ok = message as WsOkMessage;
  done(Array.isArray(ok.msg) ? undefined : ok.msg);
  return true;
}
