/**
 * A binary market's order book: YES bids and NO bids in fixed-point, with trust state.
 *
 * @module
 */

import { MmCoreError } from '../errors.js';
import {
  type BookDelta,
  type BookLevel,
  type BookSnapshot,
  type CountUnits,
  ONE_DOLLAR_UNITS,
  type Outcome,
  type PriceUnits,
} from '../model/types.js';

/** Why a book is not trusted. */
export type BookUntrustedReason =
  | 'NO_SNAPSHOT'
  | 'SEQUENCE_GAP'
  | 'NEGATIVE_LEVEL'
  | 'INVALID_PRICE'
  | 'DISCONNECTED'
  | 'MANUAL';

const LADDER_SIZE = ONE_DOLLAR_UNITS + 1;

class Ladder {
  readonly sizes = new Float64Array(LADDER_SIZE);
  best = -1;
  levels = 0;
  total = 0;

  clear(): void {
    if (this.levels > 0) this.sizes.fill(0);
    this.best = -1;
    this.levels = 0;
    this.total = 0;
  }

  /** Returns false on an integrity error (negative result); the ladder is then unchanged. */
  add(price: number, delta: number): boolean {
    const sizes = this.sizes;
    const before = sizes[price]!;
    const after = before + delta;
    if (after < 0) return false;
    sizes[price] = after;
    this.total += delta;
    if (before === 0) {
      if (after !== 0) {
        this.levels++;
        if (price > this.best) this.best = price;
      }
    } else if (after === 0) {
      this.levels--;
      if (price === this.best) {
        let p = price - 1;
        if (this.levels === 0) p = -1;
        else while (p >= 0 && sizes[p] === 0) p--;
        this.best = p;
      }
    }
    return true;
  }
}

/**
 * The order book of one binary market, kept as two bid ladders (YES and NO) in integer units.
 *
 * @remarks
 * Each ladder is a dense array indexed by price unit (0..10,000), so applying a delta is O(1)
 * except when the best level empties (a scan down to the next level). The YES ask is derived as
 * $1 - best NO bid and the NO ask as $1 - best YES bid. Snapshots replace the book and make it
 * trusted; deltas are signed changes (a level at 0 is removed). A delta that would leave a
 * negative level, or a price off the 0..$1 range, is an integrity error: the delta is not applied
 * and the book becomes untrusted until the next snapshot. Deltas on an untrusted book are
 * ignored. A crossed book (YES bid + NO bid >= $1) is reported by {@link OrderBook.crossed},
 * never corrected. Memory: two `Float64Array`s of 10,001 entries (about 160 KB per market).
 *
 * @example
 * ```ts
 * const book = new OrderBook('KXINXU-26NOV25H1600-T6600');
 * book.applySnapshot({ marketTicker: book.marketTicker, tsMs: Date.now(),
 *   yes: [{ priceUnits: 4_500, countUnits: 1_000 }], no: [{ priceUnits: 5_000, countUnits: 500 }] });
 * book.yesBid; // 4_500
 * book.yesAsk; // 5_000 (= 10_000 - best NO bid)
 * ```
 */
export class OrderBook {
  /** Market ticker. */
  readonly marketTicker: string;
  readonly #yes = new Ladder();
  readonly #no = new Ladder();
  #untrustedReason: BookUntrustedReason | undefined = 'NO_SNAPSHOT';
  #lastUpdateTsMs = 0;
  #version = 0;

  /** @param marketTicker - The market this book belongs to. */
  constructor(marketTicker: string) {
    this.marketTicker = marketTicker;
  }

  /** True after a snapshot and until an integrity problem. */
  get trusted(): boolean {
    return this.#untrustedReason === undefined;
  }

  /** Why the book is untrusted, or `undefined` when trusted. */
  get untrustedReason(): BookUntrustedReason | undefined {
    return this.#untrustedReason;
  }

  /** Venue time of the last applied change, Unix ms (0 before any). */
  get lastUpdateTsMs(): number {
    return this.#lastUpdateTsMs;
  }

  /** Increments on every applied change or trust transition; cheap change detection. */
  get version(): number {
    return this.#version;
  }

  /**
   * Replaces the whole book with a snapshot and marks it trusted.
   *
   * @throws {@link MmCoreError} `INVALID_BOOK` when the snapshot is for another market or has a
   * price off 0..$1 or a negative size (the book is then left empty and untrusted).
   */
  applySnapshot(snapshot: BookSnapshot): void {
    if (snapshot.marketTicker !== this.marketTicker) {
      throw new MmCoreError(
        'INVALID_BOOK',
        `snapshot for ${snapshot.marketTicker} applied to book ${this.marketTicker}`,
      );
    }
    this.#yes.clear();
    this.#no.clear();
    const ok = this.#load(this.#yes, snapshot.yes) && this.#load(this.#no, snapshot.no);
    this.#version++;
    this.#lastUpdateTsMs = snapshot.tsMs;
    if (!ok) {
      this.#yes.clear();
      this.#no.clear();
      this.#untrustedReason = 'INVALID_PRICE';
      throw new MmCoreError('INVALID_BOOK', `snapshot for ${this.marketTicker} has an invalid level`);
    }
    this.#untrustedReason = undefined;
  }

  #load(ladder: Ladder, levels: readonly BookLevel[]): boolean {
    for (const level of levels) {
      if (!validPrice(level.priceUnits) || !(level.countUnits >= 0)) return false;
      if (level.countUnits > 0 && !ladder.add(level.priceUnits, level.countUnits)) return false;
    }
    return true;
  }

  /**
   * Applies a signed level change.
   *
   * @returns `true` when applied; `false` when ignored (book untrusted) or rejected as an integrity
   * error (the book becomes untrusted).
   */
  applyDelta(delta: BookDelta): boolean {
    if (this.#untrustedReason !== undefined) return false;
    const price = delta.priceUnits;
    if (!validPrice(price) || !Number.isInteger(delta.deltaCountUnits)) {
      this.markUntrusted('INVALID_PRICE');
      return false;
    }
    const ladder = delta.outcome === 'yes' ? this.#yes : this.#no;
    if (!ladder.add(price, delta.deltaCountUnits)) {
      this.markUntrusted('NEGATIVE_LEVEL');
      return false;
    }
    this.#lastUpdateTsMs = delta.tsMs;
    this.#version++;
    return true;
  }

  /** Marks the book untrusted (sequence gap, disconnect, ...) until the next snapshot. */
  markUntrusted(reason: BookUntrustedReason): void {
    if (this.#untrustedReason === undefined) this.#version++;
    this.#untrustedReason = reason;
  }

  /** Best YES bid, or `undefined` when there is none. */
  get yesBid(): PriceUnits | undefined {
    return this.#yes.best < 0 ? undefined : this.#yes.best;
  }

  /** Best NO bid in NO terms, or `undefined`. */
  get noBid(): PriceUnits | undefined {
    return this.#no.best < 0 ? undefined : this.#no.best;
  }

  /** Best YES ask (= $1 - best NO bid), or `undefined`. */
  get yesAsk(): PriceUnits | undefined {
    return this.#no.best < 0 ? undefined : ONE_DOLLAR_UNITS - this.#no.best;
  }

  /** Best NO ask (= $1 - best YES bid) in NO terms, or `undefined`. */
  get noAsk(): PriceUnits | undefined {
    return this.#yes.best < 0 ? undefined : ONE_DOLLAR_UNITS - this.#yes.best;
  }

  /** Size at the best YES bid (0 when empty). */
  get yesBidCountUnits(): CountUnits {
    return this.#yes.best < 0 ? 0 : this.#yes.sizes[this.#yes.best]!;
  }

  /** Size at the best YES ask, i.e. at the best NO bid (0 when empty). */
  get yesAskCountUnits(): CountUnits {
    return this.#no.best < 0 ? 0 : this.#no.sizes[this.#no.best]!;
  }

  /** YES spread (ask - bid), or `undefined` when either side is empty. Negative when crossed. */
  get spreadUnits(): PriceUnits | undefined {
    if (this.#yes.best < 0 || this.#no.best < 0) return undefined;
    return ONE_DOLLAR_UNITS - this.#no.best - this.#yes.best;
  }

  /**
   * YES mid price, or `undefined` when either side is empty.
   *
   * @remarks May be a half unit (for example 4_500.5); it is an analytic value, not an order price.
   */
  get midUnits(): number | undefined {
    if (this.#yes.best < 0 || this.#no.best < 0) return undefined;
    return (this.#yes.best + ONE_DOLLAR_UNITS - this.#no.best) / 2;
  }

  /**
   * Size-weighted YES microprice, or `undefined` when either side is empty.
   *
   * @remarks `(bid x askSize + ask x bidSize) / (bidSize + askSize)`: leans toward the side with
   * less size. Fractional price units; an analytic value, not an order price.
   */
  get microprice(): number | undefined {
    if (this.#yes.best < 0 || this.#no.best < 0) return undefined;
    const bid = this.#yes.best;
    const ask = ONE_DOLLAR_UNITS - this.#no.best;
    const bidSize = this.#yes.sizes[bid]!;
    const askSize = this.#no.sizes[this.#no.best]!;
    return (bid * askSize + ask * bidSize) / (bidSize + askSize);
  }

  /** True when the best YES bid and best NO bid sum to $1 or more (they should have matched). */
  get crossed(): boolean {
    return this.#yes.best >= 0 && this.#no.best >= 0 && this.#yes.best + this.#no.best >= ONE_DOLLAR_UNITS;
  }

  /** Size resting at `priceUnits` on a leg (0 when none). */
  sizeAt(outcome: Outcome, priceUnits: PriceUnits): CountUnits {
    if (!validPrice(priceUnits)) return 0;
    return (outcome === 'yes' ? this.#yes : this.#no).sizes[priceUnits]!;
  }

  /** Number of non-empty levels on a leg. */
  levelCount(outcome: Outcome): number {
    return (outcome === 'yes' ? this.#yes : this.#no).levels;
  }

  /** Total resting size on a leg. */
  totalCountUnits(outcome: Outcome): CountUnits {
    return (outcome === 'yes' ? this.#yes : this.#no).total;
  }

  /**
   * The best `maxLevels` bids of a leg, best first, in that leg's price terms.
   *
   * @defaultValue `maxLevels`: all levels
   */
  depth(outcome: Outcome, maxLevels = Number.POSITIVE_INFINITY): BookLevel[] {
    const ladder = outcome === 'yes' ? this.#yes : this.#no;
    const out: BookLevel[] = [];
    for (let p = ladder.best; p >= 0 && out.length < maxLevels; p--) {
      const size = ladder.sizes[p]!;
      if (size > 0) out.push({ priceUnits: p, countUnits: size });
    }
    return out;
  }
}

function validPrice(price: number): boolean {
  return Number.isInteger(price) && price >= 0 && price <= ONE_DOLLAR_UNITS;
}
