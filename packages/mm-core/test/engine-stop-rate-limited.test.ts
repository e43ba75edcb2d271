/**
 * End to end against the simulator on a Basic-tier write budget: creates queued in the SDK's
 * client-side rate limiter when `stop()` begins are withdrawn, never sent afterwards.
 */
import type { KalshiClient, KalshiWebSocket } from '@mnquants/kalshi-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine.js';
import { KalshiMarketDataFeed, KalshiOrderGateway } from '../src/kalshi.js';
import type { DesiredQuote, Strategy, StrategyContext, StrategyDecision } from '../src/strategy/strategy.js';
import { startSim, TICKER, waitFor } from './support/sim.js';

const LEVELS = 15;

/** Quotes a fixed ladder of 15 one-contract levels a side: 30 creates, three times the Basic write burst. */
class Ladder implements Strategy {
  onStart(ctx: StrategyContext): StrategyDecision {
    const quotes: DesiredQuote[] = [];
    for (let i = 1; i <= LEVELS; i++) {
      quotes.push({ side: 'bid', priceUnits: i * 100, countUnits: 100 });
      quotes.push({ side: 'ask', priceUnits: 10_000 - i * 100, countUnits: 100 });
    }
    return ctx.marketTickers.map((marketTicker) => ({ marketTicker, quotes }));
  }
}

describe('Engine.stop() with creates waiting in the rate limiter', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  let mm: { client: KalshiClient };
  let socket: KalshiWebSocket;
  let engine: Engine;
  /** When each create request left the process (performance.now()). */
  const createsSent: number[] = [];

  beforeAll(async () => {
    env = await startSim();
    const recordingFetch: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
      if (method === 'POST' && new URL(url).pathname.endsWith('/portfolio/events/orders')) {
        createsSent.push(performance.now());
      }
      return fetch(input, init);
    };
    mm = env.user('10000', 'basic', { rateLimit: 'basic', fetch: recordingFetch });
    socket = mm.client.createWebSocket({ reconnect: { baseDelayMs: 20, maxDelayMs: 100 } });
    engine = new Engine({
      markets: [TICKER],
      strategy: new Ladder(),
      feed: new KalshiMarketDataFeed({ socket }),
      gateway: new KalshiOrderGateway({ client: mm.client }),
      risk: {
        maxOrderCountUnits: 1_000,
        maxPositionCountUnits: 10_000,
        maxTotalExposureMicros: 1_000_000_000,
      },
      orders: { unknownResolveDelayMs: 50, maxBatchSize: 1 },
      timerIntervalMs: 0,
      reconcileIntervalMs: 0,
      stopTimeoutMs: 10_000,
    });
  });

  afterAll(async () => {
    if (engine.state === 'running') await engine.stop();
    await env.close();
  });

  it('sends no create after stop() begins and leaves nothing resting', async () => {
    let placed = 0;
    engine.on('orderPlaced', () => placed++);
    await engine.start();
    await waitFor(() => placed > 0);
    const stopAt = performance.now();
    const clean = await engine.stop();
    const sentAfterStop = createsSent.filter((t) => t > stopAt);
    expect(sentAfterStop).toEqual([]);
    // The scenario did exercise the queue: some creates were still waiting when the stop began.
    expect(createsSent.length).toBeLessThan(2 * LEVELS);
    expect(clean).toBe(true);
    const all = await mm.client.orders.list({ ticker: TICKER });
    expect(all.orders.filter((o) => o.status === 'resting')).toEqual([]);
    // Every order the venue ever received was sent before the stop (one aborted on the wire may not land).
    expect(all.orders.length).toBeGreaterThan(0);
    expect(all.orders.length).toBeLessThanOrEqual(createsSent.length);
  });
});
