/**
 * Matching-engine throughput: orders per second for a realistic mix of resting and crossing
 * orders on one market, with cancels keeping the book near a steady depth.
 *
 * Run: npm run bench -w @mnquants/kalshi-sim   (or node --conditions=@mnquants/source --import tsx bench/matching.ts)
 */
import { Exchange } from '../src/engine/exchange.js';
import { LINEAR_CENT_RANGES } from '../src/engine/types.js';
import { SeededRng } from '../src/world/rng.js';
import { World } from '../src/world/world.js';

const TICKER = 'KXBENCH-26JAN02-T1';

function setup() {
  let id = 0;
  const ex = new Exchange({ now: () => 1_000, newId: () => `o${++id}` });
  ex.addSeries({
    ticker: 'KXBENCH',
    title: '',
    category: '',
    frequency: 'daily',
    feeType: 'quadratic',
    feeMultiplier: 1,
    tags: [],
    settlementSources: [],
    contractUrl: '',
    contractTermsUrl: '',
  });
  ex.addEvent({
    eventTicker: 'KXBENCH-26JAN02',
    seriesTicker: 'KXBENCH',
    title: '',
    subTitle: '',
    collateralReturnType: '',
    mutuallyExclusive: false,
  });
  ex.addMarket({
    ticker: TICKER,
    eventTicker: 'KXBENCH-26JAN02',
    title: '',
    subtitle: '',
    yesSubTitle: '',
    noSubTitle: '',
    rulesPrimary: '',
    rulesSecondary: '',
    strikeType: 'greater',
    openTimeMs: 0,
    closeTimeMs: 1e15,
    expectedExpirationTimeMs: 1e15,
    latestExpirationTimeMs: 1e15,
    settlementTimerSeconds: 60,
    priceLevelStructure: 'linear_cent',
    priceRanges: LINEAR_CENT_RANGES,
    canCloseEarly: false,
  });
  return ex;
}

/** Orders/s for `n` operations: 45% resting limits, 20% crossing IoC, 35% cancels (steady depth). */
export function benchMatching(
  n: number,
  withListeners: boolean,
): { ordersPerSec: number; trades: number; resting: number } {
  const ex = setup();
  const users = Array.from({ length: 20 }, (_, i) => `u${i}`);
  for (const u of users) ex.deposit(u, 1e15);
  if (withListeners) {
    let sink = 0;
    ex.on('bookChanged', (e) => {
      sink += e.deltaUnits;
    });
    ex.on('orderUpdated', (e) => {
      sink += e.order.fillCountUnits;
    });
    ex.on('orderFilled', (e) => {
      sink += e.fill.countUnits;
    });
    ex.on('tradeExecuted', (e) => {
      sink += e.trade.countUnits;
    });
    ex.on('positionUpdated', (e) => {
      sink += e.position.positionUnits;
    });
    if (sink === Number.MIN_VALUE) console.log(sink);
  }
  const rng = new SeededRng(42);
  const live: [string, string][] = [];
  // Pre-generate the flow so the timer measures the engine only.
  const ops: {
    kind: number;
    user: string;
    side: 'bid' | 'ask';
    price: number;
    count: number;
    pick: number;
  }[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const side = rng.chance(0.5) ? 'bid' : 'ask';
    const kind = r < 0.45 ? 0 : r < 0.65 ? 1 : 2;
    // Resting orders sit 1-10 cents behind the 50c mid; crossing ones reach 1-5 cents through it.
    const off = kind === 0 ? rng.intBetween(1, 10) : -rng.intBetween(1, 5);
    const cents = side === 'bid' ? 50 - off : 50 + off;
    ops.push({
      kind,
      user: users[rng.int(users.length)] as string,
      side,
      price: cents * 100,
      count: rng.intBetween(1, 20) * 100,
      pick: rng.next(),
    });
  }
  let trades = 0;
  const t0 = performance.now();
  for (const op of ops) {
    if (op.kind === 2) {
      if (live.length === 0) continue;
      const idx = Math.floor(op.pick * live.length);
      const [user, id] = live[idx] as [string, string];
      live[idx] = live[live.length - 1] as [string, string];
      live.pop();
      ex.cancelOrder(user, id);
      continue;
    }
    const r = ex.createOrder(op.user, {
      ticker: TICKER,
      side: op.side,
      priceUnits: op.price,
      countUnits: op.count,
      timeInForce: op.kind === 0 ? 'good_till_canceled' : 'immediate_or_cancel',
      selfTradePreventionType: 'maker',
    });
    if (r.ok) {
      trades += r.fills.length;
      if (r.order.status === 'resting') live.push([op.user, r.order.orderId]);
    }
  }
  const dt = performance.now() - t0;
  return { ordersPerSec: Math.round(n / (dt / 1000)), trades, resting: live.length };
}

/** Sim seconds per real second of a full world (index, 30 markets, synthetic traders). */
export function benchWorld(simMinutes: number): { simSecPerSec: number; trades: number } {
  const world = new World({ seed: 1, startMs: Date.UTC(2026, 2, 13, 13, 30) });
  const t0 = performance.now();
  world.step(simMinutes * 60_000);
  const dt = performance.now() - t0;
  return {
    simSecPerSec: Math.round((simMinutes * 60) / (dt / 1000)),
    trades: world.exchange.getTrades().length,
  };
}

export function main(): void {
  benchMatching(20_000, false); // warm-up
  for (const withListeners of [false, true]) {
    const r = benchMatching(200_000, withListeners);
    console.log(
      `matching: ${r.ordersPerSec.toLocaleString('en-US')} orders/s (${withListeners ? 'with' : 'no'} event listeners; 200k ops: 45% resting, 20% crossing IoC, 35% cancel; ${r.trades} fills, ${r.resting} left resting)`,
    );
  }
  const w = benchWorld(60);
  console.log(
    `world: ${w.simSecPerSec.toLocaleString('en-US')} sim s per real s (1 sim hour, 30 markets, 5 synthetic traders; ${w.trades} trades)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
