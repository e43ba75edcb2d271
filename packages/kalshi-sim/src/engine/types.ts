/**
 * Domain types of the simulator's matching engine ({@link Exchange}), in integer units.
 *
 * Units everywhere in the engine:
 * - prices: integer $0.0001 units (10,000 = $1), always the YES price unless the name says `no`;
 * - counts: integer hundredths of a contract (100 = 1 contract);
 * - money: integer micro-dollars (price units x count units = micro-dollars exactly);
 * - times: sim-clock Unix milliseconds (`...Ms`).
 *
 * The REST/WebSocket server converts these to Kalshi's wire strings with the SDK's fixed-point
 * helpers; the engine never parses or formats dollar strings.
 *
 * @module
 */
import type { CountUnits, Micros, PriceUnits } from '@mnquants/kalshi-sdk';

/** The YES-book side of an order: `bid` buys YES, `ask` sells YES (buys NO at 1 - price). */
export type EngineBookSide = 'bid' | 'ask';
/** The outcome an order buys or a position holds. */
export type EngineOutcomeSide = 'yes' | 'no';
/** Time in force of an order. */
export type EngineTimeInForce = 'good_till_canceled' | 'immediate_or_cancel' | 'fill_or_kill';
/** Self-trade prevention mode (Kalshi's names). */
export type EngineSelfTradePrevention = 'taker_at_cross' | 'maker';
/** Order status (Kalshi's names). */
export type EngineOrderStatus = 'resting' | 'canceled' | 'executed';
/** Market status (Kalshi's names; `disputed` and `amended` are not simulated). */
export type EngineMarketStatus =
  | 'initialized'
  | 'inactive'
  | 'active'
  | 'closed'
  | 'determined'
  | 'finalized';
/** Market result once determined. */
export type EngineMarketResult = 'yes' | 'no';
/** How a series charges trading fees (Kalshi's `fee_type`). */
export type EngineFeeType = 'quadratic' | 'quadratic_with_maker_fees' | 'flat';
/** Strike type of a market (subset of Kalshi's `strike_type` used by the simulator). */
export type EngineStrikeType = 'greater' | 'greater_or_equal' | 'less' | 'less_or_equal' | 'between';

/**
 * Why an order was last updated.
 *
 * @remarks Mirrors Kalshi's `last_update_reason` where one exists (`PostOnlyCrossCancel`); the
 * others are the simulator's own labels.
 */
export type OrderUpdateReason =
  | 'Created'
  | 'Filled'
  | 'Canceled'
  | 'Decreased'
  | 'Amended'
  | 'Expired'
  | 'IocRemainderCanceled'
  | 'FokNotFilled'
  | 'SelfTradeCanceled'
  | 'PostOnlyCrossCancel'
  | 'OrderGroupTriggered'
  | 'MarketClosed'
  | 'MarketReactivated'
  | 'PauseCanceled';

/**
 * Error codes returned in {@link EngineError}; Kalshi's codes where Kalshi has one.
 */
export type EngineErrorCode =
  | 'invalid_order'
  | 'invalid_order_size'
  | 'invalid_parameters'
  | 'not_found'
  | 'market_closed'
  | 'market_inactive'
  | 'trading_paused'
  | 'exchange_paused'
  | 'available_balance_too_low'
  | 'order_already_exists'
  | 'order_side_mismatch'
  | 'order_ticker_mismatch'
  | 'order_group_triggered'
  | 'order_group_limit_reached';

/** HTTP status the server should answer with for an {@link EngineError}. */
export type EngineErrorStatus = 400 | 404 | 409 | 503;

/**
 * A rejected engine operation, ready to be sent as Kalshi's REST error body.
 *
 * @remarks The server answers `status` with `{"error": {code, message, details?}}`.
 */
export interface EngineError {
  /** HTTP status to answer with. */
  status: EngineErrorStatus;
  /** Kalshi-style error code. */
  code: EngineErrorCode;
  /** Human-readable message. */
  message: string;
  /** Extra detail (e.g. `post only cross`). */
  details?: string;
}

/** The result of an engine operation: a value or an {@link EngineError}, never an exception. */
export type EngineResult<T> = ({ ok: true } & T) | { ok: false; error: EngineError };

/** A band of a market's price grid in price units (`start` and `end` inclusive). */
export interface PriceRangeUnits {
  /** Lowest price of the band. */
  startUnits: PriceUnits;
  /** Highest price of the band. */
  endUnits: PriceUnits;
  /** Tick size within the band. */
  stepUnits: PriceUnits;
}

/** Kalshi's `linear_cent` grid: $0 to $1 in steps of $0.01. */
export const LINEAR_CENT_RANGES: readonly PriceRangeUnits[] = Object.freeze([
  Object.freeze({ startUnits: 0, endUnits: 10_000, stepUnits: 100 }),
]);

/** A series known to the exchange (Kalshi's Series fields, camelCase). */
export interface SeriesDefinition {
  /** Series ticker, e.g. `KXINX`. */
  ticker: string;
  /** Title. */
  title: string;
  /** Category, e.g. `Financials`. */
  category: string;
  /** Free-text frequency, e.g. `daily`. */
  frequency: string;
  /** Fee schedule. */
  feeType: EngineFeeType;
  /** Fee multiplier (1 = the published schedule). */
  feeMultiplier: number;
  /** Tags. */
  tags: string[];
  /** Settlement sources. */
  settlementSources: { name: string; url: string }[];
  /** Contract URL. */
  contractUrl: string;
  /** Contract terms URL. */
  contractTermsUrl: string;
}

/** An event known to the exchange (Kalshi's EventData fields, camelCase). */
export interface EventDefinition {
  /** Event ticker, e.g. `KXINX-26MAR13H1600`. */
  eventTicker: string;
  /** Parent series ticker. */
  seriesTicker: string;
  /** Title. */
  title: string;
  /** Subtitle. */
  subTitle: string;
  /** `MECNET` for partitions, `DIRECNET` for ladders. */
  collateralReturnType: 'MECNET' | 'DIRECNET' | '';
  /** Whether exactly one market resolves YES. */
  mutuallyExclusive: boolean;
  /** Strike date (sim ms), if any. */
  strikeDateMs?: number;
  /** Strike period label, if any. */
  strikePeriod?: string;
}

/** Static definition of a market, given to {@link ExchangeApi.addMarket}. */
export interface MarketDefinition {
  /** Market ticker. */
  ticker: string;
  /** Parent event ticker (the event must exist). */
  eventTicker: string;
  /** Title. */
  title: string;
  /** Subtitle (deprecated by Kalshi but still returned). */
  subtitle: string;
  /** YES subtitle, e.g. `6,675 to 6,699.9999`. */
  yesSubTitle: string;
  /** NO subtitle. */
  noSubTitle: string;
  /** Primary rules text. */
  rulesPrimary: string;
  /** Secondary rules text. */
  rulesSecondary: string;
  /** Strike type. */
  strikeType: EngineStrikeType;
  /** Floor strike (index level), if any. */
  floorStrike?: number;
  /** Cap strike (index level), if any. */
  capStrike?: number;
  /** Custom strike object, e.g. `{ Index: 'S&P 500' }`. */
  customStrike?: Record<string, string>;
  /** Opening time (sim ms); the market becomes `active` at this time. */
  openTimeMs: number;
  /** Closing time (sim ms); trading stops and resting orders are cancelled. */
  closeTimeMs: number;
  /** Expected expiration time (sim ms). */
  expectedExpirationTimeMs: number;
  /** Latest expiration time (sim ms). */
  latestExpirationTimeMs: number;
  /** Seconds between determination and settlement. */
  settlementTimerSeconds: number;
  /** Kalshi's price level structure label, e.g. `linear_cent`. */
  priceLevelStructure: string;
  /** The price grid. */
  priceRanges: readonly PriceRangeUnits[];
  /** Whether the market can close early. */
  canCloseEarly: boolean;
}

/** A market's live state: its definition plus status, result and trading statistics. */
export interface MarketState extends MarketDefinition {
  /** Stable market id (UUID). */
  marketId: string;
  /** Series ticker (from the event). */
  seriesTicker: string;
  /** Current status. */
  status: EngineMarketStatus;
  /** Creation time (sim ms). */
  createdTimeMs: number;
  /** Result once determined. */
  result?: EngineMarketResult;
  /** Underlying value used for determination, as a string (Kalshi's `expiration_value`). */
  expirationValue?: string;
  /** Determination time (sim ms). */
  determinedTimeMs?: number;
  /** Settlement time (sim ms). */
  settledTimeMs?: number;
  /** Last trade YES price (0 when no trade yet). */
  lastPriceUnits: PriceUnits;
  /** Size of the last trade. */
  lastTradeCountUnits: CountUnits;
  /** Total contracts traded. */
  volumeCountUnits: CountUnits;
  /** Open interest (contracts held long YES = long NO). */
  openInterestCountUnits: CountUnits;
  /** Total traded notional in micro-dollars (YES price x count). */
  dollarVolumeMicros: Micros;
}

/** Best bid/ask of a market in YES terms, with sizes. */
export interface TopOfBook {
  /** Best YES bid (0 when none). */
  yesBidUnits: PriceUnits;
  /** Size at the best YES bid. */
  yesBidCountUnits: CountUnits;
  /** Best YES ask = 1 - best NO bid (10,000 when none). */
  yesAskUnits: PriceUnits;
  /** Size at the best YES ask. */
  yesAskCountUnits: CountUnits;
}

/** One price level of a book side: price in that side's own terms (NO levels in NO prices). */
export interface BookLevel {
  /** Price in the side's own terms. */
  priceUnits: PriceUnits;
  /** Total resting count at the level. */
  countUnits: CountUnits;
}

/** A book snapshot: bids only for each side, ascending by price (best last), like Kalshi. */
export interface BookSnapshot {
  /** Market ticker. */
  ticker: string;
  /** YES bids, ascending. */
  yes: BookLevel[];
  /** NO bids in NO prices, ascending. */
  no: BookLevel[];
}

/** A request to create an order (Kalshi's V2 create-order request, in integer units). */
export interface CreateOrderParams {
  /** Market ticker. */
  ticker: string;
  /** YES-book side: `bid` buys YES at `priceUnits`; `ask` sells YES (buys NO at 1 - price). */
  side: EngineBookSide;
  /** YES price on the market's grid, strictly inside (0, 1). */
  priceUnits: PriceUnits;
  /** Count in hundredths, at least 1. */
  countUnits: CountUnits;
  /** Time in force. */
  timeInForce: EngineTimeInForce;
  /** Self-trade prevention. @defaultValue `'taker_at_cross'` */
  selfTradePreventionType?: EngineSelfTradePrevention;
  /** Idempotency key, unique per user; a duplicate is rejected with 409. */
  clientOrderId?: string;
  /** Good-till-time expiry (sim ms); only with GTC and must be in the future. */
  expirationTimeMs?: number;
  /** Reject instead of taking liquidity. @defaultValue false */
  postOnly?: boolean;
  /** Cap the size by the current position and only reduce it. @defaultValue false */
  reduceOnly?: boolean;
  /** Cancel the order when a trading or exchange pause starts. @defaultValue false */
  cancelOrderOnPause?: boolean;
  /** Order group to attach to (must belong to the same user). */
  orderGroupId?: string;
  /** Subaccount number (recorded on the order; accounts are per user). @defaultValue 0 */
  subaccount?: number;
}

/** A request to amend an order (Kalshi's V2 amend, in integer units). */
export interface AmendOrderParams {
  /** Must equal the order's ticker. */
  ticker: string;
  /** Must equal the order's book side. */
  side: EngineBookSide;
  /** New YES price. */
  priceUnits: PriceUnits;
  /** New total count = already filled + desired remaining. */
  countUnits: CountUnits;
  /** Replacement client order id. */
  updatedClientOrderId?: string;
}

/** A request to decrease an order: exactly one of `reduceByUnits` / `reduceToUnits`. */
export type DecreaseOrderParams = { reduceByUnits: CountUnits } | { reduceToUnits: CountUnits };

/** An order as the engine records it (all orders persist, including terminal ones). */
export interface EngineOrder {
  /** Order id (UUID). */
  orderId: string;
  /** Owning user. */
  userId: string;
  /** Client order id ('' when none). */
  clientOrderId: string;
  /** Market ticker. */
  ticker: string;
  /** YES-book side. */
  bookSide: EngineBookSide;
  /** Outcome bought: `yes` for bids, `no` for asks. */
  outcomeSide: EngineOutcomeSide;
  /** YES price. */
  yesPriceUnits: PriceUnits;
  /** NO price (10,000 - YES price). */
  noPriceUnits: PriceUnits;
  /** Status. */
  status: EngineOrderStatus;
  /** Time in force. */
  timeInForce: EngineTimeInForce;
  /** Self-trade prevention. */
  selfTradePreventionType: EngineSelfTradePrevention;
  /** Initial count (after a reduce-only cap); grows or shrinks with amends. */
  initialCountUnits: CountUnits;
  /** Filled count. */
  fillCountUnits: CountUnits;
  /** Remaining (resting or still to fill) count. */
  remainingCountUnits: CountUnits;
  /** Cost of fills where this order was the taker (outcome price x count). */
  takerFillCostMicros: Micros;
  /** Cost of fills where this order was the maker. */
  makerFillCostMicros: Micros;
  /** Fees paid as taker. */
  takerFeesMicros: Micros;
  /** Fees paid as maker. */
  makerFeesMicros: Micros;
  /** Post-only flag. */
  postOnly: boolean;
  /** Reduce-only flag. */
  reduceOnly: boolean;
  /** Cancel-on-pause flag. */
  cancelOrderOnPause: boolean;
  /** Order group id ('' when none). */
  orderGroupId: string;
  /** Subaccount number. */
  subaccount: number;
  /** Good-till-time expiry (sim ms), if any. */
  expirationTimeMs?: number;
  /** Creation time (sim ms). */
  createdTimeMs: number;
  /** Last update time (sim ms). */
  lastUpdateTimeMs: number;
  /** Why the order last changed. */
  lastUpdateReason: OrderUpdateReason;
}

/** One side of a match from one user's point of view (Kalshi's Fill). */
export interface EngineFill {
  /** Fill id (equals the trade id, as on Kalshi). */
  fillId: string;
  /** Trade id. */
  tradeId: string;
  /** The user's order. */
  orderId: string;
  /** The user's client order id ('' when none). */
  clientOrderId: string;
  /** Owning user. */
  userId: string;
  /** Subaccount number of the order. */
  subaccount: number;
  /** Market ticker. */
  ticker: string;
  /** Book side of the user's order. */
  bookSide: EngineBookSide;
  /** Outcome the user bought. */
  outcomeSide: EngineOutcomeSide;
  /** Trade YES price. */
  yesPriceUnits: PriceUnits;
  /** Trade NO price. */
  noPriceUnits: PriceUnits;
  /** Count filled. */
  countUnits: CountUnits;
  /** Whether the user's order was the taker. */
  isTaker: boolean;
  /** Fee charged for this fill. */
  feeMicros: Micros;
  /** The user's position in the market after this fill (+YES / -NO). */
  postPositionUnits: CountUnits;
  /** Time (sim ms). */
  tsMs: number;
}

/** A public trade (Kalshi's Trade). */
export interface EngineTrade {
  /** Trade id. */
  tradeId: string;
  /** Market ticker. */
  ticker: string;
  /** Trade YES price (the resting order's price). */
  yesPriceUnits: PriceUnits;
  /** Trade NO price. */
  noPriceUnits: PriceUnits;
  /** Count. */
  countUnits: CountUnits;
  /** Outcome the taker bought. */
  takerOutcomeSide: EngineOutcomeSide;
  /** Book side of the taker. */
  takerBookSide: EngineBookSide;
  /** Taker user (simulator-only; not on Kalshi's public trade). */
  takerUserId: string;
  /** Maker user (simulator-only). */
  makerUserId: string;
  /** Time (sim ms). */
  tsMs: number;
}

/** A user's netted position in one market (Kalshi's MarketPosition, integer units). */
export interface EnginePosition {
  /** Owning user. */
  userId: string;
  /** Market ticker. */
  ticker: string;
  /** Event ticker. */
  eventTicker: string;
  /** Signed position: + YES contracts, - NO contracts. */
  positionUnits: CountUnits;
  /** Cost basis of the open position (what was paid for it). */
  positionCostMicros: Micros;
  /** Realized P&L (closing trades and settlement), before fees. */
  realizedPnlMicros: Micros;
  /** Fees paid in this market. */
  feesPaidMicros: Micros;
  /** Total contracts traded by the user in this market. */
  volumeUnits: CountUnits;
  /** Total traded notional (outcome price x count). */
  totalTradedMicros: Micros;
  /** Collateral held by the user's resting orders in this market. */
  restingOrderValueMicros: Micros;
  /** Last update (sim ms). */
  lastUpdatedMs: number;
}

/** A user's balances. */
export interface EngineBalance {
  /** Owning user. */
  userId: string;
  /** Cash, including the part held as collateral for resting orders. */
  cashMicros: Micros;
  /** Collateral held for resting orders (Kalshi's `total_resting_order_value`). */
  restingOrderValueMicros: Micros;
  /** Cash free for new orders: `cashMicros - restingOrderValueMicros`. */
  availableMicros: Micros;
  /** Value of open positions marked at the last trade price (Kalshi's `portfolio_value` part). */
  positionsValueMicros: Micros;
}

/** A settlement record for one user and market (Kalshi's Settlement, integer units). */
export interface EngineSettlement {
  /** Owning user. */
  userId: string;
  /** Market ticker. */
  ticker: string;
  /** Event ticker. */
  eventTicker: string;
  /** Result. */
  marketResult: EngineMarketResult;
  /** YES contracts held at settlement. */
  yesCountUnits: CountUnits;
  /** Cost basis of those YES contracts. */
  yesTotalCostMicros: Micros;
  /** NO contracts held at settlement. */
  noCountUnits: CountUnits;
  /** Cost basis of those NO contracts. */
  noTotalCostMicros: Micros;
  /** Payout credited. */
  revenueMicros: Micros;
  /** Settlement fee (always 0 for binary markets). */
  feeCostMicros: Micros;
  /** Payout per YES contract in price units (10,000 or 0). */
  valueUnits: PriceUnits;
  /** Settlement time (sim ms). */
  settledTimeMs: number;
}

/** An order group (Kalshi's order group, integer units). */
export interface EngineOrderGroup {
  /** Group id (UUID). */
  orderGroupId: string;
  /** Owning user. */
  userId: string;
  /** Rolling 15 s matched-contract limit. */
  contractsLimitUnits: CountUnits;
  /** Whether the group is triggered (blocks new orders until reset). */
  isTriggered: boolean;
  /** Always true: the simulator auto-cancels on trigger. */
  isAutoCancelEnabled: boolean;
  /** Ids of the group's orders that are still resting. */
  restingOrderIds: string[];
  /** Matched contracts in the last 15 s of sim time. */
  rollingMatchedUnits: CountUnits;
}

/** Exchange-wide status flags (Kalshi's `GET /exchange/status`). */
export interface ExchangeStatus {
  /** False during an exchange pause: nothing works. */
  exchangeActive: boolean;
  /** False during a trading pause: cancels work, new orders and amends do not. */
  tradingActive: boolean;
}

/** Result of a create: the order record and the fills it made as taker. */
export interface CreateOrderOutcome {
  /** The order after matching. */
  order: EngineOrder;
  /** Fills of this order (taker side), in execution order. */
  fills: EngineFill[];
  /** Average fill YES... outcome price in price units, when anything filled. */
  averageFillPriceUnits?: PriceUnits;
  /** Average fee per contract in micro-dollars per contract, when anything filled. */
  averageFeePaidMicros?: Micros;
}

/** Result of a cancel or decrease. */
export interface ReduceOrderOutcome {
  /** The order after the change. */
  order: EngineOrder;
  /** How much remaining count was removed. */
  reducedByUnits: CountUnits;
}

/** Result of an amend. */
export interface AmendOrderOutcome {
  /** The order before the amend. */
  oldOrder: EngineOrder;
  /** The order after the amend (and any fills). */
  order: EngineOrder;
  /** Fills made by the amend, if it crossed. */
  fills: EngineFill[];
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** A change of one book level (render as `orderbook_delta`). */
export interface BookChangedEvent {
  /** Market ticker. */
  ticker: string;
  /** Market id. */
  marketId: string;
  /** Ladder: `yes` bids or `no` bids. */
  side: EngineOutcomeSide;
  /** Level price in the ladder's own terms (NO levels in NO prices). */
  priceUnits: PriceUnits;
  /** Signed change of the level. */
  deltaUnits: CountUnits;
  /** The level's size after the change. */
  newCountUnits: CountUnits;
  /** User whose order caused the change. */
  userId: string;
  /** Client order id of the causing order ('' when none). */
  clientOrderId: string;
  /** Subaccount of the causing order. */
  subaccount: number;
  /** Time (sim ms). */
  tsMs: number;
}

/** A public trade happened (render as `trade`, and refresh `ticker`). */
export interface TradeExecutedEvent {
  /** The trade. */
  trade: EngineTrade;
}

/** A user's order filled (render as the user's `fill`). */
export interface OrderFilledEvent {
  /** The fill, with the post-trade position. */
  fill: EngineFill;
}

/** An order changed (render as the user's `user_order`). */
export interface OrderUpdatedEvent {
  /** Snapshot of the order after the change. */
  order: EngineOrder;
  /** Why it changed. */
  reason: OrderUpdateReason;
}

/** A user's market position changed (render as `market_position`). */
export interface PositionUpdatedEvent {
  /** Snapshot of the position after the change. */
  position: EnginePosition;
}

/** A user's balance changed. */
export interface BalanceUpdatedEvent {
  /** Snapshot of the balance after the change. */
  balance: EngineBalance;
}

/** An order group changed (render as `order_group_updates`). */
export interface OrderGroupUpdatedEvent {
  /** Owning user. */
  userId: string;
  /** Group id. */
  orderGroupId: string;
  /** What happened. */
  eventType: 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated';
  /** Limit, on `created` and `limit_updated`. */
  contractsLimitUnits?: CountUnits;
  /** Time (sim ms). */
  tsMs: number;
}

/** A market lifecycle transition (render as `market_lifecycle_v2`). */
export interface MarketLifecycleEvent {
  /** Market ticker. */
  ticker: string;
  /** What happened (no event for initialized to active, as on Kalshi). */
  eventType: 'created' | 'activated' | 'deactivated' | 'close_date_updated' | 'determined' | 'settled';
  /** Snapshot of the market after the transition. */
  market: MarketState;
  /** Time (sim ms). */
  tsMs: number;
}

/** An event was created (render as `event_lifecycle`). */
export interface EventLifecycleEvent {
  /** The event. */
  event: EventDefinition;
  /** Time (sim ms). */
  tsMs: number;
}

/** Exchange status changed (pause / resume). */
export interface ExchangeStatusChangedEvent {
  /** The new status. */
  status: ExchangeStatus;
  /** Time (sim ms). */
  tsMs: number;
}

/** Map of {@link Exchange} event names to payloads (eventemitter3 typing). */
export interface ExchangeEvents {
  /** A book level changed. */
  bookChanged: [BookChangedEvent];
  /** A trade executed. */
  tradeExecuted: [TradeExecutedEvent];
  /** A user's order filled. */
  orderFilled: [OrderFilledEvent];
  /** An order was created, changed, filled, cancelled or expired. */
  orderUpdated: [OrderUpdatedEvent];
  /** A user's position changed. */
  positionUpdated: [PositionUpdatedEvent];
  /** A user's balance changed. */
  balanceUpdated: [BalanceUpdatedEvent];
  /** An order group changed. */
  orderGroupUpdated: [OrderGroupUpdatedEvent];
  /** A market lifecycle transition. */
  marketLifecycle: [MarketLifecycleEvent];
  /** An event was created. */
  eventLifecycle: [EventLifecycleEvent];
  /** Exchange or trading pause state changed. */
  exchangeStatusChanged: [ExchangeStatusChangedEvent];
}

/** Options of the {@link Exchange} constructor. */
export interface ExchangeOptions {
  /** Sim clock in Unix ms. @defaultValue `Date.now` */
  now?: () => number;
  /** Id generator (UUID-shaped). Inject a seeded one for deterministic ids. @defaultValue `crypto.randomUUID` */
  newId?: () => string;
  /** Rolling window of order groups in sim ms. @defaultValue 15000 */
  orderGroupWindowMs?: number;
}

/**
 * The public surface of the {@link Exchange} (what the server and the world call).
 *
 * @remarks Every trading operation returns an {@link EngineResult}; none throws for bad input.
 */
export interface ExchangeApi {
  /** Registers a series. */
  addSeries(series: SeriesDefinition): void;
  /** Registers an event and emits `eventLifecycle`. */
  addEvent(event: EventDefinition): void;
  /** Registers a market and emits `marketLifecycle` `created`. */
  addMarket(market: MarketDefinition): EngineResult<{ market: MarketState }>;
  /** Credits a user's cash (creating the account). */
  deposit(userId: string, amountMicros: Micros): void;
  /** Creates an order. */
  createOrder(userId: string, params: CreateOrderParams): EngineResult<CreateOrderOutcome>;
  /** Creates orders in sequence; each item succeeds or fails on its own. */
  createOrders(userId: string, params: readonly CreateOrderParams[]): EngineResult<CreateOrderOutcome>[];
  /** Cancels an order (decrease to 0; the record persists as `canceled`). */
  cancelOrder(userId: string, orderId: string): EngineResult<ReduceOrderOutcome>;
  /** Cancels several orders. */
  cancelOrders(userId: string, orderIds: readonly string[]): EngineResult<ReduceOrderOutcome>[];
  /** Cancels every resting order of the user (optionally one subaccount). */
  cancelAllOrders(userId: string, subaccount?: number): EngineResult<{ canceled: EngineOrder[] }>;
  /** Amends price and/or size. */
  amendOrder(userId: string, orderId: string, params: AmendOrderParams): EngineResult<AmendOrderOutcome>;
  /** Decreases the remaining size. */
  decreaseOrder(
    userId: string,
    orderId: string,
    params: DecreaseOrderParams,
  ): EngineResult<ReduceOrderOutcome>;
  /** Advances time-driven state (market open/close, expirations, settlement timers). */
  tick(): void;
}
