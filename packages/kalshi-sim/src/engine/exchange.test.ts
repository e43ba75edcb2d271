import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { type CreateOrderParams, type EngineFeeType, LINEAR_CENT_RANGES } from './types.js';

const T = 'KXTEST-26JAN02-T1';
const DOLLAR = 1_000_000;

function setup(opts: { feeType?: EngineFeeType; cash?: number } = {}) {
  let now = 1_000_000;
  let id = 0;
  const ex = new Exchange({ now: () => now, newId: () => `id-${++id}` });
  ex.addSeries({
    ticker: 'KXTEST',
    title: 't',
    category: 'c',
    frequency: 'daily',
    feeType: opts.feeType ?? 'quadratic',
    feeMultiplier: 1,
    tags: [],
    settlementSources: [],
    contractUrl: '',
    contractTermsUrl: '',
  });
  ex.addEvent({
    eventTicker: 'KXTEST-26JAN02',
    seriesTicker: 'KXTEST',
    title: 'e',
    subTitle: '',
    collateralReturnType: 'DIRECNET',
    mutuallyExclusive: false,
  });
  const r = ex.addMarket({
    ticker: T,
    eventTicker: 'KXTEST-26JAN02',
    title: 'm',
    subtitle: '',
    yesSubTitle: '',
    noSubTitle: '',
    rulesPrimary: '',
    rulesSecondary: '',
    strikeType: 'greater',
    floorStrike: 1,
    openTimeMs: 0,
    closeTimeMs: 10_000_000,
    expectedExpirationTimeMs: 10_000_000,
    latestExpirationTimeMs: 20_000_000,
    settlementTimerSeconds: 60,
    priceLevelStructure: 'linear_cent',
    priceRanges: LINEAR_CENT_RANGES,
    canCloseEarly: false,
  });
  expect(r.ok).toBe(true);
  for (const u of ['a', 'b', 'c']) ex.deposit(u, opts.cash ?? 1_000 * DOLLAR);
  return {
    ex,
    advance: (ms: number) => {
      now += ms;
      ex.tick();
    },
    order: (
      user: string,
      p: Partial<CreateOrderParams> & Pick<CreateOrderParams, 'side' | 'priceUnits' | 'countUnits'>,
    ) => ex.createOrder(user, { ticker: T, timeInForce: 'good_till_canceled', ...p }),
  };
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe('Exchange matching', () => {
  it('rests a bid on the YES ladder and an ask on the NO ladder at 1 - p', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 500 }));
    ok(order('b', { side: 'ask', priceUnits: 4_500, countUnits: 300 }));
    expect(ex.getOrderBook(T)).toEqual({
      ticker: T,
      yes: [{ priceUnits: 4_000, countUnits: 500 }],
      no: [{ priceUnits: 5_500, countUnits: 300 }],
    });
  });

  it('trades at the resting price when p + q >= $1', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'ask', priceUnits: 4_500, countUnits: 300 }));
    const r = ok(order('b', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    expect(r.fills).toHaveLength(1);
    expect(r.fills[0]?.yesPriceUnits).toBe(4_500);
    expect(ex.getTrades()[0]?.yesPriceUnits).toBe(4_500);
    expect(ex.getOrderBook(T)?.no).toEqual([{ priceUnits: 5_500, countUnits: 200 }]);
  });

  it('does not trade when p + q < $1', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'ask', priceUnits: 4_600, countUnits: 300 }));
    const r = ok(order('b', { side: 'bid', priceUnits: 4_500, countUnits: 100 }));
    expect(r.fills).toHaveLength(0);
    expect(ex.getTopOfBook(T)).toEqual({
      yesBidUnits: 4_500,
      yesBidCountUnits: 100,
      yesAskUnits: 4_600,
      yesAskCountUnits: 300,
    });
  });

  it('fills the earlier order first at the same price (time priority)', () => {
    const { ex, order } = setup();
    const first = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('b', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('c', { side: 'ask', priceUnits: 5_000, countUnits: 100 }));
    expect(ex.getOrder(first.order.orderId)?.status).toBe('executed');
  });

  it('walks price levels best first and partially fills', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('a', { side: 'bid', priceUnits: 5_200, countUnits: 100 }));
    const r = ok(order('b', { side: 'ask', priceUnits: 4_900, countUnits: 150 }));
    expect(r.fills.map((f) => [f.yesPriceUnits, f.countUnits])).toEqual([
      [5_200, 100],
      [5_000, 50],
    ]);
    expect(r.order.status).toBe('executed');
    expect(ex.getOrderBook(T)?.yes).toEqual([{ priceUnits: 5_000, countUnits: 50 }]);
  });

  it('IoC cancels the unfilled remainder', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    const r = ok(
      order('b', { side: 'ask', priceUnits: 5_000, countUnits: 300, timeInForce: 'immediate_or_cancel' }),
    );
    expect(r.order).toMatchObject({ status: 'canceled', fillCountUnits: 100, remainingCountUnits: 0 });
    expect(ex.getOrderBook(T)?.no).toEqual([]);
  });

  it('FoK fills nothing unless it can fill completely', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    const r = ok(
      order('b', { side: 'ask', priceUnits: 5_000, countUnits: 101, timeInForce: 'fill_or_kill' }),
    );
    expect(r.order).toMatchObject({ status: 'canceled', fillCountUnits: 0 });
    expect(ex.getTrades()).toHaveLength(0);
    const r2 = ok(
      order('b', { side: 'ask', priceUnits: 5_000, countUnits: 100, timeInForce: 'fill_or_kill' }),
    );
    expect(r2.order).toMatchObject({ status: 'executed', fillCountUnits: 100 });
  });

  it('FoK does not count own resting orders as liquidity', () => {
    const { order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('b', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    const r = ok(
      order('b', { side: 'ask', priceUnits: 5_000, countUnits: 150, timeInForce: 'fill_or_kill' }),
    );
    expect(r.order.fillCountUnits).toBe(0);
  });

  it('post_only that would cross is rejected without a fill', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    const r = order('b', { side: 'ask', priceUnits: 5_000, countUnits: 100, postOnly: true });
    expect(r).toMatchObject({
      ok: false,
      error: { status: 400, code: 'invalid_order', details: 'post only cross' },
    });
    expect(ex.getTrades()).toHaveLength(0);
  });

  it('STP taker_at_cross cancels the taker at its own order, keeping earlier fills', () => {
    const { ex, order } = setup();
    ok(order('b', { side: 'bid', priceUnits: 5_100, countUnits: 100 }));
    const own = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('b', { side: 'bid', priceUnits: 4_900, countUnits: 100 }));
    const r = ok(order('a', { side: 'ask', priceUnits: 4_900, countUnits: 300 }));
    expect(r.order).toMatchObject({
      status: 'canceled',
      fillCountUnits: 100,
      lastUpdateReason: 'SelfTradeCanceled',
    });
    expect(ex.getOrder(own.order.orderId)?.status).toBe('resting');
  });

  it('STP maker cancels the own resting order and keeps matching', () => {
    const { ex, order } = setup();
    const own = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('b', { side: 'bid', priceUnits: 4_900, countUnits: 100 }));
    const r = ok(
      order('a', { side: 'ask', priceUnits: 4_900, countUnits: 100, selfTradePreventionType: 'maker' }),
    );
    expect(ex.getOrder(own.order.orderId)?.status).toBe('canceled');
    expect(r.order).toMatchObject({ status: 'executed', fillCountUnits: 100 });
  });
});

describe('Exchange validation', () => {
  it('rejects prices off the grid or outside (0, 1)', () => {
    const { order } = setup();
    for (const p of [0, 10_000, 4_550, -100, 12_000])
      expect(order('a', { side: 'bid', priceUnits: p, countUnits: 100 })).toMatchObject({
        ok: false,
        error: { status: 400, code: 'invalid_order' },
      });
  });

  it('rejects counts below 0.01', () => {
    const { order } = setup();
    expect(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_order_size' },
    });
  });

  it('rejects a duplicate client_order_id per user with 409 but allows it for another user', () => {
    const { order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100, clientOrderId: 'x' }));
    expect(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100, clientOrderId: 'x' })).toMatchObject(
      {
        ok: false,
        error: { status: 409 },
      },
    );
    expect(order('b', { side: 'bid', priceUnits: 4_000, countUnits: 100, clientOrderId: 'x' }).ok).toBe(true);
  });

  it('validates expiration_time: future, GTC only', () => {
    const { order } = setup();
    expect(
      order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100, expirationTimeMs: 999_999 }).ok,
    ).toBe(false);
    expect(
      order('a', {
        side: 'bid',
        priceUnits: 5_000,
        countUnits: 100,
        expirationTimeMs: 2_000_000,
        timeInForce: 'immediate_or_cancel',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Cannot specify both immediate_or_cancel and expiration_ts' },
    });
  });

  it('cancels an expired order on tick', () => {
    const { ex, order, advance } = setup();
    const r = ok(
      order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100, expirationTimeMs: 1_000_500 }),
    );
    advance(499);
    expect(ex.getOrder(r.order.orderId)?.status).toBe('resting');
    advance(1);
    expect(ex.getOrder(r.order.orderId)).toMatchObject({ status: 'canceled', lastUpdateReason: 'Expired' });
    expect(ex.getOrderBook(T)?.yes).toEqual([]);
  });

  it('rejects orders beyond the available balance', () => {
    const { order } = setup({ cash: 50 * DOLLAR });
    expect(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 10_000 })).toMatchObject({
      ok: false,
      error: { code: 'available_balance_too_low' },
    });
    expect(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 9_000 }).ok).toBe(true);
  });

  it('caps reduce_only by the position and rejects it with no position', () => {
    const { order } = setup();
    expect(order('a', { side: 'ask', priceUnits: 5_000, countUnits: 100, reduceOnly: true }).ok).toBe(false);
    ok(order('b', { side: 'ask', priceUnits: 5_000, countUnits: 100 }));
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    const r = ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 500, reduceOnly: true }));
    expect(r.order.initialCountUnits).toBe(100);
  });

  /** User a is long 5 YES (500 units); c is a counterparty with liquidity. */
  function longFive() {
    const env = setup();
    ok(env.order('b', { side: 'ask', priceUnits: 5_000, countUnits: 500 }));
    ok(env.order('a', { side: 'bid', priceUnits: 5_000, countUnits: 500 }));
    return env;
  }

  it('decreases a resting reduce_only order when the position shrinks elsewhere', () => {
    const { ex, order } = longFive();
    const ro = ok(order('a', { side: 'ask', priceUnits: 7_000, countUnits: 500, reduceOnly: true }));
    const updates: string[] = [];
    const deltas: number[] = [];
    ex.on('orderUpdated', (e) => {
      if (e.order.orderId === ro.order.orderId)
        updates.push(`${e.order.status}/${e.order.remainingCountUnits}/${e.order.lastUpdateReason}`);
    });
    ex.on('bookChanged', (e) => {
      if (e.side === 'no' && e.priceUnits === 3_000) deltas.push(e.deltaUnits);
    });
    // a sells 2 YES elsewhere (a plain ask taking c's bid): position 5 -> 3.
    ok(order('c', { side: 'bid', priceUnits: 6_000, countUnits: 200 }));
    ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 200, timeInForce: 'immediate_or_cancel' }));
    expect(ex.getPosition('a', T)?.positionUnits).toBe(300);
    expect(ex.getOrder(ro.order.orderId)?.remainingCountUnits).toBe(300);
    expect(updates).toEqual(['resting/300/Decreased']);
    expect(deltas).toEqual([-200]);
    expect(ex.getOrderBook(T)?.no).toEqual([{ priceUnits: 3_000, countUnits: 300 }]);
  });

  it('cancels a resting reduce_only order when the position closes, so it cannot flip it', () => {
    const { ex, order } = longFive();
    const ro = ok(order('a', { side: 'ask', priceUnits: 7_000, countUnits: 500, reduceOnly: true }));
    ok(order('c', { side: 'bid', priceUnits: 6_000, countUnits: 500 }));
    ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 500, timeInForce: 'immediate_or_cancel' }));
    expect(ex.getOrder(ro.order.orderId)).toMatchObject({ status: 'canceled', remainingCountUnits: 0 });
    // A buyer at 0.70 now finds nothing of a's, and a's position stays flat.
    ok(order('c', { side: 'bid', priceUnits: 7_000, countUnits: 500 }));
    expect(ex.getPosition('a', T)?.positionUnits ?? 0).toBe(0);
  });

  it('re-caps the second of two reduce_only orders swept by one taker', () => {
    const { ex, order } = longFive();
    const first = ok(order('a', { side: 'ask', priceUnits: 7_000, countUnits: 300, reduceOnly: true }));
    const second = ok(order('a', { side: 'ask', priceUnits: 7_000, countUnits: 500, reduceOnly: true }));
    // c buys 8 YES at 0.70: only 5 may come from a's reduce-only orders.
    const taker = ok(order('c', { side: 'bid', priceUnits: 7_000, countUnits: 800 }));
    expect(ex.getPosition('a', T)?.positionUnits ?? 0).toBe(0);
    expect(ex.getOrder(first.order.orderId)?.fillCountUnits).toBe(300);
    expect(ex.getOrder(second.order.orderId)).toMatchObject({ status: 'executed', fillCountUnits: 200 });
    expect(taker.order.remainingCountUnits).toBe(300);
  });

  it('caps an amend that would grow a reduce_only order past the position', () => {
    const { ex, order } = longFive();
    const ro = ok(order('a', { side: 'ask', priceUnits: 7_000, countUnits: 300, reduceOnly: true }));
    const r = ok(
      ex.amendOrder('a', ro.order.orderId, { ticker: T, side: 'ask', priceUnits: 7_500, countUnits: 900 }),
    );
    expect(r.order.remainingCountUnits).toBe(500);
  });
});

describe('Exchange order changes', () => {
  it('amend that only decreases size keeps queue priority', () => {
    const { ex, order } = setup();
    const first = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 300 }));
    ok(order('b', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(
      ex.amendOrder('a', first.order.orderId, { ticker: T, side: 'bid', priceUnits: 5_000, countUnits: 200 }),
    );
    const r = ok(order('c', { side: 'ask', priceUnits: 5_000, countUnits: 100 }));
    expect(ex.getFills('a')).toHaveLength(1);
    expect(r.fills[0]?.countUnits).toBe(100);
  });

  it('amend that increases size goes to the back of the queue', () => {
    const { ex, order } = setup();
    const first = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('b', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(
      ex.amendOrder('a', first.order.orderId, { ticker: T, side: 'bid', priceUnits: 5_000, countUnits: 200 }),
    );
    ok(order('c', { side: 'ask', priceUnits: 5_000, countUnits: 100 }));
    expect(ex.getFills('a')).toHaveLength(0);
    expect(ex.getFills('b')).toHaveLength(1);
  });

  it('amend to a crossing price fills and counts filled + remaining', () => {
    const { ex, order } = setup();
    ok(order('b', { side: 'ask', priceUnits: 5_500, countUnits: 100 }));
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 300 }));
    const r = ok(
      ex.amendOrder('a', o.order.orderId, { ticker: T, side: 'bid', priceUnits: 5_500, countUnits: 300 }),
    );
    expect(r.fills).toHaveLength(1);
    expect(r.order).toMatchObject({ fillCountUnits: 100, remainingCountUnits: 200, yesPriceUnits: 5_500 });
    expect(r.oldOrder.yesPriceUnits).toBe(5_000);
  });

  it('decrease by and to reduce remaining; cancel persists the canceled record', () => {
    const { ex, order } = setup();
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 1_000 }));
    expect(ok(ex.decreaseOrder('a', o.order.orderId, { reduceByUnits: 300 })).order.remainingCountUnits).toBe(
      700,
    );
    expect(ok(ex.decreaseOrder('a', o.order.orderId, { reduceToUnits: 200 })).reducedByUnits).toBe(500);
    expect(ok(ex.cancelOrder('a', o.order.orderId)).reducedByUnits).toBe(200);
    expect(ex.getOrder(o.order.orderId)?.status).toBe('canceled');
    expect(ex.cancelOrder('a', o.order.orderId)).toMatchObject({ ok: false, error: { status: 404 } });
    expect(ex.getBalance('a').restingOrderValueMicros).toBe(0);
  });

  it('cancel of another user order is 404', () => {
    const { ex, order } = setup();
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    expect(ex.cancelOrder('b', o.order.orderId)).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('cancel-all cancels every resting order of the user only', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 100 }));
    ok(order('b', { side: 'bid', priceUnits: 4_000, countUnits: 100 }));
    expect(ok(ex.cancelAllOrders('a')).canceled).toHaveLength(2);
    expect(ex.listOrders('b', { status: 'resting' })).toHaveLength(1);
  });
});

describe('Exchange pauses and market state', () => {
  it('trading pause: cancels work, creates and amends do not', () => {
    const { ex, order } = setup();
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ex.setExchangeStatus({ tradingActive: false });
    expect(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 100 })).toMatchObject({
      ok: false,
      error: { code: 'trading_paused' },
    });
    expect(
      ex.amendOrder('a', o.order.orderId, { ticker: T, side: 'bid', priceUnits: 4_000, countUnits: 100 }).ok,
    ).toBe(false);
    expect(ex.cancelOrder('a', o.order.orderId).ok).toBe(true);
  });

  it('exchange pause: nothing works, and cancel_order_on_pause orders are cancelled', () => {
    const { ex, order } = setup();
    const keep = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    const drop = ok(
      order('a', { side: 'bid', priceUnits: 4_000, countUnits: 100, cancelOrderOnPause: true }),
    );
    ex.setExchangeStatus({ exchangeActive: false });
    expect(ex.getOrder(drop.order.orderId)?.status).toBe('canceled');
    expect(ex.cancelOrder('a', keep.order.orderId)).toMatchObject({ ok: false, error: { status: 503 } });
  });

  it('after close every order operation is rejected and resting orders are cancelled', () => {
    const { ex, order, advance } = setup();
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    advance(9_000_000);
    expect(ex.getMarket(T)?.status).toBe('closed');
    expect(ex.getOrder(o.order.orderId)).toMatchObject({
      status: 'canceled',
      lastUpdateReason: 'MarketClosed',
    });
    expect(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 })).toMatchObject({
      ok: false,
      error: { status: 409, code: 'market_closed' },
    });
    expect(ex.cancelOrder('a', o.order.orderId)).toMatchObject({
      ok: false,
      error: { code: 'market_closed' },
    });
  });

  it('reactivating a paused market cancels its resting orders', () => {
    const { ex, order } = setup();
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100 }));
    ok(ex.deactivateMarket(T));
    expect(ex.getOrder(o.order.orderId)?.status).toBe('resting');
    ok(ex.activateMarket(T));
    expect(ex.getOrder(o.order.orderId)?.status).toBe('canceled');
  });
});

describe('Exchange accounts', () => {
  it('charges the quadratic taker fee rounded up to $0.0001 and no maker fee on quadratic', () => {
    const { ex, order } = setup();
    ok(order('a', { side: 'bid', priceUnits: 3_300, countUnits: 700 }));
    const r = ok(order('b', { side: 'ask', priceUnits: 3_300, countUnits: 700 }));
    // 0.07 x 7 x 0.33 x 0.67 = 0.108339 -> 0.1084
    expect(r.fills[0]?.feeMicros).toBe(108_400);
    expect(ex.getFills('a')[0]?.feeMicros).toBe(0);
    expect(ex.feesCollectedMicros).toBe(108_400);
  });

  it('charges maker fees on quadratic_with_maker_fees series', () => {
    const { ex, order } = setup({ feeType: 'quadratic_with_maker_fees' });
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 10_000 }));
    ok(order('b', { side: 'ask', priceUnits: 5_000, countUnits: 10_000 }));
    expect(ex.getFills('a')[0]?.feeMicros).toBe(437_500);
  });

  it('holds collateral for a resting buy and releases it on cancel', () => {
    const { ex, order } = setup();
    const o = ok(order('a', { side: 'ask', priceUnits: 4_000, countUnits: 1_000 }));
    expect(ex.getBalance('a').restingOrderValueMicros).toBe(6 * DOLLAR);
    ok(ex.cancelOrder('a', o.order.orderId));
    expect(ex.getBalance('a')).toMatchObject({ restingOrderValueMicros: 0, availableMicros: 1_000 * DOLLAR });
  });

  it('a resting ask that closes a YES position holds no collateral', () => {
    const { ex, order } = setup();
    ok(order('b', { side: 'ask', priceUnits: 5_000, countUnits: 1_000 }));
    ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 1_000 }));
    ok(order('a', { side: 'ask', priceUnits: 7_000, countUnits: 1_500 }));
    // 10 contracts close the position; 5 open NO at $0.30.
    expect(ex.getBalance('a').restingOrderValueMicros).toBe(1.5 * DOLLAR);
  });

  it('nets positions: buying NO against YES closes it and pays out', () => {
    const { ex, order } = setup();
    ok(order('b', { side: 'ask', priceUnits: 4_000, countUnits: 1_000 }));
    ok(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 1_000 })); // a long 10 YES at 0.40
    const before = ex.getBalance('a').cashMicros;
    ok(order('c', { side: 'bid', priceUnits: 6_000, countUnits: 1_000 }));
    const r = ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 1_000 })); // a sells at 0.60
    const fee = r.fills[0]?.feeMicros ?? 0;
    expect(ex.getPosition('a', T)).toMatchObject({
      positionUnits: 0,
      realizedPnlMicros: 2 * DOLLAR,
      positionCostMicros: 0,
    });
    expect(ex.getBalance('a').cashMicros - before).toBe(6 * DOLLAR - fee);
    expect(ex.getMarket(T)?.openInterestCountUnits).toBe(1_000);
  });

  it('settles at $1 per winning contract with settlement records', () => {
    const { ex, order, advance } = setup();
    ok(order('b', { side: 'ask', priceUnits: 3_000, countUnits: 1_000 }));
    ok(order('a', { side: 'bid', priceUnits: 3_000, countUnits: 1_000 }));
    const cashA = ex.getBalance('a').cashMicros;
    advance(9_000_000);
    ok(ex.determineMarket(T, 'yes', '1.5'));
    expect(ex.getMarket(T)?.status).toBe('determined');
    advance(59_999);
    expect(ex.getSettlements('a')).toHaveLength(0);
    advance(1);
    expect(ex.getMarket(T)?.status).toBe('finalized');
    expect(ex.getBalance('a').cashMicros - cashA).toBe(10 * DOLLAR);
    expect(ex.getSettlements('a')[0]).toMatchObject({
      revenueMicros: 10 * DOLLAR,
      yesCountUnits: 1_000,
      valueUnits: 10_000,
    });
    expect(ex.getSettlements('b')[0]).toMatchObject({ revenueMicros: 0, noCountUnits: 1_000 });
    expect(ex.getPosition('a', T)?.realizedPnlMicros).toBe(7 * DOLLAR);
  });
});

describe('Exchange order groups', () => {
  it('trips after the rolling limit, cancels resting orders and blocks new ones until reset', () => {
    const { ex, order, advance } = setup();
    const g = ok(ex.createOrderGroup('a', 1_000)).group.orderGroupId;
    const resting = ok(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 500, orderGroupId: g }));
    ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 1_000, orderGroupId: g }));
    ok(order('b', { side: 'bid', priceUnits: 6_000, countUnits: 600 }));
    advance(1_000);
    expect(ok(ex.getOrderGroup('a', g)).group).toMatchObject({
      isTriggered: false,
      rollingMatchedUnits: 600,
    });
    ok(order('b', { side: 'bid', priceUnits: 6_000, countUnits: 400 }));
    expect(ok(ex.getOrderGroup('a', g)).group.isTriggered).toBe(true);
    expect(ex.getOrder(resting.order.orderId)?.status).toBe('canceled');
    expect(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 100, orderGroupId: g })).toMatchObject({
      ok: false,
      error: { code: 'order_group_triggered' },
    });
    ok(ex.resetOrderGroup('a', g));
    expect(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 100, orderGroupId: g }).ok).toBe(true);
  });

  it('forgets matched volume older than 15 s', () => {
    const { ex, order, advance } = setup();
    const g = ok(ex.createOrderGroup('a', 1_000)).group.orderGroupId;
    ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 2_000, orderGroupId: g }));
    ok(order('b', { side: 'bid', priceUnits: 6_000, countUnits: 900 }));
    advance(15_001);
    ok(order('b', { side: 'bid', priceUnits: 6_000, countUnits: 900 }));
    expect(ok(ex.getOrderGroup('a', g)).group).toMatchObject({
      isTriggered: false,
      rollingMatchedUnits: 900,
    });
  });

  it('lowering the limit to the rolling volume triggers; trigger by hand cancels', () => {
    const { ex, order } = setup();
    const g = ok(ex.createOrderGroup('a', 1_000)).group.orderGroupId;
    ok(order('a', { side: 'ask', priceUnits: 6_000, countUnits: 2_000, orderGroupId: g }));
    ok(order('b', { side: 'bid', priceUnits: 6_000, countUnits: 300 }));
    ok(ex.updateOrderGroupLimit('a', g, 300));
    expect(ok(ex.getOrderGroup('a', g)).group).toMatchObject({ isTriggered: true, restingOrderIds: [] });
    const g2 = ok(ex.createOrderGroup('a', 1_000)).group.orderGroupId;
    const o = ok(order('a', { side: 'bid', priceUnits: 1_000, countUnits: 100, orderGroupId: g2 }));
    ok(ex.triggerOrderGroup('a', g2));
    expect(ex.getOrder(o.order.orderId)?.status).toBe('canceled');
  });
});

describe('Exchange events', () => {
  it('emits a signed book delta with the causing order identity', () => {
    const { ex, order } = setup();
    const deltas: unknown[] = [];
    ex.on('bookChanged', (e) =>
      deltas.push([e.side, e.priceUnits, e.deltaUnits, e.newCountUnits, e.userId, e.clientOrderId]),
    );
    ok(order('a', { side: 'ask', priceUnits: 4_000, countUnits: 500, clientOrderId: 'q1' }));
    ok(order('b', { side: 'bid', priceUnits: 4_000, countUnits: 200 }));
    expect(deltas).toEqual([
      ['no', 6_000, 500, 500, 'a', 'q1'],
      ['no', 6_000, -200, 300, 'a', 'q1'],
    ]);
  });

  it('emits fills with the post-trade position for both users', () => {
    const { ex, order } = setup();
    const fills: [string, number, boolean][] = [];
    ex.on('orderFilled', (e) => fills.push([e.fill.userId, e.fill.postPositionUnits, e.fill.isTaker]));
    ok(order('a', { side: 'ask', priceUnits: 4_000, countUnits: 500 }));
    ok(order('b', { side: 'bid', priceUnits: 4_000, countUnits: 200 }));
    expect(fills).toEqual([
      ['a', -200, false],
      ['b', 200, true],
    ]);
  });
});

describe('Exchange more rules', () => {
  it('batch create and cancel succeed or fail per item', () => {
    const { ex } = setup();
    const base = { ticker: T, timeInForce: 'good_till_canceled' as const, countUnits: 100 };
    const rs = ex.createOrders('a', [
      { ...base, side: 'bid', priceUnits: 4_000 },
      { ...base, side: 'bid', priceUnits: 4_050 },
      { ...base, side: 'ask', priceUnits: 6_000 },
    ]);
    expect(rs.map((r) => r.ok)).toEqual([true, false, true]);
    const ids = rs.flatMap((r) => (r.ok ? [r.order.orderId] : []));
    expect(ex.cancelOrders('a', [...ids, 'nope']).map((r) => r.ok)).toEqual([true, true, false]);
  });

  it('amend rejects a side or ticker mismatch and a post-only cross, leaving the order unchanged', () => {
    const { ex, order } = setup();
    ok(order('b', { side: 'ask', priceUnits: 5_500, countUnits: 100 }));
    const o = ok(order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100, postOnly: true }));
    const id = o.order.orderId;
    expect(
      ex.amendOrder('a', id, { ticker: T, side: 'ask', priceUnits: 5_000, countUnits: 100 }),
    ).toMatchObject({ ok: false, error: { code: 'order_side_mismatch' } });
    expect(
      ex.amendOrder('a', id, { ticker: 'X', side: 'bid', priceUnits: 5_000, countUnits: 100 }),
    ).toMatchObject({ ok: false, error: { code: 'order_ticker_mismatch' } });
    expect(
      ex.amendOrder('a', id, { ticker: T, side: 'bid', priceUnits: 5_500, countUnits: 100 }),
    ).toMatchObject({ ok: false, error: { details: 'post only cross' } });
    expect(ex.getOrder(id)).toMatchObject({ status: 'resting', yesPriceUnits: 5_000 });
    expect(ex.getOrderBook(T)?.yes).toEqual([{ priceUnits: 5_000, countUnits: 100 }]);
  });

  it('emits lifecycle events: created, deactivated, activated, close_date_updated, determined, settled', () => {
    const { ex, advance } = setup();
    const seen: string[] = [];
    ex.on('marketLifecycle', (e) => seen.push(e.eventType));
    ok(ex.deactivateMarket(T));
    ok(ex.activateMarket(T));
    advance(9_000_000);
    ok(ex.updateCloseTime(T, 12_000_000)); // reopens
    expect(ex.getMarket(T)?.status).toBe('active');
    advance(2_000_000);
    ok(ex.determineMarket(T, 'no'));
    advance(60_000);
    expect(seen).toEqual([
      'deactivated',
      'activated',
      'close_date_updated',
      'activated',
      'determined',
      'settled',
    ]);
  });

  it('forgets terminal orders on request but keeps resting ones', () => {
    const { ex, order, advance } = setup();
    const done = ok(
      order('a', { side: 'bid', priceUnits: 5_000, countUnits: 100, timeInForce: 'immediate_or_cancel' }),
    );
    const live = ok(order('a', { side: 'bid', priceUnits: 4_000, countUnits: 100 }));
    advance(10);
    expect(ex.forgetTerminalOrders('a', ex.nowMs())).toBe(1);
    expect(ex.getOrder(done.order.orderId)).toBeUndefined();
    expect(ex.listOrders('a').map((o) => o.orderId)).toEqual([live.order.orderId]);
  });
});
