/**
 * Pre-trade risk checks and the trading state.
 *
 * @module
 */

import { MmCoreConfigError } from '../errors.js';
import { clearArray } from '../model/scratch.js';
import { type CountUnits, type Micros, ONE_DOLLAR_UNITS, type PriceUnits } from '../model/types.js';
import type { DesiredQuote, ReadonlyOrderBook, TradingState } from '../strategy/strategy.js';

/** Limits the {@link RiskEngine} enforces. */
export interface RiskConfig {
  /** Largest size of one quote. */
  readonly maxOrderCountUnits: CountUnits;
  /** Largest absolute position per market, counting every resting quote as filled (reductions always pass). */
  readonly maxPositionCountUnits: CountUnits;
  /** Largest total worst-case exposure across markets (see {@link RiskEngine}). */
  readonly maxTotalExposureMicros: Micros;
  /** Net P&L loss at which the kill switch trips. @defaultValue no limit */
  readonly maxLossMicros?: Micros;
  /** Drop from peak net P&L at which trading moves to `reducing`. @defaultValue no limit */
  readonly maxDrawdownMicros?: Micros;
  /** Lowest quotable YES price. @defaultValue `100` ($0.01) */
  readonly minPriceUnits?: PriceUnits;
  /** Highest quotable YES price. @defaultValue `9_900` ($0.99) */
  readonly maxPriceUnits?: PriceUnits;
  /** Largest distance of a quote from the book's mid. @defaultValue no band */
  readonly maxDistanceFromMidUnits?: PriceUnits;
  /** A book without an update for this long is stale. @defaultValue no age limit (only untrusted books are stale) */
  readonly staleBookMs?: number;
  /** Reference symbols that must be fresh to quote. @defaultValue `[]` */
  readonly requiredReferenceSymbols?: readonly string[];
}

/** Why a quote was denied. */
export type RiskReason =
  | 'HALTED'
  | 'REDUCING'
  | 'INVALID_QUOTE'
  | 'MAX_ORDER_SIZE'
  | 'MAX_POSITION'
  | 'MAX_TOTAL_EXPOSURE'
  | 'PRICE_BAND'
  | 'STALE_BOOK'
  | 'STALE_REFERENCE';

/** Result of a risk check: approved (possibly with a reduced size) or denied with a reason. */
export type RiskDecision =
  | { readonly approved: true; readonly countUnits: CountUnits }
  | { readonly approved: false; readonly reason: RiskReason; readonly detail: string };

/** What the risk engine needs to know about a market to check its quotes. */
export interface RiskInputs {
  /** The market's book. */
  readonly book: ReadonlyOrderBook | undefined;
  /** Our current position. */
  readonly positionCountUnits: CountUnits;
  /**
   * What the current position can still lose: its YES cost when long YES, its NO cost
   * (`|position| x $1 - premium received`) when long NO (short YES).
   */
  readonly positionCostMicros: Micros;
  /** Current time, Unix ms. */
  readonly nowMs: number;
  /** Required reference symbols that are currently stale or missing. */
  readonly staleReferences: readonly string[];
}

/** A quote and the decision on it. */
export interface CheckedQuote {
  /** The quote as the strategy asked. */
  readonly quote: DesiredQuote;
  /** The decision. */
  readonly decision: RiskDecision;
}

/** The result of checking one market's desired quotes. */
export interface QuoteCheckResult {
  /** Quotes that passed, sizes possibly reduced to fit limits. */
  readonly approved: DesiredQuote[];
  /** Every quote with its decision (denied ones included). */
  readonly checked: CheckedQuote[];
}

/** The result of checking no quotes: shared and frozen. */
const EMPTY_RESULT: QuoteCheckResult = Object.freeze({
  approved: Object.freeze([]) as unknown as DesiredQuote[],
  checked: Object.freeze([]) as unknown as CheckedQuote[],
});

/**
 * Validates a {@link RiskConfig}, reporting every problem at once.
 *
 * @throws {@link MmCoreConfigError} listing each invalid field.
 * @example
 * ```ts
 * validateRiskConfig({ maxOrderCountUnits: 1_000, maxPositionCountUnits: 5_000, maxTotalExposureMicros: 50_000_000 });
 * ```
 */
export function validateRiskConfig(config: RiskConfig, prefix = 'risk'): void {
  if (typeof config !== 'object' || config === null) {
    throw new MmCoreConfigError([`${prefix} must be an object`]);
  }
  const problems: string[] = [];
  const positiveInt = (name: string, v: unknown, optional = false) => {
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0) {
      problems.push(`${prefix}.${name} must be a positive integer (got ${String(v)})`);
    }
  };
  positiveInt('maxOrderCountUnits', config.maxOrderCountUnits);
  positiveInt('maxPositionCountUnits', config.maxPositionCountUnits);
  positiveInt('maxTotalExposureMicros', config.maxTotalExposureMicros);
  positiveInt('maxLossMicros', config.maxLossMicros, true);
  positiveInt('maxDrawdownMicros', config.maxDrawdownMicros, true);
  positiveInt('maxDistanceFromMidUnits', config.maxDistanceFromMidUnits, true);
  positiveInt('staleBookMs', config.staleBookMs, true);
  const symbols: unknown = config.requiredReferenceSymbols;
  if (
    symbols !== undefined &&
    (!Array.isArray(symbols) || symbols.some((x: unknown) => typeof x !== 'string' || x.length === 0))
  ) {
    problems.push(`${prefix}.requiredReferenceSymbols must be an array of non-empty strings`);
  }
  const min = config.minPriceUnits ?? 100;
  const max = config.maxPriceUnits ?? 9_900;
  if (!Number.isInteger(min) || min <= 0 || min >= ONE_DOLLAR_UNITS) {
    problems.push(`${prefix}.minPriceUnits must be an integer in 1..9999 (got ${min})`);
  }
  if (!Number.isInteger(max) || max <= 0 || max >= ONE_DOLLAR_UNITS) {
    problems.push(`${prefix}.maxPriceUnits must be an integer in 1..9999 (got ${max})`);
  }
  if (min > max) problems.push(`${prefix}.minPriceUnits (${min}) must not exceed maxPriceUnits (${max})`);
  if (problems.length > 0) throw new MmCoreConfigError(problems);
}

/**
 * Pre-trade risk: checks desired quotes against limits and holds the trading state.
 *
 * @remarks
 * Checks run per market on the strategy's whole desired set, best quotes first, in this order:
 * trading state (`halted` denies everything; `reducing` admits only quotes that shrink the
 * position, sized to it), quote validity, stale book, stale reference, price band, order size,
 * position (each side's quotes are summed as if all filled; sizes are reduced to the remaining
 * headroom, and denied with `MAX_POSITION` when none is left) and total exposure. A market's
 * worst-case exposure is the absolute cost of its position plus the larger of the cost of all its
 * bids (price x size) and of all its asks ((1 - price) x size).
 * Reductions are never blocked by the position or exposure limit: the part of a quote that, with
 * the side's earlier quotes filled, only brings the position towards flat passes both limits and
 * adds no exposure; only the part beyond flat is checked (and none is approved while the position
 * or the total exposure is already over its limit, so such a quote is clipped at the position).
 * The other checks still apply to reducing quotes.
 * P&L observations move the state: a loss of `maxLossMicros` reports `MAX_LOSS` (the engine trips
 * the kill switch), a drawdown of `maxDrawdownMicros` from peak moves to `reducing`. The engine
 * observes net P&L marked to market on every fill and whenever a book under an open position
 * changes (once per turn), so price moves alone move the state.
 *
 * @example
 * ```ts
 * const risk = new RiskEngine({ maxOrderCountUnits: 1_000, maxPositionCountUnits: 5_000, maxTotalExposureMicros: 50_000_000 });
 * const { approved } = risk.checkQuotes('M', quotes, { book, positionCountUnits: 0, positionCostMicros: 0, nowMs: Date.now(), staleReferences: [] });
 * ```
 */
export class RiskEngine {
  readonly #config: Required<
    Omit<RiskConfig, 'maxLossMicros' | 'maxDrawdownMicros' | 'maxDistanceFromMidUnits' | 'staleBookMs'>
  > &
    Pick<RiskConfig, 'maxLossMicros' | 'maxDrawdownMicros' | 'maxDistanceFromMidUnits' | 'staleBookMs'>;
  readonly #exposure = new Map<string, Micros>();
  #totalExposure = 0;
  #state: TradingState = 'active';
  #stateReason = 'initial';
  #peakPnl = 0;
  #listener: ((state: TradingState, previous: TradingState, reason: string) => void) | undefined;
  /** Denial sink of the running {@link RiskEngine.checkQuotesInto} call. */
  #onDenied: ((quote: DesiredQuote, reason: RiskReason, detail: string) => void) | undefined;

  /**
   * @param config - The limits.
   * @throws {@link MmCoreConfigError} when the config is invalid.
   */
  constructor(config: RiskConfig) {
    validateRiskConfig(config);
    this.#config = {
      ...config,
      minPriceUnits: config.minPriceUnits ?? 100,
      maxPriceUnits: config.maxPriceUnits ?? 9_900,
      requiredReferenceSymbols: config.requiredReferenceSymbols ?? [],
    };
  }

  /** Current trading state. */
  get state(): TradingState {
    return this.#state;
  }

  /** Why the state last changed. */
  get stateReason(): string {
    return this.#stateReason;
  }

  /** Reference symbols that must be fresh. */
  get requiredReferenceSymbols(): readonly string[] {
    return this.#config.requiredReferenceSymbols;
  }

  /** Sum of per-market worst-case exposure last approved. */
  get totalExposureMicros(): Micros {
    return this.#totalExposure;
  }

  /** Registers the single state-change listener (the engine). */
  onStateChange(listener: (state: TradingState, previous: TradingState, reason: string) => void): void {
    this.#listener = listener;
  }

  /** Moves to a trading state; a no-op when already there. */
  setState(state: TradingState, reason: string): void {
    if (state === this.#state) return;
    const previous = this.#state;
    this.#state = state;
    this.#stateReason = reason;
    this.#listener?.(state, previous, reason);
  }

  /**
   * Records the latest net P&L; returns `'MAX_LOSS'` when the loss limit is reached.
   *
   * @remarks The drawdown limit moves an `active` engine to `reducing` itself.
   */
  observePnl(netPnlMicros: Micros): 'MAX_LOSS' | undefined {
    if (netPnlMicros > this.#peakPnl) this.#peakPnl = netPnlMicros;
    const { maxLossMicros, maxDrawdownMicros } = this.#config;
    if (maxLossMicros !== undefined && netPnlMicros <= -maxLossMicros) return 'MAX_LOSS';
    if (
      maxDrawdownMicros !== undefined &&
      this.#state === 'active' &&
      this.#peakPnl - netPnlMicros >= maxDrawdownMicros
    ) {
      this.setState('reducing', `MAX_DRAWDOWN: ${this.#peakPnl - netPnlMicros} micros from peak`);
    }
    return undefined;
  }

  /** Forgets a market's exposure (its quotes were pulled). */
  clearMarket(marketTicker: string): void {
    const prev = this.#exposure.get(marketTicker);
    if (prev !== undefined) {
      this.#totalExposure -= prev;
      this.#exposure.delete(marketTicker);
    }
  }

  /**
   * Checks one market's desired quotes; see the class remarks for the order of checks.
   *
   * @remarks Returns fresh arrays, except that a call with no quotes returns one shared, frozen
   * empty result (treat results as read-only). The market's exposure is recorded either way.
   */
  checkQuotes(marketTicker: string, quotes: readonly DesiredQuote[], inputs: RiskInputs): QuoteCheckResult {
    if (quotes.length === 0) {
      this.#run(marketTicker, quotes, inputs, undefined, undefined);
      return EMPTY_RESULT;
    }
    const approved: DesiredQuote[] = [];
    const checked: CheckedQuote[] = [];
    this.#run(marketTicker, quotes, inputs, approved, checked);
    return { approved, checked };
  }

  /**
   * Same checks as {@link RiskEngine.checkQuotes}, writing into caller-owned storage instead of
   * allocating a result (the engine's hot path).
   *
   * @remarks `approved` is cleared, then receives the approved quotes (a quote whose size was
   * reduced is a copy; the others are the caller's own objects). `onDenied`, when given, is called
   * for every denied quote, in order. The market's exposure is recorded as by `checkQuotes`.
   *
   * @param approved - Receives the approved quotes; cleared first.
   * @param onDenied - Called once per denied quote. @defaultValue none
   * @example
   * ```ts
   * const approved: DesiredQuote[] = [];
   * risk.checkQuotesInto('M', quotes, inputs, approved, (quote, reason) => console.warn(reason, quote));
   * ```
   */
  checkQuotesInto(
    marketTicker: string,
    quotes: readonly DesiredQuote[],
    inputs: RiskInputs,
    approved: DesiredQuote[],
    onDenied?: (quote: DesiredQuote, reason: RiskReason, detail: string) => void,
  ): void {
    clearArray(approved);
    this.#onDenied = onDenied;
    try {
      this.#run(marketTicker, quotes, inputs, approved, undefined);
    } finally {
      this.#onDenied = undefined;
    }
  }

  #deny(checked: CheckedQuote[] | undefined, quote: DesiredQuote, reason: RiskReason, detail: string): void {
    if (checked !== undefined) checked.push({ quote, decision: { approved: false, reason, detail } });
    this.#onDenied?.(quote, reason, detail);
  }

  #run(
    marketTicker: string,
    quotes: readonly DesiredQuote[],
    inputs: RiskInputs,
    approved: DesiredQuote[] | undefined,
    checked: CheckedQuote[] | undefined,
  ): void {
    const cfg = this.#config;
    const pos = inputs.positionCountUnits;
    const reducing = this.#state === 'reducing';
    // What each side may still take off the position (a full fill brings it to flat, never past).
    let bidReducible = Math.max(0, -pos);
    let askReducible = Math.max(0, pos);
    // What each side may add beyond flat / beyond the current position: nothing while reducing or
    // while the position already exceeds its limit (reductions stop at flat then).
    const overPosition = Math.abs(pos) > cfg.maxPositionCountUnits;
    let bidHeadroom =
      reducing || overPosition ? 0 : Math.max(0, cfg.maxPositionCountUnits - Math.max(0, pos));
    let askHeadroom =
      reducing || overPosition ? 0 : Math.max(0, cfg.maxPositionCountUnits - Math.max(0, -pos));
    let bidCost = 0;
    let askCost = 0;
    const othersExposure = this.#totalExposure - (this.#exposure.get(marketTicker) ?? 0);
    const base = othersExposure + inputs.positionCostMicros;
    const bookDenial = quotes.length > 0 && this.#state !== 'halted' ? this.#bookDenial(inputs) : undefined;

    for (let i = 0; i < quotes.length; i++) {
      const quote = quotes[i]!;
      if (this.#state === 'halted') {
        this.#deny(checked, quote, 'HALTED', `trading halted: ${this.#stateReason}`);
        continue;
      }
      const price = quote.priceUnits;
      const count = quote.countUnits;
      const isBid = quote.side === 'bid';
      if (
        (!isBid && quote.side !== 'ask') ||
        !Number.isInteger(price) ||
        !Number.isInteger(count) ||
        count <= 0
      ) {
        this.#deny(
          checked,
          quote,
          'INVALID_QUOTE',
          'quote needs a side, an integer price and a positive integer size',
        );
        continue;
      }
      if (bookDenial !== undefined) {
        this.#deny(checked, quote, bookDenial.reason, bookDenial.detail);
        continue;
      }
      if (price < cfg.minPriceUnits || price > cfg.maxPriceUnits) {
        this.#deny(
          checked,
          quote,
          'PRICE_BAND',
          `price ${price} outside ${cfg.minPriceUnits}..${cfg.maxPriceUnits}`,
        );
        continue;
      }
      const mid = inputs.book?.midUnits;
      if (
        cfg.maxDistanceFromMidUnits !== undefined &&
        mid !== undefined &&
        Math.abs(price - mid) > cfg.maxDistanceFromMidUnits
      ) {
        this.#deny(
          checked,
          quote,
          'PRICE_BAND',
          `price ${price} is more than ${cfg.maxDistanceFromMidUnits} from mid ${mid}`,
        );
        continue;
      }
      if (count > cfg.maxOrderCountUnits) {
        this.#deny(
          checked,
          quote,
          'MAX_ORDER_SIZE',
          `size ${count} exceeds maxOrderCountUnits ${cfg.maxOrderCountUnits}`,
        );
        continue;
      }
      // The part of a full fill that shrinks |position| passes the position and exposure limits.
      const reduce = Math.min(count, isBid ? bidReducible : askReducible);
      let extra = Math.min(count - reduce, isBid ? bidHeadroom : askHeadroom);
      const unitCost = isBid ? price : ONE_DOLLAR_UNITS - price;
      const sideCost = isBid ? bidCost : askCost;
      let exposureDenial = 0;
      if (extra > 0) {
        const otherSideCost = isBid ? askCost : bidCost;
        const exposureAfter = base + Math.max(otherSideCost, sideCost + unitCost * extra);
        if (exposureAfter > cfg.maxTotalExposureMicros) {
          const fit = Math.floor((cfg.maxTotalExposureMicros - base - sideCost) / unitCost);
          if (fit < extra) {
            extra = Math.max(0, fit);
            if (extra === 0) exposureDenial = exposureAfter;
          }
        }
      }
      const size = reduce + extra;
      if (size === 0) {
        if (exposureDenial > 0)
          this.#deny(
            checked,
            quote,
            'MAX_TOTAL_EXPOSURE',
            `exposure would reach ${exposureDenial} > ${cfg.maxTotalExposureMicros} micros`,
          );
        else if (reducing)
          this.#deny(
            checked,
            quote,
            'REDUCING',
            `only position-reducing quotes while reducing (position ${pos})`,
          );
        else
          this.#deny(
            checked,
            quote,
            'MAX_POSITION',
            `position ${pos} with quotes would exceed ${cfg.maxPositionCountUnits}`,
          );
        continue;
      }
      if (isBid) {
        bidReducible -= reduce;
        bidHeadroom -= extra;
        bidCost += unitCost * extra;
      } else {
        askReducible -= reduce;
        askHeadroom -= extra;
        askCost += unitCost * extra;
      }
      if (approved !== undefined) approved.push(size === count ? quote : { ...quote, countUnits: size });
      if (checked !== undefined) checked.push({ quote, decision: { approved: true, countUnits: size } });
    }
    const exposure = inputs.positionCostMicros + Math.max(bidCost, askCost);
    this.#totalExposure = othersExposure + exposure;
    this.#exposure.set(marketTicker, exposure);
  }

  #bookDenial(inputs: RiskInputs): { reason: RiskReason; detail: string } | undefined {
    const book = inputs.book;
    if (book === undefined || !book.trusted) {
      return { reason: 'STALE_BOOK', detail: `book untrusted (${book?.untrustedReason ?? 'NO_BOOK'})` };
    }
    const maxAge = this.#config.staleBookMs;
    if (maxAge !== undefined && inputs.nowMs - book.lastUpdateTsMs > maxAge) {
      return { reason: 'STALE_BOOK', detail: `no book update for ${inputs.nowMs - book.lastUpdateTsMs} ms` };
    }
    if (inputs.staleReferences.length > 0) {
      return { reason: 'STALE_REFERENCE', detail: `stale reference: ${inputs.staleReferences.join(', ')}` };
    }
    return undefined;
  }
}
