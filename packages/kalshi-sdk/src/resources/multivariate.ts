import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  CreateMarketInCollectionRequest,
  CreateMarketInCollectionResponse,
  GetMultivariateCollectionResponse,
  GetMultivariateCollectionsParams,
  GetMultivariateCollectionsResponse,
  MultivariateEventCollection,
} from '../types/multivariate.js';

/**
 * Multivariate event collections (combos).
 *
 * @example
 * ```ts
 * const { multivariate_contracts } = await client.multivariate.list({ status: 'open' });
 * ```
 * @hideconstructor
 */
export class MultivariateResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /multivariate_event_collections`: one page. */
  list(
    params?: GetMultivariateCollectionsParams,
    options?: RequestOptions,
  ): Promise<GetMultivariateCollectionsResponse> {
    return send(this.#ctx, 'multivariate.list', { query: params, options });
  }
  /** Every collection, across pages. */
  iterate(
    params: GetMultivariateCollectionsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<MultivariateEventCollection, void, undefined> {
    return paginate(
      'GET /multivariate_event_collections',
      params.cursor,
      (cursor) => this.list({ ...params, cursor }, options),
      (p) => p.multivariate_contracts,
      (p) => p.cursor,
    );
  }
  /** `GET /multivariate_event_collections/{collection_ticker}`. */
  get(collectionTicker: string, options?: RequestOptions): Promise<GetMultivariateCollectionResponse> {
    return send(this.#ctx, 'multivariate.get', { path: { collection_ticker: collectionTicker }, options });
  }
  /** `POST /multivariate_event_collections/{collection_ticker}` (auth): creates a combo market. */
  createMarket(
    collectionTicker: string,
    body: CreateMarketInCollectionRequest,
    options?: RequestOptions,
  ): Promise<CreateMarketInCollectionResponse> {
    return send(this.#ctx, 'multivariate.createMarket', {
      path: { collection_ticker: collectionTicker },
      body,
      options,
    });
  }
}
