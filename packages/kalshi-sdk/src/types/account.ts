/**
 * Wire types of the account group: API limits, endpoint costs and usage tiers.
 *
 * @module
 */
import type { ExchangeInstance, FixedPointCount, UnixSeconds } from './common.js';

/** A token bucket budget. */
export interface BucketLimit {
  /** Tokens added per second. */
  refill_rate: number;
  /** Maximum tokens held. */
  bucket_capacity: number;
}

/** A tier grant. */
export interface ApiUsageLevelGrant {
  /** Exchange instance. */
  exchange_instance: ExchangeInstance;
  /** Tier name. */
  level: string;
  /** Expiry (Unix s). */
  expires_ts?: UnixSeconds | null;
  /** `volume` or `manual`. */
  source: string;
}

/** Response of `GET /account/limits`. */
export interface GetAccountLimitsResponse {
  /** Current tier name. */
  usage_tier: string;
  /** Read bucket. */
  read: BucketLimit;
  /** Write bucket. */
  write: BucketLimit;
  /** Tier grants. */
  grants: ApiUsageLevelGrant[];
}

/** A non-default token cost of one endpoint. */
export interface EndpointTokenCost {
  /** HTTP method. */
  method: string;
  /** Path (relative to `/trade-api/v2`, may hold `{param}` templates). */
  path: string;
  /** Tokens charged. */
  cost: number;
}

/**
 * Response of `GET /account/endpoint_costs`.
 *
 * @example
 * ```ts
 * const costs = await client.account.endpointCosts();
 * console.log(costs.default_cost); // 10
 * ```
 */
export interface GetEndpointCostsResponse {
  /** Cost of any endpoint not listed. */
  default_cost: number;
  /** Endpoints with a non-default cost. */
  endpoint_costs: EndpointTokenCost[];
}

/** Volume needed to earn and keep one tier. */
export interface ApiUsageLevelVolumeGoal {
  /** Tier name. */
  level: string;
  /** Volume to earn it. */
  earn_volume_goal_fp: FixedPointCount;
  /** Volume to keep it. */
  keep_volume_goal_fp: FixedPointCount;
}

/** Trailing volume and tier thresholds. */
export interface ApiUsageLevelVolumeProgress {
  /** Computed at (Unix s). */
  computed_ts: UnixSeconds;
  /** Trailing 30-day volume. */
  trailing_30d_volume_fp: FixedPointCount;
  /** Goals per tier. */
  goals: ApiUsageLevelVolumeGoal[];
}

/** Response of `GET /account/api_usage_level/volume_progress`. */
export interface GetVolumeProgressResponse {
  /** Progress per exchange instance. */
  volume_progress: ApiUsageLevelVolumeProgress[];
}
