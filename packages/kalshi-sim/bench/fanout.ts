/**
 * WebSocket fan-out: orderbook_delta frames per second delivered to N subscribers of one market.
 *
 * Run: node --conditions=@mnquants/source --import tsx bench/fanout.ts
 */
import { performance } from 'node:perf_hooks';
import { KalshiSigner } from '@mnquants/kalshi-sdk';
import WebSocket from 'ws';
import { LINEAR_CENT_RANGES } from '../src/engine/types.js';
import { KalshiSimulator } from '../src/simulator.js';

const TICKER = 'KXBENCH-26MAR13-T50';
const T0 = Date.UTC(2026, 2, 13, 14, 30);

async function setup() {
  const sim = new KalshiSimulator({ mode: 'manual', world: false, startTimeMs: T0 });
  sim.exchange.addSeries({
    ticker: 'KXBENCH',
    title: 'Bench',
    category: 'Financials',
    frequency: 'daily',
    feeType: 'quadratic',
    feeMultiplier: 1,
    tags: [],
    settlementSources: [],
    contractUrl: '',
    contractTermsUrl: '',
  });
  sim.exchange.addEvent({
    eventTicker: 'KXBENCH-26MAR13',
    seriesTicker: 'KXBENCH',
    title: 'Bench',
    subTitle: '',
    collateralReturnType: 'DIRECNET',
    mutuallyExclusive: false,
  });
  const r = sim.exchange.addMarket({
    ticker: TICKER,
    eventTicker: 'KXBENCH-26MAR13',
    title: 'Bench',
    subtitle: '',
    yesSubTitle: '',
    noSubTitle: '',
    rulesPrimary: '',
    rulesSecondary: '',
    strikeType: 'greater',
    floorStrike: 50,
    openTimeMs: T0 - 1,
    closeTimeMs: T0 + 3_600_000,
    expectedExpirationTimeMs: T0 + 3_600_000,
    latestExpirationTimeMs: T0 + 3_600_000,
    settlementTimerSeconds: 60,
    priceLevelStructure: 'linear_cent',
    priceRanges: LINEAR_CENT_RANGES,
    canCloseEarly: false,
  });
  if (!r.ok) throw new Error(r.error.message);
  sim.step();
  const addr = await sim.start({ port: 0 });
  return { sim, ...addr };
}

async function run(
  subscribers: number,
  events: number,
): Promise<{ frames: number; perSec: number; ms: number }> {
  const { sim, wsUrl } = await setup();
  try {
    const maker = sim.createUser({ balanceDollars: '1000000', keyType: 'ed25519' });
    const counts = new Array<number>(subscribers).fill(0);
    const sockets: WebSocket[] = [];
    for (let i = 0; i < subscribers; i++) {
      const user = sim.createUser({ keyType: 'ed25519' });
      const signer = new KalshiSigner({ apiKeyId: user.apiKeyId, privateKey: user.privateKeyPem });
      const ws = new WebSocket(wsUrl, { headers: { ...signer.headers('GET', '/trade-api/ws/v2') } });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      let snapshot = false;
      ws.on('message', (data) => {
        const text = data.toString();
        if (text.includes('"orderbook_delta"') && text.includes('"delta_fp"'))
          counts[i] = (counts[i] ?? 0) + 1;
        else if (text.includes('orderbook_snapshot')) snapshot = true;
      });
      ws.send(
        JSON.stringify({
          id: 1,
          cmd: 'subscribe',
          params: { channels: ['orderbook_delta'], market_ticker: TICKER },
        }),
      );
      while (!snapshot) await new Promise((r) => setTimeout(r, 1));
      sockets.push(ws);
    }
    const started = performance.now();
    // Each resting order adds one level change; alternate prices so every order is a new delta.
    for (let k = 0; k < events; k++) {
      const res = sim.exchange.createOrder(maker.userId, {
        ticker: TICKER,
        side: 'bid',
        priceUnits: 100 * (1 + (k % 40)),
        countUnits: 100,
        timeInForce: 'good_till_canceled',
      });
      if (!res.ok) throw new Error(res.error.message);
      if (k % 200 === 199) await new Promise((r) => setImmediate(r));
    }
    while (counts.some((c) => c < events)) await new Promise((r) => setTimeout(r, 1));
    const ms = performance.now() - started;
    for (const ws of sockets) ws.terminate();
    const frames = subscribers * events;
    return { frames, perSec: Math.round((frames / ms) * 1000), ms: Math.round(ms) };
  } finally {
    await sim.stop();
  }
}

/** Runs the fan-out benchmark and prints one line per subscriber count. */
export async function main(): Promise<void> {
  console.log('WebSocket fan-out (orderbook_delta, one market, loopback, same process)');
  for (const n of [1, 10, 50]) {
    const events = n === 1 ? 20_000 : n === 10 ? 5_000 : 1_000;
    const r = await run(n, events);
    console.log(
      `  ${String(n).padStart(3)} subscribers: ${String(r.frames).padStart(7)} frames in ${String(r.ms).padStart(5)} ms = ${r.perSec.toLocaleString('en-US')} frames/s`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
