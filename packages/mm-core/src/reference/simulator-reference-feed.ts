/**
 * A {@link ReferenceFeed} on the simulator's `GET /x-sim/index` endpoint.
 *
 * @module
 */
import { MmCoreError } from '../errors.js';
import type { ReferenceFeed } from '../ports/reference-feed.js';
import { type Observation, PollingFeed, type PollingFeedConfig } from './polling-feed.js';

/** Options of {@link SimulatorReferenceFeed}. */
export interface SimulatorReferenceFeedConfig extends PollingFeedConfig {
  /** The simulator's REST base URL, ending in `/trade-api/v2`. */
  readonly restUrl: string;
  /**
   * `fetch` implementation.
   * @defaultValue `globalThis.fetch`
   */
  readonly fetch?: typeof fetch;
  /**
   * Per-request timeout, ms.
   * @defaultValue 5,000
   */
  readonly timeoutMs?: number;
}

/** The simulator's clock and session, as last reported. */
export interface SimulatorClock {
  /** Simulated time at the last poll, Unix ms. */
  readonly simTimeMs: number;
  /** Simulated ms per wall ms. */
  readonly speed: number;
  /** Wall time of the last poll, Unix ms. */
  readonly receivedAtMs: number;
  /** The simulated NYSE session, if the simulator reports one. */
  readonly session: { readonly openMs: number; readonly closeMs: number } | null;
}

const DECIMAL_RE = /^\d+(\.\d+)?$/;

function bad(why: string): MmCoreError {
  return new MmCoreError('REFERENCE_INVALID', `simulator /x-sim/index: ${why}`);
}

function readPoint(body: Record<string, unknown>, key: string): Observation {
  const p = body[key] as Record<string, unknown> | undefined;
  if (typeof p !== 'object' || p === null) throw bad(`missing "${key}" object`);
  if (typeof p.symbol !== 'string' || p.symbol === '') throw bad(`${key}.symbol must be a string`);
  if (typeof p.value !== 'string' || !DECIMAL_RE.test(p.value))
    throw bad(`${key}.value must be a decimal string`);
  if (typeof p.ts_ms !== 'number' || !Number.isFinite(p.ts_ms)) throw bad(`${key}.ts_ms must be a number`);
  return { symbol: p.symbol, value: Number(p.value), tsMs: p.ts_ms, source: 'kalshi-sim' };
}

/**
 * Polls the simulator for its synthetic S&P 500 level and volatility.
 *
 * @remarks Reads `GET {restUrl}/x-sim/index` (no auth): `{index:{symbol,value,ts_ms},
 * volatility:{...}, sim_time_ms, speed, session:{open_ts_ms, close_ts_ms}}`. Staleness is judged on
 * the simulator's clock (the last `sim_time_ms` advanced by `speed` times the wall time since),
 * not on the wall clock, so a fast-forwarded simulation stays consistent. Defaults: poll every
 * 1,000 ms, stale after 5,000 simulated ms. Failures keep the last values, mark them stale, emit
 * `error` and back off.
 * @example
 * ```ts
 * const feed = new SimulatorReferenceFeed({ restUrl: sim.restUrl });
 * await feed.start();
 * const spx = feed.latest('^GSPC'); // { value: 6612.34, stale: false, source: 'kalshi-sim', ... }
 * await feed.stop();
 * ```
 */
export class SimulatorReferenceFeed extends PollingFeed implements ReferenceFeed {
  /** Always `'kalshi-sim'`. */
  readonly source = 'kalshi-sim';
  readonly #url: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  #clock: SimulatorClock | undefined;

  /**
   * @param config - Options.
   * @throws {@link MmCoreConfigError} listing every invalid option.
   */
  constructor(config: SimulatorReferenceFeedConfig) {
    const problems: string[] = [];
    let url = '';
    try {
      url = `${new URL(config.restUrl).toString().replace(/\/+$/, '')}/x-sim/index`;
    } catch {
      problems.push(`restUrl must be an absolute URL, got ${JSON.stringify(config.restUrl)}`);
    }
    const timeoutMs = config.timeoutMs ?? 5_000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
      problems.push(`timeoutMs must be > 0, got ${timeoutMs}`);
    super(['^GSPC', '^VIX'], config, { pollIntervalMs: 1_000, staleAfterMs: 5_000 }, problems);
    this.#url = url;
    this.#fetch = config.fetch ?? globalThis.fetch;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * The simulator's clock and session from the last successful poll, or `undefined`.
   *
   * @example
   * ```ts
   * const c = feed.simClock();
   * if (c?.session) console.log('sim close at', new Date(c.session.closeMs));
   * ```
   */
  simClock(): SimulatorClock | undefined {
    return this.#clock;
  }

  /**
   * The simulator's current time, extrapolated from the last poll, Unix ms, or `undefined`.
   *
   * @example
   * ```ts
   * const simNow = feed.simNowMs() ?? Date.now();
   * ```
   */
  simNowMs(): number | undefined {
    const c = this.#clock;
    return c === undefined ? undefined : c.simTimeMs + (this.now() - c.receivedAtMs) * c.speed;
  }

  protected override staleClockMs(): number {
    return this.simNowMs() ?? this.now();
  }

  protected override async fetchAll(signal: AbortSignal): Promise<Observation[]> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    let res: Response;
    try {
      res = await this.#fetch(this.#url, { signal: AbortSignal.any([signal, timeout]) });
    } catch (err) {
      throw new MmCoreError('REFERENCE_FETCH_FAILED', `GET ${this.#url} failed`, { cause: err });
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new MmCoreError('REFERENCE_FETCH_FAILED', `GET ${this.#url} returned HTTP ${res.status}`);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch (err) {
      throw new MmCoreError('REFERENCE_INVALID', `GET ${this.#url}: body is not JSON`, { cause: err });
    }
    if (typeof body !== 'object' || body === null) throw bad('body is not an object');
    const b = body as Record<string, unknown>;
    const index = readPoint(b, 'index');
    const vol = readPoint(b, 'volatility');
    if (typeof b.sim_time_ms !== 'number' || !Number.isFinite(b.sim_time_ms))
      throw bad('sim_time_ms must be a number');
    if (typeof b.speed !== 'number' || !Number.isFinite(b.speed) || b.speed < 0)
      throw bad('speed must be a number >= 0');
    const s = b.session as Record<string, unknown> | undefined | null;
    const session =
      s && typeof s.open_ts_ms === 'number' && typeof s.close_ts_ms === 'number'
        ? { openMs: s.open_ts_ms, closeMs: s.close_ts_ms }
        : null;
    this.#clock = { simTimeMs: b.sim_time_ms, speed: b.speed, receivedAtMs: this.now(), session };
    return [index, vol];
  }
}
