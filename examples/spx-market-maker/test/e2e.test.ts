import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KalshiSimulator } from '@mnquants/kalshi-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotResult, runBot } from '../src/bot.js';
import { type BotConfig, defaultConfig } from '../src/config.js';
import { createLogger } from '../src/logging.js';

/**
 * The bot runs a short accelerated session against the simulator in-process, over real loopback
 * HTTP and WebSocket with signed requests, exactly as `npm start` does; then we look at the
 * simulator's own records, not the bot's, to judge it.
 */
const SPEED = 300;
const config: BotConfig = {
  ...defaultConfig(),
  seed: 7,
  speed: SPEED,
  durationSec: 12,
  status: 'off',
  quoteSizeUnits: 500,
  maxOrderSizeUnits: 1_000,
  maxPositionUnits: 1_000,
};

let sim: KalshiSimulator;
let dir: string;
let result: BotResult;
const printed: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spx-e2e-'));
  sim = new KalshiSimulator({ seed: config.seed, speed: SPEED });
  await sim.start({ port: 0, host: '127.0.0.1' });
  const logFile = join(dir, 'trading.log');
  const { logger, close } = createLogger({ file: logFile, level: 'info', console: null });
  // Midway, the exchange drops every WebSocket: the bot must reconnect and reconcile.
  const drop = setTimeout(() => sim.faults.dropWebSockets(), 5_000);
  try {
    result = await runBot(
      { ...config, logFile },
      {
        logger,
        signal: new AbortController().signal,
        panel: null,
        print: (line) => printed.push(line),
        simulator: sim,
      },
    );
  } finally {
    clearTimeout(drop);
    await close();
  }
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const user = () => {
  expect(result.simUserId).not.toBeNull();
  return result.simUserId!;
};

describe('a short session against the simulator', () => {
  it('stops cleanly after its duration, exit code 0', () => {
    expect(result.stopReason).toBe('duration 12s reached');
    expect(result.clean).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('quoted both sides of the markets it selected', () => {
    expect(result.markets.length).toBeGreaterThanOrEqual(5);
    expect(result.stats.ordersPlaced).toBeGreaterThan(0);
    const orders = sim.exchange.listOrders(user());
    expect(new Set(orders.map((o) => o.bookSide))).toEqual(new Set(['bid', 'ask']));
    expect(orders.every((o) => result.markets.includes(o.ticker))).toBe(true);
  });

  it('survived a dropped WebSocket: reconnected and reconciled', () => {
    expect(result.stats.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('traded, and its fill count matches the exchange', () => {
    const fills = sim.exchange.getFills(user());
    expect(fills.length).toBeGreaterThan(0);
    expect(result.summary?.fills).toBe(fills.length);
  });

  it('never breached its order-size or position limits', () => {
    for (const o of sim.exchange.listOrders(user())) {
      expect(o.initialCountUnits).toBeLessThanOrEqual(config.maxOrderSizeUnits);
    }
    for (const f of sim.exchange.getFills(user())) {
      expect(Math.abs(f.postPositionUnits)).toBeLessThanOrEqual(config.maxPositionUnits);
    }
    expect(result.summary!.maxAbsPositionUnits).toBeLessThanOrEqual(config.maxPositionUnits);
  });

  it('left no order resting', () => {
    expect(sim.exchange.listOrders(user(), { status: 'resting' })).toEqual([]);
  });

  it("reports the same P&L as the simulator's account", () => {
    const start = config.simBalanceMicros;
    const cash = sim.exchange.getBalance(user()).cashMicros;
    let positionsValue = 0;
    for (const p of sim.exchange.getPositions(user())) {
      if (p.positionUnits === 0) continue;
      const mark = result.marks[p.ticker];
      expect(mark, `mark for ${p.ticker}`).toBeDefined();
      positionsValue += p.positionUnits > 0 ? p.positionUnits * mark! : -p.positionUnits * (10_000 - mark!);
    }
    expect(result.summary!.netPnlMicros).toBe(cash - start + positionsValue);
    expect(result.venueCheck?.venuePnlMicros).toBe(result.summary!.netPnlMicros);
  });

  it('prints the summary and writes the log without secrets', () => {
    const text = printed.join('\n');
    expect(text).toContain('session summary');
    expect(text).toContain('(matches)');
    const log = readFileSync(join(dir, 'trading.log'), 'utf8');
    expect(log).toContain('"msg":"fill"');
    expect(log).not.toContain('PRIVATE KEY');
  });
});

describe('the kill switch', () => {
  let killSim: KalshiSimulator;
  let killDir: string;
  let killed: BotResult;

  beforeAll(async () => {
    killDir = mkdtempSync(join(tmpdir(), 'spx-kill-'));
    killSim = new KalshiSimulator({ seed: config.seed, speed: SPEED });
    await killSim.start({ port: 0, host: '127.0.0.1' });
    // A wildly wrong volatility makes the informed traders pick the bot off: it must lose.
    const { logger, close } = createLogger({
      file: join(killDir, 'trading.log'),
      level: 'info',
      console: null,
    });
    try {
      killed = await runBot(
        { ...config, durationSec: 30, volatilityPct: 300, maxLossMicros: 500_000 },
        { logger, signal: new AbortController().signal, panel: null, print: () => {}, simulator: killSim },
      );
    } finally {
      await close();
    }
  }, 60_000);

  afterAll(async () => {
    await killSim?.stop();
    if (killDir !== undefined) rmSync(killDir, { recursive: true, force: true });
  });

  it('trips on the loss limit, stops with exit code 3 and leaves nothing resting', () => {
    expect(killed.stopReason).toBe('kill switch: MAX_LOSS');
    expect(killed.exitCode).toBe(3);
    expect(killed.summary!.netPnlMicros).toBeLessThan(0);
    expect(killSim.exchange.listOrders(killed.simUserId!, { status: 'resting' })).toEqual([]);
  });
});
