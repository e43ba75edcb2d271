/**
 * Wire types of the historical partition (`/historical/*`).
 *
 * @module
 */
import type { FixedPointCount, FixedPointDollars, PageParams, Rfc3339, UnixSeconds } from './common.js';

/** Response of `GET /historical/cutoff`: live endpoints only hold data newer than these. */
export interface GetHistoricalCutoffResponse {
  /** Markets settled before this are historical. */
  market_settled_ts: Rfc3339;
  /** Trades created before this are historical. */
  trades_created_ts: Rfc3339;
  /** Orders updated before this are historical. */
  orders_updated_ts: Rfc3339;
  /** Positions last updated before this are historical. */
  market_positions_last_updated_ts?: Rfc3339;
}

/** Query of `GET /historical/markets`. */
export interface GetHistoricalMarketsParams extends PageParams {
  /** Comma-separated market tickers. */
  tickers?: string;
  /** Only this event. */
  event_ticker?: string;
  /** Only this series. */
  series_ticker?: string;
  /** Exclude multivariate markets. */
  mve_filter?: 'exclude';
}

/** Open/low/high/close of a historical bid or ask. */
export interface BidAskDistributionHistorical {
  /** Open. */
  open: FixedPointDollars;
  /** Low. */
  low: FixedPointDollars;
  /** High. */
  high: FixedPointDollars;
  /** Close. */
  close: FixedPointDollars;
}

/** Historical trade price statistics (null when nothing traded). */
export interface PriceDistributionHistorical {
  /** Open. */
  open: FixedPointDollars | null;
  /** Low. */
  low: FixedPointDollars | null;
  /** High. */
  high: FixedPointDollars | null;
  /** Close. */
  close: FixedPointDollars | null;
  /** Mean. */
  mean: FixedPointDollars | null;
  /** Previous close. */
  previous: FixedPointDollars | null;
}

/** A historical candle. */
export interface MarketCandlestickHistorical {
  /** End of the period (Unix s). */
  end_period_ts: UnixSeconds;
  /** YES bid. */
  yes_bid: BidAskDistributionHistorical;
  /** YES ask. */
  yes_ask: BidAskDistributionHistorical;
  /** Trade prices. */
  price: PriceDistributionHistorical;
  /** Volume. */
  volume: FixedPointCount;
  /** Open interest. */
  open_interest: FixedPointCount;
}

/** Query of `GET /historical/markets/{ticker}/candlesticks`. */
export interface GetHistoricalCandlesticksParams {
  /** Start (Unix s). */
  start_ts: UnixSeconds;
  /** End (Unix s). */
  end_ts: UnixSeconds;
  /** Candle length in minutes (1, 60 or 1440). */
  period_interval: 1 | 60 | 1440;
}

/** Response of `GET /historical/markets/{ticker}/candlesticks`. */
export interface GetHistoricalCandlesticksResponse {
  /** Market ticker. */
  ticker: string;
  /** Candles, oldest first. */
  candlesticks: MarketCandlestickHistorical[];
}
