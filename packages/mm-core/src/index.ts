/**
 * `@mnquants/mm-core`: a strategy-agnostic market-making core for prediction markets.
 *
 * @packageDocumentation
 */

// --- engine, books, orders, risk, positions, strategy API, ports (core) ---
export { type BookUntrustedReason, OrderBook } from './book/order-book.js';
export {
  type BookExcludingOwn,
  bookExcludingOwn,
  type OwnExcludableBook,
  type OwnOrderLike,
} from './book/own-orders.js';
export {
  type DeniedQuote,
  Engine,
  type EngineConfig,
  type EngineEvents,
  type EngineState,
  type EngineStats,
  type KillSwitchReport,
  type OrphanOrderPolicy,
  type PositionDrift,
  validateEngineConfig,
} from './engine/engine.js';
export { isMmCoreError, MmCoreConfigError, MmCoreError } from './errors.js';
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
  type ChunkedCancelFailure,
  type ChunkedCancelOptions,
  type ChunkedCancelReport,
  cancelInChunks,
} from './orders/chunked-cancel.js';
export {
  type OrderCloseReason,
  OrderManager,
  type OrderManagerConfig,
  type OrderManagerEvents,
  type OrderManagerStats,
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
  GatewayWriteOptions,
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
  type PnlSummary,
  PositionBook,
  type PositionBookConfig,
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

// --- markets, calendar, reference feeds, pricing (S&P 500 utilities) ---
export {
  EASTERN_TIME_ZONE,
  type EasternParts,
  easternParts,
  easternWallTimeToMs,
} from './calendar/eastern-time.js';
export {
  KalshiSchedule,
  type ParsedMaintenanceWindow,
  type ParsedWeeklySchedule,
  type QuoteBlockReason,
  type QuotingWindow,
  type QuotingWindowInput,
  type ScheduleSession,
  spxQuotingWindow,
} from './calendar/kalshi-schedule.js';
export {
  easterSunday,
  type MarketDay,
  NYSE_SPECIAL_CLOSURES,
  NyseCalendar,
  type NyseCalendarConfig,
  type TradingSession,
} from './calendar/nyse-calendar.js';
export {
  PRICE_LEVEL_STRUCTURES,
  type PriceBand,
  PriceGrid,
  type PriceLevelStructure,
  type PriceRoundingMode,
  type WirePriceRange,
} from './markets/price-grid.js';
export {
  type SpxContract,
  type SpxMarketFields,
  selectSpxStrikes,
  spxContractFromMarket,
  trySpxContractFromMarket,
} from './markets/spx-contract.js';
export {
  type FindSpxMarketsOptions,
  findSpxMarkets,
  type SpxMarketSet,
  type SpxMarketSource,
} from './markets/spx-market-finder.js';
export {
  buildSpxEventTicker,
  buildSpxMarketTicker,
  formatSpxTicker,
  isSpxTicker,
  parseSpxTicker,
  SPX_SERIES,
  type SpxEventTicker,
  type SpxEventTickerParts,
  type SpxMarketTicker,
  type SpxMarketTickerParts,
  type SpxSeries,
  type SpxTicker,
} from './markets/spx-ticker.js';
export {
  contractProbability,
  lognormalCdf,
  logStdDevToClose,
  priceUnitsToProbability,
  probabilityToPriceUnits,
  type SpxFairValue,
  type SpxFairValueInput,
  type SpxStrike,
  spxFairValue,
  TRADING_YEAR_MS,
  type VolatilityInput,
  vixToAnnualVol,
} from './pricing/fair-value.js';
export { normalCdf } from './pricing/normal.js';
export {
  type SkewedQuotes,
  type SkewQuoteConfig,
  type SkewQuoteInput,
  skewedQuotes,
  validateSkewQuoteConfig,
} from './pricing/skew-quotes.js';
export { type Observation, PollingFeed, type PollingFeedConfig } from './reference/polling-feed.js';
export {
  parseReplayCsv,
  type ReplayRecord,
  ReplayReferenceFeed,
  type ReplayReferenceFeedConfig,
} from './reference/replay-reference-feed.js';
export {
  type SimulatorClock,
  SimulatorReferenceFeed,
  type SimulatorReferenceFeedConfig,
} from './reference/simulator-reference-feed.js';
export {
  type YahooQuoteClient,
  type YahooQuoteLike,
  YahooReferenceFeed,
  type YahooReferenceFeedConfig,
} from './reference/yahoo-reference-feed.js';
// --- end markets/calendar/reference/pricing ---
