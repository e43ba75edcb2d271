/**
 * In-memory fakes of the core's ports for tests: a venue (order gateway) with controllable
 * timing and outcomes, and a market-data feed driven by the test.
 */
import type {
  BookSnapshot,
  CountUnits,
  Fill,
  QuoteSide,
  VenueOrder,
  VenuePosition,
} from '../../src/model/types.js';
import type { MarketDataFeed, MarketDataHandlers } from '../../src/ports/market-data-feed.js';
import type {
  AmendedOrder,
  AmendOrderRequest,
  GatewayResult,
  GatewayWriteOptions,
  OrderGateway,
  OrderGroup,
  OrderRef,
  PlacedOrder,
  PlaceOrderRequest,
  ReducedOrder,
} from '../../src/ports/order-gateway.js';

export type Outcome = 'ok' | 'reject' | 'unknown-applied' | 'unknown-lost' | 'rate-limited';

export interface FakeOrder {
  orderId: string;
  clientOrderId: string;
  marketTicker: string;
  side: QuoteSide;
  priceUnits: number;
  remaining: CountUnits;
  filled: CountUnits;
  status: 'resting' | 'canceled' | 'executed';
  orderGroupId?: string | undefined;
}

type Op =
  | { kind: 'place'; req: PlaceOrderRequest; resolve: (r: GatewayResult<PlacedOrder>) => void }
  | { kind: 'amend'; req: AmendOrderRequest; resolve: (r: GatewayResult<AmendedOrder>) => void }
  | { kind: 'decrease'; ref: OrderRef; to: CountUnits; resolve: (r: GatewayResult<ReducedOrder>) => void }
  | { kind: 'cancel'; ref: OrderRef; resolve: (r: GatewayResult<ReducedOrder>) => void };

export class FakeVenue implements OrderGateway {
  /** The venue's batch limit (`undefined`: none), as a rate-limited venue reports it. */
  maxBatchSize: number | undefined = undefined;
  readonly orders = new Map<string, FakeOrder>();
  readonly fills: Fill[] = [];
  readonly positions = new Map<string, CountUnits>();
  readonly pending: Op[] = [];
  readonly calls: string[] = [];
  /** When true, writes wait in `pending` until `process` is called. */
  manual = false;
  /** Outcome of automatically processed writes. */
  autoOutcome: Outcome = 'ok';
  cancelAllCalls = 0;
  groupTriggered = false;
  /** When > 0, cancelAll leaves orders resting this many more times (to test verification). */
  cancelAllIneffective = 0;
  /**
   * Creates that may still leave the "process" before the gate closes (like tokens in the SDK's
   * write bucket); later creates wait in `held` until {@link FakeVenue.releaseCreates}, or until
   * their signal aborts, which withdraws them (they never reach the venue).
   */
  createBudget = Number.POSITIVE_INFINITY;
  readonly held: { req: PlaceOrderRequest; go: () => void }[] = [];
  /** Creates withdrawn by their signal before reaching the venue. */
  withdrawnCreates = 0;
  /** Called when a create or an amend reaches the venue, with the side's worst case before and after. */
  onExposureWrite: ((side: QuoteSide, worstBefore: CountUnits, worstAfter: CountUnits) => void) | undefined;
  /** Writes whose caller aborted while they were on the wire (answer lost, may still apply). */
  abortedOnWire = 0;
  #nextId = 0;
  #trade = 0;
  #fillListener: ((f: Fill) => void) | undefined;

  onFill(listener: (f: Fill) => void): void {
    this.#fillListener = listener;
  }

  resting(side?: QuoteSide, marketTicker?: string): FakeOrder[] {
    return [...this.orders.values()].filter(
      (o) =>
        o.status === 'resting' &&
        (side === undefined || o.side === side) &&
        (marketTicker === undefined || o.marketTicker === marketTicker),
    );
  }

  restingCount(side: QuoteSide, marketTicker?: string): CountUnits {
    return this.resting(side, marketTicker).reduce((s, o) => s + o.remaining, 0);
  }

  pendingCreateCount(side: QuoteSide): CountUnits {
    return this.pending.reduce(
      (s, op) => s + (op.kind === 'place' && op.req.side === side ? op.req.countUnits : 0),
      0,
    );
  }

  /**
   * Worst-case size that can rest on a side, seen from the venue: resting orders at the larger of
   * their size and any pending amend's new size, plus pending creates. Independent of the
   * manager's own accounting.
   */
  worstCaseCount(side: QuoteSide, marketTicker?: string): CountUnits {
    let total = this.pendingCreateCount(side);
    for (const o of this.resting(side, marketTicker)) {
      let worst = o.remaining;
      for (const op of this.pending) {
        if (op.kind === 'amend' && op.req.orderId === o.orderId)
          worst = Math.max(worst, op.req.totalCountUnits - o.filled);
      }
      total += worst;
    }
    return total;
  }

  /** Fills `count` of a resting order as a counterparty would. */
  fill(orderId: string, count: CountUnits, tsMs = Date.now()): Fill {
    const o = this.orders.get(orderId);
    if (o === undefined || o.status !== 'resting' || count <= 0 || count > o.remaining)
      throw new Error('bad fill');
    o.remaining -= count;
    o.filled += count;
    if (o.remaining === 0) o.status = 'executed';
    const f: Fill = {
      tradeId: `tr${++this.#trade}`,
      orderId,
      clientOrderId: o.clientOrderId,
      marketTicker: o.marketTicker,
      side: o.side,
      priceUnits: o.priceUnits,
      countUnits: count,
      feeMicros: 0,
      isTaker: false,
      tsMs,
    };
    this.fills.push(f);
    this.positions.set(
      o.marketTicker,
      (this.positions.get(o.marketTicker) ?? 0) + (o.side === 'bid' ? count : -count),
    );
    this.#fillListener?.(f);
    return f;
  }

  /** Processes the pending write at `index` with `outcome`. */
  process(index: number, outcome: Outcome): void {
    const [op] = this.pending.splice(index, 1);
    if (op !== undefined) this.#run(op, outcome);
  }

  processAll(outcome: Outcome = 'ok'): void {
    while (this.pending.length > 0) this.process(0, outcome);
  }

  /** Lets `n` held creates (and `n` more later ones) through the gate. */
  releaseCreates(n = Number.POSITIVE_INFINITY): void {
    this.createBudget = n;
    while (this.createBudget > 0 && this.held.length > 0) {
      this.createBudget--;
      this.held.shift()!.go();
    }
  }

  #enqueue(op: Op, signal?: AbortSignal): void {
    this.calls.push(op.kind);
    if (signal !== undefined && (op.kind === 'place' || op.kind === 'amend')) {
      // On the wire: an abort loses the answer, but the venue may still apply the write.
      const answer = op.resolve as (r: GatewayResult<never>) => void;
      const onAbort = () => {
        this.abortedOnWire++;
        answer(aborted('aborted in flight'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      op.resolve = ((r: GatewayResult<never>) => {
        signal.removeEventListener('abort', onAbort);
        answer(r);
      }) as typeof op.resolve;
    }
    const side = op.kind === 'place' || op.kind === 'amend' ? op.req.side : undefined;
    const before = side === undefined ? 0 : this.worstCaseCount(side);
    if (this.manual) this.pending.push(op);
    else queueMicrotask(() => this.#run(op, this.autoOutcome));
    if (side !== undefined) this.onExposureWrite?.(side, before, this.worstCaseCount(side));
  }

  #run(op: Op, outcome: Outcome): void {
    if (op.kind === 'place' && this.groupTriggered && op.req.orderGroupId !== undefined) outcome = 'reject';
    const apply = outcome === 'ok' || outcome === 'unknown-applied';
    const fail = (): GatewayResult<never> | undefined => {
      if (outcome === 'reject')
        return { ok: false, kind: 'REJECTED', code: 'invalid_order', message: 'rejected by fake' };
      if (outcome === 'rate-limited')
        return { ok: false, kind: 'RATE_LIMITED', code: 'RATE_LIMITED', message: '429' };
      if (outcome === 'unknown-applied' || outcome === 'unknown-lost') {
        return { ok: false, kind: 'UNKNOWN', code: 'TIMEOUT', message: 'timed out' };
      }
      return undefined;
    };
    switch (op.kind) {
      case 'place': {
        let order: FakeOrder | undefined;
        if (apply) {
          order = {
            orderId: `o${++this.#nextId}`,
            clientOrderId: op.req.clientOrderId,
            marketTicker: op.req.marketTicker,
            side: op.req.side,
            priceUnits: op.req.priceUnits,
            remaining: op.req.countUnits,
            filled: 0,
            status: 'resting',
            orderGroupId: op.req.orderGroupId,
          };
          this.orders.set(order.orderId, order);
        }
        const f = fail();
        op.resolve(
          f ?? {
            ok: true,
            value: {
              orderId: order!.orderId,
              clientOrderId: order!.clientOrderId,
              filledCountUnits: 0,
              remainingCountUnits: order!.remaining,
              tsMs: 0,
            },
          },
        );
        return;
      }
      case 'amend': {
        const o = this.orders.get(op.req.orderId);
        if (o === undefined || o.status !== 'resting') {
          op.resolve({ ok: false, kind: 'NOT_FOUND', code: 'not_found', message: 'gone' });
          return;
        }
        if (apply) {
          o.priceUnits = op.req.priceUnits;
          o.remaining = Math.max(0, op.req.totalCountUnits - o.filled);
          if (o.remaining === 0) o.status = 'canceled';
        }
        op.resolve(
          fail() ?? {
            ok: true,
            value: {
              orderId: o.orderId,
              filledCountUnits: o.filled,
              remainingCountUnits: o.remaining,
              tsMs: 0,
            },
          },
        );
        return;
      }
      case 'decrease':
      case 'cancel': {
        const o = this.orders.get(op.ref.orderId);
        if (o === undefined || o.status !== 'resting') {
          op.resolve({ ok: false, kind: 'NOT_FOUND', code: 'not_found', message: 'gone' });
          return;
        }
        if (apply) {
          o.remaining = op.kind === 'cancel' ? 0 : Math.min(o.remaining, op.to);
          if (o.remaining === 0) o.status = 'canceled';
        }
        op.resolve(
          fail() ?? { ok: true, value: { orderId: o.orderId, remainingCountUnits: o.remaining, tsMs: 0 } },
        );
        return;
      }
    }
  }

  placeOrder(req: PlaceOrderRequest, options?: GatewayWriteOptions): Promise<GatewayResult<PlacedOrder>> {
    const signal = options?.signal;
    return new Promise((resolve) => {
      const send = () => this.#enqueue({ kind: 'place', req, resolve }, signal);
      if (signal?.aborted) {
        this.withdrawnCreates++;
        resolve(withdrawn('aborted before sending'));
      } else if (this.createBudget > 0) {
        this.createBudget--;
        send();
      } else {
        const entry = { req, go: send };
        this.held.push(entry);
        signal?.addEventListener(
          'abort',
          () => {
            const i = this.held.indexOf(entry);
            if (i < 0) return;
            this.held.splice(i, 1);
            this.withdrawnCreates++;
            resolve(withdrawn('aborted while waiting to be sent'));
          },
          { once: true },
        );
      }
    });
  }
  placeOrders(
    reqs: readonly PlaceOrderRequest[],
    options?: GatewayWriteOptions,
  ): Promise<readonly GatewayResult<PlacedOrder>[]> {
    return Promise.all(reqs.map((r) => this.placeOrder(r, options)));
  }
  amendOrder(req: AmendOrderRequest, options?: GatewayWriteOptions): Promise<GatewayResult<AmendedOrder>> {
    return new Promise((resolve) => this.#enqueue({ kind: 'amend', req, resolve }, options?.signal));
  }
  decreaseOrder(ref: OrderRef, to: CountUnits): Promise<GatewayResult<ReducedOrder>> {
    return new Promise((resolve) => this.#enqueue({ kind: 'decrease', ref, to, resolve }));
  }
  cancelOrder(ref: OrderRef): Promise<GatewayResult<ReducedOrder>> {
    return new Promise((resolve) => this.#enqueue({ kind: 'cancel', ref, resolve }));
  }
  cancelOrders(refs: readonly OrderRef[]): Promise<readonly GatewayResult<ReducedOrder>[]> {
    if (this.maxBatchSize !== undefined && refs.length > this.maxBatchSize) {
      // As the SDK does: a batch above the venue's limit is refused locally, nothing is sent.
      this.calls.push('cancelOrders:refused');
      const f = { ok: false, kind: 'REJECTED', code: 'BATCH_TOO_LARGE', message: 'batch too large' } as const;
      return Promise.resolve(refs.map(() => f));
    }
    return Promise.all(refs.map((r) => this.cancelOrder(r)));
  }
  async cancelAll(): Promise<GatewayResult<void>> {
    this.calls.push('cancelAll');
    this.cancelAllCalls++;
    if (this.cancelAllIneffective > 0) {
      this.cancelAllIneffective--;
      return { ok: true, value: undefined };
    }
    for (const o of this.orders.values()) if (o.status === 'resting') o.status = 'canceled';
    return { ok: true, value: undefined };
  }
  async getOpenOrders(marketTicker?: string): Promise<readonly VenueOrder[]> {
    this.calls.push('getOpenOrders');
    return this.resting(undefined, marketTicker).map(toVenue);
  }
  async getPositions(): Promise<readonly VenuePosition[]> {
    return [...this.positions.entries()]
      .filter(([, p]) => p !== 0)
      .map(([marketTicker, positionCountUnits]) => ({ marketTicker, positionCountUnits }));
  }
  async getFillsSince(sinceTsMs: number): Promise<readonly Fill[]> {
    return this.fills.filter((f) => f.tsMs >= sinceTsMs);
  }
  async getOrder(orderId: string): Promise<VenueOrder | undefined> {
    const o = this.orders.get(orderId);
    return o === undefined ? undefined : toVenue(o);
  }
  /** Number of lookups by client order id (each costs a request on a real venue). */
  clientIdLookups = 0;

  async getOrderByClientOrderId(clientOrderId: string): Promise<VenueOrder | undefined> {
    this.clientIdLookups++;
    for (const o of this.orders.values()) if (o.clientOrderId === clientOrderId) return toVenue(o);
    return undefined;
  }
  async triggerOrderGroup(orderGroupId: string): Promise<GatewayResult<void>> {
    this.calls.push('triggerOrderGroup');
    this.groupTriggered = true;
    for (const o of this.orders.values())
      if (o.status === 'resting' && o.orderGroupId === orderGroupId) o.status = 'canceled';
    return { ok: true, value: undefined };
  }
  async resetOrderGroup(): Promise<GatewayResult<void>> {
    this.calls.push('resetOrderGroup');
    this.groupTriggered = false;
    return { ok: true, value: undefined };
  }
  async createOrderGroup(contractsLimitCountUnits: CountUnits): Promise<GatewayResult<OrderGroup>> {
    this.calls.push('createOrderGroup');
    return { ok: true, value: { orderGroupId: 'og-1', contractsLimitCountUnits } };
  }
}

function aborted(message: string): GatewayResult<never> {
  return { ok: false, kind: 'UNKNOWN', code: 'ABORTED', message };
}

function withdrawn(message: string): GatewayResult<never> {
  return { ok: false, kind: 'WITHDRAWN', code: 'ABORTED', message };
}

function toVenue(o: FakeOrder): VenueOrder {
  return {
    orderId: o.orderId,
    clientOrderId: o.clientOrderId,
    marketTicker: o.marketTicker,
    side: o.side,
    priceUnits: o.priceUnits,
    filledCountUnits: o.filled,
    remainingCountUnits: o.remaining,
    status: o.status,
    tsMs: 0,
  };
}

export class FakeFeed implements MarketDataFeed {
  handlers: MarketDataHandlers | undefined;
  started: string[] = [];
  snapshotRequests: string[][] = [];
  stopped = false;
  async start(marketTickers: readonly string[], handlers: MarketDataHandlers): Promise<void> {
    this.started = [...marketTickers];
    this.handlers = handlers;
  }
  requestSnapshot(marketTickers: readonly string[]): void {
    this.snapshotRequests.push([...marketTickers]);
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  snapshot(marketTicker: string, yes: [number, number][], no: [number, number][], tsMs = Date.now()): void {
    const s: BookSnapshot = {
      marketTicker,
      tsMs,
      yes: yes.map(([priceUnits, countUnits]) => ({ priceUnits, countUnits })),
      no: no.map(([priceUnits, countUnits]) => ({ priceUnits, countUnits })),
    };
    this.handlers!.onBookSnapshot(s);
  }
}

/** Resolves after pending promise callbacks and one macrotask turn. */
export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Polls `cond` every turn (and lets timers run) until true, or throws after `turns`. */
export async function until(cond: () => boolean, turns = 2_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (cond()) return;
    await (i % 8 === 7 ? new Promise((r) => setTimeout(r, 1)) : tick());
  }
  throw new Error('condition not reached');
}
