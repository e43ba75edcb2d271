import { afterEach, describe, expect, it } from 'vitest';
import { FakeFeed, FakeVenue, until } from '../../test/support/fake-venue.js';
import type { Fill } from '../model/types.js';
import type { Strategy, StrategyContext, StrategyDecision } from '../strategy/strategy.js';
import { Engine, type EngineConfig } from './engine.js';

// Regression tests for the fill ledger and the reconciliation cursor (issue 10, items 1, 5, 6).

const M = 'MKT-A';

class Quiet implements Strategy {
  fills: Fill[] = [];
  onBook(marketTicker: string, _ctx: StrategyContext): StrategyDecision {
    return [{ marketTicker, quotes: [] }];
  }
  onFill(f: Fill): StrategyDecision {
    this.fills.push(f);
    return [];
  }
}

const engines: Engine[] = [];
function setup(over: Partial<EngineConfig> = {}) {
  const venue = new FakeVenue();
  const feed = new FakeFeed();
  const strategy = new Quiet();
  const engine = new Engine({
    markets: [M],
    strategy,
    feed,
    gateway: venue,
    risk: { maxOrderCountUnits: 1_000, maxPositionCountUnits: 10_000, maxTotalExposureMicros: 1_000_000_000 },
    timerIntervalMs: 0,
    reconcileIntervalMs: 0,
    positionDriftConfirmMs: 0,
    reconcileRetryBaseMs: 1,
    orders: { unknownResolveDelayMs: 0 },
    ...over,
  });
  engines.push(engine);
  return { venue, feed, strategy, engine };
}
afterEach(async () => {
  for (const e of engines.splice(0)) if (e.state === 'running') await e.stop();
});

/** A fill from an earlier session, already in the venue's position. */
function earlierFill(venue: FakeVenue, id: string, count: number, tsMs: number): Fill {
  const f: Fill = {
    tradeId: id,
    orderId: `old-${id}`,
    marketTicker: M,
    side: 'bid',
    priceUnits: 4_000,
    countUnits: count,
    feeMicros: 0,
    isTaker: false,
    tsMs,
  };
  venue.fills.push(f);
  venue.positions.set(M, (venue.positions.get(M) ?? 0) + count);
  return f;
}

describe('Engine reconciliation ledger', () => {
  it('does not re-apply the fills behind a position adopted at start-up (restart)', async () => {
    const { venue, engine, strategy, feed } = setup();
    const now = Date.now();
    earlierFill(venue, 'a', 300, now - 86_400_000); // yesterday
    earlierFill(venue, 'b', 200, now - 10_000); // ten seconds before the restart
    await engine.start();
    expect(engine.context.position(M).positionCountUnits).toBe(500);
    const realized = engine.context.position(M).realizedPnlMicros;
    // a socket drop and reconnect, then a periodic reconciliation
    feed.handlers!.onConnectionState('disconnected');
    const reconnected = new Promise<void>((r) => engine.once('reconnected', () => r()));
    feed.handlers!.onConnectionState('reconnected');
    await reconnected;
    await engine.reconcile();
    expect(engine.context.position(M).positionCountUnits).toBe(500);
    expect(engine.context.position(M).realizedPnlMicros).toBe(realized);
    expect(strategy.fills).toEqual([]);
    expect(engine.tradingState).toBe('active');
  });

  it('backfills a fill missed on the socket even when a later fill is minutes newer', async () => {
    const { venue, engine, feed } = setup();
    await engine.start();
    const now = Date.now();
    // missed: the venue has it, the socket never delivered it
    earlierFill(venue, 'missed', 100, now);
    // delivered on the socket, two minutes newer in venue time
    const later = earlierFill(venue, 'later', 100, now + 120_000);
    feed.handlers!.onFill(later);
    await engine.reconcile();
    expect(engine.context.position(M).positionCountUnits).toBe(200);
    expect(engine.tradingState).toBe('active');
  });

  it('retries a failed reconnect reconciliation and reports reconnected only after it succeeds', async () => {
    const { venue, engine, feed } = setup();
    await engine.start();
    let failures = 2;
    const getPositions = venue.getPositions.bind(venue);
    venue.getPositions = async () => {
      if (failures-- > 0) throw new Error('HTTP 503');
      return getPositions();
    };
    const errors: unknown[] = [];
    engine.on('engineError', (e) => errors.push(e));
    let reconnected = 0;
    engine.on('reconnected', () => reconnected++);
    earlierFill(venue, 'during-outage', 100, Date.now());
    feed.handlers!.onConnectionState('disconnected');
    feed.handlers!.onConnectionState('reconnected');
    await until(() => errors.length >= 1);
    expect(reconnected).toBe(0);
    await until(() => reconnected === 1, 20_000);
    expect(errors.length).toBe(2);
    expect(engine.context.position(M).positionCountUnits).toBe(100);
    expect(engine.stats().reconcileFailures).toBe(2);
  });

  it('adopts a drifted position at the last trusted mid, not at a placeholder', async () => {
    const { venue, engine, feed } = setup();
    await engine.start();
    feed.snapshot(M, [[3_000, 1_000]], [[6_000, 1_000]]); // YES bid 30, ask 40: mid 35
    await until(() => engine.context.book(M)?.trusted === true);
    feed.handlers!.onConnectionState('disconnected'); // books untrusted from here on
    venue.positions.set(M, 300); // a fill we never saw, no fill record either
    await engine.reconcile();
    await engine.reconcile(); // confirmed
    const pos = engine.context.position(M);
    expect(pos.positionCountUnits).toBe(300);
    expect(pos.costBasisMicros).toBe(300 * 3_500);
  });
});

describe('Engine direct cancels (orphans, stop and kill-switch fallbacks)', () => {
  function orphans(venue: FakeVenue, n: number): void {
    for (let i = 0; i < n; i++) {
      venue.orders.set(`x${i}`, {
        orderId: `x${i}`,
        clientOrderId: `crashed-${i}`,
        marketTicker: M,
        side: i % 2 === 0 ? 'bid' : 'ask',
        priceUnits: i % 2 === 0 ? 3_000 : 7_000,
        remaining: 100,
        filled: 0,
        status: 'resting',
      });
    }
  }

  it('cancels more orphans than one batch holds, in chunks the venue accepts', async () => {
    const { venue, engine } = setup();
    venue.maxBatchSize = 50;
    orphans(venue, 60);
    await engine.start();
    await until(() => venue.resting().length === 0);
    expect(venue.calls).not.toContain('cancelOrders:refused');
  });

  it('kill switch cancels a backlog above the batch limit when cancel-all did not work', async () => {
    const { venue, engine } = setup({ orphanOrders: 'ignore' });
    venue.maxBatchSize = 50;
    await engine.start();
    orphans(venue, 120);
    venue.cancelAllIneffective = 1;
    const report = await engine.killSwitch('test');
    expect(report.verified).toBe(true);
    expect(report.attempts).toBe(1);
    expect(venue.calls).not.toContain('cancelOrders:refused');
  });

  it('retries a direct cancel that failed and reports what it could not cancel', async () => {
    const { venue, engine } = setup();
    orphans(venue, 3);
    let failing = 2;
    const cancelOrder = venue.cancelOrder.bind(venue);
    venue.cancelOrder = async (ref) => {
      if (ref.orderId === 'x1' && failing-- > 0)
        return { ok: false, kind: 'UNKNOWN', code: 'TIMEOUT', message: 'no answer' };
      return cancelOrder(ref);
    };
    await engine.start();
    await until(() => venue.resting().length === 0);
    expect(engine.stats().directCancelRetries).toBeGreaterThanOrEqual(2);
  });
});
