import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type {
  AcceptBlockTradeProposalRequest,
  AcceptQuoteRequest,
  BlockTradeProposal,
  CreateQuoteRequest,
  CreateRfqRequest,
  CreateRfqResponse,
  GetBlockTradeProposalsParams,
  GetBlockTradeProposalsResponse,
  GetCommunicationsIdResponse,
  GetQuoteResponse,
  GetQuotesParams,
  GetQuotesResponse,
  GetRfqResponse,
  GetRfqsParams,
  GetRfqsResponse,
  ProposeBlockTradeRequest,
  ProposeBlockTradeResponse,
  Quote,
  Rfq,
} from '../types/communications.js';

/**
 * RFQs, quotes and block trades (authenticated).
 *
 * @example
 * ```ts
 * const { id } = await client.communications.createQuote({ rfq_id, yes_bid: '0.41', no_bid: '0.55', rest_remainder: false });
 * ```
 * @hideconstructor
 */
export class CommunicationsResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /communications/id`. */
  id(options?: RequestOptions): Promise<GetCommunicationsIdResponse> {
    return send(this.#ctx, 'communications.id', { options });
  }
  /** `GET /communications/rfqs`: one page. */
  listRfqs(params?: GetRfqsParams, options?: RequestOptions): Promise<GetRfqsResponse> {
    return send(this.#ctx, 'communications.listRfqs', { query: params, options });
  }
  /** Every RFQ, across pages. */
  iterateRfqs(params: GetRfqsParams = {}, options?: RequestOptions): AsyncGenerator<Rfq, void, undefined> {
    return paginate(
      'GET /communications/rfqs',
      params.cursor,
      (cursor) => this.listRfqs({ ...params, cursor }, options),
      (p) => p.rfqs,
      (p) => p.cursor,
    );
  }
  /** `POST /communications/rfqs`. */
  createRfq(body: CreateRfqRequest, options?: RequestOptions): Promise<CreateRfqResponse> {
    return send(this.#ctx, 'communications.createRfq', { body, options });
  }
  /** `GET /communications/rfqs/{rfq_id}`. */
  getRfq(rfqId: string, options?: RequestOptions): Promise<GetRfqResponse> {
    return send(this.#ctx, 'communications.getRfq', { path: { rfq_id: rfqId }, options });
  }
  /** `DELETE /communications/rfqs/{rfq_id}`. */
  deleteRfq(rfqId: string, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'communications.deleteRfq', { path: { rfq_id: rfqId }, options });
  }
  /** `GET /communications/quotes`: one page. */
  listQuotes(params?: GetQuotesParams, options?: RequestOptions): Promise<GetQuotesResponse> {
    return send(this.#ctx, 'communications.listQuotes', { query: params, options });
  }
  /** Every quote, across pages. */
  iterateQuotes(
    params: GetQuotesParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Quote, void, undefined> {
    return paginate(
      'GET /communications/quotes',
      params.cursor,
      (cursor) => this.listQuotes({ ...params, cursor }, options),
      (p) => p.quotes,
      (p) => p.cursor,
    );
  }
  /** `POST /communications/quotes`. */
  createQuote(body: CreateQuoteRequest, options?: RequestOptions): Promise<CreateRfqResponse> {
    return send(this.#ctx, 'communications.createQuote', { body, options });
  }
  /** `GET /communications/rfqs/{rfq_id}/quotes/{quote_id}`. */
  getQuote(rfqId: string, quoteId: string, options?: RequestOptions): Promise<GetQuoteResponse> {
    return send(this.#ctx, 'communications.getQuote', {
      path: { rfq_id: rfqId, quote_id: quoteId },
      options,
    });
  }
  /** `DELETE /communications/rfqs/{rfq_id}/quotes/{quote_id}`. */
  deleteQuote(rfqId: string, quoteId: string, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'communications.deleteQuote', {
      path: { rfq_id: rfqId, quote_id: quoteId },
      options,
    });
  }
  /** `PUT /communications/rfqs/{rfq_id}/quotes/{quote_id}/accept`. */
  acceptQuote(
    rfqId: string,
    quoteId: string,
    body: AcceptQuoteRequest,
    options?: RequestOptions,
  ): Promise<void> {
    return send(this.#ctx, 'communications.acceptQuote', {
      path: { rfq_id: rfqId, quote_id: quoteId },
      body,
      options,
    });
  }
  /** `PUT /communications/rfqs/{rfq_id}/quotes/{quote_id}/confirm`. */
  confirmQuote(rfqId: string, quoteId: string, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'communications.confirmQuote', {
      path: { rfq_id: rfqId, quote_id: quoteId },
      body: {},
      options,
    });
  }
  /**
   * `GET /communications/quotes/{quote_id}`.
   * @deprecated Use {@link CommunicationsResource.getQuote}.
   */
  getQuoteById(quoteId: string, options?: RequestOptions): Promise<GetQuoteResponse> {
    return send(this.#ctx, 'communications.getQuoteById', { path: { quote_id: quoteId }, options });
  }
  /**
   * `DELETE /communications/quotes/{quote_id}`.
   * @deprecated Use {@link CommunicationsResource.deleteQuote}.
   */
  deleteQuoteById(quoteId: string, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'communications.deleteQuoteById', { path: { quote_id: quoteId }, options });
  }
  /**
   * `PUT /communications/quotes/{quote_id}/accept`.
   * @deprecated Use {@link CommunicationsResource.acceptQuote}.
   */
  acceptQuoteById(quoteId: string, body: AcceptQuoteRequest, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'communications.acceptQuoteById', { path: { quote_id: quoteId }, body, options });
  }
  /**
   * `PUT /communications/quotes/{quote_id}/confirm`.
   * @deprecated Use {@link CommunicationsResource.confirmQuote}.
   */
  confirmQuoteById(quoteId: string, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'communications.confirmQuoteById', {
      path: { quote_id: quoteId },
      body: {},
      options,
    });
  }
  /** `GET /communications/block-trade-proposals`: one page. */
  listBlockTradeProposals(
    params?: GetBlockTradeProposalsParams,
    options?: RequestOptions,
  ): Promise<GetBlockTradeProposalsResponse> {
    return send(this.#ctx, 'communications.listBlockTradeProposals', { query: params, options });
  }
  /** Every block trade proposal, across pages. */
  iterateBlockTradeProposals(
    params: GetBlockTradeProposalsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<BlockTradeProposal, void, undefined> {
    return paginate(
      'GET /communications/block-trade-proposals',
      params.cursor,
      (cursor) => this.listBlockTradeProposals({ ...params, cursor }, options),
      (p) => p.block_trade_proposals,
      (p) => p.cursor,
    );
  }
  /** `POST /communications/block-trade-proposals`. */
  proposeBlockTrade(
    body: ProposeBlockTradeRequest,
    options?: RequestOptions,
  ): Promise<ProposeBlockTradeResponse> {
    return send(this.#ctx, 'communications.proposeBlockTrade', { body, options });
  }
  /** `POST /communications/block-trade-proposals/{block_trade_proposal_id}/accept`. */
  acceptBlockTradeProposal(
    proposalId: string,
    body: AcceptBlockTradeProposalRequest = {},
    options?: RequestOptions,
  ): Promise<void> {
    return send(this.#ctx, 'communications.acceptBlockTradeProposal', {
      path: { block_trade_proposal_id: proposalId },
      body,
      options,
    });
  }
}
