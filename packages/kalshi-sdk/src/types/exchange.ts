/**
 * Wire types of the exchange group: status, schedule, user-data freshness and fee changes.
 *
 * @module
 */
import type { ExchangeIndex, FeeType, PageParams, Rfc3339 } from './common.js';

/** Status of one exchange shard. */
export interface ExchangeIndexStatus {
  /** The shard. */
  exchange_index: ExchangeIndex;
  /** Human-readable shard name. */
  description: string;
  /** False while the shard is paused entirely. */
  exchange_active: boolean;
  /** False during trading pauses (cancels still work). */
  trading_active: boolean;
  /** Whether cash transfers into or out of the shard are open. */
  intra_exchange_transfers_active: boolean;
}

/**
 * Response of `GET /exchange/status`.
 *
 * @example
 * ```ts
 * const s: GetExchangeStatusResponse = { exchange_active: true, trading_active: true };
 * ```
 */
export interface GetExchangeStatusResponse {
  /** False while the whole exchange is paused. */
  exchange_active: boolean;
  /** False during trading pauses (for example Thursday 03:00-05:00 ET). */
  trading_active: boolean;
  /** Whether cross-shard transfers are open. */
  intra_exchange_transfers_active?: boolean;
  /** Estimated time trading resumes, when paused. */
  exchange_estimated_resume_time?: Rfc3339 | null;
  /** Per-shard status. */
  exchange_index_statuses?: ExchangeIndexStatus[];
}

/** Alias of {@link GetExchangeStatusResponse} under Kalshi's schema name. */
export type ExchangeStatus = GetExchangeStatusResponse;

/** One trading session of a day, in US Eastern time. */
export interface DailySchedule {
  /** Session open, `HH:MM` ET. */
  open_time: string;
  /** Session close, `HH:MM` ET. */
  close_time: string;
}

/** Standard trading hours valid between two instants. */
export interface WeeklySchedule {
  /** Start of validity. */
  start_time: Rfc3339;
  /** End of validity. */
  end_time: Rfc3339;
  /** Monday sessions. */
  monday: DailySchedule[];
  /** Tuesday sessions. */
  tuesday: DailySchedule[];
  /** Wednesday sessions. */
  wednesday: DailySchedule[];
  /** Thursday sessions. */
  thursday: DailySchedule[];
  /** Friday sessions. */
  friday: DailySchedule[];
  /** Saturday sessions. */
  saturday: DailySchedule[];
  /** Sunday sessions. */
  sunday: DailySchedule[];
}

/** A scheduled maintenance window. */
export interface MaintenanceWindow {
  /** Window start. */
  start_datetime: Rfc3339;
  /** Window end. */
  end_datetime: Rfc3339;
}

/** The exchange's trading schedule. */
export interface ExchangeSchedule {
  /** Standard weekly hours. */
  standard_hours: WeeklySchedule[];
  /** Planned maintenance windows. */
  maintenance_windows: MaintenanceWindow[];
}

/** Response of `GET /exchange/schedule`. */
export interface GetExchangeScheduleResponse {
  /** The schedule. */
  schedule: ExchangeSchedule;
}

/** Response of `GET /exchange/user_data_timestamp`. */
export interface GetUserDataTimestampResponse {
  /** Approximate time up to which balance, orders, fills and positions reads are current. */
  as_of_time: Rfc3339;
}

/** Query of `GET /series/fee_changes`. */
export interface GetSeriesFeeChangesParams {
  /** Only this series. */
  series_ticker?: string;
  /** Include changes already in effect. */
  show_historical?: boolean;
}

/** A scheduled fee change of a series. */
export interface SeriesFeeChange {
  /** Change id. */
  id: string;
  /** The series. */
  series_ticker: string;
  /** New fee type. */
  fee_type: FeeType;
  /** New fee multiplier. */
  fee_multiplier: number;
  /** When it takes effect. */
  scheduled_ts: Rfc3339;
}

/** Response of `GET /series/fee_changes`. */
export interface GetSeriesFeeChangesResponse {
  /** The changes (Kalshi's list key). */
  series_fee_change_arr: SeriesFeeChange[];
}

/** Query of `GET /events/fee_changes`. */
export interface GetEventFeeChangesParams extends PageParams {
  /** Only this event. */
  event_ticker?: string;
}

/** A scheduled fee override of an event. */
export interface EventFeeChange {
  /** Change id. */
  id: string;
  /** The event. */
  event_ticker: string;
  /** The event's series. */
  series_ticker: string;
  /** Fee type override, or null to clear it. */
  fee_type_override: FeeType | null;
  /** Fee multiplier override, or null to clear it. */
  fee_multiplier_override: number | null;
  /** When it takes effect. */
  scheduled_ts: Rfc3339;
}

/** Response of `GET /events/fee_changes`. */
export interface GetEventFeeChangesResponse {
  /** The changes. */
  event_fee_changes: EventFeeChange[];
  /** Cursor of the next page; empty at the end. */
  cursor: string;
}

/** Kalshi's REST error object (the body is usually `{"error": ErrorResponse}`). */
export interface ErrorResponse {
  /** Machine-readable code such as `not_found` or `invalid_order_size`. */
  code?: string;
  /** Human-readable message. */
  message?: string;
  /** Extra detail. */
  details?: string;
  /** @deprecated Removed from REST errors on 2026-08-06. */
  service?: string;
}
