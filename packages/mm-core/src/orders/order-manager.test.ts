import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeVenue, type Outcome, tick, until } from '../../test/support/fake-venue.js';
import type { Fill, QuoteSide } from '../model/types.js';
import type { DesiredQuote } from '../strategy/strategy.js';
import { OrderManager } from './order-manager.js';

const M = 'MKT';
const bid = (priceUnits: number, countUnits: number): DesiredQuote => ({
  side: 'bid',
  priceUnits,
  countUnits,
});
const ask = (priceUnits: number, countUnits: number): DesiredQuote => ({
  side: 'ask',
  priceUnits,
  countUnits,
});

const managers: OrderManager[] = [];
function setup(config = {}) {
  const venue = new FakeVenue();
  const om = new OrderManager(venue, { unknownResolveDelayMs: 0, ...config });
  managers.push(om);
  venue.onFill((f) => om.applyFill(f));
  return { venue, om };
}
afterEach(() => {
  for (const om of managers.splice(0)) om.close();
});

async function converge(om: OrderManager, venue: FakeVenue) {
  om.flush();
  await until(() => om.inFlightCount === 0 && venue.pending.length === 0);
  await tick();
}

describe('OrderManager', () => {
  it('places the desired quotes with client order ids, post-only', async () => {
    const { venue, om } = setup();
    const placed: string[] = [];
    om.on('orderPlaced', (o) => placed.push(o.clientOrderId));
    om.setDesired(M, [bid(4_500, 1_000), ask(5_500, 1_000)]);
    await converge(om, venue);
    expect(venue.resting().map((o) => [o.side, o.priceUnits, o.remaining])).toEqual([
      ['bid', 4_500, 1_000],
      ['ask', 5_500, 1_000],
    ]);
    expect(placed).toHaveLength(2);
    expect(placed[0]).toMatch(/^mm-/);
  });

  it('leaves an order alone inside the price tolerance', async () => {
    const { venue, om } = setup({ priceToleranceUnits: 100 });
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.calls.length = 0;
    om.setDesired(M, [bid(4_600, 1_000)]);
    await converge(om, venue);
    expect(venue.calls).toEqual([]);
  });

  it('decreases instead of cancelling when only the size shrinks', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.calls.length = 0;
    om.setDesired(M, [bid(4_500, 400)]);
    await converge(om, venue);
    expect(venue.calls).toEqual(['decrease']);
    expect(venue.restingCount('bid')).toBe(400);
  });

  it('amends instead of cancel + create on a reprice', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.calls.length = 0;
    om.setDesired(M, [bid(4_700, 1_000)]);
    await converge(om, venue);
    expect(venue.calls).toEqual(['amend']);
    expect(venue.resting()[0]?.priceUnits).toBe(4_700);
  });

  it('cancels orders that are no longer wanted', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000), ask(5_500, 1_000)]);
    await converge(om, venue);
    om.setDesired(M, []);
    await converge(om, venue);
    expect(venue.resting()).toEqual([]);
    expect(om.openOrders(M)).toEqual([]);
  });

  it('batches creates into one request per side set', async () => {
    const { venue, om } = setup();
    let batches = 0;
    const orig = venue.placeOrders.bind(venue);
    venue.placeOrders = (reqs) => {
      batches++;
      return orig(reqs);
    };
    om.setDesired(M, [bid(4_500, 100), bid(4_400, 100), ask(5_500, 100)]);
    await converge(om, venue);
    expect(batches).toBe(1);
    expect(venue.resting()).toHaveLength(3);
  });

  it("never sends a batch larger than the venue's own limit", async () => {
    const { venue, om } = setup({ maxBatchSize: 20 });
    venue.maxBatchSize = 2;
    const sizes: number[] = [];
    const orig = venue.placeOrders.bind(venue);
    venue.placeOrders = (reqs) => {
      sizes.push(reqs.length);
      return orig(reqs);
    };
    om.setDesired(M, [bid(4_500, 100), bid(4_400, 100), bid(4_300, 100), ask(5_500, 100), ask(5_600, 100)]);
    await converge(om, venue);
    expect(Math.max(...sizes)).toBe(2);
    expect(venue.resting()).toHaveLength(5);
  });

  it('does not grow a side while earlier writes are in flight', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.manual = true;
    om.setDesired(M, [bid(4_500, 1_000), bid(4_000, 1_000)]); // grows: one create
    om.flush();
    om.setDesired(M, [bid(4_400, 1_000)]); // while the create is in flight
    om.flush();
    expect(venue.pending.map((p) => p.kind)).toEqual(['place', 'amend']); // reprice in place, no second create
    expect(om.exposureCountUnits(M, 'bid')).toBe(2_000);
  });

  it('ignores a create ack that arrives after the order was already closed by a venue update', async () => {
    const { venue, om } = setup();
    venue.manual = true;
    const events: string[] = [];
    om.on('orderPlaced', () => events.push('placed'));
    om.on('orderClosed', (_o, reason) => events.push(`closed:${reason}`));
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    const op = venue.pending[0]!;
    if (op.kind !== 'place') throw new Error('expected a place');
    // The venue placed it and cancelled it (trading paused); the user_orders update beats the ack.
    om.applyOrderUpdate({
      orderId: 'v-early',
      clientOrderId: op.req.clientOrderId,
      marketTicker: M,
      side: 'bid',
      priceUnits: 4_500,
      filledCountUnits: 0,
      remainingCountUnits: 0,
      status: 'canceled',
      tsMs: 1,
    });
    om.setDesired(M, []);
    venue.process(0, 'ok');
    await until(() => om.inFlightCount === 0);
    await tick();
    expect(events).toEqual(['closed:canceled']);
    expect(om.openOrders(M)).toEqual([]);
    expect(om.isKnown(venue.resting()[0]!.orderId)).toBe(false);
  });

  it('resolves a timed-out create by looking it up by client order id', async () => {
    const { venue, om } = setup();
    venue.autoOutcome = 'unknown-applied';
    const unknown: string[] = [];
    om.on('orderUnknown', (o) => unknown.push(o.clientOrderId));
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    await until(() => unknown.length === 1);
    venue.autoOutcome = 'ok';
    await until(() => om.openOrders(M)[0]?.state === 'working');
    expect(om.openOrders(M)[0]?.orderId).toBe(venue.resting()[0]?.orderId);
    expect(venue.resting()).toHaveLength(1); // never re-sent blindly
  });

  it('drops a timed-out create that the venue never received and then re-places', async () => {
    const { venue, om } = setup();
    venue.autoOutcome = 'unknown-lost';
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    await until(() => venue.calls.length >= 1);
    venue.autoOutcome = 'ok';
    await until(() => venue.resting().length === 1);
    await converge(om, venue);
    expect(venue.restingCount('bid')).toBe(1_000);
  });

  it('reports a rejected create and forgets it', async () => {
    const { venue, om } = setup();
    venue.autoOutcome = 'reject';
    const rejected: string[] = [];
    om.on('orderRejected', (r) => rejected.push(r.code));
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    await until(() => rejected.length > 0);
    venue.autoOutcome = 'ok';
    om.setDesired(M, []);
    await converge(om, venue);
    expect(rejected[0]).toBe('invalid_order');
    expect(om.openOrders(M)).toEqual([]);
  });

  it('replenishes a partially filled order up to the desired size', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.fill(venue.resting()[0]!.orderId, 300);
    await converge(om, venue);
    expect(venue.restingCount('bid')).toBe(1_000);
  });

  it('does not count a fill twice when the amend ack reflects it before the stream delivers it', async () => {
    const venue = new FakeVenue();
    const om = new OrderManager(venue, { unknownResolveDelayMs: 0 });
    managers.push(om);
    const held: Fill[] = [];
    venue.onFill((f) => held.push(f)); // the stream lags: fills are applied by hand below
    om.setDesired(M, [bid(4_500, 500)]);
    await converge(om, venue);
    const orderId = venue.resting()[0]!.orderId;
    venue.manual = true;
    om.setDesired(M, [bid(4_700, 500)]);
    om.flush();
    expect(venue.pending.map((p) => p.kind)).toEqual(['amend']);
    venue.fill(orderId, 300); // fills at the venue while the amend is in flight
    venue.process(0, 'ok'); // the ack (cumulative fills 300, 200 resting) beats the streamed fill
    await tick();
    om.applyFill(held[0]!);
    venue.manual = false;
    await converge(om, venue);
    // The manager still tracks the venue's order; it neither dropped it nor placed a second one.
    expect(venue.resting().map((o) => o.orderId)).toEqual([orderId]);
    expect(om.openOrders(M).map((o) => [o.orderId, o.remainingCountUnits])).toEqual([
      [orderId, venue.resting()[0]!.remaining],
    ]);
  });

  it('sends only cancels while rate limited', async () => {
    const { venue, om } = setup({ rateLimitBackoffMs: 60_000 });
    om.setDesired(M, [bid(4_500, 100)]);
    await converge(om, venue);
    venue.autoOutcome = 'rate-limited';
    om.setDesired(M, [bid(4_500, 100), ask(5_500, 100)]);
    await converge(om, venue);
    venue.autoOutcome = 'ok';
    venue.calls.length = 0;
    om.setDesired(M, [ask(5_500, 100)]);
    await converge(om, venue);
    expect(venue.calls).toEqual(['cancel']);
  });

  it('withdraws creates still waiting to be sent when new orders are blocked', async () => {
    const { venue, om } = setup({ maxBatchSize: 1 });
    venue.createBudget = 1; // one create leaves at once, the others wait (like a rate-limit queue)
    om.setDesired(M, [bid(4_500, 100), bid(4_400, 100), ask(5_500, 100)]);
    om.flush();
    await until(() => venue.resting().length === 1 && venue.held.length === 2);
    const arrivedBefore = venue.calls.filter((c) => c === 'place').length;
    const closed: string[] = [];
    const rejected: string[] = [];
    om.on('orderClosed', (_o, reason) => closed.push(reason));
    om.on('orderRejected', (r) => rejected.push(r.code));
    om.blockNewOrders();
    om.cancelEverything();
    venue.releaseCreates(); // the "tokens" refill after the block
    await until(() => om.openOrders().length === 0 && om.inFlightCount === 0);
    expect(venue.calls.filter((c) => c === 'place')).toHaveLength(arrivedBefore);
    expect(venue.withdrawnCreates).toBe(2);
    expect(venue.resting()).toEqual([]);
    // Never sent: closed as withdrawn, with no lookup and no rejection.
    expect(closed.filter((r) => r === 'withdrawn')).toHaveLength(2);
    expect(venue.clientIdLookups).toBe(0);
    expect(rejected).toEqual([]);
  });

  it('finds and cancels a create that was on the wire when new orders were blocked', async () => {
    const { venue, om } = setup();
    venue.manual = true;
    const unknown: string[] = [];
    om.on('orderUnknown', (o) => unknown.push(o.clientOrderId));
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    expect(venue.pending).toHaveLength(1);
    om.blockNewOrders();
    await until(() => unknown.length === 1); // the answer is lost: an unknown outcome
    venue.process(0, 'ok'); // but the venue did receive it
    venue.manual = false;
    await until(() => om.openOrders().length === 0 && om.inFlightCount === 0);
    expect(venue.abortedOnWire).toBe(1);
    expect([...venue.orders.values()].map((o) => o.status)).toEqual(['canceled']);
  });

  it('sends one cancel when an amend ack lands after the cancel was sent', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.manual = true;
    om.setDesired(M, [bid(4_700, 1_000)]);
    om.flush();
    expect(venue.pending.map((p) => p.kind)).toEqual(['amend']);
    om.setDesired(M, []);
    om.cancelEverything(); // stop / kill switch while the amend is in flight
    venue.process(0, 'ok'); // the amend's ack comes back first
    await until(() => venue.pending.length === 1 && om.inFlightCount === 1);
    om.flush();
    await tick();
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(1);
    expect(om.openOrders(M).map((o) => [o.state, o.priceUnits])).toEqual([['pendingCancel', 4_700]]);
    venue.processAll('ok');
    await until(() => om.openOrders(M).length === 0 && om.inFlightCount === 0);
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(1);
    expect(venue.resting()).toEqual([]);
  });

  it('keeps an order pending-cancel when its withdrawn amend is looked up before the cancel answers', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.manual = true;
    om.setDesired(M, [bid(4_700, 1_000)]);
    om.flush();
    let lookups = 0;
    const getOrder = venue.getOrder.bind(venue);
    venue.getOrder = (id: string) => {
      lookups++;
      return getOrder(id);
    };
    om.blockNewOrders(); // aborts the amend: its outcome becomes unknown and is looked up
    om.cancelEverything();
    await until(() => lookups === 1 && om.inFlightCount === 1);
    await tick();
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(1);
    expect(om.openOrders(M).map((o) => o.state)).toEqual(['pendingCancel']);
    venue.processAll('ok');
    await until(() => om.openOrders(M).length === 0 && om.inFlightCount === 0);
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(1);
    expect(venue.resting()).toEqual([]);
  });

  it('cancels again once a cancel is rejected, even when an amend ack arrived meanwhile', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 1_000)]);
    await converge(om, venue);
    venue.manual = true;
    om.setDesired(M, [bid(4_700, 1_000)]);
    om.flush();
    om.setDesired(M, []);
    om.cancelEverything();
    venue.process(0, 'ok'); // amend acknowledged: still pending-cancel
    venue.process(0, 'reject'); // the cancel fails: the order is working again and still unwanted
    await until(() => venue.pending.length === 1);
    expect(venue.pending.map((p) => p.kind)).toEqual(['cancel']);
    venue.processAll('ok');
    await until(() => om.openOrders(M).length === 0 && om.inFlightCount === 0);
    expect(venue.calls.filter((c) => c === 'cancel')).toHaveLength(2);
  });

  it('rejects an invalid config with every problem', () => {
    expect(() => new OrderManager(new FakeVenue(), { maxBatchSize: 0, priceToleranceUnits: -1 })).toThrow(
      /maxBatchSize[\s\S]*priceToleranceUnits|priceToleranceUnits[\s\S]*maxBatchSize/,
    );
  });
});

describe('OrderManager properties', () => {
  const quotes = fc.array(
    fc.record({
      side: fc.constantFrom<QuoteSide>('bid', 'ask'),
      priceUnits: fc.constantFrom<number>(4_000, 5_000, 6_000),
      countUnits: fc.integer({ min: 1, max: 5 }).map((c) => c * 100),
    }),
    { maxLength: 4 },
  );
  const step = fc.oneof(
    { weight: 2, arbitrary: quotes.map((q) => ({ t: 'desire' as const, q })) },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('process' as const),
        i: fc.nat(),
        outcome: fc.constantFrom<Outcome>(
          'ok',
          'ok',
          'ok',
          'reject',
          'unknown-applied',
          'unknown-lost',
          'rate-limited',
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('fill' as const),
        i: fc.nat(),
        frac: fc.integer({ min: 1, max: 100 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ t: 'turn' as const }) },
  );

  it('never lets venue exposure exceed what the manager accounts for, nor grow a side past the intent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), async (steps) => {
        const venue = new FakeVenue();
        venue.manual = true;
        const om = new OrderManager(venue, {
          unknownResolveDelayMs: 0,
          rateLimitBackoffMs: 0,
          modifyRetryBaseMs: 1,
        });
        venue.onFill((f) => om.applyFill(f));
        const sides = ['bid', 'ask'] as const;
        // The moment a create or amend reaches the venue, the side's worst case must fit the intent.
        let growthViolation: string | undefined;
        venue.onExposureWrite = (side, before, after) => {
          if (after > before && after > cap(side) && growthViolation === undefined)
            growthViolation = `${side}: a write raised the worst case ${before} -> ${after} above the desired ${cap(side)}`;
        };
        const cap = (side: QuoteSide) =>
          om
            .desired(M)
            .filter((q) => q.side === side)
            .reduce((a, q) => a + q.countUnits, 0);
        // Worst-case venue exposure at the previous checkpoint (the manager's own accounting is
        // conservative and may rise without a write, for example when a cancel times out).
        const prevVenue = { bid: 0, ask: 0 };
        try {
          // Checked after every step and every few microtasks, so that writes sent by the
          // manager's own follow-up flushes (after fills, answers, lookups) are covered too.
          const check = () => {
            for (const side of sides) {
              expect(growthViolation).toBeUndefined();
              const venueWorst = venue.worstCaseCount(side);
              const accounted = om.exposureCountUnits(M, side);
              // Accounting is sound: a pending amend counts at its larger size, a create at full size.
              expect(accounted).toBeGreaterThanOrEqual(venueWorst);
              // No write (create or amend) raises a side above the desired total for that side.
              expect(venueWorst).toBeLessThanOrEqual(Math.max(cap(side), prevVenue[side]));
              prevVenue[side] = venueWorst;
            }
          };
          for (const s of steps) {
            if (s.t === 'desire') {
              om.setDesired(M, s.q);
              om.flush();
            } else if (s.t === 'process' && venue.pending.length > 0) {
              venue.process(s.i % venue.pending.length, s.outcome);
            } else if (s.t === 'fill') {
              const resting = venue.resting();
              const o = resting[s.i % Math.max(1, resting.length)];
              if (o !== undefined)
                venue.fill(o.orderId, Math.max(1, Math.floor((o.remaining * s.frac) / 100)));
            } else {
              await tick();
            }
            check();
            for (let k = 0; k < 4; k++) {
              await Promise.resolve();
              check();
            }
          }
          // Drain: everything answered, the venue converges to the last desire without exceeding it.
          venue.manual = false;
          venue.processAll('ok');
          const settled = () =>
            om.inFlightCount === 0 &&
            venue.pending.length === 0 &&
            om.openOrders().every((o) => o.state === 'working');
          // A refused cancel or amend is retried after its back-off: converged means that is done too.
          const converged = () => settled() && sides.every((side) => venue.restingCount(side) <= cap(side));
          await until(converged);
          await tick();
          await until(converged);
          for (const side of sides) {
            expect(venue.restingCount(side)).toBeLessThanOrEqual(cap(side));
            expect(om.exposureCountUnits(M, side)).toBe(venue.restingCount(side));
          }
        } finally {
          om.close();
        }
      }),
      {
        numRuns: 300,
        // Regressions: growing a matched order (1) or repricing a spare one (2) through an amend
        // while another order still counts on the side.
        examples: [
          [
            [
              { t: 'desire', q: [ask(4_000, 100), ask(4_000, 100)] },
              { t: 'process', i: 0, outcome: 'ok' },
              { t: 'process', i: 0, outcome: 'ok' },
              { t: 'desire', q: [ask(4_000, 200)] },
            ],
          ],
          [
            [
              { t: 'desire', q: [bid(4_000, 200), bid(4_000, 100)] },
              { t: 'desire', q: [bid(5_000, 200), bid(4_000, 100)] },
              { t: 'process', i: 0, outcome: 'ok' },
              { t: 'process', i: 0, outcome: 'ok' },
              { t: 'process', i: 0, outcome: 'ok' },
            ],
          ],
        ],
      },
    );
  });
});
