/**
 * A {@link ReferenceFeed} that replays recorded values from a CSV file.
 *
 * @module
 */
import { readFile } from 'node:fs/promises';
import { EventEmitter } from 'eventemitter3';
import { MmCoreConfigError, MmCoreError } from '../errors.js';
import type { ReferenceFeed, ReferenceFeedEvents, ReferencePrice } from '../ports/reference-feed.js';

/** One recorded observation. */
export interface ReplayRecord {
  /** Observation time, Unix ms. */
  readonly tsMs: number;
  /** Symbol, for example `'^GSPC'`. */
  readonly symbol: string;
  /** Value. */
  readonly value: number;
}

const SYMBOL_RE = /^[A-Za-z0-9^._=-]{1,32}$/;
const NUMBER_RE = /^-?\d+(\.\d+)?$/;

/**
 * Parses replay CSV text: one `ts_ms,symbol,value` record a line.
 *
 * @remarks An optional first line `ts_ms,symbol,value` is a header; blank lines and lines starting
 * with `#` are ignored. `ts_ms` is an integer Unix ms, `symbol` is 1-32 characters of
 * `[A-Za-z0-9^._=-]`, `value` a plain decimal. Timestamps must not decrease.
 * @throws {@link MmCoreError} `INVALID_REPLAY` naming the first bad line number (1-based).
 * @example
 * ```ts
 * parseReplayCsv('ts_ms,symbol,value\n1773410400000,^GSPC,6612.34\n');
 * // [{ tsMs: 1773410400000, symbol: '^GSPC', value: 6612.34 }]
 * ```
 */
export function parseReplayCsv(text: string): ReplayRecord[] {
  const out: ReplayRecord[] = [];
  const lines = text.split(/\r?\n/);
  let lastTs = Number.NEGATIVE_INFINITY;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const n = i + 1;
    if (line === '' || line.startsWith('#')) return;
    if (
      out.length === 0 &&
      lastTs === Number.NEGATIVE_INFINITY &&
      line.replace(/\s/g, '') === 'ts_ms,symbol,value'
    )
      return;
    const fail = (why: string) =>
      new MmCoreError('INVALID_REPLAY', `replay line ${n}: ${why}: ${JSON.stringify(raw)}`);
    const parts = line.split(',').map((p) => p.trim());
    if (parts.length !== 3) throw fail('expected 3 fields ts_ms,symbol,value');
    const [ts, symbol, value] = parts as [string, string, string];
    if (!/^\d{1,16}$/.test(ts) || !Number.isSafeInteger(Number(ts)))
      throw fail('ts_ms must be an integer Unix ms');
    if (!SYMBOL_RE.test(symbol)) throw fail('invalid symbol');
    if (!NUMBER_RE.test(value)) throw fail('value must be a decimal number');
    const tsMs = Number(ts);
    if (tsMs < lastTs) throw fail(`ts_ms goes backwards (previous ${lastTs})`);
    lastTs = tsMs;
    out.push({ tsMs, symbol, value: Number(value) });
  });
  return out;
}

/** Options of {@link ReplayReferenceFeed}; give exactly one of `path`, `text` or `records`. */
export interface ReplayReferenceFeedConfig {
  /** A CSV file to read at `start()`. */
  readonly path?: string;
  /** CSV text. */
  readonly text?: string;
  /** Records already parsed (sorted by time). */
  readonly records?: readonly ReplayRecord[];
  /**
   * Replay ms per wall ms (2 = twice as fast).
   * @defaultValue 1
   */
  readonly speed?: number;
  /**
   * Replay time to start from, Unix ms.
   * @defaultValue the first record's time
   */
  readonly startAtMs?: number;
  /**
   * A value older than this on the replay clock is stale, replay ms.
   * @defaultValue 60,000
   */
  readonly staleAfterMs?: number;
  /**
   * Wall clock, Unix ms.
   * @defaultValue `Date.now`
   */
  readonly now?: () => number;
}

/**
 * Replays recorded reference values on a replay clock.
 *
 * @remarks The replay clock starts at `startAtMs` when `start()` is called and advances `speed`
 * replay ms per wall ms; each record is emitted (as an `update`) when the clock passes its time.
 * `start()` resolves after the records at or before the start time are applied. Staleness is judged
 * on the replay clock. After the last record the values stay and age into staleness. Timers are
 * cleared by `stop()`.
 * @throws {@link MmCoreConfigError} for invalid options; `start()` rejects with `INVALID_REPLAY`
 * for a bad file.
 * @example
 * ```ts
 * const feed = new ReplayReferenceFeed({ path: 'data/2026-03-13.csv', speed: 60 });
 * feed.on('update', (p) => strategy.onReference(p));
 * await feed.start();
 * ```
 */
export class ReplayReferenceFeed implements ReferenceFeed {
  /** Always `'replay'`. */
  readonly source = 'replay';
  readonly #config: ReplayReferenceFeedConfig;
  readonly #now: () => number;
  readonly #speed: number;
  readonly #staleAfterMs: number;
  readonly #emitter = new EventEmitter();
  readonly #values = new Map<string, ReplayRecord>();
  #records: readonly ReplayRecord[] = [];
  #next = 0;
  #wallStart = 0;
  #replayStart = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #symbols: string[] = [];

  /**
   * @param config - Options.
   * @throws {@link MmCoreConfigError} listing every invalid option.
   */
  constructor(config: ReplayReferenceFeedConfig) {
    const problems: string[] = [];
    const sources = [config.path, config.text, config.records].filter((x) => x !== undefined).length;
    if (sources !== 1) problems.push('give exactly one of path, text or records');
    this.#speed = config.speed ?? 1;
    this.#staleAfterMs = config.staleAfterMs ?? 60_000;
    if (!Number.isFinite(this.#speed) || this.#speed <= 0)
      problems.push(`speed must be > 0, got ${this.#speed}`);
    if (!Number.isFinite(this.#staleAfterMs) || this.#staleAfterMs <= 0)
      problems.push(`staleAfterMs must be > 0, got ${this.#staleAfterMs}`);
    if (problems.length > 0) throw new MmCoreConfigError(problems);
    this.#config = config;
    this.#now = config.now ?? Date.now;
    if (config.records !== undefined) this.#load(config.records);
    else if (config.text !== undefined) this.#load(parseReplayCsv(config.text));
  }

  /** Symbols seen in the recording (empty before a file is loaded). */
  get symbols(): readonly string[] {
    return this.#symbols;
  }

  #load(records: readonly ReplayRecord[]): void {
    this.#records = records;
    this.#symbols = [...new Set(records.map((r) => r.symbol))];
  }

  /**
   * The replay clock now, Unix ms.
   *
   * @example
   * ```ts
   * new Date(feed.replayNowMs());
   * ```
   */
  replayNowMs(): number {
    return this.#replayStart + (this.#now() - this.#wallStart) * this.#speed;
  }

  async start(): Promise<void> {
    if (this.#config.path !== undefined && this.#records.length === 0) {
      const text = await readFile(this.#config.path, 'utf8');
      try {
        this.#load(parseReplayCsv(text));
      } catch (err) {
        if (err instanceof MmCoreError) {
          throw new MmCoreError(err.code, `${this.#config.path}: ${err.message}`, { cause: err });
        }
        throw err;
      }
    }
    this.#wallStart = this.#now();
    this.#replayStart = this.#config.startAtMs ?? this.#records[0]?.tsMs ?? 0;
    this.#next = 0;
    this.#advance();
  }

  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  latest(symbol: string): ReferencePrice | undefined {
    const r = this.#values.get(symbol);
    return r === undefined ? undefined : this.#price(r);
  }

  on<E extends keyof ReferenceFeedEvents>(event: E, listener: ReferenceFeedEvents[E]): this {
    this.#emitter.on(event, listener);
    return this;
  }

  off<E extends keyof ReferenceFeedEvents>(event: E, listener: ReferenceFeedEvents[E]): this {
    this.#emitter.off(event, listener);
    return this;
  }

  #price(r: ReplayRecord): ReferencePrice {
    return {
      symbol: r.symbol,
      value: r.value,
      tsMs: r.tsMs,
      source: this.source,
      stale: this.replayNowMs() - r.tsMs > this.#staleAfterMs,
    };
  }

  #advance(): void {
    this.#timer = undefined;
    const now = this.replayNowMs();
    while (this.#next < this.#records.length && (this.#records[this.#next] as ReplayRecord).tsMs <= now) {
      const r = this.#records[this.#next++] as ReplayRecord;
      this.#values.set(r.symbol, r);
      this.#emitter.emit('update', this.#price(r));
    }
    const upcoming = this.#records[this.#next];
    if (upcoming !== undefined) {
      const waitMs = Math.max(0, Math.ceil((upcoming.tsMs - now) / this.#speed));
      this.#timer = setTimeout(() => this.#advance(), waitMs);
    }
  }
}
