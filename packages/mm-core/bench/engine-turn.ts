/**
 * One engine turn in process, without sockets: a book delta -> strategy -> risk -> order-manager
 * diff -> an amend on an instant fake gateway. Measures time per turn and heap allocated per turn
 * (plus the same for the risk check and the order-manager flush alone), to track hot-path garbage.
 */
import { OrderBook } from '../src/book/order-book.js';
import { Engine } from '../src/engine/engine.js';
import type { BookDelta, Fill, VenueOrder, VenuePosition } from '../src/model/types.js';
import { OrderManager } from '../src/orders/order-manager.js';
import type { MarketDataFeed, MarketDataHandlers } from '../src/ports/market-data-feed.js';
import type {
  AmendedOrder,
  AmendOrderRequest,
  GatewayResult,
  OrderGateway,
  OrderRef,
  PlacedOrder,
  PlaceOrderRequest,
  ReducedOrder,
} from '../src/ports/order-gateway.js';
import type { ReferenceFeed, ReferenceFeedEvents, ReferencePrice } from '../src/ports/reference-feed.js';
import { PositionBook } from '../src/positions/position-book.js';
import { RiskEngine } from '../src/risk/risk-engine.js';
import type { DesiredQuote, Strategy, StrategyContext, StrategyDecision } from '../src/strategy/strategy.js';

const gc = (globalThis as { gc?: () => void }).gc;
const T = 'KXBENCH-T';

/** Answers every write at once (resolved promise); `onAmend` hears creates and amends. */
class InstantGateway implements OrderGateway {
  amends = 0;
  #id = 0;
  onAmend: (() => void) | undefined;
  placeOrder(req: PlaceOrderRequest): Promise<GatewayResult<PlacedOrder>> {
    this.onAmend?.();
    return Promise.resolve({
      ok: true,
      value: {
        orderId: `o${++this.#id}`,
        clientOrderId: req.clientOrderId,
        filledCountUnits: 0,
        remainingCountUnits: req.countUnits,
        tsMs: 0,
      },
    });
  }
  placeOrders(reqs: readonly PlaceOrderRequest[]): Promise<readonly GatewayResult<PlacedOrder>[]> {
    return Promise.all(reqs.map((r) => this.placeOrder(r)));
  }
  amendOrder(req: AmendOrderRequest): Promise<GatewayResult<AmendedOrder>> {
    this.amends++;
    this.onAmend?.();
    return Promise.resolve({
      ok: true,
      value: { orderId: req.orderId, filledCountUnits: 0, remainingCountUnits: req.totalCountUnits, tsMs: 0 },
    });
  }
  decreaseOrder(ref: OrderRef, remaining: number): Promise<GatewayResult<ReducedOrder>> {
    return Promise.resolve({
      ok: true,
      value: { orderId: ref.orderId, remainingCountUnits: remaining, tsMs: 0 },
    });
  }
  cancelOrder(ref: OrderRef): Promise<GatewayResult<ReducedOrder>> {
    return Promise.resolve({ ok: true, value: { orderId: ref.orderId, remainingCountUnits: 0, tsMs: 0 } });
  }
  cancelOrders(refs: readonly OrderRef[]): Promise<readonly GatewayResult<ReducedOrder>[]> {
    return Promise.all(refs.map((r) => this.cancelOrder(r)));
  }
  cancelAll(): Promise<GatewayResult<void>> {
    return Promise.resolve({ ok: true, value: undefined });
  }
  getOpenOrders(): Promise<readonly VenueOrder[]> {
    return Promise.resolve([]);
  }
  getPositions(): Promise<readonly VenuePosition[]> {
    return Promise.resolve([]);
  }
  getFillsSince(): Promise<readonly Fill[]> {
    return Promise.resolve([]);
  }
  getOrder(): Promise<VenueOrder | undefined> {
    return Promise.resolve(undefined);
  }
  getOrderByClientOrderId(): Promise<VenueOrder | undefined> {
    return Promise.resolve(undefined);
  }
}

class HandFeed implements MarketDataFeed {
  handlers: MarketDataHandlers | undefined;
  async start(_markets: readonly string[], handlers: MarketDataHandlers): Promise<void> {
    this.handlers = handlers;
  }
  requestSnapshot(): void {}
  async stop(): Promise<void> {}
}

/** Always fresh; never emits (the engine reads `latest` on every turn). */
class FreshReference implements ReferenceFeed {
  readonly source = 'bench';
  readonly symbols = ['SPX'];
  readonly #price: ReferencePrice = { symbol: 'SPX', value: 6_600, tsMs: 0, source: 'bench', stale: false };
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  latest(): ReferencePrice | undefined {
    return this.#price;
  }
  on<E extends keyof ReferenceFeedEvents>(_event: E, _listener: ReferenceFeedEvents[E]): this {
    return this;
  }
  off<E extends keyof ReferenceFeedEvents>(_event: E, _listener: ReferenceFeedEvents[E]): this {
    return this;
  }
}

/** Two bids and two asks around the mid: every mid move reprices (amends) them. */
class Around implements Strategy {
  onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
    const mid = ctx.book(marketTicker)?.midUnits;
    if (mid === undefined) return undefined;
    const m = Math.round(mid / 100) * 100;
    return [
      {
        marketTicker,
        quotes: [
          { side: 'bid', priceUnits: m - 200, countUnits: 500 },
          { side: 'bid', priceUnits: m - 300, countUnits: 500 },
          { side: 'ask', priceUnits: m + 200, countUnits: 500 },
          { side: 'ask', priceUnits: m + 300, countUnits: 500 },
        ],
      },
    ];
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Heap bytes per call of `fn`, the median of batches small enough to see no scavenge. */
function bytesPerCall(fn: () => void, batch = 200, rounds = 40): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < batch; i++) fn();
    const grew = process.memoryUsage().heapUsed - before;
    if (grew >= 0) samples.push(grew / batch);
  }
  return median(samples);
}

export async function benchEngineTurn(turns = 20_000): Promise<Record<string, string>> {
  const feed = new HandFeed();
  const gateway = new InstantGateway();
  const engine = new Engine({
    markets: [T],
    strategy: new Around(),
    feed,
    gateway,
    referenceFeed: new FreshReference(),
    risk: {
      maxOrderCountUnits: 10_000,
      maxPositionCountUnits: 100_000,
      maxTotalExposureMicros: 1_000_000_000_000,
      requiredReferenceSymbols: ['SPX'],
    },
    reconcileIntervalMs: 0,
    timerIntervalMs: 0,
  });
  await engine.start();
  const h = feed.handlers!;
  h.onBookSnapshot({
    marketTicker: T,
    tsMs: Date.now(),
    yes: [{ priceUnits: 4_800, countUnits: 10_000 }],
    no: [{ priceUnits: 4_800, countUnits: 10_000 }],
  });
  let wake: (() => void) | undefined;
  gateway.onAmend = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  let up = true;
  // Each turn moves the YES bid by a cent up or down: the mid moves half a cent, the quotes reprice.
  const turn = async (): Promise<void> => {
    const done = new Promise<void>((r) => {
      wake = r;
    });
    const d: BookDelta = up
      ? { marketTicker: T, outcome: 'yes', priceUnits: 4_900, deltaCountUnits: 10_000, tsMs: Date.now() }
      : { marketTicker: T, outcome: 'yes', priceUnits: 4_900, deltaCountUnits: -10_000, tsMs: Date.now() };
    up = !up;
    h.onBookDelta(d);
    await done;
    // Let the amend answers land (they make the orders working again for the next turn).
    await new Promise<void>((r) => setImmediate(r));
  };
  for (let i = 0; i < 2_000; i++) await turn();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < turns; i++) await turn();
  const usPerTurn = Number(process.hrtime.bigint() - t0) / turns / 1_000;
  const samples: number[] = [];
  for (let r = 0; r < 40; r++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 50; i++) await turn();
    const grew = process.memoryUsage().heapUsed - before;
    if (grew >= 0) samples.push(grew / 50);
  }
  await engine.stop();

  // The risk check and the order-manager diff alone, on a steady desired set.
  const book = new OrderBook(T);
  book.applySnapshot({
    marketTicker: T,
    tsMs: Date.now(),
    yes: [{ priceUnits: 4_800, countUnits: 1_000 }],
    no: [{ priceUnits: 4_800, countUnits: 1_000 }],
  });
  const risk = new RiskEngine({
    maxOrderCountUnits: 10_000,
    maxPositionCountUnits: 100_000,
    maxTotalExposureMicros: 1_000_000_000_000,
  });
  const quotes: DesiredQuote[] = [
    { side: 'bid', priceUnits: 4_700, countUnits: 500 },
    { side: 'bid', priceUnits: 4_600, countUnits: 500 },
    { side: 'ask', priceUnits: 5_300, countUnits: 500 },
    { side: 'ask', priceUnits: 5_400, countUnits: 500 },
  ];
  const inputs = {
    book,
    positionCountUnits: 300,
    positionCostMicros: 1_000_000,
    nowMs: 0,
    staleReferences: [],
  };
  let sink = 0;
  const check = () => {
    sink += risk.checkQuotes(T, quotes, inputs).approved.length;
  };
  for (let i = 0; i < 200_000; i++) check();
  const r0 = process.hrtime.bigint();
  const riskCalls = 1_000_000;
  for (let i = 0; i < riskCalls; i++) check();
  const riskNs = Number(process.hrtime.bigint() - r0) / riskCalls;
  const riskBytes = bytesPerCall(check, 1_000);
  // The engine's path: approvals into a reused array, denials through a callback.
  const scratch: DesiredQuote[] = [];
  const checkInto = () => {
    risk.checkQuotesInto(T, quotes, inputs, scratch);
    sink += scratch.length;
  };
  const hasInto = typeof (risk as { checkQuotesInto?: unknown }).checkQuotesInto === 'function';
  const intoBytes = hasInto ? bytesPerCall(checkInto, 1_000) : Number.NaN;

  const om = new OrderManager(new InstantGateway());
  om.setDesired(T, quotes);
  om.flush();
  await new Promise<void>((r) => setImmediate(r));
  await new Promise<void>((r) => setImmediate(r));
  // A converged market re-diffed: nothing to send, only the matching work.
  const diff = () => {
    om.setDesired(T, quotes);
    om.flush();
  };
  for (let i = 0; i < 200_000; i++) diff();
  const d0 = process.hrtime.bigint();
  for (let i = 0; i < riskCalls; i++) diff();
  const diffNs = Number(process.hrtime.bigint() - d0) / riskCalls;
  const diffBytes = bytesPerCall(diff, 1_000);
  om.close();

  const positions = new PositionBook();
  const get = () => {
    sink += positions.get(T).positionCountUnits;
  };
  const getBytes = bytesPerCall(get, 1_000);
  if (sink === Number.MIN_SAFE_INTEGER) console.log(sink);

  return {
    [`engine turn (delta -> amend), ${turns} turns (us/turn)`]: usPerTurn.toFixed(1),
    'engine turn heap allocated (bytes/turn, median)': median(samples).toFixed(0),
    'risk.checkQuotes, 4 quotes (ns/call)': riskNs.toFixed(0),
    'risk.checkQuotes heap (bytes/call)': riskBytes.toFixed(0),
    'risk.checkQuotesInto heap (bytes/call)': hasInto ? intoBytes.toFixed(0) : 'n/a',
    'orderManager flush of a converged market (ns/call)': diffNs.toFixed(0),
    'orderManager flush heap (bytes/call)': diffBytes.toFixed(0),
    'PositionBook.get, market without history (bytes/call)': getBytes.toFixed(0),
  };
}
