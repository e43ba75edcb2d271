/**
 * The engine: feed -> books -> strategy -> risk -> order manager -> gateway.
 *
 * @module
 */

import { EventEmitter } from 'eventemitter3';
import { OrderBook } from '../book/order-book.js';
import { MmCoreConfigError, MmCoreError } from '../errors.js';
import { clearArray } from '../model/scratch.js';
import {
  type BookDelta,
  type BookSnapshot,
  type CountUnits,
  type FeedConnectionState,
  type Fill,
  type MarketInfo,
  type MarketLifecycle,
  ONE_DOLLAR_UNITS,
  type Trade,
  type VenueOrder,
} from '../model/types.js';
import { cancelInChunks } from '../orders/chunked-cancel.js';
import {
  type OrderCloseReason,
  OrderManager,
  type OrderManagerConfig,
  type OrderRejection,
  validateOrderManagerConfig,
} from '../orders/order-manager.js';
import type { MarketDataFeed, MarketDataHandlers } from '../ports/market-data-feed.js';
import type { OrderGateway } from '../ports/order-gateway.js';
import type { ReferenceFeed, ReferencePrice } from '../ports/reference-feed.js';
import { type Clock, type MmLogger, silentMmLogger, systemClock } from '../ports/runtime.js';
import type { MarketPosition } from '../positions/position-book.js';
import { PositionBook } from '../positions/position-book.js';
import {
  type RiskConfig,
  RiskEngine,
  type RiskInputs,
  type RiskReason,
  validateRiskConfig,
} from '../risk/risk-engine.js';
import type {
  DesiredQuote,
  MarketQuotes,
  Strategy,
  StrategyContext,
  StrategyDecision,
  TradingState,
  WorkingOrder,
} from '../strategy/strategy.js';

/** Lifecycle state of an {@link Engine}. */
export type EngineState = 'idle' | 'starting' | 'running' | 'stopping' | 'stopped' | 'faulted';

/** What to do with resting orders found at the venue that the engine did not place. */
export type OrphanOrderPolicy = 'adopt' | 'cancel' | 'ignore';

/** Everything an {@link Engine} needs. */
export interface EngineConfig {
  /** Markets to trade (tickers). */
  readonly markets: readonly string[];
  /** The strategy. */
  readonly strategy: Strategy;
  /** Streaming market data. */
  readonly feed: MarketDataFeed;
  /** Order writes and reads. */
  readonly gateway: OrderGateway;
  /** Risk limits. */
  readonly risk: RiskConfig;
  /** Order-manager settings. @defaultValue `{}` */
  readonly orders?: OrderManagerConfig;
  /** Static market metadata for strategies. @defaultValue `[]` */
  readonly marketInfo?: readonly MarketInfo[];
  /** Reference prices (the caller starts and stops it). @defaultValue none */
  readonly referenceFeed?: ReferenceFeed;
  /** Resting orders in traded markets that are not ours, at start-up and on reconciliation. @defaultValue `'cancel'` */
  readonly orphanOrders?: OrphanOrderPolicy;
  /** Period of venue reconciliation (positions, open orders, fills); `0` disables. @defaultValue `30_000` */
  readonly reconcileIntervalMs?: number;
  /** Period of `Strategy.onTimer`; `0` disables. @defaultValue `1_000` */
  readonly timerIntervalMs?: number;
  /** Arm a venue order group with this matched-contracts limit (rolling window). @defaultValue none */
  readonly orderGroupContractsLimitCountUnits?: CountUnits;
  /** Position difference from the venue tolerated before `positionDrift`. @defaultValue `0` */
  readonly positionDriftToleranceCountUnits?: CountUnits;
  /**
   * Delay of the confirming reconciliation after a position mismatch, in ms; `0` waits for the
   * next periodic one. A mismatch counts as drift only when two consecutive reconciliations
   * (each after backfilling fills) see the same difference. @defaultValue `2_000`
   */
  readonly positionDriftConfirmMs?: number;
  /**
   * How far before the last successful reconciliation a fill backfill looks, in ms of venue time:
   * covers clock skew between the engine's clock and the venue's, and fills the venue lists late.
   * Fills in the overlap are deduplicated by trade id. @defaultValue `60_000`
   */
  readonly fillBackfillOverlapMs?: number;
  /**
   * First delay before a failed reconciliation is retried, in ms; each further failure doubles it,
   * up to 30 s, until one succeeds. @defaultValue `1_000`
   */
  readonly reconcileRetryBaseMs?: number;
  /** How long `stop()` waits for cancels to be confirmed. @defaultValue `10_000` */
  readonly stopTimeoutMs?: number;
  /** Cancel-all + verify rounds of the kill switch. @defaultValue `3` */
  readonly killSwitchAttempts?: number;
  /** Time source. @defaultValue the system clock */
  readonly clock?: Clock;
  /** Logger. @defaultValue silent */
  readonly logger?: MmLogger;
}

/** Counters of an engine's background work ({@link Engine.stats}). */
export interface EngineStats {
  /** Reconciliations that succeeded (start-up excluded). */
  readonly reconciliations: number;
  /** Reconciliations that failed (each is retried with back-off). */
  readonly reconcileFailures: number;
  /** Consecutive failures right now; `0` once one succeeded. */
  readonly reconcileFailureStreak: number;
  /** Fills applied from a REST backfill because the stream had not delivered them. */
  readonly fillsBackfilled: number;
  /** Orders cancelled outside the order manager (orphans, stop and kill-switch fallbacks). */
  readonly directCancels: number;
  /** Retries of such cancels after a transient failure. */
  readonly directCancelRetries: number;
  /** Such cancels that still failed after every retry (each is logged). */
  readonly directCancelFailures: number;
}

/** A quote the risk engine denied. */
export interface DeniedQuote {
  /** Market ticker. */
  readonly marketTicker: string;
  /** The quote as the strategy asked. */
  readonly quote: DesiredQuote;
  /** Why. */
  readonly reason: RiskReason;
  /** Detail for logs. */
  readonly detail: string;
}

/** Result of a kill switch. */
export interface KillSwitchReport {
  /** Why it was tripped. */
  readonly reason: string;
  /** True when the venue confirmed no resting orders remain. */
  readonly verified: boolean;
  /** Resting orders still reported after the last attempt. */
  readonly remainingOrders: number;
  /** Cancel-all rounds used. */
  readonly attempts: number;
}

/** A difference between our position and the venue's. */
export interface PositionDrift {
  /** Market ticker. */
  readonly marketTicker: string;
  /** What we computed from fills. */
  readonly localCountUnits: CountUnits;
  /** What the venue reports (adopted). */
  readonly venueCountUnits: CountUnits;
}

/** Typed events of the {@link Engine}. */
export interface EngineEvents {
  /** Lifecycle transition. */
  stateChanged: (state: EngineState, previous: EngineState) => void;
  /** A market's desired quotes after risk changed. */
  quoteUpdated: (marketTicker: string, quotes: readonly DesiredQuote[]) => void;
  /** A quote was denied by risk. */
  orderDenied: (denied: DeniedQuote) => void;
  /** A new order was acknowledged. */
  orderPlaced: (order: WorkingOrder) => void;
  /** An order was amended or decreased. */
  orderAmended: (order: WorkingOrder) => void;
  /** An order is gone. */
  orderClosed: (order: WorkingOrder, reason: OrderCloseReason) => void;
  /** The venue refused a write. */
  orderRejected: (rejection: OrderRejection) => void;
  /** A write's outcome is unknown and is being resolved by lookup. */
  orderUnknown: (order: WorkingOrder) => void;
  /** One of our orders filled (the position already includes it). */
  orderFilled: (fill: Fill, position: MarketPosition) => void;
  /** Trading state changed. */
  riskStateChanged: (state: TradingState, previous: TradingState, reason: string) => void;
  /** A book lost integrity; its quotes are pulled until a snapshot. */
  bookUntrusted: (marketTicker: string, reason: string) => void;
  /** A book is trusted again after a snapshot. */
  bookTrusted: (marketTicker: string) => void;
  /** A book is crossed (YES bid + NO bid >= $1). */
  bookCrossed: (marketTicker: string) => void;
  /** Position differed from the venue; trading moves to `reducing`. */
  positionDrift: (drift: PositionDrift) => void;
  /** The kill switch was tripped (new orders are already blocked). */
  killSwitchTripped: (reason: string) => void;
  /** The kill switch finished cancelling and verifying. */
  killSwitchCompleted: (report: KillSwitchReport) => void;
  /**
   * The feed reconnected and a reconciliation of fills, positions and orders succeeded after it
   * (a failed one is retried first; this is not emitted until one succeeds).
   */
  reconnected: () => void;
  /** A venue reconciliation finished. */
  reconciled: () => void;
  /** A market settled. */
  marketSettled: (event: MarketLifecycle) => void;
  /** A strategy handler or a background task failed (the engine keeps running). */
  engineError: (error: Error) => void;
}

/**
 * Validates an {@link EngineConfig}, reporting every problem at once (including nested configs).
 *
 * @throws {@link MmCoreConfigError} listing each problem.
 * @example
 * ```ts
 * validateEngineConfig({ markets: ['M'], strategy, feed, gateway, risk });
 * ```
 */
export function validateEngineConfig(config: EngineConfig): void {
  const problems: string[] = [];
  const collect = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof MmCoreConfigError) problems.push(...err.problems);
      else throw err;
    }
  };
  if (!Array.isArray(config.markets) || config.markets.length === 0)
    problems.push('markets must list at least one ticker');
  else if (new Set(config.markets).size !== config.markets.length) problems.push('markets has duplicates');
  if (typeof config.strategy !== 'object' || config.strategy === null) problems.push('strategy is required');
  if (typeof config.feed?.start !== 'function') problems.push('feed must implement MarketDataFeed');
  if (typeof config.gateway?.placeOrder !== 'function') problems.push('gateway must implement OrderGateway');
  if (config.risk === undefined || config.risk === null) problems.push('risk is required');
  else collect(() => validateRiskConfig(config.risk));
  collect(() => validateOrderManagerConfig(config.orders ?? {}));
  const nonNeg = (name: keyof EngineConfig, min = 0) => {
    const v = config[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)) {
      problems.push(`${name} must be an integer >= ${min} (got ${String(v)})`);
    }
  };
  nonNeg('reconcileIntervalMs');
  nonNeg('timerIntervalMs');
  nonNeg('orderGroupContractsLimitCountUnits', 100);
  nonNeg('positionDriftToleranceCountUnits');
  nonNeg('positionDriftConfirmMs');
  nonNeg('stopTimeoutMs');
  nonNeg('fillBackfillOverlapMs');
  nonNeg('reconcileRetryBaseMs', 1);
  nonNeg('killSwitchAttempts', 1);
  if (config.orphanOrders !== undefined && !['adopt', 'cancel', 'ignore'].includes(config.orphanOrders)) {
    problems.push(`orphanOrders must be 'adopt', 'cancel' or 'ignore'`);
  }
  if (problems.length > 0) throw new MmCoreConfigError(problems);
}

/**
 * Runs a {@link Strategy} against a venue: keeps books, asks the strategy for quotes, applies
 * risk, and lets the order manager converge resting orders.
 *
 * @remarks
 * Lifecycle: `idle -> starting -> running -> stopping -> stopped` (`faulted` when start fails).
 * Start-up arms the venue's order group (when configured), reconciles positions and open orders
 * (orphans adopted or cancelled per `orphanOrders`), subscribes the feed, then calls `onStart`.
 * Book updates are coalesced: every delta is applied at once, but the strategy is asked once per
 * market per event-loop turn with the latest book, so a burst never builds a backlog. A book that
 * loses integrity (sequence gap, negative level, disconnect) has its quotes pulled and a snapshot
 * requested; quoting resumes when the snapshot arrives. After a reconnect the engine backfills
 * fills (deduplicated by trade id), re-syncs open orders and positions; periodic reconciliation
 * does the same. A position mismatch is confirmed before it counts: only when two consecutive
 * reconciliations (the second `positionDriftConfirmMs` later) see the same difference is the
 * venue's position adopted, `positionDrift` emitted and trading moved to `reducing`; a fill that
 * was merely in flight closes the gap by then and raises nothing. The kill switch blocks new
 * orders first, then cancels everything and verifies by re-querying open orders; it stays halted
 * until {@link Engine.resume}. Net P&L is marked to market on every fill and, once per turn, when a
 * book under an open position changed: `maxLossMicros` trips the kill switch and
 * `maxDrawdownMicros` moves to `reducing` on price moves alone. Marks are the settlement value once
 * a market is determined, else taken from the trusted book's touch, else from the last trusted
 * touch (an untrusted book is never used): the mid of a two-sided book; on a one-sided or empty
 * book, conservatively, the best YES bid for a long YES position ($0 without bids) and the best
 * YES ask for a short YES position ($1 without asks). {@link StrategyContext.pnl} uses the same
 * marks. Positions adopted from the venue are priced at the first trusted two-sided mid. `stop()` stops quoting,
 * cancels, waits for confirmation, and closes the feed. Strategy exceptions, invalid decisions
 * and throwing event listeners are reported through `engineError`, never thrown into the feed.
 *
 * @example
 * ```ts
 * const engine = new Engine({ markets: [ticker], strategy: new MyStrategy(), feed, gateway,
 *   risk: { maxOrderCountUnits: 1_000, maxPositionCountUnits: 5_000, maxTotalExposureMicros: 50_000_000 } });
 * engine.on('orderFilled', (fill, pos) => console.log(fill.marketTicker, pos.positionCountUnits));
 * await engine.start();
 * process.once('SIGINT', () => void engine.stop());
 * ```
 */
export class Engine extends EventEmitter<EngineEvents> {
  readonly #cfg: EngineConfig;
  readonly #strategy: Strategy;
  readonly #feed: MarketDataFeed;
  readonly #gateway: OrderGateway;
  readonly #clock: Clock;
  readonly #logger: MmLogger;
  readonly #books = new Map<string, OrderBook>();
  readonly #marketInfo = new Map<string, MarketInfo>();
  readonly #positions = new PositionBook();
  readonly #risk: RiskEngine;
  readonly #orders: OrderManager;
  readonly #desire = new Map<string, readonly DesiredQuote[]>();
  readonly #bookDirty = new Set<string>();
  readonly #riskDirty = new Set<string>();
  readonly #paused = new Set<string>();
  readonly #context: StrategyContext;
  readonly #timers: ReturnType<typeof setInterval>[] = [];
  #state: EngineState = 'idle';
  #evaluateScheduled = false;
  /**
   * Venue time (engine clock) at which the last successful reconciliation asked for fills: the
   * next backfill starts there, minus the overlap. `undefined` before start-up reconciled.
   */
  #fillCursorMs: number | undefined;
  #reconciling: Promise<void> | undefined;
  /** A reconnect whose reconciliation has not succeeded yet: `reconnected` is owed. */
  #reconnectPending = false;
  #reconcileRetryTimer: ReturnType<typeof setTimeout> | undefined;
  #reconcileFailureStreak = 0;
  readonly #stats = {
    reconciliations: 0,
    reconcileFailures: 0,
    fillsBackfilled: 0,
    directCancels: 0,
    directCancelRetries: 0,
    directCancelFailures: 0,
  };
  #referenceListener: ((p: ReferencePrice) => void) | undefined;
  #orderGroupId: string | undefined;
  /** Venue minus local position per market, seen by the last reconciliation and not yet confirmed. */
  readonly #suspectDrift = new Map<string, CountUnits>();
  #driftConfirmTimer: ReturnType<typeof setTimeout> | undefined;
  /** Last trusted two-sided mid per market: the price positions are adopted at. */
  readonly #mids = new Map<string, number>();
  /** Last trusted touch per market (`-1` for an empty side): marks an untrusted book. */
  readonly #touches = new Map<string, { bid: number; ask: number }>();
  /** Settlement value per determined market: the mark from then on, whatever the book shows. */
  readonly #finalMarks = new Map<string, number>();
  /** Bound once so the per-turn P&L check allocates no closure. */
  readonly #markOf = (marketTicker: string): number | undefined => this.#mark(marketTicker);
  /** Positions adopted at start-up before their book had a mark: re-based at the first trusted mid. */
  readonly #unmarkedAdoptions = new Set<string>();
  #starting: Promise<void> | undefined;
  #stopRequested = false;
  /** Hot-path scratch of {@link Engine.#applyRisk}: reused every turn instead of allocated. */
  readonly #staleScratch: string[] = [];
  readonly #approvedScratch: DesiredQuote[] = [];
  readonly #riskInputs: { -readonly [K in keyof RiskInputs]: RiskInputs[K] } = {
    book: undefined,
    positionCountUnits: 0,
    positionCostMicros: 0,
    nowMs: 0,
    staleReferences: this.#staleScratch,
  };
  /** Market whose quotes risk is checking, for the denial callback bound once below. */
  #deniedMarket = '';
  readonly #onDenied = (quote: DesiredQuote, reason: RiskReason, detail: string): void => {
    this.emit('orderDenied', { marketTicker: this.#deniedMarket, quote, reason, detail });
  };

  /**
   * @param config - Everything the engine needs; validated at once.
   * @throws {@link MmCoreConfigError} listing every configuration problem.
   */
  constructor(config: EngineConfig) {
    super();
    validateEngineConfig(config);
    this.#cfg = config;
    this.#strategy = config.strategy;
    this.#feed = config.feed;
    this.#gateway = config.gateway;
    this.#clock = config.clock ?? systemClock;
    this.#logger = config.logger ?? silentMmLogger;
    for (const t of config.markets) this.#books.set(t, new OrderBook(t));
    for (const info of config.marketInfo ?? []) this.#marketInfo.set(info.ticker, info);
    this.#risk = new RiskEngine(config.risk);
    this.#risk.onStateChange((state, previous, reason) => {
      this.#logger.warn('trading state changed', { state, previous, reason });
      this.emit('riskStateChanged', state, previous, reason);
      // Halted by any path: withdraw every create still inside the process, not only the kill switch's.
      if (state === 'halted') this.#orders.blockNewOrders();
      for (const t of this.#books.keys()) this.#riskDirty.add(t);
      this.#scheduleEvaluate();
    });
    this.#orders = new OrderManager(config.gateway, config.orders ?? {}, {
      logger: this.#logger,
      nowMs: () => this.#clock.nowMs(),
    });
    this.#orders.on('orderPlaced', (o) => this.emit('orderPlaced', o));
    this.#orders.on('orderAmended', (o) => this.emit('orderAmended', o));
    this.#orders.on('orderClosed', (o, r) => this.emit('orderClosed', o, r));
    this.#orders.on('orderRejected', (r) => this.emit('orderRejected', r));
    this.#orders.on('orderUnknown', (o) => this.emit('orderUnknown', o));
    this.#context = this.#makeContext();
  }

  /**
   * Emits an engine event; a listener that throws is reported through `engineError` instead of
   * unwinding into the feed or order path that raised the event.
   */
  override emit<T extends EventEmitter.EventNames<EngineEvents>>(
    event: T,
    ...args: EventEmitter.EventArgs<EngineEvents, T>
  ): boolean {
    try {
      return super.emit(event, ...args);
    } catch (err) {
      if (event === 'engineError') {
        this.#logger.error('engineError listener threw', { error: String(err) });
      } else {
        this.#error(err);
      }
      return true;
    }
  }

  /** Current lifecycle state. */
  get state(): EngineState {
    return this.#state;
  }

  /** Current trading state. */
  get tradingState(): TradingState {
    return this.#risk.state;
  }

  /** The read-only context strategies see (handy for inspection and tests). */
  get context(): StrategyContext {
    return this.#context;
  }

  /**
   * Starts: arms guards, reconciles, subscribes, calls `onStart`, and begins quoting.
   *
   * @throws {@link MmCoreError} `INVALID_STATE` unless idle; on any start-up failure the engine
   * is `faulted`, the feed is stopped and the error is rethrown.
   */
  start(): Promise<void> {
    if (this.#state !== 'idle')
      return Promise.reject(
        new MmCoreError('INVALID_STATE', `cannot start an engine that is ${this.#state}`),
      );
    this.#setState('starting');
    const run = this.#doStart().finally(() => {
      this.#starting = undefined;
    });
    this.#starting = run;
    return run;
  }

  async #doStart(): Promise<void> {
    try {
      const limit = this.#cfg.orderGroupContractsLimitCountUnits;
      if (limit !== undefined) {
        if (this.#gateway.createOrderGroup === undefined) {
          throw new MmCoreError(
            'UNSUPPORTED',
            'orderGroupContractsLimitCountUnits is set but the gateway has no order groups',
          );
        }
        const group = await this.#gateway.createOrderGroup(limit);
        if (!group.ok)
          throw new MmCoreError(
            'ORDER_GROUP_FAILED',
            `could not create order group: ${group.code} ${group.message}`,
          );
        this.#orders.setOrderGroup(group.value.orderGroupId);
        this.#orderGroupId = group.value.orderGroupId;
      }
      await this.#feed.start(this.#cfg.markets, this.#handlers());
      await this.reconcile();
      const ref = this.#cfg.referenceFeed;
      if (ref !== undefined) {
        this.#referenceListener = (p) =>
          this.#apply(this.#call(() => this.#strategy.onReference?.(p, this.#context)));
        ref.on('update', this.#referenceListener);
      }
      this.#apply(await this.#strategy.onStart?.(this.#context));
      if (this.#stopRequested) {
        // stop() was called during start-up and is waiting for it: install nothing that it would
        // have to tear down, and quote nothing.
        this.#setState('running');
        return;
      }
      const timerMs = this.#cfg.timerIntervalMs ?? 1_000;
      if (timerMs > 0) {
        this.#timers.push(
          setInterval(() => this.#apply(this.#call(() => this.#strategy.onTimer?.(this.#context))), timerMs),
        );
      }
      const reconcileMs = this.#cfg.reconcileIntervalMs ?? 30_000;
      if (reconcileMs > 0) this.#timers.push(setInterval(() => void this.reconcile(), reconcileMs));
      this.#setState('running');
      for (const t of this.#books.keys()) this.#bookDirty.add(t);
      this.#scheduleEvaluate();
    } catch (err) {
      this.#setState('faulted');
      await this.#teardown();
      throw err;
    }
  }

  /**
   * Stops quoting, cancels every working order, waits for confirmation, and closes the feed.
   *
   * @remarks Called while {@link Engine.start} is still running, it waits for start-up to finish
   * (start-up then installs no timers and quotes nothing) and stops right after; when start-up
   * fails instead, it resolves `false` and the engine stays `faulted`.
   * @returns `true` when the venue confirmed no resting orders remain in the traded markets.
   */
  async stop(): Promise<boolean> {
    if (this.#state === 'starting') {
      this.#stopRequested = true;
      try {
        await this.#starting;
      } catch {
        // The start-up failure was reported to start()'s caller; the engine is faulted and torn down.
      }
      if ((this.#state as EngineState) === 'faulted') return false;
    }
    if (this.#state === 'stopped' || this.#state === 'stopping') return this.#state === 'stopped';
    this.#setState('stopping');
    for (const t of this.#timers) clearInterval(t);
    this.#timers.length = 0;
    this.#orders.blockNewOrders();
    this.#orders.flush();
    this.#orders.cancelEverything();
    let clean = await this.#waitForNoOrders(this.#cfg.stopTimeoutMs ?? 10_000);
    try {
      const markets = new Set(this.#cfg.markets);
      let left = (await this.#gateway.getOpenOrders()).filter((o) => markets.has(o.marketTicker));
      if (left.length > 0) {
        this.#logger.warn('orders still resting at stop; cancelling them directly', { count: left.length });
        await this.#cancelDirect(left, 'stop');
        left = (await this.#gateway.getOpenOrders()).filter((o) => markets.has(o.marketTicker));
      }
      clean = left.length === 0;
    } catch (err) {
      clean = false;
      this.#error(err);
    }
    try {
      await this.#strategy.onStop?.(this.#context);
    } catch (err) {
      this.#error(err);
    }
    await this.#teardown();
    this.#setState('stopped');
    return clean;
  }

  /**
   * Trips the kill switch: blocks new orders, cancels everything, verifies, stays halted.
   *
   * @remarks The order is deliberate: the trading state becomes `halted` (risk denies every
   * quote, the order manager sends no create) before any cancel is sent; the venue order group
   * (when armed) is triggered; then every known order is cancelled, the venue's
   * cancel-all runs, followed by a fresh open-orders query; any order still resting is cancelled
   * individually and the check repeats, up to `killSwitchAttempts` rounds.
   */
  async killSwitch(reason: string): Promise<KillSwitchReport> {
    this.#risk.setState('halted', `KILL_SWITCH: ${reason}`);
    this.#orders.blockNewOrders();
    this.emit('killSwitchTripped', reason);
    this.#logger.error('kill switch tripped', { reason });
    if (this.#orderGroupId !== undefined && this.#gateway.triggerOrderGroup !== undefined) {
      // The venue-side guard: cancels the group's orders and rejects new ones until reset.
      try {
        const t = await this.#gateway.triggerOrderGroup(this.#orderGroupId);
        if (!t.ok) this.#logger.warn('order group trigger failed', { code: t.code, message: t.message });
      } catch (err) {
        // A failed venue-side guard must never keep the cancels below from going out.
        this.#error(err);
      }
    }
    this.#orders.cancelEverything();
    const attempts = this.#cfg.killSwitchAttempts ?? 3;
    let remaining = -1;
    let used = 0;
    for (let i = 0; i < attempts; i++) {
      used++;
      try {
        const r = await this.#gateway.cancelAll();
        if (!r.ok) this.#logger.warn('cancel-all failed', { code: r.code, message: r.message });
        const open = await this.#gateway.getOpenOrders();
        remaining = open.length;
        if (remaining === 0) break;
        await this.#cancelDirect(open, 'kill switch');
        const again = await this.#gateway.getOpenOrders();
        remaining = again.length;
        if (remaining === 0) break;
      } catch (err) {
        this.#error(err);
      }
    }
    const report: KillSwitchReport = {
      reason,
      verified: remaining === 0,
      remainingOrders: Math.max(remaining, 0),
      attempts: used,
    };
    this.emit('killSwitchCompleted', report);
    return report;
  }

  /**
   * Leaves `halted` or `reducing` and re-applies the strategy's desired quotes.
   *
   * @remarks Resets the venue order group first when the kill switch triggered it.
   */
  async resume(reason = 'manual resume'): Promise<void> {
    if (this.#orderGroupId !== undefined && this.#gateway.resetOrderGroup !== undefined) {
      const r = await this.#gateway.resetOrderGroup(this.#orderGroupId);
      if (!r.ok) this.#logger.warn('order group reset failed', { code: r.code, message: r.message });
    }
    this.#orders.allowNewOrders();
    this.#risk.setState('active', reason);
    for (const t of this.#books.keys()) this.#riskDirty.add(t);
    this.#scheduleEvaluate();
  }

  /**
   * Reconciles with the venue: backfills fills, compares positions, re-syncs open orders.
   *
   * @remarks Runs at start-up, after every reconnect and every `reconcileIntervalMs`; concurrent
   * calls share one run. Failures are reported through `engineError` (and rethrown at start-up).
   */
  reconcile(): Promise<void> {
    if (this.#reconciling !== undefined) return this.#reconciling;
    const run = this.#doReconcile().finally(() => {
      this.#reconciling = undefined;
    });
    this.#reconciling = run;
    if (this.#state === 'starting') return run;
    return run.then(
      () => this.#reconcileSucceeded(),
      (err: unknown) => this.#reconcileFailed(err),
    );
  }

  /**
   * Counters of the engine's background work, for monitoring.
   *
   * @example
   * ```ts
   * const { reconcileFailures } = engine.stats();
   * ```
   */
  stats(): EngineStats {
    return { ...this.#stats, reconcileFailureStreak: this.#reconcileFailureStreak };
  }

  #reconcileSucceeded(): void {
    this.#stats.reconciliations++;
    this.#reconcileFailureStreak = 0;
    clearTimeout(this.#reconcileRetryTimer);
    this.#reconcileRetryTimer = undefined;
    if (this.#reconnectPending) {
      this.#reconnectPending = false;
      this.emit('reconnected');
    }
  }

  /** Reports a failed reconciliation and retries it with capped exponential back-off. */
  #reconcileFailed(err: unknown): void {
    this.#stats.reconcileFailures++;
    this.#reconcileFailureStreak++;
    this.#error(err);
    if (this.#state !== 'running' || this.#reconcileRetryTimer !== undefined) return;
    const base = this.#cfg.reconcileRetryBaseMs ?? 1_000;
    const delayMs = Math.min(30_000, base * 2 ** Math.min(this.#reconcileFailureStreak - 1, 20));
    this.#logger.warn('reconciliation failed; retrying', { delayMs, failures: this.#reconcileFailureStreak });
    this.#reconcileRetryTimer = setTimeout(() => {
      this.#reconcileRetryTimer = undefined;
      if (this.#state === 'running') void this.reconcile();
    }, delayMs);
  }

  async #doReconcile(): Promise<void> {
    const markets = new Set(this.#cfg.markets);
    const starting = this.#state === 'starting';
    const overlapMs = this.#cfg.fillBackfillOverlapMs ?? 60_000;
    const askedAtMs = this.#clock.nowMs();
    if (!starting && this.#fillCursorMs !== undefined) {
      // From the last successful reconciliation, not from the newest fill: a fill the socket
      // missed may be older than fills it delivered.
      for (const f of await this.#gateway.getFillsSince(Math.max(0, this.#fillCursorMs - overlapMs))) {
        if (markets.has(f.marketTicker) && this.#onFill(f)) this.#stats.fillsBackfilled++;
      }
    }
    const venuePositions = new Map<string, CountUnits>();
    for (const p of await this.#gateway.getPositions())
      venuePositions.set(p.marketTicker, p.positionCountUnits);
    if (starting) {
      // The positions just adopted already contain every earlier fill: record the recent ones (those
      // a later backfill's overlap could return) as applied, so they are never counted again.
      for (const f of await this.#gateway.getFillsSince(Math.max(0, askedAtMs - overlapMs)))
        if (markets.has(f.marketTicker)) this.#positions.markApplied(f);
    }
    const tolerance = this.#cfg.positionDriftToleranceCountUnits ?? 0;
    for (const t of markets) {
      const venue = venuePositions.get(t) ?? 0;
      const local = this.#positions.get(t).positionCountUnits;
      const diff = venue - local;
      if (diff === 0) {
        this.#suspectDrift.delete(t);
        continue;
      }
      if (!starting && this.#suspectDrift.get(t) !== diff) {
        // A fill in flight (in the venue's position, not yet in our stream or backfill) looks like
        // drift for a moment; adopting it now would count that fill twice when it arrives.
        this.#suspectDrift.set(t, diff);
        this.#logger.info('position mismatch; confirming on the next reconciliation', {
          marketTicker: t,
          local,
          venue,
        });
        continue;
      }
      this.#suspectDrift.delete(t);
      const mark = this.#mid(t);
      // No mark at all only for a market never seen trusted: the start-up re-bases it at its first mid.
      this.#positions.adopt(t, venue, Math.round(mark ?? 5_000));
      if (starting && mark === undefined) this.#unmarkedAdoptions.add(t);
      if (starting) {
        this.#logger.info('adopted venue position', { marketTicker: t, positionCountUnits: venue });
      } else if (Math.abs(diff) > tolerance) {
        this.emit('positionDrift', { marketTicker: t, localCountUnits: local, venueCountUnits: venue });
        this.#logger.warn('position drift', { marketTicker: t, local, venue });
        if (this.#risk.state === 'active') this.#risk.setState('reducing', `POSITION_DRIFT on ${t}`);
      }
      this.#riskDirty.add(t);
    }
    this.#scheduleDriftConfirmation();
    const listing = this.#orders.beginListing();
    const open = (await this.#gateway.getOpenOrders()).filter((o) => markets.has(o.marketTicker));
    const orphans = this.#orders.syncOpenOrders(open, listing);
    const policy = this.#cfg.orphanOrders ?? 'cancel';
    if (orphans.length > 0 && policy !== 'ignore') {
      this.#logger.warn('orphaned orders found', { count: orphans.length, policy });
      if (policy === 'adopt') for (const o of orphans) this.#orders.adopt(o);
      else await this.#cancelDirect(orphans, 'orphans');
    }
    this.#fillCursorMs = askedAtMs;
    this.#scheduleEvaluate();
    this.emit('reconciled');
  }

  /**
   * Cancels orders the order manager does not track (orphans, stop and kill-switch fallbacks):
   * in batches the venue accepts, each result checked, failures retried, what is left reported.
   */
  async #cancelDirect(orders: readonly VenueOrder[], purpose: string): Promise<void> {
    const report = await cancelInChunks(
      this.#gateway,
      orders.map((o) => ({ orderId: o.orderId, marketTicker: o.marketTicker })),
      { batchSize: this.#cfg.orders?.maxBatchSize ?? 20 },
    );
    this.#stats.directCancels += report.cancelled;
    this.#stats.directCancelRetries += report.retries;
    this.#stats.directCancelFailures += report.failed.length;
    if (report.failed.length > 0) {
      this.#logger.warn('orders could not be cancelled', {
        purpose,
        count: report.failed.length,
        orders: report.failed
          .slice(0, 10)
          .map((f) => `${f.ref.orderId}: ${f.failure.kind} ${f.failure.code}`),
      });
    }
  }

  #scheduleDriftConfirmation(): void {
    const delayMs = this.#cfg.positionDriftConfirmMs ?? 2_000;
    if (this.#suspectDrift.size === 0 || delayMs === 0 || this.#driftConfirmTimer !== undefined) return;
    this.#driftConfirmTimer = setTimeout(() => {
      this.#driftConfirmTimer = undefined;
      if (this.#state === 'running') void this.reconcile();
    }, delayMs);
  }

  #handlers(): MarketDataHandlers {
    return {
      onBookSnapshot: (s) => this.#onSnapshot(s),
      onBookDelta: (d) => this.#onDelta(d),
      onBookUntrusted: (tickers, reason) => this.#onUntrusted(tickers, reason, true),
      onTrade: (t) => this.#onTrade(t),
      onFill: (f) => {
        this.#onFill(f);
      },
      onOrderUpdate: (o) => this.#onOrderUpdate(o),
      onLifecycle: (e) => this.#onLifecycle(e),
      onConnectionState: (s) => this.#onConnection(s),
    };
  }

  #onSnapshot(s: BookSnapshot): void {
    const book = this.#books.get(s.marketTicker);
    if (book === undefined) return;
    const was = book.trusted;
    try {
      book.applySnapshot(s);
    } catch (err) {
      this.#error(err);
      this.#onUntrusted([s.marketTicker], 'INVALID_SNAPSHOT', true);
      return;
    }
    if (!was) this.emit('bookTrusted', s.marketTicker);
    if (book.crossed) this.emit('bookCrossed', s.marketTicker);
    this.#markBook(s.marketTicker);
  }

  #onDelta(d: BookDelta): void {
    const book = this.#books.get(d.marketTicker);
    if (book === undefined || !book.trusted) return;
    if (!book.applyDelta(d)) {
      this.#onUntrusted([d.marketTicker], book.untrustedReason ?? 'NEGATIVE_LEVEL', true);
      return;
    }
    if (book.crossed) this.emit('bookCrossed', d.marketTicker);
    this.#markBook(d.marketTicker);
  }

  #onUntrusted(tickers: readonly string[], reason: string, requestSnapshot: boolean): void {
    const affected: string[] = [];
    for (const t of tickers) {
      const book = this.#books.get(t);
      if (book === undefined) continue;
      // Remember the last trusted marks before the book stops being usable.
      if (book.trusted) {
        this.#mid(t);
        this.#mark(t);
      }
      book.markUntrusted(reason === 'DISCONNECTED' ? 'DISCONNECTED' : 'SEQUENCE_GAP');
      affected.push(t);
      this.emit('bookUntrusted', t, reason);
      this.#riskDirty.add(t);
    }
    if (affected.length === 0) return;
    if (requestSnapshot) this.#feed.requestSnapshot(affected);
    this.#scheduleEvaluate();
  }

  #onTrade(t: Trade): void {
    if (!this.#books.has(t.marketTicker)) return;
    this.#apply(this.#call(() => this.#strategy.onTrade?.(t, this.#context)));
  }

  /** Applies one of our fills; `false` when it was already applied (or is not for a traded market). */
  #onFill(f: Fill): boolean {
    if (!this.#books.has(f.marketTicker)) return false;
    let fresh: boolean;
    try {
      fresh = this.#positions.applyFill(f);
    } catch (err) {
      this.#error(err);
      return false;
    }
    if (!fresh) return false;
    this.#orders.applyFill(f);
    this.emit('orderFilled', f, this.#positions.get(f.marketTicker));
    this.#riskDirty.add(f.marketTicker);
    this.#checkPnl();
    this.#apply(this.#call(() => this.#strategy.onFill?.(f, this.#context)));
    this.#scheduleEvaluate();
    return true;
  }

  #onOrderUpdate(o: VenueOrder): void {
    if (!this.#books.has(o.marketTicker)) return;
    this.#orders.applyOrderUpdate(o);
    this.#apply(this.#call(() => this.#strategy.onOrderUpdate?.(o, this.#context)));
  }

  #onLifecycle(e: MarketLifecycle): void {
    if (!this.#books.has(e.marketTicker)) return;
    if (e.kind === 'deactivated' || e.kind === 'closed' || e.kind === 'determined' || e.kind === 'settled') {
      this.#paused.add(e.marketTicker);
    } else if (e.kind === 'activated') this.#paused.delete(e.marketTicker);
    if ((e.kind === 'determined' || e.kind === 'settled') && e.settlementPriceUnits !== undefined) {
      this.#finalMarks.set(e.marketTicker, e.settlementPriceUnits);
      if (this.#positions.positionCountUnits(e.marketTicker) !== 0) this.#checkPnl();
    }
    if (e.kind === 'settled' && e.settlementPriceUnits !== undefined) {
      this.#positions.settle(e.marketTicker, e.settlementPriceUnits);
      this.emit('marketSettled', e);
    }
    this.#riskDirty.add(e.marketTicker);
    this.#scheduleEvaluate();
  }

  #onConnection(state: FeedConnectionState): void {
    if (state === 'disconnected') {
      this.#onUntrusted([...this.#books.keys()], 'DISCONNECTED', false);
    } else if (state === 'reconnected') {
      this.#reconnectPending = true;
      void this.reconcile();
    }
  }

  #markBook(t: string): void {
    if (this.#unmarkedAdoptions.size > 0 && this.#unmarkedAdoptions.has(t)) {
      const mid = this.#mid(t);
      if (mid !== undefined) {
        // The placeholder cost of a position adopted blind would read as P&L (and could trip MAX_LOSS).
        this.#positions.resetCostBasis(t, mid);
        this.#unmarkedAdoptions.delete(t);
      }
    }
    this.#bookDirty.add(t);
    this.#scheduleEvaluate();
  }

  #scheduleEvaluate(): void {
    if (this.#evaluateScheduled || this.#state !== 'running') return;
    this.#evaluateScheduled = true;
    setImmediate(() => this.#evaluate());
  }

  #evaluate(): void {
    this.#evaluateScheduled = false;
    if (this.#state !== 'running') return;
    if (this.#bookDirty.size > 0) {
      let remark = false;
      // Only feed callbacks add to #bookDirty, never code run from this loop, so iterating it in place is safe.
      for (const t of this.#bookDirty) {
        this.#riskDirty.add(t);
        if (!remark && this.#positions.positionCountUnits(t) !== 0) remark = true;
        if (this.#books.get(t)?.trusted) this.#apply(this.#callOnBook(t));
      }
      this.#bookDirty.clear();
      // Mark-to-market once per turn, and only when a book under an open position moved: a loss
      // from price moves alone trips MAX_LOSS / MAX_DRAWDOWN before the quotes below go out.
      if (remark) this.#checkPnl();
    }
    for (const t of this.#riskDirty) this.#applyRisk(t);
    this.#riskDirty.clear();
    this.#orders.flush();
  }

  #applyRisk(t: string): void {
    const book = this.#books.get(t);
    if (book === undefined) return;
    const desire = this.#paused.has(t) ? NO_QUOTES : (this.#desire.get(t) ?? NO_QUOTES);
    // Scratch storage reused every turn: risk reads the inputs only during the call.
    const stale = this.#staleScratch;
    clearArray(stale);
    const required = this.#risk.requiredReferenceSymbols;
    for (let i = 0; i < required.length; i++) {
      const sym = required[i]!;
      const p = this.#cfg.referenceFeed?.latest(sym);
      if (p === undefined || p.stale) stale.push(sym);
    }
    const position = this.#positions.positionCountUnits(t);
    const inputs = this.#riskInputs;
    inputs.book = book;
    inputs.positionCountUnits = position;
    inputs.positionCostMicros = positionWorstLossMicros(position, this.#positions.costBasisMicros(t));
    inputs.nowMs = this.#clock.nowMs();
    this.#deniedMarket = t;
    const approved = this.#approvedScratch;
    this.#risk.checkQuotesInto(t, desire, inputs, approved, this.#onDenied);
    inputs.book = undefined;
    const previous = this.#orders.desired(t);
    if (!sameQuotes(previous, approved)) {
      // The order manager keeps what it is given: hand it a copy, never the scratch array.
      const next = approved.length === 0 ? NO_QUOTES : approved.slice();
      this.#orders.setDesired(t, next);
      this.emit('quoteUpdated', t, next);
    }
  }

  #apply(decision: StrategyDecision): void {
    if (decision === undefined || decision === null) return;
    if (!Array.isArray(decision)) {
      const what =
        typeof (decision as { then?: unknown }).then === 'function'
          ? 'a promise (only onStart and onStop may be async)'
          : typeof decision;
      this.#error(new MmCoreError('INVALID_DECISION', `strategy returned ${what}; expected MarketQuotes[]`));
      return;
    }
    for (const mq of decision as readonly MarketQuotes[]) {
      if (
        typeof mq !== 'object' ||
        mq === null ||
        typeof mq.marketTicker !== 'string' ||
        !Array.isArray(mq.quotes)
      ) {
        this.#error(
          new MmCoreError('INVALID_DECISION', 'strategy returned an entry without marketTicker and quotes[]'),
        );
        continue;
      }
      if (!this.#books.has(mq.marketTicker)) {
        this.#logger.warn('strategy quoted a market the engine does not trade', {
          marketTicker: mq.marketTicker,
        });
        continue;
      }
      this.#desire.set(mq.marketTicker, mq.quotes);
      this.#riskDirty.add(mq.marketTicker);
    }
    this.#scheduleEvaluate();
  }

  /** `onBook` through the same guard as {@link Engine.#call}, without a closure per market per turn. */
  #callOnBook(t: string): StrategyDecision {
    if (this.#strategy.onBook === undefined) return undefined;
    try {
      return this.#strategy.onBook(t, this.#context);
    } catch (err) {
      this.#error(err);
      return undefined;
    }
  }

  #call(fn: () => StrategyDecision): StrategyDecision {
    try {
      return fn();
    } catch (err) {
      this.#error(err);
      return undefined;
    }
  }

  #error(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    this.#logger.error('engine error', { error: error.message });
    this.emit('engineError', error);
  }

  #pnl() {
    return this.#positions.summary(this.#markOf);
  }

  /**
   * A market's mark for P&L: its settlement value once determined, else from the touch of its
   * trusted book (else the last trusted touch; an untrusted book is never used), else `undefined`
   * (at cost).
   *
   * @remarks Two-sided: the mid. One-sided or empty, conservatively what the position could be
   * closed at: a long YES position at the best YES bid ($0 when there is none), a short YES (long
   * NO) position at the best YES ask ($1 when there is none).
   */
  #mark(t: string): number | undefined {
    const final = this.#finalMarks.get(t);
    if (final !== undefined) return final;
    let touch = this.#touches.get(t);
    const book = this.#books.get(t);
    if (book?.trusted) {
      if (touch === undefined) {
        touch = { bid: -1, ask: -1 };
        this.#touches.set(t, touch);
      }
      touch.bid = book.yesBid ?? -1;
      touch.ask = book.yesAsk ?? -1;
    }
    if (touch === undefined) return undefined;
    if (touch.bid >= 0 && touch.ask >= 0) return (touch.bid + touch.ask) / 2;
    const position = this.#positions.positionCountUnits(t);
    if (position > 0) return Math.max(touch.bid, 0);
    if (position < 0) return touch.ask >= 0 ? touch.ask : ONE_DOLLAR_UNITS;
    return undefined;
  }

  /**
   * A market's fair price for adopting a venue position: its settlement value once determined,
   * else the trusted two-sided mid, else the last one, else `undefined`.
   */
  #mid(t: string): number | undefined {
    const final = this.#finalMarks.get(t);
    if (final !== undefined) return final;
    const book = this.#books.get(t);
    if (book?.trusted) {
      const mid = book.midUnits;
      if (mid !== undefined) {
        this.#mids.set(t, mid);
        return mid;
      }
    }
    return this.#mids.get(t);
  }

  /** Feeds the net P&L at the current marks to risk; trips the kill switch on MAX_LOSS. */
  #checkPnl(): void {
    const verdict = this.#risk.observePnl(this.#positions.netPnlMicros(this.#markOf));
    if (verdict === 'MAX_LOSS' && this.#risk.state !== 'halted') {
      this.killSwitch('MAX_LOSS').catch((err: unknown) => this.#error(err));
    }
  }

  #waitForNoOrders(timeoutMs: number): Promise<boolean> {
    const done = () => this.#orders.openOrders().length === 0 && this.#orders.inFlightCount === 0;
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (done()) finish(true);
      };
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        clearInterval(poll);
        this.#orders.off('orderClosed', check);
        resolve(ok);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      // Answers that close nothing (a failed cancel) are retried by the manager; poll as a backstop.
      const poll = setInterval(check, 25);
      this.#orders.on('orderClosed', check);
    });
  }

  async #teardown(): Promise<void> {
    for (const t of this.#timers) clearInterval(t);
    this.#timers.length = 0;
    clearTimeout(this.#driftConfirmTimer);
    clearTimeout(this.#reconcileRetryTimer);
    this.#reconcileRetryTimer = undefined;
    this.#driftConfirmTimer = undefined;
    if (this.#referenceListener !== undefined)
      this.#cfg.referenceFeed?.off('update', this.#referenceListener);
    this.#orders.close();
    try {
      await this.#feed.stop();
    } catch (err) {
      this.#error(err);
    }
  }

  #setState(state: EngineState): void {
    const previous = this.#state;
    this.#state = state;
    this.emit('stateChanged', state, previous);
  }

  #makeContext(): StrategyContext {
    const engine = this;
    return {
      marketTickers: [...this.#cfg.markets],
      book: (t) => engine.#books.get(t),
      position: (t) => engine.#positions.get(t),
      pnl: () => engine.#pnl(),
      openOrders: (t) => engine.#orders.openOrders(t),
      reference: (s) => engine.#cfg.referenceFeed?.latest(s),
      market: (t) => engine.#marketInfo.get(t),
      get tradingState() {
        return engine.#risk.state;
      },
      nowMs: () => engine.#clock.nowMs(),
      logger: this.#logger,
    };
  }
}

/**
 * What the open position can still lose: the YES cost of a long YES position, the NO cost
 * (`|position| x $1 - premium received`) of a long NO (short YES) position.
 */
function positionWorstLossMicros(positionCountUnits: CountUnits, costBasisMicros: number): number {
  if (positionCountUnits >= 0) return Math.max(0, costBasisMicros);
  return Math.max(0, -positionCountUnits * ONE_DOLLAR_UNITS + costBasisMicros);
}

/** Shared empty quote list (paused markets, markets the strategy has not quoted yet). */
const NO_QUOTES: readonly DesiredQuote[] = Object.freeze([]);

function sameQuotes(a: readonly DesiredQuote[], b: readonly DesiredQuote[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.side !== y.side || x.priceUnits !== y.priceUnits || x.countUnits !== y.countUnits) return false;
  }
  return true;
}
