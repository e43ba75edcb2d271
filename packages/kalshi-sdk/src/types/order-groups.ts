/**
 * Wire types of order groups (rolling 15-second contract limits that cancel a group's orders).
 *
 * @module
 */
import type { ExchangeIndex, FixedPointCount } from './common.js';

/** An order group. */
export interface OrderGroup {
  /** Group id. */
  id: string;
  /** Contracts matched per rolling 15 s before the group triggers. */
  contracts_limit_fp?: FixedPointCount;
  /** Whether the group cancels its orders when triggered. */
  is_auto_cancel_enabled: boolean;
  /** Shard the group is bound to. */
  exchange_index?: ExchangeIndex;
}

/** Query of the order-group endpoints. */
export interface OrderGroupParams {
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Shard of the group. */
  exchange_index?: ExchangeIndex;
}

/** Response of `GET /portfolio/order_groups`. */
export interface GetOrderGroupsResponse {
  /** Your groups. */
  order_groups?: OrderGroup[];
}

/**
 * Body of `POST /portfolio/order_groups/create`.
 *
 * @example
 * ```ts
 * const { order_group_id } = await client.orderGroups.create({ contracts_limit_fp: '500.00' });
 * ```
 */
export interface CreateOrderGroupRequest {
  /** Subaccount. */
  subaccount?: number;
  /** Integer limit (1-1,000,000). */
  contracts_limit?: number;
  /** Fixed-point limit. */
  contracts_limit_fp?: FixedPointCount | null;
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `POST /portfolio/order_groups/create` (201). */
export interface CreateOrderGroupResponse {
  /** New group id. */
  order_group_id: string;
  /** Subaccount. */
  subaccount: number;
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `GET /portfolio/order_groups/{order_group_id}`. */
export interface GetOrderGroupResponse {
  /** Whether auto-cancel is on. */
  is_auto_cancel_enabled: boolean;
  /** The limit. */
  contracts_limit_fp?: FixedPointCount;
  /** Order ids in the group. */
  orders: string[];
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/** Body of `PUT /portfolio/order_groups/{order_group_id}/limit`. */
export interface UpdateOrderGroupLimitRequest {
  /** Integer limit. */
  contracts_limit?: number;
  /** Fixed-point limit. */
  contracts_limit_fp?: FixedPointCount | null;
}
