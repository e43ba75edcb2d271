/**
 * The Strategy API: what a user implements to make markets with the engine.
 *
 * @module
 */

import type { OrderBook } from '../book/order-book.js';
import type {
  CountUnits,
  Fill,
  MarketInfo,
  PriceUnits,
  QuoteSide,
  Trade,
  VenueOrder,
} from '../model/types.js';
import type { ReferencePrice } from '../ports/reference-feed.js';
import type { MmLogger } from '../ports/runtime.js';
import type { MarketPosition, PnlSummary } from '../positions/position-book.js';

/** One resting quote a strategy wants: a side, a YES price and a size. */
export interface DesiredQuote {
  /** YES-book side: `bid` buys YES, `ask` sells YES. */
  readonly side: QuoteSide;
  /** YES price on the market's grid. */
  readonly priceUnits: PriceUnits;
  /** Size. */
  readonly countUnits: CountUnits;
}

/**
 * Every quote a strategy wants resting in one market.
 *
 * @remarks Several quotes per side make a multi-level ladder (list them best first). An empty
 * `quotes` array pulls every order in the market.
 */
export interface MarketQuotes {
  /** Market ticker. */
  readonly marketTicker: string;
  /** The full desired set for this market (replaces the previous desire). */
  readonly quotes: readonly DesiredQuote[];
}

/**
 * What a handler returns: new desired quotes for some markets, or nothing to keep the current
 * desire everywhere.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: lets a handler fall off the end (no `return`) to keep the desire.
export type StrategyDecision = readonly MarketQuotes[] | undefined | void;

/** A read-only view of an {@link OrderBook}. */
export type ReadonlyOrderBook = Pick<
  OrderBook,
  | 'marketTicker'
  | 'trusted'
  | 'untrustedReason'
  | 'lastUpdateTsMs'
  | 'version'
  | 'yesBid'
  | 'yesAsk'
  | 'noBid'
  | 'noAsk'
  | 'yesBidCountUnits'
  | 'yesAskCountUnits'
  | 'spreadUnits'
  | 'midUnits'
  | 'microprice'
  | 'crossed'
  | 'sizeAt'
  | 'levelCount'
  | 'totalCountUnits'
  | 'depth'
>;

/** Trading state of the risk engine. */
export type TradingState = 'active' | 'reducing' | 'halted';

/** A working order as the engine tracks it (venue-acknowledged or in flight). */
export interface WorkingOrder {
  /** Client order id. */
  readonly clientOrderId: string;
  /** Venue order id, once acknowledged. */
  readonly orderId: string | undefined;
  /** Market ticker. */
  readonly marketTicker: string;
  /** YES-book side. */
  readonly side: QuoteSide;
  /** Limit price (the target price while an amend is in flight). */
  readonly priceUnits: PriceUnits;
  /** Size resting (or about to rest). */
  readonly remainingCountUnits: CountUnits;
  /** Size filled so far. */
  readonly filledCountUnits: CountUnits;
  /** Lifecycle state in the order manager. */
  readonly state: 'pendingNew' | 'working' | 'pendingAmend' | 'pendingDecrease' | 'pendingCancel' | 'unknown';
}

/**
 * Everything a strategy may read; it cannot change state or reach the venue.
 *
 * @example
 * ```ts
 * onBook(marketTicker: string, ctx: StrategyContext) {
 *   const book = ctx.book(marketTicker);
 *   if (!book?.trusted || book.midUnits === undefined) return;
 *   const skew = -ctx.position(marketTicker).positionCountUnits; // lean against inventory
 *   ...
 * }
 * ```
 */
export interface StrategyContext {
  /** The markets the engine trades. */
  readonly marketTickers: readonly string[];
  /** A market's book, `undefined` for a market the engine does not trade. */
  book(marketTicker: string): ReadonlyOrderBook | undefined;
  /** Our position and P&L in a market. */
  position(marketTicker: string): MarketPosition;
  /** P&L of the whole book at mid marks. */
  pnl(): PnlSummary;
  /** Our working and in-flight orders in a market. */
  openOrders(marketTicker: string): readonly WorkingOrder[];
  /** The latest reference price of a symbol, `undefined` when none or no reference feed. */
  reference(symbol: string): ReferencePrice | undefined;
  /** Static market metadata, `undefined` when not provided. */
  market(marketTicker: string): MarketInfo | undefined;
  /** Current trading state; in `reducing`, only position-reducing quotes pass risk. */
  readonly tradingState: TradingState;
  /** Current time, Unix ms. */
  nowMs(): number;
  /** The engine's logger. */
  readonly logger: MmLogger;
}

/**
 * A market-making strategy: reacts to market events and returns the quotes it wants resting.
 *
 * @remarks
 * Every handler is optional. Handlers are synchronous on the hot path (`onBook`, `onTrade`,
 * `onFill`, `onOrderUpdate`, `onReference`, `onTimer`); only `onStart` and `onStop` may return a
 * promise. `onBook` is coalesced: a burst of deltas produces one call per market per event-loop
 * turn with the latest book. A handler returns {@link MarketQuotes} for the markets whose desire
 * changes, or nothing to keep the current desire. The engine runs every desired quote through
 * risk and lets the order manager converge the venue to it; strategies never call the venue. A
 * handler that throws is logged and its result ignored.
 *
 * @example
 * ```ts
 * class PennyInside implements Strategy {
 *   onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
 *     const book = ctx.book(marketTicker);
 *     if (!book?.trusted || book.yesBid === undefined || book.yesAsk === undefined) return [{ marketTicker, quotes: [] }];
 *     return [{ marketTicker, quotes: [
 *       { side: 'bid', priceUnits: book.yesBid + 100, countUnits: 500 },
 *       { side: 'ask', priceUnits: book.yesAsk - 100, countUnits: 500 },
 *     ] }];
 *   }
 * }
 * ```
 */
export interface Strategy {
  /** Name for logs. @defaultValue the class name */
  readonly name?: string;
  /** Called once after the engine has reconciled and before it starts quoting. */
  onStart?(ctx: StrategyContext): StrategyDecision | Promise<StrategyDecision>;
  /** A market's book changed (coalesced per turn). */
  onBook?(marketTicker: string, ctx: StrategyContext): StrategyDecision;
  /** A public trade printed. */
  onTrade?(trade: Trade, ctx: StrategyContext): StrategyDecision;
  /** One of our orders filled (positions already include it). */
  onFill?(fill: Fill, ctx: StrategyContext): StrategyDecision;
  /** One of our orders changed at the venue. */
  onOrderUpdate?(order: VenueOrder, ctx: StrategyContext): StrategyDecision;
  /** A reference price updated. */
  onReference?(price: ReferencePrice, ctx: StrategyContext): StrategyDecision;
  /** The engine's periodic timer fired. */
  onTimer?(ctx: StrategyContext): StrategyDecision;
  /** Called once when the engine stops, after quoting has ended. */
  onStop?(ctx: StrategyContext): void | Promise<void>;
}
