/**
 * Wire types of milestones (real-world occurrences events refer to).
 *
 * @module
 */
import type { PageParams, Rfc3339 } from './common.js';

/** A real-world milestone (a game, a data release, ...). */
export interface Milestone {
  /** Milestone id. */
  id: string;
  /** Category. */
  category: string;
  /** Type. */
  type: string;
  /** Start. */
  start_date: Rfc3339;
  /** End, if known. */
  end_date?: Rfc3339 | null;
  /** Related events. */
  related_event_tickers: string[];
  /** Primary events. */
  primary_event_tickers: string[];
  /** Title. */
  title: string;
  /** Notification text. */
  notification_message: string;
  /** Source id. */
  source_id?: string | null;
  /** Source ids by provider. */
  source_ids?: Record<string, string>;
  /** Free-form details. */
  details: Record<string, unknown>;
  /** Last update. */
  last_updated_ts: Rfc3339;
}

/** Query of `GET /milestones`. */
export interface GetMilestonesParams extends PageParams {
  /** Only milestones starting on or after this date. */
  minimum_start_date?: Rfc3339;
  /** Category filter. */
  category?: string;
  /** Competition filter. */
  competition?: string;
  /** Source id filter. */
  source_id?: string;
  /** Type filter. */
  type?: string;
  /** Related event filter. */
  related_event_ticker?: string;
  /** Updated at or after (Unix s). */
  min_updated_ts?: number;
}

/** Response of `GET /milestones`. */
export interface GetMilestonesResponse {
  /** One page of milestones. */
  milestones: Milestone[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Response of `GET /milestones/{milestone_id}`. */
export interface GetMilestoneResponse {
  /** The milestone. */
  milestone: Milestone;
}
