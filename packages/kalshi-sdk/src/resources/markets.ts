import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  BatchGetMarketCandlesticksParams,
  BatchGetMarketCandlesticksResponse,
  GetCandlesticksParams,
  GetMarketCandlesticksResponse,
  GetMarketResponse,
  GetMarketsParams,
  GetMarketsResponse,
  GetOrderbookParams,
  GetOrderbookResponse,
  GetOrderbooksResponse,
  GetTradesParams,
  GetTradesResponse,
  Market,
  Trade,
} from '../types/markets.js';

/**
 * Markets, order books, trades and candlesticks (public).
 *
 * @example
 * ```ts
 * for await (const m of client.markets.iterate({ series_ticker: 'KXINXU', status: 'open' })) console.log(m.ticker);
 * ```
 * @hideconstructor
 */
export class MarketsResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /markets`: one page. */
  list(params?: GetMarketsParams, options?: RequestOptions): Promise<GetMarketsResponse> {
    return send(this.#ctx, 'markets.list', { query: params, options });
  }
  /** Every market matching `params`, across pages. */
  iterate(params: GetMarketsParams = {}, options?: RequestOptions): AsyncGenerator<Market, void, undefined> {
    return paginate(
      'GET /markets',
      params.cursor,
      (cursor) => this.list({ ...params, cursor }, options),
      (p) => p.markets,
      (p) => p.cursor,
    );
  }
  /** `GET /markets/{ticker}`. */
  get(ticker: string, options?: RequestOptions): Promise<GetMarketResponse> {
    return send(this.#ctx, 'markets.get', { path: { ticker }, options });
  }
  /** `GET /markets/{ticker}/orderbook`: bids of both sides, best last (signed when credentials exist). */
  orderbook(
    ticker: string,
    params?: GetOrderbookParams,
    options?: RequestOptions,
  ): Promise<GetOrderbookResponse> {
    return send(this.#ctx, 'markets.orderbook', { path: { ticker }, query: params, options });
  }
  /** `GET /markets/orderbooks`: books of up to 100 markets. */
  orderbooks(tickers: readonly string[], options?: RequestOptions): Promise<GetOrderbooksResponse> {
    return send(this.#ctx, 'markets.orderbooks', { query: { tickers }, options });
  }
  /** `GET /markets/trades`: one page of public trades. */
  trades(params?: GetTradesParams, options?: RequestOptions): Promise<GetTradesResponse> {
    return send(this.#ctx, 'markets.trades', { query: params, options });
  }
  /** Every public trade matching `params`, across pages. */
  iterateTrades(
    params: GetTradesParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Trade, void, undefined> {
    return paginate(
      'GET /markets/trades',
      params.cursor,
      (cursor) => this.trades({ ...params, cursor }, options),
      (p) => p.trades,
      (p) => p.cursor,
    );
  }
  /** `GET /series/{series_ticker}/markets/{ticker}/candlesticks`. */
  candlesticks(
    seriesTicker: string,
    ticker: string,
    params: GetCandlesticksParams,
    options?: RequestOptions,
  ): Promise<GetMarketCandlesticksResponse> {
    return send(this.#ctx, 'markets.candlesticks', {
      path: { series_ticker: seriesTicker, ticker },
      query: params,
      options,
    });
  }
  /** `GET /markets/candlesticks`: candles of up to 100 markets. */
  batchCandlesticks(
    params: BatchGetMarketCandlesticksParams,
    options?: RequestOptions,
  ): Promise<BatchGetMarketCandlesticksResponse> {
    return send(this.#ctx, 'markets.batchCandlesticks', { query: params, options });
  }
}
