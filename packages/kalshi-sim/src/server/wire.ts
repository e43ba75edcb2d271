import {
  type EventData,
  type Fill,
  formatCount,
  formatDollars,
  formatMicros,
  type GetBalanceResponse,
  type Market,
  type MarketPosition,
  type Order,
  type Series,
  type Settlement,
  type Trade,
} from '@mnquants/kalshi-sdk';
import type {
  EngineBalance,
  EngineFill,
  EngineOrder,
  EngineOrderGroup,
  EnginePosition,
  EngineSettlement,
  EngineTrade,
  EventDefinition,
  MarketState,
  SeriesDefinition,
  TopOfBook,
} from '../engine/types.js';

/** Converters from engine integer units to Kalshi wire payloads. @internal */

type Json = Record<string, unknown>;

/** RFC 3339 without fractional seconds when they are zero. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** Dollars string for a price in price units (4 decimals). */
export const price = (units: number): string => formatDollars(units);

/** Count string with 2 decimals. */
export const count = (units: number): string => formatCount(units);

/** Money string from micro-dollars: 4 decimals when exact, else 6. */
export function money(micros: number): string {
  return micros % 100 === 0 ? formatMicros(micros, 4) : formatMicros(micros, 6);
}

/** Whole cents from micro-dollars (rounded toward zero), for Kalshi's few integer-cent fields. */
export function cents(micros: number): number {
  return Math.trunc(micros / 10_000);
}

const STATUS_FOR_FILTER: Record<string, readonly string[]> = {
  unopened: ['initialized'],
  open: ['active'],
  paused: ['inactive'],
  closed: ['closed', 'determined'],
  settled: ['finalized'],
};

/** Whether a market status matches a `status` filter value of `GET /markets` or `/events`. */
export function statusMatches(filter: string, status: string): boolean {
  return STATUS_FOR_FILTER[filter]?.includes(status) ?? false;
}

/** The filter values accepted by `status`. */
export const STATUS_FILTERS = Object.keys(STATUS_FOR_FILTER);

export function series(s: SeriesDefinition): Series {
  return {
    ticker: s.ticker,
    frequency: s.frequency,
    title: s.title,
    category: s.category,
    categories: [s.category],
    tags: s.tags,
    settlement_sources: s.settlementSources,
    contract_url: s.contractUrl,
    contract_terms_url: s.contractTermsUrl,
    fee_type: s.feeType,
    fee_multiplier: s.feeMultiplier,
    additional_prohibitions: [],
    exchange_index: 0,
  };
}

export function event(e: EventDefinition, markets?: Market[]): EventData {
  const out: EventData = {
    event_ticker: e.eventTicker,
    series_ticker: e.seriesTicker,
    title: e.title,
    sub_title: e.subTitle,
    collateral_return_type: e.collateralReturnType,
    mutually_exclusive: e.mutuallyExclusive,
    settlement_sources: [],
    exchange_index: 0,
  };
  if (e.strikeDateMs !== undefined) out.strike_date = rfc3339(e.strikeDateMs);
  if (e.strikePeriod !== undefined) out.strike_period = e.strikePeriod;
  if (markets !== undefined) out.markets = markets;
  return out;
}

export function market(m: MarketState, top: TopOfBook): Market {
  const out: Market = {
    ticker: m.ticker,
    event_ticker: m.eventTicker,
    series_ticker: m.seriesTicker,
    market_type: 'binary',
    title: m.title,
    subtitle: m.subtitle,
    yes_sub_title: m.yesSubTitle,
    no_sub_title: m.noSubTitle,
    created_time: rfc3339(m.createdTimeMs),
    updated_time: rfc3339(m.createdTimeMs),
    open_time: rfc3339(m.openTimeMs),
    close_time: rfc3339(m.closeTimeMs),
    expected_expiration_time: rfc3339(m.expectedExpirationTimeMs),
    expiration_time: rfc3339(m.latestExpirationTimeMs),
    latest_expiration_time: rfc3339(m.latestExpirationTimeMs),
    settlement_timer_seconds: m.settlementTimerSeconds,
    status: m.status,
    yes_bid_dollars: price(top.yesBidUnits),
    yes_bid_size_fp: count(top.yesBidCountUnits),
    yes_ask_dollars: price(top.yesAskUnits),
    yes_ask_size_fp: count(top.yesAskCountUnits),
    no_bid_dollars: price(10_000 - top.yesAskUnits),
    no_ask_dollars: price(10_000 - top.yesBidUnits),
    last_price_dollars: price(m.lastPriceUnits),
    volume_fp: count(m.volumeCountUnits),
    volume_24h_fp: count(m.volumeCountUnits),
    result: m.result ?? '',
    can_close_early: m.canCloseEarly,
    open_interest_fp: count(m.openInterestCountUnits),
    notional_value_dollars: '1.0000',
    previous_yes_bid_dollars: '0.0000',
    previous_yes_ask_dollars: '1.0000',
    previous_price_dollars: '0.0000',
    liquidity_dollars: '0.0000',
    expiration_value: m.expirationValue ?? '',
    settlement_bounds_type: 'default',
    strike_type: m.strikeType,
    rules_primary: m.rulesPrimary,
    rules_secondary: m.rulesSecondary,
    price_level_structure: m.priceLevelStructure,
    price_ranges: m.priceRanges.map((r) => ({
      start: price(r.startUnits),
      end: price(r.endUnits),
      step: price(r.stepUnits),
    })),
    exchange_index: 0,
  };
  if (m.floorStrike !== undefined) out.floor_strike = m.floorStrike;
  if (m.capStrike !== undefined) out.cap_strike = m.capStrike;
  if (m.customStrike !== undefined) out.custom_strike = m.customStrike;
  if (m.result !== undefined) out.settlement_value_dollars = m.result === 'yes' ? '1.0000' : '0.0000';
  if (m.settledTimeMs !== undefined) out.settlement_ts = rfc3339(m.settledTimeMs);
  return out;
}

export function order(o: EngineOrder): Order {
  const out: Order = {
    order_id: o.orderId,
    user_id: o.userId,
    client_order_id: o.clientOrderId,
    ticker: o.ticker,
    side: o.outcomeSide,
    action: 'buy',
    outcome_side: o.outcomeSide,
    book_side: o.bookSide,
    type: 'limit',
    status: o.status,
    yes_price_dollars: price(o.yesPriceUnits),
    no_price_dollars: price(o.noPriceUnits),
    fill_count_fp: count(o.fillCountUnits),
    remaining_count_fp: count(o.remainingCountUnits),
    initial_count_fp: count(o.initialCountUnits),
    taker_fill_cost_dollars: money(o.takerFillCostMicros),
    maker_fill_cost_dollars: money(o.makerFillCostMicros),
    taker_fees_dollars: money(o.takerFeesMicros),
    maker_fees_dollars: money(o.makerFeesMicros),
    expiration_time: o.expirationTimeMs === undefined ? null : rfc3339(o.expirationTimeMs),
    created_time: rfc3339(o.createdTimeMs),
    last_update_time: rfc3339(o.lastUpdateTimeMs),
    last_update_reason: o.lastUpdateReason,
    self_trade_prevention_type: o.selfTradePreventionType,
    order_group_id: o.orderGroupId === '' ? null : o.orderGroupId,
    cancel_order_on_pause: o.cancelOrderOnPause,
    subaccount_number: o.subaccount,
    exchange_index: 0,
  };
  return out;
}

export function userOrder(o: EngineOrder): Json {
  const out: Json = {
    order_id: o.orderId,
    user_id: o.userId,
    ticker: o.ticker,
    status: o.status,
    side: o.outcomeSide,
    is_yes: o.outcomeSide === 'yes',
    outcome_side: o.outcomeSide,
    book_side: o.bookSide,
    yes_price_dollars: price(o.yesPriceUnits),
    fill_count_fp: count(o.fillCountUnits),
    remaining_count_fp: count(o.remainingCountUnits),
    initial_count_fp: count(o.initialCountUnits),
    taker_fill_cost_dollars: money(o.takerFillCostMicros),
    maker_fill_cost_dollars: money(o.makerFillCostMicros),
    taker_fees_dollars: money(o.takerFeesMicros),
    maker_fees_dollars: money(o.makerFeesMicros),
    client_order_id: o.clientOrderId,
    self_trade_prevention_type: o.selfTradePreventionType,
    created_ts_ms: o.createdTimeMs,
    last_updated_ts_ms: o.lastUpdateTimeMs,
    created_time: rfc3339(o.createdTimeMs),
    last_update_time: rfc3339(o.lastUpdateTimeMs),
    subaccount_number: o.subaccount,
    exchange_index: 0,
  };
  if (o.orderGroupId !== '') out.order_group_id = o.orderGroupId;
  if (o.expirationTimeMs !== undefined) out.expiration_ts_ms = o.expirationTimeMs;
  return out;
}

export function fill(f: EngineFill): Fill {
  return {
    fill_id: f.fillId,
    trade_id: f.tradeId,
    order_id: f.orderId,
    ticker: f.ticker,
    market_ticker: f.ticker,
    side: f.outcomeSide,
    action: 'buy',
    outcome_side: f.outcomeSide,
    book_side: f.bookSide,
    count_fp: count(f.countUnits),
    yes_price_dollars: price(f.yesPriceUnits),
    no_price_dollars: price(f.noPriceUnits),
    is_taker: f.isTaker,
    created_time: rfc3339(f.tsMs),
    fee_cost: money(f.feeMicros),
    subaccount_number: f.subaccount,
    ts: Math.floor(f.tsMs / 1000),
    exchange_index: 0,
  };
}

export function wsFill(f: EngineFill): Json {
  const out: Json = {
    trade_id: f.tradeId,
    order_id: f.orderId,
    market_ticker: f.ticker,
    exchange_index: 0,
    is_taker: f.isTaker,
    side: f.outcomeSide,
    action: 'buy',
    purchased_side: f.outcomeSide,
    outcome_side: f.outcomeSide,
    book_side: f.bookSide,
    yes_price_dollars: price(f.yesPriceUnits),
    count_fp: count(f.countUnits),
    fee_cost: money(f.feeMicros),
    post_position_fp: count(f.postPositionUnits),
    ts_ms: f.tsMs,
    ts: Math.floor(f.tsMs / 1000),
    subaccount: f.subaccount,
  };
  if (f.clientOrderId !== '') out.client_order_id = f.clientOrderId;
  return out;
}

export function trade(t: EngineTrade): Trade {
  return {
    trade_id: t.tradeId,
    ticker: t.ticker,
    count_fp: count(t.countUnits),
    yes_price_dollars: price(t.yesPriceUnits),
    no_price_dollars: price(t.noPriceUnits),
    taker_side: t.takerOutcomeSide,
    taker_outcome_side: t.takerOutcomeSide,
    taker_book_side: t.takerBookSide,
    created_time: rfc3339(t.tsMs),
    is_block_trade: false,
  };
}

export function wsTrade(t: EngineTrade): Json {
  return {
    trade_id: t.tradeId,
    market_ticker: t.ticker,
    yes_price_dollars: price(t.yesPriceUnits),
    no_price_dollars: price(t.noPriceUnits),
    count_fp: count(t.countUnits),
    taker_side: t.takerOutcomeSide,
    taker_outcome_side: t.takerOutcomeSide,
    taker_book_side: t.takerBookSide,
    is_block_trade: false,
    ts_ms: t.tsMs,
    ts: Math.floor(t.tsMs / 1000),
  };
}

export function wsTicker(m: MarketState, top: TopOfBook, tsMs: number): Json {
  return {
    market_ticker: m.ticker,
    market_id: m.marketId,
    price_dollars: price(m.lastPriceUnits),
    yes_bid_dollars: price(top.yesBidUnits),
    yes_ask_dollars: price(top.yesAskUnits),
    volume_fp: count(m.volumeCountUnits),
    open_interest_fp: count(m.openInterestCountUnits),
    dollar_volume: Math.trunc(m.dollarVolumeMicros / 1_000_000),
    dollar_open_interest: Math.trunc(m.openInterestCountUnits / 100),
    yes_bid_size_fp: count(top.yesBidCountUnits),
    yes_ask_size_fp: count(top.yesAskCountUnits),
    last_trade_size_fp: count(m.lastTradeCountUnits),
    ts_ms: tsMs,
    ts: Math.floor(tsMs / 1000),
    time: rfc3339(tsMs),
  };
}

export function position(p: EnginePosition): MarketPosition {
  return {
    ticker: p.ticker,
    exchange_index: 0,
    total_traded_dollars: money(p.totalTradedMicros),
    position_fp: count(p.positionUnits),
    market_exposure_dollars: money(p.positionCostMicros),
    realized_pnl_dollars: money(p.realizedPnlMicros),
    fees_paid_dollars: money(p.feesPaidMicros),
    last_updated_ts: rfc3339(p.lastUpdatedMs),
  };
}

export function wsPosition(p: EnginePosition): Json {
  return {
    user_id: p.userId,
    market_ticker: p.ticker,
    position_fp: count(p.positionUnits),
    position_cost_dollars: money(p.positionCostMicros),
    realized_pnl_dollars: money(p.realizedPnlMicros),
    fees_paid_dollars: money(p.feesPaidMicros),
    position_fee_cost_dollars: money(p.feesPaidMicros),
    volume_fp: count(p.volumeUnits),
  };
}

export function eventPosition(eventTicker: string, ps: EnginePosition[]): Json {
  let cost = 0;
  let shares = 0;
  let pnl = 0;
  let fees = 0;
  for (const p of ps) {
    cost += p.totalTradedMicros;
    shares += p.volumeUnits;
    pnl += p.realizedPnlMicros;
    fees += p.feesPaidMicros;
  }
  const exposure = ps.reduce((a, p) => a + p.positionCostMicros, 0);
  return {
    event_ticker: eventTicker,
    total_cost_dollars: money(cost),
    total_cost_shares_fp: count(shares),
    event_exposure_dollars: money(exposure),
    realized_pnl_dollars: money(pnl),
    fees_paid_dollars: money(fees),
  };
}

export function settlement(s: EngineSettlement): Settlement {
  return {
    ticker: s.ticker,
    event_ticker: s.eventTicker,
    exchange_index: 0,
    market_result: s.marketResult,
    yes_count_fp: count(s.yesCountUnits),
    yes_total_cost_dollars: money(s.yesTotalCostMicros),
    no_count_fp: count(s.noCountUnits),
    no_total_cost_dollars: money(s.noTotalCostMicros),
    revenue: cents(s.revenueMicros),
    settled_time: rfc3339(s.settledTimeMs),
    fee_cost: money(s.feeCostMicros),
    value: s.valueUnits / 100,
  };
}

export function balance(b: EngineBalance, nowMs: number): GetBalanceResponse {
  return {
    balance: cents(b.availableMicros),
    balance_dollars: money(b.availableMicros),
    portfolio_value: cents(b.positionsValueMicros),
    updated_ts: Math.floor(nowMs / 1000),
  };
}

export function orderGroup(g: EngineOrderGroup): Json {
  return {
    id: g.orderGroupId,
    contracts_limit_fp: count(g.contractsLimitUnits),
    contracts_limit: Math.trunc(g.contractsLimitUnits / 100),
    is_auto_cancel_enabled: g.isAutoCancelEnabled,
    exchange_index: 0,
  };
}

export function marketLifecycle(eventType: string, m: MarketState, tsMs: number): Json {
  const msg: Json = { market_ticker: m.ticker, event_type: eventType };
  switch (eventType) {
    case 'created':
      msg.exchange_index = 0;
      msg.open_ts = Math.floor(m.openTimeMs / 1000);
      msg.close_ts = Math.floor(m.closeTimeMs / 1000);
      msg.price_level_structure = m.priceLevelStructure;
      msg.price_ranges = m.priceRanges.map((r) => ({
        start: price(r.startUnits),
        end: price(r.endUnits),
        step: price(r.stepUnits),
      }));
      msg.additional_metadata = {
        name: m.title,
        title: m.title,
        yes_sub_title: m.yesSubTitle,
        no_sub_title: m.noSubTitle,
        rules_primary: m.rulesPrimary,
        rules_secondary: m.rulesSecondary,
        can_close_early: m.canCloseEarly,
        event_ticker: m.eventTicker,
        expected_expiration_ts: Math.floor(m.expectedExpirationTimeMs / 1000),
        strike_type: m.strikeType,
        ...(m.floorStrike === undefined ? {} : { floor_strike: m.floorStrike }),
        ...(m.capStrike === undefined ? {} : { cap_strike: m.capStrike }),
      };
      break;
    case 'close_date_updated':
      msg.close_ts = Math.floor(m.closeTimeMs / 1000);
      break;
    case 'determined':
      msg.result = m.result ?? '';
      msg.determination_ts = Math.floor((m.determinedTimeMs ?? tsMs) / 1000);
      msg.settlement_value = m.result === 'yes' ? '1.0000' : '0.0000';
      break;
    case 'settled':
      msg.settled_ts = Math.floor((m.settledTimeMs ?? tsMs) / 1000);
      break;
    case 'activated':
      msg.is_deactivated = false;
      break;
    case 'deactivated':
      msg.is_deactivated = true;
      break;
  }
  return msg;
}

export function eventLifecycle(e: EventDefinition): Json {
  const msg: Json = {
    event_ticker: e.eventTicker,
    exchange_index: 0,
    title: e.title,
    subtitle: e.subTitle,
    collateral_return_type: e.collateralReturnType,
    series_ticker: e.seriesTicker,
  };
  if (e.strikeDateMs !== undefined) msg.strike_date = Math.floor(e.strikeDateMs / 1000);
  if (e.strikePeriod !== undefined) msg.strike_period = e.strikePeriod;
  return msg;
}
