/**
 * The registry of every REST operation the client covers: method, path, auth, rate-limit bucket,
 * token cost, queue priority and retry policy. Resources call the transport with these entries;
 * the README's operation table is checked against this list by a test.
 *
 * @internal
 * @module
 */
import type { RateLimitBucket, RateLimitPriority } from '../http/rate-limiter.js';

/** HTTP methods used by the Trade API. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * When a route may be retried after a failure with no definite outcome.
 * `safe`: reads (network errors, timeouts, 5xx, 429). `client_order_id`: creates that carry an
 * idempotency key. `never`: other writes (only a 429, which means "not processed", is retried).
 */
export type RetryPolicy = 'safe' | 'client_order_id' | 'never';

/** One REST operation. */
export interface Route {
  /** Client method, `group.method`. */
  readonly id: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template relative to `/trade-api/v2`, with `{param}` placeholders. */
  readonly path: string;
  /** `required`: signed, fails before sending without credentials; `optional`: signed if possible. */
  readonly auth: 'required' | 'optional' | 'none';
  /** Token bucket. */
  readonly bucket: RateLimitBucket;
  /** Tokens charged (per item when `perItem`). */
  cost: number;
  /** Cost is charged per item of the body's list. */
  readonly perItem: boolean;
  /** Queue priority in the bucket. */
  readonly priority: RateLimitPriority;
  /** Retry policy. */
  readonly retry: RetryPolicy;
  /** Deprecated by Kalshi (legacy V1 writes and quote-id-only quote routes). */
  readonly deprecated: boolean;
  /** Literal segments of the path, interleaved with parameter names. */
  readonly parts: readonly string[];
}

interface RouteOpts {
  auth?: Route['auth'];
  cost?: number;
  perItem?: boolean;
  priority?: RateLimitPriority;
  retry?: RetryPolicy;
  deprecated?: boolean;
  bucket?: RateLimitBucket;
}

function route(id: string, method: HttpMethod, path: string, o: RouteOpts = {}): Route {
  const write = method !== 'GET';
  return {
    id,
    method,
    path,
    auth: o.auth ?? 'required',
    bucket: o.bucket ?? 'read',
    cost: o.cost ?? 10,
    perItem: o.perItem ?? false,
    priority: o.priority ?? 'normal',
    retry: o.retry ?? (write ? 'never' : 'safe'),
    deprecated: o.deprecated ?? false,
    parts: path.split(/\{(\w+)\}/),
  };
}

const pub = { auth: 'none' } as const;
const w = { bucket: 'write' } as const;
const wHigh = { bucket: 'write', priority: 'high' } as const;

/** Every covered operation, keyed by client method. */
export const ROUTES = {
  // exchange
  'exchange.status': route('exchange.status', 'GET', '/exchange/status', pub),
  'exchange.schedule': route('exchange.schedule', 'GET', '/exchange/schedule', pub),
  'exchange.userDataTimestamp': route(
    'exchange.userDataTimestamp',
    'GET',
    '/exchange/user_data_timestamp',
    pub,
  ),
  // series
  'series.list': route('series.list', 'GET', '/series', pub),
  'series.get': route('series.get', 'GET', '/series/{series_ticker}', pub),
  'series.feeChanges': route('series.feeChanges', 'GET', '/series/fee_changes', pub),
  // events
  'events.list': route('events.list', 'GET', '/events', pub),
  'events.listMultivariate': route('events.listMultivariate', 'GET', '/events/multivariate', pub),
  'events.get': route('events.get', 'GET', '/events/{event_ticker}', pub),
  'events.metadata': route('events.metadata', 'GET', '/events/{event_ticker}/metadata', pub),
  'events.feeChanges': route('events.feeChanges', 'GET', '/events/fee_changes', pub),
  'events.candlesticks': route(
    'events.candlesticks',
    'GET',
    '/series/{series_ticker}/events/{ticker}/candlesticks',
    pub,
  ),
  'events.forecastPercentileHistory': route(
    'events.forecastPercentileHistory',
    'GET',
    '/series/{series_ticker}/events/{ticker}/forecast_percentile_history',
  ),
  // markets
  'markets.list': route('markets.list', 'GET', '/markets', pub),
  'markets.get': route('markets.get', 'GET', '/markets/{ticker}', pub),
  'markets.orderbook': route('markets.orderbook', 'GET', '/markets/{ticker}/orderbook', { auth: 'optional' }),
  'markets.orderbooks': route('markets.orderbooks', 'GET', '/markets/orderbooks', { auth: 'optional' }),
  'markets.trades': route('markets.trades', 'GET', '/markets/trades', pub),
  'markets.candlesticks': route(
    'markets.candlesticks',
    'GET',
    '/series/{series_ticker}/markets/{ticker}/candlesticks',
    pub,
  ),
  'markets.batchCandlesticks': route('markets.batchCandlesticks', 'GET', '/markets/candlesticks', pub),
  // historical
  'historical.cutoff': route('historical.cutoff', 'GET', '/historical/cutoff', pub),
  'historical.markets': route('historical.markets', 'GET', '/historical/markets', pub),
  'historical.market': route('historical.market', 'GET', '/historical/markets/{ticker}', pub),
  'historical.candlesticks': route(
    'historical.candlesticks',
    'GET',
    '/historical/markets/{ticker}/candlesticks',
    pub,
  ),
  'historical.trades': route('historical.trades', 'GET', '/historical/trades', pub),
  'historical.fills': route('historical.fills', 'GET', '/historical/fills'),
  'historical.orders': route('historical.orders', 'GET', '/historical/orders'),
  'historical.positions': route('historical.positions', 'GET', '/historical/positions'),
  // portfolio
  'portfolio.balance': route('portfolio.balance', 'GET', '/portfolio/balance'),
  'portfolio.positions': route('portfolio.positions', 'GET', '/portfolio/positions'),
  'portfolio.fills': route('portfolio.fills', 'GET', '/portfolio/fills'),
  'portfolio.settlements': route('portfolio.settlements', 'GET', '/portfolio/settlements'),
  'portfolio.restingOrderValue': route(
    'portfolio.restingOrderValue',
    'GET',
    '/portfolio/summary/total_resting_order_value',
  ),
  'portfolio.deposits': route('portfolio.deposits', 'GET', '/portfolio/deposits'),
  'portfolio.withdrawals': route('portfolio.withdrawals', 'GET', '/portfolio/withdrawals'),
  'portfolio.createSubaccount': route('portfolio.createSubaccount', 'POST', '/portfolio/subaccounts'),
  'portfolio.transferBetweenSubaccounts': route(
    'portfolio.transferBetweenSubaccounts',
    'POST',
    '/portfolio/subaccounts/transfer',
  ),
  'portfolio.subaccountBalances': route(
    'portfolio.subaccountBalances',
    'GET',
    '/portfolio/subaccounts/balances',
  ),
  'portfolio.subaccountTransfers': route(
    'portfolio.subaccountTransfers',
    'GET',
    '/portfolio/subaccounts/transfers',
  ),
  'portfolio.subaccountNetting': route(
    'portfolio.subaccountNetting',
    'GET',
    '/portfolio/subaccounts/netting',
  ),
  'portfolio.setSubaccountNetting': route(
    'portfolio.setSubaccountNetting',
    'PUT',
    '/portfolio/subaccounts/netting',
  ),
  'portfolio.intraExchangeTransfer': route(
    'portfolio.intraExchangeTransfer',
    'POST',
    '/portfolio/intra_exchange_instance_transfer',
  ),
  'portfolio.intraExchangeTransfers': route(
    'portfolio.intraExchangeTransfers',
    'GET',
    '/portfolio/intra_exchange_instance_transfers',
  ),
  'portfolio.getIntraExchangeTransfer': route(
    'portfolio.getIntraExchangeTransfer',
    'GET',
    '/portfolio/intra_exchange_instance_transfers/{transfer_id}',
  ),
  'portfolio.targetBalanceAllocation': route(
    'portfolio.targetBalanceAllocation',
    'GET',
    '/portfolio/target_balance_allocation',
  ),
  'portfolio.setTargetBalanceAllocation': route(
    'portfolio.setTargetBalanceAllocation',
    'POST',
    '/portfolio/target_balance_allocation',
  ),
  // orders: reads
  'orders.list': route('orders.list', 'GET', '/portfolio/orders'),
  'orders.get': route('orders.get', 'GET', '/portfolio/orders/{order_id}', { cost: 2 }),
  'orders.queuePosition': route('orders.queuePosition', 'GET', '/portfolio/orders/{order_id}/queue_position'),
  'orders.queuePositions': route('orders.queuePositions', 'GET', '/portfolio/orders/queue_positions'),
  // orders: V2 writes
  'orders.create': route('orders.create', 'POST', '/portfolio/events/orders', {
    ...w,
    retry: 'client_order_id',
  }),
  'orders.batchCreate': route('orders.batchCreate', 'POST', '/portfolio/events/orders/batched', {
    ...w,
    perItem: true,
  }),
  'orders.cancel': route('orders.cancel', 'DELETE', '/portfolio/events/orders/{order_id}', {
    ...wHigh,
    cost: 2,
  }),
  'orders.batchCancel': route('orders.batchCancel', 'DELETE', '/portfolio/events/orders/batched', {
    ...wHigh,
    cost: 2,
    perItem: true,
  }),
  'orders.amend': route('orders.amend', 'POST', '/portfolio/events/orders/{order_id}/amend', w),
  'orders.decrease': route('orders.decrease', 'POST', '/portfolio/events/orders/{order_id}/decrease', wHigh),
  'orders.cancelAll': route('orders.cancelAll', 'DELETE', '/portfolio/events/orders', { ...wHigh, cost: 2 }),
  // orders: legacy V1 writes
  'orders.createV1': route('orders.createV1', 'POST', '/portfolio/orders', {
    ...w,
    cost: 100,
    retry: 'client_order_id',
    deprecated: true,
  }),
  'orders.batchCreateV1': route('orders.batchCreateV1', 'POST', '/portfolio/orders/batched', {
    ...w,
    cost: 100,
    perItem: true,
    deprecated: true,
  }),
  'orders.cancelV1': route('orders.cancelV1', 'DELETE', '/portfolio/orders/{order_id}', {
    ...wHigh,
    cost: 20,
    deprecated: true,
  }),
  'orders.batchCancelV1': route('orders.batchCancelV1', 'DELETE', '/portfolio/orders/batched', {
    ...wHigh,
    cost: 20,
    perItem: true,
    deprecated: true,
  }),
  'orders.amendV1': route('orders.amendV1', 'POST', '/portfolio/orders/{order_id}/amend', {
    ...w,
    cost: 100,
    deprecated: true,
  }),
  'orders.decreaseV1': route('orders.decreaseV1', 'POST', '/portfolio/orders/{order_id}/decrease', {
    ...wHigh,
    cost: 100,
    deprecated: true,
  }),
  // order groups
  'orderGroups.list': route('orderGroups.list', 'GET', '/portfolio/order_groups'),
  'orderGroups.create': route('orderGroups.create', 'POST', '/portfolio/order_groups/create', w),
  'orderGroups.get': route('orderGroups.get', 'GET', '/portfolio/order_groups/{order_group_id}'),
  'orderGroups.delete': route(
    'orderGroups.delete',
    'DELETE',
    '/portfolio/order_groups/{order_group_id}',
    wHigh,
  ),
  'orderGroups.reset': route('orderGroups.reset', 'PUT', '/portfolio/order_groups/{order_group_id}/reset', w),
  'orderGroups.trigger': route(
    'orderGroups.trigger',
    'PUT',
    '/portfolio/order_groups/{order_group_id}/trigger',
    wHigh,
  ),
  'orderGroups.updateLimit': route(
    'orderGroups.updateLimit',
    'PUT',
    '/portfolio/order_groups/{order_group_id}/limit',
    w,
  ),
  // communications
  'communications.id': route('communications.id', 'GET', '/communications/id'),
  'communications.listRfqs': route('communications.listRfqs', 'GET', '/communications/rfqs'),
  'communications.createRfq': route('communications.createRfq', 'POST', '/communications/rfqs', w),
  'communications.getRfq': route('communications.getRfq', 'GET', '/communications/rfqs/{rfq_id}'),
  'communications.deleteRfq': route('communications.deleteRfq', 'DELETE', '/communications/rfqs/{rfq_id}', w),
  'communications.listQuotes': route('communications.listQuotes', 'GET', '/communications/quotes'),
  'communications.createQuote': route('communications.createQuote', 'POST', '/communications/quotes', {
    ...w,
    cost: 2,
  }),
  'communications.getQuote': route(
    'communications.getQuote',
    'GET',
    '/communications/rfqs/{rfq_id}/quotes/{quote_id}',
    { cost: 2 },
  ),
  'communications.deleteQuote': route(
    'communications.deleteQuote',
    'DELETE',
    '/communications/rfqs/{rfq_id}/quotes/{quote_id}',
    { ...w, cost: 2 },
  ),
  'communications.acceptQuote': route(
    'communications.acceptQuote',
    'PUT',
    '/communications/rfqs/{rfq_id}/quotes/{quote_id}/accept',
    w,
  ),
  'communications.confirmQuote': route(
    'communications.confirmQuote',
    'PUT',
    '/communications/rfqs/{rfq_id}/quotes/{quote_id}/confirm',
    w,
  ),
  'communications.getQuoteById': route(
    'communications.getQuoteById',
    'GET',
    '/communications/quotes/{quote_id}',
    {
      cost: 2,
      deprecated: true,
    },
  ),
  'communications.deleteQuoteById': route(
    'communications.deleteQuoteById',
    'DELETE',
    '/communications/quotes/{quote_id}',
    { ...w, cost: 2, deprecated: true },
  ),
  'communications.acceptQuoteById': route(
    'communications.acceptQuoteById',
    'PUT',
    '/communications/quotes/{quote_id}/accept',
    { ...w, deprecated: true },
  ),
  'communications.confirmQuoteById': route(
    'communications.confirmQuoteById',
    'PUT',
    '/communications/quotes/{quote_id}/confirm',
    { ...w, deprecated: true },
  ),
  'communications.listBlockTradeProposals': route(
    'communications.listBlockTradeProposals',
    'GET',
    '/communications/block-trade-proposals',
  ),
  'communications.proposeBlockTrade': route(
    'communications.proposeBlockTrade',
    'POST',
    '/communications/block-trade-proposals',
    w,
  ),
  'communications.acceptBlockTradeProposal': route(
    'communications.acceptBlockTradeProposal',
    'POST',
    '/communications/block-trade-proposals/{block_trade_proposal_id}/accept',
    w,
  ),
  // account
  'account.limits': route('account.limits', 'GET', '/account/limits'),
  'account.endpointCosts': route('account.endpointCosts', 'GET', '/account/endpoint_costs', pub),
  'account.upgradeUsageLevel': route(
    'account.upgradeUsageLevel',
    'POST',
    '/account/api_usage_level/upgrade',
    {
      cost: 30,
    },
  ),
  'account.volumeProgress': route(
    'account.volumeProgress',
    'GET',
    '/account/api_usage_level/volume_progress',
  ),
  // api keys
  'apiKeys.list': route('apiKeys.list', 'GET', '/api_keys'),
  'apiKeys.create': route('apiKeys.create', 'POST', '/api_keys'),
  'apiKeys.generate': route('apiKeys.generate', 'POST', '/api_keys/generate'),
  'apiKeys.delete': route('apiKeys.delete', 'DELETE', '/api_keys/{api_key}'),
  // milestones
  'milestones.list': route('milestones.list', 'GET', '/milestones', pub),
  'milestones.get': route('milestones.get', 'GET', '/milestones/{milestone_id}', pub),
  // structured targets
  'structuredTargets.list': route('structuredTargets.list', 'GET', '/structured_targets', pub),
  'structuredTargets.get': route(
    'structuredTargets.get',
    'GET',
    '/structured_targets/{structured_target_id}',
    pub,
  ),
  // multivariate
  'multivariate.list': route('multivariate.list', 'GET', '/multivariate_event_collections', pub),
  'multivariate.get': route(
    'multivariate.get',
    'GET',
    '/multivariate_event_collections/{collection_ticker}',
    pub,
  ),
  'multivariate.createMarket': route(
    'multivariate.createMarket',
    'POST',
    '/multivariate_event_collections/{collection_ticker}',
  ),
  // live data
  'liveData.get': route('liveData.get', 'GET', '/live_data/{type}/milestone/{milestone_id}', pub),
  'liveData.byMilestone': route('liveData.byMilestone', 'GET', '/live_data/milestone/{milestone_id}', pub),
  'liveData.batch': route('liveData.batch', 'GET', '/live_data/batch', pub),
  'liveData.gameStats': route(
    'liveData.gameStats',
    'GET',
    '/live_data/milestone/{milestone_id}/game_stats',
    pub,
  ),
  'liveData.event': route('liveData.event', 'GET', '/live_data/events/{event_ticker}', pub),
  'liveData.weather': route('liveData.weather', 'GET', '/live_data/weather/{city}', pub),
  'liveData.weatherCalibrations': route(
    'liveData.weatherCalibrations',
    'GET',
    '/live_data/weather/{city}/calibrations',
    pub,
  ),
  // search
  'search.tagsByCategories': route('search.tagsByCategories', 'GET', '/search/tags_by_categories', pub),
  'search.filtersBySport': route('search.filtersBySport', 'GET', '/search/filters_by_sport', pub),
  // incentive programs
  'incentivePrograms.list': route('incentivePrograms.list', 'GET', '/incentive_programs', pub),
} satisfies Record<string, Route>;

/** A covered client method name. */
export type RouteId = keyof typeof ROUTES;

/** Creates a private copy of the registry (costs can be refreshed per client). */
export function cloneRoutes(): Record<RouteId, Route> {
  const out = {} as Record<RouteId, Route>;
  for (const [k, r] of Object.entries(ROUTES) as [RouteId, Route][]) out[k] = { ...r };
  return out;
}
