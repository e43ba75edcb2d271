import { afterEach, describe, expect, it } from 'vitest';
import { KalshiSimulator } from '../src/simulator.js';

const OPEN = Date.UTC(2026, 2, 13, 13, 30); // 09:30 ET (EDT)

describe('simulator with a world', () => {
  const sims: KalshiSimulator[] = [];
  afterEach(async () => {
    for (const s of sims.splice(0)) await s.stop();
  });
  async function start(seed: number) {
    const sim = new KalshiSimulator({ mode: 'manual', seed, startTimeMs: OPEN });
    sims.push(sim);
    return { sim, ...(await sim.start()) };
  }

  it('serves the S&P 500 reference on /x-sim/index without auth', async () => {
    const { sim, restUrl } = await start(3);
    sim.step(60_000);
    const res = await fetch(`${restUrl}/x-sim/index`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body.index.symbol).toBe('^GSPC');
    expect(body.index.value).toMatch(/^\d+\.\d{2}$/);
    expect(body.volatility.symbol).toBe('^VIX');
    expect(body.volatility.value).toMatch(/^\d+\.\d{2}$/);
    expect(body.sim_time_ms).toBe(OPEN + 60_000);
    expect(body.index.ts_ms).toBe(OPEN + 60_000);
    expect(body.speed).toBe(0);
    expect(body.session.close_ts_ms).toBeGreaterThan(body.session.open_ts_ms);
  });

  it('lists the world markets over REST and trades when stepped', async () => {
    const { sim, restUrl } = await start(3);
    const markets = (await (await fetch(`${restUrl}/markets?status=open&limit=1000`)).json()) as {
      markets: { ticker: string }[];
    };
    expect(markets.markets.length).toBeGreaterThan(0);
    sim.step(5 * 60_000);
    const trades = (await (await fetch(`${restUrl}/markets/trades?limit=5`)).json()) as { trades: unknown[] };
    expect(trades.trades.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', async () => {
    const a = await start(11);
    const b = await start(11);
    a.sim.step(120_000);
    b.sim.step(120_000);
    const tape = async (url: string) =>
      (await (await fetch(`${url}/markets/trades?limit=50`)).json()) as unknown;
    expect(await tape(a.restUrl)).toEqual(await tape(b.restUrl));
  });

  it('answers 503 on /x-sim/index without a world', async () => {
    const sim = new KalshiSimulator({ mode: 'manual', world: false });
    sims.push(sim);
    const { restUrl } = await sim.start();
    const res = await fetch(`${restUrl}/x-sim/index`);
    expect(res.status).toBe(503);
  });
});

describe('real-time mode', () => {
  it('advances the world from a timer and stops it on stop()', async () => {
    const sim = new KalshiSimulator({ speed: 1_000, startTimeMs: OPEN, tickIntervalMs: 10 });
    const { restUrl } = await sim.start();
    try {
      const read = async () =>
        (await (await fetch(`${restUrl}/x-sim/index`)).json()) as { sim_time_ms: number; speed: number };
      const first = await read();
      expect(first.speed).toBe(1_000);
      let later = first;
      while (later.sim_time_ms <= first.sim_time_ms + 5_000) later = await read();
      expect(later.sim_time_ms).toBeGreaterThan(first.sim_time_ms);
    } finally {
      await sim.stop();
    }
    const frozen = sim.exchange.nowMs();
    await new Promise((r) => setTimeout(r, 30));
    expect(sim.world?.nowMs()).toBe(frozen);
  });
});
