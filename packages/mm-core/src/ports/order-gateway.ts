/**
 * The order-gateway port: every write and read the core makes against a venue.
 *
 * @module
 */

import type { CountUnits, Fill, PriceUnits, QuoteSide, VenueOrder, VenuePosition } from '../model/types.js';

/**
 * Why a write failed.
 *
 * @remarks `REJECTED`: the venue said no (the order does not exist afterwards). `UNKNOWN`: the
 * request may or may not have taken effect (timeout, connection reset, 5xx); resolve it by lookup.
 * `RATE_LIMITED`: not processed, try later. `NOT_FOUND`: the order is not (or no longer) there.
 * `WITHDRAWN`: the caller's abort signal withdrew the write before it left the process (for
 * example while it waited for rate-limit tokens); the venue never saw it. A gateway that cannot
 * tell whether an aborted write was sent must report `UNKNOWN` instead.
 */
export type GatewayFailureKind = 'REJECTED' | 'UNKNOWN' | 'RATE_LIMITED' | 'NOT_FOUND' | 'WITHDRAWN';

/** A failed write, as a value. */
export interface GatewayFailure {
  /** Always `false`. */
  readonly ok: false;
  /** Failure class. */
  readonly kind: GatewayFailureKind;
  /** Venue or transport code, for example `'invalid_order'` or `'TIMEOUT'`. */
  readonly code: string;
  /** Human detail. */
  readonly message: string;
}

/** A successful write with its value. */
export interface GatewaySuccess<T> {
  /** Always `true`. */
  readonly ok: true;
  /** The result. */
  readonly value: T;
}

/** The outcome of a gateway write: success or a classified failure, never a throw. */
export type GatewayResult<T> = GatewaySuccess<T> | GatewayFailure;

/** Time in force of a new order. */
export type OrderTimeInForce = 'gtc' | 'ioc' | 'fok';

/** A new limit order. */
export interface PlaceOrderRequest {
  /** Market ticker. */
  readonly marketTicker: string;
  /** YES-book side. */
  readonly side: QuoteSide;
  /** Limit price in YES terms, on the market's grid. */
  readonly priceUnits: PriceUnits;
  /** Size. */
  readonly countUnits: CountUnits;
  /** Idempotency key; the venue rejects a duplicate. */
  readonly clientOrderId: string;
  /** Time in force. @defaultValue `'gtc'` */
  readonly timeInForce?: OrderTimeInForce;
  /** Reject instead of taking liquidity. @defaultValue `false` */
  readonly postOnly?: boolean;
  /** Cap at the current position. @defaultValue `false` */
  readonly reduceOnly?: boolean;
  /** Venue order group to attach to. */
  readonly orderGroupId?: string;
  /** Cancel when the venue pauses trading. @defaultValue `false` */
  readonly cancelOnPause?: boolean;
}

/** The venue's acknowledgement of a new order. */
export interface PlacedOrder {
  /** Venue order id. */
  readonly orderId: string;
  /** Echoed client order id. */
  readonly clientOrderId: string;
  /** Size filled on entry. */
  readonly filledCountUnits: CountUnits;
  /** Size left resting (0 when fully filled or IoC). */
  readonly remainingCountUnits: CountUnits;
  /** Ack time, Unix ms. */
  readonly tsMs: number;
}

/**
 * Per-call options of the gateway writes that can add exposure (creates and amends).
 *
 * @remarks The order manager aborts `signal` when new orders become blocked (stop, kill switch,
 * halted). A gateway must then withdraw the write if it has not left the process yet (for
 * example while it waits in a client-side rate limiter) and answer with an `UNKNOWN` failure of
 * code `'ABORTED'`: the manager resolves it by lookup, so a write that was already on the wire
 * and did land is found and cancelled.
 *
 * @example
 * ```ts
 * const ac = new AbortController();
 * const pending = gateway.placeOrder(request, { signal: ac.signal });
 * ac.abort(); // pending resolves { ok: false, kind: 'UNKNOWN', code: 'ABORTED', ... }
 * ```
 */
export interface GatewayWriteOptions {
  /** Withdraws the write when aborted. @defaultValue none */
  readonly signal?: AbortSignal;
}

/** Identifies an existing order. */
export interface OrderRef {
  /** Venue order id. */
  readonly orderId: string;
  /** Market ticker (lets the venue route without a lookup). */
  readonly marketTicker: string;
}

/** A price and/or size change to an existing order. */
export interface AmendOrderRequest extends OrderRef {
  /** YES-book side (must match the order). */
  readonly side: QuoteSide;
  /** New price. */
  readonly priceUnits: PriceUnits;
  /** New maximum total fillable size: already filled + desired remaining. */
  readonly totalCountUnits: CountUnits;
  /** The order's current client id. */
  readonly clientOrderId?: string;
  /** A new client id for the amended order. */
  readonly updatedClientOrderId?: string;
}

/** The venue's acknowledgement of an amend. */
export interface AmendedOrder {
  /** Venue order id. */
  readonly orderId: string;
  /**
   * Cumulative size filled, consistent with `remainingCountUnits` (filled + remaining = the
   * amended total); a lower bound when the venue does not say (the manager then subtracts the
   * fills it has seen). Not just what the amend itself filled.
   */
  readonly filledCountUnits: CountUnits;
  /** Size resting after the amend. */
  readonly remainingCountUnits: CountUnits;
  /** Ack time, Unix ms. */
  readonly tsMs: number;
}

/** The venue's acknowledgement of a decrease or cancel. */
export interface ReducedOrder {
  /** Venue order id. */
  readonly orderId: string;
  /** Size resting afterwards (0 after a cancel). */
  readonly remainingCountUnits: CountUnits;
  /** Ack time, Unix ms. */
  readonly tsMs: number;
}

/** A venue order group that caps matched contracts over a rolling window. */
export interface OrderGroup {
  /** Venue id. */
  readonly orderGroupId: string;
  /** Limit of matched contracts per window. */
  readonly contractsLimitCountUnits: CountUnits;
}

/**
 * Everything the core asks of a venue.
 *
 * @remarks Writes never throw: they return a {@link GatewayResult}. Reads throw an
 * `MmCoreError` (or the venue's error) on failure, because the caller has no safe default.
 *
 * @example
 * ```ts
 * const r = await gateway.placeOrder({ marketTicker: 'T', side: 'bid', priceUnits: 4_500,
 *   countUnits: 1_000, clientOrderId: 'mm-1' });
 * if (!r.ok && r.kind === 'UNKNOWN') await gateway.getOrderByClientOrderId('mm-1');
 * ```
 */
export interface OrderGateway {
  /**
   * The largest batch of creates (or cancels) the venue accepts in one request right now, when it
   * has such a limit; the order manager never sends a larger batch.
   *
   * @remarks On Kalshi a batch must fit the account's write bucket whole, so this follows the rate
   * limit tier. Leave it `undefined` when the venue has no such limit.
   */
  readonly maxBatchSize?: number | undefined;
  /** Places one order. */
  placeOrder(request: PlaceOrderRequest, options?: GatewayWriteOptions): Promise<GatewayResult<PlacedOrder>>;
  /** Places several orders in one request; results are in request order. */
  placeOrders(
    requests: readonly PlaceOrderRequest[],
    options?: GatewayWriteOptions,
  ): Promise<readonly GatewayResult<PlacedOrder>[]>;
  /** Changes price and/or size (queue priority kept only on a pure size decrease). */
  amendOrder(request: AmendOrderRequest, options?: GatewayWriteOptions): Promise<GatewayResult<AmendedOrder>>;
  /** Reduces the remaining size to `remainingCountUnits` (keeps queue priority). */
  decreaseOrder(ref: OrderRef, remainingCountUnits: CountUnits): Promise<GatewayResult<ReducedOrder>>;
  /** Cancels one order. */
  cancelOrder(ref: OrderRef): Promise<GatewayResult<ReducedOrder>>;
  /** Cancels several orders in one request; results are in request order. */
  cancelOrders(refs: readonly OrderRef[]): Promise<readonly GatewayResult<ReducedOrder>[]>;
  /** Cancels every resting order of this account. */
  cancelAll(): Promise<GatewayResult<void>>;
  /** Resting orders, optionally of one market. */
  getOpenOrders(marketTicker?: string): Promise<readonly VenueOrder[]>;
  /** Current positions (non-zero only). */
  getPositions(): Promise<readonly VenuePosition[]>;
  /** Our fills at or after `sinceTsMs`. */
  getFillsSince(sinceTsMs: number): Promise<readonly Fill[]>;
  /** One order by venue id, `undefined` when the venue does not know it. */
  getOrder(orderId: string): Promise<VenueOrder | undefined>;
  /** One order by client id, `undefined` when the venue does not know it. */
  getOrderByClientOrderId(clientOrderId: string): Promise<VenueOrder | undefined>;
  /** Creates a venue order group (a rolling matched-contracts limit), when the venue has them. */
  createOrderGroup?(contractsLimitCountUnits: CountUnits): Promise<GatewayResult<OrderGroup>>;
  /** Triggers an order group: the venue cancels its orders and rejects new ones until reset. */
  triggerOrderGroup?(orderGroupId: string): Promise<GatewayResult<void>>;
  /** Resets a triggered order group so it accepts orders again. */
  resetOrderGroup?(orderGroupId: string): Promise<GatewayResult<void>>;
}
