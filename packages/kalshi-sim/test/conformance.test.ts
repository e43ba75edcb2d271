// Regression tests for payload details checked against Kalshi's published OpenAPI / AsyncAPI schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWs, order, signedFetch, startSim, TICKER, TICKER2, waitFor } from './helpers.js';

describe('REST payloads match Kalshi schemas', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    env = await startSim();
  });
  afterAll(async () => {
    await env.sim.stop();
  });

  it('gives a series its required categories list', async () => {
    const body = (await (await fetch(`${env.restUrl}/series/KXTEST`)).json()) as {
      series: { category: string; categories: unknown };
    };
    expect(body.series.categories).toEqual([body.series.category]);
  });

  it('lists series with categories too', async () => {
    const body = (await (await fetch(`${env.restUrl}/series`)).json()) as {
      series: { categories: unknown }[];
    };
    expect(body.series.every((s) => Array.isArray(s.categories))).toBe(true);
  });

  it("gives a market its required settlement_bounds_type ('default': no bounds)", async () => {
    const body = (await (await fetch(`${env.restUrl}/markets/${TICKER}`)).json()) as {
      market: Record<string, unknown>;
    };
    expect(body.market.settlement_bounds_type).toBe('default');
    expect(body.market).not.toHaveProperty('settlement_floor_dollars');
  });

  it('leaves order_id out of a failed batch-create item (a non-null string in the schema)', async () => {
    const user = env.sim.createUser({ balanceDollars: '1000', keyType: 'ed25519' });
    const rest = signedFetch(env.restUrl, user);
    const res = await rest('POST', '/portfolio/events/orders/batched', {
      orders: [
        order('bid', '0.1000', '1', { client_order_id: 'ok-1' }),
        order('bid', '1.5000', '1', { client_order_id: 'bad-1' }),
      ],
    });
    expect(res.status).toBe(201);
    const [good, bad] = res.body.orders;
    expect(typeof good.order_id).toBe('string');
    expect(bad).not.toHaveProperty('order_id');
    expect(bad).toMatchObject({ client_order_id: 'bad-1', ts_ms: null });
    expect(typeof bad.error.code).toBe('string');
  });
});

describe('WebSocket payloads match Kalshi schemas', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    env = await startSim();
  });
  afterAll(async () => {
    await env.sim.stop();
  });

  it('sends fill frames without seq (not a sequenced channel)', async () => {
    const maker = env.sim.createUser({ balanceDollars: '1000', keyType: 'ed25519' });
    const taker = env.sim.createUser({ balanceDollars: '1000', keyType: 'ed25519' });
    const c = await openWs(env.wsUrl, maker);
    try {
      c.send('subscribe', { channels: ['fill'] });
      await waitFor(() => c.frames.some((f) => f.type === 'subscribed'));
      await signedFetch(env.restUrl, maker)('POST', '/portfolio/events/orders', {
        ...order('bid', '0.55', '2'),
        ticker: TICKER2,
      });
      await signedFetch(env.restUrl, taker)('POST', '/portfolio/events/orders', {
        ...order('ask', '0.50', '2', { time_in_force: 'immediate_or_cancel' }),
        ticker: TICKER2,
      });
      const fill = await waitFor(() => c.frames.find((f) => f.type === 'fill'));
      expect(typeof fill.sid).toBe('number');
      expect(fill).not.toHaveProperty('seq');
    } finally {
      await c.close();
    }
  });

  it('tags a get_snapshot reply snapshot with the command id, but not the subscribe snapshot', async () => {
    const user = env.sim.createUser({ balanceDollars: '1000', keyType: 'ed25519' });
    const c = await openWs(env.wsUrl, user);
    try {
      c.send('subscribe', { channels: ['orderbook_delta'], market_tickers: [TICKER] });
      const first = await waitFor(() => c.frames.find((f) => f.type === 'orderbook_snapshot'));
      expect(first).not.toHaveProperty('id');
      const cmd = c.send('update_subscription', {
        sid: first.sid,
        action: 'get_snapshot',
        market_tickers: [TICKER],
      });
      const again = await waitFor(() => c.frames.filter((f) => f.type === 'orderbook_snapshot')[1]);
      expect(again).toMatchObject({ id: cmd, sid: first.sid, seq: first.seq + 1 });
    } finally {
      await c.close();
    }
  });
});
