/**
 * The book as the rest of the market sees it: a market's levels net of our own resting orders.
 *
 * @module
 */

import {
  type BookLevel,
  type CountUnits,
  ONE_DOLLAR_UNITS,
  type Outcome,
  type PriceUnits,
  type QuoteSide,
} from '../model/types.js';
import type { OrderBook } from './order-book.js';

/** The parts of an order the helper needs (a `WorkingOrder` fits as is). */
export interface OwnOrderLike {
  /** YES-book side: a bid rests on the YES leg, an ask on the NO leg at $1 - price. */
  readonly side: QuoteSide;
  /** Limit price in YES terms. */
  readonly priceUnits: PriceUnits;
  /** Size still resting (or about to rest). */
  readonly remainingCountUnits: CountUnits;
}

/** The parts of an order book the helper reads (an `OrderBook` or a strategy's read-only book fits). */
export type OwnExcludableBook = Pick<OrderBook, 'depth' | 'sizeAt'>;

/** A book net of our own orders: best prices and sizes of everyone else. */
export interface BookExcludingOwn {
  /** Best YES bid of others, or `undefined` when only we (or nobody) bid. */
  readonly yesBid: PriceUnits | undefined;
  /** Others' size at {@link BookExcludingOwn.yesBid} (0 when none). */
  readonly yesBidCountUnits: CountUnits;
  /** Best YES ask of others (= $1 - their best NO bid), or `undefined`. */
  readonly yesAsk: PriceUnits | undefined;
  /** Others' size at {@link BookExcludingOwn.yesAsk} (0 when none). */
  readonly yesAskCountUnits: CountUnits;
  /** Others' YES mid, or `undefined` when either side is empty (may be a half unit). */
  readonly midUnits: number | undefined;
  /** Others' levels of a leg, best first, in that leg's price terms (empty levels left out). */
  depth(outcome: Outcome, maxLevels?: number): BookLevel[];
  /** Others' size at a price of a leg (0 when none). */
  sizeAt(outcome: Outcome, priceUnits: PriceUnits): CountUnits;
}

/**
 * Returns a market's book net of our own resting orders, so a strategy that quotes relative to
 * the touch does not chase itself.
 *
 * @remarks A bid is removed from the YES leg at its price, an ask from the NO leg at
 * $1 - its price; a level never goes below zero. Pass every open order the engine reports
 * (`ctx.openOrders(ticker)`), in any state: an order whose create is in flight may already be in
 * the book (the stream often beats the acknowledgement), so it is removed too. An order with an
 * amend in flight is removed at its new price, so its old price can still show our size until the
 * amend lands. Best prices are taken when it is called (`depth` and `sizeAt` read the book when
 * they are called): compute it again after the book changes. Cost: the touch reads only the best
 * few levels of each leg (one more than our own levels there), never the whole ladder.
 *
 * @param book - The market's book (`ctx.book(ticker)`).
 * @param ownOrders - Our open orders in that market (`ctx.openOrders(ticker)`).
 * @example
 * ```ts
 * onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
 *   const book = ctx.book(marketTicker);
 *   if (!book?.trusted) return [{ marketTicker, quotes: [] }];
 *   const others = bookExcludingOwn(book, ctx.openOrders(marketTicker));
 *   if (others.yesBid === undefined || others.yesAsk === undefined) return [{ marketTicker, quotes: [] }];
 *   return [{ marketTicker, quotes: [
 *     { side: 'bid', priceUnits: others.yesBid + 100, countUnits: 500 },
 *     { side: 'ask', priceUnits: others.yesAsk - 100, countUnits: 500 },
 *   ] }];
 * }
 * ```
 */
export function bookExcludingOwn(
  book: OwnExcludableBook,
  ownOrders: readonly OwnOrderLike[],
): BookExcludingOwn {
  const ownYes = new Map<PriceUnits, CountUnits>();
  const ownNo = new Map<PriceUnits, CountUnits>();
  for (const o of ownOrders) {
    if (o.remainingCountUnits <= 0) continue;
    const [leg, price] = o.side === 'bid' ? [ownYes, o.priceUnits] : [ownNo, ONE_DOLLAR_UNITS - o.priceUnits];
    leg.set(price, (leg.get(price) ?? 0) + o.remainingCountUnits);
  }
  // Our orders occupy at most `own.size` levels of a leg, so the best `n` levels of others are
  // among the best `n + own.size` levels of the book: no full-ladder scan for the touch.
  const net = (outcome: Outcome, maxLevels: number): BookLevel[] => {
    const own = outcome === 'yes' ? ownYes : ownNo;
    const out: BookLevel[] = [];
    for (const l of book.depth(outcome, maxLevels + own.size)) {
      const left = l.countUnits - (own.get(l.priceUnits) ?? 0);
      if (left > 0) out.push({ priceUnits: l.priceUnits, countUnits: left });
      if (out.length === maxLevels) break;
    }
    return out;
  };
  const bestYes = net('yes', 1)[0];
  const bestNo = net('no', 1)[0];
  const yesAsk = bestNo === undefined ? undefined : ONE_DOLLAR_UNITS - bestNo.priceUnits;
  return {
    yesBid: bestYes?.priceUnits,
    yesBidCountUnits: bestYes?.countUnits ?? 0,
    yesAsk,
    yesAskCountUnits: bestNo?.countUnits ?? 0,
    midUnits: bestYes === undefined || yesAsk === undefined ? undefined : (bestYes.priceUnits + yesAsk) / 2,
    depth: (outcome, maxLevels = Number.POSITIVE_INFINITY) => net(outcome, maxLevels),
    sizeAt: (outcome, priceUnits) =>
      Math.max(
        0,
        book.sizeAt(outcome, priceUnits) - ((outcome === 'yes' ? ownYes : ownNo).get(priceUnits) ?? 0),
      ),
  };
}
