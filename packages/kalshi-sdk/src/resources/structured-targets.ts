import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  GetStructuredTargetResponse,
  GetStructuredTargetsParams,
  GetStructuredTargetsResponse,
  StructuredTarget,
} from '../types/misc.js';

/**
 * Structured targets (public).
 *
 * @example
 * ```ts
 * const { structured_targets } = await client.structuredTargets.list({ type: 'basketball_team' });
 * ```
 * @hideconstructor
 */
export class StructuredTargetsResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /structured_targets`: one page. */
  list(params?: GetStructuredTargetsParams, options?: RequestOptions): Promise<GetStructuredTargetsResponse> {
    return send(this.#ctx, 'structuredTargets.list', { query: params, options });
  }
  /** Every structured target, across pages. */
  iterate(
    params: GetStructuredTargetsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<StructuredTarget, void, undefined> {
    return paginate(
      'GET /structured_targets',
      params.cursor,
      (cursor) => this.list({ ...params, cursor }, options),
      (p) => p.structured_targets,
      (p) => p.cursor,
    );
  }
  /** `GET /structured_targets/{structured_target_id}`. */
  get(id: string, options?: RequestOptions): Promise<GetStructuredTargetResponse> {
    return send(this.#ctx, 'structuredTargets.get', { path: { structured_target_id: id }, options });
  }
}
