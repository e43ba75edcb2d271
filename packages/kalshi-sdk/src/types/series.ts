/**
 * Wire types of series.
 *
 * @module
 */
import type {
  ExchangeIndex,
  FeeType,
  FixedPointCount,
  Rfc3339,
  SettlementSource,
  UnixSeconds,
} from './common.js';

/**
 * A series: a family of recurring events (for example `KXINX`, the S&P 500 daily range).
 *
 * @example
 * ```ts
 * const { series } = await client.series.get('KXINX');
 * console.log(series.fee_type, series.fee_multiplier);
 * ```
 */
export interface Series {
  /** Series ticker. */
  ticker: string;
  /** Free-text frequency (`daily`, `weekly`, `annual`, ...). */
  frequency: string;
  /** Title. */
  title: string;
  /** Main category. */
  category: string;
  /** All categories. */
  categories?: string[];
  /** Tags. */
  tags: string[] | null;
  /** Settlement sources. */
  settlement_sources: SettlementSource[] | null;
  /** Contract page. */
  contract_url: string;
  /** Contract terms PDF. */
  contract_terms_url: string;
  /** Product metadata. */
  product_metadata?: Record<string, unknown> | null;
  /** Fee type. */
  fee_type: FeeType;
  /** Fee multiplier. */
  fee_multiplier: number;
  /** Additional prohibitions. */
  additional_prohibitions: string[] | null;
  /** Volume (with `include_volume`). */
  volume_fp?: FixedPointCount;
  /** Last metadata update. */
  last_updated_ts?: Rfc3339;
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/** Query of `GET /series`. */
export interface GetSeriesListParams {
  /** Only this category. */
  category?: string;
  /** Comma-separated tags. */
  tags?: string;
  /** Include `product_metadata`. */
  include_product_metadata?: boolean;
  /** Include `volume_fp`. */
  include_volume?: boolean;
  /** Updated at or after (Unix s). */
  min_updated_ts?: UnixSeconds;
}

/** Response of `GET /series`. */
export interface GetSeriesListResponse {
  /** All matching series (not paginated). */
  series: Series[];
}

/** Query of `GET /series/{series_ticker}`. */
export interface GetSeriesParams {
  /** Include `volume_fp`. */
  include_volume?: boolean;
}

/** Response of `GET /series/{series_ticker}`. */
export interface GetSeriesResponse {
  /** The series. */
  series: Series;
}
