/**
 * Session accounting from the bot's own fills: volume, fees, realized and unrealized P&L and the
 * largest inventory held, in exact integer units.
 *
 * @module
 */
import {
  type CountUnits,
  formatCount,
  formatMicros,
  type Micros,
  type PriceUnits,
} from '@mnquants/kalshi-sdk';

/**
 * One fill as the ledger needs it.
 *
 * @remarks `side` is the YES-book side of our order: `'bid'` bought YES at `priceUnits`, `'ask'`
 * sold YES at `priceUnits` (on Kalshi: bought NO at $1 − price, or closed a YES position).
 */
export interface LedgerFill {
  /** Kalshi trade or fill id; duplicates are ignored. */
  readonly fillId: string;
  /** Market ticker. */
  readonly market: string;
  /** YES-book side of our order. */
  readonly side: 'bid' | 'ask';
  /** YES price, price units. */
  readonly priceUnits: PriceUnits;
  /** Contracts filled, count units. */
  readonly countUnits: CountUnits;
  /** Fee paid, micro-dollars. */
  readonly feeMicros: Micros;
}

/** Per-market figures of a {@link SessionSummary}. */
export interface MarketSummary {
  /** Market ticker. */
  readonly market: string;
  /** Net YES position, count units (negative = short YES / long NO). */
  readonly positionUnits: CountUnits;
  /** Mark given for the market, price units, or `null` when none was given. */
  readonly markUnits: PriceUnits | null;
  /** Price actually used for unrealized P&L: the mark, else the last fill price. */
  readonly markUsedUnits: PriceUnits;
  /** Realized P&L before fees, micro-dollars. */
  readonly realizedMicros: Micros;
  /** Unrealized P&L at the mark, micro-dollars. */
  readonly unrealizedMicros: Micros;
  /** Fees paid, micro-dollars. */
  readonly feesMicros: Micros;
  /** Largest absolute position held, count units. */
  readonly maxAbsPositionUnits: CountUnits;
}

/** The end-of-session summary. */
export interface SessionSummary {
  /** Number of fills. */
  readonly fills: number;
  /** Contracts traded, count units. */
  readonly volumeUnits: CountUnits;
  /** Sum of price × count over fills, micro-dollars. */
  readonly notionalMicros: Micros;
  /** Fees paid, micro-dollars. */
  readonly feesMicros: Micros;
  /** Realized P&L before fees (average-cost), micro-dollars. */
  readonly realizedMicros: Micros;
  /** Unrealized P&L of open positions at their marks, micro-dollars. */
  readonly unrealizedMicros: Micros;
  /** realized + unrealized − fees, micro-dollars (exact: cash flow + marked positions). */
  readonly netPnlMicros: Micros;
  /** Largest absolute position in any one market, count units. */
  readonly maxAbsPositionUnits: CountUnits;
  /** Largest sum of absolute positions over all markets at any moment, count units. */
  readonly maxTotalInventoryUnits: CountUnits;
  /** Per market, sorted by ticker. */
  readonly markets: readonly MarketSummary[];
}

interface Book {
  position: CountUnits;
  /** Cost of the open position in micros (signed: positive for long YES). */
  basis: Micros;
  /** Cash flow from fills before fees, micros. */
  cash: Micros;
  fees: Micros;
  maxAbs: CountUnits;
  lastPrice: PriceUnits;
}

/**
 * An append-only ledger of fills that answers position and P&L questions exactly.
 *
 * @example
 * ```ts
 * const ledger = new FillLedger();
 * ledger.add({ fillId: 't1', market: 'M', side: 'bid', priceUnits: 4_000, countUnits: 1_000, feeMicros: 0 });
 * ledger.summary(new Map([['M', 4_200]])).unrealizedMicros; // 200_000 ($0.20)
 * ```
 *
 * @remarks Total P&L is computed as cash flow plus marked positions, so it is exact; the split
 * into realized and unrealized uses average cost, with the remaining basis rounded to a micro.
 */
export class FillLedger {
  readonly #books = new Map<string, Book>();
  readonly #seen = new Set<string>();
  #fills = 0;
  #volume = 0;
  #notional = 0;
  #maxTotal = 0;
  #total = 0;

  /** Records a fill; returns false (and changes nothing) for a fill id already seen. */
  add(fill: LedgerFill): boolean {
    if (this.#seen.has(fill.fillId)) return false;
    this.#seen.add(fill.fillId);
    let b = this.#books.get(fill.market);
    if (b === undefined) {
      b = { position: 0, basis: 0, cash: 0, fees: 0, maxAbs: 0, lastPrice: fill.priceUnits };
      this.#books.set(fill.market, b);
    }
    const signed = fill.side === 'bid' ? fill.countUnits : -fill.countUnits;
    const value = fill.priceUnits * fill.countUnits;
    b.cash += fill.side === 'bid' ? -value : value;
    b.fees += fill.feeMicros;
    b.lastPrice = fill.priceUnits;
    const before = b.position;
    const after = before + signed;
    if (before === 0 || Math.sign(before) === Math.sign(signed)) {
      b.basis += signed * fill.priceUnits;
    } else if (Math.abs(signed) <= Math.abs(before)) {
      // Reducing: keep the average cost of what remains.
      b.basis = after === 0 ? 0 : Math.round((b.basis * after) / before);
    } else {
      // Flipping: the remainder opens at this fill's price.
      b.basis = after * fill.priceUnits;
    }
    b.position = after;
    b.maxAbs = Math.max(b.maxAbs, Math.abs(after));
    this.#total += Math.abs(after) - Math.abs(before);
    this.#maxTotal = Math.max(this.#maxTotal, this.#total);
    this.#fills += 1;
    this.#volume += fill.countUnits;
    this.#notional += value;
    return true;
  }

  /** Net YES position in `market`, count units. */
  position(market: string): CountUnits {
    return this.#books.get(market)?.position ?? 0;
  }

  /** Markets with at least one fill. */
  markets(): string[] {
    return [...this.#books.keys()].sort();
  }

  /**
   * Summarizes the session, marking open positions with `marks` (price units per market).
   *
   * @param marks - Mark per market (for example the book mid, or 0 / 10,000 once settled); a
   * market without a mark is marked at its last fill price.
   */
  summary(marks: ReadonlyMap<string, PriceUnits | null> = new Map()): SessionSummary {
    const markets: MarketSummary[] = [];
    let realized = 0;
    let unrealized = 0;
    let fees = 0;
    let maxAbs = 0;
    for (const market of this.markets()) {
      const b = this.#books.get(market)!;
      const mark = marks.get(market) ?? null;
      const markUsed = mark ?? b.lastPrice;
      const u = b.position * markUsed - b.basis;
      const r = b.cash + b.basis;
      markets.push({
        market,
        positionUnits: b.position,
        markUnits: mark,
        markUsedUnits: markUsed,
        realizedMicros: r,
        unrealizedMicros: u,
        feesMicros: b.fees,
        maxAbsPositionUnits: b.maxAbs,
      });
      realized += r;
      unrealized += u;
      fees += b.fees;
      maxAbs = Math.max(maxAbs, b.maxAbs);
    }
    return {
      fills: this.#fills,
      volumeUnits: this.#volume,
      notionalMicros: this.#notional,
      feesMicros: fees,
      realizedMicros: realized,
      unrealizedMicros: unrealized,
      netPnlMicros: realized + unrealized - fees,
      maxAbsPositionUnits: maxAbs,
      maxTotalInventoryUnits: this.#maxTotal,
      markets,
    };
  }
}

/** Formats micro-dollars as `$12.34` / `-$0.05` (rounded half up to the cent, for display only). */
export function usd(micros: Micros): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const cents = (abs - (abs % 10_000)) / 10_000 + (abs % 10_000 >= 5_000 ? 1 : 0);
  return `${sign}$${formatMicros(cents * 10_000, 2)}`;
}

/** Formats count units as contracts, e.g. `12` or `0.5`. */
export function contracts(units: CountUnits): string {
  return formatCount(units)
    .replace(/\.00$/, '')
    .replace(/(\.\d)0$/, '$1');
}

/** Renders a {@link SessionSummary} as the lines printed at exit. */
export function formatSummary(s: SessionSummary, extra: readonly string[] = []): string[] {
  const lines = [
    '──────── session summary ────────',
    `fills            ${s.fills}`,
    `volume           ${contracts(s.volumeUnits)} contracts (${usd(s.notionalMicros)} notional)`,
    `fees             ${usd(s.feesMicros)}`,
    `realized P&L     ${usd(s.realizedMicros)}`,
    `unrealized P&L   ${usd(s.unrealizedMicros)}`,
    `net P&L          ${usd(s.netPnlMicros)}  (after fees)`,
    `max inventory    ${contracts(s.maxAbsPositionUnits)} in one market, ${contracts(s.maxTotalInventoryUnits)} in total`,
    ...extra,
  ];
  for (const m of s.markets) {
    if (m.positionUnits === 0 && m.realizedMicros === 0 && m.feesMicros === 0) continue;
    lines.push(
      `  ${m.market.padEnd(30)} pos ${contracts(m.positionUnits).padStart(7)}  realized ${usd(m.realizedMicros).padStart(9)}  unrealized ${usd(m.unrealizedMicros).padStart(9)}  fees ${usd(m.feesMicros).padStart(7)}`,
    );
  }
  return lines;
}
