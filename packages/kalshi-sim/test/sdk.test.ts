import { KalshiClient, type KalshiWebSocket } from '@mnquants/kalshi-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { order, startSim, TICKER, TICKER2, waitFor } from './helpers.js';

describe('through @mnquants/kalshi-sdk', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  const clients: KalshiClient[] = [];
  const sockets: KalshiWebSocket[] = [];
  beforeEach(async () => {
    env = await startSim();
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) await s.close();
    for (const c of clients.splice(0)) c.close();
    await env.sim.stop();
  });
  function client() {
    const user = env.sim.createUser({ balanceDollars: '500', keyType: 'ed25519' });
    const c = new KalshiClient({
      restUrl: env.restUrl,
      wsUrl: env.wsUrl,
      apiKeyId: user.apiKeyId,
      privateKey: user.privateKeyPem,
      useEnv: false,
      maxRetries: 0,
    });
    clients.push(c);
    return { user, c };
  }

  it('pages markets with cursors', async () => {
    const { c } = client();
    const seen: string[] = [];
    for await (const m of c.markets.iterate({ series_ticker: 'KXTEST', limit: 1 })) seen.push(m.ticker);
    expect(seen.sort()).toEqual([TICKER, TICKER2]);
  });

  it('creates, amends, decreases and cancels orders', async () => {
    const { c } = client();
    const created = await c.orders.create(order('bid', '0.40', '10', { client_order_id: 'sdk-1' }) as never);
    expect(created.remaining_count).toBe('10.00');
    const amended = await c.orders.amend(created.order_id, {
      ticker: TICKER,
      side: 'bid',
      price: '0.41',
      count: '8',
    });
    expect(amended.remaining_count).toBe('8.00');
    const decreased = await c.orders.decrease(created.order_id, { reduce_by: '3' });
    expect(decreased.remaining_count).toBe('5.00');
    const book = await c.markets.orderbook(TICKER);
    expect(book.orderbook_fp.yes_dollars).toEqual([['0.4100', '5.00']]);
    const canceled = await c.orders.cancel(created.order_id);
    expect(canceled.reduced_by).toBe('5.00');
    const listed = await c.orders.list({ status: 'canceled' });
    expect(listed.orders.map((o) => o.client_order_id)).toEqual(['sdk-1']);
  });

  it('maps a duplicate client_order_id to a 409 KalshiConflictError', async () => {
    const { c } = client();
    await c.orders.create(order('bid', '0.40', '1', { client_order_id: 'dup' }) as never);
    await expect(
      c.orders.create(order('bid', '0.40', '1', { client_order_id: 'dup' }) as never),
    ).rejects.toMatchObject({
      name: 'KalshiConflictError',
      status: 409,
    });
    expect((await c.orders.list({ status: 'resting' })).orders).toHaveLength(1);
  });

  it('cancels everything with DELETE /portfolio/events/orders', async () => {
    const { c } = client();
    await c.orders.batchCreate({ orders: [order('bid', '0.10', '1'), order('bid', '0.11', '1')] as never });
    await c.orders.cancelAll();
    expect((await c.orders.list({ status: 'resting' })).orders).toHaveLength(0);
  });

  it('manages order groups', async () => {
    const { c } = client();
    const g = await c.orderGroups.create({ contracts_limit: 5 });
    await c.orders.create(order('bid', '0.10', '2', { order_group_id: g.order_group_id }) as never);
    const got = await c.orderGroups.get(g.order_group_id);
    expect(got.orders).toHaveLength(1);
    await c.orderGroups.trigger(g.order_group_id);
    expect((await c.orders.list({ status: 'resting' })).orders).toHaveLength(0);
    await c.orderGroups.reset(g.order_group_id);
    await c.orderGroups.delete(g.order_group_id);
    expect((await c.orderGroups.list()).order_groups).toHaveLength(0);
  });

  it('streams a book over KalshiWebSocket and detects an injected gap', async () => {
    const { c } = client();
    const maker = client();
    const ws = c.createWebSocket();
    sockets.push(ws);
    await ws.connect();
    const gaps: unknown[] = [];
    const snapshots: string[] = [];
    ws.on('sequenceGap', (g) => gaps.push(g));
    ws.on('orderbook_snapshot', (m) => snapshots.push(m.msg.market_ticker));
    await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [TICKER] });
    await waitFor(() => snapshots.length === 1);
    expect(ws.isTrusted(TICKER)).toBe(true);
    env.sim.faults.skipSeq({ channel: 'orderbook_delta' });
    await maker.c.orders.create(order('bid', '0.33', '1') as never);
    await waitFor(() => gaps.length === 1);
    // The SDK asks for a fresh snapshot (get_snapshot) and trusts the book again.
    await waitFor(() => snapshots.length === 2 && ws.isTrusted(TICKER));
  });
});
