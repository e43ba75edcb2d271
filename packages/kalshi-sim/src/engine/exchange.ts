/**
 * The simulator's exchange: binary order books, matching, accounts, order groups and market
 * lifecycle, all in integer units.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { CountUnits, Micros } from '@mnquants/kalshi-sdk';
import { EventEmitter } from 'eventemitter3';
import { Ladder, MAX_PRICE_UNITS, type OrderNode } from './book.js';
import { mulDivCeil, mulDivFloor, tradingFeeMicros } from './fees.js';
import type {
  AmendOrderOutcome,
  AmendOrderParams,
  BookSnapshot,
  CreateOrderOutcome,
  CreateOrderParams,
  DecreaseOrderParams,
  EngineBalance,
  EngineError,
  EngineErrorCode,
  EngineErrorStatus,
  EngineFill,
  EngineMarketResult,
  EngineOrder,
  EngineOrderGroup,
  EngineOutcomeSide,
  EnginePosition,
  EngineResult,
  EngineSettlement,
  EngineTrade,
  EventDefinition,
  ExchangeApi,
  ExchangeEvents,
  ExchangeOptions,
  ExchangeStatus,
  MarketDefinition,
  MarketState,
  OrderUpdateReason,
  ReduceOrderOutcome,
  SeriesDefinition,
  TopOfBook,
} from './types.js';

const ONE_DOLLAR = MAX_PRICE_UNITS;
const MIN_GROUP_LIMIT = 100;
const MAX_GROUP_LIMIT = 100_000_000;

interface MarketRecord {
  state: MarketState;
  yes: Ladder;
  no: Ladder;
  feeType: SeriesDefinition['feeType'];
  feeMultiplier: number;
  /** Positions of every user who ever traded or quoted the market. */
  positions: Map<string, PositionRecord>;
}

interface PositionRecord extends EnginePosition {
  restYesCount: number;
  restYesCost: number;
  restNoCount: number;
  restNoCost: number;
}

interface AccountRecord {
  userId: string;
  cash: number;
  held: number;
  positions: Map<string, PositionRecord>;
  clientOrderIds: Set<string>;
  resting: Set<OrderNode>;
  orders: OrderNode[];
  fills: EngineFill[];
  settlements: EngineSettlement[];
}

interface GroupRecord {
  orderGroupId: string;
  userId: string;
  limit: number;
  triggered: boolean;
  orders: Set<OrderNode>;
  windowTs: number[];
  windowCount: number[];
  windowHead: number;
  windowSum: number;
}

function fail(status: EngineErrorStatus, code: EngineErrorCode, message: string, details?: string) {
  const error: EngineError =
    details === undefined ? { status, code, message } : { status, code, message, details };
  return { ok: false as const, error };
}

function copyOrder(o: OrderNode): EngineOrder {
  const out: EngineOrder = {
    orderId: o.orderId,
    userId: o.userId,
    clientOrderId: o.clientOrderId,
    ticker: o.ticker,
    bookSide: o.bookSide,
    outcomeSide: o.outcomeSide,
    yesPriceUnits: o.yesPriceUnits,
    noPriceUnits: o.noPriceUnits,
    status: o.status,
    timeInForce: o.timeInForce,
    selfTradePreventionType: o.selfTradePreventionType,
    initialCountUnits: o.initialCountUnits,
    fillCountUnits: o.fillCountUnits,
    remainingCountUnits: o.remainingCountUnits,
    takerFillCostMicros: o.takerFillCostMicros,
    makerFillCostMicros: o.makerFillCostMicros,
    takerFeesMicros: o.takerFeesMicros,
    makerFeesMicros: o.makerFeesMicros,
    postOnly: o.postOnly,
    reduceOnly: o.reduceOnly,
    cancelOrderOnPause: o.cancelOrderOnPause,
    orderGroupId: o.orderGroupId,
    subaccount: o.subaccount,
    createdTimeMs: o.createdTimeMs,
    lastUpdateTimeMs: o.lastUpdateTimeMs,
    lastUpdateReason: o.lastUpdateReason,
  };
  if (o.expirationTimeMs !== undefined) out.expirationTimeMs = o.expirationTimeMs;
  return out;
}

function copyPosition(p: PositionRecord): EnginePosition {
  return {
    userId: p.userId,
    ticker: p.ticker,
    eventTicker: p.eventTicker,
    positionUnits: p.positionUnits,
    positionCostMicros: p.positionCostMicros,
    realizedPnlMicros: p.realizedPnlMicros,
    feesPaidMicros: p.feesPaidMicros,
    volumeUnits: p.volumeUnits,
    totalTradedMicros: p.totalTradedMicros,
    restingOrderValueMicros: p.restingOrderValueMicros,
    lastUpdatedMs: p.lastUpdatedMs,
  };
}

function copyMarket(s: MarketState): MarketState {
  return { ...s, priceRanges: s.priceRanges.map((r) => ({ ...r })) };
}

/** Collateral a position's resting orders hold (see {@link Exchange} remarks). */
function holdOf(p: PositionRecord): number {
  const closableByNo = Math.max(p.positionUnits, 0);
  const closableByYes = p.positionUnits < 0 ? -p.positionUnits : 0;
  let held = 0;
  if (p.restYesCount > 0) {
    const uncovered = p.restYesCount - closableByYes;
    if (uncovered > 0) held += mulDivCeil(p.restYesCost, uncovered, p.restYesCount);
  }
  if (p.restNoCount > 0) {
    const uncovered = p.restNoCount - closableByNo;
    if (uncovered > 0) held += mulDivCeil(p.restNoCost, uncovered, p.restNoCount);
  }
  return held;
}

/**
 * A local Kalshi-like exchange: binary order books with price-time priority, accounts with
 * collateral, fees and netted positions, order groups and market lifecycle.
 *
 * @remarks
 * **Books.** Each market has two bid ladders: YES bids in YES prices and NO bids in NO prices. A
 * `bid` at YES price p rests as a YES bid at p; an `ask` at YES price p rests as a NO bid at
 * 1 - p. A YES bid at p crosses a NO bid at q when p + q >= $1; the resting order's price is the
 * trade price; price-time priority; partial fills.
 *
 * **Cash and collateral.** `cash` is a user's money; resting buy orders hold collateral inside it
 * (`available = cash - held`). A resting order buying an outcome at price x holds x per
 * contract, except the part that would close an existing opposite position (a NO bid while long
 * YES, and vice versa), which holds nothing because filling it pays out rather than costs. Per
 * market and outcome, the covered contracts are taken pro rata from the resting orders and the
 * hold is rounded up to the micro-dollar; it is recomputed after every change to resting orders
 * or the position, so netting releases collateral immediately. A new order (or a size increase)
 * needs `available >= added hold + worst-case taker fee`; maker fees on
 * `quadratic_with_maker_fees` series are charged at fill and not reserved.
 *
 * **Fills.** Buying an outcome at x against an opposite position first closes it: each closed
 * YES+NO pair pays $1, so cash rises by (1 - x) per contract and realized P&L is that minus the
 * closed part of the cost basis (pro rata, floored). The rest opens or extends the position at
 * cost x. Fees ({@link tradingFeeMicros}) are charged per fill from cash. Cash is conserved:
 * sum(cash) + $1 x open interest = deposits - fees.
 *
 * **Settlement.** {@link Exchange.determineMarket} sets the result; after
 * `settlementTimerSeconds` of sim time {@link Exchange.tick} pays $1 per winning contract,
 * writes settlement records and finalizes the market.
 *
 * The REST/WebSocket server (`KalshiSimulator`) wraps this class; the world's traders call it
 * directly. Operations return {@link EngineResult} values and never throw for bad input.
 *
 * @example
 * ```ts
 * const exchange = new Exchange({ now: () => clock.nowMs() });
 * exchange.deposit('alice', 1_000_000_000);
 * const r = exchange.createOrder('alice', {
 *   ticker: 'KXINX-26MAR13H1600-B6687', side: 'bid', priceUnits: 4_200, countUnits: 1_000,
 *   timeInForce: 'good_till_canceled',
 * });
 * if (!r.ok) console.error(r.error.status, r.error.code);
 * ```
 */
export class Exchange extends EventEmitter<ExchangeEvents> implements ExchangeApi {
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #windowMs: number;
  readonly #series = new Map<string, SeriesDefinition>();
  readonly #events = new Map<string, EventDefinition>();
  readonly #markets = new Map<string, MarketRecord>();
  readonly #accounts = new Map<string, AccountRecord>();
  readonly #orders = new Map<string, OrderNode>();
  readonly #expiring = new Set<OrderNode>();
  readonly #groups = new Map<string, GroupRecord>();
  readonly #trades: EngineTrade[] = [];
  #status: ExchangeStatus = { exchangeActive: true, tradingActive: true };
  #feesCollected = 0;
  #deposits = 0;
  #pendingGroupChecks: GroupRecord[] = [];

  /**
   * Creates an empty exchange.
   *
   * @param options - Clock, id generator and order-group window; all optional.
   */
  constructor(options: ExchangeOptions = {}) {
    super();
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
    this.#windowMs = options.orderGroupWindowMs ?? 15_000;
  }

  // -------------------------------------------------------------------------------------------
  // Reference data
  // -------------------------------------------------------------------------------------------

  /** Registers (or replaces) a series. */
  addSeries(series: SeriesDefinition): void {
    this.#series.set(series.ticker, { ...series });
  }

  /** Registers an event and emits `eventLifecycle`. */
  addEvent(event: EventDefinition): void {
    this.#events.set(event.eventTicker, { ...event });
    if (this.listenerCount('eventLifecycle') > 0)
      this.emit('eventLifecycle', { event: { ...event }, tsMs: this.#now() });
  }

  /**
   * Registers a market in status `initialized` (or `active` if its open time has passed) and
   * emits `marketLifecycle` `created`.
   *
   * @remarks Fails with 400 `invalid_parameters` when the event or series is unknown, the ticker
   * exists, or the times or grid are inconsistent.
   */
  addMarket(def: MarketDefinition): EngineResult<{ market: MarketState }> {
    const event = this.#events.get(def.eventTicker);
    if (event === undefined) return fail(400, 'invalid_parameters', `unknown event ${def.eventTicker}`);
    const series = this.#series.get(event.seriesTicker);
    if (series === undefined) return fail(400, 'invalid_parameters', `unknown series ${event.seriesTicker}`);
    if (this.#markets.has(def.ticker)) return fail(400, 'invalid_parameters', `market ${def.ticker} exists`);
    if (!(def.closeTimeMs > def.openTimeMs)) return fail(400, 'invalid_parameters', 'close must follow open');
    if (def.priceRanges.length === 0) return fail(400, 'invalid_parameters', 'price_ranges is empty');
    for (const r of def.priceRanges) {
      if (
        !Number.isSafeInteger(r.startUnits) ||
        !Number.isSafeInteger(r.endUnits) ||
        !Number.isSafeInteger(r.stepUnits) ||
        r.stepUnits <= 0 ||
        r.startUnits < 0 ||
        r.endUnits > ONE_DOLLAR ||
        r.endUnits < r.startUnits
      )
        return fail(400, 'invalid_parameters', 'invalid price range');
    }
    const now = this.#now();
    const state: MarketState = {
      ...def,
      priceRanges: def.priceRanges.map((r) => ({ ...r })),
      marketId: this.#newId(),
      seriesTicker: event.seriesTicker,
      status: now >= def.closeTimeMs ? 'closed' : now >= def.openTimeMs ? 'active' : 'initialized',
      createdTimeMs: now,
      lastPriceUnits: 0,
      lastTradeCountUnits: 0,
      volumeCountUnits: 0,
      openInterestCountUnits: 0,
      dollarVolumeMicros: 0,
    };
    this.#markets.set(def.ticker, {
      state,
      yes: new Ladder(),
      no: new Ladder(),
      feeType: series.feeType,
      feeMultiplier: series.feeMultiplier,
      positions: new Map(),
    });
    this.#lifecycle(state, 'created');
    return { ok: true, market: copyMarket(state) };
  }

  /** A series by ticker. */
  getSeries(ticker: string): SeriesDefinition | undefined {
    const s = this.#series.get(ticker);
    return s === undefined ? undefined : { ...s };
  }

  /** Every series. */
  listSeries(): SeriesDefinition[] {
    return [...this.#series.values()].map((s) => ({ ...s }));
  }

  /** An event by ticker. */
  getEvent(eventTicker: string): EventDefinition | undefined {
    const e = this.#events.get(eventTicker);
    return e === undefined ? undefined : { ...e };
  }

  /** Every event. */
  listEvents(): EventDefinition[] {
    return [...this.#events.values()].map((e) => ({ ...e }));
  }

  /** A market's state by ticker. */
  getMarket(ticker: string): MarketState | undefined {
    const m = this.#markets.get(ticker);
    return m === undefined ? undefined : copyMarket(m.state);
  }

  /** Every market (optionally those of one event). */
  listMarkets(eventTicker?: string): MarketState[] {
    const out: MarketState[] = [];
    for (const m of this.#markets.values())
      if (eventTicker === undefined || m.state.eventTicker === eventTicker) out.push(copyMarket(m.state));
    return out;
  }

  /** The exchange's clock: sim time now (Unix ms). */
  nowMs(): number {
    return this.#now();
  }

  /** Exchange status flags. */
  getStatus(): ExchangeStatus {
    return { ...this.#status };
  }

  /** Total fees collected since start, in micro-dollars. */
  get feesCollectedMicros(): Micros {
    return this.#feesCollected;
  }

  /** Total cash deposited since start, in micro-dollars. */
  get depositsMicros(): Micros {
    return this.#deposits;
  }

  // -------------------------------------------------------------------------------------------
  // Books and trades
  // -------------------------------------------------------------------------------------------

  /**
   * A market's book: YES bids and NO bids (NO prices), ascending, best last.
   *
   * @param depth - Maximum levels per side (best levels kept).
   */
  getOrderBook(ticker: string, depth?: number): BookSnapshot | undefined {
    const m = this.#markets.get(ticker);
    if (m === undefined) return undefined;
    return { ticker, yes: m.yes.snapshot(depth), no: m.no.snapshot(depth) };
  }

  /** Best YES bid and ask with sizes. */
  getTopOfBook(ticker: string): TopOfBook | undefined {
    const m = this.#markets.get(ticker);
    if (m === undefined) return undefined;
    return {
      yesBidUnits: m.yes.best,
      yesBidCountUnits: m.yes.countAt(m.yes.best),
      yesAskUnits: ONE_DOLLAR - m.no.best,
      yesAskCountUnits: m.no.countAt(m.no.best),
    };
  }

  /** Public trades, oldest first (optionally of one market). */
  getTrades(ticker?: string): EngineTrade[] {
    if (ticker === undefined) return this.#trades.slice();
    return this.#trades.filter((t) => t.ticker === ticker);
  }

  // -------------------------------------------------------------------------------------------
  // Accounts
  // -------------------------------------------------------------------------------------------

  /**
   * Credits cash to a user, creating the account if needed.
   *
   * @throws RangeError when `amountMicros` is not a non-negative safe integer (a programming error).
   */
  deposit(userId: string, amountMicros: Micros): void {
    if (!Number.isSafeInteger(amountMicros) || amountMicros < 0)
      throw new RangeError(`deposit must be a non-negative integer of micro-dollars, got ${amountMicros}`);
    const a = this.#account(userId);
    a.cash += amountMicros;
    this.#deposits += amountMicros;
    this.#emitBalance(a);
  }

  /** A user's balance (zeros for an unknown user). */
  getBalance(userId: string): EngineBalance {
    const a = this.#accounts.get(userId);
    if (a === undefined)
      return {
        userId,
        cashMicros: 0,
        restingOrderValueMicros: 0,
        availableMicros: 0,
        positionsValueMicros: 0,
      };
    return this.#balanceOf(a);
  }

  /** Ids of every user with an account. */
  listUsers(): string[] {
    return [...this.#accounts.keys()];
  }

  /** A user's position in one market. */
  getPosition(userId: string, ticker: string): EnginePosition | undefined {
    const p = this.#accounts.get(userId)?.positions.get(ticker);
    return p === undefined ? undefined : copyPosition(p);
  }

  /** A user's positions (every market they traded or quoted). */
  getPositions(userId: string): EnginePosition[] {
    const a = this.#accounts.get(userId);
    return a === undefined ? [] : [...a.positions.values()].map(copyPosition);
  }

  /** A user's fills, oldest first. */
  getFills(userId: string): EngineFill[] {
    return this.#accounts.get(userId)?.fills.slice() ?? [];
  }

  /** A user's settlement records, oldest first. */
  getSettlements(userId: string): EngineSettlement[] {
    return this.#accounts.get(userId)?.settlements.slice() ?? [];
  }

  // -------------------------------------------------------------------------------------------
  // Orders: reads
  // -------------------------------------------------------------------------------------------

  /** An order by id (any status; terminal orders persist). */
  getOrder(orderId: string): EngineOrder | undefined {
    const o = this.#orders.get(orderId);
    return o === undefined ? undefined : copyOrder(o);
  }

  /** A user's orders, oldest first, optionally filtered. */
  listOrders(
    userId: string,
    filter: { ticker?: string; status?: EngineOrder['status'] } = {},
  ): EngineOrder[] {
    const out: EngineOrder[] = [];
    const account = this.#accounts.get(userId);
    if (account === undefined) return out;
    for (const o of account.orders) {
      if (filter.ticker !== undefined && o.ticker !== filter.ticker) continue;
      if (filter.status !== undefined && o.status !== filter.status) continue;
      out.push(copyOrder(o));
    }
    return out;
  }

  /**
   * Drops a user's terminal (canceled or executed) orders last updated before `beforeMs` from
   * memory; returns how many were dropped.
   *
   * @remarks For long-running synthetic traders: order records otherwise persist forever so that
   * V1-style reads keep working. Their client order ids stay reserved. Do not use it for users
   * whose orders a client may still query.
   */
  forgetTerminalOrders(userId: string, beforeMs: number): number {
    const a = this.#accounts.get(userId);
    if (a === undefined) return 0;
    const kept: OrderNode[] = [];
    let dropped = 0;
    for (const o of a.orders) {
      if (o.status !== 'resting' && o.lastUpdateTimeMs < beforeMs) {
        this.#orders.delete(o.orderId);
        dropped++;
      } else kept.push(o);
    }
    a.orders = kept;
    return dropped;
  }

  // -------------------------------------------------------------------------------------------
  // Orders: writes
  // -------------------------------------------------------------------------------------------

  /**
   * Creates an order, matches it and rests (GTC) or cancels (IoC/FoK) the remainder.
   *
   * @remarks Checks, in order: exchange pause (503 `exchange_paused`), market (404), trading
   * pause (409 `trading_paused`), market state (409 `market_closed` / `market_inactive`), fields
   * (400), duplicate client order id (409 `order_already_exists`), order group (404 / 400
   * `order_group_triggered`), reduce-only cap, post-only cross (400 `invalid_order`, details
   * `post only cross`, nothing recorded), collateral (400 `available_balance_too_low`). An FoK that
   * cannot fill completely (own orders do not count as liquidity) ends `canceled` with no fill.
   */
  createOrder(userId: string, params: CreateOrderParams): EngineResult<CreateOrderOutcome> {
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    const m = this.#markets.get(params.ticker);
    if (m === undefined) return fail(404, 'not_found', `market ${params.ticker} not found`);
    if (!this.#status.tradingActive) return fail(409, 'trading_paused', 'trading is paused');
    const now = this.#now();
    const closed = this.#marketClosedError(m, now);
    if (closed) return closed;
    if (m.state.status !== 'active')
      return fail(409, 'market_inactive', `market ${params.ticker} is not active`);
    if (params.side !== 'bid' && params.side !== 'ask')
      return fail(400, 'invalid_parameters', 'side must be bid or ask');
    const tif = params.timeInForce;
    if (tif !== 'good_till_canceled' && tif !== 'immediate_or_cancel' && tif !== 'fill_or_kill')
      return fail(400, 'invalid_parameters', 'invalid time_in_force');
    const stp = params.selfTradePreventionType ?? 'taker_at_cross';
    if (stp !== 'taker_at_cross' && stp !== 'maker')
      return fail(400, 'invalid_parameters', 'invalid self_trade_prevention_type');
    if (!Number.isSafeInteger(params.countUnits) || params.countUnits < 1)
      return fail(400, 'invalid_order_size', 'count must be at least 0.01 contract');
    const priceError = this.#priceError(m, params.priceUnits);
    if (priceError) return priceError;
    if (params.expirationTimeMs !== undefined) {
      if (tif === 'immediate_or_cancel')
        return fail(400, 'invalid_order', 'Cannot specify both immediate_or_cancel and expiration_ts');
      if (tif !== 'good_till_canceled')
        return fail(400, 'invalid_order', 'expiration_time is only allowed with good_till_canceled');
      if (!Number.isSafeInteger(params.expirationTimeMs) || params.expirationTimeMs <= now)
        return fail(400, 'invalid_order', 'Expiration timestamp must be in the future');
    }
    const account = this.#account(userId);
    const clientOrderId = params.clientOrderId ?? '';
    if (clientOrderId !== '' && account.clientOrderIds.has(clientOrderId))
      return fail(409, 'order_already_exists', `client_order_id ${clientOrderId} already exists`);
    let group: GroupRecord | undefined;
    if (params.orderGroupId !== undefined && params.orderGroupId !== '') {
      group = this.#groups.get(params.orderGroupId);
      if (group === undefined || group.userId !== userId)
        return fail(404, 'not_found', `order group ${params.orderGroupId} not found`);
      if (group.triggered)
        return fail(400, 'order_group_triggered', 'order group is triggered; reset it first');
    }
    const outcome: EngineOutcomeSide = params.side === 'bid' ? 'yes' : 'no';
    const ownPrice = outcome === 'yes' ? params.priceUnits : ONE_DOLLAR - params.priceUnits;
    const pos = this.#position(account, m);
    let count = params.countUnits;
    if (params.reduceOnly === true) {
      const closable = this.#closable(pos, outcome);
      if (closable === 0)
        return fail(400, 'invalid_order', 'reduce only order would not reduce the position');
      if (count > closable) count = closable;
    }
    if (params.postOnly === true && this.#crosses(m, outcome, ownPrice))
      return fail(400, 'invalid_order', 'post only order would cross', 'post only cross');
    const balanceError = this.#collateralError(account, pos, outcome, ownPrice, count, 0, 0);
    if (balanceError) return balanceError;

    const o: OrderNode = {
      orderId: this.#newId(),
      userId,
      clientOrderId,
      ticker: params.ticker,
      bookSide: params.side,
      outcomeSide: outcome,
      yesPriceUnits: params.priceUnits,
      noPriceUnits: ONE_DOLLAR - params.priceUnits,
      status: 'resting',
      timeInForce: tif,
      selfTradePreventionType: stp,
      initialCountUnits: count,
      fillCountUnits: 0,
      remainingCountUnits: count,
      takerFillCostMicros: 0,
      makerFillCostMicros: 0,
      takerFeesMicros: 0,
      makerFeesMicros: 0,
      postOnly: params.postOnly === true,
      reduceOnly: params.reduceOnly === true,
      cancelOrderOnPause: params.cancelOrderOnPause === true,
      orderGroupId: group?.orderGroupId ?? '',
      subaccount: params.subaccount ?? 0,
      createdTimeMs: now,
      lastUpdateTimeMs: now,
      lastUpdateReason: 'Created',
      ownPriceUnits: ownPrice,
      prev: null,
      next: null,
      inBook: false,
    };
    if (params.expirationTimeMs !== undefined) o.expirationTimeMs = params.expirationTimeMs;
    this.#orders.set(o.orderId, o);
    account.orders.push(o);
    if (clientOrderId !== '') account.clientOrderIds.add(clientOrderId);

    const fills: EngineFill[] = [];
    if (tif === 'fill_or_kill' && this.#fillableExcludingOwn(m, o) < count) {
      this.#finish(o, 'canceled', 'FokNotFilled', now);
    } else {
      this.#match(m, o, fills, now);
      this.#afterTaker(m, o, group, now);
    }
    this.#runGroupChecks();
    return { ok: true, ...this.#outcome(o, fills) };
  }

  /** Creates several orders in sequence; each item succeeds or fails on its own. */
  createOrders(userId: string, params: readonly CreateOrderParams[]): EngineResult<CreateOrderOutcome>[] {
    return params.map((p) => this.createOrder(userId, p));
  }

  /**
   * Cancels a resting order (a decrease to zero); the record persists with status `canceled`.
   *
   * @remarks Works during a trading pause; fails during an exchange pause (503) and after the
   * market closed (409 `market_closed`). Unknown, foreign or non-resting orders give 404.
   */
  cancelOrder(userId: string, orderId: string): EngineResult<ReduceOrderOutcome> {
    const found = this.#ownedResting(userId, orderId);
    if (!found.ok) return found;
    const o = found.order;
    const reducedBy = o.remainingCountUnits;
    this.#removeResting(o, 'Canceled', this.#now());
    return { ok: true, order: copyOrder(o), reducedByUnits: reducedBy };
  }

  /** Cancels several orders; each item succeeds or fails on its own. */
  cancelOrders(userId: string, orderIds: readonly string[]): EngineResult<ReduceOrderOutcome>[] {
    return orderIds.map((id) => this.cancelOrder(userId, id));
  }

  /**
   * Cancels every resting order of a user (optionally only one subaccount's).
   *
   * @remarks Orders in markets that are past close are skipped (they are cancelled by the close).
   */
  cancelAllOrders(userId: string, subaccount?: number): EngineResult<{ canceled: EngineOrder[] }> {
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    const now = this.#now();
    const canceled: EngineOrder[] = [];
    const account = this.#accounts.get(userId);
    if (account === undefined) return { ok: true, canceled };
    for (const o of [...account.resting]) {
      if (subaccount !== undefined && o.subaccount !== subaccount) continue;
      this.#removeResting(o, 'Canceled', now);
      canceled.push(copyOrder(o));
    }
    return { ok: true, canceled };
  }

  /**
   * Decreases a resting order's remaining count (`reduceByUnits` or `reduceToUnits`).
   *
   * @remarks Keeps queue priority. Reducing to zero cancels the order. Allowed during a trading
   * pause, like a cancel.
   */
  decreaseOrder(
    userId: string,
    orderId: string,
    params: DecreaseOrderParams,
  ): EngineResult<ReduceOrderOutcome> {
    const hasBy = 'reduceByUnits' in params;
    const hasTo = 'reduceToUnits' in params;
    if (hasBy === hasTo) return fail(400, 'invalid_parameters', 'exactly one of reduce_by and reduce_to');
    const value = hasBy ? params.reduceByUnits : (params as { reduceToUnits: number }).reduceToUnits;
    if (!Number.isSafeInteger(value) || value < 0 || (hasBy && value < 1))
      return fail(400, 'invalid_order_size', 'invalid reduce amount');
    const found = this.#ownedResting(userId, orderId);
    if (!found.ok) return found;
    const o = found.order;
    const target = hasBy ? Math.max(0, o.remainingCountUnits - value) : value;
    if (target >= o.remainingCountUnits)
      return fail(400, 'invalid_order_size', 'decrease must reduce the remaining count');
    const now = this.#now();
    const reducedBy = o.remainingCountUnits - target;
    if (target === 0) this.#removeResting(o, 'Canceled', now);
    else this.#shrinkResting(o, target, 'Decreased', now);
    return { ok: true, order: copyOrder(o), reducedByUnits: reducedBy };
  }

  /**
   * Amends a resting order's price and/or total count (filled + desired remaining).
   *
   * @remarks A pure size decrease keeps queue priority; a price change or size increase moves
   * the order to the back of the queue and may cross and fill (as taker, with the order's
   * self-trade prevention). A post-only order that would cross is rejected and left unchanged.
   * Fails during any pause.
   */
  amendOrder(userId: string, orderId: string, params: AmendOrderParams): EngineResult<AmendOrderOutcome> {
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    if (!this.#status.tradingActive) return fail(409, 'trading_paused', 'trading is paused');
    const found = this.#ownedResting(userId, orderId);
    if (!found.ok) return found;
    const o = found.order;
    const m = this.#markets.get(o.ticker) as MarketRecord;
    if (m.state.status !== 'active') return fail(409, 'market_inactive', `market ${o.ticker} is not active`);
    if (params.ticker !== o.ticker)
      return fail(400, 'order_ticker_mismatch', 'ticker does not match the order');
    if (params.side !== o.bookSide) return fail(400, 'order_side_mismatch', 'side does not match the order');
    const priceError = this.#priceError(m, params.priceUnits);
    if (priceError) return priceError;
    if (!Number.isSafeInteger(params.countUnits) || params.countUnits <= o.fillCountUnits)
      return fail(400, 'invalid_order_size', 'count must exceed the filled count');
    const account = this.#account(userId);
    const newCid = params.updatedClientOrderId;
    if (
      newCid !== undefined &&
      newCid !== '' &&
      newCid !== o.clientOrderId &&
      account.clientOrderIds.has(newCid)
    )
      return fail(409, 'order_already_exists', `client_order_id ${newCid} already exists`);
    const now = this.#now();
    const oldOrder = copyOrder(o);
    let newRemaining = params.countUnits - o.fillCountUnits;
    // A reduce-only order stays capped by the position it closes.
    if (o.reduceOnly)
      newRemaining = Math.min(newRemaining, this.#closable(this.#position(account, m), o.outcomeSide));
    const fills: EngineFill[] = [];
    const samePrice = params.priceUnits === o.yesPriceUnits;
    if (samePrice && newRemaining <= o.remainingCountUnits) {
      if (newCid !== undefined && newCid !== '' && newCid !== o.clientOrderId) {
        account.clientOrderIds.add(newCid);
        o.clientOrderId = newCid;
      }
      o.initialCountUnits = o.fillCountUnits + newRemaining;
      if (newRemaining < o.remainingCountUnits) this.#shrinkResting(o, newRemaining, 'Amended', now);
      else this.#touch(o, 'Amended', now);
      return { ok: true, oldOrder, order: copyOrder(o), fills };
    }
    const ownPrice = o.outcomeSide === 'yes' ? params.priceUnits : ONE_DOLLAR - params.priceUnits;
    if (o.postOnly && this.#crosses(m, o.outcomeSide, ownPrice))
      return fail(400, 'invalid_order', 'post only order would cross', 'post only cross');
    const pos = this.#position(account, m);
    const balanceError = this.#collateralError(
      account,
      pos,
      o.outcomeSide,
      ownPrice,
      newRemaining,
      o.remainingCountUnits,
      o.remainingCountUnits * o.ownPriceUnits,
    );
    if (balanceError) return balanceError;
    // Leave the book, reprice, and come back as a taker at the back of the queue.
    this.#unrest(m, o, now);
    if (newCid !== undefined && newCid !== '' && newCid !== o.clientOrderId) {
      account.clientOrderIds.add(newCid);
      o.clientOrderId = newCid;
    }
    o.yesPriceUnits = params.priceUnits;
    o.noPriceUnits = ONE_DOLLAR - params.priceUnits;
    o.ownPriceUnits = ownPrice;
    o.initialCountUnits = o.fillCountUnits + newRemaining;
    o.remainingCountUnits = newRemaining;
    o.lastUpdateReason = 'Amended';
    const group = o.orderGroupId === '' ? undefined : this.#groups.get(o.orderGroupId);
    this.#match(m, o, fills, now);
    this.#afterTaker(m, o, group, now, 'Amended');
    this.#runGroupChecks();
    return { ok: true, oldOrder, order: copyOrder(o), fills };
  }

  // -------------------------------------------------------------------------------------------
  // Order groups
  // -------------------------------------------------------------------------------------------

  /**
   * Creates an order group with a rolling matched-contract limit.
   *
   * @remarks The limit must be 1 to 1,000,000 contracts (100 to 100,000,000 count units).
   */
  createOrderGroup(
    userId: string,
    contractsLimitUnits: CountUnits,
  ): EngineResult<{ group: EngineOrderGroup }> {
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    if (
      !Number.isSafeInteger(contractsLimitUnits) ||
      contractsLimitUnits < MIN_GROUP_LIMIT ||
      contractsLimitUnits > MAX_GROUP_LIMIT
    )
      return fail(400, 'invalid_parameters', 'contracts_limit must be between 1 and 1,000,000');
    this.#account(userId);
    const g: GroupRecord = {
      orderGroupId: this.#newId(),
      userId,
      limit: contractsLimitUnits,
      triggered: false,
      orders: new Set(),
      windowTs: [],
      windowCount: [],
      windowHead: 0,
      windowSum: 0,
    };
    this.#groups.set(g.orderGroupId, g);
    this.#emitGroup(g, 'created', true);
    return { ok: true, group: this.#groupView(g) };
  }

  /** An order group of the user. */
  getOrderGroup(userId: string, orderGroupId: string): EngineResult<{ group: EngineOrderGroup }> {
    const g = this.#groups.get(orderGroupId);
    if (g === undefined || g.userId !== userId) return fail(404, 'not_found', 'order group not found');
    return { ok: true, group: this.#groupView(g) };
  }

  /** The user's order groups. */
  listOrderGroups(userId: string): EngineOrderGroup[] {
    const out: EngineOrderGroup[] = [];
    for (const g of this.#groups.values()) if (g.userId === userId) out.push(this.#groupView(g));
    return out;
  }

  /** Deletes an order group, cancelling its resting orders. */
  deleteOrderGroup(userId: string, orderGroupId: string): EngineResult<object> {
    const g = this.#groups.get(orderGroupId);
    if (g === undefined || g.userId !== userId) return fail(404, 'not_found', 'order group not found');
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    this.#cancelGroupOrders(g, 'Canceled');
    this.#groups.delete(orderGroupId);
    this.#emitGroup(g, 'deleted', false);
    return { ok: true };
  }

  /** Resets a group: clears the triggered state and the rolling window. */
  resetOrderGroup(userId: string, orderGroupId: string): EngineResult<object> {
    const g = this.#groups.get(orderGroupId);
    if (g === undefined || g.userId !== userId) return fail(404, 'not_found', 'order group not found');
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    g.triggered = false;
    g.windowTs.length = 0;
    g.windowCount.length = 0;
    g.windowHead = 0;
    g.windowSum = 0;
    this.#emitGroup(g, 'reset', false);
    return { ok: true };
  }

  /** Triggers a group by hand: cancels its resting orders and blocks new ones until reset. */
  triggerOrderGroup(userId: string, orderGroupId: string): EngineResult<object> {
    const g = this.#groups.get(orderGroupId);
    if (g === undefined || g.userId !== userId) return fail(404, 'not_found', 'order group not found');
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    this.#trigger(g);
    return { ok: true };
  }

  /** Changes a group's limit; a limit at or below the rolling volume triggers the group. */
  updateOrderGroupLimit(
    userId: string,
    orderGroupId: string,
    contractsLimitUnits: CountUnits,
  ): EngineResult<object> {
    const g = this.#groups.get(orderGroupId);
    if (g === undefined || g.userId !== userId) return fail(404, 'not_found', 'order group not found');
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    if (
      !Number.isSafeInteger(contractsLimitUnits) ||
      contractsLimitUnits < MIN_GROUP_LIMIT ||
      contractsLimitUnits > MAX_GROUP_LIMIT
    )
      return fail(400, 'invalid_parameters', 'contracts_limit must be between 1 and 1,000,000');
    g.limit = contractsLimitUnits;
    this.#emitGroup(g, 'limit_updated', true);
    if (!g.triggered && this.#rolling(g, this.#now()) >= g.limit) this.#trigger(g);
    return { ok: true };
  }

  // -------------------------------------------------------------------------------------------
  // Status, lifecycle, time
  // -------------------------------------------------------------------------------------------

  /**
   * Sets the exchange-wide pause flags.
   *
   * @remarks Entering a trading or exchange pause cancels every resting order with
   * `cancelOrderOnPause`; other resting orders survive.
   */
  setExchangeStatus(status: Partial<ExchangeStatus>): void {
    const before = this.#status;
    const next: ExchangeStatus = {
      exchangeActive: status.exchangeActive ?? before.exchangeActive,
      tradingActive: status.tradingActive ?? before.tradingActive,
    };
    if (next.exchangeActive === before.exchangeActive && next.tradingActive === before.tradingActive) return;
    this.#status = next;
    const wasRunning = before.exchangeActive && before.tradingActive;
    const isRunning = next.exchangeActive && next.tradingActive;
    const now = this.#now();
    if (wasRunning && !isRunning) {
      for (const a of this.#accounts.values())
        for (const o of [...a.resting])
          if (o.cancelOrderOnPause) this.#removeResting(o, 'PauseCanceled', now);
    }
    this.emit('exchangeStatusChanged', { status: { ...next }, tsMs: now });
  }

  /** Pauses one market (`inactive`, WS `deactivated`); cancel-on-pause orders are cancelled. */
  deactivateMarket(ticker: string): EngineResult<object> {
    const m = this.#markets.get(ticker);
    if (m === undefined) return fail(404, 'not_found', `market ${ticker} not found`);
    if (m.state.status !== 'active') return fail(409, 'market_inactive', 'market is not active');
    m.state.status = 'inactive';
    const now = this.#now();
    this.#forEachResting(m, (o) => {
      if (o.cancelOrderOnPause) this.#removeResting(o, 'PauseCanceled', now);
    });
    this.#lifecycle(m.state, 'deactivated');
    return { ok: true };
  }

  /** Reactivates a paused market (WS `activated`); all its resting orders are cancelled. */
  activateMarket(ticker: string): EngineResult<object> {
    const m = this.#markets.get(ticker);
    if (m === undefined) return fail(404, 'not_found', `market ${ticker} not found`);
    if (m.state.status !== 'inactive') return fail(409, 'market_inactive', 'market is not paused');
    const now = this.#now();
    this.#forEachResting(m, (o) => this.#removeResting(o, 'MarketReactivated', now));
    m.state.status = 'active';
    this.#lifecycle(m.state, 'activated');
    return { ok: true };
  }

  /**
   * Moves a market's close time (WS `close_date_updated`); a later close reopens a closed market.
   */
  updateCloseTime(ticker: string, closeTimeMs: number): EngineResult<object> {
    const m = this.#markets.get(ticker);
    if (m === undefined) return fail(404, 'not_found', `market ${ticker} not found`);
    const s = m.state;
    if (s.status === 'determined' || s.status === 'finalized')
      return fail(409, 'market_closed', 'market is already determined');
    if (!Number.isSafeInteger(closeTimeMs) || closeTimeMs <= s.openTimeMs)
      return fail(400, 'invalid_parameters', 'close must follow open');
    s.closeTimeMs = closeTimeMs;
    this.#lifecycle(s, 'close_date_updated');
    const now = this.#now();
    if (s.status === 'closed' && closeTimeMs > now && now >= s.openTimeMs) {
      s.status = 'active';
      this.#lifecycle(s, 'activated');
    }
    this.tick();
    return { ok: true };
  }

  /**
   * Sets a closed market's result (WS `determined`); settlement follows after the market's
   * settlement timer, on {@link Exchange.tick}.
   *
   * @param expirationValue - The underlying value used, e.g. `"6702.13"`.
   */
  determineMarket(
    ticker: string,
    result: EngineMarketResult,
    expirationValue?: string,
  ): EngineResult<object> {
    const m = this.#markets.get(ticker);
    if (m === undefined) return fail(404, 'not_found', `market ${ticker} not found`);
    this.tick();
    if (m.state.status !== 'closed')
      return fail(409, 'market_inactive', 'only a closed market can be determined');
    if (result !== 'yes' && result !== 'no')
      return fail(400, 'invalid_parameters', 'result must be yes or no');
    m.state.status = 'determined';
    m.state.result = result;
    m.state.determinedTimeMs = this.#now();
    if (expirationValue !== undefined) m.state.expirationValue = expirationValue;
    this.#lifecycle(m.state, 'determined');
    this.tick();
    return { ok: true };
  }

  /**
   * Advances time-driven state to the clock's now: opens markets, cancels expired orders,
   * closes markets (cancelling their resting orders) and settles determined markets whose
   * timer ran out.
   *
   * @remarks Call it from a timer (the server) or from the world's step. Idempotent.
   */
  tick(): void {
    const now = this.#now();
    if (this.#expiring.size > 0) {
      for (const o of this.#expiring) {
        if (o.status !== 'resting') this.#expiring.delete(o);
        else if (o.expirationTimeMs !== undefined && o.expirationTimeMs <= now)
          this.#removeResting(o, 'Expired', now);
      }
    }
    for (const m of this.#markets.values()) {
      const s = m.state;
      if (s.status === 'initialized' && now >= s.openTimeMs && now < s.closeTimeMs) s.status = 'active';
      if (
        (s.status === 'active' || s.status === 'inactive' || s.status === 'initialized') &&
        now >= s.closeTimeMs
      ) {
        s.status = 'closed';
        this.#forEachResting(m, (o) => this.#removeResting(o, 'MarketClosed', now));
      }
      if (
        s.status === 'determined' &&
        s.determinedTimeMs !== undefined &&
        now >= s.determinedTimeMs + s.settlementTimerSeconds * 1000
      )
        this.#settle(m, now);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Internals: matching
  // -------------------------------------------------------------------------------------------

  #crosses(m: MarketRecord, outcome: EngineOutcomeSide, ownPrice: number): boolean {
    const opp = outcome === 'yes' ? m.no : m.yes;
    return opp.best > 0 && opp.best >= ONE_DOLLAR - ownPrice;
  }

  #fillableExcludingOwn(m: MarketRecord, o: OrderNode): number {
    const opp = o.outcomeSide === 'yes' ? m.no : m.yes;
    const limit = ONE_DOLLAR - o.ownPriceUnits;
    let total = 0;
    for (let p = opp.best; p >= limit && p > 0; p--) {
      const level = opp.levels[p];
      if (level === undefined || level.head === null) continue;
      for (let n: OrderNode | null = level.head; n !== null; n = n.next) {
        if (n.userId !== o.userId) total += n.remainingCountUnits;
        if (total >= o.remainingCountUnits) return total;
      }
    }
    return total;
  }

  /** Matches `t` against the opposite ladder; leaves `t.remainingCountUnits` unfilled. */
  #match(m: MarketRecord, t: OrderNode, fills: EngineFill[], now: number): void {
    const opp = t.outcomeSide === 'yes' ? m.no : m.yes;
    const limit = ONE_DOLLAR - t.ownPriceUnits;
    while (t.remainingCountUnits > 0 && opp.best > 0 && opp.best >= limit) {
      const price = opp.best;
      const level = opp.levels[price];
      let mk = level?.head ?? null;
      while (mk !== null && t.remainingCountUnits > 0) {
        const next: OrderNode | null = mk.next;
        if (mk.userId === t.userId) {
          if (t.selfTradePreventionType === 'taker_at_cross') {
            t.lastUpdateReason = 'SelfTradeCanceled';
            return;
          }
          this.#removeResting(mk, 'SelfTradeCanceled', now);
          mk = next;
          continue;
        }
        const qty = Math.min(t.remainingCountUnits, mk.remainingCountUnits);
        this.#execute(m, t, mk, qty, price, fills, now);
        // A fill can re-cap (and so unlink) the maker's other reduce-only orders, `next` among them.
        mk = next?.inBook ? next : (opp.levels[price]?.head ?? null);
      }
    }
  }

  #execute(
    m: MarketRecord,
    t: OrderNode,
    mk: OrderNode,
    qty: number,
    makerOwnPrice: number,
    fills: EngineFill[],
    now: number,
  ): void {
    const takerPrice = ONE_DOLLAR - makerOwnPrice;
    const yesPrice = mk.outcomeSide === 'yes' ? makerOwnPrice : takerPrice;
    const tradeId = this.#newId();
    // Maker leaves the book first so the level delta reflects the fill.
    const ladder = mk.outcomeSide === 'yes' ? m.yes : m.no;
    const newLevel = ladder.adjust(makerOwnPrice, -qty);
    mk.remainingCountUnits -= qty;
    mk.fillCountUnits += qty;
    mk.makerFillCostMicros += qty * makerOwnPrice;
    t.remainingCountUnits -= qty;
    t.fillCountUnits += qty;
    t.takerFillCostMicros += qty * takerPrice;
    const takerFee = tradingFeeMicros(qty, takerPrice, true, m.feeType, m.feeMultiplier);
    const makerFee = tradingFeeMicros(qty, makerOwnPrice, false, m.feeType, m.feeMultiplier);
    t.takerFeesMicros += takerFee;
    mk.makerFeesMicros += makerFee;
    this.#feesCollected += takerFee + makerFee;
    this.#emitBook(m, mk.outcomeSide, makerOwnPrice, -qty, newLevel, mk, now);
    if (mk.remainingCountUnits === 0) {
      ladder.unlink(mk);
      (this.#accounts.get(mk.userId) as AccountRecord).resting.delete(mk);
      mk.status = 'executed';
      this.#expiring.delete(mk);
      this.#leaveGroup(mk);
    }
    mk.lastUpdateTimeMs = now;
    mk.lastUpdateReason = 'Filled';
    const makerAcc = this.#accounts.get(mk.userId) as AccountRecord;
    const takerAcc = this.#accounts.get(t.userId) as AccountRecord;
    const makerPos = this.#position(makerAcc, m);
    const takerPos = this.#position(takerAcc, m);
    // The maker's resting aggregate shrinks before its position changes.
    if (mk.outcomeSide === 'yes') {
      makerPos.restYesCount -= qty;
      makerPos.restYesCost -= qty * makerOwnPrice;
    } else {
      makerPos.restNoCount -= qty;
      makerPos.restNoCost -= qty * makerOwnPrice;
    }
    const closedMaker = this.#applyFill(
      makerAcc,
      makerPos,
      mk.outcomeSide,
      makerOwnPrice,
      qty,
      makerFee,
      now,
    );
    const closedTaker = this.#applyFill(takerAcc, takerPos, t.outcomeSide, takerPrice, qty, takerFee, now);
    const s = m.state;
    s.openInterestCountUnits += qty - closedMaker - closedTaker;
    s.volumeCountUnits += qty;
    s.lastPriceUnits = yesPrice;
    s.lastTradeCountUnits = qty;
    s.dollarVolumeMicros += qty * yesPrice;
    const trade: EngineTrade = {
      tradeId,
      ticker: s.ticker,
      yesPriceUnits: yesPrice,
      noPriceUnits: ONE_DOLLAR - yesPrice,
      countUnits: qty,
      takerOutcomeSide: t.outcomeSide,
      takerBookSide: t.bookSide,
      takerUserId: t.userId,
      makerUserId: mk.userId,
      tsMs: now,
    };
    this.#trades.push(trade);
    const makerFill = this.#fill(tradeId, mk, makerPos, yesPrice, qty, false, makerFee, now);
    const takerFill = this.#fill(tradeId, t, takerPos, yesPrice, qty, true, takerFee, now);
    makerAcc.fills.push(makerFill);
    takerAcc.fills.push(takerFill);
    fills.push(takerFill);
    this.#recordGroupVolume(mk, qty, now);
    this.#recordGroupVolume(t, qty, now);
    if (this.listenerCount('tradeExecuted') > 0) this.emit('tradeExecuted', { trade: { ...trade } });
    if (this.listenerCount('orderFilled') > 0) {
      this.emit('orderFilled', { fill: makerFill });
      this.emit('orderFilled', { fill: takerFill });
    }
    this.#emitOrder(mk, 'Filled');
    this.#emitPosition(makerPos);
    this.#emitPosition(takerPos);
    this.#emitBalance(makerAcc);
    if (takerAcc !== makerAcc) this.#emitBalance(takerAcc);
    if (closedMaker > 0) this.#recapReduceOnly(makerAcc, makerPos, now);
    if (closedTaker > 0) this.#recapReduceOnly(takerAcc, takerPos, now);
  }

  /** Contracts a reduce-only order on `outcome` may still close: the opposite position's size. */
  #closable(pos: PositionRecord, outcome: EngineOutcomeSide): number {
    return outcome === 'yes' ? Math.max(0, -pos.positionUnits) : Math.max(0, pos.positionUnits);
  }

  /**
   * After a position shrank: caps each resting reduce-only order of the account in that market to
   * the contracts it may still close (decreased in place; cancelled at zero), so it can never flip
   * the position.
   */
  #recapReduceOnly(a: AccountRecord, pos: PositionRecord, now: number): void {
    const over: OrderNode[] = [];
    for (const o of a.resting) {
      if (!o.reduceOnly || o.ticker !== pos.ticker) continue;
      if (o.remainingCountUnits > this.#closable(pos, o.outcomeSide)) over.push(o);
    }
    for (const o of over) {
      const cap = this.#closable(pos, o.outcomeSide);
      if (cap === 0) this.#removeResting(o, 'Canceled', now);
      else this.#shrinkResting(o, cap, 'Decreased', now);
    }
  }

  /**
   * Applies a fill to an account; returns how many contracts closed an opposite position.
   */
  #applyFill(
    a: AccountRecord,
    p: PositionRecord,
    outcome: EngineOutcomeSide,
    price: number,
    qty: number,
    fee: number,
    now: number,
  ): number {
    const sign = outcome === 'yes' ? 1 : -1;
    const P = p.positionUnits;
    let closed = 0;
    if (P !== 0 && Math.sign(P) !== sign) {
      const absP = P < 0 ? -P : P;
      closed = Math.min(qty, absP);
      const basis = closed === absP ? p.positionCostMicros : mulDivFloor(p.positionCostMicros, closed, absP);
      const proceeds = closed * (ONE_DOLLAR - price);
      a.cash += proceeds;
      p.realizedPnlMicros += proceeds - basis;
      p.positionCostMicros -= basis;
      p.positionUnits += sign * closed;
    }
    const opened = qty - closed;
    if (opened > 0) {
      a.cash -= opened * price;
      p.positionCostMicros += opened * price;
      p.positionUnits += sign * opened;
    }
    a.cash -= fee;
    p.feesPaidMicros += fee;
    p.volumeUnits += qty;
    p.totalTradedMicros += qty * price;
    p.lastUpdatedMs = now;
    this.#refreshHold(a, p);
    return closed;
  }

  #fill(
    tradeId: string,
    o: OrderNode,
    p: PositionRecord,
    yesPrice: number,
    qty: number,
    isTaker: boolean,
    fee: number,
    now: number,
  ): EngineFill {
    return {
      fillId: tradeId,
      tradeId,
      orderId: o.orderId,
      clientOrderId: o.clientOrderId,
      userId: o.userId,
      subaccount: o.subaccount,
      ticker: o.ticker,
      bookSide: o.bookSide,
      outcomeSide: o.outcomeSide,
      yesPriceUnits: yesPrice,
      noPriceUnits: ONE_DOLLAR - yesPrice,
      countUnits: qty,
      isTaker,
      feeMicros: fee,
      postPositionUnits: p.positionUnits,
      tsMs: now,
    };
  }

  /** After matching: rest a GTC remainder, cancel an IoC/FoK/self-trade remainder. */
  #afterTaker(
    m: MarketRecord,
    o: OrderNode,
    group: GroupRecord | undefined,
    now: number,
    restReason: OrderUpdateReason = 'Created',
  ): void {
    if (o.remainingCountUnits === 0) {
      this.#finish(o, 'executed', 'Filled', now);
      return;
    }
    if (o.lastUpdateReason === 'SelfTradeCanceled') {
      this.#finish(o, 'canceled', 'SelfTradeCanceled', now);
      return;
    }
    if (o.timeInForce !== 'good_till_canceled') {
      this.#finish(
        o,
        'canceled',
        o.timeInForce === 'fill_or_kill' ? 'FokNotFilled' : 'IocRemainderCanceled',
        now,
      );
      return;
    }
    // A group that triggered during this order's own fills does not get a new resting order.
    if (group?.triggered) {
      this.#finish(o, 'canceled', 'OrderGroupTriggered', now);
      return;
    }
    const ladder = o.outcomeSide === 'yes' ? m.yes : m.no;
    ladder.append(o);
    const account = this.#accounts.get(o.userId) as AccountRecord;
    account.resting.add(o);
    const pos = this.#position(account, m);
    if (o.outcomeSide === 'yes') {
      pos.restYesCount += o.remainingCountUnits;
      pos.restYesCost += o.remainingCountUnits * o.ownPriceUnits;
    } else {
      pos.restNoCount += o.remainingCountUnits;
      pos.restNoCost += o.remainingCountUnits * o.ownPriceUnits;
    }
    this.#refreshHold(account, pos);
    if (o.expirationTimeMs !== undefined) this.#expiring.add(o);
    if (group) group.orders.add(o);
    o.status = 'resting';
    o.lastUpdateTimeMs = now;
    o.lastUpdateReason = restReason;
    this.#emitBook(
      m,
      o.outcomeSide,
      o.ownPriceUnits,
      o.remainingCountUnits,
      ladder.countAt(o.ownPriceUnits),
      o,
      now,
    );
    this.#emitOrder(o, restReason);
    this.#emitBalance(account);
  }

  /** Marks a non-resting order terminal (it never rested or was already unlinked). */
  #finish(o: OrderNode, status: 'executed' | 'canceled', reason: OrderUpdateReason, now: number): void {
    o.status = status;
    o.lastUpdateTimeMs = now;
    o.lastUpdateReason = reason;
    if (status === 'canceled') o.remainingCountUnits = 0;
    this.#emitOrder(o, reason);
  }

  /** Takes a resting order out of the book (for an amend), without a status change. */
  #unrest(m: MarketRecord, o: OrderNode, now: number): void {
    const ladder = o.outcomeSide === 'yes' ? m.yes : m.no;
    const qty = o.remainingCountUnits;
    const left = ladder.adjust(o.ownPriceUnits, -qty);
    ladder.unlink(o);
    const account = this.#accounts.get(o.userId) as AccountRecord;
    account.resting.delete(o);
    const pos = this.#position(account, m);
    this.#subtractRest(pos, o, qty);
    this.#refreshHold(account, pos);
    this.#emitBook(m, o.outcomeSide, o.ownPriceUnits, -qty, left, o, now);
  }

  /** Cancels a resting order with a reason. */
  #removeResting(o: OrderNode, reason: OrderUpdateReason, now: number): void {
    if (o.status !== 'resting') return;
    const m = this.#markets.get(o.ticker) as MarketRecord;
    this.#unrest(m, o, now);
    o.remainingCountUnits = 0;
    o.status = 'canceled';
    o.lastUpdateTimeMs = now;
    o.lastUpdateReason = reason;
    this.#expiring.delete(o);
    this.#leaveGroup(o);
    this.#emitOrder(o, reason);
    this.#emitBalance(this.#accounts.get(o.userId) as AccountRecord);
  }

  /** Reduces a resting order in place (keeps priority). */
  #shrinkResting(o: OrderNode, newRemaining: number, reason: OrderUpdateReason, now: number): void {
    const m = this.#markets.get(o.ticker) as MarketRecord;
    const ladder = o.outcomeSide === 'yes' ? m.yes : m.no;
    const by = o.remainingCountUnits - newRemaining;
    const left = ladder.adjust(o.ownPriceUnits, -by);
    o.remainingCountUnits = newRemaining;
    const account = this.#accounts.get(o.userId) as AccountRecord;
    const pos = this.#position(account, m);
    this.#subtractRest(pos, o, by);
    this.#refreshHold(account, pos);
    this.#emitBook(m, o.outcomeSide, o.ownPriceUnits, -by, left, o, now);
    this.#touch(o, reason, now);
    this.#emitBalance(account);
  }

  #touch(o: OrderNode, reason: OrderUpdateReason, now: number): void {
    o.lastUpdateTimeMs = now;
    o.lastUpdateReason = reason;
    this.#emitOrder(o, reason);
  }

  #subtractRest(pos: PositionRecord, o: OrderNode, qty: number): void {
    if (o.outcomeSide === 'yes') {
      pos.restYesCount -= qty;
      pos.restYesCost -= qty * o.ownPriceUnits;
    } else {
      pos.restNoCount -= qty;
      pos.restNoCost -= qty * o.ownPriceUnits;
    }
  }

  #forEachResting(m: MarketRecord, fn: (o: OrderNode) => void): void {
    const all: OrderNode[] = [];
    for (const ladder of [m.yes, m.no]) {
      for (let p = ladder.best; p > 0; p--) {
        for (let n = ladder.levels[p]?.head ?? null; n !== null; n = n.next) all.push(n);
      }
    }
    for (const o of all) fn(o);
  }

  #ownedResting(userId: string, orderId: string): { ok: true; order: OrderNode } | ReturnType<typeof fail> {
    if (!this.#status.exchangeActive) return fail(503, 'exchange_paused', 'exchange is paused');
    const o = this.#orders.get(orderId);
    if (o === undefined || o.userId !== userId) return fail(404, 'not_found', `order ${orderId} not found`);
    const m = this.#markets.get(o.ticker) as MarketRecord;
    const closed = this.#marketClosedError(m, this.#now());
    if (closed) return closed;
    if (o.status !== 'resting') return fail(404, 'not_found', `order ${orderId} is ${o.status}`);
    return { ok: true, order: o };
  }

  #marketClosedError(m: MarketRecord, now: number): ReturnType<typeof fail> | undefined {
    const st = m.state.status;
    if (st === 'closed' || st === 'determined' || st === 'finalized' || now >= m.state.closeTimeMs)
      return fail(409, 'market_closed', `market ${m.state.ticker} is closed`);
    return undefined;
  }

  #priceError(m: MarketRecord, price: number): ReturnType<typeof fail> | undefined {
    if (!Number.isSafeInteger(price) || price <= 0 || price >= ONE_DOLLAR)
      return fail(400, 'invalid_order', 'price must be strictly between 0 and 1', 'invalid price');
    for (const r of m.state.priceRanges) {
      if (price >= r.startUnits && price <= r.endUnits && (price - r.startUnits) % r.stepUnits === 0)
        return undefined;
    }
    return fail(400, 'invalid_order', 'price is not on the market price grid', 'invalid price');
  }

  #collateralError(
    a: AccountRecord,
    pos: PositionRecord,
    outcome: EngineOutcomeSide,
    ownPrice: number,
    count: number,
    removeCount: number,
    removeCost: number,
  ): ReturnType<typeof fail> | undefined {
    const before = pos.restingOrderValueMicros;
    if (outcome === 'yes') {
      pos.restYesCount += count - removeCount;
      pos.restYesCost += count * ownPrice - removeCost;
    } else {
      pos.restNoCount += count - removeCount;
      pos.restNoCost += count * ownPrice - removeCost;
    }
    const after = holdOf(pos);
    if (outcome === 'yes') {
      pos.restYesCount -= count - removeCount;
      pos.restYesCost -= count * ownPrice - removeCost;
    } else {
      pos.restNoCount -= count - removeCount;
      pos.restNoCost -= count * ownPrice - removeCost;
    }
    // The worst taker fee: fills happen at outcome prices up to the limit, and P(1-P) peaks at 0.5.
    const m = this.#markets.get(pos.ticker) as MarketRecord;
    // Closing contracts pay out more than their fee (fee < 0.07 x (1 - x) < proceeds), so only the
    // opening part reserves a fee.
    const feePrice = Math.min(ownPrice, 5_000);
    const closable = outcome === 'yes' ? Math.max(0, -pos.positionUnits) : Math.max(0, pos.positionUnits);
    const opening = count > closable ? count - closable : 0;
    const feeReserve = tradingFeeMicros(opening, feePrice, true, m.feeType, m.feeMultiplier);
    const need = after - before + feeReserve;
    if (need > 0 && need > a.cash - a.held)
      return fail(400, 'available_balance_too_low', 'available balance too low for this order');
    return undefined;
  }

  #refreshHold(a: AccountRecord, p: PositionRecord): void {
    const h = holdOf(p);
    a.held += h - p.restingOrderValueMicros;
    p.restingOrderValueMicros = h;
  }

  #settle(m: MarketRecord, now: number): void {
    const s = m.state;
    const result = s.result as EngineMarketResult;
    const value = result === 'yes' ? ONE_DOLLAR : 0;
    for (const p of m.positions.values()) {
      const a = this.#accounts.get(p.userId) as AccountRecord;
      if (p.positionUnits === 0) continue;
      const yesCount = Math.max(p.positionUnits, 0);
      const noCount = p.positionUnits < 0 ? -p.positionUnits : 0;
      const revenue = result === 'yes' ? yesCount * ONE_DOLLAR : noCount * ONE_DOLLAR;
      const record: EngineSettlement = {
        userId: p.userId,
        ticker: s.ticker,
        eventTicker: s.eventTicker,
        marketResult: result,
        yesCountUnits: yesCount,
        yesTotalCostMicros: yesCount > 0 ? p.positionCostMicros : 0,
        noCountUnits: noCount,
        noTotalCostMicros: noCount > 0 ? p.positionCostMicros : 0,
        revenueMicros: revenue,
        feeCostMicros: 0,
        valueUnits: value,
        settledTimeMs: now,
      };
      a.cash += revenue;
      p.realizedPnlMicros += revenue - p.positionCostMicros;
      p.positionCostMicros = 0;
      p.positionUnits = 0;
      p.lastUpdatedMs = now;
      this.#refreshHold(a, p);
      a.settlements.push(record);
      this.#emitPosition(p);
      this.#emitBalance(a);
    }
    s.openInterestCountUnits = 0;
    s.status = 'finalized';
    s.settledTimeMs = now;
    this.#lifecycle(s, 'settled');
  }

  // -------------------------------------------------------------------------------------------
  // Internals: groups
  // -------------------------------------------------------------------------------------------

  #rolling(g: GroupRecord, now: number): number {
    const cutoff = now - this.#windowMs;
    while (g.windowHead < g.windowTs.length && (g.windowTs[g.windowHead] as number) <= cutoff) {
      g.windowSum -= g.windowCount[g.windowHead] as number;
      g.windowHead++;
    }
    if (g.windowHead > 1024 && g.windowHead * 2 > g.windowTs.length) {
      g.windowTs.splice(0, g.windowHead);
      g.windowCount.splice(0, g.windowHead);
      g.windowHead = 0;
    }
    return g.windowSum;
  }

  #recordGroupVolume(o: OrderNode, qty: number, now: number): void {
    if (o.orderGroupId === '') return;
    const g = this.#groups.get(o.orderGroupId);
    if (g === undefined) return;
    g.windowTs.push(now);
    g.windowCount.push(qty);
    g.windowSum += qty;
    if (!g.triggered && this.#rolling(g, now) >= g.limit) this.#pendingGroupChecks.push(g);
  }

  #runGroupChecks(): void {
    if (this.#pendingGroupChecks.length === 0) return;
    const pending = this.#pendingGroupChecks;
    this.#pendingGroupChecks = [];
    for (const g of pending) if (!g.triggered && this.#groups.has(g.orderGroupId)) this.#trigger(g);
  }

  #trigger(g: GroupRecord): void {
    g.triggered = true;
    this.#cancelGroupOrders(g, 'OrderGroupTriggered');
    this.#emitGroup(g, 'triggered', false);
  }

  #cancelGroupOrders(g: GroupRecord, reason: OrderUpdateReason): void {
    const now = this.#now();
    for (const o of [...g.orders]) this.#removeResting(o, reason, now);
    g.orders.clear();
  }

  #leaveGroup(o: OrderNode): void {
    if (o.orderGroupId === '') return;
    this.#groups.get(o.orderGroupId)?.orders.delete(o);
  }

  #groupView(g: GroupRecord): EngineOrderGroup {
    return {
      orderGroupId: g.orderGroupId,
      userId: g.userId,
      contractsLimitUnits: g.limit,
      isTriggered: g.triggered,
      isAutoCancelEnabled: true,
      restingOrderIds: [...g.orders].map((o) => o.orderId),
      rollingMatchedUnits: this.#rolling(g, this.#now()),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Internals: accounts and events
  // -------------------------------------------------------------------------------------------

  #account(userId: string): AccountRecord {
    let a = this.#accounts.get(userId);
    if (a === undefined) {
      a = {
        userId,
        cash: 0,
        held: 0,
        positions: new Map(),
        clientOrderIds: new Set(),
        resting: new Set(),
        orders: [],
        fills: [],
        settlements: [],
      };
      this.#accounts.set(userId, a);
    }
    return a;
  }

  #position(a: AccountRecord, m: MarketRecord): PositionRecord {
    let p = a.positions.get(m.state.ticker);
    if (p === undefined) {
      p = {
        userId: a.userId,
        ticker: m.state.ticker,
        eventTicker: m.state.eventTicker,
        positionUnits: 0,
        positionCostMicros: 0,
        realizedPnlMicros: 0,
        feesPaidMicros: 0,
        volumeUnits: 0,
        totalTradedMicros: 0,
        restingOrderValueMicros: 0,
        lastUpdatedMs: this.#now(),
        restYesCount: 0,
        restYesCost: 0,
        restNoCount: 0,
        restNoCost: 0,
      };
      a.positions.set(m.state.ticker, p);
      m.positions.set(a.userId, p);
    }
    return p;
  }

  #balanceOf(a: AccountRecord): EngineBalance {
    let value = 0;
    for (const p of a.positions.values()) {
      if (p.positionUnits === 0) continue;
      const m = this.#markets.get(p.ticker) as MarketRecord;
      const last = m.state.lastPriceUnits;
      value += p.positionUnits > 0 ? p.positionUnits * last : -p.positionUnits * (ONE_DOLLAR - last);
    }
    return {
      userId: a.userId,
      cashMicros: a.cash,
      restingOrderValueMicros: a.held,
      availableMicros: a.cash - a.held,
      positionsValueMicros: value,
    };
  }

  #outcome(o: OrderNode, fills: EngineFill[]): CreateOrderOutcome {
    const out: CreateOrderOutcome = { order: copyOrder(o), fills };
    if (o.fillCountUnits > 0) {
      // Average outcome price paid as taker, rounded to the nearest price unit.
      out.averageFillPriceUnits = Math.round(o.takerFillCostMicros / o.fillCountUnits);
      out.averageFeePaidMicros = Math.round((o.takerFeesMicros * 100) / o.fillCountUnits);
    }
    return out;
  }

  #emitBook(
    m: MarketRecord,
    side: EngineOutcomeSide,
    price: number,
    delta: number,
    newCount: number,
    o: OrderNode,
    now: number,
  ): void {
    if (delta === 0 || this.listenerCount('bookChanged') === 0) return;
    this.emit('bookChanged', {
      ticker: m.state.ticker,
      marketId: m.state.marketId,
      side,
      priceUnits: price,
      deltaUnits: delta,
      newCountUnits: newCount,
      userId: o.userId,
      clientOrderId: o.clientOrderId,
      subaccount: o.subaccount,
      tsMs: now,
    });
  }

  #emitOrder(o: OrderNode, reason: OrderUpdateReason): void {
    if (this.listenerCount('orderUpdated') > 0) this.emit('orderUpdated', { order: copyOrder(o), reason });
  }

  #emitPosition(p: PositionRecord): void {
    if (this.listenerCount('positionUpdated') > 0)
      this.emit('positionUpdated', { position: copyPosition(p) });
  }

  #emitBalance(a: AccountRecord): void {
    if (this.listenerCount('balanceUpdated') > 0)
      this.emit('balanceUpdated', { balance: this.#balanceOf(a) });
  }

  #emitGroup(
    g: GroupRecord,
    eventType: 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated',
    withLimit: boolean,
  ) {
    if (this.listenerCount('orderGroupUpdated') === 0) return;
    const ev: ExchangeEvents['orderGroupUpdated'][0] = {
      userId: g.userId,
      orderGroupId: g.orderGroupId,
      eventType,
      tsMs: this.#now(),
    };
    if (withLimit) ev.contractsLimitUnits = g.limit;
    this.emit('orderGroupUpdated', ev);
  }

  #lifecycle(s: MarketState, eventType: ExchangeEvents['marketLifecycle'][0]['eventType']): void {
    if (this.listenerCount('marketLifecycle') > 0)
      this.emit('marketLifecycle', { ticker: s.ticker, eventType, market: copyMarket(s), tsMs: this.#now() });
  }
}
