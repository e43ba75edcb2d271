/**
 * Wire types of RFQs, quotes and block trades (the communications group).
 *
 * @module
 */
import type {
  FixedPointCount,
  FixedPointDollars,
  MveSelectedLeg,
  OutcomeSide,
  PageParams,
  Rfc3339,
} from './common.js';

/** Response of `GET /communications/id`. */
export interface GetCommunicationsIdResponse {
  /** Your public communications id. */
  communications_id: string;
}

/** A request for quotes. */
export interface Rfq {
  /** RFQ id. */
  id: string;
  /** Creator's communications id. */
  creator_id: string;
  /** Market. */
  market_ticker: string;
  /** Size. */
  contracts_fp: FixedPointCount;
  /** Target cost. */
  target_cost_dollars?: FixedPointDollars;
  /** Whether the target cost excludes fees. */
  target_cost_excludes_fees?: boolean;
  /** Status. */
  status: 'open' | 'closed';
  /** Created. */
  created_ts: Rfc3339;
  /** Combo collection. */
  mve_collection_ticker?: string;
  /** Combo legs. */
  mve_selected_legs?: MveSelectedLeg[];
  /** Rest the unfilled remainder. */
  rest_remainder?: boolean;
  /** Why it was cancelled. */
  cancellation_reason?: string;
  /** Creator's user id (own RFQs). */
  creator_user_id?: string;
  /** Creator's subaccount. */
  creator_subaccount?: number;
  /** Cancelled at. */
  cancelled_ts?: Rfc3339;
  /** Updated at. */
  updated_ts?: Rfc3339;
}

/** Query of `GET /communications/rfqs`. */
export interface GetRfqsParams extends PageParams {
  /** Only this event. */
  event_ticker?: string;
  /** Only this market. */
  market_ticker?: string;
  /** Subaccount. */
  subaccount?: number;
  /** Status. */
  status?: string;
  /** Creator. */
  creator_user_id?: string;
  /** `self` for your own RFQs. */
  user_filter?: string;
}

/** Response of `GET /communications/rfqs`. */
export interface GetRfqsResponse {
  /** One page of RFQs. */
  rfqs: Rfq[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Body of `POST /communications/rfqs`. */
export interface CreateRfqRequest {
  /** Market. */
  market_ticker: string;
  /** Integer size. */
  contracts?: number;
  /** Size. */
  contracts_fp?: FixedPointCount | null;
  /** @deprecated Use `target_cost_dollars`. */
  target_cost_centi_cents?: number;
  /** Target cost. */
  target_cost_dollars?: FixedPointDollars;
  /** Whether the target cost excludes fees. */
  target_cost_excludes_fees?: boolean;
  /** Hide your id from makers. */
  obscure_creator_id?: boolean;
  /** Rest the unfilled remainder. */
  rest_remainder: boolean;
  /** Replace an open RFQ on the same market. */
  replace_existing?: boolean;
  /** FCM subtrader. */
  subtrader_id?: string;
  /** Subaccount. */
  subaccount?: number;
}

/** Response of a create in the communications group (201). */
export interface CreateRfqResponse {
  /** New id. */
  id: string;
}

/** Response of `GET /communications/rfqs/{rfq_id}`. */
export interface GetRfqResponse {
  /** The RFQ. */
  rfq: Rfq;
}

/** A maker's quote on an RFQ. */
export interface Quote {
  /** Quote id. */
  id: string;
  /** RFQ id. */
  rfq_id: string;
  /** Maker's communications id. */
  creator_id: string;
  /** Requester's communications id. */
  rfq_creator_id: string;
  /** Market. */
  market_ticker: string;
  /** Size. */
  contracts_fp: FixedPointCount;
  /** YES bid. */
  yes_bid_dollars: FixedPointDollars;
  /** NO bid. */
  no_bid_dollars: FixedPointDollars;
  /** Created. */
  created_ts: Rfc3339;
  /** Updated. */
  updated_ts: Rfc3339;
  /** Status. */
  status: 'open' | 'accepted' | 'confirmed' | 'executed' | 'cancelled';
  /** Side accepted by the requester. */
  accepted_side?: OutcomeSide;
  /** Accepted at. */
  accepted_ts?: Rfc3339;
  /** Confirmed at. */
  confirmed_ts?: Rfc3339;
  /** Executed at. */
  executed_ts?: Rfc3339;
  /** Cancelled at. */
  cancelled_ts?: Rfc3339;
  /** Rest the remainder. */
  rest_remainder?: boolean;
  /** Post only. */
  post_only?: boolean;
  /** Why it was cancelled. */
  cancellation_reason?: string;
  /** Maker's user id. */
  creator_user_id?: string;
  /** Requester's user id. */
  rfq_creator_user_id?: string;
  /** Requester's target cost. */
  rfq_target_cost_dollars?: FixedPointDollars;
  /** Whether the target cost excludes fees. */
  target_cost_excludes_fees?: boolean;
  /** Requester's order. */
  rfq_creator_order_id?: string;
  /** Maker's order. */
  creator_order_id?: string;
  /** Maker's subaccount. */
  creator_subaccount?: number;
  /** Requester's subaccount. */
  rfq_creator_subaccount?: number;
  /** YES contracts. */
  yes_contracts_fp?: FixedPointCount;
  /** NO contracts. */
  no_contracts_fp?: FixedPointCount;
}

/** Query of `GET /communications/quotes`. */
export interface GetQuotesParams extends PageParams {
  /** At or after (Unix s). */
  min_ts?: number;
  /** At or before (Unix s). */
  max_ts?: number;
  /** Status. */
  status?: string;
  /** Maker. */
  quote_creator_user_id?: string;
  /** `self` for your own quotes. */
  user_filter?: string;
  /** `self` for quotes on your RFQs. */
  rfq_user_filter?: string;
  /** Requester. */
  rfq_creator_user_id?: string;
  /** Requester's subtrader. */
  rfq_creator_subtrader_id?: string;
  /** Only this RFQ. */
  rfq_id?: string;
}

/** Response of `GET /communications/quotes`. */
export interface GetQuotesResponse {
  /** One page of quotes. */
  quotes: Quote[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Body of `POST /communications/quotes`. */
export interface CreateQuoteRequest {
  /** RFQ id. */
  rfq_id: string;
  /** YES bid (`"0"` allowed, not both). */
  yes_bid: FixedPointDollars;
  /** NO bid. */
  no_bid: FixedPointDollars;
  /** Rest the remainder. */
  rest_remainder: boolean;
  /** Post only. */
  post_only?: boolean;
  /** Subaccount. */
  subaccount?: number;
}

/** Response of `GET /communications/quotes/{quote_id}`. */
export interface GetQuoteResponse {
  /** The quote. */
  quote: Quote;
}

/** Body of the quote accept endpoints. */
export interface AcceptQuoteRequest {
  /** Side to take. */
  accepted_side: OutcomeSide;
}

/** A block trade proposal. */
export interface BlockTradeProposal {
  /** Proposal id. */
  id: string;
  /** Proposer. */
  proposer_user_id: string;
  /** Buyer. */
  buyer_user_id: string;
  /** Buyer's subtrader. */
  buyer_subtrader_id?: string;
  /** Seller. */
  seller_user_id: string;
  /** Seller's subtrader. */
  seller_subtrader_id?: string;
  /** Market. */
  market_ticker: string;
  /** Price in centi-cents ($0.0001). */
  price_centi_cents: number;
  /** Size in hundredths of a contract. */
  centicount: number;
  /** Maker side. */
  maker_side: OutcomeSide;
  /** Expiry. */
  expiration_ts: Rfc3339;
  /** Status. */
  status: string;
  /** Created. */
  created_ts: Rfc3339;
  /** Updated. */
  updated_ts: Rfc3339;
  /** Buyer accepted. */
  buyer_accepted: boolean;
  /** Seller accepted. */
  seller_accepted: boolean;
  /** Buyer accepted at. */
  buyer_accepted_ts?: Rfc3339;
  /** Seller accepted at. */
  seller_accepted_ts?: Rfc3339;
  /** Executed at. */
  executed_ts?: Rfc3339;
  /** Buyer's order. */
  buyer_order_id?: string;
  /** Seller's order. */
  seller_order_id?: string;
}

/** Query of `GET /communications/block-trade-proposals`. */
export interface GetBlockTradeProposalsParams extends PageParams {
  /** Only this market. */
  market_ticker?: string;
  /** Status. */
  status?: string;
}

/** Response of `GET /communications/block-trade-proposals`. */
export interface GetBlockTradeProposalsResponse {
  /** One page of proposals. */
  block_trade_proposals: BlockTradeProposal[];
  /** Cursor of the next page. */
  cursor?: string;
}

/** Body of `POST /communications/block-trade-proposals`. */
export interface ProposeBlockTradeRequest {
  /** Buyer. */
  buyer_user_id: string;
  /** Buyer's subtrader. */
  buyer_subtrader_id?: string;
  /** Buyer's subaccount. */
  buyer_subaccount?: number;
  /** Seller. */
  seller_user_id: string;
  /** Seller's subtrader. */
  seller_subtrader_id?: string;
  /** Seller's subaccount. */
  seller_subaccount?: number;
  /** Market. */
  market_ticker: string;
  /** Price in centi-cents. */
  price_centi_cents: number;
  /** Size in hundredths of a contract. */
  centicount: number;
  /** Maker side. */
  maker_side: OutcomeSide;
  /** Expiry. */
  expiration_ts: Rfc3339;
}

/** Response of `POST /communications/block-trade-proposals`. */
export interface ProposeBlockTradeResponse {
  /** New proposal id. */
  block_trade_proposal_id: string;
}

/** Body of `POST /communications/block-trade-proposals/{id}/accept`. */
export interface AcceptBlockTradeProposalRequest {
  /** FCM subtrader. */
  subtrader_id?: string;
  /** Subaccount. */
  subaccount?: number;
}
