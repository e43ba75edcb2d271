import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import type { GetSeriesFeeChangesParams, GetSeriesFeeChangesResponse } from '../types/exchange.js';
import type {
  GetSeriesListParams,
  GetSeriesListResponse,
  GetSeriesParams,
  GetSeriesResponse,
} from '../types/series.js';

/**
 * Series (public).
 *
 * @example
 * ```ts
 * const { series } = await client.series.list({ category: 'Financials' });
 * ```
 * @hideconstructor
 */
export class SeriesResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /series`: every matching series (not paginated). */
  list(params?: GetSeriesListParams, options?: RequestOptions): Promise<GetSeriesListResponse> {
    return send(this.#ctx, 'series.list', { query: params, options });
  }
  /** `GET /series/{series_ticker}`. */
  get(seriesTicker: string, params?: GetSeriesParams, options?: RequestOptions): Promise<GetSeriesResponse> {
    return send(this.#ctx, 'series.get', { path: { series_ticker: seriesTicker }, query: params, options });
  }
  /** `GET /series/fee_changes`: scheduled fee changes. */
  feeChanges(
    params?: GetSeriesFeeChangesParams,
    options?: RequestOptions,
  ): Promise<GetSeriesFeeChangesResponse> {
    return send(this.#ctx, 'series.feeChanges', { query: params, options });
  }
}
