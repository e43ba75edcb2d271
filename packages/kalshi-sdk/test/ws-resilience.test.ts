/**
 * KalshiWebSocket paths that need a misbehaving peer or a socket that fails: handshake timeout,
 * refused sends, backoff counter reset, late replies, terminal channel errors, unobserved
 * errors, reconnects during recovery, and the get_snapshot failure fallback.
 */

import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { isKalshiWebSocketError, type KalshiWebSocketError } from '../src/errors.js';
import { KalshiWebSocket, type KalshiWebSocketOptions } from '../src/ws/kalshi-websocket.js';
import {
  type CommandHandler,
  FakeKalshiServer,
  type FakeServerOptions,
  type Keys,
  makeKeys,
  recordingLogger,
  WS_PATH,
} from './ws-harness.js';

let keys: Keys;
beforeAll(() => {
  keys = makeKeys();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startServer(options: FakeServerOptions = {}): Promise<FakeKalshiServer> {
  const server = await FakeKalshiServer.start({ publicKey: keys.publicKey, ...options });
  cleanups.push(() => server.stop());
  return server;
}

function client(url: string, options: Partial<KalshiWebSocketOptions> = {}): KalshiWebSocket {
  const ws = new KalshiWebSocket({
    url,
    signer: keys.signer,
    reconnect: { baseDelayMs: 1, maxDelayMs: 5 },
    commandTimeoutMs: 2_000,
    ...options,
  });
  cleanups.push(() => ws.close());
  return ws;
}

const M1 = 'KXINX-26NOV25H1600-B6612';
const M2 = 'KXINX-26NOV25H1600-B6637';

describe('KalshiWebSocket handshake timeout', () => {
  it('rejects connect() with WS_CONNECT_FAILED and closes the socket when the upgrade never answers', async () => {
    // A TCP server that accepts the connection and never answers the HTTP upgrade.
    const sockets = new Set<Socket>();
    const tcp = createServer((s) => {
      sockets.add(s);
      s.resume(); // read (and ignore) the upgrade request, so that the client's close is seen
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          tcp.close(() => resolve());
        }),
    );
    const { port } = tcp.address() as AddressInfo;
    const ws = client(`ws://127.0.0.1:${port}${WS_PATH}`, { handshakeTimeoutMs: 100 });
    const err = await ws.connect().catch((e: unknown) => e);
    expect(isKalshiWebSocketError(err) && err.wsCode).toBe('WS_CONNECT_FAILED');
    expect(String((err as Error).message)).toMatch(/handshake has timed out/i);
    expect(ws.state).toBe('idle');
    await vi.waitFor(() => expect(sockets.size).toBe(0));
  });
});

describe('KalshiWebSocket send failures', () => {
  it('rejects a command with WS_SEND_FAILED (cause chained) when the socket refuses to send', async () => {
    const server = await startServer();
    const refusal = new Error('send buffer refused the frame');
    class RefusingSocket extends WebSocket {
      override send(_data: unknown, optionsOrCb?: unknown, cb?: unknown): void {
        const callback = (typeof optionsOrCb === 'function' ? optionsOrCb : cb) as
          | ((err?: Error) => void)
          | undefined;
        callback?.(refusal);
      }
    }
    const ws = client(server.url, { WebSocket: RefusingSocket });
    await ws.connect();
    const err = await ws.subscribe({ channels: ['trade'] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ wsCode: 'WS_SEND_FAILED', commandId: 1 });
    expect((err as Error).cause).toBe(refusal);
    expect(ws.subscriptions).toEqual([]);
  });
});

describe('KalshiWebSocket reconnect backoff', () => {
  it('keeps counting attempts across short-lived connections and resets after stableAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await startServer();
    const ws = client(server.url, {
      livenessTimeoutMs: 0,
      reconnect: { baseDelayMs: 1_000, maxDelayMs: 100_000, stableAfterMs: 60_000 },
      random: () => 0.5,
    });
    const reconnecting: { attempt: number; delayMs: number }[] = [];
    ws.on('reconnecting', (r) => reconnecting.push(r));
    await ws.connect();

    server.dropAll();
    await vi.waitFor(() => expect(reconnecting).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(ws.state).toBe('open'));
    expect(server.conns).toHaveLength(2);

    // Dropped again soon after: the counter keeps going (flapping server, growing backoff).
    server.dropAll();
    await vi.waitFor(() => expect(reconnecting).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(ws.state).toBe('open'));

    // Stable for stableAfterMs: the next drop starts over at attempt 1.
    await vi.advanceTimersByTimeAsync(60_000);
    server.dropAll();
    await vi.waitFor(() => expect(reconnecting).toHaveLength(3));
    expect(reconnecting).toEqual([
      { attempt: 1, delayMs: 500 },
      { attempt: 2, delayMs: 1_000 },
      { attempt: 1, delayMs: 500 },
    ]);
  });
});

describe('KalshiWebSocket late and unsolicited replies', () => {
  it('unsubscribes a subscribed reply that arrives after its command timed out', async () => {
    const held: number[] = [];
    const server = await startServer({
      handler: (_conn, c) => {
        if (c.cmd !== 'subscribe') return false;
        held.push(c.id);
        return true;
      },
    });
    const ws = client(server.url);
    await ws.connect();
    const err = await ws.subscribe({ channels: ['trade'] }, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ wsCode: 'WS_COMMAND_TIMEOUT', commandId: 1 });
    const conn = server.last;
    conn.sids.set(1, { channel: 'trade', markets: [] });
    conn.send({ id: held[0], type: 'subscribed', msg: { channel: 'trade', sid: 1 } });
    await vi.waitFor(() => expect(conn.commandsOf('unsubscribe')).toHaveLength(1));
    expect(conn.commandsOf('unsubscribe')[0]?.params).toEqual({ sids: [1] });
    await vi.waitFor(() => expect(conn.sids.size).toBe(0));
    expect(ws.subscriptions).toEqual([]);
  });

  it.each([
    [10, 'WS_CHANNEL_ERROR'],
    [25, 'WS_BUFFER_OVERFLOW'],
  ])(
    'resubscribes the channel after terminal code %i (%s) and trusts only the new sid',
    async (code, wsCode) => {
      const server = await startServer();
      const ws = client(server.url);
      const errors: KalshiWebSocketError[] = [];
      ws.on('error', (e) => errors.push(e));
      await ws.connect();
      const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
      await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
      const trust: unknown[] = [];
      ws.on('trustChanged', (c) => trust.push(c));
      server.last.send({ type: 'error', sid: 1, msg: { code, msg: 'terminal' } });
      await vi.waitFor(() => expect(sub.sid).toBe(2));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ wsCode, kalshiCode: code, sid: 1 });
      expect(server.last.commandsOf('subscribe')[1]?.params).toEqual({
        channels: ['orderbook_delta'],
        market_tickers: [M1],
      });
      // Neither unsubscribe nor get_snapshot on the dead sid: the server already dropped it.
      expect(server.last.commandsOf('unsubscribe')).toHaveLength(0);
      expect(server.last.commandsOf('update_subscription')).toHaveLength(0);
      await vi.waitFor(() => expect(ws.trust().get(M1)).toMatchObject({ trusted: true, sid: 2 }));
      expect(trust).toEqual([
        { marketTicker: M1, trusted: false, sid: 1, reason: 'resubscribed' },
        { marketTicker: M1, trusted: true, sid: 2, reason: 'snapshot' },
      ]);
    },
  );

  it('does not resubscribe after a non-terminal subscription error (code 18)', async () => {
    const server = await startServer();
    const ws = client(server.url);
    const errors: string[] = [];
    ws.on('error', (e) => errors.push(e.wsCode));
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    server.last.send({ type: 'error', sid: 1, msg: { code: 18, msg: 'Command timeout' } });
    await vi.waitFor(() => expect(errors).toEqual(['WS_SERVER_COMMAND_TIMEOUT']));
    await ws.listSubscriptions(); // a round trip: anything the client sent before has arrived
    expect(server.last.commandsOf('subscribe')).toHaveLength(1);
    expect(sub.sid).toBe(1);
    expect(ws.isTrusted(M1)).toBe(true);
  });
});

describe('KalshiWebSocket unobserved errors', () => {
  it('logs each error with no listener exactly once, hints once, never throws, and keeps working', async () => {
    const { calls, logger } = recordingLogger();
    const server = await startServer();
    const ws = client(server.url, { logger });
    await ws.connect();
    server.last.send({ type: 'error', msg: { code: 17, msg: 'Internal error' } });
    server.last.send({ type: 'error', msg: { code: 1, msg: 'Unable to process message' } });
    const errorLogs = () => calls.filter((c) => c.level === 'error');
    await vi.waitFor(() => expect(errorLogs()).toHaveLength(2));
    expect(await ws.listSubscriptions()).toEqual([]);
    expect(ws.state).toBe('open');
    expect(errorLogs()).toHaveLength(2);
    expect(errorLogs().map((c) => c.fields?.kalshiCode)).toEqual([17, 1]);
    expect(errorLogs().map((c) => 'hint' in (c.fields ?? {}))).toEqual([true, false]);
  });

  it('does not also log an error that a listener received', async () => {
    const { calls, logger } = recordingLogger();
    const server = await startServer();
    const ws = client(server.url, { logger });
    const seen: string[] = [];
    ws.on('error', (e) => seen.push(e.wsCode));
    await ws.connect();
    server.last.send({ type: 'error', msg: { code: 17, msg: 'Internal error' } });
    await vi.waitFor(() => expect(seen).toEqual(['WS_INTERNAL_ERROR']));
    expect(calls.filter((c) => c.level === 'error')).toHaveLength(0);
  });
});

describe('KalshiWebSocket reconnect during recovery', () => {
  it('leaves no stale recovery or trust state when the connection drops while get_snapshot is pending', async () => {
    // Kalshi's sids belong to a connection and start over: make the second connection reuse sid 1.
    const handler: CommandHandler = (conn, c) => {
      if (conn.nextSid > 100) conn.nextSid = 1;
      // The first connection never answers get_snapshot: the recovery is still running at the drop.
      return c.cmd === 'update_subscription' && conn === server.conns[0];
    };
    const server = await startServer({ snapshots: false, handler });
    const ws = client(server.url);
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1] });
    const first = server.last;
    first.snapshot(1, M1);
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
    first.skip(1);
    first.delta(1, M1);
    await vi.waitFor(() => expect(first.commandsOf('update_subscription')).toHaveLength(1));
    expect(ws.isTrusted(M1)).toBe(false);

    server.dropAll();
    await vi.waitFor(() => expect(server.conns).toHaveLength(2));
    await vi.waitFor(() => expect(sub.state).toBe('active'));
    expect(sub.sid).toBe(1);
    const second = server.last;
    const droppedBefore = ws.stats().untrustedDeltasDropped;
    second.delta(1, M1); // new connection, no snapshot yet: not trusted
    await vi.waitFor(() => expect(ws.stats().untrustedDeltasDropped).toBe(droppedBefore + 1));
    second.snapshot(1, M1);
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));

    // A gap on the new connection's sid 1 must start a fresh recovery, not be folded into the old one.
    second.skip(1);
    second.delta(1, M1);
    await vi.waitFor(() => expect(second.commandsOf('update_subscription')).toHaveLength(1));
    expect(second.commandsOf('update_subscription')[0]?.params).toEqual({
      sid: 1,
      action: 'get_snapshot',
      market_tickers: [M1],
    });
    await vi.waitFor(() => expect(ws.isTrusted(M1)).toBe(true));
    expect([...ws.trust().keys()]).toEqual([M1]);
    expect(ws.trust().get(M1)).toMatchObject({ trusted: true, sid: 1 });
  });
});

describe('KalshiWebSocket get_snapshot failure (Kalshi-like error reply)', () => {
  it('falls back to unsubscribe + subscribe and withholds deltas until each market has its new snapshot', async () => {
    // Like Kalshi since 2026-09: a subscription-scoped error reply carries the sid and consumes a seq.
    const server = await startServer({
      snapshots: false,
      handler: (conn, c) => {
        if (c.cmd !== 'update_subscription') return false;
        const sid = c.params?.sid as number;
        conn.send({
          id: c.id,
          type: 'error',
          sid,
          seq: conn.nextSeq(sid),
          msg: { code: 18, msg: 'Command timeout' },
        });
        return true;
      },
    });
    const ws = client(server.url);
    const log: string[] = [];
    ws.on('orderbook_snapshot', (m) => log.push(`snapshot ${m.msg.market_ticker}@${m.sid}`));
    ws.on('orderbook_delta', (m) => log.push(`delta ${m.msg.market_ticker}@${m.sid} ${m.msg.price_dollars}`));
    await ws.connect();
    const sub = await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [M1, M2] });
    const conn = server.last;
    conn.snapshot(1, M1);
    conn.snapshot(1, M2);
    conn.delta(1, M1, '0.4100');
    await vi.waitFor(() => expect(log).toHaveLength(3));

    conn.skip(1);
    conn.delta(1, M1, '0.9900'); // gap: withheld
    conn.delta(1, M2, '0.9800'); // old sid, still in flight: withheld
    await vi.waitFor(() => expect(sub.sid).toBe(2));
    expect(conn.commandsOf('update_subscription')[0]?.params).toEqual({
      sid: 1,
      action: 'get_snapshot',
      market_tickers: [M1, M2],
    });
    expect(conn.commandsOf('unsubscribe')[0]?.params).toEqual({ sids: [1] });
    expect(conn.commandsOf('subscribe')[1]?.params).toEqual({
      channels: ['orderbook_delta'],
      market_tickers: [M1, M2],
    });

    conn.delta(2, M1, '0.9700'); // new sid, before its snapshot: withheld
    conn.snapshot(2, M1);
    conn.delta(2, M2, '0.9600'); // M2 has no new snapshot yet: withheld
    conn.delta(2, M1, '0.4200');
    conn.snapshot(2, M2);
    conn.delta(2, M2, '0.4300');
    await vi.waitFor(() => expect(log).toHaveLength(7));
    expect(log).toEqual([
      `snapshot ${M1}@1`,
      `snapshot ${M2}@1`,
      `delta ${M1}@1 0.4100`,
      `snapshot ${M1}@2`,
      `delta ${M1}@2 0.4200`,
      `snapshot ${M2}@2`,
      `delta ${M2}@2 0.4300`,
    ]);
    expect(ws.stats().untrustedDeltasDropped).toBe(4);
    expect(ws.stats().gaps).toBe(1);
  });
});
