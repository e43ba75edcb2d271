import { afterEach, describe, expect, it } from 'vitest';
import { FakeVenue, until } from '../../test/support/fake-venue.js';
import type { DesiredQuote } from '../strategy/strategy.js';
import { OrderManager, type OrderManagerConfig } from './order-manager.js';

// Issue 10, items 7 and 9: failed writes are retried with back-off, and a retry timer that fires
// before the manager's clock reaches its deadline re-arms itself instead of being lost.

const M = 'MKT';
const bid = (priceUnits: number, countUnits: number): DesiredQuote => ({
  side: 'bid',
  priceUnits,
  countUnits,
});

const managers: OrderManager[] = [];
afterEach(() => {
  for (const om of managers.splice(0)) om.close();
});
function setup(config: OrderManagerConfig = {}, nowMs?: () => number) {
  const venue = new FakeVenue();
  const om = new OrderManager(venue, { unknownResolveDelayMs: 0, ...config }, nowMs ? { nowMs } : {});
  managers.push(om);
  venue.onFill((f) => om.applyFill(f));
  return { venue, om };
}

describe('OrderManager retries', () => {
  it('does not re-send a rejected cancel in a tight loop', async () => {
    const { venue, om } = setup({ modifyRetryBaseMs: 50 });
    om.setDesired(M, [bid(4_500, 100)]);
    om.flush();
    await until(() => venue.resting().length === 1);
    const cancelOrder = venue.cancelOrder.bind(venue);
    let cancels = 0;
    venue.cancelOrder = async () => {
      cancels++;
      return { ok: false, kind: 'REJECTED', code: 'invalid_order', message: 'cannot cancel (test)' };
    };
    om.setDesired(M, []);
    om.flush();
    await new Promise((r) => setTimeout(r, 120));
    // base 50 ms, doubling: at most a handful of tries in 120 ms, not thousands
    expect(cancels).toBeGreaterThanOrEqual(1);
    expect(cancels).toBeLessThanOrEqual(4);
    expect(om.stats().modifyRetries).toBeGreaterThanOrEqual(1);
    venue.cancelOrder = cancelOrder;
    await until(() => venue.resting().length === 0, 20_000);
  });

  it('restores a quote after a rate limit even when the retry timer fires before the clock reaches the deadline', async () => {
    // The manager's clock runs at half speed: every timer fires "early" by that clock.
    const t0 = Date.now();
    const slow = () => t0 + Math.floor((Date.now() - t0) / 2);
    const { venue, om } = setup({ rateLimitBackoffMs: 20 }, slow);
    venue.autoOutcome = 'rate-limited';
    om.setDesired(M, [bid(4_500, 100)]);
    om.flush();
    await until(() => om.inFlightCount === 0);
    venue.autoOutcome = 'ok';
    await until(() => venue.resting().length === 1, 20_000);
    expect(venue.restingCount('bid')).toBe(100);
  });
});

describe('OrderManager unknown creates', () => {
  it('does not declare a create absent after one lookup: one processed late is found and cancelled', async () => {
    const { venue, om } = setup();
    venue.manual = true;
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    expect(venue.pending).toHaveLength(1);
    om.blockNewOrders(); // the create was on the wire: its answer is lost
    const lookup = venue.getOrderByClientOrderId.bind(venue);
    let lookups = 0;
    venue.getOrderByClientOrderId = async (cid) => {
      const found = await lookup(cid);
      if (++lookups === 1) {
        // the exchange processes the create only after our first lookup missed it
        venue.process(0, 'ok');
        venue.manual = false;
      }
      return found;
    };
    const closed: string[] = [];
    om.on('orderClosed', (_o, reason) => closed.push(reason));
    await until(() => om.openOrders().length === 0 && om.inFlightCount === 0, 20_000);
    expect(lookups).toBeGreaterThanOrEqual(2);
    expect(closed).toEqual(['canceled']);
    expect(venue.resting()).toEqual([]);
  });

  it('declares a create absent only after absentAfterLookups misses', async () => {
    const { venue, om } = setup({ absentAfterLookups: 3 });
    venue.manual = true;
    om.setDesired(M, [bid(4_500, 1_000)]);
    om.flush();
    om.blockNewOrders();
    venue.pending.length = 0; // the create never reached the venue
    const closed: string[] = [];
    om.on('orderClosed', (_o, reason) => closed.push(reason));
    await until(() => closed.length === 1, 20_000);
    expect(closed).toEqual(['absent']);
    expect(om.stats().lookups).toBe(3);
    expect(om.stats().absent).toBe(1);
  });
});

describe('OrderManager exposure during cancelEverything', () => {
  it('keeps an in-flight size-increasing amend in exposure after cancelEverything', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 200)]);
    om.flush();
    await until(() => venue.resting().length === 1 && om.inFlightCount === 0);
    venue.manual = true;
    om.setDesired(M, [bid(4_500, 600)]);
    om.flush();
    expect(venue.pending.map((p) => p.kind)).toEqual(['amend']);
    om.cancelEverything(); // kill switch while the amend is in flight
    om.setDesired(M, [bid(4_500, 600)]); // resumed at once
    om.flush();
    // the amend may still land at 600: nothing more may be placed on the side
    expect(venue.worstCaseCount('bid')).toBeLessThanOrEqual(600);
    expect(om.exposureCountUnits(M, 'bid')).toBeGreaterThanOrEqual(venue.worstCaseCount('bid'));
    venue.manual = false;
    venue.processAll('ok');
    await until(() => om.inFlightCount === 0 && venue.pending.length === 0);
  });
});

describe('OrderManager open-order listings', () => {
  it('does not judge an order acknowledged after the listing was requested', async () => {
    const { venue, om } = setup();
    venue.manual = true;
    om.setDesired(M, [bid(4_500, 500)]);
    om.flush();
    const listing = om.beginListing(); // getOpenOrders() goes out now...
    const stale = await venue.getOpenOrders(); // ...and is answered before the create is processed
    venue.process(0, 'ok'); // the create's ack arrives while the listing is in flight
    await until(() => om.openOrders()[0]?.state === 'working');
    const closed: string[] = [];
    om.on('orderClosed', (_o, reason) => closed.push(reason));
    expect(om.syncOpenOrders(stale, listing)).toEqual([]);
    expect(closed).toEqual([]);
    om.flush();
    // nothing placed on top of the resting order
    expect(venue.pending).toEqual([]);
    expect(venue.worstCaseCount('bid')).toBe(500);
  });

  it('closes a working order missing from a listing requested after it was acknowledged', async () => {
    const { venue, om } = setup();
    om.setDesired(M, [bid(4_500, 500)]);
    om.flush();
    await until(() => om.openOrders()[0]?.state === 'working');
    for (const o of venue.orders.values()) o.status = 'canceled'; // gone at the venue, no update
    const listing = om.beginListing();
    const closed: string[] = [];
    om.on('orderClosed', (_o, reason) => closed.push(reason));
    om.syncOpenOrders(await venue.getOpenOrders(), listing);
    expect(closed).toEqual(['absent']);
  });
});
