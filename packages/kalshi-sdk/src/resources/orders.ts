import { KalshiConflictError } from '../errors.js';
import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  AmendOrderRequest,
  AmendOrderResponse,
  AmendOrderV2Request,
  AmendOrderV2Response,
  BatchCancelOrdersRequest,
  BatchCancelOrdersResponse,
  BatchCancelOrdersV2Request,
  BatchCancelOrdersV2Response,
  BatchCreateOrdersRequest,
  BatchCreateOrdersResponse,
  BatchCreateOrdersV2Request,
  BatchCreateOrdersV2Response,
  CancelAllOrdersParams,
  CancelOrderResponse,
  CancelOrderV2Params,
  CancelOrderV2Response,
  CreateOrderRequest,
  CreateOrderResponse,
  CreateOrderV2Request,
  CreateOrderV2Response,
  DecreaseOrderRequest,
  DecreaseOrderResponse,
  DecreaseOrderV2Request,
  DecreaseOrderV2Response,
  GetOrderQueuePositionResponse,
  GetOrderQueuePositionsParams,
  GetOrderQueuePositionsResponse,
  GetOrderResponse,
  GetOrdersParams,
  GetOrdersResponse,
  Order,
  SubaccountParams,
} from '../types/orders.js';

/**
 * How many of the ticker's newest orders are scanned for a duplicate `client_order_id` after a
 * retried create. The lookup is bounded by count, not by a time window, so it does not depend on
 * the local clock agreeing with the venue's (it must work against an accelerated simulator too).
 */
const LOOKUP_MAX_ORDERS = 1_000;
const LOOKUP_PAGE = 200;

/**
 * Orders: reads, V2 writes (the default) and deprecated V1 writes.
 *
 * @remarks `create` with a `client_order_id` is retried after network errors, timeouts and 5xx;
 * if the retry answers 409 (the first attempt did reach Kalshi), the existing order is looked up
 * and returned as if the create had succeeded. Cancels and decreases go ahead of queued creates in
 * the client's write bucket.
 * @example
 * ```ts
 * const placed = await client.orders.create({
 *   ticker: 'KXINX-26NOV25H1600-B6612', side: 'bid', count: '5', price: '0.4200',
 *   time_in_force: 'good_till_canceled', self_trade_prevention_type: 'taker_at_cross',
 *   client_order_id: crypto.randomUUID(), post_only: true,
 * });
 * await client.orders.cancel(placed.order_id);
 * ```
 * @hideconstructor
 */
export class OrdersResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /portfolio/orders`: one page. */
  list(params?: GetOrdersParams, options?: RequestOptions): Promise<GetOrdersResponse> {
    return send(this.#ctx, 'orders.list', { query: params, options });
  }
  /** Every order matching `params`, across pages. */
  iterate(params: GetOrdersParams = {}, options?: RequestOptions): AsyncGenerator<Order, void, undefined> {
    return paginate(
      'GET /portfolio/orders',
      params.cursor,
      (cursor) => this.list({ ...params, cursor }, options),
      (p) => p.orders,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/orders/{order_id}` (2 tokens). */
  get(orderId: string, options?: RequestOptions): Promise<GetOrderResponse> {
    return send(this.#ctx, 'orders.get', { path: { order_id: orderId }, options });
  }
  /** `GET /portfolio/orders/{order_id}/queue_position`. */
  queuePosition(orderId: string, options?: RequestOptions): Promise<GetOrderQueuePositionResponse> {
    return send(this.#ctx, 'orders.queuePosition', { path: { order_id: orderId }, options });
  }
  /** `GET /portfolio/orders/queue_positions`. */
  queuePositions(
    params: GetOrderQueuePositionsParams,
    options?: RequestOptions,
  ): Promise<GetOrderQueuePositionsResponse> {
    return send(this.#ctx, 'orders.queuePositions', { query: params, options });
  }

  /**
   * `POST /portfolio/events/orders`: places one order (V2).
   *
   * @throws {@link KalshiConflictError} for a duplicate `client_order_id` on the first attempt, or
   * when a retried create answers 409 and no order with that `client_order_id` is among the
   * ticker's 1,000 newest orders.
   */
  create(body: CreateOrderV2Request, options?: RequestOptions): Promise<CreateOrderV2Response> {
    return send(this.#ctx, 'orders.create', {
      body,
      options,
      onDuplicate: () => this.#resolveDuplicate(body, options),
    });
  }
  /** `POST /portfolio/events/orders/batched`: places several orders (10 tokens each). */
  batchCreate(
    body: BatchCreateOrdersV2Request,
    options?: RequestOptions,
  ): Promise<BatchCreateOrdersV2Response> {
    return send(this.#ctx, 'orders.batchCreate', { body, items: body.orders.length, options });
  }
  /** `DELETE /portfolio/events/orders/{order_id}`: cancels one order (2 tokens, high priority). */
  cancel(
    orderId: string,
    params?: CancelOrderV2Params,
    options?: RequestOptions,
  ): Promise<CancelOrderV2Response> {
    return send(this.#ctx, 'orders.cancel', { path: { order_id: orderId }, query: params, options });
  }
  /** `DELETE /portfolio/events/orders/batched`: cancels several orders (2 tokens each, high priority). */
  batchCancel(
    body: BatchCancelOrdersV2Request,
    options?: RequestOptions,
  ): Promise<BatchCancelOrdersV2Response> {
    return send(this.#ctx, 'orders.batchCancel', { body, items: body.orders.length, options });
  }
  /** `POST /portfolio/events/orders/{order_id}/amend`: changes price and/or size. */
  amend(
    orderId: string,
    body: AmendOrderV2Request,
    params?: SubaccountParams,
    options?: RequestOptions,
  ): Promise<AmendOrderV2Response> {
    return send(this.#ctx, 'orders.amend', { path: { order_id: orderId }, query: params, body, options });
  }
  /** `POST /portfolio/events/orders/{order_id}/decrease`: reduces the resting size (high priority). */
  decrease(
    orderId: string,
    body: DecreaseOrderV2Request,
    params?: SubaccountParams,
    options?: RequestOptions,
  ): Promise<DecreaseOrderV2Response> {
    return send(this.#ctx, 'orders.decrease', { path: { order_id: orderId }, query: params, body, options });
  }
  /** `DELETE /portfolio/events/orders`: cancels every resting order (204). */
  cancelAll(params?: CancelAllOrdersParams, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'orders.cancelAll', { query: params, options });
  }

  /**
   * Legacy `POST /portfolio/orders`.
   * @deprecated Kalshi deprecated V1 writes (100 tokens each); use {@link OrdersResource.create}.
   */
  createV1(body: CreateOrderRequest, options?: RequestOptions): Promise<CreateOrderResponse> {
    return send(this.#ctx, 'orders.createV1', { body, options });
  }
  /**
   * Legacy `POST /portfolio/orders/batched`.
   * @deprecated Use {@link OrdersResource.batchCreate}.
   */
  batchCreateV1(
    body: BatchCreateOrdersRequest,
    options?: RequestOptions,
  ): Promise<BatchCreateOrdersResponse> {
    return send(this.#ctx, 'orders.batchCreateV1', { body, items: body.orders.length, options });
  }
  /**
   * Legacy `DELETE /portfolio/orders/{order_id}`.
   * @deprecated Use {@link OrdersResource.cancel}.
   */
  cancelV1(
    orderId: string,
    params?: CancelOrderV2Params,
    options?: RequestOptions,
  ): Promise<CancelOrderResponse> {
    return send(this.#ctx, 'orders.cancelV1', { path: { order_id: orderId }, query: params, options });
  }
  /**
   * Legacy `DELETE /portfolio/orders/batched`.
   * @deprecated Use {@link OrdersResource.batchCancel}.
   */
  batchCancelV1(
    body: BatchCancelOrdersRequest,
    options?: RequestOptions,
  ): Promise<BatchCancelOrdersResponse> {
    const items = body.orders?.length ?? body.ids?.length ?? 1;
    return send(this.#ctx, 'orders.batchCancelV1', { body, items, options });
  }
  /**
   * Legacy `POST /portfolio/orders/{order_id}/amend`.
   * @deprecated Use {@link OrdersResource.amend}.
   */
  amendV1(orderId: string, body: AmendOrderRequest, options?: RequestOptions): Promise<AmendOrderResponse> {
    return send(this.#ctx, 'orders.amendV1', { path: { order_id: orderId }, body, options });
  }
  /**
   * Legacy `POST /portfolio/orders/{order_id}/decrease`.
   * @deprecated Use {@link OrdersResource.decrease}.
   */
  decreaseV1(
    orderId: string,
    body: DecreaseOrderRequest,
    options?: RequestOptions,
  ): Promise<DecreaseOrderResponse> {
    return send(this.#ctx, 'orders.decreaseV1', { path: { order_id: orderId }, body, options });
  }

  async #resolveDuplicate(
    body: CreateOrderV2Request,
    options?: RequestOptions,
  ): Promise<CreateOrderV2Response> {
    const cid = body.client_order_id as string;
    const params: GetOrdersParams = { ticker: body.ticker, limit: LOOKUP_PAGE };
    if (body.subaccount !== undefined) params.subaccount = body.subaccount;
    const lookup: RequestOptions = { maxRetries: 2 };
    if (options?.signal !== undefined) lookup.signal = options.signal;
    let scanned = 0;
    for await (const o of this.iterate(params, lookup)) {
      if (++scanned > LOOKUP_MAX_ORDERS) break;
      if (o.client_order_id !== cid) continue;
      const created = o.created_time != null ? Date.parse(o.created_time) : Number.NaN;
      return {
        order_id: o.order_id,
        client_order_id: o.client_order_id,
        fill_count: o.fill_count_fp,
        remaining_count: o.remaining_count_fp,
        ts_ms: Number.isFinite(created) ? created : Date.now(),
      };
    }
    throw new KalshiConflictError(
      `POST /portfolio/events/orders: Kalshi answered 409 (duplicate client_order_id ${cid}) to a retried create, ` +
        `but no order with that client_order_id was found among the ${LOOKUP_MAX_ORDERS} newest orders on ${body.ticker}; ` +
        `the first attempt's outcome is unknown, look the order up before resending`,
      { status: 409, kalshiCode: undefined, method: 'POST', path: '/portfolio/events/orders' },
    );
  }
}
