/**
 * Cancels any number of orders through a gateway in batches the venue accepts, checking every
 * item's result and retrying the failed ones with back-off.
 *
 * @module
 */

import type { GatewayFailure, GatewayResult, OrderGateway, OrderRef } from '../ports/order-gateway.js';

/** Settings of {@link cancelInChunks}. */
export interface ChunkedCancelOptions {
  /** Orders per batch; capped by the gateway's `maxBatchSize`. @defaultValue `20` */
  readonly batchSize?: number;
  /** Rounds in all (the first try included) for items that failed for a transient reason. @defaultValue `4` */
  readonly attempts?: number;
  /** Wait before the second round, in ms; doubles each round up to 5 s. @defaultValue `200` */
  readonly retryBaseMs?: number;
}

/** One order {@link cancelInChunks} could not cancel. */
export interface ChunkedCancelFailure {
  /** The order. */
  readonly ref: OrderRef;
  /** The last failure seen for it. */
  readonly failure: GatewayFailure;
}

/** What {@link cancelInChunks} did. */
export interface ChunkedCancelReport {
  /** Orders the venue confirmed cancelled (or no longer knew). */
  readonly cancelled: number;
  /** Orders still not cancelled after every round. */
  readonly failed: readonly ChunkedCancelFailure[];
  /** Item retries sent after a failure. */
  readonly retries: number;
}

/**
 * Cancels `refs` in batches no larger than the venue allows and reports every order it could not
 * cancel.
 *
 * @remarks Batches go out one after another (cancels spend the write budget; the gateway's rate
 * limiter paces them). An item answered `NOT_FOUND` counts as cancelled (it is gone). `UNKNOWN`
 * and `RATE_LIMITED` items, and every item of a batch that threw, are retried in later rounds after
 * a capped exponential back-off; `REJECTED` items are not retried (the venue said no). Never throws.
 * @example
 * ```ts
 * const report = await cancelInChunks(gateway, orphans.map((o) => ({ orderId: o.orderId, marketTicker: o.marketTicker })));
 * if (report.failed.length > 0) console.warn('still resting', report.failed);
 * ```
 */
export async function cancelInChunks(
  gateway: OrderGateway,
  refs: readonly OrderRef[],
  options: ChunkedCancelOptions = {},
): Promise<ChunkedCancelReport> {
  const venueMax = gateway.maxBatchSize;
  const wanted = Math.max(1, Math.floor(options.batchSize ?? 20));
  const size = venueMax !== undefined && venueMax >= 1 ? Math.min(wanted, Math.floor(venueMax)) : wanted;
  const attempts = Math.max(1, options.attempts ?? 4);
  const baseMs = options.retryBaseMs ?? 200;
  let pending: readonly OrderRef[] = refs;
  let cancelled = 0;
  let retries = 0;
  const rejected: ChunkedCancelFailure[] = [];
  let transient: ChunkedCancelFailure[] = [];
  for (let round = 0; round < attempts && pending.length > 0; round++) {
    if (round > 0) {
      retries += pending.length;
      await new Promise((r) => setTimeout(r, Math.min(5_000, baseMs * 2 ** (round - 1))));
    }
    const again: OrderRef[] = [];
    transient = [];
    for (let i = 0; i < pending.length; i += size) {
      const chunk = pending.slice(i, i + size);
      let results: readonly (GatewayResult<unknown> | undefined)[];
      try {
        results =
          chunk.length === 1 ? [await gateway.cancelOrder(chunk[0]!)] : await gateway.cancelOrders(chunk);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        results = chunk.map(() => ({ ok: false, kind: 'UNKNOWN', code: 'THREW', message }) as const);
      }
      for (let j = 0; j < chunk.length; j++) {
        const ref = chunk[j]!;
        const r = results[j] ?? { ok: false, kind: 'UNKNOWN', code: 'MISSING_ITEM', message: 'no result' };
        if (r.ok || r.kind === 'NOT_FOUND') {
          cancelled++;
          continue;
        }
        if (r.kind === 'REJECTED') rejected.push({ ref, failure: r });
        else {
          transient.push({ ref, failure: r });
          again.push(ref);
        }
      }
    }
    pending = again;
  }
  return { cancelled, failed: [...rejected, ...transient], retries };
}
