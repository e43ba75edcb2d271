/**
 * SpxMarketMakerStrategy: quotes both sides of each chosen S&P 500 market around its fair value,
 * skewed against inventory, within its position limits.
 *
 * @module
 */
import {
  bookExcludingOwn,
  type CountUnits,
  type DesiredQuote,
  type Fill,
  type MarketQuotes,
  type PriceUnits,
  type ReferencePrice,
  type Strategy,
  type StrategyContext,
  type StrategyDecision,
} from '@mnquants/mm-core';

/** Reference symbols the strategy reads. */
export const INDEX_SYMBOL = '^GSPC';
/** Volatility symbol (VIX, annualized percent). */
export const VIX_SYMBOL = '^VIX';

/** What a pricer returns for one market: fair value and the skewed quotes on the market's grid. */
export interface SpxQuotePlan {
  /** Fair YES price, price units. */
  readonly fairUnits: PriceUnits;
  /** Bid price on the grid, or `null` when no bid should rest (e.g. fair value at the floor). */
  readonly bidUnits: PriceUnits | null;
  /** Ask price on the grid, or `null`. */
  readonly askUnits: PriceUnits | null;
}

/** Inputs of {@link SpxPricer.plan}. */
export interface SpxPricingInput {
  /** Market ticker. */
  readonly marketTicker: string;
  /** Index level. */
  readonly spot: number;
  /** Annualized volatility, percent. */
  readonly volPct: number;
  /** Now, Unix ms, on the venue's clock. */
  readonly nowMs: number;
  /** Our net YES position, count units. */
  readonly positionUnits: CountUnits;
}

/**
 * Prices one market: fair value from spot, volatility and time to close, then inventory-skewed
 * bid/ask on the grid. The bot implements it with mm-core's pricing helpers.
 */
export interface SpxPricer {
  /** Returns `null` when the market cannot be priced now (unknown market, closed, ...). */
  plan(input: SpxPricingInput): SpxQuotePlan | null;
  /** Close time of the market, Unix ms. */
  closeTsMs(marketTicker: string): number | undefined;
  /** The next valid price below `price` on the market's grid, or `null` (keeps a bid off the ask). */
  stepBelow(marketTicker: string, price: PriceUnits): PriceUnits | null;
  /** The next valid price above `price` on the market's grid, or `null`. */
  stepAbove(marketTicker: string, price: PriceUnits): PriceUnits | null;
}

/** Options of {@link SpxMarketMakerStrategy}. */
export interface SpxMarketMakerStrategyOptions {
  /** The pricer. */
  readonly pricer: SpxPricer;
  /** Contracts per side, count units. */
  readonly quoteSizeUnits: CountUnits;
  /** Position limit per market, count units: quotes are sized so a fill never exceeds it. */
  readonly maxPositionUnits: CountUnits;
  /** Volatility override (annualized percent), or `null` to use the VIX reference. */
  readonly volatilityPct: number | null;
  /** Reference values older than this (on their own clock) pull all quotes, ms. */
  readonly referenceStaleMs: number;
  /**
   * Stop quoting a market this long before its close, ms of venue time.
   * @defaultValue 120000
   */
  readonly stopBeforeCloseMs?: number;
}

/** What the strategy last decided for a market (for the status panel and logs). */
export interface SpxMarketView {
  /** Fair YES price, price units, or `null` when not priced. */
  readonly fairUnits: PriceUnits | null;
  /** The desired bid, or `null`. */
  readonly bid: DesiredQuote | null;
  /** The desired ask, or `null`. */
  readonly ask: DesiredQuote | null;
  /** Why nothing is quoted, when nothing is. */
  readonly idleReason: string | null;
}

/**
 * The S&P 500 market-making strategy of the example bot.
 *
 * @example
 * ```ts
 * const strategy = new SpxMarketMakerStrategy({
 *   pricer, quoteSizeUnits: 500, maxPositionUnits: 5_000, volatilityPct: null, referenceStaleMs: 60_000,
 * });
 * const engine = new Engine({ markets, strategy, feed, gateway, risk, referenceFeed });
 * ```
 *
 * @remarks
 * On every reference update (index or VIX) and timer tick it reprices every market; on a book
 * change or one of our fills it reprices that market. For each market:
 * - no quotes while the index or volatility is missing or stale, the book is untrusted, the
 *   market is within `stopBeforeCloseMs` of its close, or risk is `halted`;
 * - in `reducing`, only the side that reduces the position is quoted;
 * - each side is sized so that a full fill keeps |position| within `maxPositionUnits`;
 * - a quote that would cross the opposite side of the book (others' orders, ours excluded) is
 *   moved one tick behind it (the bot makes markets; it does not take).
 */
export class SpxMarketMakerStrategy implements Strategy {
  readonly name = 'SpxMarketMakerStrategy';
  readonly #o: SpxMarketMakerStrategyOptions;
  readonly #views = new Map<string, SpxMarketView>();
  readonly #stopBeforeCloseMs: number;

  constructor(options: SpxMarketMakerStrategyOptions) {
    this.#o = options;
    this.#stopBeforeCloseMs = options.stopBeforeCloseMs ?? 120_000;
  }

  /** The last decision per market. */
  view(marketTicker: string): SpxMarketView | undefined {
    return this.#views.get(marketTicker);
  }

  onStart(ctx: StrategyContext): StrategyDecision {
    return this.#all(ctx);
  }

  onReference(price: ReferencePrice, ctx: StrategyContext): StrategyDecision {
    if (price.symbol !== INDEX_SYMBOL && price.symbol !== VIX_SYMBOL) return undefined;
    return this.#all(ctx);
  }

  onTimer(ctx: StrategyContext): StrategyDecision {
    return this.#all(ctx);
  }

  onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
    return this.#changed([this.quotesFor(marketTicker, ctx)]);
  }

  onFill(fill: Fill, ctx: StrategyContext): StrategyDecision {
    return this.#changed([this.quotesFor(fill.marketTicker, ctx)]);
  }

  /** Computes the desired quotes for one market from the context (pure apart from the view cache). */
  quotesFor(marketTicker: string, ctx: StrategyContext): MarketQuotes {
    const idle = (reason: string, fairUnits: PriceUnits | null = null): MarketQuotes => {
      this.#views.set(marketTicker, { fairUnits, bid: null, ask: null, idleReason: reason });
      return { marketTicker, quotes: [] };
    };
    if (ctx.tradingState === 'halted') return idle('halted');
    const now = ctx.nowMs();
    const spot = ctx.reference(INDEX_SYMBOL);
    if (spot === undefined) return idle('no index');
    if (this.#stale(spot, now)) return idle('index stale');
    let volPct = this.#o.volatilityPct;
    if (volPct === null) {
      const vix = ctx.reference(VIX_SYMBOL);
      if (vix === undefined) return idle('no VIX');
      if (this.#stale(vix, now)) return idle('VIX stale');
      volPct = vix.value;
    }
    const close = this.#o.pricer.closeTsMs(marketTicker);
    if (close !== undefined && now >= close - this.#stopBeforeCloseMs) return idle('near close');
    const book = ctx.book(marketTicker);
    if (book !== undefined && !book.trusted) return idle('book untrusted');
    const position = ctx.position(marketTicker).positionCountUnits;
    const plan = this.#o.pricer.plan({
      marketTicker,
      spot: spot.value,
      volPct,
      nowMs: now,
      positionUnits: position,
    });
    if (plan === null) return idle('not priced');

    // Stay off the other side of the book as others see it (our own orders excluded: a quote
    // must not be pushed away by the order it is about to replace).
    const pricer = this.#o.pricer;
    const others = book === undefined ? undefined : bookExcludingOwn(book, ctx.openOrders(marketTicker));
    let bidPx = plan.bidUnits;
    let askPx = plan.askUnits;
    if (bidPx !== null && others?.yesAsk !== undefined && bidPx >= others.yesAsk)
      bidPx = pricer.stepBelow(marketTicker, others.yesAsk);
    if (askPx !== null && others?.yesBid !== undefined && askPx <= others.yesBid)
      askPx = pricer.stepAbove(marketTicker, others.yesBid);

    const max = this.#o.maxPositionUnits;
    let bidSize = Math.min(this.#o.quoteSizeUnits, max - position);
    let askSize = Math.min(this.#o.quoteSizeUnits, max + position);
    if (ctx.tradingState === 'reducing') {
      bidSize = position < 0 ? Math.min(bidSize, -position) : 0;
      askSize = position > 0 ? Math.min(askSize, position) : 0;
    }
    const bid: DesiredQuote | null =
      bidPx !== null && bidSize > 0 ? { side: 'bid', priceUnits: bidPx, countUnits: bidSize } : null;
    const ask: DesiredQuote | null =
      askPx !== null && askSize > 0 ? { side: 'ask', priceUnits: askPx, countUnits: askSize } : null;
    const quotes: DesiredQuote[] = [];
    if (bid !== null) quotes.push(bid);
    if (ask !== null) quotes.push(ask);
    const reason = quotes.length > 0 ? null : ctx.tradingState === 'reducing' ? 'reducing' : 'position limit';
    this.#views.set(marketTicker, { fairUnits: plan.fairUnits, bid, ask, idleReason: reason });
    return { marketTicker, quotes };
  }

  #stale(p: ReferencePrice, nowMs: number): boolean {
    // The feed flags staleness itself; the age check also catches a feed that stopped updating.
    return p.stale || nowMs - p.tsMs > this.#o.referenceStaleMs;
  }

  #all(ctx: StrategyContext): StrategyDecision {
    return this.#changed(ctx.marketTickers.map((t) => this.quotesFor(t, ctx)));
  }

  readonly #last = new Map<string, string>();

  /** Returns only the markets whose desire changed, so the engine is not asked to redo work. */
  #changed(decisions: MarketQuotes[]): StrategyDecision {
    const out: MarketQuotes[] = [];
    for (const d of decisions) {
      const key = d.quotes.map((q) => `${q.side}${q.priceUnits}x${q.countUnits}`).join(',');
      if (this.#last.get(d.marketTicker) === key) continue;
      this.#last.set(d.marketTicker, key);
      out.push(d);
    }
    return out.length > 0 ? out : undefined;
  }
}
