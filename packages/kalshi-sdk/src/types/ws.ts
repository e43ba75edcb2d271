/**
 * WebSocket wire types of the Kalshi Trade API v2 (`/trade-api/ws/v2`), in Kalshi's snake_case.
 *
 * @remarks Commands are a union on `cmd`; server messages are a union on `type`. Each message is
 * delivered as the parsed JSON object itself, so fields Kalshi adds later pass through untouched
 * at run time even though they are not typed here. Legacy (late 2025) fields are optional and
 * marked `@deprecated`.
 *
 * @module
 */

import type {
  BookSide,
  CollateralReturnType,
  FixedPointCount,
  FixedPointDollars,
  OutcomeSide,
  PriceRange,
  Rfc3339,
} from './common.js';

/** Channels a client can subscribe to. */
export type WsChannel =
  | 'orderbook_delta'
  | 'ticker'
  | 'trade'
  | 'fill'
  | 'market_positions'
  | 'user_orders'
  | 'order_group_updates'
  | 'market_lifecycle_v2'
  | 'multivariate_market_lifecycle'
  | 'communications'
  | 'cfbenchmarks_value'
  | 'cfbenchmarks_value_5hz'
  | 'pyth_value';

/** Parameters of the `subscribe` command. */
export interface WsSubscribeParams {
  /** Channels to subscribe to; the server answers with one `subscribed` reply (one `sid`) per channel. */
  channels: WsChannel[];
  /** One market (mutually exclusive with `market_tickers`). */
  market_ticker?: string;
  /** Several markets; required by `orderbook_delta`, optional filter elsewhere. */
  market_tickers?: string[];
  /** One market by UUID (`ticker` channel only). */
  market_id?: string;
  /** Several markets by UUID (`ticker` channel only). */
  market_ids?: string[];
  /** `ticker` channel: send an initial snapshot for the requested markets. */
  send_initial_snapshot?: boolean;
  /** Omit the market lists from `ok` replies of this subscription. */
  skip_ticker_ack?: boolean;
  /** `orderbook_delta` channel: report NO-side levels in YES-leg prices. */
  use_yes_price?: boolean;
  /** `communications` channel: `"self"` limits RFQ events to your own RFQs. */
  user_filter?: '' | 'self';
  /** `communications` channel: number of fan-out shards (1–100). */
  shard_factor?: number;
  /** `communications` channel: this connection's shard (`0 <= key < shard_factor`). */
  shard_key?: number;
  /** CF Benchmarks channels: index ids to track (`["all"]` for every index). */
  index_ids?: string[];
  /** `pyth_value` channel: underlyings to track (`["all"]` for every underlying). */
  underlying_tickers?: string[];
}

/** Actions of `update_subscription` on market-filtered channels. */
export type WsUpdateAction = 'add_markets' | 'delete_markets' | 'get_snapshot';

/** Parameters of the `update_subscription` command. */
export interface WsUpdateSubscriptionParams {
  /** The subscription to update (exactly one of `sid` or `sids`). */
  sid?: number;
  /** A one-element array naming the subscription (alternative to `sid`). */
  sids?: [number];
  /** What to do. */
  action: WsUpdateAction;
  /** One market. */
  market_ticker?: string;
  /** Several markets. */
  market_tickers?: string[];
  /** One market by UUID (`ticker` channel only). */
  market_id?: string;
  /** Several markets by UUID (`ticker` channel only). */
  market_ids?: string[];
  /** `ticker` channel: send an initial snapshot for the added markets. */
  send_initial_snapshot?: boolean;
}

/** Parameters of the `unsubscribe` command. */
export interface WsUnsubscribeParams {
  /** Subscriptions to cancel. */
  sids: number[];
}

/** The `subscribe` command. */
export interface WsSubscribeCommand {
  /** Client-chosen id, echoed by the replies. */
  id: number;
  /** Command name. */
  cmd: 'subscribe';
  /** Parameters. */
  params: WsSubscribeParams;
}

/** The `unsubscribe` command. */
export interface WsUnsubscribeCommand {
  /** Client-chosen id, echoed by the replies. */
  id: number;
  /** Command name. */
  cmd: 'unsubscribe';
  /** Parameters. */
  params: WsUnsubscribeParams;
}

/** The `update_subscription` command. */
export interface WsUpdateSubscriptionCommand {
  /** Client-chosen id, echoed by the reply. */
  id: number;
  /** Command name. */
  cmd: 'update_subscription';
  /** Parameters. */
  params: WsUpdateSubscriptionParams;
}

/** The `list_subscriptions` command. */
export interface WsListSubscriptionsCommand {
  /** Client-chosen id, echoed by the reply. */
  id: number;
  /** Command name. */
  cmd: 'list_subscriptions';
}

/** Every command a client sends, discriminated on `cmd`. */
export type WsCommand =
  | WsSubscribeCommand
  | WsUnsubscribeCommand
  | WsUpdateSubscriptionCommand
  | WsListSubscriptionsCommand;

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

/** `subscribed`: one channel of a `subscribe` command was accepted. */
export interface WsSubscribedMessage {
  /** Message type. */
  type: 'subscribed';
  /** The command id. */
  id?: number;
  /** The new subscription. */
  msg: {
    /** Channel subscribed. */
    channel: string;
    /** Its subscription id. */
    sid: number;
  };
}

/** `unsubscribed`: a subscription was cancelled. */
export interface WsUnsubscribedMessage {
  /** Message type. */
  type: 'unsubscribed';
  /** The command id. */
  id?: number;
  /** The cancelled subscription. */
  sid: number;
  /** Sequence number on that subscription. */
  seq?: number;
}

/** One entry of a `list_subscriptions` reply. */
export interface WsSubscriptionInfo {
  /** Channel. */
  channel: string;
  /** Subscription id. */
  sid: number;
}

/** Payload of an `ok` reply to `update_subscription` (full lists after the update). */
export interface WsUpdateOkPayload {
  /** Every market ticker of the subscription after the update (absent with `skip_ticker_ack`). */
  market_tickers?: string[];
  /** Every market id of the subscription after the update. */
  market_ids?: string[];
  /** CF Benchmarks: current index filter. */
  index_ids?: string[];
  /** Pyth: current underlying filter. */
  underlying_tickers?: string[];
}

/** `ok`: reply to `update_subscription` (object payload) or `list_subscriptions` (array payload). */
export interface WsOkMessage {
  /** Message type. */
  type: 'ok';
  /** The command id. */
  id?: number;
  /** The updated subscription (update replies). */
  sid?: number;
  /** Sequence number on that subscription (update replies). */
  seq?: number;
  /** Update result, or the list of subscriptions. */
  msg?: WsUpdateOkPayload | WsSubscriptionInfo[];
}

/** `error`: a command failed, or a subscription hit a terminal error. */
export interface WsErrorMessage {
  /** Message type. */
  type: 'error';
  /** The failed command's id (absent for subscription-scoped errors). */
  id?: number;
  /** Subscription the error is scoped to, when any. */
  sid?: number;
  /** Sequence number, on subscription-scoped errors of sequenced channels. */
  seq?: number;
  /** The error. */
  msg: {
    /** Kalshi's numeric WebSocket error code (kalshi-api.md §7.6). */
    code: number;
    /** Human-readable message. */
    msg: string;
    /** Market associated with the error, when any. */
    market_ticker?: string;
    /** Markets associated with the error, when any. */
    market_tickers?: string[];
  };
}

// ---------------------------------------------------------------------------------------------
// Channel payloads
// ---------------------------------------------------------------------------------------------

/** One book level: `[price_dollars, count_fp]`. */
export type WsBookLevel = [price: FixedPointDollars, count: FixedPointCount];

/** Payload of `orderbook_snapshot`: every bid level of both sides, ascending by price. */
export interface WsOrderbookSnapshotPayload {
  /** Market ticker. */
  market_ticker: string;
  /** Market UUID. */
  market_id: string;
  /** YES bids; absent when that side is empty. */
  yes_dollars_fp?: WsBookLevel[];
  /** NO bids (NO-leg prices unless `use_yes_price`); absent when that side is empty. */
  no_dollars_fp?: WsBookLevel[];
  /** @deprecated Legacy cent levels `[price_cents, qty]` (until 2026-03). */
  yes?: [number, number][];
  /** @deprecated Legacy cent levels `[price_cents, qty]` (until 2026-03). */
  no?: [number, number][];
  /** @deprecated Legacy dollar levels with integer counts (until 2026-03). */
  yes_dollars?: [string, number][];
  /** @deprecated Legacy dollar levels with integer counts (until 2026-03). */
  no_dollars?: [string, number][];
}

/** Payload of `orderbook_delta`: a signed change to one level. */
export interface WsOrderbookDeltaPayload {
  /** Market ticker. */
  market_ticker: string;
  /** Market UUID. */
  market_id: string;
  /** Level price in dollars. */
  price_dollars: FixedPointDollars;
  /** Signed change to the level's size (not the new size), e.g. `"-54.00"`. */
  delta_fp: string;
  /** Book side of the level. */
  side: OutcomeSide;
  /** Your order's client id, when your order caused the change. */
  client_order_id?: string;
  /** Your subaccount, when your order caused the change. */
  subaccount?: number;
  /** Exchange time in Unix milliseconds. */
  ts_ms?: number;
  /** @deprecated RFC 3339 time; use `ts_ms`. */
  ts?: Rfc3339;
  /** @deprecated Legacy price in cents. */
  price?: number;
  /** @deprecated Legacy integer delta. */
  delta?: number;
}

/** Payload of `ticker`: top of book and market statistics (sent when any field changes). */
export interface WsTickerPayload {
  /** Market ticker. */
  market_ticker: string;
  /** Market UUID. */
  market_id: string;
  /** Last trade price. */
  price_dollars: FixedPointDollars;
  /** Best YES bid. */
  yes_bid_dollars: FixedPointDollars;
  /** Best YES ask. */
  yes_ask_dollars: FixedPointDollars;
  /** Contracts traded. */
  volume_fp: FixedPointCount;
  /** Open interest in contracts. */
  open_interest_fp: FixedPointCount;
  /** Dollar volume (integer dollars). */
  dollar_volume: number;
  /** Dollar open interest (integer dollars). */
  dollar_open_interest: number;
  /** Size at the best YES bid. */
  yes_bid_size_fp: FixedPointCount;
  /** Size at the best YES ask. */
  yes_ask_size_fp: FixedPointCount;
  /** Size of the last trade. */
  last_trade_size_fp: FixedPointCount;
  /** Exchange time in Unix milliseconds. */
  ts_ms: number;
  /** @deprecated Unix seconds; use `ts_ms`. */
  ts?: number;
  /** @deprecated RFC 3339 time; use `ts_ms`. */
  time?: Rfc3339;
  /** @deprecated Legacy last price in cents. */
  price?: number;
  /** @deprecated Legacy best bid in cents. */
  yes_bid?: number;
  /** @deprecated Legacy best ask in cents. */
  yes_ask?: number;
  /** @deprecated Legacy integer volume. */
  volume?: number;
  /** @deprecated Legacy integer open interest. */
  open_interest?: number;
}

/** Payload of `trade`: a public trade. */
export interface WsTradePayload {
  /** Trade id. */
  trade_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** YES price. */
  yes_price_dollars: FixedPointDollars;
  /** NO price. */
  no_price_dollars: FixedPointDollars;
  /** Contracts traded. */
  count_fp: FixedPointCount;
  /** Outcome side the taker is positioned for. */
  taker_outcome_side: OutcomeSide;
  /** Same bit in book vocabulary. */
  taker_book_side: BookSide;
  /** Whether this was a block trade. */
  is_block_trade: boolean;
  /** Exchange time in Unix milliseconds. */
  ts_ms: number;
  /** @deprecated Use `taker_outcome_side`. */
  taker_side?: OutcomeSide;
  /** @deprecated Unix seconds; use `ts_ms`. */
  ts?: number;
  /** @deprecated Legacy YES price in cents. */
  yes_price?: number;
  /** @deprecated Legacy NO price in cents. */
  no_price?: number;
  /** @deprecated Legacy integer count. */
  count?: number;
}

/** Payload of `fill`: one of your orders traded. */
export interface WsFillPayload {
  /** Trade id. */
  trade_id: string;
  /** Your order id. */
  order_id: string;
  /** Your client order id, when set. */
  client_order_id?: string;
  /** Market ticker. */
  market_ticker: string;
  /** Exchange shard. */
  exchange_index: number;
  /** Whether you were the taker. */
  is_taker: boolean;
  /** Outcome side this fill positioned you for. */
  outcome_side: OutcomeSide;
  /** Same bit in book vocabulary. */
  book_side: BookSide;
  /** YES price of the fill. */
  yes_price_dollars: FixedPointDollars;
  /** Contracts filled. */
  count_fp: FixedPointCount;
  /** Fee charged, in dollars (up to 6 decimals). */
  fee_cost: string;
  /** Your position in the market after this fill. */
  post_position_fp: string;
  /** Exchange time in Unix milliseconds. */
  ts_ms: number;
  /** Subaccount, when used. */
  subaccount?: number;
  /** @deprecated Use `outcome_side`. */
  side?: OutcomeSide;
  /** @deprecated Use `book_side`. */
  action?: 'buy' | 'sell' | 'sell_partial' | 'sell_to_close' | '';
  /** @deprecated Use `outcome_side`. */
  purchased_side?: OutcomeSide;
  /** @deprecated Unix seconds; use `ts_ms`. */
  ts?: number;
  /** @deprecated Legacy YES price in cents. */
  yes_price?: number;
  /** @deprecated Legacy integer count. */
  count?: number;
  /** @deprecated Legacy integer position. */
  post_position?: number;
}

/** Payload of `market_position`: your position in one market changed. */
export interface WsMarketPositionPayload {
  /** Your user id. */
  user_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** Signed position in contracts (positive YES, negative NO). */
  position_fp: string;
  /** Cost of the position. */
  position_cost_dollars: FixedPointDollars;
  /** Realized P&L. */
  realized_pnl_dollars: FixedPointDollars;
  /** Fees paid. */
  fees_paid_dollars: FixedPointDollars;
  /** Fee cost of the position. */
  position_fee_cost_dollars: FixedPointDollars;
  /** Contracts traded. */
  volume_fp: FixedPointCount;
  /** Subaccount, when used. */
  subaccount?: number;
  /** @deprecated Legacy integer position. */
  position?: number;
  /** @deprecated Legacy integer volume. */
  volume?: number;
  /** @deprecated Legacy centi-cents. */
  position_cost?: number;
  /** @deprecated Legacy centi-cents. */
  realized_pnl?: number;
  /** @deprecated Legacy centi-cents. */
  fees_paid?: number;
  /** @deprecated Legacy centi-cents. */
  position_fee_cost?: number;
}

/** Payload of `user_order`: one of your orders was created or changed. */
export interface WsUserOrderPayload {
  /** Order id. */
  order_id: string;
  /** Your user id. */
  user_id: string;
  /** Market ticker. */
  ticker: string;
  /** Order status (`unknown` appears in the spec for unrecognized states). */
  status: 'resting' | 'canceled' | 'executed' | 'unknown';
  /** Outcome side the order is positioned for. */
  outcome_side: OutcomeSide;
  /** Same bit in book vocabulary. */
  book_side: BookSide;
  /** YES price of the order. */
  yes_price_dollars: FixedPointDollars;
  /** Contracts filled. */
  fill_count_fp: FixedPointCount;
  /** Contracts still resting. */
  remaining_count_fp: FixedPointCount;
  /** Contracts at creation. */
  initial_count_fp: FixedPointCount;
  /** Taker fill cost. */
  taker_fill_cost_dollars: string;
  /** Maker fill cost. */
  maker_fill_cost_dollars: string;
  /** Taker fees. */
  taker_fees_dollars: string;
  /** Maker fees. */
  maker_fees_dollars: string;
  /** Client order id. */
  client_order_id: string;
  /** Order group, when any. */
  order_group_id?: string;
  /** Self-trade prevention mode, when set. */
  self_trade_prevention_type?: 'taker_at_cross' | 'maker';
  /** Creation time in Unix milliseconds. */
  created_ts_ms: number | null;
  /** Last update time in Unix milliseconds. */
  last_updated_ts_ms?: number;
  /** Why the order last changed (for example `"Trade"`, `"Decrease"`). */
  last_update_reason?: string;
  /** Expiration time in Unix milliseconds. */
  expiration_ts_ms?: number;
  /** Subaccount number. */
  subaccount_number?: number;
  /** Exchange shard. */
  exchange_index?: number;
  /** @deprecated Use `outcome_side`. */
  side?: OutcomeSide;
  /** @deprecated Use `outcome_side`. */
  is_yes?: boolean;
  /** @deprecated Use `created_ts_ms`. */
  created_time?: Rfc3339 | null;
  /** @deprecated Use `last_updated_ts_ms`. */
  last_update_time?: Rfc3339;
  /** @deprecated Use `expiration_ts_ms`. */
  expiration_time?: Rfc3339;
}

/** Payload of `order_group_updates`. */
export interface WsOrderGroupUpdatePayload {
  /** What happened to the group. */
  event_type: 'created' | 'triggered' | 'reset' | 'deleted' | 'limit_updated';
  /** Order group id. */
  order_group_id: string;
  /** Contract limit (on `created` and `limit_updated`). */
  contracts_limit_fp?: FixedPointCount;
  /** Exchange time in Unix milliseconds. */
  ts_ms: number;
}

/** Metadata sent with a market's `created` lifecycle event. */
export interface WsLifecycleAdditionalMetadata {
  /** Market name. */
  name: string;
  /** Market title. */
  title: string;
  /** YES subtitle. */
  yes_sub_title: string;
  /** NO subtitle. */
  no_sub_title: string;
  /** Primary rules. */
  rules_primary: string;
  /** Secondary rules. */
  rules_secondary: string;
  /** Whether the market can close early. */
  can_close_early: boolean;
  /** Event ticker. */
  event_ticker: string;
  /** Expected expiration, Unix seconds. */
  expected_expiration_ts: number;
  /** Strike type. */
  strike_type?: string;
  /** Lower strike. */
  floor_strike?: number;
  /** Upper strike. */
  cap_strike?: number;
  /** Custom strike. */
  custom_strike?: Record<string, unknown>;
}

/** Lifecycle event kinds of `market_lifecycle_v2` and `multivariate_market_lifecycle`. */
export type WsMarketLifecycleEventType =
  | 'created'
  | 'activated'
  | 'deactivated'
  | 'close_date_updated'
  | 'determined'
  | 'settled'
  | 'price_level_structure_updated'
  | 'metadata_updated'
  | 'fractional_trading_updated';

/** Payload of `market_lifecycle_v2` (and of `multivariate_market_lifecycle`). */
export interface WsMarketLifecyclePayload {
  /** Market ticker. */
  market_ticker: string;
  /** What happened. */
  event_type: WsMarketLifecycleEventType;
  /** Exchange shard (`created`). */
  exchange_index?: number;
  /** Open time, Unix seconds. */
  open_ts?: number;
  /** Close time, Unix seconds. */
  close_ts?: number;
  /** Result (`determined`). */
  result?: string;
  /** Determination time, Unix seconds. */
  determination_ts?: number;
  /** Settlement value in dollars (`determined`). */
  settlement_value?: FixedPointDollars;
  /** Settlement time, Unix seconds. */
  settled_ts?: number;
  /** Whether trading is paused (`activated` / `deactivated`). */
  is_deactivated?: boolean;
  /** Price grid label (`created`, `price_level_structure_updated`). */
  price_level_structure?: string;
  /** Price grid bands (`created`, `price_level_structure_updated`). */
  price_ranges?: PriceRange[];
  /** Strike type (`metadata_updated`). */
  strike_type?: string;
  /** Lower strike (`metadata_updated`). */
  floor_strike?: number;
  /** Upper strike (`metadata_updated`). */
  cap_strike?: number;
  /** Custom strike (`metadata_updated`). */
  custom_strike?: Record<string, unknown>;
  /** YES subtitle (`metadata_updated`). */
  yes_sub_title?: string;
  /** Market metadata (`created`). */
  additional_metadata?: WsLifecycleAdditionalMetadata;
}

/** Payload of `event_lifecycle`: an event was created. */
export interface WsEventLifecyclePayload {
  /** Event ticker. */
  event_ticker: string;
  /** Exchange shard. */
  exchange_index: number;
  /** Title. */
  title: string;
  /** Subtitle. */
  subtitle: string;
  /** Collateral return type. */
  collateral_return_type: CollateralReturnType;
  /** Series ticker. */
  series_ticker: string;
  /** Strike date, Unix seconds. */
  strike_date?: number;
  /** Strike period. */
  strike_period?: string;
}

/** Payload of `event_fee_update`: an event-level fee override was set or cleared. */
export interface WsEventFeeUpdatePayload {
  /** Event ticker. */
  event_ticker: string;
  /** Fee type override, or `null` when cleared. */
  fee_type_override: string | null;
  /** Fee multiplier override, or `null` when cleared. */
  fee_multiplier_override: number | null;
}

/** One leg of a multivariate RFQ. */
export interface WsRfqLeg {
  /** Event of the leg. */
  event_ticker: string;
  /** Market of the leg. */
  market_ticker: string;
  /** Side of the leg. */
  side: OutcomeSide;
  /** YES settlement value of the leg, when set. */
  yes_settlement_value_dollars?: FixedPointDollars;
}

/** Payload of `rfq_created`. */
export interface WsRfqCreatedPayload {
  /** RFQ id. */
  id: string;
  /** Creator (empty while the RFQ is open). */
  creator_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** Event ticker. */
  event_ticker?: string;
  /** Contracts requested. */
  contracts_fp?: FixedPointCount;
  /** Target cost. */
  target_cost_dollars?: FixedPointDollars;
  /** Creation time. */
  created_ts: Rfc3339;
  /** Multivariate collection. */
  mve_collection_ticker?: string;
  /** Multivariate legs. */
  mve_selected_legs?: WsRfqLeg[];
}

/** Payload of `rfq_deleted`. */
export interface WsRfqDeletedPayload {
  /** RFQ id. */
  id: string;
  /** Creator. */
  creator_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** Event ticker. */
  event_ticker?: string;
  /** Contracts requested. */
  contracts_fp?: FixedPointCount;
  /** Target cost. */
  target_cost_dollars?: FixedPointDollars;
  /** Deletion time. */
  deleted_ts: Rfc3339;
}

/** Payload of `quote_created`. */
export interface WsQuoteCreatedPayload {
  /** Quote id. */
  quote_id: string;
  /** RFQ id. */
  rfq_id: string;
  /** Quote creator. */
  quote_creator_id: string;
  /** RFQ creator. */
  rfq_creator_id?: string;
  /** Market ticker. */
  market_ticker: string;
  /** Event ticker. */
  event_ticker?: string;
  /** YES bid. */
  yes_bid_dollars: FixedPointDollars;
  /** NO bid. */
  no_bid_dollars: FixedPointDollars;
  /** YES contracts offered. */
  yes_contracts_offered_fp?: FixedPointCount;
  /** NO contracts offered. */
  no_contracts_offered_fp?: FixedPointCount;
  /** RFQ target cost. */
  rfq_target_cost_dollars?: FixedPointDollars;
  /** Creation time. */
  created_ts?: Rfc3339;
  /** Your subaccount, when used. */
  subaccount?: number;
}

/** Payload of `quote_accepted`. */
export interface WsQuoteAcceptedPayload extends WsQuoteCreatedPayload {
  /** Side accepted. */
  accepted_side?: OutcomeSide;
  /** Contracts accepted. */
  contracts_accepted_fp?: FixedPointCount;
}

/** Payload of `quote_executed`. */
export interface WsQuoteExecutedPayload {
  /** Quote id. */
  quote_id: string;
  /** RFQ id. */
  rfq_id: string;
  /** Quote creator. */
  quote_creator_id: string;
  /** RFQ creator. */
  rfq_creator_id: string;
  /** Your order id. */
  order_id: string;
  /** Your client order id. */
  client_order_id: string;
  /** Market ticker. */
  market_ticker: string;
  /** Execution time. */
  executed_ts: Rfc3339;
  /** Your subaccount, when used. */
  subaccount?: number;
}

// ---------------------------------------------------------------------------------------------
// Envelopes
// ---------------------------------------------------------------------------------------------

/**
 * The envelope of a channel message.
 *
 * @typeParam T - The `type` discriminant.
 * @typeParam P - The payload.
 */
export interface WsDataMessage<T extends string, P> {
  /** Message type. */
  type: T;
  /** Subscription the message belongs to. */
  sid: number;
  /** Per-subscription sequence number, on sequenced channels. */
  seq?: number;
  /** Payload. */
  msg: P;
}

/** `orderbook_snapshot` message (always sequenced). */
export interface WsOrderbookSnapshotMessage
  extends WsDataMessage<'orderbook_snapshot', WsOrderbookSnapshotPayload> {
  /** Per-subscription sequence number. */
  seq: number;
  /** Id of the `update_subscription` `get_snapshot` command this snapshot answers, when it had one. */
  id?: number;
}
/** `orderbook_delta` message (always sequenced). */
export interface WsOrderbookDeltaMessage extends WsDataMessage<'orderbook_delta', WsOrderbookDeltaPayload> {
  /** Per-subscription sequence number. */
  seq: number;
}
/** `ticker` message. */
export type WsTickerMessage = WsDataMessage<'ticker', WsTickerPayload>;
/** `trade` message. */
export type WsTradeMessage = WsDataMessage<'trade', WsTradePayload>;
/** `fill` message. */
export type WsFillMessage = WsDataMessage<'fill', WsFillPayload>;
/** `market_position` message. */
export type WsMarketPositionMessage = WsDataMessage<'market_position', WsMarketPositionPayload>;
/** `user_order` message. */
export type WsUserOrderMessage = WsDataMessage<'user_order', WsUserOrderPayload>;
/** `order_group_updates` message. */
export type WsOrderGroupUpdatesMessage = WsDataMessage<'order_group_updates', WsOrderGroupUpdatePayload>;
/** `market_lifecycle_v2` message. */
export type WsMarketLifecycleMessage = WsDataMessage<'market_lifecycle_v2', WsMarketLifecyclePayload>;
/** `multivariate_market_lifecycle` message. */
export type WsMultivariateMarketLifecycleMessage = WsDataMessage<
  'multivariate_market_lifecycle',
  WsMarketLifecyclePayload
>;
/** `event_lifecycle` message. */
export type WsEventLifecycleMessage = WsDataMessage<'event_lifecycle', WsEventLifecyclePayload>;
/** `event_fee_update` message. */
export type WsEventFeeUpdateMessage = WsDataMessage<'event_fee_update', WsEventFeeUpdatePayload>;
/** `rfq_created` message. */
export type WsRfqCreatedMessage = WsDataMessage<'rfq_created', WsRfqCreatedPayload>;
/** `rfq_deleted` message. */
export type WsRfqDeletedMessage = WsDataMessage<'rfq_deleted', WsRfqDeletedPayload>;
/** `quote_created` message. */
export type WsQuoteCreatedMessage = WsDataMessage<'quote_created', WsQuoteCreatedPayload>;
/** `quote_accepted` message. */
export type WsQuoteAcceptedMessage = WsDataMessage<'quote_accepted', WsQuoteAcceptedPayload>;
/** `quote_executed` message. */
export type WsQuoteExecutedMessage = WsDataMessage<'quote_executed', WsQuoteExecutedPayload>;

/** Every channel message type, keyed by its `type`. */
export interface WsChannelMessageMap {
  /** Full book of one market. */
  orderbook_snapshot: WsOrderbookSnapshotMessage;
  /** Signed change to one level. */
  orderbook_delta: WsOrderbookDeltaMessage;
  /** Top of book and statistics. */
  ticker: WsTickerMessage;
  /** Public trade. */
  trade: WsTradeMessage;
  /** Your fill. */
  fill: WsFillMessage;
  /** Your position. */
  market_position: WsMarketPositionMessage;
  /** Your order. */
  user_order: WsUserOrderMessage;
  /** Your order group. */
  order_group_updates: WsOrderGroupUpdatesMessage;
  /** Market lifecycle. */
  market_lifecycle_v2: WsMarketLifecycleMessage;
  /** Event lifecycle. */
  event_lifecycle: WsEventLifecycleMessage;
  /** Event fee override. */
  event_fee_update: WsEventFeeUpdateMessage;
  /** Multivariate market lifecycle. */
  multivariate_market_lifecycle: WsMultivariateMarketLifecycleMessage;
  /** RFQ created. */
  rfq_created: WsRfqCreatedMessage;
  /** RFQ deleted. */
  rfq_deleted: WsRfqDeletedMessage;
  /** Quote created. */
  quote_created: WsQuoteCreatedMessage;
  /** Quote accepted. */
  quote_accepted: WsQuoteAcceptedMessage;
  /** Quote executed. */
  quote_executed: WsQuoteExecutedMessage;
}

/** The `type` of a channel message. */
export type WsChannelMessageType = keyof WsChannelMessageMap;

/** Any channel message. */
export type WsChannelMessage = WsChannelMessageMap[WsChannelMessageType];

/** Any reply to a command. */
export type WsReplyMessage = WsSubscribedMessage | WsUnsubscribedMessage | WsOkMessage | WsErrorMessage;

/** Every server message this SDK knows, discriminated on `type`. */
export type WsServerMessage = WsChannelMessage | WsReplyMessage;

/**
 * A JSON object whose `type` this SDK does not know (a new channel, `cfbenchmarks_value`, ...).
 *
 * @remarks Kept apart from {@link WsServerMessage} so that narrowing on `type` stays exact.
 */
export interface WsUnknownMessage {
  /** The unrecognized type. */
  type: string;
  /** Subscription, when present. */
  sid?: number;
  /** Sequence number, when present. */
  seq?: number;
  /** Payload, unvalidated. */
  msg?: unknown;
  /** Every other field, unvalidated. */
  [key: string]: unknown;
}

/** A known message or the unknown fallback: what a raw frame can decode to. */
export type WsAnyServerMessage = WsServerMessage | WsUnknownMessage;
