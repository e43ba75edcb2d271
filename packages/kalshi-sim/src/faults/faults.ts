import { EventEmitter } from 'eventemitter3';

/**
 * Which sockets a WebSocket fault applies to.
 *
 * @example
 * ```ts
 * sim.faults.dropWebSockets({ userId: alice.userId });
 * ```
 */
export interface SocketSelector {
  /** Only this user's sockets; omit for every socket. */
  userId?: string;
}

/**
 * How long a REST fault lasts: for a number of requests, for a real-time duration, or both (whichever ends first).
 *
 * @example
 * ```ts
 * sim.faults.delayRest(500, { count: 3, pathPrefix: '/trade-api/v2/portfolio' });
 * ```
 */
export interface FaultDuration {
  /** Number of matching requests to affect. */
  count?: number;
  /** Real-time duration in milliseconds. */
  durationMs?: number;
  /** Only requests whose pathname starts with this prefix (e.g. `/trade-api/v2/portfolio`). */
  pathPrefix?: string;
}

/**
 * Options of {@link SimFaults.failRest}.
 *
 * @example
 * ```ts
 * sim.faults.failRest({ status: 503, durationMs: 2_000 });
 * ```
 */
export interface FailRestOptions extends FaultDuration {
  /** The HTTP status to answer with: 429 or a 5xx. @defaultValue 503 */
  status?: 429 | 500 | 502 | 503 | 504;
}

/**
 * Options of {@link SimFaults.skipSeq}.
 *
 * @example
 * ```ts
 * sim.faults.skipSeq({ channel: 'orderbook_delta', userId: alice.userId });
 * ```
 */
export interface SkipSeqOptions {
  /** The subscription id to affect; omit to affect the next sequenced message on any sid. */
  sid?: number;
  /** Only a subscription of this channel (e.g. `orderbook_delta`). */
  channel?: string;
  /** Only sockets of this user. */
  userId?: string;
}

interface TimedRule {
  remaining: number;
  untilMs: number;
  pathPrefix: string | undefined;
}

/**
 * Events {@link SimFaults} emits to the servers that carry out socket faults.
 *
 * @remarks Emitted on {@link SimFaults.events}; tests normally call the fault methods instead.
 * @example
 * ```ts
 * sim.faults.events.on('pauseChanged', () => console.log(sim.faults.tradingPaused));
 * ```
 */
export interface SimFaultEvents {
  /** Terminate the selected sockets. */
  dropSockets: (sel: SocketSelector) => void;
  /** Write `text` as a raw frame to the selected sockets. */
  malformedFrame: (sel: SocketSelector & { text: string }) => void;
  /** A trading or exchange pause started or ended. */
  pauseChanged: () => void;
}

/**
 * Programmatic fault injection for tests: drop or silence WebSockets, skip a `seq`, delay or fail
 * REST responses, send a malformed frame, pause trading or the whole exchange.
 *
 * @remarks This surface is a simulator extension, not part of Kalshi's API. REST durations use the
 * real clock (like rate limits), so they behave the same at any simulation speed. Every fault can
 * be undone with {@link SimFaults.clear}.
 *
 * @example
 * ```ts
 * sim.faults.failRest({ status: 503, count: 2 });   // the next two requests answer 503
 * sim.faults.skipSeq({ channel: 'orderbook_delta' }); // the next book message skips a seq
 * sim.faults.dropWebSockets();                        // every socket is terminated
 * ```
 */
export class SimFaults {
  /** Fault notifications the servers act on. */
  readonly events = new EventEmitter<SimFaultEvents>();
  readonly #now: () => number;
  #delay: (TimedRule & { ms: number }) | undefined;
  #fail: (TimedRule & { status: number }) | undefined;
  #silenced = new Set<string>();
  #silenceAll = false;
  #skips: SkipSeqOptions[] = [];
  #tradingPaused = false;
  #exchangePaused = false;

  /** @internal */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * Terminates open WebSockets (all of them, or one user's) without a close handshake.
   *
   * @example
   * ```ts
   * sim.faults.dropWebSockets({ userId });
   * ```
   */
  dropWebSockets(selector: SocketSelector = {}): void {
    this.events.emit('dropSockets', selector);
  }

  /**
   * Silences sockets: no pings and no data, but the connection stays open.
   *
   * @remarks Messages produced while silenced are discarded (a client sees a gap once
   * {@link SimFaults.unsilenceWebSockets} is called). New sockets of a silenced user are silent too.
   * @example
   * ```ts
   * sim.faults.silenceWebSockets();
   * ```
   */
  silenceWebSockets(selector: SocketSelector = {}): void {
    if (selector.userId === undefined) this.#silenceAll = true;
    else this.#silenced.add(selector.userId);
  }

  /**
   * Ends a silence started by {@link SimFaults.silenceWebSockets}.
   *
   * @example
   * ```ts
   * sim.faults.unsilenceWebSockets();
   * ```
   */
  unsilenceWebSockets(selector: SocketSelector = {}): void {
    if (selector.userId === undefined) {
      this.#silenceAll = false;
      this.#silenced.clear();
    } else this.#silenced.delete(selector.userId);
  }

  /** @internal Whether a user's sockets are silenced. */
  isSilenced(userId: string): boolean {
    return this.#silenceAll || this.#silenced.has(userId);
  }

  /**
   * Makes the next sequenced message of a subscription skip one `seq` number.
   *
   * @example
   * ```ts
   * sim.faults.skipSeq({ channel: 'orderbook_delta' });
   * ```
   */
  skipSeq(options: SkipSeqOptions = {}): void {
    this.#skips.push({ ...options });
  }

  /** @internal Consumes a pending skip matching this subscription; returns how many seqs to skip. */
  takeSeqSkip(userId: string, sid: number, channel: string): number {
    const i = this.#skips.findIndex(
      (s) =>
        (s.sid === undefined || s.sid === sid) &&
        (s.channel === undefined || s.channel === channel) &&
        (s.userId === undefined || s.userId === userId),
    );
    if (i === -1) return 0;
    this.#skips.splice(i, 1);
    return 1;
  }

  /**
   * Delays REST responses by `ms` for a number of requests or a duration.
   *
   * @remarks With neither `count` nor `durationMs` the delay lasts until {@link SimFaults.clear}.
   * @example
   * ```ts
   * sim.faults.delayRest(2_000, { count: 1 }); // the next request takes 2 s longer
   * ```
   */
  delayRest(ms: number, duration: FaultDuration = {}): void {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError(`delay must be a non-negative number of ms, got ${ms}`);
    this.#delay = { ...this.#rule(duration), ms };
  }

  /**
   * Answers REST requests with 429 (Kalshi's `{"error":"too many requests"}`) or a 5xx.
   *
   * @remarks With neither `count` nor `durationMs` the failure lasts until {@link SimFaults.clear}.
   * @example
   * ```ts
   * sim.faults.failRest({ status: 429, durationMs: 1_000 });
   * ```
   */
  failRest(options: FailRestOptions = {}): void {
    const status = options.status ?? 503;
    if (status !== 429 && (status < 500 || status > 599)) {
      throw new RangeError(`failRest status must be 429 or 5xx, got ${status}`);
    }
    this.#fail = { ...this.#rule(options), status };
  }

  /** @internal The delay for a request, consuming one count. */
  takeRestDelay(path: string): number {
    const d = this.#delay;
    if (d === undefined || !this.#applies(d, path)) return 0;
    d.remaining--;
    if (!this.#live(d)) this.#delay = undefined;
    return d.ms;
  }

  /** @internal The forced status for a request, consuming one count. */
  takeRestFailure(path: string): number | undefined {
    const f = this.#fail;
    if (f === undefined || !this.#applies(f, path)) return undefined;
    f.remaining--;
    if (!this.#live(f)) this.#fail = undefined;
    return f.status;
  }

  /**
   * Sends a frame that is not valid JSON to open sockets.
   *
   * @example
   * ```ts
   * sim.faults.sendMalformedFrame({ userId });
   * ```
   */
  sendMalformedFrame(selector: SocketSelector & { text?: string } = {}): void {
    this.events.emit('malformedFrame', {
      ...selector,
      text: selector.text ?? '{"type":"orderbook_delta","msg":',
    });
  }

  /**
   * Pauses trading: cancels still work, new orders and amends are rejected, and
   * `GET /exchange/status` reports `trading_active: false`.
   *
   * @example
   * ```ts
   * sim.faults.pauseTrading();
   * ```
   */
  pauseTrading(): void {
    this.#tradingPaused = true;
    this.events.emit('pauseChanged');
  }

  /**
   * Ends a trading pause.
   *
   * @example
   * ```ts
   * sim.faults.resumeTrading();
   * ```
   */
  resumeTrading(): void {
    this.#tradingPaused = false;
    this.events.emit('pauseChanged');
  }

  /**
   * Pauses the whole exchange: every portfolio request answers 503 and the status reports
   * `exchange_active: false`.
   *
   * @example
   * ```ts
   * sim.faults.pauseExchange();
   * ```
   */
  pauseExchange(): void {
    this.#exchangePaused = true;
    this.events.emit('pauseChanged');
  }

  /**
   * Ends an exchange pause.
   *
   * @example
   * ```ts
   * sim.faults.resumeExchange();
   * ```
   */
  resumeExchange(): void {
    this.#exchangePaused = false;
    this.events.emit('pauseChanged');
  }

  /** Whether trading is paused (by {@link SimFaults.pauseTrading} or an exchange pause). */
  get tradingPaused(): boolean {
    return this.#tradingPaused || this.#exchangePaused;
  }

  /** Whether the exchange is paused. */
  get exchangePaused(): boolean {
    return this.#exchangePaused;
  }

  /**
   * Removes every active fault (silences, pending seq skips, REST delays and failures, pauses).
   *
   * @example
   * ```ts
   * afterEach(() => sim.faults.clear());
   * ```
   */
  clear(): void {
    this.#delay = undefined;
    this.#fail = undefined;
    this.#silenced.clear();
    this.#silenceAll = false;
    this.#skips = [];
    const wasPaused = this.#tradingPaused || this.#exchangePaused;
    this.#tradingPaused = false;
    this.#exchangePaused = false;
    if (wasPaused) this.events.emit('pauseChanged');
  }

  #rule(d: FaultDuration): TimedRule {
    if (d.count !== undefined && (!Number.isInteger(d.count) || d.count < 1)) {
      throw new RangeError(`count must be a positive integer, got ${d.count}`);
    }
    if (d.durationMs !== undefined && (!Number.isFinite(d.durationMs) || d.durationMs <= 0)) {
      throw new RangeError(`durationMs must be positive, got ${d.durationMs}`);
    }
    return {
      remaining: d.count ?? Number.POSITIVE_INFINITY,
      untilMs: d.durationMs === undefined ? Number.POSITIVE_INFINITY : this.#now() + d.durationMs,
      pathPrefix: d.pathPrefix,
    };
  }

  #live(r: TimedRule): boolean {
    return r.remaining > 0 && this.#now() < r.untilMs;
  }

  #applies(r: TimedRule, path: string): boolean {
    if (!this.#live(r)) return false;
    return r.pathPrefix === undefined || path.startsWith(r.pathPrefix);
  }
}
