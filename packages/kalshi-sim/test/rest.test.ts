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
