import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import type {
  GetEventLiveDataParams,
  GetEventLiveDataResponse,
  GetGameStatsResponse,
  GetLiveDataParams,
  GetLiveDataResponse,
  GetLiveDatasParams,
  GetLiveDatasResponse,
  GetWeatherIndexCalibrationsResponse,
  GetWeatherIndexParams,
  GetWeatherIndexResponse,
} from '../types/misc.js';

/**
 * Live sports, crypto and weather data (public).
 *
 * @example
 * ```ts
 * const { live_data } = await client.liveData.byMilestone(milestoneId);
 * ```
 * @hideconstructor
 */
export class LiveDataResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /live_data/{type}/milestone/{milestone_id}`. */
  get(
    type: string,
    milestoneId: string,
    params?: GetLiveDataParams,
    options?: RequestOptions,
  ): Promise<GetLiveDataResponse> {
    return send(this.#ctx, 'liveData.get', {
      path: { type, milestone_id: milestoneId },
      query: params,
      options,
    });
  }
  /** `GET /live_data/milestone/{milestone_id}`. */
  byMilestone(
    milestoneId: string,
    params?: GetLiveDataParams,
    options?: RequestOptions,
  ): Promise<GetLiveDataResponse> {
    return send(this.#ctx, 'liveData.byMilestone', {
      path: { milestone_id: milestoneId },
      query: params,
      options,
    });
  }
  /** `GET /live_data/batch`. */
  batch(params: GetLiveDatasParams, options?: RequestOptions): Promise<GetLiveDatasResponse> {
    return send(this.#ctx, 'liveData.batch', { query: params, options });
  }
  /** `GET /live_data/milestone/{milestone_id}/game_stats`. */
  gameStats(milestoneId: string, options?: RequestOptions): Promise<GetGameStatsResponse> {
    return send(this.#ctx, 'liveData.gameStats', { path: { milestone_id: milestoneId }, options });
  }
  /** `GET /live_data/events/{event_ticker}`. */
  event(
    eventTicker: string,
    params?: GetEventLiveDataParams,
    options?: RequestOptions,
  ): Promise<GetEventLiveDataResponse> {
    return send(this.#ctx, 'liveData.event', { path: { event_ticker: eventTicker }, query: params, options });
  }
  /** `GET /live_data/weather/{city}`. */
  weather(
    city: string,
    params?: GetWeatherIndexParams,
    options?: RequestOptions,
  ): Promise<GetWeatherIndexResponse> {
    return send(this.#ctx, 'liveData.weather', { path: { city }, query: params, options });
  }
  /** `GET /live_data/weather/{city}/calibrations`. */
  weatherCalibrations(city: string, options?: RequestOptions): Promise<GetWeatherIndexCalibrationsResponse> {
    return send(this.#ctx, 'liveData.weatherCalibrations', { path: { city }, options });
  }
}
