/**
 * Wire types of markets, order books, trades and candlesticks.
 *
 * @module
 */
import type {
  BookSide,
  ExchangeIndex,
  FixedPointCount,
  FixedPointDollars,
  MarketResult,
  MarketStatus,
  MarketStatusFilter,
  MarketType,
  MveSelectedLeg,
  OutcomeSide,
  PageParams,
  PriceRange,
  Rfc3339,
  StrikeType,
  UnixSeconds,
} from './common.js';

/**
 * A market (one binary or scalar contract) in its 2026 shape.
 *
 * @remarks Prices are dollar strings (`_dollars`), counts 2-decimal strings (`_fp`). Legacy integer
 * cent and count fields are typed as optional and deprecated so old captures still parse.
 * @example
 * ```ts
 * const { market } = await client.markets.get('KXINXU-26AUG03H1600-T7224.9999');
 * const bid = parseDollars(market.yes_bid_dollars); // 5600 = $0.56
 * ```
 */
export interface Market {
  /** Market ticker. */
  ticker: string;
  /** Parent event ticker. */
  event_ticker: string;
  /** Binary or scalar. */
  market_type: MarketType;
  /** @deprecated Use the event title and `yes_sub_title`. */
  title?: string;
  /** @deprecated Use `yes_sub_title` / `no_sub_title`. */
  subtitle?: string;
  /** Short label of the YES outcome. */
  yes_sub_title: string;
  /** Short label of the NO outcome. */
  no_sub_title: string;
  /** Creation time. */
  created_time: Rfc3339;
  /** Last non-trading metadata update. */
  updated_time: Rfc3339;
  /** When trading opens. */
  open_time: Rfc3339;
  /** When trading closes (may move for early close). */
  close_time: Rfc3339;
  /** Expected determination time. */
  expected_expiration_time?: Rfc3339 | null;
  /** @deprecated Use `latest_expiration_time`. */
  expiration_time?: Rfc3339;
  /** Latest possible expiration. */
  latest_expiration_time: Rfc3339;
  /** Seconds between determination and settlement. */
  settlement_timer_seconds: number;
  /** Lifecycle status. */
  status: MarketStatus;
  /** Best YES bid (`"0.0000"` when none). */
  yes_bid_dollars: FixedPointDollars;
  /** Size at the best YES bid. */
  yes_bid_size_fp: FixedPointCount;
  /** Best YES ask (`"1.0000"` when none). */
  yes_ask_dollars: FixedPointDollars;
  /** Size at the best YES ask. */
  yes_ask_size_fp: FixedPointCount;
  /** Best NO bid. */
  no_bid_dollars: FixedPointDollars;
  /** Best NO ask. */
  no_ask_dollars: FixedPointDollars;
  /** Last traded YES price. */
  last_price_dollars: FixedPointDollars;
  /** Total contracts traded. */
  volume_fp: FixedPointCount;
  /** Contracts traded in the last 24 hours. */
  volume_24h_fp: FixedPointCount;
  /** Outcome once determined. */
  result: MarketResult;
  /** Whether the market may close before `close_time`. */
  can_close_early: boolean;
  /** Open interest in contracts. */
  open_interest_fp: FixedPointCount;
  /** Payout of one contract, normally `"1.0000"`. */
  notional_value_dollars: FixedPointDollars;
  /** YES bid a day ago. */
  previous_yes_bid_dollars: FixedPointDollars;
  /** YES ask a day ago. */
  previous_yes_ask_dollars: FixedPointDollars;
  /** Last price a day ago. */
  previous_price_dollars: FixedPointDollars;
  /** @deprecated Always `"0.0000"`. */
  liquidity_dollars?: FixedPointDollars;
  /** Settlement value of YES, once determined. */
  settlement_value_dollars?: FixedPointDollars | null;
  /** When the market settled. */
  settlement_ts?: Rfc3339 | null;
  /** Settlement bounds mode. */
  settlement_bounds_type?: 'default' | 'floor';
  /** Settlement floor when `settlement_bounds_type` is `floor`. */
  settlement_floor_dollars?: FixedPointDollars | null;
  /** Underlying value used to determine the market. */
  expiration_value: string;
  /** When the underlying event occurs. */
  occurrence_datetime?: Rfc3339 | null;
  /** End of a fee waiver, if any. */
  fee_waiver_expiration_time?: Rfc3339 | null;
  /** Condition for an early close. */
  early_close_condition?: string | null;
  /** How the strike is expressed. */
  strike_type?: StrikeType;
  /** Lower strike. */
  floor_strike?: number | null;
  /** Upper strike. */
  cap_strike?: number | null;
  /** Functional strike expression. */
  functional_strike?: string | null;
  /** Custom strike, for example `{"Index": "S&P 500"}`. */
  custom_strike?: Record<string, unknown> | null;
  /** Main rules text. */
  rules_primary: string;
  /** Secondary rules text. */
  rules_secondary: string;
  /** Combo collection, for multivariate markets. */
  mve_collection_ticker?: string;
  /** Combo legs, for multivariate markets. */
  mve_selected_legs?: MveSelectedLeg[];
  /** Participant key. */
  primary_participant_key?: string | null;
  /** Name of the price grid, for example `linear_cent`. */
  price_level_structure: string;
  /** The price grid: a price is valid only on a band's steps. */
  price_ranges: PriceRange[];
  /** Whether the market is provisional. */
  is_provisional?: boolean;
  /** The shard that trades this market. */
  exchange_index?: ExchangeIndex;
  /** Series ticker (seen in captures, not in the schema). */
  series_ticker?: string;
  /** @deprecated Legacy integer cents. */
  yes_bid?: number;
  /** @deprecated Legacy integer cents. */
  yes_ask?: number;
  /** @deprecated Legacy integer cents. */
  no_bid?: number;
  /** @deprecated Legacy integer cents. */
  no_ask?: number;
  /** @deprecated Legacy integer cents. */
  last_price?: number;
  /** @deprecated Legacy integer count. */
  volume?: number;
  /** @deprecated Legacy integer count. */
  volume_24h?: number;
  /** @deprecated Legacy integer count. */
  open_interest?: number;
  /** @deprecated Legacy integer cents; removed 2026-05-07. */
  tick_size?: number;
  /** @deprecated Always `usd_cent`; removed 2026-07-09. */
  response_price_units?: string;
  /** @deprecated Always true; removed 2026-07-09. */
  fractional_trading_enabled?: boolean;
  /** @deprecated Removed in 2026. */
  category?: string;
}

/** Query of `GET /markets`. */
export interface GetMarketsParams extends PageParams {
  /** Only markets of this event. */
  event_ticker?: string;
  /** Only markets of this series. */
  series_ticker?: string;
  /** Comma-separated market tickers. */
  tickers?: string;
  /** One status filter. */
  status?: MarketStatusFilter;
  /** Multivariate filter. */
  mve_filter?: 'only' | 'exclude';
  /** Created at or after (Unix s). */
  min_created_ts?: UnixSeconds;
  /** Created at or before (Unix s). */
  max_created_ts?: UnixSeconds;
  /** Updated at or after (Unix s). */
  min_updated_ts?: UnixSeconds;
  /** Updated at or before (Unix s). */
  max_updated_ts?: UnixSeconds;
  /** Closing at or after (Unix s). */
  min_close_ts?: UnixSeconds;
  /** Closing at or before (Unix s). */
  max_close_ts?: UnixSeconds;
  /** Settled at or after (Unix s). */
  min_settled_ts?: UnixSeconds;
  /** Settled at or before (Unix s). */
  max_settled_ts?: UnixSeconds;
}

/** Response of `GET /markets`. */
export interface GetMarketsResponse {
  /** One page of markets. */
  markets: Market[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** Response of `GET /markets/{ticker}`. */
export interface GetMarketResponse {
  /** The market. */
  market: Market;
}

/** One order book level: `[price_dollars, count_fp]`. */
export type PriceLevelDollarsCountFp = [FixedPointDollars, FixedPointCount];

/**
 * Both bid ladders of a market: YES bids and NO bids (NO priced in NO terms).
 *
 * @remarks Levels are sorted ascending by price; the best bid is the last element.
 */
export interface OrderbookFp {
  /** YES bids. */
  yes_dollars: PriceLevelDollarsCountFp[];
  /** NO bids. */
  no_dollars: PriceLevelDollarsCountFp[];
}

/** @deprecated The pre-2026-03 order book shape with integer cents and counts. */
export interface LegacyOrderbook {
  /** YES bids in cents. */
  yes?: [number, number][] | null;
  /** NO bids in cents. */
  no?: [number, number][] | null;
  /** YES bids with dollar prices. */
  yes_dollars?: [FixedPointDollars, number][] | null;
  /** NO bids with dollar prices. */
  no_dollars?: [FixedPointDollars, number][] | null;
}

/** Query of `GET /markets/{ticker}/orderbook`. */
export interface GetOrderbookParams {
  /** Levels per side, 0-100 (0 = all). */
  depth?: number;
}

/**
 * Response of `GET /markets/{ticker}/orderbook`.
 *
 * @example
 * ```ts
 * const { orderbook_fp } = await client.markets.orderbook('KXINX-26NOV25H1600-B6612');
 * const bestYesBid = orderbook_fp.yes_dollars.at(-1);
 * ```
 */
export interface GetOrderbookResponse {
  /** The book. */
  orderbook_fp: OrderbookFp;
  /** @deprecated Pre-2026-03 shape. */
  orderbook?: LegacyOrderbook;
}

/** Query of `GET /markets/orderbooks`. */
export interface GetOrderbooksParams {
  /** Market tickers (1-100); sent as a repeated query parameter. */
  tickers: string[];
}

/** The book of one market inside a multi-book response. */
export interface MarketOrderbookFp {
  /** Market ticker. */
  ticker: string;
  /** The book. */
  orderbook_fp: OrderbookFp;
}

/** Response of `GET /markets/orderbooks`. */
export interface GetOrderbooksResponse {
  /** One book per requested market. */
  orderbooks: MarketOrderbookFp[];
}

/** A public trade. */
export interface Trade {
  /** Trade id. */
  trade_id: string;
  /** Market ticker. */
  ticker: string;
  /** Contracts traded. */
  count_fp: FixedPointCount;
  /** YES price. */
  yes_price_dollars: FixedPointDollars;
  /** NO price. */
  no_price_dollars: FixedPointDollars;
  /** @deprecated Use `taker_outcome_side` / `taker_book_side`. */
  taker_side?: OutcomeSide;
  /** Outcome the taker bought. */
  taker_outcome_side: OutcomeSide;
  /** YES-book side of the taker. */
  taker_book_side: BookSide;
  /** Execution time. */
  created_time: Rfc3339;
  /** Whether this was a block trade. */
  is_block_trade: boolean;
  /** @deprecated Legacy integer count. */
  count?: number;
  /** @deprecated Legacy integer cents. */
  yes_price?: number;
  /** @deprecated Legacy integer cents. */
  no_price?: number;
}

/** Query of `GET /markets/trades` and `GET /historical/trades`. */
export interface GetTradesParams extends PageParams {
  /** Only this market. */
  ticker?: string;
  /** At or after (Unix s). */
  min_ts?: UnixSeconds;
  /** At or before (Unix s). */
  max_ts?: UnixSeconds;
  /** Only block trades (true) or only non-block trades (false). */
  is_block_trade?: boolean;
}

/** Response of `GET /markets/trades`. */
export interface GetTradesResponse {
  /** One page of trades. */
  trades: Trade[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** Open/low/high/close of a bid or ask over a candle. */
export interface BidAskDistribution {
  /** Value at the start. */
  open_dollars: FixedPointDollars;
  /** Lowest value. */
  low_dollars: FixedPointDollars;
  /** Highest value. */
  high_dollars: FixedPointDollars;
  /** Value at the end. */
  close_dollars: FixedPointDollars;
}

/** Trade price statistics over a candle (null when nothing traded). */
export interface PriceDistribution {
  /** First trade price. */
  open_dollars?: FixedPointDollars | null;
  /** Lowest trade price. */
  low_dollars?: FixedPointDollars | null;
  /** Highest trade price. */
  high_dollars?: FixedPointDollars | null;
  /** Last trade price. */
  close_dollars?: FixedPointDollars | null;
  /** Volume-weighted mean price. */
  mean_dollars?: FixedPointDollars | null;
  /** Close of the previous candle. */
  previous_dollars?: FixedPointDollars | null;
  /** Minimum price. */
  min_dollars?: FixedPointDollars | null;
  /** Maximum price. */
  max_dollars?: FixedPointDollars | null;
}

/** One candle of a market. */
export interface MarketCandlestick {
  /** End of the period (Unix s). */
  end_period_ts: UnixSeconds;
  /** YES bid over the period. */
  yes_bid: BidAskDistribution;
  /** YES ask over the period. */
  yes_ask: BidAskDistribution;
  /** Trade prices over the period. */
  price: PriceDistribution;
  /** Contracts traded. */
  volume_fp: FixedPointCount;
  /** Open interest at the end. */
  open_interest_fp: FixedPointCount;
}

/** Candle length in minutes. */
export type PeriodInterval = 1 | 60 | 1440;

/** Query of the candlestick endpoints. */
export interface GetCandlesticksParams {
  /** Start (Unix s). */
  start_ts: UnixSeconds;
  /** End (Unix s). */
  end_ts: UnixSeconds;
  /** Candle length in minutes. */
  period_interval: PeriodInterval;
  /** Include the last candle before `start_ts`. */
  include_latest_before_start?: boolean;
}

/** Response of `GET /series/{series_ticker}/markets/{ticker}/candlesticks`. */
export interface GetMarketCandlesticksResponse {
  /** Market ticker. */
  ticker: string;
  /** Candles, oldest first. */
  candlesticks: MarketCandlestick[];
}

/** Query of `GET /markets/candlesticks`. */
export interface BatchGetMarketCandlesticksParams extends GetCandlesticksParams {
  /** Comma-separated market tickers (up to 100). */
  market_tickers: string;
}

/** Candles of one market in a batch response. */
export interface MarketCandlesticks {
  /** Market ticker. */
  market_ticker: string;
  /** Candles, oldest first. */
  candlesticks: MarketCandlestick[];
}

/** Response of `GET /markets/candlesticks`. */
export interface BatchGetMarketCandlesticksResponse {
  /** One entry per market. */
  markets: MarketCandlesticks[];
}

/** Query of `GET /series/{series_ticker}/events/{ticker}/candlesticks`. */
export interface GetEventCandlesticksParams {
  /** Start (Unix s). */
  start_ts: UnixSeconds;
  /** End (Unix s). */
  end_ts: UnixSeconds;
  /** Candle length in minutes. */
  period_interval: PeriodInterval;
}

/** Response of `GET /series/{series_ticker}/events/{ticker}/candlesticks`. */
export interface GetEventCandlesticksResponse {
  /** Markets, in the order of `market_candlesticks`. */
  market_tickers: string[];
  /** Candles per market. */
  market_candlesticks: MarketCandlestick[][];
  /** End actually covered; request again from here when more than 5,000 candles. */
  adjusted_end_ts: UnixSeconds;
}

/** Query of `GET /series/{series_ticker}/events/{ticker}/forecast_percentile_history`. */
export interface GetEventForecastPercentilesHistoryParams {
  /** Percentiles to return (0-9999). */
  percentiles: number[];
  /** Start (Unix s). */
  start_ts: UnixSeconds;
  /** End (Unix s). */
  end_ts: UnixSeconds;
  /** Period in minutes (0, 1, 60 or 1440). */
  period_interval: 0 | PeriodInterval;
}

/** One forecast percentile value. */
export interface PercentilePoint {
  /** Percentile (0-9999). */
  percentile: number;
  /** Raw forecast. */
  raw_numerical_forecast: number;
  /** Rounded forecast. */
  numerical_forecast: number;
  /** Display string. */
  formatted_forecast: string;
}

/** Forecast percentiles of an event at one time. */
export interface ForecastPercentilesPoint {
  /** The event. */
  event_ticker: string;
  /** End of the period (Unix s). */
  end_period_ts: UnixSeconds;
  /** Period in minutes. */
  period_interval: number;
  /** Values per percentile. */
  percentile_points: PercentilePoint[];
}

/** Response of `GET /series/{series_ticker}/events/{ticker}/forecast_percentile_history`. */
export interface GetEventForecastPercentilesHistoryResponse {
  /** History, oldest first. */
  forecast_history: ForecastPercentilesPoint[];
}
