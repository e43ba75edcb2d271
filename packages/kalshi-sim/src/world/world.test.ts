import { describe, expect, it } from 'vitest';
import { Exchange } from '../engine/exchange.js';
import { defaultSessionStartMs, easternToUtcMs, SimClock } from './clock.js';
import { SeededRng } from './rng.js';
import { buildSpxSession, fairProbability, resolvesYes } from './spx-markets.js';
import { SyntheticIndex } from './synthetic-index.js';
import { World } from './world.js';

const OPEN = Date.UTC(2026, 2, 13, 13, 30); // Fri 2026-03-13 09:30 EDT

describe('SeededRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = new SeededRng(5);
    const b = new SeededRng(5);
    const c = new SeededRng(6);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('produces UUID-shaped ids', () => {
    expect(new SeededRng(1).uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('SimClock', () => {
  it('runs at speed x real time', () => {
    let real = 1_000;
    const clock = new SimClock({ startMs: OPEN, speed: 39, realNowMs: () => real });
    real += 10 * 60_000;
    expect(clock.nowMs() - OPEN).toBe(6.5 * 3_600_000);
  });

  it('moves only by hand in manual mode', () => {
    const clock = new SimClock({ startMs: OPEN, mode: 'manual' });
    clock.advance(1_500);
    expect(clock.nowMs()).toBe(OPEN + 1_500);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  it('defaults to 09:30 ET of the next weekday, handling DST', () => {
    expect(defaultSessionStartMs(Date.UTC(2026, 2, 14, 15))).toBe(Date.UTC(2026, 2, 16, 13, 30)); // Sat -> Mon EDT
    expect(defaultSessionStartMs(Date.UTC(2026, 0, 7, 15))).toBe(Date.UTC(2026, 0, 7, 14, 30)); // Wed EST
    expect(easternToUtcMs(2026, 3, 13, 16, 0)).toBe(Date.UTC(2026, 2, 13, 20, 0));
  });
});

describe('SyntheticIndex', () => {
  it('is deterministic and keeps vol within bounds', () => {
    const run = () => {
      const idx = new SyntheticIndex(new SeededRng(3), OPEN, { minVol: 0.12, maxVol: 0.3 });
      for (let i = 0; i < 23_400; i++) idx.step(1_000);
      return idx;
    };
    const a = run();
    expect(run().value).toBe(a.value);
    for (const p of a.path()) expect(p.vol >= 0.12 && p.vol <= 0.3).toBe(true);
    expect(a.path()).toHaveLength(23_401);
    expect(Math.abs(Math.log(a.value / 6_700))).toBeLessThan(0.2);
  });
});

describe('S&P markets', () => {
  it('builds KXINX buckets with tails and a KXINXU ladder', () => {
    const s = buildSpxSession(OPEN, 6_702.5, { bucketsEachSide: 2, ladderEachSide: 1 });
    expect(s.events.map((e) => [e.eventTicker, e.collateralReturnType])).toEqual([
      ['KXINX-26MAR13H1600', 'MECNET'],
      ['KXINXU-26MAR13H1600', 'DIRECNET'],
    ]);
    expect(s.markets.map((m) => m.ticker)).toEqual([
      'KXINX-26MAR13H1600-T6649.9999',
      'KXINX-26MAR13H1600-B6662',
      'KXINX-26MAR13H1600-B6687',
      'KXINX-26MAR13H1600-B6712',
      'KXINX-26MAR13H1600-B6737',
      'KXINX-26MAR13H1600-B6762',
      'KXINX-26MAR13H1600-T6775',
      'KXINXU-26MAR13H1600-T6674.9999',
      'KXINXU-26MAR13H1600-T6699.9999',
      'KXINXU-26MAR13H1600-T6724.9999',
    ]);
    expect(s.closeTimeMs).toBe(Date.UTC(2026, 2, 13, 20, 0));
  });

  it('range buckets partition 2-decimal index values: exactly one resolves YES', () => {
    const s = buildSpxSession(OPEN, 6_702.5, { bucketsEachSide: 3 });
    const range = s.markets.filter((m) => m.eventTicker.startsWith('KXINX-'));
    for (const v of [6_500, 6_649.99, 6_650, 6_674.99, 6_675, 6_700, 6_799.99, 6_800, 7_000])
      expect(range.filter((m) => resolvesYes(m, v))).toHaveLength(1);
  });

  it('bucket probabilities sum to 1', () => {
    const s = buildSpxSession(OPEN, 6_702.5);
    const range = s.markets.filter((m) => m.eventTicker.startsWith('KXINX-'));
    const sum = range.reduce((acc, m) => acc + fairProbability(m, 6_710, 0.18, 0.002), 0);
    expect(sum).toBeCloseTo(1, 4);
  });
});

describe('World', () => {
  function tape(seed: number, external: boolean) {
    const world = new World({ seed, startMs: OPEN });
    for (let i = 0; i < 600; i++) {
      if (external && i === 100) {
        const t = world.sessions[0]?.markets[5]?.ticker as string;
        world.exchange.deposit('ext', 100_000_000);
        world.exchange.createOrder('ext', {
          ticker: t,
          side: 'bid',
          priceUnits: 9_900,
          countUnits: 500,
          timeInForce: 'immediate_or_cancel',
        });
      }
      world.step(1_000);
    }
    return world.exchange
      .getTrades()
      .map((t) => [t.tradeId, t.ticker, t.yesPriceUnits, t.countUnits, t.takerUserId, t.makerUserId, t.tsMs]);
  }

  it('produces the same trade tape for the same seed and inputs', () => {
    const a = tape(11, true);
    expect(a.length).toBeGreaterThan(20);
    expect(tape(11, true)).toEqual(a);
  });

  it('produces a different tape for a different seed', () => {
    expect(tape(12, false)).not.toEqual(tape(11, false));
  });

  it('keeps books two-sided around the fair value during the session', () => {
    const world = new World({ seed: 2, startMs: OPEN });
    world.step(30_000);
    const atm = world.sessions[0]?.markets.find(
      (m) => m.ticker.includes('KXINXU') && m.floorStrike === 6_699.9999,
    );
    const top = world.exchange.getTopOfBook(atm?.ticker as string);
    expect(top?.yesBidUnits).toBeGreaterThan(0);
    expect(top?.yesAskUnits).toBeLessThan(10_000);
  });

  it('determines at 16:00 ET from the index and settles after the timer, then lists the next weekday', () => {
    const world = new World({ seed: 4, startMs: OPEN, makers: 1, noiseTakers: 1, informedTakers: 0 });
    world.advanceTo(Date.UTC(2026, 2, 13, 20, 0));
    const close = Math.round(world.index.value * 100) / 100;
    world.step(61_000);
    const s = world.sessions[0];
    for (const d of s?.markets ?? []) {
      const m = world.exchange.getMarket(d.ticker);
      expect(m?.status).toBe('finalized');
      expect(m?.result).toBe(resolvesYes(d, close) ? 'yes' : 'no');
    }
    expect(world.sessions[1]?.events[0]?.eventTicker).toBe('KXINX-26MAR16H1600');
    // Cash is conserved across the whole session.
    const users = world.exchange.listUsers();
    let cash = 0;
    for (const u of users) cash += world.exchange.getBalance(u).cashMicros;
    expect(cash).toBe(world.exchange.depositsMicros - world.exchange.feesCollectedMicros);
  });
});

describe('World on an external exchange', () => {
  it('populates a given exchange and serves reference data', () => {
    const clock = new SimClock({ startMs: OPEN, mode: 'manual' });
    const exchange = new Exchange({ now: () => clock.nowMs() });
    const world = new World({ seed: 3, exchange });
    const source = world.asReferenceSource();
    for (let i = 0; i < 60; i++) {
      clock.advance(1_000);
      source.step(clock.nowMs());
    }
    expect(world.nowMs()).toBe(OPEN + 60_000);
    expect(exchange.listMarkets().length).toBeGreaterThan(20);
    expect(exchange.getTrades().length).toBeGreaterThan(0);
    expect(source.reference()).toMatchObject({
      indexValue: expect.stringMatching(/^\d+\.\d{2}$/),
      sessionOpenMs: OPEN,
    });
  });
});

describe('InformedTaker', () => {
  it('picks off a careless quote that strays from the true probability', () => {
    const world = new World({ seed: 5, startMs: OPEN, makers: 0, noiseTakers: 0, informedTakers: 1 });
    world.step(1_000);
    const deep = world.sessions[0]?.markets.find(
      (m) => m.ticker.includes('KXINXU') && (m.floorStrike ?? 0) < 6_600,
    );
    const ticker = deep?.ticker as string;
    expect(world.fairProbability(ticker)).toBeGreaterThan(0.9);
    world.exchange.deposit('careless', 1_000_000_000);
    const r = world.exchange.createOrder('careless', {
      ticker,
      side: 'ask',
      priceUnits: 5_000,
      countUnits: 500,
      timeInForce: 'good_till_canceled',
    });
    expect(r.ok).toBe(true);
    world.step(5_000);
    expect(world.exchange.getPosition('careless', ticker)?.positionUnits).toBeLessThan(0);
    expect(world.exchange.getFills('sim-informed-1').length).toBeGreaterThan(0);
  });
});
