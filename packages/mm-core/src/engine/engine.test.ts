import { afterEach, describe, expect, it } from 'vitest';
import { FakeFeed, FakeVenue, tick, until } from '../../test/support/fake-venue.js';
import { isMmCoreError, type MmCoreConfigError } from '../errors.js';
import type { Fill } from '../model/types.js';
import type { Strategy, StrategyContext, StrategyDecision } from '../strategy/strategy.js';
import { Engine, type EngineConfig } from './engine.js';

const M = 'MKT-A';

/** Quotes one tick inside the touch, 5 contracts a side. */
class Inside implements Strategy {
  onBookCalls = 0;
  onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
    this.onBookCalls++;
    const book = ctx.book(marketTicker);
    if (book?.yesBid === undefined || book.yesAsk === undefined) return [{ marketTicker, quotes: [] }];
    return [
      {
        marketTicker,
        quotes: [
          { side: 'bid', priceUnits: book.yesBid + 100, countUnits: 500 },
          { side: 'ask', priceUnits: book.yesAsk - 100, countUnits: 500 },
        ],
      },
    ];
  }
}

const engines: Engine[] = [];
function setup(over: Partial<EngineConfig> = {}) {
  const venue = new FakeVenue();
  const feed = new FakeFeed();
  const strategy = new Inside();
  venue.onFill((f) => feed.handlers?.onFill(f));
  const engine = new Engine({
    markets: [M],
    strategy,
    feed,
    gateway: venue,
    risk: { maxOrderCountUnits: 1_000, maxPositionCountUnits: 1_000, maxTotalExposureMicros: 100_000_000 },
    timerIntervalMs: 0,
    reconcileIntervalMs: 0,
    orders: { unknownResolveDelayMs: 0 },
    ...over,
  });
  engines.push(engine);
  return { venue, feed, strategy, engine };
}
afterEach(async () => {
  for (const e of engines.splice(0)) if (e.state === 'running') await e.stop();
});

async function started(over: Partial<EngineConfig> = {}) {
  const s = setup(over);
  await s.engine.start();
  s.feed.snapshot(M, [[4_000, 1_000]], [[5_000, 1_000]]); // YES 40 / 50
  await until(() => s.venue.resting().length === 2);
  return s;
}

describe('Engine', () => {
  it('moves idle -> starting -> running and quotes after the first snapshot', async () => {
    const { engine, venue } = setup();
    const states: string[] = [];
    engine.on('stateChanged', (s) => states.push(s));
    await engine.start();
    expect(venue.resting()).toEqual([]);
    expect(states).toEqual(['starting', 'running']);
  });

  it('places the strategy quotes after risk', async () => {
    const { venue } = await started();
    expect(
      venue
        .resting()
        .map((o) => [o.side, o.priceUnits, o.remaining])
        .sort(),
    ).toEqual([
      ['ask', 4_900, 500],
      ['bid', 4_100, 500],
    ]);
  });

  it('coalesces a burst of deltas into one strategy evaluation with the latest book', async () => {
    const { feed, strategy, venue } = await started();
    await tick();
    const before = strategy.onBookCalls;
    for (let i = 1; i <= 500; i++) {
      feed.handlers!.onBookDelta({
        marketTicker: M,
        outcome: 'yes',
        priceUnits: 4_000 + i,
        deltaCountUnits: 100,
        tsMs: i,
      });
    }
    await until(() => venue.resting('bid')[0]?.priceUnits === 4_600);
    expect(strategy.onBookCalls - before).toBe(1);
  });

  it('pulls quotes on a sequence gap, asks for a snapshot, and resumes after it', async () => {
    const { feed, venue, engine } = await started();
    const untrusted: string[] = [];
    engine.on('bookUntrusted', (t) => untrusted.push(t));
    feed.handlers!.onBookUntrusted([M], 'SEQUENCE_GAP');
    await until(() => venue.resting().length === 0);
    expect(untrusted).toEqual([M]);
    expect(feed.snapshotRequests).toEqual([[M]]);
    feed.snapshot(M, [[4_200, 1_000]], [[5_000, 1_000]]);
    await until(() => venue.resting().length === 2);
    expect(venue.resting('bid')[0]?.priceUnits).toBe(4_300);
  });

  it('treats a negative level as an integrity error and pulls quotes', async () => {
    const { feed, venue } = await started();
    feed.handlers!.onBookDelta({
      marketTicker: M,
      outcome: 'no',
      priceUnits: 5_000,
      deltaCountUnits: -5_000,
      tsMs: 9,
    });
    await until(() => venue.resting().length === 0);
    expect(feed.snapshotRequests).toEqual([[M]]);
  });

  it('updates positions on fills, deduplicates, and clips to the position limit', async () => {
    const { venue, engine } = await started();
    const fills: Fill[] = [];
    engine.on('orderFilled', (f) => fills.push(f));
    const bidOrder = venue.resting('bid')[0]!;
    const f = venue.fill(bidOrder.orderId, 500);
    await until(() => fills.length === 1);
    // the same fill again (e.g. from a REST backfill) is ignored
    venue.fills.push(f);
    await engine.reconcile();
    expect(engine.context.position(M).positionCountUnits).toBe(500);
    // position 5 + bid 5 = limit 10: the replenished bid is allowed; one more fill leaves no room
    await until(() => venue.restingCount('bid') === 500);
    venue.fill(venue.resting('bid')[0]!.orderId, 500);
    await until(
      () => engine.context.position(M).positionCountUnits === 1_000 && venue.restingCount('bid') === 0,
    );
    await tick();
    expect(venue.restingCount('bid')).toBe(0);
    expect(venue.restingCount('ask')).toBe(500);
  });

  it('emits orderDenied with MAX_POSITION when no headroom is left', async () => {
    const { venue, engine } = await started();
    const reasons: string[] = [];
    engine.on('orderDenied', (d) => reasons.push(d.reason));
    venue.fill(venue.resting('bid')[0]!.orderId, 500);
    await until(() => venue.restingCount('bid') === 500);
    venue.fill(venue.resting('bid')[0]!.orderId, 500);
    await until(() => reasons.includes('MAX_POSITION'));
  });

  it('kill switch blocks new orders, cancels everything, verifies, and stays halted', async () => {
    const { venue, engine, feed } = await started();
    venue.cancelAllIneffective = 1;
    const report = await engine.killSwitch('test');
    expect(report.verified).toBe(true);
    expect(report.attempts).toBe(1);
    expect(venue.resting()).toEqual([]);
    expect(engine.tradingState).toBe('halted');
    venue.calls.length = 0;
    feed.snapshot(M, [[4_100, 1_000]], [[5_000, 1_000]]);
    await tick();
    await tick();
    expect(venue.calls.filter((c) => c === 'place')).toEqual([]);
    engine.resume();
    await until(() => venue.resting().length === 2);
  });

  it('pulls every quote on disconnect and backfills missed fills after reconnecting', async () => {
    const { venue, engine, feed } = await started();
    feed.handlers!.onConnectionState('disconnected');
    await until(() => venue.resting().length === 0);
    // a fill that happened while disconnected (not delivered on the socket)
    const o = venue.orders.values().next().value!;
    o.status = 'resting';
    o.remaining = 500;
    venue.onFill(() => {});
    venue.fill(o.orderId, 100);
    o.status = 'canceled';
    const reconnected = new Promise<void>((r) => engine.once('reconnected', () => r()));
    feed.handlers!.onConnectionState('reconnected');
    await reconnected;
    expect(Math.abs(engine.context.position(M).positionCountUnits)).toBe(100);
    feed.snapshot(M, [[4_000, 1_000]], [[5_000, 1_000]]);
    await until(() => venue.resting().length === 2);
  });

  it('reports a position drift confirmed by two reconciliations and moves to reducing', async () => {
    const { venue, engine } = await started({ positionDriftConfirmMs: 5 });
    const drifts: number[] = [];
    let reconciled = 0;
    engine.on('positionDrift', (d) => drifts.push(d.venueCountUnits));
    engine.on('reconciled', () => reconciled++);
    venue.positions.set(M, 300); // the venue disagrees, and no fill explains it
    await engine.reconcile();
    expect(drifts).toEqual([]); // not yet: could be a fill in flight
    expect(engine.tradingState).toBe('active');
    await until(() => drifts.length === 1); // the confirming reconciliation sees the same gap
    expect(reconciled).toBe(2);
    expect(drifts).toEqual([300]);
    expect(engine.context.position(M).positionCountUnits).toBe(300);
    expect(engine.tradingState).toBe('reducing');
    await until(() => venue.restingCount('bid') === 0);
    expect(venue.restingCount('ask')).toBe(300);
  });

  it('raises no drift for a fill in flight during reconciliation, and does not count it twice', async () => {
    const { venue, engine, feed } = await started({ positionDriftConfirmMs: 0 });
    const drifts: number[] = [];
    engine.on('positionDrift', (d) => drifts.push(d.venueCountUnits));
    // The venue matched our bid: its position already has the fill, but neither the stream nor
    // the fills endpoint has delivered it yet.
    venue.onFill(() => {});
    const fill = venue.fill(venue.resting('bid')[0]!.orderId, 100);
    const getFillsSince = venue.getFillsSince.bind(venue);
    venue.getFillsSince = async (since) => (await getFillsSince(since)).filter((f) => f !== fill);
    await engine.reconcile();
    expect(drifts).toEqual([]);
    expect(engine.context.position(M).positionCountUnits).toBe(0); // not adopted
    feed.handlers!.onFill(fill); // the fill arrives
    venue.getFillsSince = getFillsSince;
    await engine.reconcile();
    expect(drifts).toEqual([]);
    expect(engine.context.position(M).positionCountUnits).toBe(100);
    expect(engine.tradingState).toBe('active');
  });

  it('cancels orphaned orders at start-up by default and adopts them when configured', async () => {
    for (const policy of ['cancel', 'adopt'] as const) {
      const { venue, engine } = setup({ orphanOrders: policy });
      venue.orders.set('x1', {
        orderId: 'x1',
        clientOrderId: 'other',
        marketTicker: M,
        side: 'bid',
        priceUnits: 4_100,
        remaining: 500,
        filled: 0,
        status: 'resting',
      });
      await engine.start();
      await until(
        () =>
          venue.pending.length === 0 && engine.context.openOrders(M).length === (policy === 'adopt' ? 1 : 0),
      );
      expect(venue.orders.get('x1')?.status).toBe(policy === 'adopt' ? 'resting' : 'canceled');
      await engine.stop();
    }
  });

  it('stops with no order left resting', async () => {
    const { venue, engine, feed } = await started();
    const clean = await engine.stop();
    expect(clean).toBe(true);
    expect(venue.resting()).toEqual([]);
    expect(engine.state).toBe('stopped');
    expect(feed.stopped).toBe(true);
  });

  it('cancels each order once when stop() overtakes amends still in flight', async () => {
    const { venue, engine, feed } = await started();
    venue.manual = true;
    feed.snapshot(M, [[4_200, 1_000]], [[4_800, 1_000]]); // YES 42 / 52: both quotes reprice
    await until(() => venue.pending.filter((p) => p.kind === 'amend').length === 2);
    let lookups = 0;
    const getOrder = venue.getOrder.bind(venue);
    venue.getOrder = async (id: string) => {
      const found = await getOrder(id);
      lookups++;
      return found;
    };
    const stopping = engine.stop(); // withdraws the amends (unknown outcome, looked up) and cancels
    await until(() => venue.pending.filter((p) => p.kind === 'cancel').length >= 2);
    await until(() => lookups === 2); // the lookups of the withdrawn amends answer
    await tick();
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(2);
    venue.manual = false;
    venue.processAll('ok');
    expect(await stopping).toBe(true);
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(2);
    expect(venue.resting()).toEqual([]);
  });

  it('lets no queued create leave after stop() begins, and leaves nothing resting', async () => {
    const { venue, engine, feed } = setup({ orders: { unknownResolveDelayMs: 0, maxBatchSize: 1 } });
    await engine.start();
    venue.createBudget = 1; // the bid leaves; the ask waits as in a rate limiter's queue
    feed.snapshot(M, [[4_000, 1_000]], [[5_000, 1_000]]);
    await until(() => venue.resting().length === 1 && venue.held.length === 1);
    const stopping = engine.stop();
    const placesAtStop = venue.calls.filter((c) => c === 'place').length;
    venue.releaseCreates(); // tokens refill while the stop is running
    expect(await stopping).toBe(true);
    expect(venue.calls.filter((c) => c === 'place')).toHaveLength(placesAtStop);
    expect(venue.withdrawnCreates).toBe(1);
    expect(venue.resting()).toEqual([]);
  });

  it('trips the kill switch on maxLossMicros from the mark alone: no new fill, cancels verified, halted until resume', async () => {
    const { venue, engine, feed } = await started({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 1_000,
        maxTotalExposureMicros: 100_000_000,
        maxLossMicros: 1_000_000, // $1
      },
    });
    const trips: string[] = [];
    const reports: boolean[] = [];
    engine.on('killSwitchTripped', (r) => trips.push(r));
    engine.on('killSwitchCompleted', (r) => reports.push(r.verified));
    venue.fill(venue.resting('bid')[0]!.orderId, 500); // long 5 at $0.41
    await tick();
    expect(trips).toEqual([]);
    const fillsBefore = venue.fills.length;
    // The market falls to YES 10/20 (mid $0.15): -$1.30 unrealized, with no fill at all.
    feed.snapshot(M, [[1_000, 1_000]], [[8_000, 1_000]]);
    await until(() => reports.length === 1);
    expect(venue.fills.length).toBe(fillsBefore);
    expect(trips).toEqual(['MAX_LOSS']);
    expect(engine.context.pnl().netPnlMicros).toBe(-1_300_000);
    expect(reports).toEqual([true]);
    expect(engine.tradingState).toBe('halted');
    expect(venue.resting()).toEqual([]);
    expect(engine.context.openOrders(M)).toEqual([]);
    venue.calls.length = 0;
    feed.snapshot(M, [[1_100, 1_000]], [[8_000, 1_000]]);
    await tick();
    await tick();
    expect(venue.calls.filter((c) => c === 'place' || c === 'amend')).toEqual([]);
    expect(engine.tradingState).toBe('halted');
    await engine.resume('reviewed');
    expect(engine.tradingState).toBe('active');
    await until(() => venue.resting().length > 0);
  });

  it('trips the kill switch on maxLossMicros when a fill (its fee) takes the loss past the limit', async () => {
    const { engine, feed } = await started({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 1_000,
        maxTotalExposureMicros: 100_000_000,
        maxLossMicros: 1_000_000,
      },
    });
    const trips: string[] = [];
    engine.on('killSwitchTripped', (r) => trips.push(r));
    feed.handlers!.onFill({
      tradeId: 'fee-1',
      orderId: 'x',
      marketTicker: M,
      side: 'bid',
      priceUnits: 4_500, // at the mid: no unrealized P&L
      countUnits: 100,
      feeMicros: 1_000_000,
      isTaker: true,
      tsMs: 1,
    });
    expect(trips).toEqual(['MAX_LOSS']);
    expect(engine.tradingState).toBe('halted');
  });

  it('never marks from an untrusted book: the last trusted mid is used instead', async () => {
    const { venue, engine, feed } = await started({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 1_000,
        maxTotalExposureMicros: 100_000_000,
        maxLossMicros: 1_000_000,
      },
    });
    venue.fill(venue.resting('bid')[0]!.orderId, 500); // long 5 at $0.41
    feed.snapshot(M, [[3_000, 1_000]], [[6_000, 1_000]]); // mid $0.35: -$0.30
    await until(() => engine.context.pnl().unrealizedPnlMicros === -300_000);
    const untrusted: string[] = [];
    engine.on('bookUntrusted', (_t, reason) => untrusted.push(reason));
    engine.on('engineError', () => {});
    // An invalid snapshot leaves the book empty and untrusted: its (absent) mid must not be the mark.
    feed.snapshot(M, [[20_000, 1_000]], [[6_000, 1_000]]);
    await tick();
    expect(untrusted).toEqual(['INVALID_SNAPSHOT']);
    expect(engine.context.book(M)?.trusted).toBe(false);
    expect(engine.context.pnl().unrealizedPnlMicros).toBe(-300_000);
  });

  it('marks a determined market at its settlement value, whatever its book shows', async () => {
    const { venue, engine, feed } = await started({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 1_000,
        maxTotalExposureMicros: 100_000_000,
        maxLossMicros: 1_000_000,
      },
    });
    const trips: string[] = [];
    engine.on('killSwitchTripped', (r) => trips.push(r));
    venue.fill(venue.resting('bid')[0]!.orderId, 500); // long 5 at $0.41; mid $0.45
    await tick();
    feed.handlers!.onLifecycle({
      marketTicker: M,
      kind: 'determined',
      result: 'no',
      settlementPriceUnits: 0,
      tsMs: 2,
    });
    expect(engine.context.pnl().unrealizedPnlMicros).toBe(-2_050_000);
    expect(trips).toEqual(['MAX_LOSS']);
  });

  it('moves to reducing on maxDrawdownMicros from the P&L peak', async () => {
    const { venue, engine, feed } = await started({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 1_000,
        maxTotalExposureMicros: 100_000_000,
        maxDrawdownMicros: 500_000, // $0.50
      },
    });
    const states: string[] = [];
    engine.on('riskStateChanged', (s, _p, reason) => states.push(`${s}:${reason.split(':')[0]}`));
    venue.fill(venue.resting('bid')[0]!.orderId, 500); // long 5 at $0.41, mid $0.45: +$0.20 peak
    feed.snapshot(M, [[1_000, 1_000]], [[8_000, 1_000]]);
    await until(() => venue.resting('ask').some((o) => o.priceUnits === 1_900));
    venue.fill(venue.resting('ask').find((o) => o.priceUnits === 1_900)!.orderId, 100); // marks at mid $0.15
    await until(() => engine.tradingState === 'reducing');
    expect(states).toEqual(['reducing:MAX_DRAWDOWN']);
    await until(() => venue.restingCount('bid') === 0); // only position-reducing quotes remain
    expect(venue.restingCount('ask')).toBeGreaterThan(0);
  });

  it('keeps running and reports when a strategy handler throws', async () => {
    const { engine, feed, strategy, venue } = await started();
    const errors: Error[] = [];
    engine.on('engineError', (e) => errors.push(e));
    (strategy as Strategy).onTrade = () => {
      throw new Error('boom');
    };
    feed.handlers!.onTrade({
      tradeId: 't',
      marketTicker: M,
      priceUnits: 4_500,
      countUnits: 100,
      takerSide: 'bid',
      tsMs: 1,
    });
    expect(errors.map((e) => e.message)).toEqual(['boom']);
    feed.snapshot(M, [[4_200, 1_000]], [[5_000, 1_000]]);
    await until(() => venue.resting('bid')[0]?.priceUnits === 4_300);
    expect(engine.state).toBe('running');
  });

  it('reports every configuration problem at once', () => {
    try {
      setup({
        markets: [],
        risk: { maxOrderCountUnits: 0, maxPositionCountUnits: 1, maxTotalExposureMicros: 1 },
        timerIntervalMs: -1,
      });
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err)).toBe(true);
      expect((err as MmCoreConfigError).problems).toEqual([
        'markets must list at least one ticker',
        'risk.maxOrderCountUnits must be a positive integer (got 0)',
        'timerIntervalMs must be an integer >= 0 (got -1)',
      ]);
    }
  });

  it('arms a venue order group and attaches new orders to it', async () => {
    const { venue } = await started({ orderGroupContractsLimitCountUnits: 10_000 });
    expect(venue.calls[0]).toBe('createOrderGroup');
    expect(venue.resting().map((o) => o.orderGroupId)).toEqual(['og-1', 'og-1']);
  });

  it('triggers the venue order group on the kill switch and resets it on resume', async () => {
    const { venue, engine } = await started({ orderGroupContractsLimitCountUnits: 10_000 });
    await engine.killSwitch('test');
    const trigger = venue.calls.indexOf('triggerOrderGroup');
    expect(trigger).toBeGreaterThanOrEqual(0);
    expect(trigger).toBeLessThan(venue.calls.indexOf('cancelAll'));
    await engine.resume();
    expect(venue.calls).toContain('resetOrderGroup');
    await until(() => venue.resting().length === 2);
  });

  it('stop() during start() waits for start-up, then stops: no engine left running behind it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    class SlowFeed extends FakeFeed {
      override async start(...args: Parameters<FakeFeed['start']>): Promise<void> {
        await gate;
        return super.start(...args);
      }
    }
    const feed = new SlowFeed();
    const { engine } = setup({ feed, timerIntervalMs: 5 });
    const starting = engine.start();
    const stopping = engine.stop();
    release();
    await starting;
    expect(await stopping).toBe(true);
    expect(engine.state).toBe('stopped');
    expect(feed.stopped).toBe(true);
  });

  it('still cancels everything when the venue order-group trigger throws during the kill switch', async () => {
    const { venue, engine } = await started({ orderGroupContractsLimitCountUnits: 10_000 });
    const errors: string[] = [];
    engine.on('engineError', (e) => errors.push(e.message));
    venue.triggerOrderGroup = () => Promise.reject(new Error('network down'));
    const report = await engine.killSwitch('test');
    expect(errors).toEqual(['network down']);
    expect(report.verified).toBe(true);
    expect(venue.resting()).toEqual([]);
  });

  it('reports a strategy handler that returns a promise instead of throwing out of the evaluation', async () => {
    const { engine, feed, strategy, venue } = await started();
    const errors: string[] = [];
    engine.on('engineError', (e) => errors.push(e.message));
    const onBook = strategy.onBook.bind(strategy);
    (strategy as unknown as { onBook: unknown }).onBook = async (t: string, ctx: StrategyContext) =>
      onBook(t, ctx);
    feed.snapshot(M, [[4_200, 1_000]], [[5_000, 1_000]]);
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/promise/);
    expect(engine.state).toBe('running');
    expect(venue.resting().length).toBe(2);
  });

  it('reports a throwing event listener instead of unwinding into the feed that delivered the fill', async () => {
    const { venue, engine } = await started();
    const errors: string[] = [];
    engine.on('engineError', (e) => errors.push(e.message));
    engine.on('orderFilled', () => {
      throw new Error('listener bug');
    });
    venue.fill(venue.resting('bid')[0]!.orderId, 100);
    expect(errors).toEqual(['listener bug']);
    expect(engine.context.position(M).positionCountUnits).toBe(100);
    expect(engine.context.openOrders(M).find((o) => o.side === 'bid')?.remainingCountUnits).toBe(400);
  });

  it('counts a long NO (short YES) position at its NO cost in total exposure', async () => {
    const { engine, feed, venue } = await started({
      risk: { maxOrderCountUnits: 1_000, maxPositionCountUnits: 2_000, maxTotalExposureMicros: 5_000_000 },
    });
    const denied: string[] = [];
    engine.on('orderDenied', (d) => denied.push(`${d.quote.side}:${d.reason}`));
    // Sold 10 YES at $0.10 = bought 10 NO at $0.90: $9 at risk, far above the $5 limit.
    feed.handlers!.onFill({
      tradeId: 'no-1',
      orderId: 'elsewhere',
      marketTicker: M,
      side: 'ask',
      priceUnits: 1_000,
      countUnits: 1_000,
      feeMicros: 0,
      isTaker: true,
      tsMs: 1,
    });
    feed.snapshot(M, [[4_000, 1_000]], [[5_000, 1_000]]);
    // Selling more YES adds NO cost on top: denied. Buying YES back only reduces it: allowed.
    await until(() => denied.includes('ask:MAX_TOTAL_EXPOSURE'));
    await until(() => venue.resting().length === 1);
    expect(venue.resting()[0]?.side).toBe('bid');
    expect(denied).not.toContain('bid:MAX_TOTAL_EXPOSURE');
  });

  it('counts a position adopted at start-up before any book from its first trusted mid, not a placeholder', async () => {
    const s = setup({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 2_000,
        maxTotalExposureMicros: 100_000_000,
        maxLossMicros: 1_000_000,
      },
    });
    s.venue.positions.set(M, 1_000); // long 10 YES from an earlier session
    const trips: string[] = [];
    s.engine.on('killSwitchTripped', (r) => trips.push(r));
    await s.engine.start();
    s.feed.snapshot(M, [[1_000, 1_000]], [[8_600, 1_000]]); // mid $0.12
    await until(() => s.venue.resting().length > 0);
    expect(trips).toEqual([]);
    expect(s.engine.context.pnl().unrealizedPnlMicros).toBe(0);
    s.feed.snapshot(M, [[900, 1_000]], [[8_700, 1_000]]); // mid $0.11: -$0.10 from here
    await until(() => s.engine.context.pnl().unrealizedPnlMicros === -100_000);
  });

  it('marks a long YES position at $0 when every bid vanishes, and at the best bid when only bids remain', async () => {
    const { venue, engine, feed } = await started();
    venue.fill(venue.resting('bid')[0]!.orderId, 500); // long 5 at $0.41: cost $2.05
    await tick();
    feed.snapshot(M, [], [[5_000, 1_000]]); // asks only: nobody to sell to
    await until(() => engine.context.pnl().unrealizedPnlMicros === -2_050_000);
    feed.snapshot(M, [[3_000, 1_000]], []); // bids only, at $0.30
    await until(() => engine.context.pnl().unrealizedPnlMicros === 500 * 3_000 - 2_050_000);
  });

  it('marks a short YES position at $1 when every ask vanishes, and at the best ask when only asks remain', async () => {
    const { venue, engine, feed } = await started();
    venue.fill(venue.resting('ask')[0]!.orderId, 500); // short 5 at $0.49: premium $2.45
    await tick();
    feed.snapshot(M, [[4_000, 1_000]], []); // bids only: nobody to buy back from
    await until(() => engine.context.pnl().unrealizedPnlMicros === -500 * 10_000 + 2_450_000);
    feed.snapshot(M, [], [[3_000, 1_000]]); // asks only, YES ask $0.70
    await until(() => engine.context.pnl().unrealizedPnlMicros === -500 * 7_000 + 2_450_000);
  });

  it('trips MAX_LOSS when the bids under a long position vanish', async () => {
    const { venue, engine, feed } = await started({
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 1_000,
        maxTotalExposureMicros: 100_000_000,
        maxLossMicros: 1_000_000,
      },
    });
    const trips: string[] = [];
    engine.on('killSwitchTripped', (r) => trips.push(r));
    venue.fill(venue.resting('bid')[0]!.orderId, 500);
    await tick();
    feed.snapshot(M, [], [[5_000, 1_000]]); // the last two-sided mid was $0.45: a gain at that mark
    await until(() => trips.length === 1);
    expect(trips).toEqual(['MAX_LOSS']);
  });
});
