/**
 * Converges the venue's resting orders to the desired quotes with the fewest, safest writes.
 *
 * @module
 */

import { setMaxListeners } from 'node:events';
import { EventEmitter } from 'eventemitter3';
import { MmCoreConfigError, MmCoreError } from '../errors.js';
import { clearArray } from '../model/scratch.js';
import type { CountUnits, Fill, PriceUnits, QuoteSide, VenueOrder } from '../model/types.js';
import type {
  GatewayFailure,
  GatewayResult,
  GatewayWriteOptions,
  OrderGateway,
  OrderRef,
  PlacedOrder,
  PlaceOrderRequest,
  ReducedOrder,
} from '../ports/order-gateway.js';
import { type MmLogger, silentMmLogger } from '../ports/runtime.js';
import type { DesiredQuote, WorkingOrder } from '../strategy/strategy.js';

/** Settings of the {@link OrderManager}. */
export interface OrderManagerConfig {
  /** Prefix of generated client order ids. @defaultValue `'mm'` */
  readonly clientOrderIdPrefix?: string;
  /** A working order within this many price units of the desired price is left alone. @defaultValue `0` */
  readonly priceToleranceUnits?: PriceUnits;
  /** A working order within this size of the desired size is left alone. @defaultValue `0` */
  readonly sizeToleranceCountUnits?: CountUnits;
  /** Send new orders post-only (a maker never takes by accident). @defaultValue `true` */
  readonly postOnly?: boolean;
  /** Ask the venue to cancel our orders when trading pauses. @defaultValue `true` */
  readonly cancelOnPause?: boolean;
  /**
   * Largest batch of creates or cancels in one request; the gateway's own
   * {@link OrderGateway.maxBatchSize} caps it further. @defaultValue `20`
   */
  readonly maxBatchSize?: number;
  /** Delay before looking up an order whose write outcome is unknown. @defaultValue `500` */
  readonly unknownResolveDelayMs?: number;
  /** Pause after a rate-limit answer, during which only cancels are sent. @defaultValue `1_000` */
  readonly rateLimitBackoffMs?: number;
  /**
   * First wait before an order whose cancel, amend or decrease the venue refused is modified
   * again; doubles with each further refusal of that order, up to 30 s. @defaultValue `250`
   */
  readonly modifyRetryBaseMs?: number;
  /**
   * Consecutive lookups that must find nothing before an order whose create had an unknown outcome
   * is declared absent; they are spaced `unknownResolveDelayMs`, then twice, four times as long, so
   * a create the venue processes late is still found. @defaultValue `3`
   */
  readonly absentAfterLookups?: number;
}

/** Counters of an {@link OrderManager}'s retries ({@link OrderManager.stats}). */
export interface OrderManagerStats {
  /** Cancels, amends and decreases sent again after the venue refused one. */
  readonly modifyRetries: number;
  /** Rate-limit answers; each pauses creates and amends and arms a wake-up for the pause's end. */
  readonly rateLimited: number;
  /** Lookups of orders whose write outcome was unknown. */
  readonly lookups: number;
  /** Orders declared absent after `absentAfterLookups` lookups found nothing. */
  readonly absent: number;
}

/**
 * Why an order left the order manager's book.
 *
 * @remarks `canceled` and `executed` are the venue's terminal states; `rejected`: the venue refused
 * the create; `absent`: a lookup did not find it (it never landed); `withdrawn`: it never left the
 * process (new orders were blocked while it waited to be sent).
 */
export type OrderCloseReason = 'canceled' | 'executed' | 'rejected' | 'absent' | 'withdrawn';

/** A rejected write, reported by `orderRejected`. */
export interface OrderRejection {
  /** Client order id of the order concerned. */
  readonly clientOrderId: string;
  /** Market ticker. */
  readonly marketTicker: string;
  /** Which write failed. */
  readonly operation: 'place' | 'amend' | 'decrease' | 'cancel';
  /** Venue or transport code. */
  readonly code: string;
  /** Human detail. */
  readonly message: string;
}

/** Events of the {@link OrderManager}. */
export interface OrderManagerEvents {
  /** A new order was acknowledged (it may already be partly filled). */
  orderPlaced: (order: WorkingOrder) => void;
  /** An amend or decrease was acknowledged. */
  orderAmended: (order: WorkingOrder) => void;
  /** An order is gone: cancelled, fully filled, or found absent at the venue. */
  orderClosed: (order: WorkingOrder, reason: OrderCloseReason) => void;
  /** The venue refused a write. */
  orderRejected: (rejection: OrderRejection) => void;
  /** A write's outcome is unknown; the order is being looked up. */
  orderUnknown: (order: WorkingOrder) => void;
  /** The venue answered with a rate limit; only cancels go out for a while. */
  rateLimited: (untilMs: number) => void;
}

type OrderState = WorkingOrder['state'];

interface ManagedOrder {
  clientOrderId: string;
  orderId: string | undefined;
  marketTicker: string;
  side: QuoteSide;
  priceUnits: PriceUnits;
  remainingCountUnits: CountUnits;
  /** Fills observed through `applyFill` (cumulative). */
  fillsSeen: CountUnits;
  /** Cumulative fills already reflected in `remainingCountUnits`. */
  filledReflected: CountUnits;
  state: OrderState;
  /**
   * A cancel was sent and its outcome is not known yet: a late amend, decrease or lookup answer
   * updates price and size but never returns the order to `working` (which would cancel it twice).
   */
  cancelRequested: boolean;
  /** Target of an in-flight amend or decrease. */
  targetPriceUnits: PriceUnits;
  targetRemainingCountUnits: CountUnits;
  /** Consecutive refused cancels, amends and decreases. */
  refusals?: number;
  /** No cancel, amend or decrease is sent before this time (manager clock, ms). */
  holdUntilMs?: number;
  /** Consecutive lookups that found nothing. */
  misses?: number;
  /** Listing epoch at this order's last acknowledgement or update ({@link OrderManager.beginListing}). */
  seenEpoch?: number;
}

interface MarketOrders {
  desired: readonly DesiredQuote[];
  readonly orders: Map<string, ManagedOrder>;
}

/** Fills remembered for orders whose create ack has not arrived yet. */
const MAX_EARLY_FILLS = 1_024;

const DEFAULTS = {
  clientOrderIdPrefix: 'mm',
  priceToleranceUnits: 0,
  sizeToleranceCountUnits: 0,
  postOnly: true,
  cancelOnPause: true,
  maxBatchSize: 20,
  unknownResolveDelayMs: 500,
  rateLimitBackoffMs: 1_000,
  modifyRetryBaseMs: 250,
  absentAfterLookups: 3,
} as const;

/**
 * Validates an {@link OrderManagerConfig}, reporting every problem at once.
 *
 * @throws {@link MmCoreConfigError} listing each invalid field.
 * @example
 * ```ts
 * validateOrderManagerConfig({ priceToleranceUnits: 100 });
 * ```
 */
export function validateOrderManagerConfig(config: OrderManagerConfig, prefix = 'orders'): void {
  const problems: string[] = [];
  const nonNegInt = (name: keyof OrderManagerConfig, min = 0) => {
    const v = config[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)) {
      problems.push(`${prefix}.${name} must be an integer >= ${min} (got ${String(v)})`);
    }
  };
  nonNegInt('priceToleranceUnits');
  nonNegInt('sizeToleranceCountUnits');
  nonNegInt('maxBatchSize', 1);
  nonNegInt('unknownResolveDelayMs');
  nonNegInt('rateLimitBackoffMs');
  nonNegInt('modifyRetryBaseMs', 1);
  nonNegInt('absentAfterLookups', 1);
  const p = config.clientOrderIdPrefix;
  if (p !== undefined && !/^[A-Za-z0-9_-]{1,16}$/.test(p)) {
    problems.push(
      `${prefix}.clientOrderIdPrefix must be 1-16 characters of [A-Za-z0-9_-] (got ${JSON.stringify(p)})`,
    );
  }
  if (problems.length > 0) throw new MmCoreConfigError(problems);
}

/**
 * Keeps each market's resting orders converged to the desired quotes.
 *
 * @remarks
 * On every {@link OrderManager.flush} it diffs, per market and side, the desired quotes (best
 * first) against working and in-flight orders:
 * - an order within `priceToleranceUnits` and `sizeToleranceCountUnits` of a desired quote is left alone;
 * - a too-large order at the right price is decreased (keeps queue priority);
 * - an order at the wrong price is amended to a desired quote rather than cancelled and re-created;
 * - leftover orders are cancelled, leftover quotes become new orders (batched, each with a fresh
 *   client order id, post-only by default).
 *
 * Exposure rule: every live order counts at its largest possible resting size (in-flight creates
 * at full size, in-flight amends at the larger of old and new size, cancels until acknowledged).
 * A write that raises a side's exposure is sent only when the result stays within the desired
 * total for that side, so a reprice never doubles risk: a replacement waits for its cancel.
 * An order with a write in flight is not touched again until the write is answered.
 * A write whose outcome is unknown (timeout, connection loss) leaves the order in `unknown`,
 * counted at full size, and it is resolved by looking it up (by client order id for a create),
 * never by guessing. After a rate-limit answer, only cancels and decreases are sent for
 * `rateLimitBackoffMs`. Creates and amends carry an `AbortSignal` that
 * {@link OrderManager.blockNewOrders} aborts, so nothing that could add exposure leaves the
 * process after a stop or kill switch unless it was already on the wire.
 *
 * @example
 * ```ts
 * const om = new OrderManager(gateway, { priceToleranceUnits: 100 });
 * om.setDesired('KXINXU-26NOV25H1600-T6600', [{ side: 'bid', priceUnits: 4_500, countUnits: 1_000 }]);
 * om.flush();
 * ```
 */
export class OrderManager extends EventEmitter<OrderManagerEvents> {
  readonly #gateway: OrderGateway;
  readonly #cfg: Required<OrderManagerConfig>;
  readonly #logger: MmLogger;
  readonly #nowMs: () => number;
  readonly #markets = new Map<string, MarketOrders>();
  readonly #byClientId = new Map<string, ManagedOrder>();
  readonly #byOrderId = new Map<string, ManagedOrder>();
  readonly #dirty = new Set<string>();
  readonly #earlyFills = new Map<string, CountUnits>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  readonly #session: string;
  #seq = 0;
  #inFlight = 0;
  #rateLimitedUntil = 0;
  /** Counter of open-order listings; orders remember the epoch they were last confirmed in. */
  #epoch = 0;
  /** The manager clock at the start of the running flush. */
  #flushNowMs = 0;
  /** Markets to re-evaluate at a time (manager clock): rate-limit ends and modify back-offs. */
  readonly #wakeups = new Map<string, number>();
  #wakeupTimer: ReturnType<typeof setTimeout> | undefined;
  #wakeupDueMs = Number.POSITIVE_INFINITY;
  readonly #stats = { modifyRetries: 0, rateLimited: 0, lookups: 0, absent: 0 };
  #acceptingNew = true;
  /** Signal of every create and amend; aborted (and replaced) when new orders are blocked. */
  #newWrites = newWritesController();
  #flushScheduled = false;
  #closed = false;
  /** Extra fields added to every new order (order group id). */
  #orderGroupId: string | undefined;
  /** True while {@link OrderManager.flush} runs (its scratch lists are in use). */
  #flushing = false;
  /** Per-flush write lists, reused (the senders copy what outlives the flush). */
  readonly #writes = {
    cancels: [] as ManagedOrder[],
    decreases: [] as ManagedOrder[],
    amends: [] as ManagedOrder[],
    creates: [] as ManagedOrder[],
  };
  /** Per-side diff scratch, reused by every `#diffSide` call. */
  readonly #wants: DesiredQuote[] = [];
  readonly #sideOrders: ManagedOrder[] = [];
  readonly #matched: boolean[] = [];
  readonly #unmatched: DesiredQuote[] = [];

  /**
   * @param gateway - The venue.
   * @param config - Settings; validated.
   * @param deps - Optional logger and clock.
   * @throws {@link MmCoreConfigError} when the config is invalid.
   */
  constructor(
    gateway: OrderGateway,
    config: OrderManagerConfig = {},
    deps: { readonly logger?: MmLogger; readonly nowMs?: () => number } = {},
  ) {
    super();
    validateOrderManagerConfig(config);
    this.#gateway = gateway;
    this.#cfg = { ...DEFAULTS, ...config };
    this.#logger = deps.logger ?? silentMmLogger;
    this.#nowMs = deps.nowMs ?? Date.now;
    this.#session =
      (Date.now() % 2_176_782_336).toString(36) + Math.floor(Math.random() * 1_296).toString(36);
  }

  /**
   * Counters of retries, lookups and absences, for monitoring.
   *
   * @example
   * ```ts
   * const { modifyRetries, lookups } = om.stats();
   * ```
   */
  stats(): OrderManagerStats {
    return { ...this.#stats };
  }

  /** Number of writes awaiting an answer. */
  get inFlightCount(): number {
    return this.#inFlight;
  }

  /** Attaches every new order to this venue order group (Kalshi's rolling contracts limit). */
  setOrderGroup(orderGroupId: string | undefined): void {
    this.#orderGroupId = orderGroupId;
  }

  /** Replaces a market's desired quotes; takes effect on the next flush. */
  setDesired(marketTicker: string, quotes: readonly DesiredQuote[]): void {
    this.#market(marketTicker).desired = quotes;
    this.#dirty.add(marketTicker);
  }

  /** A market's desired quotes. */
  desired(marketTicker: string): readonly DesiredQuote[] {
    return this.#markets.get(marketTicker)?.desired ?? NO_QUOTES;
  }

  /**
   * Stops creating or growing orders (kill switch, stop, halted); cancels and decreases still flow.
   *
   * @remarks Every create and amend already handed to the gateway but not yet answered is
   * withdrawn through its `AbortSignal` (see {@link GatewayWriteOptions}): one still waiting
   * inside the process (for example in the SDK's rate limiter) never leaves it. The withdrawn
   * writes resolve as unknown outcomes and are looked up (a create by client order id), so one
   * that was already on the wire and did land is found and cancelled, not forgotten. Desired
   * quotes are cleared; the next flush cancels every working order.
   */
  blockNewOrders(): void {
    this.#acceptingNew = false;
    this.#abortNewWrites();
    for (const [ticker, m] of this.#markets) {
      m.desired = NO_QUOTES;
      this.#dirty.add(ticker);
    }
  }

  /** Allows new orders again after {@link OrderManager.blockNewOrders}. */
  allowNewOrders(): void {
    this.#acceptingNew = true;
  }

  /** True unless new orders are blocked. */
  get acceptingNewOrders(): boolean {
    return this.#acceptingNew;
  }

  /** Working and in-flight orders of a market (or of all markets). */
  openOrders(marketTicker?: string): WorkingOrder[] {
    const out: WorkingOrder[] = [];
    const markets =
      marketTicker === undefined ? [...this.#markets.values()] : [this.#markets.get(marketTicker)];
    for (const m of markets) if (m !== undefined) for (const o of m.orders.values()) out.push(view(o));
    return out;
  }

  /** Worst-case resting size on one side of a market, counting in-flight writes. */
  exposureCountUnits(marketTicker: string, side: QuoteSide): CountUnits {
    const m = this.#markets.get(marketTicker);
    if (m === undefined) return 0;
    let total = 0;
    for (const o of m.orders.values()) if (o.side === side) total += exposureOf(o);
    return total;
  }

  /** Takes over an order found at the venue (start-up or reconnect) as a working order. */
  adopt(order: VenueOrder): void {
    if (order.status !== 'resting' || this.#byOrderId.has(order.orderId)) return;
    const clientOrderId = order.clientOrderId ?? `adopted-${order.orderId}`;
    const managed: ManagedOrder = {
      clientOrderId,
      orderId: order.orderId,
      marketTicker: order.marketTicker,
      side: order.side,
      priceUnits: order.priceUnits,
      remainingCountUnits: order.remainingCountUnits,
      fillsSeen: order.filledCountUnits,
      filledReflected: order.filledCountUnits,
      state: 'working',
      cancelRequested: false,
      targetPriceUnits: order.priceUnits,
      targetRemainingCountUnits: order.remainingCountUnits,
    };
    this.#register(managed);
    this.#dirty.add(order.marketTicker);
  }

  /** True when this venue order id or client id is one of ours. */
  isKnown(orderId: string, clientOrderId?: string): boolean {
    return (
      this.#byOrderId.has(orderId) || (clientOrderId !== undefined && this.#byClientId.has(clientOrderId))
    );
  }

  /**
   * Reconciles with the venue's list of resting orders (after a reconnect or periodically).
   *
   * @returns venue orders that are not ours (orphans) for the caller to adopt or cancel.
   */
  syncOpenOrders(venueOrders: readonly VenueOrder[], listingEpoch?: number): VenueOrder[] {
    const live = new Set<string>();
    const orphans: VenueOrder[] = [];
    // Orders acknowledged or updated after the listing was requested are newer than it.
    const judged = (o: ManagedOrder) => listingEpoch === undefined || (o.seenEpoch ?? 0) < listingEpoch;
    for (const vo of venueOrders) {
      live.add(vo.orderId);
      const o =
        this.#byOrderId.get(vo.orderId) ??
        (vo.clientOrderId ? this.#byClientId.get(vo.clientOrderId) : undefined);
      if (o === undefined) orphans.push(vo);
      else if (judged(o)) this.applyOrderUpdate(vo);
    }
    for (const o of [...this.#byClientId.values()]) {
      if (o.state === 'working' && o.orderId !== undefined && !live.has(o.orderId) && judged(o)) {
        this.#close(o, 'absent');
      }
    }
    return orphans;
  }

  /**
   * Marks the moment an open-orders listing is requested; pass the result to
   * {@link OrderManager.syncOpenOrders} with the listing.
   *
   * @remarks A listing is a snapshot at its request time: an order acknowledged (or updated) while
   * the listing was in flight may be missing from it, or shown with older fields, and is not judged
   * by it.
   * @example
   * ```ts
   * const epoch = om.beginListing();
   * const orphans = om.syncOpenOrders(await gateway.getOpenOrders(), epoch);
   * ```
   */
  beginListing(): number {
    return ++this.#epoch;
  }

  /** Applies a fill of one of our orders (reduces its remaining size). */
  applyFill(fill: Fill): void {
    const o =
      this.#byOrderId.get(fill.orderId) ??
      (fill.clientOrderId !== undefined ? this.#byClientId.get(fill.clientOrderId) : undefined);
    if (o === undefined) {
      // The fill can beat the create's acknowledgement; remember it for when the order id is known.
      this.#earlyFills.set(fill.orderId, (this.#earlyFills.get(fill.orderId) ?? 0) + fill.countUnits);
      // Fills of orders that are not ours (or already closed) never get an ack: keep the map bounded.
      if (this.#earlyFills.size > MAX_EARLY_FILLS) {
        const oldest = this.#earlyFills.keys().next().value;
        if (oldest !== undefined) this.#earlyFills.delete(oldest);
      }
      return;
    }
    if (o.orderId === undefined) o.orderId = fill.orderId;
    if (!this.#byOrderId.has(fill.orderId)) this.#byOrderId.set(fill.orderId, o);
    o.fillsSeen += fill.countUnits;
    o.seenEpoch = this.#epoch;
    this.#reflectFills(o);
    this.#dirty.add(o.marketTicker);
    if (o.remainingCountUnits === 0 && o.state === 'working') this.#close(o, 'executed');
    else this.#scheduleFlush();
  }

  /** Applies a venue order update (from the stream or a lookup). */
  applyOrderUpdate(update: VenueOrder): void {
    const o =
      this.#byOrderId.get(update.orderId) ??
      (update.clientOrderId !== undefined ? this.#byClientId.get(update.clientOrderId) : undefined);
    if (o === undefined) return;
    o.seenEpoch = this.#epoch;
    if (o.orderId === undefined) {
      o.orderId = update.orderId;
      this.#byOrderId.set(update.orderId, o);
    }
    if (update.status !== 'resting') {
      this.#close(o, update.status === 'executed' ? 'executed' : 'canceled');
      return;
    }
    if (o.state === 'working' || o.state === 'unknown') {
      o.state = 'working';
      this.#applyVenueFields(o, update);
    }
  }

  /** Takes price and size from a resting venue view of the order, keeping its state. */
  #applyVenueFields(o: ManagedOrder, update: VenueOrder): void {
    if (update.status !== 'resting') {
      this.#close(o, update.status === 'executed' ? 'executed' : 'canceled');
      return;
    }
    o.priceUnits = update.priceUnits;
    this.#setRemaining(o, update.filledCountUnits, update.remainingCountUnits);
    o.targetPriceUnits = o.priceUnits;
    o.targetRemainingCountUnits = o.remainingCountUnits;
    if (o.remainingCountUnits === 0) this.#close(o, 'executed');
    this.#dirty.add(o.marketTicker);
    this.#scheduleFlush();
  }

  /**
   * Sends the writes that converge every changed market to its desired quotes.
   *
   * @remarks Cancels go first, then decreases, amends and finally batched creates.
   */
  flush(): void {
    if (this.#flushing) {
      // Called back from inside a gateway call of this flush: its scratch lists are in use.
      this.#scheduleFlush();
      return;
    }
    this.#flushScheduled = false;
    if (this.#closed || this.#dirty.size === 0) return;
    const { cancels, decreases, amends, creates } = this.#writes;
    this.#flushing = true;
    try {
      const now = this.#nowMs();
      const rateLimited = now < this.#rateLimitedUntil;
      this.#flushNowMs = now;
      for (const ticker of this.#dirty) {
        const m = this.#markets.get(ticker);
        if (m === undefined) continue;
        // Creates and amends held back now must go out when the pause ends, whatever else happens.
        if (rateLimited) this.#wakeAt(ticker, this.#rateLimitedUntil);
        this.#diffSide(m, ticker, 'bid', rateLimited, cancels, decreases, amends, creates);
        this.#diffSide(m, ticker, 'ask', rateLimited, cancels, decreases, amends, creates);
      }
      this.#dirty.clear();
      if (cancels.length > 0) this.#sendCancels(cancels);
      for (let i = 0; i < decreases.length; i++) this.#sendDecrease(decreases[i]!);
      for (let i = 0; i < amends.length; i++) this.#sendAmend(amends[i]!);
      if (creates.length > 0) this.#sendCreates(creates);
    } finally {
      this.#flushing = false;
      clearArray(cancels);
      clearArray(decreases);
      clearArray(amends);
      clearArray(creates);
      // Hold no references to orders or quotes between flushes.
      clearArray(this.#wants);
      clearArray(this.#sideOrders);
      clearArray(this.#unmatched);
    }
  }

  /**
   * Cancels every order we know at the venue (used by the kill switch and stop).
   *
   * @returns how many cancels were sent.
   */
  cancelEverything(): number {
    const targets: ManagedOrder[] = [];
    for (const o of this.#byClientId.values()) {
      if (o.orderId !== undefined && !o.cancelRequested) {
        o.state = 'pendingCancel';
        o.cancelRequested = true;
        targets.push(o);
      }
    }
    this.#sendCancels(targets);
    return targets.length;
  }

  /** Cancels timers and withdraws unsent creates and amends; in-flight answers are ignored afterwards. */
  close(): void {
    this.#closed = true;
    this.#abortNewWrites();
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }

  #abortNewWrites(): void {
    const previous = this.#newWrites;
    // Writes issued from now on (cancels, decreases, non-growing amends) get a fresh signal.
    this.#newWrites = newWritesController();
    previous.abort(new MmCoreError('ORDERS_BLOCKED', 'new orders blocked; unsent creates withdrawn'));
  }

  #diffSide(
    m: MarketOrders,
    ticker: string,
    side: QuoteSide,
    rateLimited: boolean,
    cancels: ManagedOrder[],
    decreases: ManagedOrder[],
    amends: ManagedOrder[],
    creates: ManagedOrder[],
  ): void {
    const { priceToleranceUnits: pTol, sizeToleranceCountUnits: sTol } = this.#cfg;
    const wants = this.#wants;
    const orders = this.#sideOrders;
    const matched = this.#matched;
    const unmatchedWants = this.#unmatched;
    clearArray(wants);
    clearArray(orders);
    clearArray(matched);
    clearArray(unmatchedWants);
    let wanted = 0;
    for (let i = 0; i < m.desired.length; i++) {
      const q = m.desired[i]!;
      if (q.side !== side) continue;
      wants.push(q);
      wanted += q.countUnits;
    }
    sortBestFirst(wants, side);
    const cap = this.#acceptingNew ? wanted : 0;
    let exposure = 0;
    for (const o of m.orders.values()) {
      if (o.side !== side) continue;
      orders.push(o);
      matched.push(false);
      exposure += exposureOf(o);
    }
    // 1. Match each desired level to the nearest order within tolerance (orders in flight match on their target).
    for (let w = 0; w < wants.length; w++) {
      const want = wants[w]!;
      let bestIndex = -1;
      let bestDist = Number.POSITIVE_INFINITY;
      for (let i = 0; i < orders.length; i++) {
        if (matched[i]) continue;
        const dist = Math.abs(orders[i]!.targetPriceUnits - want.priceUnits);
        if (dist <= pTol && dist < bestDist) {
          bestIndex = i;
          bestDist = dist;
        }
      }
      if (bestIndex < 0) {
        unmatchedWants.push(want);
        continue;
      }
      matched[bestIndex] = true;
      const best = orders[bestIndex]!;
      if (best.state !== 'working' || this.#held(best)) continue;
      const diff = best.remainingCountUnits - want.countUnits;
      if (Math.abs(diff) <= sTol) continue;
      if (diff > 0) {
        best.state = 'pendingDecrease';
        best.targetRemainingCountUnits = want.countUnits;
        decreases.push(best); // counts at the old size until acknowledged
      } else if (!rateLimited && exposure - diff <= cap) {
        best.state = 'pendingAmend';
        best.targetPriceUnits = best.priceUnits;
        best.targetRemainingCountUnits = want.countUnits;
        exposure += -diff;
        amends.push(best);
      }
    }
    // 2. Re-price unmatched working orders onto unmatched levels (amend keeps the order), else cancel.
    let next = 0;
    for (let i = 0; i < orders.length; i++) {
      const o = orders[i]!;
      if (matched[i] || o.state !== 'working' || this.#held(o)) continue;
      const want = unmatchedWants[next];
      if (want !== undefined && !rateLimited) {
        const growth = Math.max(0, want.countUnits - o.remainingCountUnits);
        if (growth === 0 || exposure + growth <= cap) {
          next++;
          o.state = 'pendingAmend';
          o.targetPriceUnits = want.priceUnits;
          o.targetRemainingCountUnits = want.countUnits;
          exposure += growth;
          amends.push(o);
          continue;
        }
      }
      o.state = 'pendingCancel';
      o.cancelRequested = true;
      cancels.push(o);
    }
    // 3. New orders for levels still unmatched, only while the side stays within its desired total.
    if (rateLimited || !this.#acceptingNew) return;
    for (let w = next; w < unmatchedWants.length; w++) {
      const want = unmatchedWants[w]!;
      if (exposure + want.countUnits > cap) break;
      exposure += want.countUnits;
      const o: ManagedOrder = {
        clientOrderId: `${this.#cfg.clientOrderIdPrefix}-${this.#session}-${++this.#seq}`,
        orderId: undefined,
        marketTicker: ticker,
        side,
        priceUnits: want.priceUnits,
        remainingCountUnits: want.countUnits,
        fillsSeen: 0,
        filledReflected: 0,
        state: 'pendingNew',
        cancelRequested: false,
        targetPriceUnits: want.priceUnits,
        targetRemainingCountUnits: want.countUnits,
      };
      this.#register(o);
      creates.push(o);
    }
  }

  /** The batch size to use now: the configured one, capped by what the venue accepts. */
  #batchSize(): number {
    const venue = this.#gateway.maxBatchSize;
    return venue !== undefined && venue >= 1
      ? Math.min(this.#cfg.maxBatchSize, Math.floor(venue))
      : this.#cfg.maxBatchSize;
  }

  #sendCreates(creates: ManagedOrder[]): void {
    const size = this.#batchSize();
    for (let i = 0; i < creates.length; i += size) {
      const chunk = creates.slice(i, i + size);
      const requests = chunk.map((o) => this.#placeRequest(o));
      if (chunk.length === 1) {
        const options: GatewayWriteOptions = { signal: this.#newWrites.signal };
        this.#track(this.#gateway.placeOrder(requests[0]!, options), (r) => this.#onPlaced(chunk[0]!, r), [
          chunk[0]!,
        ]);
      } else {
        this.#track(
          this.#gateway.placeOrders(requests, { signal: this.#newWrites.signal }),
          (results) => {
            for (let j = 0; j < chunk.length; j++) this.#onPlaced(chunk[j]!, results[j] ?? missing());
          },
          chunk,
        );
      }
    }
  }

  #placeRequest(o: ManagedOrder): PlaceOrderRequest {
    const req: {
      -readonly [K in keyof PlaceOrderRequest]: PlaceOrderRequest[K];
    } = {
      marketTicker: o.marketTicker,
      side: o.side,
      priceUnits: o.priceUnits,
      countUnits: o.remainingCountUnits,
      clientOrderId: o.clientOrderId,
      timeInForce: 'gtc',
      postOnly: this.#cfg.postOnly,
      cancelOnPause: this.#cfg.cancelOnPause,
    };
    if (this.#orderGroupId !== undefined) req.orderGroupId = this.#orderGroupId;
    return req;
  }

  #onPlaced(o: ManagedOrder, r: GatewayResult<PlacedOrder>): void {
    // A venue update (cancelled on pause, executed) can close the order before its ack arrives:
    // the ack must not resurrect it.
    if (!this.#isLive(o)) return;
    if (r.ok) {
      o.orderId = r.value.orderId;
      this.#byOrderId.set(r.value.orderId, o);
      const early = this.#earlyFills.get(r.value.orderId);
      if (early !== undefined) {
        this.#earlyFills.delete(r.value.orderId);
        o.fillsSeen += early;
      }
      o.state = 'working';
      o.seenEpoch = this.#epoch;
      this.#setRemaining(o, r.value.filledCountUnits, r.value.remainingCountUnits);
      o.targetRemainingCountUnits = o.remainingCountUnits;
      this.emit('orderPlaced', view(o));
      if (o.remainingCountUnits === 0) this.#close(o, 'executed');
      return;
    }
    this.#onFailure(o, 'place', r);
  }

  #sendDecrease(o: ManagedOrder): void {
    const target = o.targetRemainingCountUnits;
    this.#track(
      this.#gateway.decreaseOrder(ref(o), target),
      (r) => {
        if (!this.#isLive(o)) return;
        if (r.ok) {
          o.state = settledState(o);
          o.remainingCountUnits = Math.min(o.remainingCountUnits, r.value.remainingCountUnits);
          this.#afterModify(o);
        } else this.#onFailure(o, 'decrease', r);
      },
      [o],
    );
  }

  #sendAmend(o: ManagedOrder): void {
    this.#track(
      this.#gateway.amendOrder(
        {
          ...ref(o),
          side: o.side,
          priceUnits: o.targetPriceUnits,
          totalCountUnits: o.filledReflected + o.targetRemainingCountUnits,
          clientOrderId: o.clientOrderId,
        },
        { signal: this.#newWrites.signal },
      ),
      (r) => {
        if (!this.#isLive(o)) return;
        if (r.ok) {
          o.state = settledState(o);
          o.priceUnits = o.targetPriceUnits;
          this.#setRemaining(o, r.value.filledCountUnits, r.value.remainingCountUnits);
          this.#afterModify(o);
        } else this.#onFailure(o, 'amend', r);
      },
      [o],
    );
  }

  #afterModify(o: ManagedOrder): void {
    o.refusals = 0;
    o.seenEpoch = this.#epoch;
    o.targetPriceUnits = o.priceUnits;
    o.targetRemainingCountUnits = o.remainingCountUnits;
    this.emit('orderAmended', view(o));
    if (o.remainingCountUnits === 0) this.#close(o, 'executed');
  }

  #sendCancels(cancels: ManagedOrder[]): void {
    const size = this.#batchSize();
    for (let i = 0; i < cancels.length; i += size) {
      const chunk = cancels.slice(i, i + size);
      const onResult = (o: ManagedOrder, r: GatewayResult<ReducedOrder>) => {
        if (r.ok || r.kind === 'NOT_FOUND') this.#close(o, 'canceled');
        else this.#onFailure(o, 'cancel', r);
      };
      if (chunk.length === 1) {
        this.#track(this.#gateway.cancelOrder(ref(chunk[0]!)), (r) => onResult(chunk[0]!, r), chunk, true);
      } else {
        this.#track(
          this.#gateway.cancelOrders(chunk.map(ref)),
          (results) => {
            for (let j = 0; j < chunk.length; j++) onResult(chunk[j]!, results[j] ?? missing());
          },
          chunk,
          true,
        );
      }
    }
  }

  #onFailure(o: ManagedOrder, operation: OrderRejection['operation'], f: GatewayFailure): void {
    // The cancel's outcome is known (or is looked up below): the order may be cancelled again.
    if (operation === 'cancel') o.cancelRequested = false;
    if (f.kind === 'RATE_LIMITED') {
      this.#rateLimitedUntil = this.#nowMs() + this.#cfg.rateLimitBackoffMs;
      this.emit('rateLimited', this.#rateLimitedUntil);
      this.#stats.rateLimited++;
      this.#wakeAt(o.marketTicker, this.#rateLimitedUntil);
      if (operation === 'place') this.#unregister(o);
      else this.#revert(o);
      return;
    }
    if (f.kind === 'UNKNOWN') {
      if (o.cancelRequested) {
        // An amend or decrease overtaken by a cancel: the cancel decides; the lookup only
        // refreshes price and size in case the cancel fails.
        this.#logger.warn('order write outcome unknown while a cancel is pending; looking it up', {
          clientOrderId: o.clientOrderId,
          operation,
          code: f.code,
        });
        this.#resolveLater(o);
        return;
      }
      o.state = 'unknown';
      this.#logger.warn('order write outcome unknown; looking it up', {
        clientOrderId: o.clientOrderId,
        operation,
        code: f.code,
      });
      this.emit('orderUnknown', view(o));
      this.#resolveLater(o);
      return;
    }
    if (f.kind === 'NOT_FOUND') {
      this.#close(o, 'absent');
      return;
    }
    if (f.kind === 'WITHDRAWN') {
      // Never left the process (new orders were blocked while it queued): nothing to look up.
      this.#logger.debug('order write withdrawn before it was sent', {
        clientOrderId: o.clientOrderId,
        operation,
      });
      if (operation === 'place') this.#close(o, 'withdrawn');
      else this.#revert(o);
      return;
    }
    this.emit('orderRejected', {
      clientOrderId: o.clientOrderId,
      marketTicker: o.marketTicker,
      operation,
      code: f.code,
      message: f.message,
    });
    if (operation === 'place') this.#close(o, 'rejected');
    else {
      // Refused: back off before touching this order again (never a tight re-send loop).
      const refusals = (o.refusals ?? 0) + 1;
      o.refusals = refusals;
      o.holdUntilMs =
        this.#nowMs() + Math.min(30_000, this.#cfg.modifyRetryBaseMs * 2 ** Math.min(refusals - 1, 20));
      this.#stats.modifyRetries++;
      this.#wakeAt(o.marketTicker, o.holdUntilMs);
      this.#revert(o);
    }
  }

  /** True while a refused order waits out its back-off. */
  #held(o: ManagedOrder): boolean {
    return o.holdUntilMs !== undefined && this.#flushNowMs < o.holdUntilMs;
  }

  /**
   * Re-evaluates a market once the manager clock reaches `dueMs`. One timer serves every market;
   * when it fires before the clock got there (timers and clocks disagree), it re-arms itself.
   */
  #wakeAt(marketTicker: string, dueMs: number): void {
    const prev = this.#wakeups.get(marketTicker);
    if (prev === undefined || dueMs > prev) this.#wakeups.set(marketTicker, dueMs);
    // The armed timer re-arms for the rest when it fires; only an earlier due time needs a new one.
    if (this.#wakeupTimer === undefined || dueMs < this.#wakeupDueMs) this.#armWakeup(dueMs);
  }

  #armWakeup(earliest?: number): void {
    if (this.#closed || this.#wakeups.size === 0) return;
    if (earliest === undefined) {
      earliest = Number.POSITIVE_INFINITY;
      for (const due of this.#wakeups.values()) if (due < earliest) earliest = due;
    }
    if (this.#wakeupTimer !== undefined) {
      clearTimeout(this.#wakeupTimer);
      this.#timers.delete(this.#wakeupTimer);
    }
    this.#wakeupDueMs = earliest;
    const t = setTimeout(
      () => {
        this.#timers.delete(t);
        this.#wakeupTimer = undefined;
        this.#wakeupDueMs = Number.POSITIVE_INFINITY;
        if (this.#closed) return;
        const now = this.#nowMs();
        let woke = false;
        for (const [ticker, due] of this.#wakeups) {
          if (due > now) continue;
          this.#wakeups.delete(ticker);
          this.#dirty.add(ticker);
          woke = true;
        }
        if (woke) this.flush();
        this.#armWakeup();
      },
      Math.max(1, earliest - this.#nowMs()),
    );
    this.#wakeupTimer = t;
    this.#timers.add(t);
  }

  #revert(o: ManagedOrder): void {
    o.state = settledState(o);
    o.targetPriceUnits = o.priceUnits;
    o.targetRemainingCountUnits = o.remainingCountUnits;
    this.#dirty.add(o.marketTicker);
  }

  #resolveLater(o: ManagedOrder): void {
    const t = setTimeout(
      () => {
        this.#timers.delete(t);
        if (this.#closed) return;
        const lookup =
          o.orderId !== undefined
            ? this.#gateway.getOrder(o.orderId)
            : this.#gateway.getOrderByClientOrderId(o.clientOrderId);
        this.#inFlight++;
        this.#stats.lookups++;
        lookup.then(
          (found) => {
            this.#inFlight--;
            if (this.#closed || this.#byClientId.get(o.clientOrderId) !== o) return;
            if (found === undefined) {
              // One miss proves little: the venue may process the write later. Absent only after
              // several misses spaced over the venue's processing horizon.
              o.misses = (o.misses ?? 0) + 1;
              if (o.misses < this.#cfg.absentAfterLookups) {
                this.#resolveLater(o);
                return;
              }
              this.#stats.absent++;
              this.#close(o, 'absent');
            } else if (o.cancelRequested) {
              o.misses = 0;
              this.#applyVenueFields(o, found);
            } else {
              o.misses = 0;
              o.state = 'working';
              this.applyOrderUpdate(found);
            }
            this.#scheduleFlush();
          },
          (err: unknown) => {
            this.#inFlight--;
            this.#logger.warn('order lookup failed; retrying', {
              clientOrderId: o.clientOrderId,
              err: String(err),
            });
            if (!this.#closed) this.#resolveLater(o);
          },
        );
      },
      this.#cfg.unknownResolveDelayMs * 2 ** Math.min(o.misses ?? 0, 6),
    );
    this.#timers.add(t);
  }

  #track<T>(
    promise: Promise<T>,
    onResult: (value: T) => void,
    orders: readonly ManagedOrder[],
    isCancel = false,
  ): void {
    this.#inFlight++;
    promise.then(
      (value) => {
        this.#inFlight--;
        if (this.#closed) return;
        onResult(value);
        for (const o of orders) this.#dirty.add(o.marketTicker);
        this.#scheduleFlush();
      },
      (err: unknown) => {
        // A gateway must not throw on writes; treat a throw as an unknown outcome.
        this.#inFlight--;
        if (this.#closed) return;
        this.#logger.error('gateway write threw', { err: String(err) });
        for (const o of orders) {
          if (!this.#isLive(o)) continue;
          if (o.cancelRequested && !isCancel) {
            this.#resolveLater(o);
            continue;
          }
          if (isCancel) o.cancelRequested = false;
          o.state = 'unknown';
          this.emit('orderUnknown', view(o));
          this.#resolveLater(o);
        }
      },
    );
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#closed) return;
    this.#flushScheduled = true;
    setImmediate(() => this.flush());
  }

  #reflectFills(o: ManagedOrder): void {
    if (o.fillsSeen > o.filledReflected) {
      o.remainingCountUnits = Math.max(0, o.remainingCountUnits - (o.fillsSeen - o.filledReflected));
      o.filledReflected = o.fillsSeen;
    }
  }

  /**
   * Sets remaining from a venue answer that reflects `filled` cumulative fills.
   *
   * @remarks `fillsSeen` stays the sum of streamed fills only: the fills an answer already
   * reflects arrive on the stream later, and `filledReflected` (the larger of both cumulative
   * counts) absorbs them instead of subtracting them a second time.
   */
  #setRemaining(o: ManagedOrder, filled: CountUnits, remaining: CountUnits): void {
    const reflected = Math.max(o.filledReflected, o.fillsSeen, filled);
    o.remainingCountUnits = Math.max(0, remaining - (reflected - filled));
    o.filledReflected = reflected;
  }

  #market(ticker: string): MarketOrders {
    let m = this.#markets.get(ticker);
    if (m === undefined) {
      m = { desired: NO_QUOTES, orders: new Map() };
      this.#markets.set(ticker, m);
    }
    return m;
  }

  #register(o: ManagedOrder): void {
    this.#market(o.marketTicker).orders.set(o.clientOrderId, o);
    this.#byClientId.set(o.clientOrderId, o);
    if (o.orderId !== undefined) this.#byOrderId.set(o.orderId, o);
  }

  #unregister(o: ManagedOrder): void {
    this.#markets.get(o.marketTicker)?.orders.delete(o.clientOrderId);
    this.#byClientId.delete(o.clientOrderId);
    if (o.orderId !== undefined) this.#byOrderId.delete(o.orderId);
    this.#dirty.add(o.marketTicker);
  }

  #isLive(o: ManagedOrder): boolean {
    return this.#byClientId.get(o.clientOrderId) === o;
  }

  #close(o: ManagedOrder, reason: OrderCloseReason): void {
    if (this.#byClientId.get(o.clientOrderId) !== o) return;
    this.#unregister(o);
    o.remainingCountUnits = 0;
    this.emit('orderClosed', view(o), reason);
    this.#scheduleFlush();
  }
}

/**
 * Sorts one side's quotes best first (highest bid, lowest ask), stably and in place.
 *
 * @remarks Insertion sort: a side holds a handful of quotes, usually already in order, and
 * unlike `Array.prototype.sort` it allocates nothing.
 */
function sortBestFirst(quotes: DesiredQuote[], side: QuoteSide): void {
  const sign = side === 'bid' ? -1 : 1;
  for (let i = 1; i < quotes.length; i++) {
    const q = quotes[i]!;
    let j = i - 1;
    while (j >= 0 && sign * (quotes[j]!.priceUnits - q.priceUnits) > 0) {
      quotes[j + 1] = quotes[j]!;
      j--;
    }
    quotes[j + 1] = q;
  }
}

/** Shared empty quote list of markets without desired quotes. */
const NO_QUOTES: readonly DesiredQuote[] = Object.freeze([]);

/** One signal is shared by every create and amend in flight: many listeners are expected. */
function newWritesController(): AbortController {
  const c = new AbortController();
  setMaxListeners(0, c.signal);
  return c;
}

/** State after an amend, decrease or failed write is answered: still pending-cancel when a cancel is out. */
function settledState(o: ManagedOrder): OrderState {
  return o.cancelRequested ? 'pendingCancel' : 'working';
}

/**
 * Worst-case resting size of an order: an order with a write in flight counts at the larger of its
 * size and its target, whatever state overtook the write (a cancel sent by `cancelEverything` while
 * a size-increasing amend is on the wire must not drop that amend from exposure).
 */
function exposureOf(o: ManagedOrder): CountUnits {
  return o.state === 'working'
    ? o.remainingCountUnits
    : Math.max(o.remainingCountUnits, o.targetRemainingCountUnits);
}

function ref(o: ManagedOrder): OrderRef {
  return { orderId: o.orderId!, marketTicker: o.marketTicker };
}

function view(o: ManagedOrder): WorkingOrder {
  return {
    clientOrderId: o.clientOrderId,
    orderId: o.orderId,
    marketTicker: o.marketTicker,
    side: o.side,
    priceUnits: o.state === 'pendingAmend' ? o.targetPriceUnits : o.priceUnits,
    remainingCountUnits: o.remainingCountUnits,
    filledCountUnits: o.filledReflected,
    state: o.state,
  };
}

function missing(): GatewayFailure {
  return {
    ok: false,
    kind: 'UNKNOWN',
    code: 'MISSING_RESULT',
    message: 'batch answer had no result for this item',
  };
}
