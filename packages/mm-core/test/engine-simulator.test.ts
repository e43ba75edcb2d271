/**
 * End to end: the Engine with the Kalshi adapter against @mnquants/kalshi-sim over loopback
 * (real HTTP + WebSocket, real request signing).
 */
import type { KalshiClient, KalshiWebSocket } from '@mnquants/kalshi-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookExcludingOwn } from '../src/book/own-orders.js';
import { Engine } from '../src/engine/engine.js';
import { KalshiMarketDataFeed, KalshiOrderGateway } from '../src/kalshi.js';
import type { Strategy, StrategyContext, StrategyDecision } from '../src/strategy/strategy.js';
import { startSim, TICKER, waitFor } from './support/sim.js';

/** Quotes one cent inside the best bid/ask of other participants (our own orders excluded), 5 contracts a side. */
class PennyInside implements Strategy {
  onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
    const book = ctx.book(marketTicker);
    if (book === undefined) return undefined;
    const others = bookExcludingOwn(book, ctx.openOrders(marketTicker));
    const { yesBid: bid, yesAsk: ask } = others;
    if (bid === undefined || ask === undefined || ask - bid < 300) return [{ marketTicker, quotes: [] }];
    return [
      {
        marketTicker,
        quotes: [
          { side: 'bid', priceUnits: bid + 100, countUnits: 500 },
          { side: 'ask', priceUnits: ask - 100, countUnits: 500 },
        ],
      },
    ];
  }
}

const order = (side: 'bid' | 'ask', price: string, count: string, tif = 'good_till_canceled') => ({
  ticker: TICKER,
  side,
  price,
  count,
  time_in_force: tif as 'good_till_canceled',
  self_trade_prevention_type: 'taker_at_cross' as const,
});

describe('Engine against the simulator', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  let mm: { client: KalshiClient; user: { userId: string } };
  let other: { client: KalshiClient };
  let socket: KalshiWebSocket;
  let engine: Engine;
  const events: string[] = [];

  const resting = async () => (await mm.client.orders.list({ status: 'resting', ticker: TICKER })).orders;
  const restingAt = async (side: 'bid' | 'ask', price: string) =>
    (await resting()).some((o) => o.book_side === side && o.yes_price_dollars === price);

  beforeAll(async () => {
    env = await startSim();
    mm = env.user();
    other = env.user();
    // A book for the strategy to quote inside: YES 40 bid / 60 ask.
    await other.client.orders.create(order('bid', '0.40', '20'));
    await other.client.orders.create(order('ask', '0.60', '20'));
    socket = mm.client.createWebSocket({ reconnect: { baseDelayMs: 20, maxDelayMs: 100 } });
    engine = new Engine({
      markets: [TICKER],
      strategy: new PennyInside(),
      feed: new KalshiMarketDataFeed({ socket }),
      gateway: new KalshiOrderGateway({ client: mm.client }),
      risk: { maxOrderCountUnits: 1_000, maxPositionCountUnits: 1_000, maxTotalExposureMicros: 100_000_000 },
      orders: { unknownResolveDelayMs: 50 },
      timerIntervalMs: 0,
      reconcileIntervalMs: 0,
    });
    engine.on('engineError', (e) => events.push(`error:${e.message}`));
    for (const e of ['bookUntrusted', 'bookTrusted', 'reconnected', 'killSwitchTripped'] as const) {
      engine.on(e, () => events.push(e));
    }
    engine.on('quoteUpdated', (_t, q) => events.push(`quotes:${q.length}`));
    engine.on('orderDenied', (d) => events.push(`denied:${d.reason}`));
    await engine.start();
  });

  afterAll(async () => {
    if (engine.state === 'running') await engine.stop();
    await env.close();
  });

  it('quotes one cent inside the touch', async () => {
    await waitFor(async () => (await restingAt('bid', '0.4100')) && (await restingAt('ask', '0.5900')));
    expect(engine.state).toBe('running');
  });

  it('gets filled, tracks the position, and replenishes the quote', async () => {
    const fills: number[] = [];
    engine.on('orderFilled', (_f, pos) => fills.push(pos.positionCountUnits));
    await other.client.orders.create(order('ask', '0.41', '2', 'immediate_or_cancel'));
    await waitFor(() => fills.length > 0);
    expect(engine.context.position(TICKER).positionCountUnits).toBe(200);
    await waitFor(
      async () => (await resting()).find((o) => o.book_side === 'bid')?.remaining_count_fp === '5.00',
    );
  });

  it('reprices when the touch moves', async () => {
    await other.client.orders.create(order('bid', '0.45', '10'));
    await waitFor(() => restingAt('bid', '0.4600'));
    expect((await resting()).filter((o) => o.book_side === 'bid')).toHaveLength(1);
  });

  it('survives a dropped socket: quotes pulled, reconnect, quoting resumes', async () => {
    events.length = 0;
    env.sim.faults.dropWebSockets({ userId: mm.user.userId });
    await waitFor(() => events.includes('reconnected'));
    expect(events.indexOf('bookUntrusted')).toBeLessThan(events.indexOf('quotes:0'));
    await waitFor(async () => (await restingAt('bid', '0.4600')) && (await restingAt('ask', '0.5900')));
  });

  it('handles a sequence gap: book untrusted -> quotes pulled -> snapshot -> quoting resumes', async () => {
    events.length = 0;
    env.sim.faults.skipSeq({ channel: 'orderbook_delta', userId: mm.user.userId });
    await other.client.orders.create(order('bid', '0.30', '1'));
    await waitFor(() => events.includes('bookTrusted'));
    const untrusted = events.indexOf('bookUntrusted');
    expect(untrusted).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('quotes:0')).toBeGreaterThan(untrusted);
    expect(events.indexOf('bookTrusted')).toBeGreaterThan(untrusted);
    await waitFor(async () => (await restingAt('bid', '0.4600')) && (await restingAt('ask', '0.5900')));
  });

  it('stops bidding at the position limit', async () => {
    events.length = 0;
    // Sell into our bid until we are long 10 contracts (the limit); the bid shrinks to the headroom, then goes.
    const pos = () => engine.context.position(TICKER).positionCountUnits;
    while (pos() < 1_000) {
      const before = pos();
      const bid = await waitFor(async () => (await resting()).find((o) => o.book_side === 'bid'));
      await other.client.orders.create(
        order('ask', bid.yes_price_dollars, bid.remaining_count_fp, 'immediate_or_cancel'),
      );
      await waitFor(() => pos() > before);
    }
    await waitFor(() => engine.context.position(TICKER).positionCountUnits === 1_000);
    await waitFor(async () => (await resting()).every((o) => o.book_side !== 'bid'));
    expect(events).toContain('denied:MAX_POSITION');
    expect(await restingAt('ask', '0.5900')).toBe(true);
  });

  it('trips the kill switch: nothing resting, verified, stays halted', async () => {
    const report = await engine.killSwitch('test');
    expect(report.verified).toBe(true);
    expect(await resting()).toEqual([]);
    expect(engine.tradingState).toBe('halted');
    await other.client.orders.create(order('bid', '0.44', '1'));
    await new Promise((r) => setTimeout(r, 50));
    expect(await resting()).toEqual([]);
  });

  it('stops with no order left resting', async () => {
    engine.resume();
    await waitFor(async () => (await resting()).length > 0);
    expect(await engine.stop()).toBe(true);
    expect(await resting()).toEqual([]);
    expect(engine.state).toBe('stopped');
  });
});
