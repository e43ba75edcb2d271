export type { RsaPrivateKeyFormat, SimKeyType } from './auth/key-store.js';
export { Exchange } from './engine/exchange.js';
export { tradingFeeMicros } from './engine/fees.js';
export type {
  AmendOrderOutcome,
  AmendOrderParams,
  BalanceUpdatedEvent,
  BookChangedEvent,
  BookLevel,
  BookSnapshot,
  CreateOrderOutcome,
  CreateOrderParams,
  DecreaseOrderParams,
  EngineBalance,
  EngineBookSide,
  EngineError,
  EngineErrorCode,
  EngineErrorStatus,
  EngineFeeType,
  EngineFill,
  EngineMarketResult,
  EngineMarketStatus,
  EngineOrder,
  EngineOrderGroup,
  EngineOrderStatus,
  EngineOutcomeSide,
  EnginePosition,
  EngineResult,
  EngineSelfTradePrevention,
  EngineSettlement,
  EngineStrikeType,
  EngineTimeInForce,
  EngineTrade,
  EventDefinition,
  EventLifecycleEvent,
  ExchangeApi,
  ExchangeEvents,
  ExchangeOptions,
  ExchangeStatus,
  ExchangeStatusChangedEvent,
  MarketDefinition,
  MarketLifecycleEvent,
  MarketState,
  OrderFilledEvent,
  OrderGroupUpdatedEvent,
  OrderUpdatedEvent,
  OrderUpdateReason,
  PositionUpdatedEvent,
  PriceRangeUnits,
  ReduceOrderOutcome,
  SeriesDefinition,
  TopOfBook,
  TradeExecutedEvent,
} from './engine/types.js';
export { LINEAR_CENT_RANGES } from './engine/types.js';
export {
  type FailRestOptions,
  type FaultDuration,
  type SimFaultEvents,
  SimFaults,
  type SkipSeqOptions,
  type SocketSelector,
} from './faults/faults.js';
export { type BucketLimit, type SimUsageTier, TIER_LIMITS } from './server/rate-limits.js';
export {
  type CreateUserOptions,
  KalshiSimulator,
  type KalshiSimulatorOptions,
  type SimUser,
  type SimulatorAddress,
  type SimulatorStartOptions,
} from './simulator.js';
export {
  defaultSessionStartMs,
  easternDate,
  easternOffsetMinutes,
  easternToUtcMs,
  SimClock,
  type SimClockOptions,
} from './world/clock.js';
export { SeededRng } from './world/rng.js';
export {
  buildSpxSession,
  fairProbability,
  periodCode,
  resolvesYes,
  type SpxSession,
  type SpxSessionOptions,
  spxSeries,
} from './world/spx-markets.js';
export {
  type IndexPoint,
  SyntheticIndex,
  type SyntheticIndexOptions,
  TRADING_YEAR_MS,
} from './world/synthetic-index.js';
export {
  InformedTaker,
  type InformedTakerOptions,
  NoiseTaker,
  type NoiseTakerOptions,
  PassiveMaker,
  type PassiveMakerOptions,
  type SimTrader,
  type TraderContext,
} from './world/traders.js';
export { World, type WorldOptions } from './world/world.js';
