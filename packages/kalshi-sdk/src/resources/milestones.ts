import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  GetMilestoneResponse,
  GetMilestonesParams,
  GetMilestonesResponse,
  Milestone,
} from '../types/milestones.js';

/**
 * Milestones (public).
 *
 * @example
 * ```ts
 * const { milestones } = await client.milestones.list({ limit: 100, category: 'Sports' });
 * ```
 * @hideconstructor
 */
export class MilestonesResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /milestones`: one page (`limit` is required by Kalshi). */
  list(params: GetMilestonesParams, options?: RequestOptions): Promise<GetMilestonesResponse> {
    return send(this.#ctx, 'milestones.list', { query: params, options });
  }
  /** Every milestone, across pages (default page size 500). */
  iterate(
    params: GetMilestonesParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Milestone, void, undefined> {
    return paginate(
      'GET /milestones',
      params.cursor,
      (cursor) => this.list({ limit: 500, ...params, cursor }, options),
      (p) => p.milestones,
      (p) => p.cursor,
    );
  }
  /** `GET /milestones/{milestone_id}`. */
  get(milestoneId: string, options?: RequestOptions): Promise<GetMilestoneResponse> {
    return send(this.#ctx, 'milestones.get', { path: { milestone_id: milestoneId }, options });
  }
}
