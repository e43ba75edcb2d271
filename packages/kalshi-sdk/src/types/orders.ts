/**
 * Wire types of orders: reads, current V2 writes and deprecated V1 writes.
 *
 * @module
 */
import type {
  BookSide,
  ExchangeIndex,
  FixedPointCount,
  FixedPointDollars,
  LegacyAction,
  LegacySide,
  OrderStatus,
  OutcomeSide,
  PageParams,
  Rfc3339,
  SelfTradePreventionType,
  TimeInForce,
  UnixMillis,
  UnixSeconds,
} from './common.js';
import type { ErrorResponse } from './exchange.js';

/**
 * An order as returned by `GET /portfolio/orders` and `GET /portfolio/orders/{order_id}`.
 *
 * @example
 * ```ts
 * const { order } = await client.orders.get('3b23c1c7-f4ef-4f0d-8b9a-9e53c61f1a0d');
 * const remaining = parseCount(order.remaining_count_fp);
 * ```
 */
export interface Order {
  /** Order id. */
  order_id: string;
  /** Owner. */
  user_id: string;
  /** Your idempotency key. */
  client_order_id: string;
  /** Market ticker. */
  ticker: string;
  /** @deprecated Use `outcome_side`. */
  side?: LegacySide;
  /** @deprecated Use `book_side`. */
  action?: LegacyAction;
  /** Outcome bought. */
  outcome_side: OutcomeSide;
  /** YES-book side. */
  book_side: BookSide;
  /** Order type (always `limit` in practice). */
  type: 'limit' | 'market';
  /** Status. */
  status: OrderStatus;
  /** YES price. */
  yes_price_dollars: FixedPointDollars;
  /** NO price. */
  no_price_dollars: FixedPointDollars;
  /** Contracts filled. */
  fill_count_fp: FixedPointCount;
  /** Contracts still resting. */
  remaining_count_fp: FixedPointCount;
  /** Contracts originally ordered. */
  initial_count_fp: FixedPointCount;
  /** Cost of taker fills (up to 6 decimals). */
  taker_fill_cost_dollars: FixedPointDollars;
  /** Cost of maker fills (up to 6 decimals). */
  maker_fill_cost_dollars: FixedPointDollars;
  /** Taker fees paid. */
  taker_fees_dollars: FixedPointDollars;
  /** Maker fees paid. */
  maker_fees_dollars: FixedPointDollars;
  /** Expiration of a good-till-time order. */
  expiration_time?: Rfc3339 | null;
  /** Creation time. */
  created_time?: Rfc3339 | null;
  /** Last change. */
  last_update_time?: Rfc3339 | null;
  /** Reason of the last change (for example `PostOnlyCrossCancel`), when present. */
  last_update_reason?: string;
  /** Self-trade prevention mode. */
  self_trade_prevention_type?: SelfTradePreventionType | null;
  /** Order group. */
  order_group_id?: string | null;
  /** Whether the order is cancelled when trading pauses. */
  cancel_order_on_pause?: boolean;
  /** Subaccount. */
  subaccount_number?: number | null;
  /** Shard. */
  exchange_index?: ExchangeIndex;
  /** @deprecated Legacy integer cents. */
  yes_price?: number;
  /** @deprecated Legacy integer cents. */
  no_price?: number;
  /** @deprecated Legacy integer count. */
  fill_count?: number;
  /** @deprecated Legacy integer count. */
  remaining_count?: number;
  /** @deprecated Legacy integer count. */
  initial_count?: number;
  /** @deprecated Always 0. */
  queue_position?: number;
}

/** Query of `GET /portfolio/orders` (and `GET /historical/orders`). */
export interface GetOrdersParams extends PageParams {
  /** Only this market. */
  ticker?: string;
  /** Comma-separated event tickers (up to 10). */
  event_ticker?: string;
  /** At or after (Unix s). */
  min_ts?: UnixSeconds;
  /** At or before (Unix s). */
  max_ts?: UnixSeconds;
  /** Status filter. */
  status?: OrderStatus;
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Only this shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `GET /portfolio/orders`. */
export interface GetOrdersResponse {
  /** One page of orders. */
  orders: Order[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** Response of `GET /portfolio/orders/{order_id}`. */
export interface GetOrderResponse {
  /** The order. */
  order: Order;
}

/** Response of `GET /portfolio/orders/{order_id}/queue_position`. */
export interface GetOrderQueuePositionResponse {
  /** Contracts ahead of the order at its level (0-based). */
  queue_position_fp: FixedPointCount;
}

/** Query of `GET /portfolio/orders/queue_positions` (one of the two filters is required). */
export interface GetOrderQueuePositionsParams {
  /** Comma-separated market tickers. */
  market_tickers?: string;
  /** An event ticker. */
  event_ticker?: string;
  /** Subaccount (0 = primary). */
  subaccount?: number;
}

/** Queue position of one resting order. */
export interface OrderQueuePosition {
  /** Order id. */
  order_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** Contracts ahead. */
  queue_position_fp: FixedPointCount;
}

/** Response of `GET /portfolio/orders/queue_positions`. */
export interface GetOrderQueuePositionsResponse {
  /** Positions of your resting orders. */
  queue_positions: OrderQueuePosition[];
}

/**
 * Body of `POST /portfolio/events/orders` (V2 create).
 *
 * @remarks `side` is the YES-book side: `bid` buys YES at `price`, `ask` sells YES at `price`
 * (equivalently buys NO at 1 - `price`).
 * @example
 * ```ts
 * const req: CreateOrderV2Request = {
 *   ticker: 'KXINX-26NOV25H1600-B6612', side: 'bid', count: '10.00', price: '0.5600',
 *   time_in_force: 'good_till_canceled', self_trade_prevention_type: 'taker_at_cross',
 *   client_order_id: crypto.randomUUID(), post_only: true,
 * };
 * ```
 */
export interface CreateOrderV2Request {
  /** Market ticker. */
  ticker: string;
  /** Idempotency key; a duplicate answers 409. */
  client_order_id?: string;
  /** YES-book side. */
  side: BookSide;
  /** Contracts, 0-2 decimals. */
  count: FixedPointCount;
  /** YES price, 2-4 decimals, on the market's grid. */
  price: FixedPointDollars;
  /** Expiration (Unix s), only with good-till-canceled. */
  expiration_time?: UnixSeconds;
  /** Time in force. */
  time_in_force: TimeInForce;
  /** Reject instead of taking liquidity. */
  post_only?: boolean;
  /** Self-trade prevention mode. */
  self_trade_prevention_type: SelfTradePreventionType;
  /** Cancel when trading pauses. */
  cancel_order_on_pause?: boolean;
  /** Cap the size at the current position. */
  reduce_only?: boolean;
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Order group to attach to. */
  order_group_id?: string;
  /** Shard; omit to auto-route by ticker, `-1` to force auto-routing. */
  exchange_index?: ExchangeIndex;
}

/** Response of `POST /portfolio/events/orders` (201). */
export interface CreateOrderV2Response {
  /** New order id. */
  order_id: string;
  /** Echo of your idempotency key. */
  client_order_id?: string;
  /** Contracts filled immediately. */
  fill_count: FixedPointCount;
  /** Contracts resting. */
  remaining_count: FixedPointCount;
  /** Average fill price, when filled. */
  average_fill_price?: FixedPointDollars;
  /** Average fee per contract, when filled. */
  average_fee_paid?: FixedPointDollars;
  /** Exchange time (Unix ms). */
  ts_ms: UnixMillis;
}

/** Body of `POST /portfolio/events/orders/batched`. */
export interface BatchCreateOrdersV2Request {
  /** The orders; the whole batch must fit in the write bucket. */
  orders: CreateOrderV2Request[];
}

/** Result of one order of a batch create (`error` set on failure). */
export interface BatchCreateOrdersV2ResponseItem {
  /** New order id. */
  order_id?: string | null;
  /** Echo of your idempotency key. */
  client_order_id?: string | null;
  /** Contracts filled immediately. */
  fill_count?: FixedPointCount | null;
  /** Contracts resting. */
  remaining_count?: FixedPointCount | null;
  /** Average fill price. */
  average_fill_price?: FixedPointDollars | null;
  /** Average fee per contract. */
  average_fee_paid?: FixedPointDollars | null;
  /** Exchange time (Unix ms); null on error. */
  ts_ms?: UnixMillis | null;
  /** Why this order failed. */
  error?: ErrorResponse | null;
}

/** Response of `POST /portfolio/events/orders/batched` (201). */
export interface BatchCreateOrdersV2Response {
  /** One item per requested order, in order. */
  orders: BatchCreateOrdersV2ResponseItem[];
}

/** Query of `DELETE /portfolio/events/orders/{order_id}`. */
export interface CancelOrderV2Params {
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Shard of the order. */
  exchange_index?: ExchangeIndex;
  /** Market of the order (helps routing). */
  market_ticker?: string;
}

/** Response of `DELETE /portfolio/events/orders/{order_id}`. */
export interface CancelOrderV2Response {
  /** The order. */
  order_id: string;
  /** Its idempotency key. */
  client_order_id?: string;
  /** Contracts removed. */
  reduced_by: FixedPointCount;
  /** Exchange time (Unix ms). */
  ts_ms: UnixMillis;
}

/** One order of a batch cancel. */
export interface BatchCancelOrdersV2RequestOrder {
  /** The order. */
  order_id: string;
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Shard of the order. */
  exchange_index?: ExchangeIndex;
  /** Market of the order. */
  market_ticker?: string;
}

/** Body of `DELETE /portfolio/events/orders/batched`. */
export interface BatchCancelOrdersV2Request {
  /** Orders to cancel. */
  orders: BatchCancelOrdersV2RequestOrder[];
}

/** Result of one order of a batch cancel. */
export interface BatchCancelOrdersV2ResponseItem {
  /** The order. */
  order_id: string;
  /** Its idempotency key. */
  client_order_id?: string | null;
  /** Contracts removed. */
  reduced_by: FixedPointCount;
  /** Exchange time (Unix ms); null on error. */
  ts_ms?: UnixMillis | null;
  /** Why this cancel failed. */
  error?: ErrorResponse | null;
}

/** Response of `DELETE /portfolio/events/orders/batched`. */
export interface BatchCancelOrdersV2Response {
  /** One item per requested order. */
  orders: BatchCancelOrdersV2ResponseItem[];
}

/** Body of `POST /portfolio/events/orders/{order_id}/amend`. */
export interface AmendOrderV2Request {
  /** Market ticker. */
  ticker: string;
  /** YES-book side (must match the order). */
  side: BookSide;
  /** New YES price. */
  price: FixedPointDollars;
  /** New total count: already filled + desired remaining. */
  count: FixedPointCount;
  /** Current idempotency key. */
  client_order_id?: string;
  /** New idempotency key. */
  updated_client_order_id?: string;
  /** New expiration (Unix s). */
  expiration_time?: UnixSeconds;
  /** Shard of the order. */
  exchange_index?: ExchangeIndex;
}

/** Response of `POST /portfolio/events/orders/{order_id}/amend`. */
export interface AmendOrderV2Response {
  /** The order. */
  order_id: string;
  /** Its idempotency key. */
  client_order_id?: string;
  /** Contracts resting after the amend. */
  remaining_count?: FixedPointCount | null;
  /** Contracts filled by the amend (it may cross). */
  fill_count?: FixedPointCount | null;
  /** Average fill price. */
  average_fill_price?: FixedPointDollars | null;
  /** Average fee per contract. */
  average_fee_paid?: FixedPointDollars | null;
  /** Exchange time (Unix ms). */
  ts_ms: UnixMillis;
}

/** Body of `POST /portfolio/events/orders/{order_id}/decrease` (exactly one of the two sizes). */
export interface DecreaseOrderV2Request {
  /** Contracts to remove. */
  reduce_by?: FixedPointCount | null;
  /** Contracts to leave resting. */
  reduce_to?: FixedPointCount | null;
  /** Shard of the order. */
  exchange_index?: ExchangeIndex;
  /** Market of the order. */
  market_ticker?: string;
}

/** Response of `POST /portfolio/events/orders/{order_id}/decrease`. */
export interface DecreaseOrderV2Response {
  /** The order. */
  order_id: string;
  /** Its idempotency key. */
  client_order_id?: string;
  /** Contracts still resting. */
  remaining_count: FixedPointCount;
  /** Exchange time (Unix ms). */
  ts_ms: UnixMillis;
}

/** Query of `DELETE /portfolio/events/orders` (cancel all). */
export interface CancelAllOrdersParams {
  /** Only this subaccount. */
  subaccount?: number;
}

/** Query accepted by the amend and decrease endpoints. */
export interface SubaccountParams {
  /** Subaccount (0 = primary). */
  subaccount?: number;
}

/**
 * Body of the legacy V1 `POST /portfolio/orders`.
 *
 * @deprecated Kalshi deprecated V1 writes in June 2026; use {@link CreateOrderV2Request}.
 */
export interface CreateOrderRequest {
  /** Market ticker. */
  ticker: string;
  /** Outcome side. */
  side: LegacySide;
  /** Buy or sell. */
  action: LegacyAction;
  /** Integer contracts. */
  count?: number;
  /** Fixed-point contracts. */
  count_fp?: FixedPointCount;
  /** @deprecated Removed 2026-02-11. */
  type?: 'limit' | 'market';
  /** YES price in cents. */
  yes_price?: number;
  /** NO price in cents. */
  no_price?: number;
  /** YES price in dollars. */
  yes_price_dollars?: FixedPointDollars;
  /** NO price in dollars. */
  no_price_dollars?: FixedPointDollars;
  /** Expiration (Unix s). */
  expiration_ts?: UnixSeconds;
  /** Time in force. */
  time_in_force?: TimeInForce;
  /** Maximum total cost in cents. */
  buy_max_cost?: number;
  /** Post only. */
  post_only?: boolean;
  /** Reduce only. */
  reduce_only?: boolean;
  /** @deprecated Only 0 is accepted. */
  sell_position_floor?: number;
  /** Self-trade prevention mode. */
  self_trade_prevention_type?: SelfTradePreventionType;
  /** Order group. */
  order_group_id?: string;
  /** Cancel on pause. */
  cancel_order_on_pause?: boolean;
  /** Idempotency key. */
  client_order_id?: string;
  /** Subaccount. */
  subaccount?: number;
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/**
 * Response of the legacy V1 `POST /portfolio/orders`.
 *
 * @deprecated Use {@link CreateOrderV2Response}.
 */
export interface CreateOrderResponse {
  /** The order. */
  order: Order;
}

/**
 * Body of the legacy V1 `POST /portfolio/orders/batched`.
 *
 * @deprecated Use {@link BatchCreateOrdersV2Request}.
 */
export interface BatchCreateOrdersRequest {
  /** The orders. */
  orders: CreateOrderRequest[];
}

/**
 * Response of the legacy V1 `POST /portfolio/orders/batched`.
 *
 * @deprecated Use {@link BatchCreateOrdersV2Response}.
 */
export interface BatchCreateOrdersResponse {
  /** One item per order. */
  orders: { client_order_id?: string | null; order?: Order | null; error?: ErrorResponse | null }[];
}

/**
 * Response of the legacy V1 `DELETE /portfolio/orders/{order_id}`.
 *
 * @deprecated Use {@link CancelOrderV2Response}.
 */
export interface CancelOrderResponse {
  /** The order after the cancel. */
  order: Order;
  /** Contracts removed (integer). */
  reduced_by?: number;
  /** Contracts removed. */
  reduced_by_fp?: FixedPointCount;
}

/**
 * Body of the legacy V1 `DELETE /portfolio/orders/batched`.
 *
 * @deprecated Use {@link BatchCancelOrdersV2Request}.
 */
export interface BatchCancelOrdersRequest {
  /** 2026 form. */
  orders?: { order_id: string; subaccount?: number }[];
  /** Late-2025 form. */
  ids?: string[];
}

/**
 * Response of the legacy V1 `DELETE /portfolio/orders/batched`.
 *
 * @deprecated Use {@link BatchCancelOrdersV2Response}.
 */
export interface BatchCancelOrdersResponse {
  /** One item per order. */
  orders: {
    order_id: string;
    order?: Order | null;
    reduced_by_fp?: FixedPointCount;
    error?: ErrorResponse | null;
  }[];
}

/**
 * Body of the legacy V1 `POST /portfolio/orders/{order_id}/amend`.
 *
 * @deprecated Use {@link AmendOrderV2Request}.
 */
export interface AmendOrderRequest {
  /** Market ticker. */
  ticker: string;
  /** Outcome side. */
  side: LegacySide;
  /** Buy or sell. */
  action: LegacyAction;
  /** Current idempotency key. */
  client_order_id?: string;
  /** New idempotency key. */
  updated_client_order_id?: string;
  /** YES price in cents (exactly one price field). */
  yes_price?: number;
  /** NO price in cents. */
  no_price?: number;
  /** YES price in dollars. */
  yes_price_dollars?: FixedPointDollars;
  /** NO price in dollars. */
  no_price_dollars?: FixedPointDollars;
  /** New total integer count. */
  count?: number;
  /** New total count. */
  count_fp?: FixedPointCount;
  /** Subaccount. */
  subaccount?: number;
}

/**
 * Response of the legacy V1 `POST /portfolio/orders/{order_id}/amend`.
 *
 * @deprecated Use {@link AmendOrderV2Response}.
 */
export interface AmendOrderResponse {
  /** The order before the amend. */
  old_order: Order;
  /** The order after the amend. */
  order: Order;
}

/**
 * Body of the legacy V1 `POST /portfolio/orders/{order_id}/decrease`.
 *
 * @deprecated Use {@link DecreaseOrderV2Request}.
 */
export interface DecreaseOrderRequest {
  /** Integer contracts to remove. */
  reduce_by?: number;
  /** Contracts to remove. */
  reduce_by_fp?: FixedPointCount;
  /** Integer contracts to leave. */
  reduce_to?: number;
  /** Contracts to leave. */
  reduce_to_fp?: FixedPointCount;
  /** Subaccount. */
  subaccount?: number;
}

/**
 * Response of the legacy V1 `POST /portfolio/orders/{order_id}/decrease`.
 *
 * @deprecated Use {@link DecreaseOrderV2Response}.
 */
export interface DecreaseOrderResponse {
  /** The order after the decrease. */
  order: Order;
}
