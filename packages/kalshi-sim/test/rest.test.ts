import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, signedFetch, startSim, TICKER } from './helpers.js';

describe('REST over loopback', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    env = await startSim();
  });
  afterAll(async () => {
    await env.sim.stop();
  });

  it('serves public market data without auth', async () => {
    const res = await fetch(`${env.restUrl}/markets?series_ticker=KXTEST`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { markets: { ticker: string; status: string }[]; cursor: string };
    expect(body.markets.map((m) => m.ticker).sort()).toEqual([TICKER, 'KXTEST-26MAR13-T60']);
    expect(body.markets[0]?.status).toBe('active');
  });

  it('places, matches and cancels orders', async () => {
    const alice = env.sim.createUser({ balanceDollars: '1000' });
    const bob = env.sim.createUser({ balanceDollars: '1000', keyType: 'ed25519' });
    const a = signedFetch(env.restUrl, alice);
    const b = signedFetch(env.restUrl, bob);
    const rest = await a(
      'POST',
      '/portfolio/events/orders',
      order('bid', '0.4200', '10.00', { client_order_id: 'a1' }),
    );
    expect(rest.status).toBe(201);
    expect(rest.body.remaining_count).toBe('10.00');
    const take = await b(
      'POST',
      '/portfolio/events/orders',
      order('ask', '0.40', '4', { time_in_force: 'immediate_or_cancel' }),
    );
    expect(take.status).toBe(201);
    expect(take.body.fill_count).toBe('4.00');
    const book = await a('GET', `/markets/${TICKER}/orderbook`);
    expect(book.body.orderbook_fp.yes_dollars).toEqual([['0.4200', '6.00']]);
    const cancel = await a('DELETE', `/portfolio/events/orders/${rest.body.order_id}`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.reduced_by).toBe('6.00');
    const got = await a('GET', `/portfolio/orders/${rest.body.order_id}`);
    expect(got.body.order.status).toBe('canceled');
    expect(got.body.order.fill_count_fp).toBe('4.00');
  });
});

describe('REST portfolio and reference data', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    env = await startSim();
  });
  afterAll(async () => {
    await env.sim.stop();
  });

  it('serves series, events with nested markets, and the exchange status', async () => {
    const series = (await (await fetch(`${env.restUrl}/series/KXTEST`)).json()) as {
      series: { ticker: string };
    };
    expect(series.series.ticker).toBe('KXTEST');
    const ev = (await (await fetch(`${env.restUrl}/events?with_nested_markets=true&status=open`)).json()) as {
      events: { event_ticker: string; markets: { ticker: string }[] }[];
    };
    expect(ev.events).toHaveLength(1);
    expect(ev.events[0]?.markets.map((m) => m.ticker).sort()).toEqual([TICKER, 'KXTEST-26MAR13-T60']);
    const status = (await (await fetch(`${env.restUrl}/exchange/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ exchange_active: true, trading_active: true });
  });

  it('reports fills, positions and orders with cursor pagination', async () => {
    const maker = env.sim.createUser({ keyType: 'ed25519' });
    const taker = env.sim.createUser({ keyType: 'ed25519' });
    const m = signedFetch(env.restUrl, maker);
    const t = signedFetch(env.restUrl, taker);
    for (const p of ['0.30', '0.31', '0.32'])
      await m('POST', '/portfolio/events/orders', order('bid', p, '2'));
    await t(
      'POST',
      '/portfolio/events/orders',
      order('ask', '0.30', '5', { time_in_force: 'immediate_or_cancel' }),
    );
    const fills = await t('GET', '/portfolio/fills');
    expect(fills.body.fills.map((f: { yes_price_dollars: string }) => f.yes_price_dollars)).toEqual([
      '0.3000',
      '0.3100',
      '0.3200',
    ]);
    const positions = await t('GET', `/portfolio/positions?ticker=${TICKER}`);
    expect(positions.body.market_positions[0].position_fp).toBe('-5.00');
    const page1 = await m('GET', '/portfolio/orders?limit=2');
    expect(page1.body.orders).toHaveLength(2);
    expect(page1.body.cursor).not.toBe('');
    const page2 = await m('GET', `/portfolio/orders?limit=2&cursor=${page1.body.cursor}`);
    expect(page2.body.orders).toHaveLength(1);
    expect(page2.body.cursor).toBe('');
    const ids = [...page1.body.orders, ...page2.body.orders].map((o: { order_id: string }) => o.order_id);
    expect(new Set(ids).size).toBe(3);
  });

  it('rejects a duplicate client_order_id with 409', async () => {
    const u = signedFetch(env.restUrl, env.sim.createUser({ keyType: 'ed25519' }));
    expect(
      (await u('POST', '/portfolio/events/orders', order('bid', '0.05', '1', { client_order_id: 'x' })))
        .status,
    ).toBe(201);
    const dup = await u(
      'POST',
      '/portfolio/events/orders',
      order('bid', '0.05', '1', { client_order_id: 'x' }),
    );
    expect(dup.status).toBe(409);
  });

  it('lists every validation problem of a create at once', async () => {
    const u = signedFetch(env.restUrl, env.sim.createUser({ keyType: 'ed25519' }));
    const res = await u('POST', '/portfolio/events/orders', {
      ticker: TICKER,
      side: 'buy',
      price: '0.5',
      count: '1',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_order');
    expect(res.body.error.message).toContain('side must be');
    expect(res.body.error.message).toContain('time_in_force must be');
    expect(res.body.error.message).toContain('self_trade_prevention_type must be');
  });

  it('answers legacy V1 writes with the V2 deprecation error', async () => {
    const u = signedFetch(env.restUrl, env.sim.createUser({ keyType: 'ed25519' }));
    const res = await u('POST', '/portfolio/orders', { ticker: TICKER });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Please switch to the V2 endpoints');
  });
});
