import type {
  AmendOrderOutcome,
  AmendOrderParams,
  BookSnapshot,
  CreateOrderOutcome,
  CreateOrderParams,
  DecreaseOrderParams,
  EngineBalance,
  EngineFill,
  EngineOrder,
  EngineOrderGroup,
  EnginePosition,
  EngineResult,
  EngineSettlement,
  EngineTrade,
  EventDefinition,
  ExchangeStatus,
  MarketState,
  ReduceOrderOutcome,
  SeriesDefinition,
  TopOfBook,
} from '../engine/types.js';

/**
 * What the REST and WebSocket servers need from the exchange: reads and writes in engine units.
 *
 * @remarks The simulator adapts its {@link Exchange} to this port, so the protocol layer depends
 * only on the engine's types.
 * @internal
 */
export interface ExchangePort {
  status(): ExchangeStatus;
  listSeries(): readonly SeriesDefinition[];
  getSeries(ticker: string): SeriesDefinition | undefined;
  listEvents(): readonly EventDefinition[];
  getEvent(eventTicker: string): EventDefinition | undefined;
  listMarkets(): readonly MarketState[];
  getMarket(ticker: string): MarketState | undefined;
  topOfBook(ticker: string): TopOfBook;
  book(ticker: string): BookSnapshot | undefined;
  /** Public trades, oldest first. */
  trades(): readonly EngineTrade[];
  balance(userId: string): EngineBalance;
  positions(userId: string): readonly EnginePosition[];
  /** The user's fills, oldest first. */
  fills(userId: string): readonly EngineFill[];
  settlements(userId: string): readonly EngineSettlement[];
  /** The user's orders, oldest first. */
  orders(userId: string): readonly EngineOrder[];
  getOrder(userId: string, orderId: string): EngineOrder | undefined;
  createOrder(userId: string, params: CreateOrderParams): EngineResult<CreateOrderOutcome>;
  cancelOrder(userId: string, orderId: string): EngineResult<ReduceOrderOutcome>;
  cancelAllOrders(userId: string, subaccount?: number): EngineResult<{ canceled: EngineOrder[] }>;
  amendOrder(userId: string, orderId: string, params: AmendOrderParams): EngineResult<AmendOrderOutcome>;
  decreaseOrder(
    userId: string,
    orderId: string,
    params: DecreaseOrderParams,
  ): EngineResult<ReduceOrderOutcome>;
  orderGroups(userId: string): readonly EngineOrderGroup[];
  getOrderGroup(userId: string, id: string): EngineOrderGroup | undefined;
  createOrderGroup(userId: string, contractsLimitUnits: number): EngineResult<{ group: EngineOrderGroup }>;
  deleteOrderGroup(userId: string, id: string): EngineResult<object>;
  resetOrderGroup(userId: string, id: string): EngineResult<object>;
  triggerOrderGroup(userId: string, id: string): EngineResult<object>;
  setOrderGroupLimit(userId: string, id: string, contractsLimitUnits: number): EngineResult<object>;
}
