/**
 * A synthetic S&P 500-like index: seeded random walk with slowly varying volatility and jumps.
 *
 * @module
 */
import type { SeededRng } from './rng.js';

/** Trading-year length in ms (252 sessions of 6.5 hours) used to scale volatility. */
export const TRADING_YEAR_MS = 252 * 6.5 * 3_600_000;

/** Options of {@link SyntheticIndex}. */
export interface SyntheticIndexOptions {
  /** Starting value. @defaultValue 6700 */
  startValue?: number;
  /** Starting annualized volatility (0.18 = 18%). @defaultValue 0.16 */
  startVol?: number;
  /** Lowest volatility. @defaultValue 0.12 */
  minVol?: number;
  /** Highest volatility. @defaultValue 0.30 */
  maxVol?: number;
  /** Volatility of volatility per sqrt(trading year), in log terms. @defaultValue 1.2 */
  volOfVol?: number;
  /** Expected jumps per trading year. @defaultValue 25 */
  jumpsPerYear?: number;
  /** Standard deviation of a jump's log return. @defaultValue 0.004 */
  jumpStd?: number;
  /** Minimum sim ms between two recorded path points. @defaultValue 1000 */
  pathIntervalMs?: number;
}

/** One recorded point of the index path. */
export interface IndexPoint {
  /** Sim time (Unix ms). */
  tsMs: number;
  /** Index value. */
  value: number;
  /** Annualized volatility at that time. */
  vol: number;
}

/**
 * A synthetic index following a seeded geometric random walk with mean-reverting volatility
 * (VIX-like, bounded) and occasional jumps.
 *
 * @remarks Index values are floats: they are reference data, never traded amounts. The walk is
 * deterministic given the generator and the sequence of step sizes.
 * @example
 * ```ts
 * const index = new SyntheticIndex(new SeededRng(1), Date.UTC(2026, 2, 13, 13, 30));
 * index.step(1_000);
 * index.value; // ~6700
 * ```
 */
export class SyntheticIndex {
  readonly #rng: SeededRng;
  readonly #minVol: number;
  readonly #maxVol: number;
  readonly #volOfVol: number;
  readonly #jumpsPerYear: number;
  readonly #jumpStd: number;
  readonly #pathInterval: number;
  readonly #meanLogVol: number;
  readonly #path: IndexPoint[] = [];
  #value: number;
  #vol: number;
  #tsMs: number;

  /**
   * Creates an index at `startMs`.
   *
   * @param rng - The index's own random stream.
   * @param startMs - Sim time of the first point.
   */
  constructor(rng: SeededRng, startMs: number, options: SyntheticIndexOptions = {}) {
    this.#rng = rng;
    this.#value = options.startValue ?? 6_700;
    this.#vol = options.startVol ?? 0.16;
    this.#minVol = options.minVol ?? 0.12;
    this.#maxVol = options.maxVol ?? 0.3;
    this.#volOfVol = options.volOfVol ?? 1.2;
    this.#jumpsPerYear = options.jumpsPerYear ?? 25;
    this.#jumpStd = options.jumpStd ?? 0.004;
    this.#pathInterval = options.pathIntervalMs ?? 1_000;
    this.#meanLogVol = Math.log(Math.sqrt(this.#minVol * this.#maxVol));
    this.#tsMs = startMs;
    this.#path.push({ tsMs: startMs, value: this.#value, vol: this.#vol });
  }

  /** Current value. */
  get value(): number {
    return this.#value;
  }

  /** Current annualized volatility (VIX-like, as a fraction). */
  get vol(): number {
    return this.#vol;
  }

  /** Sim time of the current value. */
  get tsMs(): number {
    return this.#tsMs;
  }

  /** The recorded path so far (at most one point per `pathIntervalMs`, plus the latest). */
  path(): IndexPoint[] {
    return this.#path.slice();
  }

  /** Advances the walk by `dtMs` of sim time. */
  step(dtMs: number): void {
    if (dtMs <= 0) return;
    const dt = dtMs / TRADING_YEAR_MS;
    const sq = Math.sqrt(dt);
    // Mean-reverting log-vol (half-life of a few days), reflected into [minVol, maxVol].
    let logVol = Math.log(this.#vol);
    logVol += 20 * (this.#meanLogVol - logVol) * dt + this.#volOfVol * sq * this.#rng.normal();
    this.#vol = Math.min(this.#maxVol, Math.max(this.#minVol, Math.exp(logVol)));
    let r = -0.5 * this.#vol * this.#vol * dt + this.#vol * sq * this.#rng.normal();
    if (this.#rng.next() < this.#jumpsPerYear * dt) r += this.#jumpStd * this.#rng.normal();
    this.#value *= Math.exp(r);
    this.#tsMs += dtMs;
    const last = this.#path[this.#path.length - 1] as IndexPoint;
    if (this.#tsMs - last.tsMs >= this.#pathInterval)
      this.#path.push({ tsMs: this.#tsMs, value: this.#value, vol: this.#vol });
  }
}
