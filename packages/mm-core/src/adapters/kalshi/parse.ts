/**
 * Conversions between Kalshi wire types and the core's types, done once at the boundary.
 *
 * @module
 */

import {
  type CreateOrderV2Request,
  formatCount,
  formatDollars,
  type Fill as KalshiFill,
  type MarketPosition as KalshiMarketPosition,
  type Order as KalshiOrder,
  parseCount,
  parseDollars,
  parseMicros,
  parseSignedCount,
  parseSignedDollars,
  type WsBookLevel,
  type WsFillPayload,
  type WsMarketLifecyclePayload,
  type WsOrderbookDeltaPayload,
  type WsOrderbookSnapshotPayload,
  type WsTradePayload,
  type WsUserOrderPayload,
} from '@mnquants/kalshi-sdk';
import type {
  BookDelta,
  BookLevel,
  BookSnapshot,
  Fill,
  LifecycleKind,
  MarketLifecycle,
  OrderStatus,
  Trade,
  VenueOrder,
  VenuePosition,
} from '../../model/types.js';
import type { OrderTimeInForce, PlaceOrderRequest } from '../../ports/order-gateway.js';

const TIF: Record<OrderTimeInForce, CreateOrderV2Request['time_in_force']> = {
  gtc: 'good_till_canceled',
  ioc: 'immediate_or_cancel',
  fok: 'fill_or_kill',
};

/**
 * Builds a Kalshi V2 create-order body from a core order request.
 *
 * @remarks Self-trade prevention is `maker` (cancel our resting order rather than trade with
 * ourselves: a maker's own quotes never cross in normal operation, and when they do the resting
 * one is stale).
 * @example
 * ```ts
 * toCreateOrderRequest({ marketTicker: 'M', side: 'bid', priceUnits: 5_600, countUnits: 1_000, clientOrderId: 'c1' });
 * // { ticker: 'M', side: 'bid', price: '0.5600', count: '10.00', ... }
 * ```
 */
export function toCreateOrderRequest(req: PlaceOrderRequest): CreateOrderV2Request {
  const body: CreateOrderV2Request = {
    ticker: req.marketTicker,
    client_order_id: req.clientOrderId,
    side: req.side,
    count: formatCount(req.countUnits),
    price: formatDollars(req.priceUnits),
    time_in_force: TIF[req.timeInForce ?? 'gtc'],
    self_trade_prevention_type: 'maker',
  };
  if (req.postOnly !== undefined) body.post_only = req.postOnly;
  if (req.reduceOnly !== undefined) body.reduce_only = req.reduceOnly;
  if (req.cancelOnPause !== undefined) body.cancel_order_on_pause = req.cancelOnPause;
  if (req.orderGroupId !== undefined) body.order_group_id = req.orderGroupId;
  return body;
}

function status(s: string): OrderStatus {
  if (s === 'resting' || s === 'canceled' || s === 'executed') return s;
  // `unknown` (or anything new) is not resting: the engine re-queries before trusting it.
  return 'canceled';
}

function isoMs(value: string | null | undefined): number {
  if (value == null) return 0;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : 0;
}

/**
 * Converts a REST order (`GET /portfolio/orders`) into a {@link VenueOrder}.
 *
 * @throws `KalshiNumberError` when a price or count is not an exact fixed-point string.
 * @example
 * ```ts
 * const orders = (await client.orders.list({ status: 'resting' })).orders.map(parseOrder);
 * ```
 */
export function parseOrder(o: KalshiOrder): VenueOrder {
  const out: { -readonly [K in keyof VenueOrder]: VenueOrder[K] } = {
    orderId: o.order_id,
    marketTicker: o.ticker,
    side: o.book_side,
    priceUnits: parseDollars(o.yes_price_dollars),
    filledCountUnits: parseCount(o.fill_count_fp),
    remainingCountUnits: parseCount(o.remaining_count_fp),
    status: status(o.status),
    tsMs: isoMs(o.last_update_time ?? o.created_time),
  };
  if (o.client_order_id) out.clientOrderId = o.client_order_id;
  if (o.order_group_id) out.orderGroupId = o.order_group_id;
  return out;
}

/**
 * Converts a `user_order` WebSocket payload into a {@link VenueOrder}.
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * ws.on('user_order', (m) => engineHandlers.onOrderUpdate(parseUserOrder(m.msg)));
 * ```
 */
export function parseUserOrder(o: WsUserOrderPayload): VenueOrder {
  const out: { -readonly [K in keyof VenueOrder]: VenueOrder[K] } = {
    orderId: o.order_id,
    marketTicker: o.ticker,
    side: o.book_side,
    priceUnits: parseDollars(o.yes_price_dollars),
    filledCountUnits: parseCount(o.fill_count_fp),
    remainingCountUnits: parseCount(o.remaining_count_fp),
    status: status(o.status),
    tsMs: o.last_updated_ts_ms ?? o.created_ts_ms ?? 0,
  };
  if (o.client_order_id) out.clientOrderId = o.client_order_id;
  if (o.order_group_id) out.orderGroupId = o.order_group_id;
  return out;
}

/**
 * Converts a `fill` WebSocket payload into a {@link Fill}.
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * ws.on('fill', (m) => positions.applyFill(parseWsFill(m.msg)));
 * ```
 */
export function parseWsFill(f: WsFillPayload): Fill {
  const out: { -readonly [K in keyof Fill]: Fill[K] } = {
    tradeId: f.trade_id,
    orderId: f.order_id,
    marketTicker: f.market_ticker,
    side: f.book_side,
    priceUnits: parseDollars(f.yes_price_dollars),
    countUnits: parseCount(f.count_fp),
    feeMicros: parseMicros(f.fee_cost),
    isTaker: f.is_taker,
    tsMs: f.ts_ms,
  };
  if (f.client_order_id) out.clientOrderId = f.client_order_id;
  return out;
}

/**
 * Converts a REST fill (`GET /portfolio/fills`) into a {@link Fill}.
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * for await (const f of client.portfolio.iterateFills({ min_ts })) backfill(parseFill(f));
 * ```
 */
export function parseFill(f: KalshiFill): Fill {
  const out: { -readonly [K in keyof Fill]: Fill[K] } = {
    tradeId: f.trade_id || f.fill_id,
    orderId: f.order_id,
    marketTicker: f.market_ticker || f.ticker,
    side: f.book_side,
    priceUnits: parseDollars(f.yes_price_dollars),
    countUnits: parseCount(f.count_fp),
    feeMicros: parseMicros(f.fee_cost),
    isTaker: f.is_taker,
    tsMs: f.created_time !== undefined ? isoMs(f.created_time) : (f.ts ?? 0) * 1_000,
  };
  if (f.client_order_id) out.clientOrderId = f.client_order_id;
  return out;
}

/**
 * Converts a REST market position into a {@link VenuePosition}.
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * const positions = (await client.portfolio.positions()).market_positions.map(parsePosition);
 * ```
 */
export function parsePosition(p: KalshiMarketPosition): VenuePosition {
  return {
    marketTicker: p.ticker,
    positionCountUnits: parseSignedCount(p.position_fp),
    realizedPnlMicros: parseMicros(p.realized_pnl_dollars),
    feesPaidMicros: parseMicros(p.fees_paid_dollars),
  };
}

function levels(raw: readonly WsBookLevel[] | undefined): BookLevel[] {
  if (raw === undefined) return [];
  const out: BookLevel[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const level = raw[i]!;
    out[i] = { priceUnits: parseDollars(level[0]), countUnits: parseCount(level[1]) };
  }
  return out;
}

/**
 * Converts an `orderbook_snapshot` payload into a {@link BookSnapshot} (NO levels in NO terms).
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * ws.on('orderbook_snapshot', (m) => book.applySnapshot(parseSnapshot(m.msg, Date.now())));
 * ```
 */
export function parseSnapshot(s: WsOrderbookSnapshotPayload, receivedTsMs: number): BookSnapshot {
  return {
    marketTicker: s.market_ticker,
    yes: levels(s.yes_dollars_fp),
    no: levels(s.no_dollars_fp),
    tsMs: receivedTsMs,
  };
}

/**
 * Converts an `orderbook_delta` payload into a signed {@link BookDelta}.
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * ws.on('orderbook_delta', (m) => book.applyDelta(parseDelta(m.msg, Date.now())));
 * ```
 */
export function parseDelta(d: WsOrderbookDeltaPayload, receivedTsMs: number): BookDelta {
  return {
    marketTicker: d.market_ticker,
    outcome: d.side,
    priceUnits: parseDollars(d.price_dollars),
    deltaCountUnits: parseSignedCount(d.delta_fp),
    tsMs: d.ts_ms ?? receivedTsMs,
  };
}

/**
 * Converts a public `trade` payload into a {@link Trade}.
 *
 * @throws `KalshiNumberError` on a malformed number.
 * @example
 * ```ts
 * ws.on('trade', (m) => tape.push(parseTrade(m.msg)));
 * ```
 */
export function parseTrade(t: WsTradePayload): Trade {
  return {
    tradeId: t.trade_id,
    marketTicker: t.market_ticker,
    priceUnits: parseDollars(t.yes_price_dollars),
    countUnits: parseCount(t.count_fp),
    takerSide: t.taker_book_side,
    tsMs: t.ts_ms,
  };
}

const LIFECYCLE: Partial<Record<WsMarketLifecyclePayload['event_type'], LifecycleKind>> = {
  created: 'created',
  activated: 'activated',
  deactivated: 'deactivated',
  determined: 'determined',
  settled: 'settled',
};

/**
 * Converts a `market_lifecycle_v2` payload into a {@link MarketLifecycle}.
 *
 * @remarks `deactivated` with `is_deactivated: false` means the market was un-paused and maps to
 * `activated`; other event types map to `updated`.
 * @throws `KalshiNumberError` on a malformed settlement value.
 * @example
 * ```ts
 * ws.on('market_lifecycle_v2', (m) => handlers.onLifecycle(parseLifecycle(m.msg, Date.now())));
 * ```
 */
export function parseLifecycle(e: WsMarketLifecyclePayload, receivedTsMs: number): MarketLifecycle {
  let kind: LifecycleKind = LIFECYCLE[e.event_type] ?? 'updated';
  if (e.event_type === 'deactivated' && e.is_deactivated === false) kind = 'activated';
  const out: { -readonly [K in keyof MarketLifecycle]: MarketLifecycle[K] } = {
    marketTicker: e.market_ticker,
    kind,
    tsMs: receivedTsMs,
  };
  if (e.result === 'yes' || e.result === 'no' || e.result === 'scalar') out.result = e.result;
  if (e.settlement_value !== undefined) out.settlementPriceUnits = parseSignedDollars(e.settlement_value);
  else if (out.result === 'yes') out.settlementPriceUnits = 10_000;
  else if (out.result === 'no') out.settlementPriceUnits = 0;
  if (e.close_ts !== undefined) out.closeTsMs = e.close_ts * 1_000;
  return out;
}
