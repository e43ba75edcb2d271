import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isKalshiWebSocketError, KalshiWebSocketError } from '../src/errors.js';
import type { WsOrderbookDeltaMessage, WsOrderbookSnapshotMessage } from '../src/types/ws.js';
import { KalshiWebSocket, type KalshiWebSocketOptions } from '../src/ws/kalshi-websocket.js';
import { FakeKalshiServer, type Keys, makeKeys, recordingLogger, WS_PATH } from './ws-harness.js';

let keys: Keys;
beforeAll(() => {
  keys = makeKeys();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(options: Partial<KalshiWebSocketOptions> = {}, server?: FakeKalshiServer) {
  const srv = server ?? (await FakeKalshiServer.start({ publicKey: keys.publicKey }));
  if (server === undefined) cleanups.push(() => srv.stop());
  const ws = new KalshiWebSocket({
    url: srv.url,
    signer: keys.signer,
    reconnect: { baseDelayMs: 1, maxDelayMs: 5 },
    commandTimeoutMs: 2_000,
    ...options,
  });
  cleanups.push(() => ws.close());
  return { server: srv, ws };
}

const M1 = 'KXINX-26NOV25H1600-B6612';
const M2 = 'KXINX-26NOV25H1600-B6637';

describe('KalshiWebSocket handshake', () => {
  it('signs the upgrade with GET and the URL pathname, verifiable with the public key', async () => {
    const { server, ws } = await setup();
    await ws.connect();
    expect(server.handshakes).toEqual([{ keyId: 'test-key-id', path: WS_PATH, verified: true }]);
  });

  it('rejects connect() with WS_CONNECT_FAILED when the server refuses the signature', async () => {
    const server = await FakeKalshiServer.start({ publicKey: makeKeys().publicKey });
    cleanups.push(() => server.stop());
    const { ws } = await setup({}, server);
    const err = await ws.connect().catch((e: unknown) => e);
    expect(isKalshiWebSocketError(err) && err.wsCode).toBe('WS_CONNECT_FAILED');
    expect(String((err as Error).message)).toContain('401');
    expect(ws.state).toBe('idle');
  });

  it('reports every invalid option at once', () => {
    expect(
      () => new KalshiWebSocket({ url: 'http://x', commandTimeoutMs: -1, livenessTimeoutMs: Number.NaN }),
    ).toThrow(/url must be ws: or wss:.*commandTimeoutMs.*livenessTimeoutMs/);
  });
});

describe('KalshiWebSocket commands', () => {
  it('subscribes several channels into one handle with one sid per channel', async () => {
    const { server, ws } = await setup();
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta', 'ticker'], market_tickers: [M1] });
    expect(server.last.commands[0]).toEqual({
      id: 1,
      cmd: 'subscribe',
      params: { channels: ['orderbook_delta', 'ticker'], market_tickers: [M1] },
    });
    expect([...sub.sids]).toEqual([
      ['orderbook_delta', 1],
      ['ticker', 2],
    ]);
    expect(sub.sid).toBe(1);
    expect(sub.markets).toEqual([M1]);
    expect(sub.state).toBe('active');
  });

  it('lists subscriptions', async () => {
    const { ws } = await setup();
    await ws.connect();
    await ws.subscribe({ channels: ['trade'] });
    expect(await ws.listSubscriptions()).toEqual([{ channel: 'trade', sid: 1 }]);
  });

  it('adds and deletes markets with update_subscription and tracks the server-reported set', async () => {
    const { server, ws } = await setup();
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    await sub.addMarkets([M2]);
    expect(sub.markets).toEqual([M1, M2]);
    await sub.deleteMarkets([M1]);
    expect(sub.markets).toEqual([M2]);
    expect(server.last.commandsOf('update_subscription').map((c) => c.params)).toEqual([
      { sid: 1, action: 'add_markets', market_tickers: [M2] },
      { sid: 1, action: 'delete_markets', market_tickers: [M1] },
    ]);
  });

  it('refuses to delete every market of a subscription', async () => {
    const { ws } = await setup();
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    await expect(sub.deleteMarkets([M1])).rejects.toMatchObject({ wsCode: 'WS_INVALID_ARGUMENT' });
  });

  it('unsubscribes a handle and forgets it', async () => {
    const { server, ws } = await setup();
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta', 'trade'], market_tickers: [M1] });
    await sub.unsubscribe();
    expect(server.last.commandsOf('unsubscribe')[0]?.params).toEqual({ sids: [1, 2] });
    expect(sub.state).toBe('unsubscribed');
    expect(ws.subscriptions).toEqual([]);
  });

  it('rejects an error reply with the Kalshi code and its stable string code', async () => {
    const server = await FakeKalshiServer.start({
      publicKey: keys.publicKey,
      handler: (conn, c) => {
        conn.send({ id: c.id, type: 'error', msg: { code: 14, msg: 'Market Ticker required' } });
        return true;
      },
    });
    cleanups.push(() => server.stop());
    const { ws } = await setup({}, server);
    await ws.connect();
    const err = await ws.subscribe({ channels: ['orderbook_delta'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KalshiWebSocketError);
    expect(err).toMatchObject({
      code: 'WEBSOCKET',
      wsCode: 'WS_MARKET_TICKER_REQUIRED',
      kalshiCode: 14,
      commandId: 1,
    });
  });

  it('unsubscribes the channels already acknowledged when another channel of the same subscribe fails', async () => {
    const server = await FakeKalshiServer.start({
      publicKey: keys.publicKey,
      handler: (conn, c) => {
        if (c.cmd !== 'subscribe') return false;
        conn.sids.set(7, { channel: 'ticker', markets: [] });
        conn.send({ id: c.id, type: 'subscribed', msg: { channel: 'ticker', sid: 7 } });
        conn.send({ id: c.id, type: 'error', msg: { code: 8, msg: 'Unknown channel name' } });
        return true;
      },
    });
    cleanups.push(() => server.stop());
    const { ws } = await setup({}, server);
    await ws.connect();
    await expect(ws.subscribe({ channels: ['ticker', 'trade'] })).rejects.toMatchObject({
      wsCode: 'WS_UNKNOWN_CHANNEL',
    });
    await vi.waitFor(() => expect(server.last.commandsOf('unsubscribe')[0]?.params).toEqual({ sids: [7] }));
  });

  it('times out a command the server never answers', async () => {
    const server = await FakeKalshiServer.start({ publicKey: keys.publicKey, handler: () => true });
    cleanups.push(() => server.stop());
    const { ws } = await setup({ commandTimeoutMs: 50 }, server);
    await ws.connect();
    await expect(ws.listSubscriptions()).rejects.toMatchObject({
      wsCode: 'WS_COMMAND_TIMEOUT',
      commandId: 1,
    });
  });

  it('rejects commands with WS_NOT_CONNECTED before connect()', async () => {
    const { ws } = await setup();
    await expect(ws.listSubscriptions()).rejects.toMatchObject({ wsCode: 'WS_NOT_CONNECTED' });
  });

  it('rejects pending commands with WS_CLOSED on close()', async () => {
    const server = await FakeKalshiServer.start({ publicKey: keys.publicKey, handler: () => true });
    cleanups.push(() => server.stop());
    const { ws } = await setup({}, server);
    await ws.connect();
    const pending = ws.listSubscriptions().catch((e: unknown) => e);
    await vi.waitFor(() => expect(server.last.commands).toHaveLength(1));
    await ws.close();
    expect(await pending).toMatchObject({ wsCode: 'WS_CLOSED' });
    expect(ws.state).toBe('closed');
  });
});

describe('KalshiWebSocket books', () => {
  it('delivers the snapshot then deltas for a trusted market', async () => {
    const { server, ws } = await setup();
    const snapshots: WsOrderbookSnapshotMessage[] = [];
    const deltas: WsOrderbookDeltaMessage[] = [];
    ws.on('orderbook_snapshot', (m) => snapshots.push(m));
    ws.on('orderbook_delta', (m) => deltas.push(m));
    await ws.connect();
    await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    await vi.waitFor(() => expect(snapshots).toHaveLength(1));
    expect(ws.isTrusted(M1)).toBe(true);
    server.last.delta(1, M1, '0.4300', '-2.00', 'no');
    await vi.waitFor(() => expect(deltas).toHaveLength(1));
    expect(deltas[0]).toMatchObject({
      sid: 1,
      seq: 2,
      msg: { price_dollars: '0.4300', delta_fp: '-2.00', side: 'no' },
    });
  });

  it('drops and counts deltas of a market whose snapshot has not arrived', async () => {
    const server = await FakeKalshiServer.start({ publicKey: keys.publicKey, snapshots: false });
    cleanups.push(() => server.stop());
    const { ws } = await setup({}, server);
    const deltas: unknown[] = [];
    ws.on('orderbook_delta', (m) => deltas.push(m));
    await ws.connect();
    await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    server.last.delta(1, M1);
    server.last.snapshot(1, M1);
    server.last.delta(1, M1);
    await vi.waitFor(() => expect(deltas).toHaveLength(1));
    expect(ws.stats().untrustedDeltasDropped).toBe(1);
  });

  it('on a gap: emits sequenceGap, untrusts the markets, requests get_snapshot for exactly them, recovers', async () => {
    const { server, ws } = await setup();
    const deltas: WsOrderbookDeltaMessage[] = [];
    const gaps: unknown[] = [];
    const trust: unknown[] = [];
    ws.on('orderbook_delta', (m) => deltas.push(m));
    ws.on('sequenceGap', (g) => gaps.push(g));
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1, M2] });
    await vi.waitFor(() => expect(ws.isTrusted(M1) && ws.isTrusted(M2)).toBe(true));
    ws.on('trustChanged', (c) => trust.push(c));
    const conn = server.last;
    // Hold the snapshot reply so that the untrusted window is observable.
    let release: (() => void) | undefined;
    server.handler = (c, command) => {
      if (command.cmd !== 'update_subscription') return false;
      release = () => {
        server.handler = undefined;
        // Kalshi replies to get_snapshot with the snapshots themselves, carrying the command id (no ok).
        for (const t of (command.params?.market_tickers ?? []) as string[])
          c.snapshot(1, t, undefined, undefined, command.id);
      };
      return true;
    };
    conn.skip(1); // seq 3 is lost
    conn.delta(1, M1); // seq 4: gap detected; this delta is not delivered
    await vi.waitFor(() => expect(gaps).toHaveLength(1));
    expect(gaps[0]).toEqual({
      sid: 1,
      channel: 'orderbook_delta',
      markets: [M1, M2],
      expected: 3,
      received: 4,
    });
    expect(ws.isTrusted(M1)).toBe(false);
    expect(ws.isTrusted(M2)).toBe(false);
    await vi.waitFor(() => expect(conn.commandsOf('update_subscription')).toHaveLength(1));
    expect(conn.commandsOf('update_subscription')[0]?.params).toEqual({
      sid: 1,
      action: 'get_snapshot',
      market_tickers: [M1, M2],
    });
    conn.delta(1, M2); // still untrusted: dropped
    await vi.waitFor(() => expect(ws.stats().untrustedDeltasDropped).toBe(2));
    release?.();
    await vi.waitFor(() => expect(ws.isTrusted(M1) && ws.isTrusted(M2)).toBe(true));
    conn.delta(1, M1, '0.4400');
    await vi.waitFor(() => expect(deltas).toHaveLength(1));
    expect(deltas[0]?.msg.price_dollars).toBe('0.4400');
    expect(ws.stats().gaps).toBe(1);
    expect(sub.sid).toBe(1);
    expect(trust).toContainEqual({ marketTicker: M1, trusted: false, sid: 1, reason: 'gap' });
    expect(trust).toContainEqual({ marketTicker: M1, trusted: true, sid: 1, reason: 'snapshot' });
    // The snapshots completed the recovery (no timeout, no fallback): a new gap asks again at once.
    conn.skip(1);
    conn.delta(1, M1);
    await vi.waitFor(() => expect(conn.commandsOf('update_subscription')).toHaveLength(2));
    await vi.waitFor(() => expect(ws.isTrusted(M1) && ws.isTrusted(M2)).toBe(true));
    expect(conn.commandsOf('unsubscribe')).toHaveLength(0);
    expect(conn.commandsOf('subscribe')).toHaveLength(1);
  });

  it('a requestSnapshot() call completes on the id-carrying snapshots, without an ok reply', async () => {
    const { server, ws } = await setup({ commandTimeoutMs: 60_000 });
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1, M2] });
    const snapshots: WsOrderbookSnapshotMessage[] = [];
    ws.on('orderbook_snapshot', (m) => snapshots.push(m));
    await sub.requestSnapshot([M1, M2]);
    expect(snapshots.map((m) => [m.msg.market_ticker, m.id])).toEqual([
      [M1, 2],
      [M2, 2],
    ]);
    expect(server.last.commandsOf('update_subscription')[0]?.id).toBe(2);
  });

  it('falls back to unsubscribe + subscribe when get_snapshot fails, and maps the handle to the new sid', async () => {
    const server = await FakeKalshiServer.start({
      publicKey: keys.publicKey,
      handler: (conn, c) => {
        if (c.cmd !== 'update_subscription') return false;
        conn.send({ id: c.id, type: 'error', msg: { code: 13, msg: 'Unsupported action' } });
        return true;
      },
    });
    cleanups.push(() => server.stop());
    const { ws } = await setup({}, server);
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
    server.last.skip(1);
    server.last.delta(1, M1);
    await vi.waitFor(() => expect(sub.sid).toBe(2));
    expect(server.last.commandsOf('unsubscribe')[0]?.params).toEqual({ sids: [1] });
    expect(server.last.commandsOf('subscribe')[1]?.params).toEqual({
      channels: ['orderbook_delta'],
      market_tickers: [M1],
    });
    await vi.waitFor(() => expect(ws.trust().get(M1)).toMatchObject({ trusted: true, sid: 2 }));
  });

  it('drops and counts duplicate and late frames', async () => {
    const { server, ws } = await setup();
    const deltas: WsOrderbookDeltaMessage[] = [];
    ws.on('orderbook_delta', (m) => deltas.push(m));
    await ws.connect();
    await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
    const frame = {
      type: 'orderbook_delta',
      sid: 1,
      seq: 2,
      msg: { market_ticker: M1, market_id: 'x', price_dollars: '0.4200', delta_fp: '1.00', side: 'yes' },
    };
    server.last.send(frame);
    server.last.send(frame);
    server.last.send({ ...frame, seq: 1 });
    server.last.send({ ...frame, seq: 3 });
    await vi.waitFor(() => expect(deltas.map((d) => d.seq)).toEqual([2, 3]));
    expect(ws.stats().duplicates).toBe(2);
    expect(ws.stats().gaps).toBe(0);
  });

  it('resubscribes a channel after a terminal channel error (code 25)', async () => {
    const { server, ws } = await setup();
    const errors: KalshiWebSocketError[] = [];
    ws.on('error', (e) => errors.push(e));
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    server.last.send({ type: 'error', sid: 1, msg: { code: 25, msg: 'Subscription buffer overflow' } });
    await vi.waitFor(() => expect(sub.sid).toBe(2));
    expect(errors[0]).toMatchObject({ wsCode: 'WS_BUFFER_OVERFLOW', kalshiCode: 25, sid: 1 });
  });
});

describe('KalshiWebSocket bad input', () => {
  it('reports non-JSON, non-object and incomplete frames as parseError and keeps going', async () => {
    const { server, ws } = await setup();
    const errors: { reason: string; raw: string }[] = [];
    ws.on('parseError', (e) => errors.push(e));
    await ws.connect();
    server.last.send('not json {');
    server.last.send('[1,2]');
    server.last.send({ no: 'type' });
    server.last.send({ type: 'trade', sid: 3, msg: { market_ticker: 42 } });
    server.last.send({ type: 'ticker', sid: 'x', msg: {} });
    await vi.waitFor(() => expect(errors).toHaveLength(5));
    expect(errors.map((e) => e.reason)).toEqual([
      'frame is not valid JSON',
      'frame is not a JSON object',
      'frame has no string "type"',
      'trade: msg.trade_id is missing or not a string',
      'ticker: sid is missing or not a number',
    ]);
    expect(errors[0]?.raw).toBe('not json {');
    expect(ws.stats()).toMatchObject({ parseErrors: 5, frames: 5 });
    expect(await ws.listSubscriptions()).toEqual([]);
  });

  it('treats an invalid orderbook frame with a valid seq as lost data: the market becomes untrusted', async () => {
    const { server, ws } = await setup();
    await ws.connect();
    await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
    server.handler = (_conn, c) => c.cmd === 'update_subscription'; // swallow the snapshot request
    server.last.send({ type: 'orderbook_delta', sid: 1, seq: 2, msg: { market_ticker: M1, side: 'maybe' } });
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(false));
    expect(ws.stats().parseErrors).toBe(1);
  });

  it('reports unknown types on unknownMessage with the raw frame, passing fields through', async () => {
    const { server, ws } = await setup();
    const unknown: [unknown, string][] = [];
    ws.on('unknownMessage', (m, raw) => unknown.push([m, raw]));
    await ws.connect();
    server.last.send({ type: 'brand_new', sid: 9, seq: 1, msg: { a: 1 } });
    await vi.waitFor(() => expect(unknown).toHaveLength(1));
    expect(unknown[0]?.[0]).toEqual({ type: 'brand_new', sid: 9, seq: 1, msg: { a: 1 } });
    expect(unknown[0]?.[1]).toBe('{"type":"brand_new","sid":9,"seq":1,"msg":{"a":1}}');
    expect(ws.stats()).toMatchObject({ unknownTypes: 1, byType: { brand_new: 1 } });
  });

  it('passes unknown fields of known messages through', async () => {
    const { server, ws } = await setup();
    const got: unknown[] = [];
    ws.on('message', (m) => got.push(m));
    await ws.connect();
    server.last.send({
      type: 'ticker',
      sid: 4,
      msg: { market_ticker: M1, brand_new_field: 'x' },
      extra: true,
    });
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(got[0]).toEqual({
      type: 'ticker',
      sid: 4,
      msg: { market_ticker: M1, brand_new_field: 'x' },
      extra: true,
    });
  });

  it('writes an error with no listener to the logger instead of throwing', async () => {
    const { calls, logger } = recordingLogger();
    const { server, ws } = await setup({ logger });
    await ws.connect();
    server.last.send({ type: 'error', msg: { code: 17, msg: 'Internal error' } });
    await vi.waitFor(() => expect(calls.filter((c) => c.level === 'error')).toHaveLength(1));
    expect(calls.find((c) => c.level === 'error')?.fields).toMatchObject({
      wsCode: 'WS_INTERNAL_ERROR',
      kalshiCode: 17,
    });
  });
});

describe('KalshiWebSocket reconnects', () => {
  it('reconnects after a server close and replays subscriptions with their current markets and new sids', async () => {
    const { server, ws } = await setup();
    const events: string[] = [];
    ws.on('reconnecting', () => events.push('reconnecting'));
    ws.on('reconnected', () => events.push('reconnected'));
    await ws.connect();
    const trade = await ws.subscribe({ channels: ['trade'] });
    const book = await ws.subscribe({
      channels: ['orderbook_delta'],
      market_tickers: [M1],
      use_yes_price: true,
    });
    await book.addMarkets([M2]);
    await vi.waitFor(() => expect(ws.isTrusted(M2)).toBe(true));
    server.dropAll();
    await vi.waitFor(() => expect(events).toEqual(['reconnecting', 'reconnected']));
    expect(server.conns).toHaveLength(2);
    expect(server.handshakes.every((h) => h.verified)).toBe(true);
    expect(server.last.commandsOf('subscribe').map((c) => c.params)).toEqual([
      { channels: ['trade'] },
      { channels: ['orderbook_delta'], use_yes_price: true, market_tickers: [M1, M2] },
    ]);
    expect(trade.sid).toBe(101);
    expect(book.sid).toBe(102);
    await vi.waitFor(() => expect(ws.trust().get(M2)).toMatchObject({ trusted: true, sid: 102 }));
    expect(ws.stats().reconnects).toBe(1);
  });

  it('does not carry sequence state across a reconnect', async () => {
    const { server, ws } = await setup();
    await ws.connect();
    await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    for (let i = 0; i < 5; i++) server.last.delta(1, M1);
    await vi.waitFor(() => expect(ws.stats().byType.orderbook_delta).toBe(5));
    server.dropAll();
    await vi.waitFor(() => expect(server.conns).toHaveLength(2));
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
    server.last.delta(101, M1); // seq 2 on the new connection's sid
    await vi.waitFor(() => expect(ws.stats().byType.orderbook_delta).toBe(6));
    expect(ws.stats()).toMatchObject({ gaps: 0, duplicates: 0 });
  });

  it('drops a silent connection after the liveness timeout and resubscribes with new sids', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { server, ws } = await setup({
      livenessTimeoutMs: 25_000,
      reconnect: { baseDelayMs: 1_000, maxDelayMs: 1_000 },
      random: () => 0.5,
    });
    const errors: string[] = [];
    const reconnecting: unknown[] = [];
    ws.on('error', (e) => errors.push(e.wsCode));
    ws.on('reconnecting', (r) => reconnecting.push(r));
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['ticker'], market_tickers: [M1] });
    expect(sub.sid).toBe(1);
    await vi.advanceTimersByTimeAsync(24_000);
    expect(reconnecting).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_500);
    await vi.waitFor(() => expect(reconnecting).toEqual([{ attempt: 1, delayMs: 500 }]));
    expect(errors).toEqual(['WS_HEARTBEAT_TIMEOUT']);
    expect(sub.state).toBe('resubscribing');
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(server.conns).toHaveLength(2));
    await vi.waitFor(() => expect(sub.state).toBe('active'));
    expect(server.last.commandsOf('subscribe')[0]?.params).toEqual({
      channels: ['ticker'],
      market_tickers: [M1],
    });
    expect(sub.sid).toBe(101);
  });

  it('keeps a connection alive while pings arrive', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { server, ws } = await setup({ livenessTimeoutMs: 25_000 });
    const reconnecting: unknown[] = [];
    ws.on('reconnecting', (r) => reconnecting.push(r));
    await ws.connect();
    for (let i = 0; i < 6; i++) {
      await server.last.ping();
      await vi.advanceTimersByTimeAsync(10_000);
    }
    expect(reconnecting).toHaveLength(0);
    expect(ws.state).toBe('open');
  });

  it('gives up after maxAttempts with WS_RECONNECT_FAILED', async () => {
    const server = await FakeKalshiServer.start({ publicKey: keys.publicKey });
    const { ws } = await setup({ reconnect: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } }, server);
    const errors: string[] = [];
    const attempts: number[] = [];
    ws.on('error', (e) => errors.push(e.wsCode));
    ws.on('reconnecting', (r) => attempts.push(r.attempt));
    await ws.connect();
    server.rejectUpgrades = true;
    server.dropAll();
    await vi.waitFor(() => expect(errors).toEqual(['WS_RECONNECT_FAILED']));
    expect(attempts).toEqual([1, 2]);
    expect(ws.state).toBe('closed');
    await server.stop();
  });
});
