import type { RequestOptions } from '../http/transport.js';
import { type ResourceContext, send } from '../internal/context.js';
import type {
  GetExchangeScheduleResponse,
  GetExchangeStatusResponse,
  GetUserDataTimestampResponse,
} from '../types/exchange.js';

/**
 * Exchange status and schedule (public).
 *
 * @example
 * ```ts
 * const { trading_active } = await client.exchange.status();
 * ```
 * @hideconstructor
 */
export class ExchangeResource {
  readonly #ctx: ResourceContext;
  /** @internal */
  constructor(ctx: ResourceContext) {
    this.#ctx = ctx;
  }
  /** `GET /exchange/status`: whether the exchange and trading are active. */
  status(options?: RequestOptions): Promise<GetExchangeStatusResponse> {
    return send(this.#ctx, 'exchange.status', { options });
  }
  /** `GET /exchange/schedule`: standard hours and maintenance windows. */
  schedule(options?: RequestOptions): Promise<GetExchangeScheduleResponse> {
    return send(this.#ctx, 'exchange.schedule', { options });
  }
  /** `GET /exchange/user_data_timestamp`: freshness of portfolio reads. */
  userDataTimestamp(options?: RequestOptions): Promise<GetUserDataTimestampResponse> {
    return send(this.#ctx, 'exchange.userDataTimestamp', { options });
  }
}
