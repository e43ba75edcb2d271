/**
 * Wire types of multivariate event collections (combos).
 *
 * @module
 */
import type { ExchangeIndex, OutcomeSide, PageParams, Rfc3339 } from './common.js';
import type { Market } from './markets.js';

/** An event that can be a leg of a combo. */
export interface AssociatedEvent {
  /** Event ticker. */
  ticker: string;
  /** Only YES legs allowed. */
  is_yes_only: boolean;
  /** Max legs from this event. */
  size_max?: number | null;
  /** Min legs from this event. */
  size_min?: number | null;
  /** Makers quoting this event. */
  active_quoters: string[];
}

/** A multivariate event collection. */
export interface MultivariateEventCollection {
  /** Collection ticker. */
  collection_ticker: string;
  /** Series ticker. */
  series_ticker: string;
  /** Shard. */
  exchange_index?: ExchangeIndex;
  /** Title. */
  title: string;
  /** Description. */
  description: string;
  /** Opens. */
  open_date: Rfc3339;
  /** Closes. */
  close_date: Rfc3339;
  /** Events that can be legs. */
  associated_events: AssociatedEvent[];
  /** Their tickers. */
  associated_event_tickers: string[];
  /** Whether leg order matters. */
  is_ordered: boolean;
  /** At most one market per event. */
  is_single_market_per_event: boolean;
  /** All legs YES. */
  is_all_yes: boolean;
  /** Minimum legs. */
  size_min: number;
  /** Maximum legs. */
  size_max: number;
  /** Functional description. */
  functional_description: string;
}

/** Query of `GET /multivariate_event_collections`. */
export interface GetMultivariateCollectionsParams extends PageParams {
  /** Status. */
  status?: 'unopened' | 'open' | 'closed';
  /** Collections using this event. */
  associated_event_ticker?: string;
  /** Only this series. */
  series_ticker?: string;
}

/** Response of `GET /multivariate_event_collections`. */
export interface GetMultivariateCollectionsResponse {
  /** One page of collections (Kalshi's list key). */
  multivariate_contracts: MultivariateEventCollection[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Response of `GET /multivariate_event_collections/{collection_ticker}`. */
export interface GetMultivariateCollectionResponse {
  /** The collection. */
  multivariate_contract: MultivariateEventCollection;
}

/** One leg of a combo to create. */
export interface TickerPair {
  /** Market. */
  market_ticker: string;
  /** Event. */
  event_ticker: string;
  /** Side. */
  side: OutcomeSide;
}

/** Body of `POST /multivariate_event_collections/{collection_ticker}`. */
export interface CreateMarketInCollectionRequest {
  /** Legs. */
  selected_markets: TickerPair[];
  /** Return the market payload. */
  with_market_payload?: boolean;
}

/** Response of `POST /multivariate_event_collections/{collection_ticker}`. */
export interface CreateMarketInCollectionResponse {
  /** Combo event. */
  event_ticker: string;
  /** Combo market. */
  market_ticker: string;
  /** The market (with `with_market_payload`). */
  market?: Market;
}
