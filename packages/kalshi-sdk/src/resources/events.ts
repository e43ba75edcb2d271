import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  EventData,
  GetEventMetadataResponse,
  GetEventParams,
  GetEventResponse,
  GetEventsParams,
  GetEventsResponse,
  GetMultivariateEventsParams,
  GetMultivariateEventsResponse,
} from '../types/events.js';
import type {
  EventFeeChange,
  GetEventFeeChangesParams,
  GetEventFeeChangesResponse,
} from '../types/exchange.js';
import type {
  GetEventCandlesticksParams,
  GetEventCandlesticksResponse,
  GetEventForecastPercentilesHistoryParams,
  GetEventForecastPercentilesHistoryResponse,
} from '../types/markets.js';

/**
 * Events (public, except the forecast history).
 *
 * @example
 * ```ts
 * for await (const ev of client.events.iterate({ series_ticker: 'KXINX', status: 'open' })) console.log(ev.event_ticker);
 * ```
 * @hideconstructor
 */
export class EventsResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /events`: one page (multivariate events excluded). */
  list(params?: GetEventsParams, options?: RequestOptions): Promise<GetEventsResponse> {
    return send(this.#ctx, 'events.list', { query: params, options });
  }
  /** Every event matching `params`, across pages. */
  iterate(
    params: GetEventsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<EventData, void, undefined> {
    return paginate(
      'GET /events',
      params.cursor,
      (cursor) => this.list({ ...params, cursor }, options),
      (p) => p.events,
      (p) => p.cursor,
    );
  }
  /** `GET /events/multivariate`: one page of combo events. */
  listMultivariate(
    params?: GetMultivariateEventsParams,
    options?: RequestOptions,
  ): Promise<GetMultivariateEventsResponse> {
    return send(this.#ctx, 'events.listMultivariate', { query: params, options });
  }
  /** Every multivariate event, across pages. */
  iterateMultivariate(
    params: GetMultivariateEventsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<EventData, void, undefined> {
    return paginate(
      'GET /events/multivariate',
      params.cursor,
      (cursor) => this.listMultivariate({ ...params, cursor }, options),
      (p) => p.events,
      (p) => p.cursor,
    );
  }
  /** `GET /events/{event_ticker}`. */
  get(eventTicker: string, params?: GetEventParams, options?: RequestOptions): Promise<GetEventResponse> {
    return send(this.#ctx, 'events.get', { path: { event_ticker: eventTicker }, query: params, options });
  }
  /** `GET /events/{event_ticker}/metadata`. */
  metadata(eventTicker: string, options?: RequestOptions): Promise<GetEventMetadataResponse> {
    return send(this.#ctx, 'events.metadata', { path: { event_ticker: eventTicker }, options });
  }
  /** `GET /events/fee_changes`: one page. */
  feeChanges(
    params?: GetEventFeeChangesParams,
    options?: RequestOptions,
  ): Promise<GetEventFeeChangesResponse> {
    return send(this.#ctx, 'events.feeChanges', { query: params, options });
  }
  /** Every event fee change, across pages. */
  iterateFeeChanges(
    params: GetEventFeeChangesParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<EventFeeChange, void, undefined> {
    return paginate(
      'GET /events/fee_changes',
      params.cursor,
      (cursor) => this.feeChanges({ ...params, cursor }, options),
      (p) => p.event_fee_changes,
      (p) => p.cursor,
    );
  }
  /** `GET /series/{series_ticker}/events/{ticker}/candlesticks`. */
  candlesticks(
    seriesTicker: string,
    eventTicker: string,
    params: GetEventCandlesticksParams,
    options?: RequestOptions,
  ): Promise<GetEventCandlesticksResponse> {
    return send(this.#ctx, 'events.candlesticks', {
      path: { series_ticker: seriesTicker, ticker: eventTicker },
      query: params,
      options,
    });
  }
  /** `GET /series/{series_ticker}/events/{ticker}/forecast_percentile_history` (auth). */
  forecastPercentileHistory(
    seriesTicker: string,
    eventTicker: string,
    params: GetEventForecastPercentilesHistoryParams,
    options?: RequestOptions,
  ): Promise<GetEventForecastPercentilesHistoryResponse> {
    return send(this.#ctx, 'events.forecastPercentileHistory', {
      path: { series_ticker: seriesTicker, ticker: eventTicker },
      query: params,
      options,
    });
  }
}
