/**
 * Finds a trading day's S&P 500 markets through the REST API.
 *
 * @module
 */
import type { GetMarketsParams, GetMarketsResponse } from '@mnquants/kalshi-sdk';
import { addDays, easternWallTimeToMs } from '../calendar/eastern-time.js';
import type { NyseCalendar } from '../calendar/nyse-calendar.js';
import { MmCoreError } from '../errors.js';
import { type SpxContract, type SpxMarketFields, trySpxContractFromMarket } from './spx-contract.js';
import type { SpxSeries } from './spx-ticker.js';

/**
 * The narrow market-listing dependency of {@link findSpxMarkets}; the SDK's `KalshiClient`
 * satisfies it (`client.markets.list`), and tests can pass a fake.
 */
export interface SpxMarketSource {
  /** The markets resource. */
  readonly markets: {
    /** `GET /markets` with Kalshi's query parameters; one page per call. */
    list(
      params: GetMarketsParams,
    ): Promise<Pick<GetMarketsResponse, 'cursor'> & { markets: readonly SpxMarketFields[] }>;
  };
}

/** Options of {@link findSpxMarkets}. */
export interface FindSpxMarketsOptions {
  /** The series to list, for example `'KXINX'` or `'KXINXU'`. */
  readonly series: SpxSeries;
  /**
   * The Eastern date `YYYY-MM-DD`; when absent, today's session if it has not closed yet at
   * `nowMs`, else the next trading day (from `calendar`).
   */
  readonly date?: string;
  /** Required when `date` is absent. */
  readonly calendar?: NyseCalendar;
  /**
   * Now, Unix ms.
   * @defaultValue `Date.now()`
   */
  readonly nowMs?: number;
  /**
   * Market status filter.
   * @defaultValue `'open'`; pass `null` for all statuses.
   */
  readonly status?: GetMarketsParams['status'] | null;
  /**
   * Safety limit on pages fetched (1,000 markets each).
   * @defaultValue 20
   */
  readonly maxPages?: number;
}

/** Result of {@link findSpxMarkets}. */
export interface SpxMarketSet {
  /** The Eastern date searched. */
  readonly date: string;
  /** Contracts on that date, sorted by event ticker then by strike. */
  readonly contracts: readonly SpxContract[];
  /** Markets returned by the API that could not be described, with the reason (never dropped silently). */
  readonly skipped: readonly { readonly ticker: string; readonly reason: string }[];
}

/**
 * Lists one series' S&P 500 markets for a trading day (today's, or the next trading day's).
 *
 * @remarks Queries `GET /markets` by `series_ticker` and close time within the Eastern day, follows
 * cursors to the end, keeps markets whose ticker date is that day, and builds an
 * {@link SpxContract} for each (Market strike fields win over the ticker).
 * @throws {@link MmCoreError} `INVALID_CONFIG` when neither `date` nor `calendar` is given,
 * `TOO_MANY_PAGES` past `maxPages`; errors of the source propagate.
 * @example
 * ```ts
 * const { contracts } = await findSpxMarkets(client, { series: 'KXINX', calendar: new NyseCalendar() });
 * const near = selectSpxStrikes(contracts, 6612.34, { neighbours: 2 });
 * ```
 */
export async function findSpxMarkets(
  source: SpxMarketSource,
  options: FindSpxMarketsOptions,
): Promise<SpxMarketSet> {
  let date = options.date;
  if (date === undefined) {
    if (options.calendar === undefined) {
      throw new MmCoreError(
        'INVALID_CONFIG',
        'findSpxMarkets needs a date or a calendar to pick the trading day',
      );
    }
    date = options.calendar.currentOrNextSession(options.nowMs ?? Date.now()).date;
  }
  const fromS = Math.floor(easternWallTimeToMs(date, 0, 0) / 1000);
  const toS = Math.floor(easternWallTimeToMs(addDays(date, 1), 0, 0) / 1000) - 1;
  const status = options.status === undefined ? 'open' : options.status;
  const maxPages = options.maxPages ?? 20;
  const contracts: SpxContract[] = [];
  const skipped: { ticker: string; reason: string }[] = [];
  let cursor: string | undefined;
  for (let page = 0; ; page++) {
    if (page >= maxPages) {
      throw new MmCoreError(
        'TOO_MANY_PAGES',
        `more than ${maxPages} pages of ${options.series} markets for ${date}`,
      );
    }
    const params: GetMarketsParams = {
      series_ticker: options.series,
      min_close_ts: fromS,
      max_close_ts: toS,
      limit: 1000,
      ...(status === null ? {} : { status }),
      ...(cursor ? { cursor } : {}),
    };
    const res = await source.markets.list(params);
    for (const m of res.markets) {
      const r = trySpxContractFromMarket(m);
      if (!r.ok) skipped.push({ ticker: m.ticker, reason: r.error.message });
      else if (r.contract.date !== date || r.contract.series !== options.series)
        skipped.push({ ticker: m.ticker, reason: `ticker is for ${r.contract.series} ${r.contract.date}` });
      else contracts.push(r.contract);
    }
    cursor = res.cursor || undefined;
    if (!cursor) break;
  }
  const key = (c: SpxContract) =>
    c.strike.type === 'less' || c.strike.type === 'less_or_equal'
      ? Number.NEGATIVE_INFINITY
      : (c.strike.floor ?? 0);
  contracts.sort((a, b) =>
    a.eventTicker === b.eventTicker ? key(a) - key(b) : a.eventTicker < b.eventTicker ? -1 : 1,
  );
  return { date, contracts, skipped };
}
