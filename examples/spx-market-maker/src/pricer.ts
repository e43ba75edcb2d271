/**
 * The bot's pricer: mm-core's S&P 500 fair value and inventory-skewed quotes, per market.
 *
 * @module
 */
import {
  contractProbability,
  logStdDevToClose,
  type PriceGrid,
  type PriceUnits,
  type SkewQuoteConfig,
  type SpxStrike,
  skewedQuotes,
  vixToAnnualVol,
} from '@mnquants/mm-core';
import type { SpxPricer, SpxPricingInput, SpxQuotePlan } from './strategy.js';

/** What the pricer knows about one market. */
export interface PricedMarket {
  /** Market ticker. */
  readonly ticker: string;
  /** YES condition on the index at the close. */
  readonly strike: SpxStrike;
  /** Observation time (the market's close), Unix ms. */
  readonly closeTsMs: number;
  /** The market's price grid. */
  readonly grid: PriceGrid;
}

/** Options of {@link SpxFairValuePricer}. */
export interface SpxFairValuePricerOptions {
  /** The markets to price. */
  readonly markets: readonly PricedMarket[];
  /**
   * Trading time between two instants, ms: the NYSE calendar on Kalshi, the simulated session in
   * the simulator.
   */
  readonly tradingMsBetween: (fromMs: number, toMs: number) => number;
  /** Narrowest total spread, price units. */
  readonly minSpreadUnits: PriceUnits;
  /** Widest total spread, price units. */
  readonly maxSpreadUnits: PriceUnits;
  /** Quote shift per contract held at a 50% fair value, price units. */
  readonly skewPerContractUnits: PriceUnits;
}

/** Variance of a binary contract's value until settlement at fair value 0.5, price units². */
const HALF_VARIANCE_UNITS2 = 0.25 * 10_000 * 10_000;

/**
 * Prices S&P 500 contracts with mm-core's lognormal fair value and Avellaneda-Stoikov skew.
 *
 * @example
 * ```ts
 * const pricer = new SpxFairValuePricer({
 *   markets: contracts.map((c) => ({ ticker: c.ticker, strike: c.strike, closeTsMs: c.closeTimeMs!, grid: c.grid! })),
 *   tradingMsBetween: (a, b) => new NyseCalendar().tradingMsBetween(a, b),
 *   minSpreadUnits: 400, maxSpreadUnits: 2_000, skewPerContractUnits: 20,
 * });
 * pricer.plan({ marketTicker, spot: 6612.34, volPct: 18.5, nowMs: Date.now(), positionUnits: 0 });
 * ```
 *
 * @remarks
 * Fair value: `contractProbability(strike, spot, sd)` with `sd` the VIX-implied log standard
 * deviation over the trading time left. Quotes: `skewedQuotes` with the variance of the contract's
 * value until it settles, p(1 − p) × $1² (exact for a price that ends at 0 or 1), so inventory
 * moves the quotes most at 50% and little near 0 or 1. Risk aversion γ is chosen so that one
 * contract moves the quotes by `skewPerContractUnits` at 50%; liquidity κ so that the base spread
 * is `minSpreadUnits`.
 */
export class SpxFairValuePricer implements SpxPricer {
  readonly #markets: Map<string, PricedMarket>;
  readonly #o: SpxFairValuePricerOptions;
  readonly #skew: SkewQuoteConfig;

  constructor(options: SpxFairValuePricerOptions) {
    this.#o = options;
    this.#markets = new Map(options.markets.map((m) => [m.ticker, m]));
    this.#skew = {
      riskAversion: options.skewPerContractUnits / HALF_VARIANCE_UNITS2,
      liquidity: 2 / options.minSpreadUnits,
      minSpreadUnits: options.minSpreadUnits,
      maxSpreadUnits: options.maxSpreadUnits,
    };
  }

  /** Fair YES probability of a market now, or `undefined` for an unknown market. */
  probability(ticker: string, spot: number, volPct: number, nowMs: number): number | undefined {
    const m = this.#markets.get(ticker);
    if (m === undefined) return undefined;
    const tradingMs = this.#o.tradingMsBetween(nowMs, m.closeTsMs);
    const sd = logStdDevToClose(vixToAnnualVol(volPct), Math.max(0, tradingMs));
    return contractProbability(m.strike, spot, sd);
  }

  plan(input: SpxPricingInput): SpxQuotePlan | null {
    const m = this.#markets.get(input.marketTicker);
    if (m === undefined || input.nowMs >= m.closeTsMs) return null;
    const p = this.probability(input.marketTicker, input.spot, input.volPct, input.nowMs)!;
    const fair = p * 10_000;
    const q = skewedQuotes(m.grid, this.#skew, {
      fairUnits: fair,
      inventoryCountUnits: input.positionUnits,
      varianceUnits2: p * (1 - p) * 10_000 * 10_000,
    });
    return { fairUnits: Math.round(fair), bidUnits: q.bidUnits, askUnits: q.askUnits };
  }

  closeTsMs(marketTicker: string): number | undefined {
    return this.#markets.get(marketTicker)?.closeTsMs;
  }

  stepBelow(marketTicker: string, price: PriceUnits): PriceUnits | null {
    return this.#markets.get(marketTicker)?.grid.stepDown(price) ?? null;
  }

  stepAbove(marketTicker: string, price: PriceUnits): PriceUnits | null {
    return this.#markets.get(marketTicker)?.grid.stepUp(price) ?? null;
  }
}
