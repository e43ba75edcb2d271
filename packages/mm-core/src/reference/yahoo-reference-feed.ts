/**
 * A {@link ReferenceFeed} on Yahoo Finance (yahoo-finance2): S&P 500 `^GSPC` and VIX `^VIX`.
 *
 * @module
 */
import { MmCoreError } from '../errors.js';
import type { ReferenceFeed } from '../ports/reference-feed.js';
import { type Observation, PollingFeed, type PollingFeedConfig } from './polling-feed.js';

/** The fields of a yahoo-finance2 `quote()` result this feed reads. */
export interface YahooQuoteLike {
  /** The symbol, for example `'^GSPC'`. */
  readonly symbol: string;
  /** Last price of the regular session. */
  readonly regularMarketPrice?: number | undefined;
  /** When that price was observed (yahoo-finance2 returns a `Date`). */
  readonly regularMarketTime?: Date | number | undefined;
}

/** The Yahoo client the feed calls; `yahoo-finance2` is adapted to it by default. */
export interface YahooQuoteClient {
  /** Quotes several symbols in one request. */
  quote(symbols: string[]): Promise<readonly YahooQuoteLike[]>;
}

/** Options of {@link YahooReferenceFeed}. */
export interface YahooReferenceFeedConfig extends PollingFeedConfig {
  /**
   * Symbols to poll.
   * @defaultValue `['^GSPC', '^VIX']`
   */
  readonly symbols?: readonly string[];
  /**
   * The Yahoo client.
   * @defaultValue a `yahoo-finance2` instance, loaded on first use
   */
  readonly client?: YahooQuoteClient;
}

async function defaultClient(): Promise<YahooQuoteClient> {
  const { default: YahooFinance } = await import('yahoo-finance2');
  const yf = new YahooFinance({ suppressNotices: ['yahooSurvey'] });
  return {
    quote: async (symbols) => {
      const out = await yf.quote(symbols);
      return out as readonly YahooQuoteLike[];
    },
  };
}

/**
 * Polls Yahoo Finance for index and volatility levels.
 *
 * @remarks Polls every `pollIntervalMs` (default 15 s); on a failure it emits `error`, keeps the
 * last good values (marked stale) and backs off, doubling the wait up to `maxBackoffMs`. A value
 * whose `regularMarketTime` is older than `staleAfterMs` (default 120 s) is stale, so outside
 * NYSE hours `^GSPC` is reported stale rather than presented as live. A quote without a finite
 * positive price or a timestamp is a failure: no number is ever made up. The client is injectable
 * so tests run offline.
 * @example
 * ```ts
 * const feed = new YahooReferenceFeed({ pollIntervalMs: 10_000 });
 * feed.on('update', (p) => console.log(p.symbol, p.value, p.stale));
 * await feed.start();
 * const vix = feed.latest('^VIX')?.value;
 * await feed.stop();
 * ```
 */
export class YahooReferenceFeed extends PollingFeed implements ReferenceFeed {
  /** Always `'yahoo'`. */
  readonly source = 'yahoo';
  #client: YahooQuoteClient | undefined;

  /**
   * @param config - Options.
   * @throws {@link MmCoreConfigError} listing every invalid option.
   */
  constructor(config: YahooReferenceFeedConfig = {}) {
    super(config.symbols ?? ['^GSPC', '^VIX'], config, { pollIntervalMs: 15_000, staleAfterMs: 120_000 });
    this.#client = config.client;
  }

  protected override async fetchAll(): Promise<Observation[]> {
    this.#client ??= await defaultClient();
    let quotes: readonly YahooQuoteLike[];
    try {
      quotes = await this.#client.quote([...this.symbols]);
    } catch (err) {
      throw new MmCoreError('REFERENCE_FETCH_FAILED', `yahoo quote(${this.symbols.join(',')}) failed`, {
        cause: err,
      });
    }
    return this.symbols.map((symbol) => {
      const q = quotes.find((x) => x.symbol === symbol);
      const price = q?.regularMarketPrice;
      const time = q?.regularMarketTime;
      const tsMs = time instanceof Date ? time.getTime() : time;
      if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) {
        throw new MmCoreError('REFERENCE_INVALID', `yahoo returned no usable price for ${symbol}`);
      }
      if (typeof tsMs !== 'number' || !Number.isFinite(tsMs)) {
        throw new MmCoreError('REFERENCE_INVALID', `yahoo returned no regularMarketTime for ${symbol}`);
      }
      return { symbol, value: price, tsMs, source: this.source };
    });
  }
}
