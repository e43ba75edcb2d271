import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWs, order, signedFetch, startSim, TICKER, waitFor } from './helpers.js';

describe('faults', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  const sockets: Awaited<ReturnType<typeof openWs>>[] = [];
  beforeEach(async () => {
    env = await startSim();
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) await s.close();
    await env.sim.stop();
  });
  async function client() {
    const user = env.sim.createUser({ balanceDollars: '1000', keyType: 'ed25519' });
    const c = await openWs(env.wsUrl, user);
    sockets.push(c);
    return { user, c, rest: signedFetch(env.restUrl, user) };
  }

  it('drops every WebSocket', async () => {
    const a = await client();
    const b = await client();
    const closed = [a, b].map(
      (x) => new Promise<number>((resolve) => x.c.ws.once('close', (code) => resolve(code))),
    );
    env.sim.faults.dropWebSockets();
    expect(await Promise.all(closed)).toEqual([1006, 1006]);
  });

  it("drops only one user's WebSockets", async () => {
    const a = await client();
    const b = await client();
    const closed = new Promise<void>((resolve) => a.c.ws.once('close', () => resolve()));
    env.sim.faults.dropWebSockets({ userId: a.user.userId });
    await closed;
    expect(b.c.ws.readyState).toBe(b.c.ws.OPEN);
  });

  it('silences a socket: no data and no pings, but it stays open', async () => {
    const { user, c, rest } = await client();
    const witness = await client();
    c.send('subscribe', { channels: ['user_orders'] });
    await waitFor(() => c.frames.find((f) => f.type === 'subscribed'));
    env.sim.faults.silenceWebSockets({ userId: user.userId });
    let pings = 0;
    let witnessPings = 0;
    c.ws.on('ping', () => pings++);
    witness.c.ws.on('ping', () => witnessPings++);
    await rest('POST', '/portfolio/events/orders', order('bid', '0.10', '1'));
    // The un-silenced witness socket sees three ping rounds go by.
    await waitFor(() => witnessPings >= 3);
    expect(c.frames.some((f) => f.type === 'user_order')).toBe(false);
    expect(pings).toBe(0);
    expect(c.ws.readyState).toBe(c.ws.OPEN);
    env.sim.faults.unsilenceWebSockets();
    await rest('POST', '/portfolio/events/orders', order('bid', '0.11', '1'));
    const msg = await waitFor(() => c.frames.find((f) => f.type === 'user_order'));
    expect(msg.msg.yes_price_dollars).toBe('0.1100');
  });

  it('skips a seq on the next sequenced message', async () => {
    const { c, rest } = await client();
    c.send('subscribe', { channels: ['orderbook_delta'], market_ticker: TICKER });
    await waitFor(() => c.frames.find((f) => f.type === 'orderbook_snapshot'));
    env.sim.faults.skipSeq({ channel: 'orderbook_delta' });
    await rest('POST', '/portfolio/events/orders', order('bid', '0.10', '1'));
    await rest('POST', '/portfolio/events/orders', order('bid', '0.11', '1'));
    const deltas = await waitFor(() => {
      const d = c.frames.filter((f) => f.type === 'orderbook_delta');
      return d.length === 2 ? d : undefined;
    });
    expect(deltas.map((d) => d.seq)).toEqual([3, 4]);
  });

  it('sends a malformed frame', async () => {
    const { c } = await client();
    env.sim.faults.sendMalformedFrame();
    const raw = await waitFor(() => c.raw[0]);
    expect(() => JSON.parse(raw)).toThrow();
  });

  it('answers 429 for N requests, then recovers', async () => {
    const { rest } = await client();
    env.sim.faults.failRest({ status: 429, count: 2 });
    const r1 = await rest('GET', '/portfolio/balance');
    const r2 = await rest('GET', '/portfolio/balance');
    const r3 = await rest('GET', '/portfolio/balance');
    expect([r1.status, r2.status, r3.status]).toEqual([429, 429, 200]);
    expect(r1.body).toEqual({ error: 'too many requests' });
  });

  it('answers 5xx with a Kalshi error body until cleared', async () => {
    const { rest } = await client();
    env.sim.faults.failRest({ status: 503 });
    const r1 = await rest('GET', '/exchange/status');
    expect(r1.status).toBe(503);
    expect(r1.body.error.code).toBe('internal_server_error');
    env.sim.faults.clear();
    expect((await rest('GET', '/exchange/status')).status).toBe(200);
  });

  it('delays a REST response', async () => {
    const { rest } = await client();
    env.sim.faults.delayRest(300, { count: 1 });
    const order_: string[] = [];
    const slow = rest('GET', '/exchange/status').then((r) => order_.push(`slow:${r.status}`));
    const fast = rest('GET', '/exchange/status').then((r) => order_.push(`fast:${r.status}`));
    await Promise.all([slow, fast]);
    expect(order_).toEqual(['fast:200', 'slow:200']);
  });

  it('pauses trading: cancels work, creates do not', async () => {
    const { rest } = await client();
    const placed = await rest('POST', '/portfolio/events/orders', order('bid', '0.10', '1'));
    env.sim.faults.pauseTrading();
    const status = await rest('GET', '/exchange/status');
    expect(status.body).toMatchObject({ exchange_active: true, trading_active: false });
    const rejected = await rest('POST', '/portfolio/events/orders', order('bid', '0.10', '1'));
    expect(rejected.status).toBe(409);
    expect(rejected.body.error.code).toBe('trading_paused');
    expect((await rest('DELETE', `/portfolio/events/orders/${placed.body.order_id}`)).status).toBe(200);
    env.sim.faults.resumeTrading();
    expect((await rest('POST', '/portfolio/events/orders', order('bid', '0.10', '1'))).status).toBe(201);
  });

  it('pauses the exchange: portfolio requests answer 503', async () => {
    const { rest } = await client();
    env.sim.faults.pauseExchange();
    const status = await rest('GET', '/exchange/status');
    expect(status.body).toMatchObject({ exchange_active: false, trading_active: false });
    const bal = await rest('GET', '/portfolio/balance');
    expect(bal.status).toBe(503);
    expect(bal.body.error.code).toBe('exchange_paused');
    env.sim.faults.resumeExchange();
    expect((await rest('GET', '/portfolio/balance')).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 once the write bucket is empty and refills with time', async () => {
    let realNow = Date.now();
    const env = await startSim({ realNow: () => realNow });
    try {
      const user = env.sim.createUser({ keyType: 'ed25519', tier: 'basic' });
      const rest = signedFetch(env.restUrl, user);
      const statuses: number[] = [];
      // Basic write bucket: capacity 100, create costs 10.
      for (let i = 0; i < 11; i++) {
        statuses.push((await rest('POST', '/portfolio/events/orders', order('bid', '0.01', '1'))).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
      // Reads use their own bucket.
      expect((await rest('GET', '/portfolio/balance')).status).toBe(200);
      realNow += 100; // 100 ms at 100 tokens/s refills 10 tokens
      expect((await rest('POST', '/portfolio/events/orders', order('bid', '0.01', '1'))).status).toBe(201);
    } finally {
      await env.sim.stop();
    }
  });

  it('rejects a whole batch that does not fit', async () => {
    const realNow = Date.now();
    const env2 = await startSim({ realNow: () => realNow });
    try {
      const user = env2.sim.createUser({ keyType: 'ed25519' });
      const rest = signedFetch(env2.restUrl, user);
      const batch = { orders: Array.from({ length: 11 }, () => order('bid', '0.01', '1')) };
      const res = await rest('POST', '/portfolio/events/orders/batched', batch);
      expect(res.status).toBe(429);
      const ok = await rest('POST', '/portfolio/events/orders/batched', {
        orders: batch.orders.slice(0, 10),
      });
      expect(ok.status).toBe(201);
      expect(ok.body.orders).toHaveLength(10);
    } finally {
      await env2.sim.stop();
    }
  });
});

describe('restart', () => {
  it('can start again after stop without leaking fault listeners', async () => {
    const env = await startSim();
    await env.sim.stop();
    expect(env.sim.faults.events.listenerCount('dropSockets')).toBe(0);
    const again = await env.sim.start();
    try {
      const user = env.sim.createUser({ keyType: 'ed25519' });
      const c = await openWs(again.wsUrl, user);
      const closed = new Promise<void>((resolve) => c.ws.once('close', () => resolve()));
      env.sim.faults.dropWebSockets();
      await closed;
      expect(env.sim.faults.events.listenerCount('dropSockets')).toBe(1);
    } finally {
      await env.sim.stop();
    }
  });
});
