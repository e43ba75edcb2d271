import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import type {
  GetAccountLimitsResponse,
  GetEndpointCostsResponse,
  GetVolumeProgressResponse,
} from '../types/account.js';

/**
 * API limits, endpoint token costs and usage tiers.
 *
 * @example
 * ```ts
 * const { usage_tier, write } = await client.account.limits();
 * ```
 * @hideconstructor
 */
export class AccountResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /account/limits`: your tier and bucket budgets. */
  limits(options?: RequestOptions): Promise<GetAccountLimitsResponse> {
    return send(this.#ctx, 'account.limits', { options });
  }
  /** `GET /account/endpoint_costs` (public): non-default token costs. */
  endpointCosts(options?: RequestOptions): Promise<GetEndpointCostsResponse> {
    return send(this.#ctx, 'account.endpointCosts', { options });
  }
  /** `POST /account/api_usage_level/upgrade`: self-upgrade Basic to Advanced (30 tokens). */
  upgradeUsageLevel(options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'account.upgradeUsageLevel', { options });
  }
  /** `GET /account/api_usage_level/volume_progress`. */
  volumeProgress(options?: RequestOptions): Promise<GetVolumeProgressResponse> {
    return send(this.#ctx, 'account.volumeProgress', { options });
  }
}
