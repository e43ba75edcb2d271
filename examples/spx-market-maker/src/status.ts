/**
 * The live status panel: a compact view of the session redrawn in place on a TTY.
 *
 * @module
 */
import { type CountUnits, formatDollars, type Micros, type PriceUnits } from '@mnquants/kalshi-sdk';
import type { ConsoleSink } from './logging.js';
import { contracts, usd } from './summary.js';

/** One of our working orders as the panel shows it. */
export interface WorkingQuote {
  /** Limit price, price units. */
  readonly priceUnits: PriceUnits;
  /** Size resting, count units. */
  readonly countUnits: CountUnits;
}

/** A reference value as the panel shows it. */
export interface ReferenceView {
  /** The value (index points, VIX percent). */
  readonly value: number;
  /** True when the feed flags it stale. */
  readonly stale: boolean;
}

/** One quoted market in a {@link StatusSnapshot}. */
export interface MarketStatus {
  /** Market ticker. */
  readonly ticker: string;
  /** Short label shown in the panel, e.g. `INX 6600-6624.99` or `INXU >6624.99`. */
  readonly label: string;
  /** Fair value, price units, or `null` when not priced. */
  readonly fairUnits: PriceUnits | null;
  /** Best YES bid on the book, price units. */
  readonly bookBid: PriceUnits | null;
  /** Best YES ask on the book, price units. */
  readonly bookAsk: PriceUnits | null;
  /** Our working bid, or `null`. */
  readonly ourBid: WorkingQuote | null;
  /** Our working ask, or `null`. */
  readonly ourAsk: WorkingQuote | null;
  /** Net YES position, count units. */
  readonly positionUnits: CountUnits;
  /** False while the book is untrusted (sequence gap, awaiting snapshot). */
  readonly trusted: boolean;
}

/** Everything the panel shows. */
export interface StatusSnapshot {
  /** Venue name. */
  readonly venue: string;
  /** The venue's clock, Unix ms. */
  readonly clockMs: number;
  /** Close of the last quoted market, Unix ms, or `null`. */
  readonly closeMs: number | null;
  /** S&P 500 index. */
  readonly index: ReferenceView | null;
  /** VIX. */
  readonly vix: ReferenceView | null;
  /** Risk state: `active`, `reducing` or `halted`. */
  readonly riskState: string;
  /** Why risk is not `active`, or `null`. */
  readonly riskReason: string | null;
  /** One row per quoted market. */
  readonly markets: readonly MarketStatus[];
  /** Fills so far. */
  readonly fills: number;
  /** Realized P&L, micro-dollars. */
  readonly realizedMicros: Micros;
  /** Unrealized P&L at the book mids, micro-dollars. */
  readonly unrealizedMicros: Micros;
  /** Fees paid, micro-dollars. */
  readonly feesMicros: Micros;
  /** Working and in-flight orders. */
  readonly workingOrders: number;
}

const px = (u: PriceUnits | null): string => (u === null ? '  -  ' : formatDollars(u, 4).replace(/^0/, ''));

function etClock(ms: number): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/New_York',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(ms);
}

/**
 * Renders a snapshot as fixed-width lines (pure; the panel and tests both use it).
 */
export function renderStatus(s: StatusSnapshot): string[] {
  const left =
    s.closeMs === null ? '' : `, ${Math.max(0, Math.round((s.closeMs - s.clockMs) / 60_000))}m to close`;
  const ref = (name: string, r: ReferenceView | null) =>
    r === null ? `${name} -` : `${name} ${r.value.toFixed(2)}${r.stale ? ' STALE' : ''}`;
  const lines = [
    `── ${s.venue} ${etClock(s.clockMs)} ET${left}  ${ref('SPX', s.index)}  ${ref('VIX', s.vix)}  ${s.riskState.toUpperCase()}${s.riskReason === null ? '' : ` (${s.riskReason})`}`,
    `   ${'market'.padEnd(19)} ${'fair'.padStart(5)}  ${'book bid/ask'.padEnd(11)}  ${'our bid'.padEnd(9)}  ${'our ask'.padEnd(9)}  ${'pos'.padStart(5)}`,
  ];
  for (const m of s.markets) {
    const ours = (q: WorkingQuote | null) =>
      (q === null ? '-' : `${px(q.priceUnits)}x${contracts(q.countUnits)}`).padEnd(9);
    lines.push(
      `   ${`${m.label}${m.trusted ? '' : '?'}`.padEnd(19)} ${px(m.fairUnits)}  ${px(m.bookBid)}/${px(m.bookAsk)}  ${ours(m.ourBid)}  ${ours(m.ourAsk)}  ${contracts(m.positionUnits).padStart(5)}`,
    );
  }
  lines.push(
    `   fills ${s.fills}  working ${s.workingOrders}  P&L realized ${usd(s.realizedMicros)} unrealized ${usd(s.unrealizedMicros)} fees ${usd(s.feesMicros)} net ${usd(s.realizedMicros + s.unrealizedMicros - s.feesMicros)}`,
  );
  return lines;
}

/** The writable side of a terminal the panel draws on. */
export interface TerminalLike {
  /** Writes text as is. */
  write(text: string): unknown;
  /** Terminal width, when known. */
  readonly columns?: number;
}

/**
 * Draws the status at the bottom of a terminal and keeps log lines scrolling above it.
 *
 * @remarks Implements {@link ConsoleSink}: each log line erases the panel, prints, and redraws.
 * Redraws are throttled to `minIntervalMs`.
 */
export class StatusPanel implements ConsoleSink {
  readonly #out: TerminalLike;
  #lines: string[] = [];
  #drawn = 0;
  #lastDraw = 0;
  #closed = false;
  readonly #minIntervalMs: number;

  constructor(out: TerminalLike, minIntervalMs = 250) {
    this.#out = out;
    this.#minIntervalMs = minIntervalMs;
  }

  /** Prints a log line above the panel. */
  writeLine(line: string): void {
    if (this.#closed) {
      this.#out.write(`${line}\n`);
      return;
    }
    this.#out.write(`${this.#erase()}${line}\n${this.#draw()}`);
  }

  /** Replaces the panel content (throttled unless `force`). */
  update(snapshot: StatusSnapshot, nowMs: number, force = false): void {
    if (this.#closed) return;
    if (!force && nowMs - this.#lastDraw < this.#minIntervalMs) return;
    this.#lastDraw = nowMs;
    const width = Math.max(40, (this.#out.columns ?? 120) - 1);
    this.#lines = renderStatus(snapshot).map((l) => (l.length > width ? l.slice(0, width) : l));
    this.#out.write(`${this.#erase()}${this.#draw()}`);
  }

  /** Leaves the last panel on screen and stops drawing. */
  close(): void {
    this.#closed = true;
    this.#drawn = 0;
  }

  #erase(): string {
    if (this.#drawn === 0) return '';
    const n = this.#drawn;
    this.#drawn = 0;
    return `\x1b[${n}F\x1b[J`;
  }

  #draw(): string {
    this.#drawn = this.#lines.length;
    return this.#lines.length === 0 ? '' : `${this.#lines.join('\n')}\n`;
  }
}

/** A console sink writing plain lines (not a TTY: CI, pipes, files). */
export class PlainConsole implements ConsoleSink {
  readonly #out: TerminalLike;
  /** @param out - Where lines go, usually `process.stdout`. */
  constructor(out: TerminalLike) {
    this.#out = out;
  }
  /** Writes one line. */
  writeLine(line: string): void {
    this.#out.write(`${line}\n`);
  }
}
