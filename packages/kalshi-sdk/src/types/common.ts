/**
 * Scalar and enum wire types shared by REST and WebSocket payloads (Kalshi's names).
 *
 * @module
 */

/** A fixed-point dollar string such as `"0.5600"` (up to 4 decimals; 6 on some portfolio fields). */
export type FixedPointDollars = string;
/** A fixed-point contract count string such as `"10.00"` (2 decimals). */
export type FixedPointCount = string;
/** An RFC 3339 timestamp string. */
export type Rfc3339 = string;

/** The outcome a position or order is on (canonical since 2026-05-06). */
export type OutcomeSide = 'yes' | 'no';
/** The YES-book side of an order: `bid` buys YES, `ask` sells YES (buys NO). */
export type BookSide = 'bid' | 'ask';
/** Legacy `side` field (deprecated in favour of {@link OutcomeSide}). */
export type LegacySide = 'yes' | 'no';
/** Legacy `action` field (deprecated in favour of {@link BookSide}). */
export type LegacyAction = 'buy' | 'sell';
/** Order statuses (`pending` was removed in Nov 2025). */
export type OrderStatus = 'resting' | 'canceled' | 'executed';
/** Time in force of an order. */
export type TimeInForce = 'fill_or_kill' | 'good_till_canceled' | 'immediate_or_cancel';
/** Self-trade prevention mode. */
export type SelfTradePreventionType = 'taker_at_cross' | 'maker';
/** Market status as returned on Market objects. */
export type MarketStatus =
  | 'initialized'
  | 'inactive'
  | 'active'
  | 'closed'
  | 'determined'
  | 'disputed'
  | 'amended'
  | 'finalized';
/** Status filter values accepted by `GET /markets?status=`. */
export type MarketStatusFilter = 'unopened' | 'open' | 'paused' | 'closed' | 'settled';
/** How a market's strike is expressed. */
export type StrikeType =
  | 'greater'
  | 'greater_or_equal'
  | 'less'
  | 'less_or_equal'
  | 'between'
  | 'functional'
  | 'custom'
  | 'structured';
/** Collateral return type of an event (`MECNET` partitions, `DIRECNET` ladders). */
export type CollateralReturnType = 'MECNET' | 'DIRECNET' | '';
/** A band of a market's price grid (dollar strings). */
export interface PriceRange {
  /** Inclusive lower bound of the band. */
  start: FixedPointDollars;
  /** Upper bound of the band. */
  end: FixedPointDollars;
  /** Tick size within the band. */
  step: FixedPointDollars;
}
