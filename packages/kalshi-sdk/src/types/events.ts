/**
 * Wire types of events.
 *
 * @module
 */
import type {
  CollateralReturnType,
  ExchangeIndex,
  MarketStatusFilter,
  PageParams,
  Rfc3339,
  SettlementSource,
  UnixSeconds,
} from './common.js';
import type { Market } from './markets.js';
import type { Milestone } from './milestones.js';

/**
 * An event: a group of markets about one occurrence (for example one S&P 500 close).
 *
 * @example
 * ```ts
 * const { event, markets } = await client.events.get('KXINX-26MAR13H1600');
 * console.log(event.collateral_return_type, markets.length);
 * ```
 */
export interface EventData {
  /** Event ticker. */
  event_ticker: string;
  /** Series ticker. */
  series_ticker: string;
  /** Subtitle. */
  sub_title: string;
  /** Title. */
  title: string;
  /** `MECNET` (mutually exclusive partition), `DIRECNET` (ladder) or `""`. */
  collateral_return_type: CollateralReturnType | string;
  /** Whether exactly one child market resolves YES. */
  mutually_exclusive: boolean;
  /** @deprecated Use the series category. */
  category?: string;
  /** Strike date. */
  strike_date?: Rfc3339 | null;
  /** Strike period. */
  strike_period?: string | null;
  /** Child markets (with `with_nested_markets`). */
  markets?: Market[];
  /** Product metadata such as `cadence`. */
  product_metadata?: Record<string, unknown> | null;
  /** Settlement sources. */
  settlement_sources: SettlementSource[] | null;
  /** Last update. */
  last_updated_ts?: Rfc3339;
  /** Fee type override. */
  fee_type_override?: string | null;
  /** Fee multiplier override. */
  fee_multiplier_override?: number | null;
  /** Shard of all child markets. */
  exchange_index?: ExchangeIndex;
  /** @deprecated Removed 2026-09-10. */
  available_on_brokers?: boolean;
}

/** Query of `GET /events`. */
export interface GetEventsParams extends PageParams {
  /** Embed child markets. */
  with_nested_markets?: boolean;
  /** Include related milestones. */
  with_milestones?: boolean;
  /** Status filter (matches when any child market matches). */
  status?: Exclude<MarketStatusFilter, 'paused'>;
  /** Only this series. */
  series_ticker?: string;
  /** Comma-separated event tickers. */
  event_tickers?: string;
  /** Closing at or after (Unix s). */
  min_close_ts?: UnixSeconds;
  /** Updated at or after (Unix s). */
  min_updated_ts?: UnixSeconds;
}

/** Response of `GET /events`. */
export interface GetEventsResponse {
  /** One page of events (multivariate events excluded). */
  events: EventData[];
  /** Related milestones (with `with_milestones`). */
  milestones?: Milestone[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** Query of `GET /events/multivariate`. */
export interface GetMultivariateEventsParams extends PageParams {
  /** Only this series. */
  series_ticker?: string;
  /** Only this collection. */
  collection_ticker?: string;
  /** Embed child markets. */
  with_nested_markets?: boolean;
}

/** Response of `GET /events/multivariate`. */
export interface GetMultivariateEventsResponse {
  /** One page of multivariate events. */
  events: EventData[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** Query of `GET /events/{event_ticker}`. */
export interface GetEventParams {
  /** Embed child markets in `event.markets`. */
  with_nested_markets?: boolean;
}

/** Response of `GET /events/{event_ticker}`. */
export interface GetEventResponse {
  /** The event. */
  event: EventData;
  /** Child markets (the legacy top-level place). */
  markets: Market[];
}

/** Display metadata of one market of an event. */
export interface MarketMetadata {
  /** Market ticker. */
  market_ticker: string;
  /** Image. */
  image_url: string;
  /** Display colour. */
  color_code: string;
}

/** Response of `GET /events/{event_ticker}/metadata`. */
export interface GetEventMetadataResponse {
  /** Image. */
  image_url: string;
  /** Featured image. */
  featured_image_url?: string;
  /** Per-market display data. */
  market_details: MarketMetadata[];
  /** Settlement sources. */
  settlement_sources: SettlementSource[];
  /** Competition. */
  competition?: string | null;
  /** Competition scope. */
  competition_scope?: string | null;
}
