/**
 * Wire types of the smaller public groups: structured targets, live data, search and incentive
 * programs.
 *
 * @module
 */
import type { FixedPointCount, PageParams, Rfc3339 } from './common.js';

/** A structured target (a team, a player, a city, ...). */
export interface StructuredTarget {
  /** Id. */
  id?: string;
  /** Name. */
  name?: string;
  /** Type. */
  type?: string;
  /** Details. */
  details?: Record<string, unknown>;
  /** Source id. */
  source_id?: string;
  /** Source ids by provider. */
  source_ids?: Record<string, string>;
  /** Last update. */
  last_updated_ts?: Rfc3339;
}

/** Query of `GET /structured_targets`. */
export interface GetStructuredTargetsParams {
  /** Only these ids (repeated parameter). */
  ids?: string[];
  /** Type. */
  type?: string;
  /** Competition. */
  competition?: string;
  /** Page size (1-2000). */
  page_size?: number;
  /** Cursor. */
  cursor?: string | undefined;
}

/** Response of `GET /structured_targets`. */
export interface GetStructuredTargetsResponse {
  /** One page of targets. */
  structured_targets?: StructuredTarget[];
  /** Cursor of the next page. */
  cursor?: string | undefined;
}

/** Response of `GET /structured_targets/{structured_target_id}`. */
export interface GetStructuredTargetResponse {
  /** The target. */
  structured_target?: StructuredTarget;
}

/** Live data of one milestone. */
export interface LiveData {
  /** Type. */
  type: string;
  /** Free-form details. */
  details: Record<string, unknown>;
  /** Milestone. */
  milestone_id: string;
}

/** Query of the live data endpoints. */
export interface GetLiveDataParams {
  /** Include player statistics. */
  include_player_stats?: boolean;
}

/** Response of `GET /live_data/{type}/milestone/{milestone_id}`. */
export interface GetLiveDataResponse {
  /** The data. */
  live_data: LiveData;
}

/** Query of `GET /live_data/batch`. */
export interface GetLiveDatasParams extends GetLiveDataParams {
  /** Milestones (repeated parameter). */
  milestone_ids: string[];
}

/** Response of `GET /live_data/batch`. */
export interface GetLiveDatasResponse {
  /** One per milestone. */
  live_datas: LiveData[];
}

/** Response of `GET /live_data/milestone/{milestone_id}/game_stats`. */
export interface GetGameStatsResponse {
  /** Play by play. */
  pbp?: Record<string, unknown>;
}

/** Query of `GET /live_data/events/{event_ticker}`. */
export interface GetEventLiveDataParams {
  /** Range. */
  range?: string;
}

/** Response of `GET /live_data/events/{event_ticker}`. */
export interface GetEventLiveDataResponse {
  /** Free-form live data of the event. */
  live_data: Record<string, unknown>;
}

/** Query of `GET /live_data/weather/{city}`. */
export interface GetWeatherIndexParams {
  /** From (Unix s). */
  from?: number;
  /** To (Unix s). */
  to?: number;
  /** Only the last N seconds. */
  last_sec?: number;
  /** Detailed points. */
  detailed?: boolean;
}

/** Response of `GET /live_data/weather/{city}`. */
export interface GetWeatherIndexResponse {
  /** City. */
  city: string;
  /** Config version. */
  config_version?: string;
  /** Units. */
  units: string;
  /** Points. */
  timeseries: Record<string, unknown>[];
}

/** Response of `GET /live_data/weather/{city}/calibrations`. */
export interface GetWeatherIndexCalibrationsResponse {
  /** City. */
  city: string;
  /** Units. */
  units: string;
  /** Calibrations. */
  calibrations: Record<string, unknown>[];
}

/** Response of `GET /search/tags_by_categories`. */
export interface GetTagsByCategoriesResponse {
  /** Tags per category. */
  tags_by_categories: Record<string, string[]>;
}

/** Filters of one sport. */
export interface SportFilterDetails {
  /** Scopes. */
  scopes: string[];
  /** Scopes per competition. */
  competitions: Record<string, { scopes: string[] }>;
}

/** Response of `GET /search/filters_by_sport`. */
export interface GetFiltersBySportResponse {
  /** Filters per sport. */
  filters_by_sports: Record<string, SportFilterDetails>;
  /** Display order. */
  sport_ordering: string[];
}

/** A liquidity or volume incentive program. */
export interface IncentiveProgram {
  /** Id. */
  id: string;
  /** Market id. */
  market_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** Kind. */
  incentive_type: 'liquidity' | 'volume' | 'margin_maker_volume' | 'margin_taker_volume';
  /** Description. */
  incentive_description: string;
  /** Start. */
  start_date: Rfc3339;
  /** End. */
  end_date: Rfc3339;
  /** Reward per period in centi-cents ($0.0001). */
  period_reward: number;
  /** Whether paid. */
  paid_out: boolean;
  /** Discount factor (basis points). */
  discount_factor_bps?: number | null;
  /** Target size. */
  target_size_fp?: FixedPointCount | null;
  /** Per-account cap in centi-cents. */
  max_reward_per_account?: number | null;
}

/** Query of `GET /incentive_programs`. */
export interface GetIncentiveProgramsParams extends PageParams {
  /** Status. */
  status?: string;
  /** Type (`all`, `liquidity`, `volume`, ...). */
  type?: string;
  /** Description filter. */
  incentive_description?: string;
}

/** Response of `GET /incentive_programs` (cursor key is `next_cursor`). */
export interface GetIncentiveProgramsResponse {
  /** One page of programs. */
  incentive_programs: IncentiveProgram[];
  /** Cursor of the next page. */
  next_cursor?: string;
}
