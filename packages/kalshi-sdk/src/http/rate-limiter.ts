/**
 * Client-side token buckets mirroring Kalshi's read and write budgets (kalshi-api.md §8.5).
 *
 * @module
 */
import { KalshiConfigurationError, KalshiError } from '../errors.js';

/** Kalshi's API usage tiers (token-bucket budgets since 2026-04-23). */
export type RateLimitTier = 'basic' | 'advanced' | 'expert' | 'premier' | 'paragon' | 'prime' | 'prestige';

/** Which bucket a request draws from. */
export type RateLimitBucket = 'read' | 'write';

/** Queue priority: `high` (cancels, decreases) is served before `normal` (creates, amends). */
export type RateLimitPriority = 'high' | 'normal';

/** One bucket's budget. */
export interface RateLimitBudget {
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Maximum tokens held (the burst). */
  capacity: number;
}

/** Budgets of both buckets. */
export interface RateLimitBudgets {
  /** The read bucket (GETs and anything that is not a write). */
  read: RateLimitBudget;
  /** The write bucket (order writes, order groups, RFQ quote flow). */
  write: RateLimitBudget;
}

/** The clock a {@link RateLimiter} waits on; injectable so tests can use fake timers. */
export interface RateLimiterClock {
  /** Current time in milliseconds (monotonic is best). */
  now(): number;
  /** Schedules `fn` after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels a timer returned by `setTimeout`. */
  clearTimeout(handle: unknown): void;
}

/** What a request waited for, reported to {@link RateLimiterOptions.onWait}. */
export interface RateLimitWait {
  /** The bucket. */
  bucket: RateLimitBucket;
  /** Tokens the request cost. */
  cost: number;
  /** The request's priority. */
  priority: RateLimitPriority;
  /** Time spent waiting, in milliseconds. */
  waitedMs: number;
}

/** Counters of one bucket. */
export interface RateLimitBucketStats {
  /** Tokens available now. */
  tokens: number;
  /** Requests waiting now. */
  queued: number;
  /** Requests served so far. */
  acquired: number;
  /** Requests that had to wait. */
  waited: number;
  /** Total waiting time, in milliseconds. */
  totalWaitMs: number;
}

/** Counters of both buckets. */
export interface RateLimitStats {
  /** The read bucket. */
  read: RateLimitBucketStats;
  /** The write bucket. */
  write: RateLimitBucketStats;
}

/**
 * Options of a {@link RateLimiter}.
 *
 * @example
 * ```ts
 * const options: RateLimiterOptions = {
 *   tier: 'advanced',
 *   budgets: { write: { refillPerSecond: 300, capacity: 600 } },
 *   onWait: (w) => console.debug(`waited ${w.waitedMs} ms for ${w.cost} ${w.bucket} tokens`),
 * };
 * const limiter = new RateLimiter(options);
 * ```
 */
export interface RateLimiterOptions {
  /**
   * Kalshi tier whose budgets to use; ignored for a bucket given in `budgets`.
   * @defaultValue `'basic'`
   */
  tier?: RateLimitTier;
  /** Explicit budgets (override the tier's). */
  budgets?: Partial<RateLimitBudgets>;
  /**
   * Clock used to refill and wait.
   * @defaultValue `performance.now` with the global timers
   */
  clock?: RateLimiterClock;
  /** Called whenever a request had to wait for tokens. */
  onWait?: (wait: RateLimitWait) => void;
}

/**
 * Read and write budgets of each tier, in tokens per second and bucket capacity.
 *
 * @remarks Basic and Advanced read buckets and every write bucket above Basic hold two seconds of
 * budget; the others hold one second.
 * @example
 * ```ts
 * RATE_LIMIT_TIERS.basic.write; // { refillPerSecond: 100, capacity: 100 }
 * ```
 */
export const RATE_LIMIT_TIERS: Readonly<Record<RateLimitTier, Readonly<RateLimitBudgets>>> = Object.freeze({
  basic: tier(200, 2, 100, 1),
  advanced: tier(300, 2, 300, 2),
  expert: tier(600, 1, 600, 2),
  premier: tier(1000, 1, 1000, 2),
  paragon: tier(2000, 1, 2000, 2),
  prime: tier(4000, 1, 4000, 2),
  prestige: tier(10000, 1, 8000, 2),
});

function tier(read: number, readSeconds: number, write: number, writeSeconds: number): RateLimitBudgets {
  return Object.freeze({
    read: Object.freeze({ refillPerSecond: read, capacity: read * readSeconds }),
    write: Object.freeze({ refillPerSecond: write, capacity: write * writeSeconds }),
  });
}

const defaultClock: RateLimiterClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

interface Waiter {
  cost: number;
  priority: RateLimitPriority;
  enqueuedAt: number;
  resolve: (waitedMs: number) => void;
  reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

class Bucket {
  tokens: number;
  last: number;
  readonly high: Waiter[] = [];
  readonly normal: Waiter[] = [];
  timer: unknown;
  acquired = 0;
  waited = 0;
  totalWaitMs = 0;
  constructor(
    readonly name: RateLimitBucket,
    public budget: RateLimitBudget,
    now: number,
  ) {
    this.tokens = budget.capacity;
    this.last = now;
  }
  refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(
        this.budget.capacity,
        this.tokens + ((now - this.last) * this.budget.refillPerSecond) / 1000,
      );
      this.last = now;
    }
  }
  head(): Waiter | undefined {
    return this.high[0] ?? this.normal[0];
  }
}

/**
 * Two token buckets (read and write) that make requests wait for tokens instead of drawing 429s.
 *
 * @remarks A request that finds enough tokens and nobody waiting passes immediately. Otherwise it
 * queues; high-priority requests (cancels, decreases) are served before normal ones, first in first
 * out within a priority, so a cancel never waits behind queued creates. Waiting time is reported to
 * `onWait` and summed in {@link RateLimiter.stats}. A request costing more than the bucket's capacity
 * can never pass and is rejected at once (Kalshi rejects such batches too).
 * @example
 * ```ts
 * const limiter = new RateLimiter({ tier: 'advanced', onWait: (w) => log.debug('rate wait', w) });
 * await limiter.acquire('write', 2, 'high'); // a V2 cancel
 * ```
 */
export class RateLimiter {
  readonly #clock: RateLimiterClock;
  readonly #onWait: ((wait: RateLimitWait) => void) | undefined;
  readonly #read: Bucket;
  readonly #write: Bucket;

  /** @throws {@link KalshiConfigurationError} for an unknown tier or a non-positive budget. */
  constructor(options: RateLimiterOptions = {}) {
    const tierName = options.tier ?? 'basic';
    const base = RATE_LIMIT_TIERS[tierName];
    if (base === undefined)
      throw new KalshiConfigurationError(`unknown rate limit tier "${String(tierName)}"`);
    const read = options.budgets?.read ?? base.read;
    const write = options.budgets?.write ?? base.write;
    const problems = [...checkBudget('read', read), ...checkBudget('write', write)];
    if (problems.length > 0) throw new KalshiConfigurationError(`invalid rate limit: ${problems.join('; ')}`);
    this.#clock = options.clock ?? defaultClock;
    this.#onWait = options.onWait;
    const now = this.#clock.now();
    this.#read = new Bucket('read', read, now);
    this.#write = new Bucket('write', write, now);
  }

  /** The budgets in force. */
  get budgets(): RateLimitBudgets {
    return { read: { ...this.#read.budget }, write: { ...this.#write.budget } };
  }

  /**
   * Waits until `cost` tokens are available in `bucket`, then takes them.
   *
   * @returns The time waited, in milliseconds (0 when served at once).
   * @throws {@link KalshiError} `RATE_LIMITED` when `cost` exceeds the bucket's capacity;
   * {@link KalshiError} `ABORTED` when `signal` aborts while waiting.
   * @example
   * ```ts
   * const waitedMs = await limiter.acquire('read', 10);
   * ```
   */
  acquire(
    bucket: RateLimitBucket,
    cost: number,
    priority: RateLimitPriority = 'normal',
    signal?: AbortSignal,
  ): Promise<number> {
    const b = bucket === 'read' ? this.#read : this.#write;
    if (cost > b.budget.capacity) {
      return Promise.reject(
        new KalshiError(
          'RATE_LIMITED',
          `request costs ${cost} tokens but the ${bucket} bucket holds at most ${b.budget.capacity}; split it`,
        ),
      );
    }
    const now = this.#clock.now();
    b.refill(now);
    if (b.head() === undefined && b.tokens >= cost) {
      b.tokens -= cost;
      b.acquired++;
      return Promise.resolve(0);
    }
    if (signal?.aborted) return Promise.reject(abortError(bucket));
    return new Promise<number>((resolve, reject) => {
      const w: Waiter = { cost, priority, enqueuedAt: now, resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        w.onAbort = () => {
          const q = w.priority === 'high' ? b.high : b.normal;
          const i = q.indexOf(w);
          if (i !== -1) q.splice(i, 1);
          reject(abortError(bucket));
          this.#schedule(b);
        };
        signal.addEventListener('abort', w.onAbort, { once: true });
      }
      (priority === 'high' ? b.high : b.normal).push(w);
      this.#schedule(b);
    });
  }

  /**
   * Empties a bucket after the server answered 429, so queued requests wait for a refill.
   *
   * @example
   * ```ts
   * limiter.drain('write');
   * ```
   */
  drain(bucket: RateLimitBucket): void {
    const b = bucket === 'read' ? this.#read : this.#write;
    b.refill(this.#clock.now());
    b.tokens = Math.min(b.tokens, 0);
  }

  /**
   * Replaces a bucket's budget (for example after reading `GET /account/limits`).
   *
   * @throws {@link KalshiConfigurationError} for a non-positive budget.
   * @example
   * ```ts
   * limiter.setBudget('write', { refillPerSecond: 300, capacity: 600 });
   * ```
   */
  setBudget(bucket: RateLimitBucket, budget: RateLimitBudget): void {
    const problems = checkBudget(bucket, budget);
    if (problems.length > 0) throw new KalshiConfigurationError(`invalid rate limit: ${problems.join('; ')}`);
    const b = bucket === 'read' ? this.#read : this.#write;
    b.refill(this.#clock.now());
    b.budget = { ...budget };
    b.tokens = Math.min(b.tokens, budget.capacity);
    this.#schedule(b);
  }

  /**
   * Current counters of both buckets.
   *
   * @example
   * ```ts
   * const { write } = limiter.stats();
   * console.log(write.queued, write.totalWaitMs);
   * ```
   */
  stats(): RateLimitStats {
    const now = this.#clock.now();
    return { read: this.#stats(this.#read, now), write: this.#stats(this.#write, now) };
  }

  /**
   * Rejects every waiting request and stops the timers (used when the client closes).
   *
   * @example
   * ```ts
   * limiter.close();
   * ```
   */
  close(): void {
    for (const b of [this.#read, this.#write]) {
      if (b.timer !== undefined) this.#clock.clearTimeout(b.timer);
      b.timer = undefined;
      for (const w of [...b.high.splice(0), ...b.normal.splice(0)]) {
        if (w.onAbort !== undefined) w.signal?.removeEventListener('abort', w.onAbort);
        w.reject(new KalshiError('ABORTED', `rate limiter closed while waiting for ${b.name} tokens`));
      }
    }
  }

  #stats(b: Bucket, now: number): RateLimitBucketStats {
    b.refill(now);
    return {
      tokens: b.tokens,
      queued: b.high.length + b.normal.length,
      acquired: b.acquired,
      waited: b.waited,
      totalWaitMs: b.totalWaitMs,
    };
  }

  #schedule(b: Bucket): void {
    if (b.timer !== undefined) {
      this.#clock.clearTimeout(b.timer);
      b.timer = undefined;
    }
    const now = this.#clock.now();
    b.refill(now);
    for (let w = b.head(); w !== undefined; w = b.head()) {
      if (b.tokens < w.cost) {
        const ms = Math.max(1, Math.ceil(((w.cost - b.tokens) * 1000) / b.budget.refillPerSecond));
        b.timer = this.#clock.setTimeout(() => {
          b.timer = undefined;
          this.#schedule(b);
        }, ms);
        return;
      }
      (w.priority === 'high' ? b.high : b.normal).shift();
      b.tokens -= w.cost;
      b.acquired++;
      b.waited++;
      const waitedMs = now - w.enqueuedAt;
      b.totalWaitMs += waitedMs;
      if (w.onAbort !== undefined) w.signal?.removeEventListener('abort', w.onAbort);
      this.#onWait?.({ bucket: b.name, cost: w.cost, priority: w.priority, waitedMs });
      w.resolve(waitedMs);
    }
  }
}

function checkBudget(name: string, b: RateLimitBudget | undefined): string[] {
  if (b === undefined) return [`${name} budget is missing`];
  const out: string[] = [];
  if (!(Number.isFinite(b.refillPerSecond) && b.refillPerSecond > 0)) {
    out.push(`${name}.refillPerSecond must be a positive number`);
  }
  if (!(Number.isFinite(b.capacity) && b.capacity > 0))
    out.push(`${name}.capacity must be a positive number`);
  return out;
}

function abortError(bucket: RateLimitBucket): KalshiError {
  return new KalshiError('ABORTED', `request aborted while waiting for ${bucket} tokens`);
}
