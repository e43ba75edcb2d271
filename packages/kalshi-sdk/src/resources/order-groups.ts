import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import type { EmptyResponse } from '../types/common.js';
import type {
  CreateOrderGroupRequest,
  CreateOrderGroupResponse,
  GetOrderGroupResponse,
  GetOrderGroupsResponse,
  OrderGroupParams,
  UpdateOrderGroupLimitRequest,
} from '../types/order-groups.js';

/**
 * Order groups: a rolling 15-second matched-contract limit that cancels the group's orders.
 *
 * @example
 * ```ts
 * const { order_group_id } = await client.orderGroups.create({ contracts_limit_fp: '200.00' });
 * await client.orderGroups.trigger(order_group_id); // kill switch for the group
 * ```
 * @hideconstructor
 */
export class OrderGroupsResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /portfolio/order_groups`. */
  list(params?: OrderGroupParams, options?: RequestOptions): Promise<GetOrderGroupsResponse> {
    return send(this.#ctx, 'orderGroups.list', { query: params, options });
  }
  /** `POST /portfolio/order_groups/create`. */
  create(body: CreateOrderGroupRequest, options?: RequestOptions): Promise<CreateOrderGroupResponse> {
    return send(this.#ctx, 'orderGroups.create', { body, options });
  }
  /** `GET /portfolio/order_groups/{order_group_id}`. */
  get(
    orderGroupId: string,
    params?: OrderGroupParams,
    options?: RequestOptions,
  ): Promise<GetOrderGroupResponse> {
    return send(this.#ctx, 'orderGroups.get', {
      path: { order_group_id: orderGroupId },
      query: params,
      options,
    });
  }
  /** `DELETE /portfolio/order_groups/{order_group_id}`: deletes the group and cancels its orders. */
  delete(orderGroupId: string, params?: OrderGroupParams, options?: RequestOptions): Promise<EmptyResponse> {
    return send(this.#ctx, 'orderGroups.delete', {
      path: { order_group_id: orderGroupId },
      query: params,
      options,
    });
  }
  /** `PUT /portfolio/order_groups/{order_group_id}/reset`: leaves the triggered state. */
  reset(orderGroupId: string, params?: OrderGroupParams, options?: RequestOptions): Promise<EmptyResponse> {
    return send(this.#ctx, 'orderGroups.reset', {
      path: { order_group_id: orderGroupId },
      query: params,
      body: {},
      options,
    });
  }
  /** `PUT /portfolio/order_groups/{order_group_id}/trigger`: cancels the group's orders and blocks new ones. */
  trigger(orderGroupId: string, params?: OrderGroupParams, options?: RequestOptions): Promise<EmptyResponse> {
    return send(this.#ctx, 'orderGroups.trigger', {
      path: { order_group_id: orderGroupId },
      query: params,
      body: {},
      options,
    });
  }
  /** `PUT /portfolio/order_groups/{order_group_id}/limit`. */
  updateLimit(
    orderGroupId: string,
    body: UpdateOrderGroupLimitRequest,
    params?: OrderGroupParams,
    options?: RequestOptions,
  ): Promise<EmptyResponse> {
    return send(this.#ctx, 'orderGroups.updateLimit', {
      path: { order_group_id: orderGroupId },
      query: params,
      body,
      options,
    });
  }
}
