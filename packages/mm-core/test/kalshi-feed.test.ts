/**
 * KalshiMarketDataFeed over a real KalshiWebSocket against a loopback `ws` server: snapshot and
 * delta conversion, and the trust signals (sequence gap, malformed frame, disconnect/reconnect).
 */
import { KalshiWebSocket } from '@mnquants/kalshi-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KalshiMarketDataFeed } from '../src/kalshi.js';
import type { BookDelta, BookSnapshot, FeedConnectionState } from '../src/model/types.js';
import type { MarketDataHandlers } from '../src/ports/market-data-feed.js';
import { FakeKalshiWs } from './support/fake-kalshi-ws.js';
import { waitFor } from './support/sim.js';

const T = 'KXINXU-26NOV25H1600-T6600';

function recorder() {
  const snapshots: BookSnapshot[] = [];
  const deltas: BookDelta[] = [];
  const untrusted: [string[], string][] = [];
  const states: FeedConnectionState[] = [];
  const handlers: MarketDataHandlers = {
    onBookSnapshot: (s) => snapshots.push(s),
    onBookDelta: (d) => deltas.push(d),
    onBookUntrusted: (t, r) => untrusted.push([[...t], r]),
    onTrade: () => {},
    onFill: () => {},
    onOrderUpdate: () => {},
    onLifecycle: () => {},
    onConnectionState: (s) => states.push(s),
  };
  return { snapshots, deltas, untrusted, states, handlers };
}

describe('KalshiMarketDataFeed', () => {
  let server: FakeKalshiWs;
  let feed: KalshiMarketDataFeed;
  let rec: ReturnType<typeof recorder>;

  beforeEach(async () => {
    server = await FakeKalshiWs.start();
    const socket = new KalshiWebSocket({
      url: server.url,
      reconnect: { baseDelayMs: 10, maxDelayMs: 20 },
    });
    feed = new KalshiMarketDataFeed({ socket, trades: false, nowMs: () => 1_000 });
    rec = recorder();
    await feed.start([T], rec.handlers);
  });

  afterEach(async () => {
    await feed.stop();
    await server.stop();
  });

  it('subscribes books for the markets, our orders and fills, and lifecycle events', () => {
    const subs = server.commands.filter((c) => c.cmd === 'subscribe').map((c) => c.params);
    expect(subs).toEqual([
      { channels: ['orderbook_delta'], market_tickers: [T] },
      { channels: ['user_orders', 'fill'] },
      { channels: ['market_lifecycle_v2'] },
    ]);
    expect(rec.states).toEqual(['connecting', 'connected']);
  });

  it('converts a snapshot to fixed-point YES and NO ladders (NO in NO terms)', async () => {
    server.snapshot(
      T,
      [
        ['0.4200', '10.00'],
        ['0.4150', '0.50'],
      ],
      [['0.5500', '5.00']],
    );
    await waitFor(() => rec.snapshots.length === 1);
    expect(rec.snapshots[0]).toEqual({
      marketTicker: T,
      tsMs: 1_000,
      yes: [
        { priceUnits: 4_200, countUnits: 1_000 },
        { priceUnits: 4_150, countUnits: 50 },
      ],
      no: [{ priceUnits: 5_500, countUnits: 500 }],
    });
  });

  it('converts deltas as signed changes to a level', async () => {
    server.snapshot(T, [['0.4200', '10.00']], [['0.5500', '5.00']]);
    server.delta(T, 'no', '0.5500', '-2.50');
    server.delta(T, 'yes', '0.4300', '1.00');
    await waitFor(() => rec.deltas.length === 2);
    expect(rec.deltas.map((d) => [d.outcome, d.priceUnits, d.deltaCountUnits])).toEqual([
      ['no', 5_500, -250],
      ['yes', 4_300, 100],
    ]);
  });

  it('reports a sequence gap as untrusted and asks for a fresh snapshot', async () => {
    server.snapshot(T, [['0.4200', '10.00']], []);
    await waitFor(() => rec.snapshots.length === 1);
    server.skipSeq('orderbook_delta');
    server.delta(T, 'yes', '0.4200', '1.00');
    await waitFor(() => rec.untrusted.length > 0);
    expect(rec.untrusted[0]?.[0]).toEqual([T]);
    expect(rec.deltas).toEqual([]); // the gapped delta is not applied
    await waitFor(() =>
      server.commands.some((c) => c.cmd === 'update_subscription' && c.params?.action === 'get_snapshot'),
    );
  });

  it('reports a malformed book frame as untrusted for that market', async () => {
    server.snapshot(T, [['0.4200', '10.00']], []);
    await waitFor(() => rec.snapshots.length === 1);
    server.delta(T, 'yes', 'not-a-price', '1.00');
    await waitFor(() => rec.untrusted.length > 0);
    expect(rec.untrusted[0]?.[0]).toEqual([T]);
    expect(rec.deltas).toEqual([]);
  });

  it('asks for snapshots of the markets the core found inconsistent', async () => {
    feed.requestSnapshot([T]);
    await waitFor(() =>
      server.commands.some(
        (c) =>
          c.cmd === 'update_subscription' &&
          c.params?.action === 'get_snapshot' &&
          c.params.sid === server.sidOf('orderbook_delta'),
      ),
    );
  });

  it('reports a dropped socket as disconnected, then reconnected after resubscribing', async () => {
    server.drop();
    await waitFor(() => rec.states.includes('reconnected'));
    expect(rec.states.slice(2)).toEqual(['disconnected', 'reconnected']);
    expect(server.connections).toBe(2);
    // Every channel subscribed again on the new socket (user_orders and fill share one command).
    expect([...server.sids.values()].sort()).toEqual([
      'fill',
      'market_lifecycle_v2',
      'orderbook_delta',
      'user_orders',
    ]);
  });
});
