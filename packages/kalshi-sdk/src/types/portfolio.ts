/**
 * Wire types of the portfolio: balance, positions, fills, settlements, subaccounts and transfers.
 *
 * @module
 */
import type {
  BookSide,
  ExchangeIndex,
  ExchangeInstance,
  FixedPointCount,
  FixedPointDollars,
  IndexedBalance,
  LegacyAction,
  LegacySide,
  OutcomeSide,
  PageParams,
  Rfc3339,
  UnixSeconds,
} from './common.js';

/** Query of `GET /portfolio/balance`. */
export interface GetBalanceParams {
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Only this shard. */
  exchange_index?: ExchangeIndex;
}

/**
 * Response of `GET /portfolio/balance`.
 *
 * @remarks `balance` and `portfolio_value` are still integer **cents**; `balance_dollars` is exact.
 * @example
 * ```ts
 * const { balance_dollars } = await client.portfolio.balance();
 * const cash = parseMicros(balance_dollars);
 * ```
 */
export interface GetBalanceResponse {
  /** Available balance in integer cents. */
  balance: number;
  /** Available balance in dollars. */
  balance_dollars?: FixedPointDollars;
  /** Portfolio value in integer cents. */
  portfolio_value: number;
  /** As-of time (Unix s). */
  updated_ts: UnixSeconds;
  /** Balance per shard. */
  balance_breakdown?: IndexedBalance[];
}

/** A position in one market. */
export interface MarketPosition {
  /** Market ticker. */
  ticker: string;
  /** Shard. */
  exchange_index: ExchangeIndex;
  /** Total traded notional. */
  total_traded_dollars: FixedPointDollars;
  /** Signed position: positive = YES contracts, negative = NO contracts. */
  position_fp: FixedPointCount;
  /** Current exposure. */
  market_exposure_dollars: FixedPointDollars;
  /** Realized P&L. */
  realized_pnl_dollars: FixedPointDollars;
  /** Fees paid. */
  fees_paid_dollars: FixedPointDollars;
  /** Last change. */
  last_updated_ts: Rfc3339;
  /** @deprecated Legacy integer count. */
  position?: number;
  /** @deprecated Legacy integer cents. */
  total_traded?: number;
  /** @deprecated Legacy integer cents. */
  market_exposure?: number;
  /** @deprecated Legacy integer cents. */
  realized_pnl?: number;
  /** @deprecated Legacy integer cents. */
  fees_paid?: number;
  /** @deprecated Removed 2025-11-13. */
  resting_orders_count?: number;
}

/** Aggregate position in one event. */
export interface EventPosition {
  /** Event ticker. */
  event_ticker: string;
  /** Total cost. */
  total_cost_dollars: FixedPointDollars;
  /** Total contracts bought. */
  total_cost_shares_fp: FixedPointCount;
  /** Current exposure. */
  event_exposure_dollars: FixedPointDollars;
  /** Realized P&L. */
  realized_pnl_dollars: FixedPointDollars;
  /** Fees paid. */
  fees_paid_dollars: FixedPointDollars;
  /** @deprecated Legacy integer cents. */
  total_cost?: number;
  /** @deprecated Legacy integer cents. */
  event_exposure?: number;
  /** @deprecated Legacy integer cents. */
  realized_pnl?: number;
  /** @deprecated Legacy integer cents. */
  fees_paid?: number;
}

/** Query of `GET /portfolio/positions` (and `GET /historical/positions`). */
export interface GetPositionsParams extends PageParams {
  /** Comma list of non-zero filters (`position`, `total_traded`). */
  count_filter?: string;
  /** Only this market. */
  ticker?: string;
  /** Only this event. */
  event_ticker?: string;
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Only this shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `GET /portfolio/positions` (unsettled positions only). */
export interface GetPositionsResponse {
  /** Cursor of the next page. */
  cursor?: string;
  /** Per-market positions. */
  market_positions: MarketPosition[];
  /** Per-event positions. */
  event_positions: EventPosition[];
}

/**
 * One fill of one of your orders.
 *
 * @example
 * ```ts
 * for await (const fill of client.portfolio.iterateFills({ ticker })) console.log(fill.count_fp);
 * ```
 */
export interface Fill {
  /** Fill id. */
  fill_id: string;
  /** Shard. */
  exchange_index: ExchangeIndex;
  /** Same as `fill_id` (legacy name). */
  trade_id: string;
  /** The order. */
  order_id: string;
  /** Market ticker. */
  ticker: string;
  /** Same as `ticker`. */
  market_ticker: string;
  /** @deprecated Use `outcome_side`. */
  side?: LegacySide;
  /** @deprecated Use `book_side`. */
  action?: LegacyAction;
  /** Outcome bought. */
  outcome_side: OutcomeSide;
  /** YES-book side. */
  book_side: BookSide;
  /** Contracts filled. */
  count_fp: FixedPointCount;
  /** YES price. */
  yes_price_dollars: FixedPointDollars;
  /** NO price. */
  no_price_dollars: FixedPointDollars;
  /** Whether you were the taker. */
  is_taker: boolean;
  /** Fill time. */
  created_time?: Rfc3339;
  /** Fee charged. */
  fee_cost: FixedPointDollars;
  /** Subaccount. */
  subaccount_number?: number | null;
  /** @deprecated Fill time (Unix s). */
  ts?: UnixSeconds;
  /** @deprecated Legacy integer count. */
  count?: number;
  /** @deprecated Legacy integer cents. */
  yes_price?: number;
  /** @deprecated Legacy integer cents. */
  no_price?: number;
  /** @deprecated Removed 2026-03-30. */
  client_order_id?: string;
}

/** Query of `GET /portfolio/fills` (and `GET /historical/fills`). */
export interface GetFillsParams extends PageParams {
  /** Only this market. */
  ticker?: string;
  /** Only this order. */
  order_id?: string;
  /** At or after (Unix s). */
  min_ts?: UnixSeconds;
  /** At or before (Unix s). */
  max_ts?: UnixSeconds;
  /** Subaccount (0 = primary). */
  subaccount?: number;
  /** Only this shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `GET /portfolio/fills`. */
export interface GetFillsResponse {
  /** One page of fills. */
  fills: Fill[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** A settled position. */
export interface Settlement {
  /** Market ticker. */
  ticker: string;
  /** Shard. */
  exchange_index: ExchangeIndex;
  /** Event ticker. */
  event_ticker: string;
  /** Result. */
  market_result: 'yes' | 'no' | 'scalar' | 'void';
  /** YES contracts held. */
  yes_count_fp: FixedPointCount;
  /** Cost of the YES contracts. */
  yes_total_cost_dollars: FixedPointDollars;
  /** NO contracts held. */
  no_count_fp: FixedPointCount;
  /** Cost of the NO contracts. */
  no_total_cost_dollars: FixedPointDollars;
  /** Payout in integer **cents**. */
  revenue: number;
  /** Settlement time. */
  settled_time: Rfc3339;
  /** Fee charged. */
  fee_cost: FixedPointDollars;
  /** Payout per YES contract in integer cents. */
  value?: number | null;
}

/** Query of `GET /portfolio/settlements`. */
export interface GetSettlementsParams extends PageParams {
  /** Only this market. */
  ticker?: string;
  /** Only this event. */
  event_ticker?: string;
  /** At or after (Unix s). */
  min_ts?: UnixSeconds;
  /** At or before (Unix s). */
  max_ts?: UnixSeconds;
  /** Subaccount. */
  subaccount?: number;
}

/** Response of `GET /portfolio/settlements`. */
export interface GetSettlementsResponse {
  /** One page of settlements. */
  settlements: Settlement[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Response of `GET /portfolio/summary/total_resting_order_value`. */
export interface GetRestingOrderValueResponse {
  /** Value of resting orders in integer cents. */
  total_resting_order_value: number;
  /** Per shard. */
  resting_order_value_breakdown: IndexedBalance[];
}

/** A deposit or withdrawal. */
export interface CashMovement {
  /** Id. */
  id: string;
  /** Status. */
  status: 'pending' | 'applied' | 'failed' | 'returned';
  /** Rail. */
  type: 'ach' | 'wire' | 'crypto' | 'debit' | 'apm';
  /** Amount in integer cents. */
  amount_cents: number;
  /** Fee in integer cents. */
  fee_cents: number;
  /** Created (Unix s). */
  created_ts: UnixSeconds;
  /** Finalized (Unix s). */
  finalized_ts?: UnixSeconds | null;
}

/** Response of `GET /portfolio/deposits`. */
export interface GetDepositsResponse {
  /** One page of deposits. */
  deposits: CashMovement[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Response of `GET /portfolio/withdrawals`. */
export interface GetWithdrawalsResponse {
  /** One page of withdrawals. */
  withdrawals: CashMovement[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Body of `POST /portfolio/subaccounts`. */
export interface CreateSubaccountRequest {
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `POST /portfolio/subaccounts`. */
export interface CreateSubaccountResponse {
  /** New subaccount number (1-63). */
  subaccount_number: number;
}

/** Body of `POST /portfolio/subaccounts/transfer` (idempotent on `client_transfer_id`). */
export interface ApplySubaccountTransferRequest {
  /** Your idempotency key (UUID). */
  client_transfer_id: string;
  /** Source subaccount. */
  from_subaccount: number;
  /** Destination subaccount. */
  to_subaccount: number;
  /** Amount in integer cents. */
  amount_cents: number;
  /** Shard. */
  exchange_index?: ExchangeIndex;
}

/** Response of `POST /portfolio/subaccounts/transfer`. */
export type ApplySubaccountTransferResponse = Record<string, unknown>;

/** Balance of one subaccount on one shard. */
export interface SubaccountBalance {
  /** Subaccount. */
  subaccount_number: number;
  /** Shard. */
  exchange_index: ExchangeIndex;
  /** Balance. */
  balance: FixedPointDollars;
  /** As of (Unix s). */
  updated_ts: UnixSeconds;
}

/** Response of `GET /portfolio/subaccounts/balances`. */
export interface GetSubaccountBalancesResponse {
  /** Balances (Kalshi's list key). */
  subaccount_balances: SubaccountBalance[];
}

/** A transfer between subaccounts. */
export interface SubaccountTransfer {
  /** Transfer id. */
  transfer_id: string;
  /** Source subaccount. */
  from_subaccount: number;
  /** Destination subaccount. */
  to_subaccount: number;
  /** Amount in integer cents. */
  amount_cents: number;
  /** Created (Unix s). */
  created_ts: UnixSeconds;
  /** Shard. */
  exchange_index: ExchangeIndex;
}

/** Response of `GET /portfolio/subaccounts/transfers`. */
export interface GetSubaccountTransfersResponse {
  /** One page of transfers. */
  transfers: SubaccountTransfer[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Netting flag of one subaccount. */
export interface SubaccountNettingConfig {
  /** Subaccount. */
  subaccount_number: number;
  /** Whether netting is on. */
  enabled: boolean;
  /** Shard. */
  exchange_index: ExchangeIndex;
}

/** Response of `GET /portfolio/subaccounts/netting`. */
export interface GetSubaccountNettingResponse {
  /** Netting flags. */
  netting_configs: SubaccountNettingConfig[];
}

/** Body of `PUT /portfolio/subaccounts/netting`. */
export interface UpdateSubaccountNettingRequest {
  /** Subaccount. */
  subaccount_number: number;
  /** Turn netting on or off. */
  enabled: boolean;
}

/** Body of `POST /portfolio/intra_exchange_instance_transfer`. */
export interface IntraExchangeInstanceTransferRequest {
  /** Source instance. */
  source: ExchangeInstance;
  /** Destination instance. */
  destination: ExchangeInstance;
  /** Amount in centi-cents ($0.0001). */
  amount: number;
  /** Source shard. */
  source_exchange_shard?: number;
  /** Destination shard. */
  destination_exchange_shard?: number;
  /** Source subaccount. */
  source_subaccount?: number;
  /** Destination subaccount. */
  destination_subaccount?: number;
}

/** Response of `POST /portfolio/intra_exchange_instance_transfer`. */
export interface IntraExchangeInstanceTransferResponse {
  /** Transfer id. */
  transfer_id: string;
}

/** A cash transfer between shards or instances. */
export interface IntraExchangeInstanceTransfer {
  /** Transfer id. */
  transfer_id: string;
  /** Source instance. */
  source: ExchangeInstance;
  /** Destination instance. */
  destination: ExchangeInstance;
  /** Source shard. */
  source_exchange_shard: number;
  /** Destination shard. */
  destination_exchange_shard: number;
  /** Amount. */
  amount: FixedPointDollars;
  /** Status. */
  status: 'pending' | 'complete';
  /** Created (Unix s). */
  created_ts: UnixSeconds;
}

/** Response of `GET /portfolio/intra_exchange_instance_transfers`. */
export interface GetIntraExchangeInstanceTransfersResponse {
  /** One page of transfers. */
  transfers: IntraExchangeInstanceTransfer[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Response of `GET /portfolio/intra_exchange_instance_transfers/{transfer_id}`. */
export interface GetIntraExchangeInstanceTransferResponse {
  /** The transfer. */
  transfer: IntraExchangeInstanceTransfer;
}

/** Target share of cash on one shard. */
export interface TargetBalanceAllocation {
  /** Shard. */
  exchange_index: ExchangeIndex;
  /** Percent of cash. */
  percent: number;
}

/** How resting-order margin is reserved across shards. */
export type RestingMarginReservation = 'none' | 'max' | 'sum';

/** Response of `GET /portfolio/target_balance_allocation`. */
export interface GetTargetBalanceAllocationResponse {
  /** Allocations. */
  allocations: TargetBalanceAllocation[];
  /** Reservation mode. */
  resting_margin_reservation: RestingMarginReservation;
}

/** Body of `POST /portfolio/target_balance_allocation`. */
export interface SetTargetBalanceAllocationRequest {
  /** Allocations. */
  allocations: TargetBalanceAllocation[];
  /** Reservation mode. */
  resting_margin_reservation?: RestingMarginReservation;
}
