import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import { paginate } from '../internal/paginate.js';
import type { PageParams } from '../types/common.js';
import type {
  ApplySubaccountTransferRequest,
  ApplySubaccountTransferResponse,
  CashMovement,
  CreateSubaccountRequest,
  CreateSubaccountResponse,
  Fill,
  GetBalanceParams,
  GetBalanceResponse,
  GetDepositsResponse,
  GetFillsParams,
  GetFillsResponse,
  GetIntraExchangeInstanceTransferResponse,
  GetIntraExchangeInstanceTransfersResponse,
  GetPositionsParams,
  GetPositionsResponse,
  GetRestingOrderValueResponse,
  GetSettlementsParams,
  GetSettlementsResponse,
  GetSubaccountBalancesResponse,
  GetSubaccountNettingResponse,
  GetSubaccountTransfersResponse,
  GetTargetBalanceAllocationResponse,
  GetWithdrawalsResponse,
  IntraExchangeInstanceTransfer,
  IntraExchangeInstanceTransferRequest,
  IntraExchangeInstanceTransferResponse,
  MarketPosition,
  SetTargetBalanceAllocationRequest,
  Settlement,
  SubaccountTransfer,
  UpdateSubaccountNettingRequest,
} from '../types/portfolio.js';

/**
 * Balance, positions, fills, settlements, subaccounts and transfers (all authenticated).
 *
 * @example
 * ```ts
 * const { balance_dollars } = await client.portfolio.balance();
 * for await (const p of client.portfolio.iteratePositions({ count_filter: 'position' })) console.log(p.ticker, p.position_fp);
 * ```
 * @hideconstructor
 */
export class PortfolioResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /portfolio/balance`. */
  balance(params?: GetBalanceParams, options?: RequestOptions): Promise<GetBalanceResponse> {
    return send(this.#ctx, 'portfolio.balance', { query: params, options });
  }
  /** `GET /portfolio/positions`: one page of unsettled positions. */
  positions(params?: GetPositionsParams, options?: RequestOptions): Promise<GetPositionsResponse> {
    return send(this.#ctx, 'portfolio.positions', { query: params, options });
  }
  /** Every market position, across pages (event positions are in the pages of {@link PortfolioResource.positions}). */
  iteratePositions(
    params: GetPositionsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<MarketPosition, void, undefined> {
    return paginate(
      'GET /portfolio/positions',
      params.cursor,
      (cursor) => this.positions({ ...params, cursor }, options),
      (p) => p.market_positions,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/fills`: one page. */
  fills(params?: GetFillsParams, options?: RequestOptions): Promise<GetFillsResponse> {
    return send(this.#ctx, 'portfolio.fills', { query: params, options });
  }
  /** Every fill, across pages. */
  iterateFills(params: GetFillsParams = {}, options?: RequestOptions): AsyncGenerator<Fill, void, undefined> {
    return paginate(
      'GET /portfolio/fills',
      params.cursor,
      (cursor) => this.fills({ ...params, cursor }, options),
      (p) => p.fills,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/settlements`: one page. */
  settlements(params?: GetSettlementsParams, options?: RequestOptions): Promise<GetSettlementsResponse> {
    return send(this.#ctx, 'portfolio.settlements', { query: params, options });
  }
  /** Every settlement, across pages. */
  iterateSettlements(
    params: GetSettlementsParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<Settlement, void, undefined> {
    return paginate(
      'GET /portfolio/settlements',
      params.cursor,
      (cursor) => this.settlements({ ...params, cursor }, options),
      (p) => p.settlements,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/summary/total_resting_order_value`. */
  restingOrderValue(options?: RequestOptions): Promise<GetRestingOrderValueResponse> {
    return send(this.#ctx, 'portfolio.restingOrderValue', { options });
  }
  /** `GET /portfolio/deposits`: one page. */
  deposits(params?: PageParams, options?: RequestOptions): Promise<GetDepositsResponse> {
    return send(this.#ctx, 'portfolio.deposits', { query: params, options });
  }
  /** Every deposit, across pages. */
  iterateDeposits(
    params: PageParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<CashMovement, void, undefined> {
    return paginate(
      'GET /portfolio/deposits',
      params.cursor,
      (cursor) => this.deposits({ ...params, cursor }, options),
      (p) => p.deposits,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/withdrawals`: one page. */
  withdrawals(params?: PageParams, options?: RequestOptions): Promise<GetWithdrawalsResponse> {
    return send(this.#ctx, 'portfolio.withdrawals', { query: params, options });
  }
  /** Every withdrawal, across pages. */
  iterateWithdrawals(
    params: PageParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<CashMovement, void, undefined> {
    return paginate(
      'GET /portfolio/withdrawals',
      params.cursor,
      (cursor) => this.withdrawals({ ...params, cursor }, options),
      (p) => p.withdrawals,
      (p) => p.cursor,
    );
  }
  /** `POST /portfolio/subaccounts`: creates a subaccount. */
  createSubaccount(
    body: CreateSubaccountRequest = {},
    options?: RequestOptions,
  ): Promise<CreateSubaccountResponse> {
    return send(this.#ctx, 'portfolio.createSubaccount', { body, options });
  }
  /** `POST /portfolio/subaccounts/transfer`: moves cash between subaccounts (idempotent on `client_transfer_id`). */
  transferBetweenSubaccounts(
    body: ApplySubaccountTransferRequest,
    options?: RequestOptions,
  ): Promise<ApplySubaccountTransferResponse> {
    return send(this.#ctx, 'portfolio.transferBetweenSubaccounts', { body, options });
  }
  /** `GET /portfolio/subaccounts/balances`. */
  subaccountBalances(options?: RequestOptions): Promise<GetSubaccountBalancesResponse> {
    return send(this.#ctx, 'portfolio.subaccountBalances', { options });
  }
  /** `GET /portfolio/subaccounts/transfers`: one page. */
  subaccountTransfers(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<GetSubaccountTransfersResponse> {
    return send(this.#ctx, 'portfolio.subaccountTransfers', { query: params, options });
  }
  /** Every subaccount transfer, across pages. */
  iterateSubaccountTransfers(
    params: PageParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<SubaccountTransfer, void, undefined> {
    return paginate(
      'GET /portfolio/subaccounts/transfers',
      params.cursor,
      (cursor) => this.subaccountTransfers({ ...params, cursor }, options),
      (p) => p.transfers,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/subaccounts/netting`. */
  subaccountNetting(options?: RequestOptions): Promise<GetSubaccountNettingResponse> {
    return send(this.#ctx, 'portfolio.subaccountNetting', { options });
  }
  /** `PUT /portfolio/subaccounts/netting`. */
  setSubaccountNetting(body: UpdateSubaccountNettingRequest, options?: RequestOptions): Promise<void> {
    return send(this.#ctx, 'portfolio.setSubaccountNetting', { body, options });
  }
  /** `POST /portfolio/intra_exchange_instance_transfer`: moves cash between shards or instances. */
  intraExchangeTransfer(
    body: IntraExchangeInstanceTransferRequest,
    options?: RequestOptions,
  ): Promise<IntraExchangeInstanceTransferResponse> {
    return send(this.#ctx, 'portfolio.intraExchangeTransfer', { body, options });
  }
  /** `GET /portfolio/intra_exchange_instance_transfers`: one page. */
  intraExchangeTransfers(
    params?: PageParams,
    options?: RequestOptions,
  ): Promise<GetIntraExchangeInstanceTransfersResponse> {
    return send(this.#ctx, 'portfolio.intraExchangeTransfers', { query: params, options });
  }
  /** Every cross-shard transfer, across pages. */
  iterateIntraExchangeTransfers(
    params: PageParams = {},
    options?: RequestOptions,
  ): AsyncGenerator<IntraExchangeInstanceTransfer, void, undefined> {
    return paginate(
      'GET /portfolio/intra_exchange_instance_transfers',
      params.cursor,
      (cursor) => this.intraExchangeTransfers({ ...params, cursor }, options),
      (p) => p.transfers,
      (p) => p.cursor,
    );
  }
  /** `GET /portfolio/intra_exchange_instance_transfers/{transfer_id}`. */
  getIntraExchangeTransfer(
    transferId: string,
    options?: RequestOptions,
  ): Promise<GetIntraExchangeInstanceTransferResponse> {
    return send(this.#ctx, 'portfolio.getIntraExchangeTransfer', {
      path: { transfer_id: transferId },
      options,
    });
  }
  /** `GET /portfolio/target_balance_allocation`. */
  targetBalanceAllocation(options?: RequestOptions): Promise<GetTargetBalanceAllocationResponse> {
    return send(this.#ctx, 'portfolio.targetBalanceAllocation', { options });
  }
  /** `POST /portfolio/target_balance_allocation`. */
  setTargetBalanceAllocation(
    body: SetTargetBalanceAllocationRequest,
    options?: RequestOptions,
  ): Promise<void> {
    return send(this.#ctx, 'portfolio.setTargetBalanceAllocation', { body, options });
  }
}
