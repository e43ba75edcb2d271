import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  GetFiltersBySportResponse,
  GetIncentiveProgramsParams,
  GetIncentiveProgramsResponse,
  GetTagsByCategoriesResponse,
  IncentiveProgram,
} from '../types/misc.js';

/**
 * Discovery helpers (public).
 *
 * @example
 * ```ts
 * const { tags_by_categories } = await client.search.tagsByCategories();
 * ```
 * @hideconstructor
 */
export class SearchResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /search/tags_by_categories`. */
  tagsByCategories(options?: RequestOptions): Promise<GetTagsByCategoriesResponse> {
    return send(this.#ctx, 'search.tagsByCategories', { options });
  }
  /** `GET /search/filters_by_sport`. */
  filtersBySport(options?: RequestOptions): Promise<GetFiltersBySportResponse> {
    return send(this.#ctx, 'search.filtersBySport', { options });
  }
}

/**
 * Incentive programs (public; pages use `next_cursor`).
 *
 * @example
 * ```ts
 * for await (const p of client.incentivePrograms.iterate({ type: 'liquidity' })) console.log(p.market_ticker);
 * ```
 * @hideconstructor
 */
export class IncentiveProgramsResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /incentive_programs`: one page. */
  list(params?: GetIncentiveProgramsParams, options?: RequestOptions): Promise<GetIncentiveProgramsResponse> {
    return send(this.#ctx, 'incentivePrograms.list', { query: params, options });
  }
  /** Every incentive program, across pages. */
  iterate(
    params: GetIncentiveProgramsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<IncentiveProgram, void, undefined> {
    return paginate(
      'GET /incentive_programs',
      params.cursor,
      (cursor) => this.list({ ...params, cursor }, options),
      (p) => p.incentive_programs,
      (p) => p.next_cursor,
    );
  }
}
