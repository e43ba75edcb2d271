export type { RsaPrivateKeyFormat, SimKeyType } from './auth/key-store.js';
export { Exchange } from './engine/exchange.js';
export type {
  AmendOrderParams,
  BookLevel,
  BookSnapshot,
  CreateOrderOutcome,
  CreateOrderParams,
  DecreaseOrderParams,
  EngineBalance,
  EngineError,
  EngineFill,
  EngineOrder,
  EngineOrderGroup,
  EnginePosition,
  EngineResult,
  EngineSettlement,
  EngineTrade,
  EventDefinition,
  ExchangeEvents,
  ExchangeOptions,
  ExchangeStatus,
  MarketDefinition,
  MarketState,
  PriceRangeUnits,
  SeriesDefinition,
  TopOfBook,
} from './engine/types.js';
export { LINEAR_CENT_RANGES } from './engine/types.js';
export {
  type FailRestOptions,
  type FaultDuration,
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
export { SimClock, type SimClockOptions } from './world/clock.js';
export { World, type WorldOptions } from './world/world.js';
