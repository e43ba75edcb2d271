/**
 * Price ladders of the matching engine: one array slot per price unit, FIFO queues per level.
 *
 * @module
 */
import type { BookLevel, EngineOrder } from './types.js';

/** Highest price unit ($1). */
export const MAX_PRICE_UNITS = 10_000;

/**
 * An order record as the engine stores it: the public fields plus intrusive queue links.
 *
 * @internal
 */
export interface OrderNode extends EngineOrder {
  /** Price in the ladder's own terms (YES price for bids, NO price for asks). */
  ownPriceUnits: number;
  /** Previous order at the same level (older). */
  prev: OrderNode | null;
  /** Next order at the same level (newer). */
  next: OrderNode | null;
  /** Whether the node currently sits in a ladder. */
  inBook: boolean;
}

/**
 * One price level: total size and a doubly linked FIFO queue.
 *
 * @internal
 */
export interface Level {
  /** Total resting count at the level. */
  count: number;
  /** Oldest order. */
  head: OrderNode | null;
  /** Newest order. */
  tail: OrderNode | null;
}

/**
 * A bid ladder for one outcome (YES bids in YES prices, or NO bids in NO prices).
 *
 * @remarks Levels live in a dense array indexed by price unit, so finding a level is O(1) and no
 * sorting ever happens; the best price is tracked and, when its level empties, found by scanning
 * down (bounded by 10,000 slots and in practice a few). Allocation happens only the first time a
 * price level is used.
 * @internal
 */
export class Ladder {
  readonly levels: (Level | undefined)[] = new Array(MAX_PRICE_UNITS + 1);
  /** Best (highest) price with resting size, or 0 when empty. */
  best = 0;
  /** Lowest price with resting size, or 0 when empty (used for snapshots). */
  low = 0;

  /** Appends an order to the back of its level's queue. */
  append(o: OrderNode): Level {
    const p = o.ownPriceUnits;
    let level = this.levels[p];
    if (level === undefined) {
      level = { count: 0, head: null, tail: null };
      this.levels[p] = level;
    }
    o.prev = level.tail;
    o.next = null;
    if (level.tail) level.tail.next = o;
    else level.head = o;
    level.tail = o;
    level.count += o.remainingCountUnits;
    o.inBook = true;
    if (p > this.best) this.best = p;
    if (this.low === 0 || p < this.low) this.low = p;
    return level;
  }

  /** Unlinks an order; the caller has already subtracted or will subtract its count. */
  unlink(o: OrderNode): void {
    const level = this.levels[o.ownPriceUnits];
    if (level === undefined || !o.inBook) return;
    if (o.prev) o.prev.next = o.next;
    else level.head = o.next;
    if (o.next) o.next.prev = o.prev;
    else level.tail = o.prev;
    o.prev = null;
    o.next = null;
    o.inBook = false;
    if (level.head === null) this.levelEmptied(o.ownPriceUnits);
  }

  /** Changes a level's count by `delta` (negative to reduce). */
  adjust(priceUnits: number, delta: number): number {
    const level = this.levels[priceUnits];
    if (level === undefined) return 0;
    level.count += delta;
    return level.count;
  }

  /** Size at a price. */
  countAt(priceUnits: number): number {
    return this.levels[priceUnits]?.count ?? 0;
  }

  private levelEmptied(p: number): void {
    const level = this.levels[p];
    if (level) level.count = 0;
    if (p === this.best && p === this.low) {
      this.best = 0;
      this.low = 0;
      return;
    }
    if (p === this.best) {
      let q = p - 1;
      while (q > 0 && (this.levels[q]?.head ?? null) === null) q--;
      this.best = q;
      if (q === 0) this.low = 0;
    }
    if (p === this.low && this.best !== 0) {
      let q = p + 1;
      while (q < this.best && (this.levels[q]?.head ?? null) === null) q++;
      this.low = q;
    }
  }

  /** Levels ascending by price (best last), like Kalshi's REST book. */
  snapshot(depth?: number): BookLevel[] {
    const out: BookLevel[] = [];
    if (this.best === 0) return out;
    for (let p = this.best; p >= this.low && (depth === undefined || out.length < depth); p--) {
      const level = this.levels[p];
      if (level !== undefined && level.head !== null) out.push({ priceUnits: p, countUnits: level.count });
    }
    return out.reverse();
  }
}
