/**
 * The simulated world: a clock, a synthetic S&P 500 index, the day's Kalshi-like markets and
 * synthetic traders, all driven by one seed.
 *
 * @module
 */
import { Exchange } from '../engine/exchange.js';
import type { MarketState } from '../engine/types.js';
import { defaultSessionStartMs, easternDate } from './clock.js';
import { SeededRng } from './rng.js';
import {
  buildSpxSession,
  fairProbability,
  resolvesYes,
  type SpxSession,
  type SpxSessionOptions,
} from './spx-markets.js';
import {
  type IndexPoint,
  SyntheticIndex,
  type SyntheticIndexOptions,
  TRADING_YEAR_MS,
} from './synthetic-index.js';
import {
  InformedTaker,
  type InformedTakerOptions,
  NoiseTaker,
  type NoiseTakerOptions,
  PassiveMaker,
  type PassiveMakerOptions,
  type SimTrader,
  type TraderContext,
} from './traders.js';

/** Options of {@link World}. */
export interface WorldOptions {
  /** Seed of everything random (index, traders, ids). @defaultValue 1 */
  seed?: number;
  /**
   * An existing exchange to populate (e.g. `KalshiSimulator.exchange`); its own clock and ids are
   * then used for orders, and the world's time starts at the exchange's now.
   * @defaultValue a new {@link Exchange} on the world's clock with seeded ids
   */
  exchange?: Exchange;
  /** Sim start (Unix ms); the first session is the ET date of this instant. @defaultValue {@link defaultSessionStartMs} of the real now */
  startMs?: number;
  /** Largest internal step in sim ms; `step(dt)` is cut into pieces of at most this size. @defaultValue 1000 */
  maxSubstepMs?: number;
  /** Index options. */
  index?: SyntheticIndexOptions;
  /** Market layout options. */
  session?: SpxSessionOptions;
  /** Number of passive makers. @defaultValue 2 */
  makers?: number;
  /** Number of noise takers. @defaultValue 2 */
  noiseTakers?: number;
  /** Number of informed takers. @defaultValue 1 */
  informedTakers?: number;
  /** Options of every passive maker. */
  makerOptions?: PassiveMakerOptions;
  /** Options of every noise taker. */
  noiseOptions?: NoiseTakerOptions;
  /** Options of every informed taker. */
  informedOptions?: InformedTakerOptions;
  /** Cash each synthetic trader starts with, in micro-dollars. @defaultValue 1e12 ($1,000,000) */
  traderCashMicros?: number;
}

/**
 * A deterministic simulated world around an {@link Exchange}.
 *
 * @remarks
 * The world owns a manual sim clock; {@link World.step} advances it, the index (only during the
 * 09:30-16:00 ET session), the exchange's timers and the synthetic traders, in fixed-order
 * substeps. At 16:00 ET every session market is determined from the index and settled after its
 * settlement timer; the next weekday's session is then listed. Same seed and same inputs (the
 * same `step` sizes and the same external orders between the same steps) give the same trade
 * tape, ids included. The server drives `step` (or {@link World.advanceTo}) from a timer and
 * exposes {@link World.exchange}, {@link World.index} and {@link World.indexPath}.
 * @example
 * ```ts
 * const world = new World({ seed: 7, startMs: Date.UTC(2026, 2, 13, 13, 30) });
 * world.step(60_000); // one sim minute
 * world.exchange.getTrades().length;
 * ```
 */
export class World {
  /** The exchange the world's markets and traders live on. */
  readonly exchange: Exchange;
  /** The synthetic S&P 500 index. */
  readonly index: SyntheticIndex;
  /** The synthetic traders. */
  readonly traders: readonly SimTrader[];
  readonly #rng: SeededRng;
  readonly #maxSubstep: number;
  readonly #sessionOptions: SpxSessionOptions;
  readonly #sessions: SpxSession[] = [];
  #nowMs: number;
  #open: MarketState[] = [];
  #nextCleanupMs = 0;

  /** Creates the world and lists the first session's markets. */
  constructor(options: WorldOptions = {}) {
    this.#rng = new SeededRng(options.seed ?? 1);
    this.#nowMs = options.startMs ?? options.exchange?.nowMs() ?? defaultSessionStartMs();
    this.#maxSubstep = options.maxSubstepMs ?? 1_000;
    if (!(this.#maxSubstep > 0)) throw new RangeError('maxSubstepMs must be positive');
    this.#sessionOptions = options.session ?? {};
    const ids = this.#rng.fork('ids');
    this.exchange = options.exchange ?? new Exchange({ now: () => this.#nowMs, newId: () => ids.uuid() });
    this.index = new SyntheticIndex(this.#rng.fork('index'), this.#nowMs, options.index);
    const cash = options.traderCashMicros ?? 1_000_000_000_000;
    const traders: SimTrader[] = [];
    for (let i = 1; i <= (options.makers ?? 2); i++)
      traders.push(new PassiveMaker(`sim-maker-${i}`, this.#rng.fork(`maker-${i}`), options.makerOptions));
    for (let i = 1; i <= (options.noiseTakers ?? 2); i++)
      traders.push(new NoiseTaker(`sim-noise-${i}`, this.#rng.fork(`noise-${i}`), options.noiseOptions));
    for (let i = 1; i <= (options.informedTakers ?? 1); i++)
      traders.push(
        new InformedTaker(`sim-informed-${i}`, this.#rng.fork(`informed-${i}`), options.informedOptions),
      );
    for (const t of traders) this.exchange.deposit(t.userId, cash);
    this.traders = traders;
    this.#listSession(this.#nowMs);
  }

  /** Sim time now (Unix ms). */
  nowMs(): number {
    return this.#nowMs;
  }

  /** The sessions listed so far (the current one last). */
  get sessions(): readonly SpxSession[] {
    return this.#sessions;
  }

  /** The recorded index path (value and vol per sim second). */
  indexPath(): IndexPoint[] {
    return this.index.path();
  }

  /** The current session (the one trading or next to trade). */
  get currentSession(): SpxSession {
    return this.#sessions[this.#sessions.length - 1] as SpxSession;
  }

  /**
   * Reference data for the simulator's `x-sim/index` endpoint: index level and VIX-like vol as
   * 2-decimal strings, and the current session's open and close.
   *
   * @example
   * ```ts
   * world.reference(); // { indexValue: '6702.13', volatilityValue: '16.40', sessionOpenMs, sessionCloseMs }
   * ```
   */
  reference(): {
    indexValue: string;
    volatilityValue: string;
    sessionOpenMs: number;
    sessionCloseMs: number;
  } {
    const s = this.currentSession;
    return {
      indexValue: this.index.value.toFixed(2),
      volatilityValue: (this.index.vol * 100).toFixed(2),
      sessionOpenMs: s.openTimeMs,
      sessionCloseMs: s.closeTimeMs,
    };
  }

  /**
   * The world as the simulator's reference source: `reference()` plus `step(nowMs)`, which
   * advances the world to an absolute sim time.
   *
   * @example
   * ```ts
   * const sim = new KalshiSimulator({ mode: 'manual', startTimeMs });
   * const world = new World({ seed: 1, exchange: sim.exchange });
   * // pass world.asReferenceSource() as the simulator's `reference` option
   * ```
   */
  asReferenceSource(): {
    reference: () => ReturnType<World['reference']>;
    step: (nowMs: number) => void;
  } {
    return { reference: () => this.reference(), step: (nowMs) => this.advanceTo(nowMs) };
  }

  /** The model probability of a market resolving YES now (what informed takers use). */
  fairProbability(ticker: string): number {
    const m = this.exchange.getMarket(ticker);
    if (m === undefined) return Number.NaN;
    return this.#fair(m);
  }

  /**
   * Advances the world by `dtSimMs` of sim time.
   *
   * @throws RangeError for a negative or non-finite step.
   */
  step(dtSimMs: number): void {
    if (!(dtSimMs >= 0) || !Number.isFinite(dtSimMs)) throw new RangeError(`invalid step ${dtSimMs}`);
    let left = Math.floor(dtSimMs);
    while (left > 0) {
      const session = this.#sessions[this.#sessions.length - 1] as SpxSession;
      const trading = this.#nowMs >= session.openTimeMs && this.#nowMs < session.closeTimeMs;
      // Outside the session nothing trades: take larger steps (still ticking settlement timers).
      let dt = Math.min(left, trading ? this.#maxSubstep : Math.max(this.#maxSubstep, 60_000));
      // Land exactly on the open and the close so the close value is the 16:00 value.
      for (const edge of [session.openTimeMs, session.closeTimeMs])
        if (this.#nowMs < edge && this.#nowMs + dt > edge) dt = edge - this.#nowMs;
      this.#substep(dt);
      left -= dt;
    }
  }

  /** Advances the world to a sim time (no-op if already there). */
  advanceTo(targetMs: number): void {
    if (targetMs > this.#nowMs) this.step(targetMs - this.#nowMs);
  }

  #substep(dt: number): void {
    const session = this.#sessions[this.#sessions.length - 1] as SpxSession;
    const inSession = this.#nowMs >= session.openTimeMs && this.#nowMs < session.closeTimeMs;
    if (inSession) this.index.step(dt);
    this.#nowMs += dt;
    this.exchange.tick();
    if (this.#nowMs >= session.closeTimeMs && this.#open.length > 0) {
      this.#close(session);
      return;
    }
    if (this.#nowMs >= session.openTimeMs && this.#nowMs < session.closeTimeMs) {
      this.#open = session.markets
        .map((d) => this.exchange.getMarket(d.ticker))
        .filter((m): m is MarketState => m !== undefined && m.status === 'active');
      const ctx: TraderContext = {
        exchange: this.exchange,
        nowMs: this.#nowMs,
        dtMs: dt,
        markets: this.#open,
        fairProbability: (t) => this.fairProbability(t),
      };
      for (const t of this.traders) t.act(ctx);
    }
    // Synthetic traders churn orders; keep memory bounded by forgetting their finished orders.
    if (this.#nowMs >= this.#nextCleanupMs) {
      this.#nextCleanupMs = this.#nowMs + 60_000;
      for (const t of this.traders) this.exchange.forgetTerminalOrders(t.userId, this.#nowMs - 60_000);
    }
  }

  #close(session: SpxSession): void {
    // The index is published with 2 decimals; buckets (f to f + 24.9999) partition such values.
    const value = Math.round(this.index.value * 100) / 100;
    for (const d of session.markets)
      this.exchange.determineMarket(d.ticker, resolvesYes(d, value) ? 'yes' : 'no', value.toFixed(2));
    this.#open = [];
    // List the next weekday's session.
    let t = session.closeTimeMs + 86_400_000;
    for (;;) {
      const wd = easternDate(t).weekday;
      if (wd !== 0 && wd !== 6) break;
      t += 86_400_000;
    }
    this.#listSession(t);
  }

  #listSession(dayMs: number): void {
    const s = buildSpxSession(dayMs, this.index.value, this.#sessionOptions);
    if (this.#sessions.length === 0) for (const series of s.series) this.exchange.addSeries(series);
    for (const e of s.events) this.exchange.addEvent(e);
    for (const m of s.markets) this.exchange.addMarket(m);
    this.#sessions.push(s);
    this.#open = s.markets
      .map((d) => this.exchange.getMarket(d.ticker))
      .filter((m): m is MarketState => m?.status === 'active');
  }

  #fair(m: MarketState): number {
    const years = Math.max(0, m.closeTimeMs - this.#nowMs) / TRADING_YEAR_MS;
    return fairProbability(m, this.index.value, this.index.vol, years);
  }
}
