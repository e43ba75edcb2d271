import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWs, order, signedFetch, startSim, TICKER, TICKER2, waitFor } from './helpers.js';

describe('WebSocket protocol', () => {
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
    const user = env.sim.createUser({ balanceDollars: '1000' });
    const c = await openWs(env.wsUrl, user);
    sockets.push(c);
    return { user, c, rest: signedFetch(env.restUrl, user) };
  }

  it('sends a snapshot with seq 1, then deltas with increasing seq', async () => {
    const { c, rest } = await client();
    await rest('POST', '/portfolio/events/orders', order('bid', '0.30', '5'));
    const id = c.send('subscribe', { channels: ['orderbook_delta'], market_ticker: TICKER });
    const sub = await waitFor(() => c.frames.find((f) => f.type === 'subscribed' && f.id === id));
    const snap = await waitFor(() => c.frames.find((f) => f.type === 'orderbook_snapshot'));
    expect(snap.sid).toBe(sub.msg.sid);
    expect(snap.seq).toBe(1);
    expect(snap.msg.yes_dollars_fp).toEqual([['0.3000', '5.00']]);
    expect(snap.msg.no_dollars_fp).toBeUndefined();
    await rest('POST', '/portfolio/events/orders', order('ask', '0.70', '2', { client_order_id: 'mine' }));
    const delta = await waitFor(() => c.frames.find((f) => f.type === 'orderbook_delta'));
    expect(delta.seq).toBe(2);
    expect(delta.msg).toMatchObject({
      market_ticker: TICKER,
      side: 'no',
      price_dollars: '0.3000',
      delta_fp: '2.00',
      client_order_id: 'mine',
    });
  });

  it('converts NO prices to YES terms with use_yes_price', async () => {
    const { c, rest } = await client();
    c.send('subscribe', { channels: ['orderbook_delta'], market_tickers: [TICKER2], use_yes_price: true });
    await waitFor(() => c.frames.find((f) => f.type === 'orderbook_snapshot'));
    await rest('POST', '/portfolio/events/orders', { ...order('ask', '0.65', '3'), ticker: TICKER2 });
    const delta = await waitFor(() => c.frames.find((f) => f.type === 'orderbook_delta'));
    expect(delta.msg).toMatchObject({ side: 'no', price_dollars: '0.6500', delta_fp: '3.00' });
  });

  it('pushes fill and user_order to the two parties of a match', async () => {
    const maker = await client();
    const taker = await client();
    for (const x of [maker, taker])
      x.c.send('subscribe', { channels: ['fill', 'user_orders', 'market_positions'] });
    await waitFor(() => taker.c.frames.filter((f) => f.type === 'subscribed').length === 3);
    await waitFor(() => maker.c.frames.filter((f) => f.type === 'subscribed').length === 3);
    const placed = await maker.rest('POST', '/portfolio/events/orders', {
      ...order('bid', '0.55', '4'),
      ticker: TICKER2,
    });
    await taker.rest('POST', '/portfolio/events/orders', {
      ...order('ask', '0.50', '4', { time_in_force: 'immediate_or_cancel' }),
      ticker: TICKER2,
    });
    const makerFill = await waitFor(() => maker.c.frames.find((f) => f.type === 'fill'));
    expect(makerFill.msg).toMatchObject({
      order_id: placed.body.order_id,
      is_taker: false,
      yes_price_dollars: '0.5500',
      count_fp: '4.00',
      post_position_fp: '4.00',
    });
    const takerFill = await waitFor(() => taker.c.frames.find((f) => f.type === 'fill'));
    expect(takerFill.msg).toMatchObject({ is_taker: true, outcome_side: 'no', book_side: 'ask' });
    const executed = await waitFor(() =>
      maker.c.frames.find((f) => f.type === 'user_order' && f.msg.status === 'executed'),
    );
    expect(executed.msg.fill_count_fp).toBe('4.00');
    const pos = await waitFor(() => taker.c.frames.find((f) => f.type === 'market_position'));
    expect(pos.msg.position_fp).toBe('-4.00');
    expect(maker.c.frames.some((f) => f.type === 'fill' && f.msg.is_taker === true)).toBe(false);
  });

  it('publishes public trades and ticker updates', async () => {
    const { c } = await client();
    const a = await client();
    const b = await client();
    c.send('subscribe', { channels: ['trade', 'ticker'], market_tickers: [TICKER] });
    await waitFor(() => c.frames.filter((f) => f.type === 'subscribed').length === 2);
    await a.rest('POST', '/portfolio/events/orders', order('bid', '0.20', '1'));
    await b.rest(
      'POST',
      '/portfolio/events/orders',
      order('ask', '0.20', '1', { time_in_force: 'fill_or_kill' }),
    );
    const trade = await waitFor(() => c.frames.find((f) => f.type === 'trade'));
    expect(trade.msg).toMatchObject({
      market_ticker: TICKER,
      yes_price_dollars: '0.2000',
      count_fp: '1.00',
      taker_book_side: 'ask',
    });
    expect(typeof trade.seq).toBe('number');
    const ticker = await waitFor(() =>
      c.frames.find((f) => f.type === 'ticker' && f.msg.price_dollars === '0.2000'),
    );
    expect(ticker.seq).toBeUndefined();
  });

  it('sends protocol pings with payload "heartbeat"', async () => {
    const { c } = await client();
    const payload = await new Promise<string>((resolve) =>
      c.ws.once('ping', (data) => resolve(data.toString())),
    );
    expect(payload).toBe('heartbeat');
  });

  it('lists, updates and unsubscribes subscriptions', async () => {
    const { c } = await client();
    c.send('subscribe', { channels: ['orderbook_delta'], market_tickers: [TICKER] });
    const sub = await waitFor(() => c.frames.find((f) => f.type === 'subscribed'));
    const sid = sub.msg.sid as number;
    await waitFor(() => c.frames.find((f) => f.type === 'orderbook_snapshot'));
    const upd = c.send('update_subscription', {
      sids: [sid],
      action: 'add_markets',
      market_tickers: [TICKER2],
    });
    const ok = await waitFor(() => c.frames.find((f) => f.type === 'ok' && f.id === upd));
    expect(ok.msg.market_tickers).toEqual([TICKER, TICKER2]);
    const snaps = await waitFor(() => {
      const s = c.frames.filter((f) => f.type === 'orderbook_snapshot');
      return s.length === 2 ? s : undefined;
    });
    expect(snaps[1].msg.market_ticker).toBe(TICKER2);
    expect(snaps[1].seq).toBe(ok.seq + 1);
    const again = c.send('update_subscription', { sid, action: 'get_snapshot', market_tickers: [TICKER] });
    await waitFor(() => c.frames.filter((f) => f.type === 'orderbook_snapshot').length === 3);
    expect(c.frames.some((f) => f.id === again && f.type === 'error')).toBe(false);
    const list = c.send('list_subscriptions');
    const listed = await waitFor(() => c.frames.find((f) => f.id === list));
    expect(listed).toEqual({ id: list, type: 'ok', msg: [{ channel: 'orderbook_delta', sid }] });
    const un = c.send('unsubscribe', { sids: [sid] });
    const unsub = await waitFor(() => c.frames.find((f) => f.id === un));
    expect(unsub).toMatchObject({ type: 'unsubscribed', sid });
  });

  it('answers bad commands with Kalshi error codes', async () => {
    const { c } = await client();
    c.ws.send('not json');
    const unknownCmd = c.send('frobnicate');
    const noChannels = c.send('subscribe', { channels: [] });
    const badChannel = c.send('subscribe', { channels: ['nope'] });
    const noTicker = c.send('subscribe', { channels: ['orderbook_delta'] });
    const badSid = c.send('unsubscribe', { sids: [999] });
    const codeOf = (id: number) => c.frames.find((f) => f.id === id && f.type === 'error')?.msg.code;
    await waitFor(() => codeOf(badSid) !== undefined);
    expect(c.frames.find((f) => f.type === 'error' && f.id === undefined)?.msg.code).toBe(1);
    expect([
      codeOf(unknownCmd),
      codeOf(noChannels),
      codeOf(badChannel),
      codeOf(noTicker),
      codeOf(badSid),
    ]).toEqual([5, 3, 8, 14, 7]);
  });

  it('keeps private channels private', async () => {
    const spy = await client();
    const actor = await client();
    const other = await client();
    spy.c.send('subscribe', { channels: ['user_orders'] });
    actor.c.send('subscribe', { channels: ['user_orders'] });
    await waitFor(() => spy.c.frames.some((f) => f.type === 'subscribed'));
    await waitFor(() => actor.c.frames.some((f) => f.type === 'subscribed'));
    await actor.rest('POST', '/portfolio/events/orders', order('bid', '0.05', '1'));
    await waitFor(() => actor.c.frames.find((f) => f.type === 'user_order'));
    await other.rest('GET', '/portfolio/balance');
    expect(spy.c.frames.some((f) => f.type === 'user_order')).toBe(false);
  });
  it('publishes market lifecycle events', async () => {
    const { c } = await client();
    c.send('subscribe', { channels: ['market_lifecycle_v2'] });
    await waitFor(() => c.frames.find((f) => f.type === 'subscribed'));
    env.sim.step(3_600_000); // past close_time
    const r = env.sim.exchange.determineMarket(TICKER, 'yes', '51.00');
    expect(r.ok).toBe(true);
    const determined = await waitFor(() =>
      c.frames.find((f) => f.type === 'market_lifecycle_v2' && f.msg.event_type === 'determined'),
    );
    expect(determined.msg).toMatchObject({
      market_ticker: TICKER,
      result: 'yes',
      settlement_value: '1.0000',
    });
    env.sim.step(61_000);
    const settled = await waitFor(() =>
      c.frames.find((f) => f.type === 'market_lifecycle_v2' && f.msg.event_type === 'settled'),
    );
    const seqs = c.frames.filter((f) => f.type === 'market_lifecycle_v2').map((f) => f.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(settled.seq).toBeGreaterThan(determined.seq);
  });

  it('publishes order group updates to the owner', async () => {
    const { c, rest } = await client();
    c.send('subscribe', { channels: ['order_group_updates'] });
    await waitFor(() => c.frames.find((f) => f.type === 'subscribed'));
    const g = await rest('POST', '/portfolio/order_groups/create', { contracts_limit_fp: '5.00' });
    expect(g.status).toBe(201);
    await rest('PUT', `/portfolio/order_groups/${g.body.order_group_id}/trigger`, {});
    const types = await waitFor(() => {
      const t = c.frames.filter((f) => f.type === 'order_group_updates').map((f) => f.msg.event_type);
      return t.length >= 2 ? t : undefined;
    });
    expect(types).toEqual(['created', 'triggered']);
    const created = c.frames.find((f) => f.type === 'order_group_updates');
    expect(created.msg).toMatchObject({ order_group_id: g.body.order_group_id, contracts_limit_fp: '5.00' });
  });
});
