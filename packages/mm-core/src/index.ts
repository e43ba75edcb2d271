/**
 * `@mnquants/mm-core`: a strategy-agnostic market-making core for prediction markets.
 *
 * @packageDocumentation
 */

export { isMmCoreError, MmCoreConfigError, MmCoreError } from './errors.js';

// --- engine, books, orders, risk, positions, strategy API, ports (core) ---
export { type BookUntrustedReason, OrderBook } from './book/order-book.js';
export {
  type DeniedQuote,
  Engine,
  type EngineConfig,
  type EngineEvents,
  type EngineState,
  type KillSwitchReport,
  type OrphanOrderPolicy,
  type PositionDrift,
  validateEngineConfig,
} from './engine/engine.js';
export {
  type BookDelta,
  type BookLevel,
  type BookSnapshot,
  type CountUnits,
  type FeedConnectionState,
  type Fill,
  type LifecycleKind,
  type MarketInfo,
  type MarketLifecycle,
  type Micros,
  ONE_DOLLAR_UNITS,
  type OrderStatus,
  type Outcome,
  type PriceUnits,
  type QuoteSide,
  type Trade,
  type VenueOrder,
  type VenuePosition,
} from './model/types.js';
export {
  OrderManager,
  type OrderManagerConfig,
  type OrderManagerEvents,
  type OrderRejection,
  validateOrderManagerConfig,
} from './orders/order-manager.js';
export type { MarketDataFeed, MarketDataHandlers } from './ports/market-data-feed.js';
export type {
  AmendedOrder,
  AmendOrderRequest,
  GatewayFailure,
  GatewayFailureKind,
  GatewayResult,
  GatewaySuccess,
  OrderGateway,
  OrderGroup,
  OrderRef,
  OrderTimeInForce,
  PlacedOrder,
  PlaceOrderRequest,
  ReducedOrder,
} from './ports/order-gateway.js';
export type { ReferenceFeed, ReferenceFeedEvents, ReferencePrice } from './ports/reference-feed.js';
export { type Clock, type MmLogger, silentMmLogger, systemClock } from './ports/runtime.js';
export {
  type MarketPosition,
  PositionBook,
  type PositionBookConfig,
  type PnlSummary,
} from './positions/position-book.js';
export {
  type CheckedQuote,
  type QuoteCheckResult,
  type RiskConfig,
  type RiskDecision,
  RiskEngine,
  type RiskInputs,
  type RiskReason,
  validateRiskConfig,
} from './risk/risk-engine.js';
export type {
  DesiredQuote,
  MarketQuotes,
  ReadonlyOrderBook,
  Strategy,
  StrategyContext,
  StrategyDecision,
  TradingState,
  WorkingOrder,
} from './strategy/strategy.js';
// --- end core ---
