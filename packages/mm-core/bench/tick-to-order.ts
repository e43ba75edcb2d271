/**
 * Tick-to-order latency: from an `orderbook_delta` frame arriving on the socket to the resulting
 * order request leaving the process (the `fetch` call), against the simulator on loopback.
 */
import { performance } from 'node:perf_hooks';
import { KalshiClient, KalshiSigner } from '@mnquants/kalshi-sdk';
import WebSocket from 'ws';
import { Engine } from '../src/engine/engine.js';
import { KalshiMarketDataFeed, KalshiOrderGateway } from '../src/kalshi.js';
import type { Strategy, StrategyContext, StrategyDecision } from '../src/strategy/strategy.js';
import { startSim, TICKER } from '../test/support/sim.js';

let lastDeltaAt = 0;
let pendingDelta = false;

class TimedWebSocket extends WebSocket {
  constructor(url: string, options: WebSocket.ClientOptions) {
    super(url, options);
    this.on('message', (data: WebSocket.RawData) => {
      // Registered before the SDK's listener: this is the moment the frame reaches user land.
      const now = performance.now();
      if (data.toString().includes('"orderbook_delta"')) {
        lastDeltaAt = now;
        pendingDelta = true;
      }
    });
  }
}

/** Bids one cent above the best bid of other participants. */
class BidAboveOthers implements Strategy {
  onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
    const book = ctx.book(marketTicker);
    if (book === undefined) return undefined;
    const own = ctx.openOrders(marketTicker);
    const ownAt = (p: number) =>
      own
        .filter((o) => o.side === 'bid' && o.priceUnits === p)
        .reduce((s, o) => s + o.remainingCountUnits, 0);
    const best = book.depth('yes').find((l) => l.countUnits > ownAt(l.priceUnits))?.priceUnits;
    if (best === undefined) return [{ marketTicker, quotes: [] }];
    return [{ marketTicker, quotes: [{ side: 'bid', priceUnits: best + 100, countUnits: 100 }] }];
  }
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchTickToOrder(events: number): Promise<Record<string, string>> {
  const env = await startSim();
  const u = env.sim.createUser({ balanceDollars: '1000000', keyType: 'ed25519', tier: 'prestige' });
  const signer = new KalshiSigner({ apiKeyId: u.apiKeyId, privateKey: u.privateKeyPem });
  const signMs: number[] = [];
  const sign = signer.headers.bind(signer);
  signer.headers = ((...args: Parameters<KalshiSigner['headers']>) => {
    const t0 = performance.now();
    const h = sign(...args);
    signMs.push(performance.now() - t0);
    return h;
  }) as KalshiSigner['headers'];
  const samples: number[] = [];
  const timedFetch: typeof fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (pendingDelta && method !== 'GET') {
      samples.push(performance.now() - lastDeltaAt);
      pendingDelta = false;
    }
    return fetch(input, init);
  };
  const mm = new KalshiClient({
    restUrl: env.restUrl,
    wsUrl: env.wsUrl,
    signer,
    fetch: timedFetch,
    useEnv: false,
    maxRetries: 0,
    rateLimit: false,
  });
  const other = env.user('1000000', 'prestige').client;
  await other.orders.create({
    ticker: TICKER,
    side: 'bid',
    price: '0.40',
    count: '10',
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'taker_at_cross',
  });
  const engine = new Engine({
    markets: [TICKER],
    strategy: new BidAboveOthers(),
    feed: new KalshiMarketDataFeed({
      socket: mm.createWebSocket({ WebSocket: TimedWebSocket }),
      trades: false,
    }),
    gateway: new KalshiOrderGateway({ client: mm }),
    risk: { maxOrderCountUnits: 1_000, maxPositionCountUnits: 10_000, maxTotalExposureMicros: 1_000_000_000 },
    timerIntervalMs: 0,
    reconcileIntervalMs: 0,
  });
  await engine.start();
  const settled = async (target: number) => {
    for (let i = 0; i < 100_000; i++) {
      const open = engine.context.openOrders(TICKER);
      if (open.length === 1 && open[0]!.state === 'working' && open[0]!.priceUnits === target) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`engine did not converge to ${target}`);
  };
  await settled(4_100);
  samples.length = 0;
  signMs.length = 0;
  let extra: string | undefined;
  const t0 = performance.now();
  for (let i = 0; i < events; i++) {
    if (extra === undefined) {
      const r = await other.orders.create({
        ticker: TICKER,
        side: 'bid',
        price: '0.42',
        count: '1',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'taker_at_cross',
      });
      extra = r.order_id;
      await settled(4_300);
    } else {
      await other.orders.cancel(extra);
      extra = undefined;
      await settled(4_100);
    }
  }
  const elapsed = (performance.now() - t0) / 1_000;
  await engine.stop();
  mm.close();
  await env.close();
  const s = [...samples].sort((a, b) => a - b);
  const g = [...signMs].sort((a, b) => a - b);
  const us = (ms: number) => `${(ms * 1_000).toFixed(0)} us`;
  return {
    'events (book change -> amend)': `${samples.length} in ${elapsed.toFixed(1)} s`,
    'tick-to-order p50': us(pct(s, 50)),
    'tick-to-order p99': us(pct(s, 99)),
    'tick-to-order max': us(s[s.length - 1] ?? 0),
    'of which request signing p50 / p99 (Ed25519)': `${us(pct(g, 50))} / ${us(pct(g, 99))}`,
  };
}
