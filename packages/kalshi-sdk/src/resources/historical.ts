import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  GetHistoricalCandlesticksParams,
  GetHistoricalCandlesticksResponse,
  GetHistoricalCutoffResponse,
  GetHistoricalMarketsParams,
} from '../types/historical.js';
import type {
  GetMarketResponse,
  GetMarketsResponse,
  GetTradesParams,
  GetTradesResponse,
  Market,
  Trade,
} from '../types/markets.js';
import type { GetOrdersParams, GetOrdersResponse, Order } from '../types/orders.js';
import type {
  Fill,
  GetFillsParams,
  GetFillsResponse,
  GetPositionsParams,
  GetPositionsResponse,
  MarketPosition,
} from '../types/portfolio.js';

/**
 * The historical partition: data older than the cutoffs of `GET /historical/cutoff`.
 *
 * @example
 * ```ts
 * const cutoff = await client.historical.cutoff();
 * for await (const f of client.historical.iterateFills({ ticker })) console.log(f.fill_id);
 * ```
 * @hideconstructor
 */
export class HistoricalResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /historical/cutoff`: where live data ends and historical data begins. */
  cutoff(options?: RequestOptions): Promise<GetHistoricalCutoffResponse> {
    return send(this.#ctx, 'historical.cutoff', { options });
  }
  /** `GET /historical/markets`: one page. */
  markets(params?: GetHistoricalMarketsParams, options?: RequestOptions): Promise<GetMarketsResponse> {
    return send(this.#ctx, 'historical.markets', { query: params, options });
  }
  /** Every historical market, across pages. */
  iterateMarkets(
    params: GetHistoricalMarketsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Market, void, undefined> {
    return paginate(
      'GET /historical/markets',
      params.cursor,
      (cursor) => this.markets({ ...params, cursor }, options),
      (p) => p.markets,
      (p) => p.cursor,
    );
  }
  /** `GET /historical/markets/{ticker}`. */
  market(ticker: string, options?: RequestOptions): Promise<GetMarketResponse> {
    return send(this.#ctx, 'historical.market', { path: { ticker }, options });
  }
  /** `GET /historical/markets/{ticker}/candlesticks`. */
  candlesticks(
    ticker: string,
    params: GetHistoricalCandlesticksParams,
    options?: RequestOptions,
  ): Promise<GetHistoricalCandlesticksResponse> {
    return send(this.#ctx, 'historical.candlesticks', { path: { ticker }, query: params, options });
  }
  /** `GET /historical/trades`: one page. */
  trades(params?: GetTradesParams, options?: RequestOptions): Promise<GetTradesResponse> {
    return send(this.#ctx, 'historical.trades', { query: params, options });
  }
  /** Every historical trade, across pages. */
  iterateTrades(
    params: GetTradesParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Trade, void, undefined> {
    return paginate(
      'GET /historical/trades',
      params.cursor,
      (cursor) => this.trades({ ...params, cursor }, options),
      (p) => p.trades,
      (p) => p.cursor,
    );
  }
  /** `GET /historical/fills` (auth): one page. */
  fills(params?: GetFillsParams, options?: RequestOptions): Promise<GetFillsResponse> {
    return send(this.#ctx, 'historical.fills', { query: params, options });
  }
  /** Every historical fill, across pages. */
  iterateFills(params: GetFillsParams = {}, options?: RequestOptions): AsyncGenerator<Fill, void, undefined> {
    return paginate(
      'GET /historical/fills',
      params.cursor,
      (cursor) => this.fills({ ...params, cursor }, options),
      (p) => p.fills,
      (p) => p.cursor,
    );
  }
  /** `GET /historical/orders` (auth): one page. */
  orders(params?: GetOrdersParams, options?: RequestOptions): Promise<GetOrdersResponse> {
    return send(this.#ctx, 'historical.orders', { query: params, options });
  }
  /** Every historical order, across pages. */
  iterateOrders(
    params: GetOrdersParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Order, void, undefined> {
    return paginate(
      'GET /historical/orders',
      params.cursor,
      (cursor) => this.orders({ ...params, cursor }, options),
      (p) => p.orders,
      (p) => p.cursor,
    );
  }
  /** `GET /historical/positions` (auth): one page. */
  positions(params?: GetPositionsParams, options?: RequestOptions): Promise<GetPositionsResponse> {
    return send(this.#ctx, 'historical.positions', { query: params, options });
  }
  /** Every historical market position, across pages. */
  iteratePositions(
    params: GetPositionsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<MarketPosition, void, undefined> {
    return paginate(
      'GET /historical/positions',
      params.cursor,
      (cursor) => this.positions({ ...params, cursor }, options),
      (p) => p.market_positions,
      (p) => p.cursor,
    );
  }
}
