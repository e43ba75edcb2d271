import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWs, order, signedFetch, startSim, TICKER, TICKER2, waitFor } from './helpers.js';

describe('WebSocket ticker channel options', () => {
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
  const marketId = (ticker: string) => env.sim.exchange.getMarket(ticker)?.marketId as string;

  it('sends the current ticker of each market right after subscribed with send_initial_snapshot', async () => {
    const { c, rest } = await client();
    await rest('POST', '/portfolio/events/orders', order('bid', '0.42', '3'));
    const id = c.send('subscribe', {
      channels: ['ticker'],
      market_tickers: [TICKER, TICKER2],
      send_initial_snapshot: true,
    });
    await waitFor(() => c.frames.filter((f) => f.type === 'ticker').length === 2);
    const subscribedAt = c.frames.findIndex((f) => f.type === 'subscribed' && f.id === id);
    const tickers = c.frames.filter((f) => f.type === 'ticker');
    expect(c.frames.indexOf(tickers[0])).toBeGreaterThan(subscribedAt);
    expect(tickers.map((f) => f.sid)).toEqual([
      c.frames[subscribedAt].msg.sid,
      c.frames[subscribedAt].msg.sid,
    ]);
    expect(tickers[0].seq).toBeUndefined();
    expect(tickers[0].msg).toMatchObject({
      market_ticker: TICKER,
      market_id: marketId(TICKER),
      yes_bid_dollars: '0.4200',
      yes_bid_size_fp: '3.00',
      volume_fp: '0.00',
    });
    expect(tickers[1].msg.market_ticker).toBe(TICKER2);
  });

  it('sends no initial ticker without send_initial_snapshot', async () => {
    const { c, rest } = await client();
    await rest('POST', '/portfolio/events/orders', order('bid', '0.42', '3'));
    c.send('subscribe', { channels: ['ticker', 'trade'], market_tickers: [TICKER] });
    await waitFor(() => c.frames.filter((f) => f.type === 'subscribed').length === 2);
    // A later change proves the connection is live; only that change arrives as a ticker.
    await rest('POST', '/portfolio/events/orders', order('bid', '0.43', '1'));
    await waitFor(() => c.frames.find((f) => f.type === 'ticker'));
    expect(c.frames.filter((f) => f.type === 'ticker').map((f) => f.msg.yes_bid_dollars)).toEqual(['0.4300']);
  });

  it('sends initial tickers for markets added by update_subscription with send_initial_snapshot', async () => {
    const { c } = await client();
    const id = c.send('subscribe', {
      channels: ['ticker'],
      market_ticker: TICKER,
      send_initial_snapshot: true,
    });
    const sub = await waitFor(() => c.frames.find((f) => f.type === 'subscribed' && f.id === id));
    await waitFor(() => c.frames.find((f) => f.type === 'ticker'));
    c.send('update_subscription', {
      sid: sub.msg.sid,
      action: 'add_markets',
      market_tickers: [TICKER2],
      send_initial_snapshot: true,
    });
    const added = await waitFor(() =>
      c.frames.find((f) => f.type === 'ticker' && f.msg.market_ticker === TICKER2),
    );
    expect(added.sid).toBe(sub.msg.sid);
  });

  it('filters the ticker channel by market_ids and acknowledges updates with the ids', async () => {
    const { c, rest } = await client();
    const id = c.send('subscribe', { channels: ['ticker'], market_ids: [marketId(TICKER)] });
    const sub = await waitFor(() => c.frames.find((f) => f.type === 'subscribed' && f.id === id));
    await rest('POST', '/portfolio/events/orders', { ...order('bid', '0.31', '1'), ticker: TICKER2 });
    await rest('POST', '/portfolio/events/orders', order('bid', '0.32', '1'));
    await waitFor(() => c.frames.find((f) => f.type === 'ticker'));
    expect(c.frames.filter((f) => f.type === 'ticker').map((f) => f.msg.market_ticker)).toEqual([TICKER]);
    const upd = c.send('update_subscription', {
      sid: sub.msg.sid,
      action: 'add_markets',
      market_id: marketId(TICKER2),
    });
    const ok = await waitFor(() => c.frames.find((f) => f.type === 'ok' && f.id === upd));
    expect(ok.msg).toEqual({
      market_tickers: [TICKER, TICKER2],
      market_ids: [marketId(TICKER), marketId(TICKER2)],
    });
  });

  it('rejects market_id(s) outside the ticker channel, mixed with tickers, or unknown, with code 11', async () => {
    const { c } = await client();
    const a = c.send('subscribe', { channels: ['trade'], market_id: marketId(TICKER) });
    const b = c.send('subscribe', {
      channels: ['ticker'],
      market_id: marketId(TICKER),
      market_ticker: TICKER2,
    });
    const d = c.send('subscribe', {
      channels: ['ticker'],
      market_ids: ['00000000-0000-4000-8000-000000000000'],
    });
    const errors = await waitFor(() => {
      const e = c.frames.filter((f) => f.type === 'error');
      return e.length === 3 ? e : undefined;
    });
    expect(errors.map((e) => [e.id, e.msg.code])).toEqual([
      [a, 11],
      [b, 11],
      [d, 11],
    ]);
    expect(errors[2].msg.msg).toContain('00000000-0000-4000-8000-000000000000');
    expect(c.frames.some((f) => f.type === 'subscribed')).toBe(false);
  });

  it('omits the market lists from ok replies with skip_ticker_ack', async () => {
    const { c } = await client();
    const id = c.send('subscribe', { channels: ['ticker'], market_ticker: TICKER, skip_ticker_ack: true });
    const sub = await waitFor(() => c.frames.find((f) => f.type === 'subscribed' && f.id === id));
    const upd = c.send('update_subscription', {
      sid: sub.msg.sid,
      action: 'add_markets',
      market_ticker: TICKER2,
    });
    const ok = await waitFor(() => c.frames.find((f) => f.type === 'ok' && f.id === upd));
    expect(ok.sid).toBe(sub.msg.sid);
    expect(ok.msg).toEqual({});
  });
});
