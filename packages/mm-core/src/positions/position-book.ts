/**
 * Positions and P&L from fills, in exact integer micro-dollars.
 *
 * @module
 */

import { MmCoreError } from '../errors.js';
import type { CountUnits, Fill, Micros, PriceUnits } from '../model/types.js';

/** One market's position and P&L. */
export interface MarketPosition {
  /** Market ticker. */
  readonly marketTicker: string;
  /** Signed position: positive = long YES, negative = long NO (short YES). */
  readonly positionCountUnits: CountUnits;
  /** Signed cost of the open position (negative for a short YES position: premium received). */
  readonly costBasisMicros: Micros;
  /** Realized P&L before fees (average-cost method). */
  readonly realizedPnlMicros: Micros;
  /** Fees paid. */
  readonly feesMicros: Micros;
  /** Cash flow from trading: -cost of buys + proceeds of sells - fees + settlement payouts. */
  readonly cashMicros: Micros;
  /** Contracts traded (absolute). */
  readonly volumeCountUnits: CountUnits;
  /** Time of the last fill applied, Unix ms (0 when none). */
  readonly lastFillTsMs: number;
}

/** P&L of the whole book. */
export interface PnlSummary {
  /** Sum of realized P&L before fees. */
  readonly realizedPnlMicros: Micros;
  /** Sum of unrealized P&L at the marks given (markets without a mark count at cost). */
  readonly unrealizedPnlMicros: Micros;
  /** Sum of fees. */
  readonly feesMicros: Micros;
  /** realized + unrealized - fees. */
  readonly netPnlMicros: Micros;
}

type MutablePosition = { -readonly [K in keyof MarketPosition]: MarketPosition[K] };

/** Options of {@link PositionBook}. */
export interface PositionBookConfig {
  /** How many recent fill keys to remember for de-duplication. @defaultValue `100_000` */
  readonly dedupeWindow?: number;
}

/**
 * Tracks positions, cash, realized P&L (average cost) and fees per market from our fills.
 *
 * @remarks
 * All arithmetic is on integers: price units x count units = micros. Closing part of a position
 * removes a proportional share of the cost basis (truncated; the remainder stays in the basis),
 * so the identity `cash = realized - fees - costBasis` holds exactly at all times, and equity at a
 * mark `m` is `cash + position x m`. Fills are de-duplicated by trade id and order id, so a fill
 * seen on the socket and again in a REST backfill counts once. Settlement closes the position at
 * $1 (YES) or $0 (NO).
 *
 * @example
 * ```ts
 * const positions = new PositionBook();
 * positions.applyFill({ tradeId: 't1', orderId: 'o1', marketTicker: 'M', side: 'bid',
 *   priceUnits: 4_500, countUnits: 1_000, feeMicros: 7_000, isTaker: false, tsMs: Date.now() });
 * positions.get('M').positionCountUnits; // 1_000 (10 contracts long YES)
 * positions.unrealizedPnlMicros('M', 5_000); // 500_000 ($0.50)
 * ```
 */
export class PositionBook {
  readonly #positions = new Map<string, MutablePosition>();
  readonly #seen = new Set<string>();
  /** Frozen zero positions handed out by {@link PositionBook.get} for markets without history. */
  readonly #empties = new Map<string, MarketPosition>();
  readonly #dedupeWindow: number;

  /** @param config - Optional tuning. */
  constructor(config: PositionBookConfig = {}) {
    this.#dedupeWindow = config.dedupeWindow ?? 100_000;
  }

  /** Every market with a position or history. */
  markets(): string[] {
    return [...this.#positions.keys()];
  }

  /**
   * One market's position (zeros when unknown).
   *
   * @remarks For a market without history it returns a shared frozen all-zero position (one per
   * ticker, cached), so polling quiet markets allocates nothing. The object returned for a market
   * with history is live: it reflects later fills.
   */
  get(marketTicker: string): MarketPosition {
    const pos = this.#positions.get(marketTicker);
    if (pos !== undefined) return pos;
    let empty = this.#empties.get(marketTicker);
    if (empty === undefined) {
      empty = Object.freeze(emptyPosition(marketTicker));
      // Bounded: callers asking about arbitrary tickers get a fresh object past the cap.
      if (this.#empties.size < MAX_CACHED_EMPTIES) this.#empties.set(marketTicker, empty);
    }
    return empty;
  }

  /**
   * One market's signed cost basis (0 when unknown), without building a {@link MarketPosition}.
   *
   * @example
   * ```ts
   * const cost = positions.costBasisMicros('M'); // negative for a short YES position
   * ```
   */
  costBasisMicros(marketTicker: string): Micros {
    return this.#positions.get(marketTicker)?.costBasisMicros ?? 0;
  }

  /** True when this fill (trade id + order id) was already applied. */
  hasSeen(fill: Pick<Fill, 'tradeId' | 'orderId'>): boolean {
    return this.#seen.has(fillKey(fill));
  }

  /**
   * Records a fill as already reflected in the positions without applying it.
   *
   * @remarks For the fills behind a position adopted from the venue at start-up: a later copy of
   * one of them (from a backfill or the stream) is then ignored instead of counted a second time.
   * @example
   * ```ts
   * positions.adopt('M', 500, 4_000);
   * positions.markApplied(earlierFill); // applyFill(earlierFill) now returns false
   * ```
   */
  markApplied(fill: Pick<Fill, 'tradeId' | 'orderId'>): void {
    const key = fillKey(fill);
    if (!this.#seen.has(key)) this.#remember(key);
  }

  /**
   * Applies a fill; returns `false` (and changes nothing) when it was already applied.
   *
   * @throws {@link MmCoreError} `INVALID_FILL` for a non-positive or non-integer size or price.
   */
  applyFill(fill: Fill): boolean {
    if (
      !Number.isInteger(fill.countUnits) ||
      fill.countUnits <= 0 ||
      !Number.isInteger(fill.priceUnits) ||
      fill.priceUnits < 0 ||
      fill.priceUnits > 10_000 ||
      !Number.isInteger(fill.feeMicros)
    ) {
      throw new MmCoreError('INVALID_FILL', `invalid fill ${fill.tradeId} on ${fill.marketTicker}`);
    }
    const key = fillKey(fill);
    if (this.#seen.has(key)) return false;
    this.#remember(key);
    const pos = this.#mutable(fill.marketTicker);
    const signed = fill.side === 'bid' ? fill.countUnits : -fill.countUnits;
    this.#trade(pos, signed, fill.priceUnits);
    pos.cashMicros -= fill.feeMicros;
    pos.feesMicros += fill.feeMicros;
    pos.volumeCountUnits += fill.countUnits;
    if (fill.tsMs > pos.lastFillTsMs) pos.lastFillTsMs = fill.tsMs;
    return true;
  }

  /** Settles a market: closes the position at `settlementPriceUnits` per YES contract ($1 or $0). */
  settle(marketTicker: string, settlementPriceUnits: PriceUnits): void {
    const pos = this.#mutable(marketTicker);
    if (pos.positionCountUnits !== 0) this.#trade(pos, -pos.positionCountUnits, settlementPriceUnits);
  }

  /**
   * Replaces a market's position with the venue's figure (reconciliation).
   *
   * @remarks The cost basis is reset to `position x markPriceUnits` (the venue does not tell us
   * our average cost), and the difference is booked to realized P&L so the cash identity holds.
   */
  adopt(marketTicker: string, positionCountUnits: CountUnits, markPriceUnits: PriceUnits): void {
    const pos = this.#mutable(marketTicker);
    const diff = positionCountUnits - pos.positionCountUnits;
    if (diff !== 0) this.#trade(pos, diff, markPriceUnits);
  }

  /**
   * Re-prices an open position's cost basis to `position x markPriceUnits`, as if it had been
   * bought there.
   *
   * @remarks For a position adopted from the venue without a trustworthy mark (the venue does not
   * report our average cost): it makes P&L count from the first real mark instead of from a
   * placeholder. Cash moves by the same amount, so `cash = realized - fees - costBasis` still
   * holds; realized P&L and fees are unchanged.
   *
   * @example
   * ```ts
   * positions.adopt('M', 1_000, 5_000); // placeholder mark
   * positions.resetCostBasis('M', 1_200); // the first trusted mid
   * positions.unrealizedPnlMicros('M', 1_200); // 0
   * ```
   */
  resetCostBasis(marketTicker: string, markPriceUnits: PriceUnits): void {
    const pos = this.#positions.get(marketTicker);
    if (pos === undefined || pos.positionCountUnits === 0) return;
    const basis = Math.round(pos.positionCountUnits * markPriceUnits);
    pos.cashMicros -= basis - pos.costBasisMicros;
    pos.costBasisMicros = basis;
  }

  /** Unrealized P&L of one market at a mark (YES price). */
  unrealizedPnlMicros(marketTicker: string, markPriceUnits: number): Micros {
    const pos = this.#positions.get(marketTicker);
    if (pos === undefined) return 0;
    return Math.round(pos.positionCountUnits * markPriceUnits) - pos.costBasisMicros;
  }

  /**
   * One market's signed position, without building a {@link MarketPosition} (hot-path friendly).
   *
   * @example
   * ```ts
   * if (positions.positionCountUnits('M') !== 0) console.log('open position in M');
   * ```
   */
  positionCountUnits(marketTicker: string): CountUnits {
    return this.#positions.get(marketTicker)?.positionCountUnits ?? 0;
  }

  /**
   * Net P&L (realized + unrealized - fees) at the marks given, without allocating.
   *
   * @remarks Equal to `summary(mark).netPnlMicros`; a market whose `mark` is `undefined` counts
   * at cost (no unrealized P&L). Used by the engine's mark-to-market risk check on every turn
   * in which a book with an open position changed.
   *
   * @example
   * ```ts
   * const net = positions.netPnlMicros((t) => books.get(t)?.midUnits);
   * ```
   */
  netPnlMicros(mark: (marketTicker: string) => number | undefined): Micros {
    let net = 0;
    for (const pos of this.#positions.values()) {
      net += pos.realizedPnlMicros - pos.feesMicros;
      if (pos.positionCountUnits !== 0) {
        const m = mark(pos.marketTicker);
        if (m !== undefined) net += Math.round(pos.positionCountUnits * m) - pos.costBasisMicros;
      }
    }
    return net;
  }

  /** Totals across markets; `mark` returns a market's mark (mid) or `undefined` to count it at cost. */
  summary(mark: (marketTicker: string) => number | undefined): PnlSummary {
    let realized = 0;
    let unrealized = 0;
    let fees = 0;
    for (const pos of this.#positions.values()) {
      realized += pos.realizedPnlMicros;
      fees += pos.feesMicros;
      const m = mark(pos.marketTicker);
      if (m !== undefined) unrealized += Math.round(pos.positionCountUnits * m) - pos.costBasisMicros;
    }
    return {
      realizedPnlMicros: realized,
      unrealizedPnlMicros: unrealized,
      feesMicros: fees,
      netPnlMicros: realized + unrealized - fees,
    };
  }

  #trade(pos: MutablePosition, signed: number, price: number): void {
    pos.cashMicros -= price * signed;
    const q = pos.positionCountUnits;
    if (q === 0 || Math.sign(q) === Math.sign(signed)) {
      pos.costBasisMicros += price * signed;
      pos.positionCountUnits = q + signed;
      return;
    }
    const closeAbs = Math.min(Math.abs(signed), Math.abs(q));
    const closeSigned = Math.sign(signed) * closeAbs;
    const removed =
      closeAbs === Math.abs(q) ? pos.costBasisMicros : proportion(pos.costBasisMicros, closeAbs, Math.abs(q));
    pos.realizedPnlMicros += -price * closeSigned - removed;
    pos.costBasisMicros -= removed;
    pos.positionCountUnits = q + closeSigned;
    const open = signed - closeSigned;
    if (open !== 0) {
      pos.costBasisMicros += price * open;
      pos.positionCountUnits += open;
    }
  }

  #mutable(marketTicker: string): MutablePosition {
    let pos = this.#positions.get(marketTicker);
    if (pos === undefined) {
      pos = emptyPosition(marketTicker);
      this.#positions.set(marketTicker, pos);
    }
    return pos;
  }

  #remember(key: string): void {
    this.#seen.add(key);
    if (this.#seen.size > this.#dedupeWindow) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }
}

/** Tickers whose frozen zero position {@link PositionBook.get} caches. */
const MAX_CACHED_EMPTIES = 4_096;

function fillKey(fill: Pick<Fill, 'tradeId' | 'orderId'>): string {
  return `${fill.tradeId}\u0000${fill.orderId}`;
}

/** trunc(value * part / whole), exact even when the product exceeds 2^53. */
function proportion(value: number, part: number, whole: number): number {
  const product = value * part;
  if (Number.isSafeInteger(product)) return Math.trunc(product / whole);
  return Number((BigInt(value) * BigInt(part)) / BigInt(whole));
}

function emptyPosition(marketTicker: string): MutablePosition {
  return {
    marketTicker,
    positionCountUnits: 0,
    costBasisMicros: 0,
    realizedPnlMicros: 0,
    feesMicros: 0,
    cashMicros: 0,
    volumeCountUnits: 0,
    lastFillTsMs: 0,
  };
}
