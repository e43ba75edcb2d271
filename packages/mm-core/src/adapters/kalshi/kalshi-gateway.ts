/**
 * The Kalshi implementation of the {@link OrderGateway} port (V2 order writes).
 *
 * @module
 */

import {
  formatCount,
  formatDollars,
  isKalshiAbortError,
  isKalshiApiError,
  isKalshiError,
  isKalshiNotFoundError,
  isKalshiRateLimitError,
  type OrderGroupsResource,
  type OrdersResource,
  type PortfolioResource,
  parseCount,
  type RateLimiter,
  type RequestOptions,
} from '@mnquants/kalshi-sdk';
import type { CountUnits, Fill, VenueOrder, VenuePosition } from '../../model/types.js';
import type {
  AmendedOrder,
  AmendOrderRequest,
  GatewayFailure,
  GatewayResult,
  GatewayWriteOptions,
  OrderGateway,
  OrderGroup,
  OrderRef,
  PlacedOrder,
  PlaceOrderRequest,
  ReducedOrder,
} from '../../ports/order-gateway.js';
import { parseFill, parseOrder, parsePosition, toCreateOrderRequest } from './parse.js';

/** The parts of `KalshiClient` the gateway uses (a `KalshiClient` fits as is). */
export interface KalshiGatewayClient {
  /** Order writes and reads. */
  readonly orders: Pick<
    OrdersResource,
    | 'create'
    | 'batchCreate'
    | 'cancel'
    | 'batchCancel'
    | 'amend'
    | 'decrease'
    | 'cancelAll'
    | 'get'
    | 'iterate'
  >;
  /** Positions and fills. */
  readonly portfolio: Pick<PortfolioResource, 'iteratePositions' | 'iterateFills'>;
  /** Order groups. */
  readonly orderGroups: Pick<OrderGroupsResource, 'create' | 'trigger' | 'reset'>;
  /** The client-side rate limiter, when enabled; sizes batches to the write bucket. */
  readonly rateLimiter?: Pick<RateLimiter, 'budgets'> | undefined;
  /** Token cost of an operation per item (for batches), when known. */
  endpointCost?(method: string): number | undefined;
}

/** Options of {@link KalshiOrderGateway}. */
export interface KalshiOrderGatewayConfig {
  /** The REST client (usually a `KalshiClient`). */
  readonly client: KalshiGatewayClient;
  /** Subaccount to trade in. @defaultValue the primary account */
  readonly subaccount?: number;
  /**
   * How many of the newest orders (of the order's market, when known) a client-order-id lookup
   * scans. The lookup is bounded by count, not by time, so it never depends on the local clock
   * agreeing with the venue's (an accelerated simulator's clock does not). @defaultValue `1_000`
   */
  readonly lookupMaxOrders?: number;
}

/**
 * Maps a thrown SDK error to a {@link GatewayFailure}.
 *
 * @remarks Any error that ended a call after an earlier attempt of unknown outcome (a timed-out
 * create whose retry got a 429, a duplicate lookup that failed, a 409 `trading_paused` on a retry)
 * is `UNKNOWN`: the write may have landed, so it is looked up, never taken for "not sent".
 * Otherwise 429 is `RATE_LIMITED`; 404 is `NOT_FOUND`; any other HTTP error status is
 * `REJECTED` (the venue answered and refused); an abort through the caller's signal is `UNKNOWN`
 * with code `'ABORTED'` (withdrawn, unless it was already on the wire); timeouts, connection
 * failures, 5xx answers and anything else are `UNKNOWN` (the write may or may not have happened).
 * @example
 * ```ts
 * try { await client.orders.cancel(id); } catch (err) { const f = classifyKalshiError(err); }
 * ```
 */
export function classifyKalshiError(err: unknown): GatewayFailure {
  const message = err instanceof Error ? err.message : String(err);
  if (isKalshiAbortError(err)) {
    return { ok: false, kind: err.requestSent ? 'UNKNOWN' : 'WITHDRAWN', code: 'ABORTED', message };
  }
  if (isKalshiError(err) && err.earlierAttemptMayHaveLanded) {
    // A retry failed after an attempt of unknown outcome: the write may be at the venue.
    const code = isKalshiApiError(err) ? (err.kalshiCode ?? err.code) : err.code;
    return { ok: false, kind: 'UNKNOWN', code, message };
  }
  if (isKalshiRateLimitError(err)) return { ok: false, kind: 'RATE_LIMITED', code: 'rate_limited', message };
  if (isKalshiNotFoundError(err))
    return { ok: false, kind: 'NOT_FOUND', code: err.kalshiCode ?? 'not_found', message };
  if (isKalshiApiError(err) && err.status < 500) {
    return { ok: false, kind: 'REJECTED', code: err.kalshiCode ?? `http_${err.status}`, message };
  }
  const code =
    typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : 'UNKNOWN';
  return { ok: false, kind: 'UNKNOWN', code, message };
}

function sdkOptions(options: GatewayWriteOptions | undefined): RequestOptions | undefined {
  return options?.signal === undefined ? undefined : { signal: options.signal };
}

function itemFailure(error: { code?: string; message?: string } | null | undefined): GatewayFailure {
  const code = error?.code ?? 'unknown_error';
  const kind = code === 'not_found' ? 'NOT_FOUND' : 'REJECTED';
  return { ok: false, kind, code, message: error?.message ?? 'batch item failed' };
}

/**
 * Sends the core's order writes to Kalshi through `@mnquants/kalshi-sdk` (V2 endpoints).
 *
 * @remarks Writes never throw: SDK errors become {@link GatewayFailure} values via
 * {@link classifyKalshiError}. A client-order-id lookup searches the order's market (remembered
 * from the create) among its newest `lookupMaxOrders` orders.
 *
 * @example
 * ```ts
 * const client = new KalshiClient({ environment: 'demo', apiKeyId, privateKey });
 * const gateway = new KalshiOrderGateway({ client });
 * ```
 */
export class KalshiOrderGateway implements OrderGateway {
  readonly #client: KalshiGatewayClient;
  readonly #subaccount: number | undefined;
  readonly #lookupMaxOrders: number;
  readonly #tickerByClientId = new Map<string, string>();

  /** @param config - The client and options. */
  constructor(config: KalshiOrderGatewayConfig) {
    this.#client = config.client;
    this.#subaccount = config.subaccount;
    this.#lookupMaxOrders = config.lookupMaxOrders ?? 1_000;
  }

  /**
   * Half of what the client's write bucket holds, in batched creates (Kalshi rejects a batch that
   * does not fit the bucket whole; the other half leaves room for cancels). `undefined` when the
   * client has no client-side rate limiter.
   *
   * @remarks Basic tier: a 100-token bucket and 10 tokens per batched create give 5.
   */
  get maxBatchSize(): number | undefined {
    const limiter = this.#client.rateLimiter;
    if (limiter === undefined) return undefined;
    const perItem = this.#client.endpointCost?.('orders.batchCreate') ?? 10;
    return Math.max(1, Math.floor(limiter.budgets.write.capacity / perItem / 2));
  }

  #sub<T extends object>(body: T): T & { subaccount?: number } {
    return this.#subaccount === undefined ? body : { ...body, subaccount: this.#subaccount };
  }

  #remember(clientOrderId: string, ticker: string): void {
    this.#tickerByClientId.set(clientOrderId, ticker);
    if (this.#tickerByClientId.size > 50_000) {
      const oldest = this.#tickerByClientId.keys().next().value;
      if (oldest !== undefined) this.#tickerByClientId.delete(oldest);
    }
  }

  /** Places one order (`POST /portfolio/events/orders`); `options.signal` withdraws it while it waits for rate-limit tokens. */
  async placeOrder(
    request: PlaceOrderRequest,
    options?: GatewayWriteOptions,
  ): Promise<GatewayResult<PlacedOrder>> {
    this.#remember(request.clientOrderId, request.marketTicker);
    try {
      const r = await this.#client.orders.create(
        this.#sub(toCreateOrderRequest(request)),
        sdkOptions(options),
      );
      return {
        ok: true,
        value: {
          orderId: r.order_id,
          clientOrderId: r.client_order_id ?? request.clientOrderId,
          filledCountUnits: parseCount(r.fill_count),
          remainingCountUnits: parseCount(r.remaining_count),
          tsMs: r.ts_ms,
        },
      };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Places several orders in one batch; results are in request order; `options.signal` withdraws the batch. */
  async placeOrders(
    requests: readonly PlaceOrderRequest[],
    options?: GatewayWriteOptions,
  ): Promise<readonly GatewayResult<PlacedOrder>[]> {
    for (const r of requests) this.#remember(r.clientOrderId, r.marketTicker);
    try {
      const r = await this.#client.orders.batchCreate(
        { orders: requests.map((q) => this.#sub(toCreateOrderRequest(q))) },
        sdkOptions(options),
      );
      return requests.map((req, i): GatewayResult<PlacedOrder> => {
        const item = r.orders[i];
        if (item === undefined)
          return { ok: false, kind: 'UNKNOWN', code: 'MISSING_ITEM', message: 'no result for this order' };
        if (item.error != null || item.order_id == null) return itemFailure(item.error);
        return {
          ok: true,
          value: {
            orderId: item.order_id,
            clientOrderId: item.client_order_id ?? req.clientOrderId,
            filledCountUnits: item.fill_count != null ? parseCount(item.fill_count) : 0,
            remainingCountUnits:
              item.remaining_count != null ? parseCount(item.remaining_count) : req.countUnits,
            tsMs: item.ts_ms ?? Date.now(),
          },
        };
      });
    } catch (err) {
      const f = classifyKalshiError(err);
      return requests.map(() => f);
    }
  }

  /** Amends price and/or total size (`.../amend`); `options.signal` withdraws it while it waits. */
  async amendOrder(
    request: AmendOrderRequest,
    options?: GatewayWriteOptions,
  ): Promise<GatewayResult<AmendedOrder>> {
    try {
      const body: Parameters<KalshiGatewayClient['orders']['amend']>[1] = {
        ticker: request.marketTicker,
        side: request.side,
        price: formatDollars(request.priceUnits),
        count: formatCount(request.totalCountUnits),
      };
      if (request.clientOrderId !== undefined) body.client_order_id = request.clientOrderId;
      if (request.updatedClientOrderId !== undefined)
        body.updated_client_order_id = request.updatedClientOrderId;
      const params = this.#subaccount === undefined ? undefined : { subaccount: this.#subaccount };
      const r = await this.#client.orders.amend(request.orderId, body, params, sdkOptions(options));
      // Kalshi's `fill_count` here counts only what the amend itself filled (by crossing), not the
      // order's cumulative fills, so it cannot be paired with `remaining_count`. The order's total
      // after the amend is the requested count, so its cumulative fills are total - remaining.
      // Without `remaining_count` (resting size unchanged, nothing filled by the amend) the pair
      // (0, total) is a consistent lower bound: the manager subtracts the fills it has seen.
      const total = request.totalCountUnits;
      const remaining =
        r.remaining_count != null ? Math.min(total, parseCount(r.remaining_count)) : undefined;
      return {
        ok: true,
        value: {
          orderId: r.order_id,
          filledCountUnits: remaining === undefined ? 0 : total - remaining,
          remainingCountUnits: remaining ?? total,
          tsMs: r.ts_ms,
        },
      };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Reduces the remaining size with `reduce_to` (keeps queue priority). */
  async decreaseOrder(ref: OrderRef, remainingCountUnits: CountUnits): Promise<GatewayResult<ReducedOrder>> {
    try {
      const params = this.#subaccount === undefined ? undefined : { subaccount: this.#subaccount };
      const r = await this.#client.orders.decrease(
        ref.orderId,
        { reduce_to: formatCount(remainingCountUnits), market_ticker: ref.marketTicker },
        params,
      );
      return {
        ok: true,
        value: { orderId: r.order_id, remainingCountUnits: parseCount(r.remaining_count), tsMs: r.ts_ms },
      };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Cancels one order. */
  async cancelOrder(ref: OrderRef): Promise<GatewayResult<ReducedOrder>> {
    try {
      const r = await this.#client.orders.cancel(ref.orderId, this.#sub({ market_ticker: ref.marketTicker }));
      return { ok: true, value: { orderId: r.order_id, remainingCountUnits: 0, tsMs: r.ts_ms } };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Cancels several orders in one batch; results are in request order. */
  async cancelOrders(refs: readonly OrderRef[]): Promise<readonly GatewayResult<ReducedOrder>[]> {
    if (refs.length === 0) return [];
    try {
      const r = await this.#client.orders.batchCancel({
        orders: refs.map((ref) => this.#sub({ order_id: ref.orderId, market_ticker: ref.marketTicker })),
      });
      return refs.map((ref, i): GatewayResult<ReducedOrder> => {
        const item = r.orders[i];
        if (item === undefined)
          return { ok: false, kind: 'UNKNOWN', code: 'MISSING_ITEM', message: 'no result for this order' };
        if (item.error != null) return itemFailure(item.error);
        return {
          ok: true,
          value: { orderId: ref.orderId, remainingCountUnits: 0, tsMs: item.ts_ms ?? Date.now() },
        };
      });
    } catch (err) {
      const f = classifyKalshiError(err);
      return refs.map(() => f);
    }
  }

  /** Cancels every resting order of the account (or subaccount). */
  async cancelAll(): Promise<GatewayResult<void>> {
    try {
      await this.#client.orders.cancelAll(
        this.#subaccount === undefined ? undefined : { subaccount: this.#subaccount },
      );
      return { ok: true, value: undefined };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Lists resting orders, optionally of one market (all pages). */
  async getOpenOrders(marketTicker?: string): Promise<readonly VenueOrder[]> {
    const params = this.#sub({
      status: 'resting' as const,
      limit: 200,
      ...(marketTicker ? { ticker: marketTicker } : {}),
    });
    const out: VenueOrder[] = [];
    for await (const o of this.#client.orders.iterate(params)) out.push(parseOrder(o));
    return out;
  }

  /** Lists non-zero market positions (all pages). */
  async getPositions(): Promise<readonly VenuePosition[]> {
    const out: VenuePosition[] = [];
    for await (const p of this.#client.portfolio.iteratePositions(this.#sub({ limit: 200 }))) {
      const pos = parsePosition(p);
      if (pos.positionCountUnits !== 0) out.push(pos);
    }
    return out;
  }

  /** Lists fills at or after a time (all pages; second resolution, so callers dedupe). */
  async getFillsSince(sinceTsMs: number): Promise<readonly Fill[]> {
    const out: Fill[] = [];
    const params = this.#sub({ min_ts: Math.floor(sinceTsMs / 1_000), limit: 200 });
    for await (const f of this.#client.portfolio.iterateFills(params)) out.push(parseFill(f));
    return out;
  }

  /** Gets one order by id, `undefined` on 404. */
  async getOrder(orderId: string): Promise<VenueOrder | undefined> {
    try {
      return parseOrder((await this.#client.orders.get(orderId)).order);
    } catch (err) {
      if (isKalshiNotFoundError(err)) return undefined;
      throw err;
    }
  }

  /** Finds an order by client id among the newest orders of its market (newest first). */
  async getOrderByClientOrderId(clientOrderId: string): Promise<VenueOrder | undefined> {
    const ticker = this.#tickerByClientId.get(clientOrderId);
    const params = this.#sub({
      limit: Math.min(200, this.#lookupMaxOrders),
      ...(ticker ? { ticker } : {}),
    });
    let scanned = 0;
    for await (const o of this.#client.orders.iterate(params)) {
      if (++scanned > this.#lookupMaxOrders) break;
      if (o.client_order_id === clientOrderId) return parseOrder(o);
    }
    return undefined;
  }

  /** Creates an order group with a matched-contracts limit. */
  async createOrderGroup(contractsLimitCountUnits: CountUnits): Promise<GatewayResult<OrderGroup>> {
    try {
      const r = await this.#client.orderGroups.create(
        this.#sub({ contracts_limit_fp: formatCount(contractsLimitCountUnits) }),
      );
      return { ok: true, value: { orderGroupId: r.order_group_id, contractsLimitCountUnits } };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Triggers an order group (`PUT .../trigger`): Kalshi cancels its orders and blocks new ones. */
  async triggerOrderGroup(orderGroupId: string): Promise<GatewayResult<void>> {
    try {
      await this.#client.orderGroups.trigger(
        orderGroupId,
        this.#subaccount === undefined ? undefined : { subaccount: this.#subaccount },
      );
      return { ok: true, value: undefined };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }

  /** Resets a triggered order group (`PUT .../reset`) so it accepts orders again. */
  async resetOrderGroup(orderGroupId: string): Promise<GatewayResult<void>> {
    try {
      await this.#client.orderGroups.reset(
        orderGroupId,
        this.#subaccount === undefined ? undefined : { subaccount: this.#subaccount },
      );
      return { ok: true, value: undefined };
    } catch (err) {
      return classifyKalshiError(err);
    }
  }
}
