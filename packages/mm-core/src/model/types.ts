/**
 * The core's own domain types, in integer units, independent of any venue's wire format.
 *
 * @module
 */

/** A price in integer units of $0.0001 (10,000 = $1.00). */
export type PriceUnits = number;
/** A contract count in integer hundredths of a contract (100 = 1 contract). */
export type CountUnits = number;
/** Money in integer micro-dollars ($1 = 1,000,000); price units x count units = micros. */
export type Micros = number;

/** Price units in $1.00: a settled YES contract pays this much. */
export const ONE_DOLLAR_UNITS: PriceUnits = 10_000;

/**
 * Book side of the YES leg: `bid` buys YES, `ask` sells YES (equivalently buys NO at $1 - price).
 *
 * @remarks Every price attached to a {@link QuoteSide} is a YES price.
 */
export type QuoteSide = 'bid' | 'ask';

/** The outcome leg of a binary market. */
export type Outcome = 'yes' | 'no';

/** One price level: a price and the total size resting there. */
export interface BookLevel {
  /** Level price in its own leg's terms (NO levels are priced in NO terms). */
  readonly priceUnits: PriceUnits;
  /** Total resting size at the level. */
  readonly countUnits: CountUnits;
}

/** A full order-book image for one market: bids for YES and bids for NO. */
export interface BookSnapshot {
  /** Market ticker. */
  readonly marketTicker: string;
  /** YES bids, any order. */
  readonly yes: readonly BookLevel[];
  /** NO bids in NO-leg prices, any order. */
  readonly no: readonly BookLevel[];
  /** When the venue produced it, Unix ms (receive time when the venue sends none). */
  readonly tsMs: number;
}

/**
 * A signed change to one level of one leg.
 *
 * @remarks `deltaCountUnits` is added to the level's size; a level at 0 is removed.
 */
export interface BookDelta {
  /** Market ticker. */
  readonly marketTicker: string;
  /** Which leg's ladder changes. */
  readonly outcome: Outcome;
  /** Level price in that leg's terms. */
  readonly priceUnits: PriceUnits;
  /** Signed change in size. */
  readonly deltaCountUnits: CountUnits;
  /** Venue timestamp, Unix ms. */
  readonly tsMs: number;
}

/** A public trade print. */
export interface Trade {
  /** Venue trade id. */
  readonly tradeId: string;
  /** Market ticker. */
  readonly marketTicker: string;
  /** Trade price in YES terms. */
  readonly priceUnits: PriceUnits;
  /** Traded size. */
  readonly countUnits: CountUnits;
  /** YES-book side of the taker: `bid` means the taker bought YES. */
  readonly takerSide: QuoteSide;
  /** Trade time, Unix ms. */
  readonly tsMs: number;
}

/** One execution of one of our orders. */
export interface Fill {
  /** Venue trade id; fills are deduplicated by it. */
  readonly tradeId: string;
  /** Our order's venue id. */
  readonly orderId: string;
  /** Our order's client id, when the venue reports it. */
  readonly clientOrderId?: string;
  /** Market ticker. */
  readonly marketTicker: string;
  /** YES-book side of our order: `bid` bought YES, `ask` sold YES. */
  readonly side: QuoteSide;
  /** Execution price in YES terms. */
  readonly priceUnits: PriceUnits;
  /** Executed size. */
  readonly countUnits: CountUnits;
  /** Fee charged for this fill. */
  readonly feeMicros: Micros;
  /** True when our order took liquidity. */
  readonly isTaker: boolean;
  /** Execution time, Unix ms. */
  readonly tsMs: number;
}

/** Venue-side status of an order. */
export type OrderStatus = 'resting' | 'canceled' | 'executed';

/** The venue's view of one of our orders. */
export interface VenueOrder {
  /** Venue order id. */
  readonly orderId: string;
  /** Client order id, when set. */
  readonly clientOrderId?: string;
  /** Market ticker. */
  readonly marketTicker: string;
  /** YES-book side. */
  readonly side: QuoteSide;
  /** Limit price in YES terms. */
  readonly priceUnits: PriceUnits;
  /** Size filled so far. */
  readonly filledCountUnits: CountUnits;
  /** Size still resting. */
  readonly remainingCountUnits: CountUnits;
  /** Venue status. */
  readonly status: OrderStatus;
  /** Order group, when attached to one. */
  readonly orderGroupId?: string;
  /** Last change, Unix ms. */
  readonly tsMs: number;
}

/** The venue's view of our position in one market. */
export interface VenuePosition {
  /** Market ticker. */
  readonly marketTicker: string;
  /** Signed position: positive = long YES, negative = long NO. */
  readonly positionCountUnits: CountUnits;
  /** Realized P&L the venue reports, when it does. */
  readonly realizedPnlMicros?: Micros;
  /** Fees paid the venue reports, when it does. */
  readonly feesPaidMicros?: Micros;
}

/** Kinds of market lifecycle events. */
export type LifecycleKind =
  | 'created'
  | 'activated'
  | 'deactivated'
  | 'closed'
  | 'determined'
  | 'settled'
  | 'updated';

/** A market lifecycle event (opened, paused, determined, settled, ...). */
export interface MarketLifecycle {
  /** Market ticker. */
  readonly marketTicker: string;
  /** What happened. */
  readonly kind: LifecycleKind;
  /** Result, on `determined` / `settled`. */
  readonly result?: 'yes' | 'no' | 'scalar';
  /** Settlement value of one YES contract, on `determined` / `settled`. */
  readonly settlementPriceUnits?: PriceUnits;
  /** New close time, Unix ms, when it changed. */
  readonly closeTsMs?: number;
  /** Event time, Unix ms. */
  readonly tsMs: number;
}

/** Connection state of a market-data feed. */
export type FeedConnectionState = 'connecting' | 'connected' | 'disconnected' | 'reconnected';

/** Static facts about a market that strategies and risk need. */
export interface MarketInfo {
  /** Market ticker. */
  readonly ticker: string;
  /** Event ticker, when known. */
  readonly eventTicker?: string;
  /** Human title, when known. */
  readonly title?: string;
  /** Smallest price increment of the market's grid. */
  readonly tickSizeUnits: PriceUnits;
  /** Close time, Unix ms, when known. */
  readonly closeTsMs?: number;
}
