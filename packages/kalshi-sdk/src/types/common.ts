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

/** An exchange shard index (`0`–`3`); `-1` on writes forces auto-routing by ticker. */
export type ExchangeIndex = number;
/** Unix time in seconds, as an integer. */
export type UnixSeconds = number;
/** Unix time in milliseconds, as an integer. */
export type UnixMillis = number;
/** How a series or event charges trading fees. */
export type FeeType = 'quadratic' | 'quadratic_with_maker_fees' | 'quadratic_with_combo_maker_fees' | 'flat';
/** The settled outcome of a market (`""` while undetermined). */
export type MarketResult = 'yes' | 'no' | 'scalar' | '';
/** Kind of market: binary yes/no or scalar payout. */
export type MarketType = 'binary' | 'scalar';
/** Exchange instance a balance, grant or transfer belongs to. */
export type ExchangeInstance = 'event_contract' | 'margined';
/** A source used to settle a series or event. */
export interface SettlementSource {
  /** Display name of the source. */
  name?: string;
  /** Link to the source. */
  url?: string;
}
/** A balance held on one exchange shard. */
export interface IndexedBalance {
  /** The shard. */
  exchange_index: ExchangeIndex;
  /** Balance on that shard, in dollars. */
  balance: FixedPointDollars;
}
/** One leg of a multivariate (combo) market. */
export interface MveSelectedLeg {
  /** Event of the leg. */
  event_ticker?: string;
  /** Market of the leg. */
  market_ticker?: string;
  /** Side of the leg (`yes` or `no`). */
  side?: string;
  /** Settlement value of the leg's YES side, once known. */
  yes_settlement_value_dollars?: FixedPointDollars | null;
}
/** Cursor and page size accepted by every paginated list endpoint. */
export interface PageParams {
  /** Cursor from the previous page's response; omit for the first page. */
  cursor?: string | undefined;
  /** Maximum items per page (per-endpoint bounds, see the API reference). */
  limit?: number;
}
/** An empty JSON object returned by some write endpoints. */
export type EmptyResponse = Record<string, unknown>;
