import { RATE_LIMIT_TIERS, type RateLimitTier } from '@mnquants/kalshi-sdk';

/**
 * Kalshi's API usage tiers (token-bucket era, from 2026-04-23).
 *
 * @example
 * ```ts
 * sim.setTier(user.userId, 'premier' satisfies SimUsageTier);
 * ```
 */
export type SimUsageTier = RateLimitTier;

/** Which token bucket a request draws from. */
export type RateLimitBucket = 'read' | 'write';

/**
 * Refill rate and capacity of one bucket, in tokens (Kalshi's `BucketLimit`).
 *
 * @example
 * ```ts
 * const { refill_rate, bucket_capacity }: BucketLimit = TIER_LIMITS.basic.write; // 100, 100
 * ```
 */
export interface BucketLimit {
  /** Tokens added per second. */
  refill_rate: number;
  /** Maximum tokens the bucket holds. */
  bucket_capacity: number;
}

/**
 * The read and write budgets of every tier, as Kalshi documents them.
 *
 * @remarks Basic/Advanced read buckets and every write bucket above Basic hold 2 s of budget;
 * the others hold 1 s. The simulator answers `GET /account/limits` from this table.
 * @example
 * ```ts
 * TIER_LIMITS.advanced.write; // { refill_rate: 300, bucket_capacity: 600 }
 * ```
 */
export const TIER_LIMITS: Readonly<Record<SimUsageTier, { read: BucketLimit; write: BucketLimit }>> =
  // One source for Kalshi's documented budgets: the SDK's table, in the wire's snake_case form.
  Object.freeze(
    Object.fromEntries(
      Object.entries(RATE_LIMIT_TIERS).map(([name, b]) => [
        name,
        Object.freeze({
          read: Object.freeze({ refill_rate: b.read.refillPerSecond, bucket_capacity: b.read.capacity }),
          write: Object.freeze({ refill_rate: b.write.refillPerSecond, bucket_capacity: b.write.capacity }),
        }),
      ]),
    ) as Record<SimUsageTier, { read: BucketLimit; write: BucketLimit }>,
  );

/** Token cost of every endpoint not listed in {@link ENDPOINT_COSTS}. */
export const DEFAULT_ENDPOINT_COST = 10;

/** Non-default endpoint costs (paths relative to the host root, with `{param}` placeholders). */
export const ENDPOINT_COSTS: ReadonlyArray<{ method: string; path: string; cost: number }> = [
  { method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders/{order_id}', cost: 2 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders', cost: 2 },
  { method: 'GET', path: '/trade-api/v2/portfolio/orders/{order_id}', cost: 2 },
  { method: 'POST', path: '/trade-api/v2/portfolio/orders', cost: 100 },
  { method: 'POST', path: '/trade-api/v2/portfolio/orders/{order_id}/amend', cost: 100 },
  { method: 'POST', path: '/trade-api/v2/portfolio/orders/{order_id}/decrease', cost: 100 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/orders/{order_id}', cost: 20 },
  { method: 'POST', path: '/trade-api/v2/account/api_usage_level/upgrade', cost: 30 },
];

/** Per-item costs of batch endpoints (the whole batch must fit in the bucket). */
export const BATCH_ITEM_COSTS: ReadonlyArray<{ method: string; path: string; cost: number }> = [
  { method: 'POST', path: '/trade-api/v2/portfolio/events/orders/batched', cost: 10 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/events/orders/batched', cost: 2 },
  { method: 'POST', path: '/trade-api/v2/portfolio/orders/batched', cost: 100 },
  { method: 'DELETE', path: '/trade-api/v2/portfolio/orders/batched', cost: 20 },
];

/**
 * Looks up the bucket and token cost of a request by its route template.
 *
 * @param method - Upper-case HTTP method.
 * @param route - The route template (`/trade-api/v2/portfolio/orders/{order_id}`).
 * @param items - Number of items for batch endpoints.
 * @internal
 */
export function requestCost(
  method: string,
  route: string,
  items = 1,
): { bucket: RateLimitBucket; cost: number } {
  const bucket: RateLimitBucket = isWrite(method, route) ? 'write' : 'read';
  const batch = BATCH_ITEM_COSTS.find((c) => c.method === method && c.path === route);
  if (batch !== undefined) return { bucket, cost: batch.cost * Math.max(1, items) };
  const fixed = ENDPOINT_COSTS.find((c) => c.method === method && c.path === route);
  return { bucket, cost: fixed?.cost ?? DEFAULT_ENDPOINT_COST };
}

function isWrite(method: string, route: string): boolean {
  if (method === 'GET') return false;
  return (
    route.startsWith('/trade-api/v2/portfolio/events/orders') ||
    route.startsWith('/trade-api/v2/portfolio/orders') ||
    route.startsWith('/trade-api/v2/portfolio/order_groups')
  );
}

/**
 * Token buckets per user and bucket kind, refilled continuously from a real-time clock.
 *
 * @internal
 */
export class RateLimiter {
  readonly #now: () => number;
  readonly #state = new Map<string, { tokens: number; atMs: number }>();

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * Takes `cost` tokens from the user's bucket if they are all there; returns whether it did.
   *
   * @remarks A request that does not fit takes nothing (Kalshi applies no penalty).
   */
  take(userId: string, tier: SimUsageTier, bucket: RateLimitBucket, cost: number): boolean {
    const limit = TIER_LIMITS[tier][bucket];
    const key = `${userId}\u0000${bucket}`;
    const now = this.#now();
    const s = this.#state.get(key) ?? { tokens: limit.bucket_capacity, atMs: now };
    s.tokens = Math.min(limit.bucket_capacity, s.tokens + ((now - s.atMs) * limit.refill_rate) / 1000);
    s.atMs = now;
    this.#state.set(key, s);
    if (s.tokens + 1e-9 < cost) return false;
    s.tokens -= cost;
    return true;
  }

  /** Forgets every bucket (they start full again). */
  reset(): void {
    this.#state.clear();
  }
}
