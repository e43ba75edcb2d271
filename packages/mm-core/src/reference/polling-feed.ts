/**
 * Shared machinery of polling reference feeds: interval, backoff, last good value, staleness.
 *
 * @module
 */
import { EventEmitter } from 'eventemitter3';
import { MmCoreConfigError } from '../errors.js';
import type { ReferenceFeed, ReferenceFeedEvents, ReferencePrice } from '../ports/reference-feed.js';

/** Options every polling feed shares. */
export interface PollingFeedConfig {
  /**
   * Time between successful polls, ms.
   * @defaultValue depends on the feed
   */
  readonly pollIntervalMs?: number;
  /**
   * A value older than this (by the feed's clock) is marked stale, ms.
   * @defaultValue depends on the feed
   */
  readonly staleAfterMs?: number;
  /**
   * Longest wait between polls while failing, ms; the wait doubles from `pollIntervalMs` per
   * consecutive failure up to this.
   * @defaultValue 60,000
   */
  readonly maxBackoffMs?: number;
  /**
   * Wall clock, Unix ms.
   * @defaultValue `Date.now`
   */
  readonly now?: () => number;
}

/** A fresh observation without the staleness flag (computed at read time). */
export type Observation = Omit<ReferencePrice, 'stale'>;

/**
 * Base class of polling {@link ReferenceFeed}s: subclasses implement `fetchAll`.
 *
 * @remarks Polls every `pollIntervalMs`; after a failure it emits `error`, keeps the last good
 * values (reported stale until a poll succeeds) and waits `pollIntervalMs * 2^failures`, capped
 * at `maxBackoffMs`. A value older than `staleAfterMs` on {@link PollingFeed.staleClockMs} is
 * stale. `update` is emitted when a value changes and when its staleness flips (checked at each
 * poll). `stop()` clears the timer and aborts an in-flight fetch.
 * @example
 * ```ts
 * class MyFeed extends PollingFeed {
 *   readonly source = 'my-source';
 *   constructor() { super(['^GSPC'], {}, { pollIntervalMs: 5_000, staleAfterMs: 30_000 }); }
 *   protected async fetchAll() { return [{ symbol: '^GSPC', value: 6612.34, tsMs: Date.now(), source: this.source }]; }
 * }
 * ```
 */
export abstract class PollingFeed implements ReferenceFeed {
  /** Source name. */
  abstract readonly source: string;
  /** The symbols this feed provides. */
  readonly symbols: readonly string[];
  /** Poll interval, ms. */
  protected readonly pollIntervalMs: number;
  /** Staleness limit, ms of the staleness clock. */
  protected readonly staleAfterMs: number;
  /** Backoff cap, ms. */
  protected readonly maxBackoffMs: number;
  /** Wall clock. */
  protected readonly now: () => number;
  readonly #values = new Map<string, Observation>();
  readonly #lastStale = new Map<string, boolean>();
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #inFlight: Promise<void> | undefined;

  /**
   * @param symbols - Symbols provided.
   * @param config - Shared options.
   * @param defaults - The subclass's defaults.
   * @param problems - Problems the subclass already found; all are reported together.
   * @throws {@link MmCoreConfigError} listing every problem.
   */
  protected constructor(
    symbols: readonly string[],
    config: PollingFeedConfig,
    defaults: { pollIntervalMs: number; staleAfterMs: number },
    problems: string[] = [],
  ) {
    this.pollIntervalMs = config.pollIntervalMs ?? defaults.pollIntervalMs;
    this.staleAfterMs = config.staleAfterMs ?? defaults.staleAfterMs;
    this.maxBackoffMs = config.maxBackoffMs ?? 60_000;
    this.now = config.now ?? Date.now;
    if (symbols.length === 0) problems.push('symbols must not be empty');
    for (const [name, v] of [
      ['pollIntervalMs', this.pollIntervalMs],
      ['staleAfterMs', this.staleAfterMs],
      ['maxBackoffMs', this.maxBackoffMs],
    ] as const) {
      if (!Number.isFinite(v) || v <= 0) problems.push(`${name} must be a number > 0, got ${v}`);
    }
    if (problems.length > 0) throw new MmCoreConfigError(problems);
    this.symbols = [...symbols];
  }

  /** Fetches one observation per symbol; throws on any failure. */
  protected abstract fetchAll(signal: AbortSignal): Promise<Observation[]>;

  /** The clock staleness is judged by (the wall clock unless overridden, e.g. a simulator clock). */
  protected staleClockMs(): number {
    return this.now();
  }

  /** Consecutive failed polls. */
  get consecutiveFailures(): number {
    return this.#failures;
  }

  #abort: AbortController | undefined;
  readonly #emitter = new EventEmitter();

  /** Subscribes to an event. */
  on<E extends keyof ReferenceFeedEvents>(event: E, listener: ReferenceFeedEvents[E]): this {
    this.#emitter.on(event, listener);
    return this;
  }

  /** Unsubscribes from an event. */
  off<E extends keyof ReferenceFeedEvents>(event: E, listener: ReferenceFeedEvents[E]): this {
    this.#emitter.off(event, listener);
    return this;
  }

  /** Emits an event to listeners. */
  protected emit<E extends keyof ReferenceFeedEvents>(
    event: E,
    ...args: Parameters<ReferenceFeedEvents[E]>
  ): void {
    this.#emitter.emit(event, ...args);
  }

  /** Starts polling; resolves after the first poll (successful or not). */
  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await this.#poll();
  }

  /** Stops polling; no timer is left behind. */
  async stop(): Promise<void> {
    this.#running = false;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    await this.#inFlight?.catch(() => {});
  }

  /** The latest observation with staleness evaluated now. */
  latest(symbol: string): ReferencePrice | undefined {
    const v = this.#values.get(symbol);
    if (v === undefined) return undefined;
    return { ...v, stale: this.#isStale(v) };
  }

  #isStale(v: Observation): boolean {
    return this.#failures > 0 || this.staleClockMs() - v.tsMs > this.staleAfterMs;
  }

  async #poll(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    const run = (async () => {
      try {
        const obs = await this.fetchAll(abort.signal);
        if (!this.#running) return;
        this.#failures = 0;
        for (const o of obs) {
          const prev = this.#values.get(o.symbol);
          this.#values.set(o.symbol, o);
          if (prev === undefined || prev.value !== o.value || prev.tsMs !== o.tsMs) this.#emitUpdate(o);
        }
      } catch (err) {
        if (!this.#running) return;
        this.#failures++;
        this.emit('error', err instanceof Error ? err : new Error(String(err)));
      }
      // Staleness can flip without a new value (age or a failed poll): report those changes too.
      for (const [symbol, v] of this.#values) {
        if (this.#lastStale.get(symbol) !== this.#isStale(v)) this.#emitUpdate(v);
      }
    })();
    this.#inFlight = run;
    await run;
    if (!this.#running) return;
    const delay =
      this.#failures === 0
        ? this.pollIntervalMs
        : Math.min(this.maxBackoffMs, this.pollIntervalMs * 2 ** Math.min(this.#failures, 30));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#poll();
    }, delay);
  }

  #emitUpdate(v: Observation): void {
    const stale = this.#isStale(v);
    this.#lastStale.set(v.symbol, stale);
    this.emit('update', { ...v, stale });
  }
}
