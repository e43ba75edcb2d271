/**
 * Synthetic traders that populate the simulator's books: passive makers, noise takers and
 * informed takers. They call the {@link Exchange} directly, like any other user.
 *
 * @module
 */
import type { Exchange } from '../engine/exchange.js';
import type { MarketState } from '../engine/types.js';
import type { SeededRng } from './rng.js';

/** What a trader sees on each step. */
export interface TraderContext {
  /** The exchange to trade on. */
  exchange: Exchange;
  /** Sim time now (Unix ms). */
  nowMs: number;
  /** Sim ms since the previous step. */
  dtMs: number;
  /** Markets open for trading now. */
  markets: readonly MarketState[];
  /** True model probability (0..1) of a market resolving YES, from the index and its vol. */
  fairProbability(ticker: string): number;
}

/** A synthetic participant driven by the world's step. */
export interface SimTrader {
  /** The exchange user id this trader trades as. */
  readonly userId: string;
  /** Acts once per world step. */
  act(ctx: TraderContext): void;
}

const CENT = 100;

function clampCents(c: number): number {
  return Math.min(99, Math.max(1, c));
}

/** Options of {@link PassiveMaker}. */
export interface PassiveMakerOptions {
  /** Sim ms between re-quotes of a market. @defaultValue 5000 */
  refreshMs?: number;
  /** Half-spread range in cents, chosen per quote. @defaultValue [2, 4] */
  halfSpreadCents?: [number, number];
  /** Quote size range in contracts. @defaultValue [5, 50] */
  sizeContracts?: [number, number];
  /** Standard deviation of the maker's error on the fair probability. @defaultValue 0.02 */
  fairNoise?: number;
}

/**
 * A market maker that keeps a two-sided quote around a noisy estimate of the fair probability.
 *
 * @remarks Every `refreshMs` per market it cancels its quotes and posts a post-only bid and ask
 * (whole cents, within 1-99 cents) at `fair +/- halfSpread`. Its estimate is off by a random
 * error, so informed takers can pick it off, as they would a careless maker.
 * @example
 * ```ts
 * const maker = new PassiveMaker('sim-maker-1', rng.fork('maker-1'), { refreshMs: 3_000 });
 * ```
 */
export class PassiveMaker implements SimTrader {
  readonly userId: string;
  readonly #rng: SeededRng;
  readonly #refreshMs: number;
  readonly #half: [number, number];
  readonly #size: [number, number];
  readonly #noise: number;
  readonly #orders = new Map<string, string[]>();
  readonly #nextQuoteMs = new Map<string, number>();

  /** Creates a maker trading as `userId`. */
  constructor(userId: string, rng: SeededRng, options: PassiveMakerOptions = {}) {
    this.userId = userId;
    this.#rng = rng;
    this.#refreshMs = options.refreshMs ?? 5_000;
    this.#half = options.halfSpreadCents ?? [2, 4];
    this.#size = options.sizeContracts ?? [5, 50];
    this.#noise = options.fairNoise ?? 0.02;
  }

  /** Re-quotes markets whose refresh time has come. */
  act(ctx: TraderContext): void {
    for (const m of ctx.markets) {
      const due = this.#nextQuoteMs.get(m.ticker) ?? 0;
      if (ctx.nowMs < due) continue;
      this.#nextQuoteMs.set(m.ticker, ctx.nowMs + this.#refreshMs * (0.5 + this.#rng.next()));
      for (const id of this.#orders.get(m.ticker) ?? []) ctx.exchange.cancelOrder(this.userId, id);
      const ids: string[] = [];
      const fair = ctx.fairProbability(m.ticker) + this.#noise * this.#rng.normal();
      const half = this.#rng.intBetween(this.#half[0], this.#half[1]);
      const fairCents = fair * 100;
      const bid = clampCents(Math.floor(fairCents - half));
      const ask = clampCents(Math.ceil(fairCents + half));
      if (ask > bid) {
        for (const [side, cents] of [
          ['bid', bid],
          ['ask', ask],
        ] as const) {
          const r = ctx.exchange.createOrder(this.userId, {
            ticker: m.ticker,
            side,
            priceUnits: cents * CENT,
            countUnits: this.#rng.intBetween(this.#size[0], this.#size[1]) * 100,
            timeInForce: 'good_till_canceled',
            postOnly: true,
          });
          if (r.ok && r.order.status === 'resting') ids.push(r.order.orderId);
        }
      }
      this.#orders.set(m.ticker, ids);
    }
  }
}

/** Options of {@link NoiseTaker}. */
export interface NoiseTakerOptions {
  /** Expected takes per market per sim minute. @defaultValue 1 */
  takesPerMinute?: number;
  /** Take size range in contracts. @defaultValue [1, 10] */
  sizeContracts?: [number, number];
}

/**
 * A taker that lifts or hits the touch at random (IoC), regardless of value.
 *
 * @example
 * ```ts
 * const noise = new NoiseTaker('sim-noise-1', rng.fork('noise-1'), { takesPerMinute: 2 });
 * ```
 */
export class NoiseTaker implements SimTrader {
  readonly userId: string;
  readonly #rng: SeededRng;
  readonly #rate: number;
  readonly #size: [number, number];

  /** Creates a noise taker trading as `userId`. */
  constructor(userId: string, rng: SeededRng, options: NoiseTakerOptions = {}) {
    this.userId = userId;
    this.#rng = rng;
    this.#rate = options.takesPerMinute ?? 1;
    this.#size = options.sizeContracts ?? [1, 10];
  }

  /** Takes at random with the configured rate. */
  act(ctx: TraderContext): void {
    const p = (this.#rate * ctx.dtMs) / 60_000;
    for (const m of ctx.markets) {
      if (!this.#rng.chance(p)) continue;
      const top = ctx.exchange.getTopOfBook(m.ticker);
      if (top === undefined) continue;
      const buy = this.#rng.chance(0.5);
      const price = buy ? top.yesAskUnits : top.yesBidUnits;
      if (price <= 0 || price >= 10_000) continue;
      ctx.exchange.createOrder(this.userId, {
        ticker: m.ticker,
        side: buy ? 'bid' : 'ask',
        priceUnits: price,
        countUnits: this.#rng.intBetween(this.#size[0], this.#size[1]) * 100,
        timeInForce: 'immediate_or_cancel',
      });
    }
  }
}

/** Options of {@link InformedTaker}. */
export interface InformedTakerOptions {
  /** Minimum edge versus the true probability, in cents, before taking. @defaultValue 3 */
  edgeCents?: number;
  /** Largest take in contracts. @defaultValue 20 */
  maxContracts?: number;
  /** Sim ms between looks at a market. @defaultValue 2000 */
  checkMs?: number;
}

/**
 * A taker that knows the true probability (from the index and its volatility) and takes any
 * quote that strays from it by more than its edge.
 *
 * @remarks This is what adversely selects a careless market maker: stale or mispriced quotes get
 * lifted or hit.
 * @example
 * ```ts
 * const informed = new InformedTaker('sim-informed-1', rng.fork('informed-1'), { edgeCents: 2 });
 * ```
 */
export class InformedTaker implements SimTrader {
  readonly userId: string;
  readonly #rng: SeededRng;
  readonly #edge: number;
  readonly #max: number;
  readonly #checkMs: number;
  #nextMs = 0;

  /** Creates an informed taker trading as `userId`. */
  constructor(userId: string, rng: SeededRng, options: InformedTakerOptions = {}) {
    this.userId = userId;
    this.#rng = rng;
    this.#edge = (options.edgeCents ?? 3) * CENT;
    this.#max = options.maxContracts ?? 20;
    this.#checkMs = options.checkMs ?? 2_000;
  }

  /** Takes mispriced quotes. */
  act(ctx: TraderContext): void {
    if (ctx.nowMs < this.#nextMs) return;
    this.#nextMs = ctx.nowMs + this.#checkMs;
    for (const m of ctx.markets) {
      const top = ctx.exchange.getTopOfBook(m.ticker);
      if (top === undefined) continue;
      const fair = Math.round(ctx.fairProbability(m.ticker) * 10_000);
      const size = this.#rng.intBetween(1, this.#max) * 100;
      if (top.yesAskUnits < 10_000 && top.yesAskUnits <= fair - this.#edge) {
        ctx.exchange.createOrder(this.userId, {
          ticker: m.ticker,
          side: 'bid',
          priceUnits: top.yesAskUnits,
          countUnits: Math.min(size, top.yesAskCountUnits),
          timeInForce: 'immediate_or_cancel',
        });
      } else if (top.yesBidUnits > 0 && top.yesBidUnits >= fair + this.#edge) {
        ctx.exchange.createOrder(this.userId, {
          ticker: m.ticker,
          side: 'ask',
          priceUnits: top.yesBidUnits,
          countUnits: Math.min(size, top.yesBidCountUnits),
          timeInForce: 'immediate_or_cancel',
        });
      }
    }
  }
}
