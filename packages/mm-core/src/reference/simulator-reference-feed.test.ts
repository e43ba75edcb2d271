import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isMmCoreError } from '../errors.js';
import { SimulatorReferenceFeed } from './simulator-reference-feed.js';

const SIM_T = Date.UTC(2026, 2, 13, 15, 0);

function body(overrides: Record<string, unknown> = {}) {
  return {
    index: { symbol: '^GSPC', value: '6612.34', ts_ms: SIM_T },
    volatility: { symbol: '^VIX', value: '18.50', ts_ms: SIM_T },
    sim_time_ms: SIM_T + 1_000,
    speed: 1,
    session: { open_ts_ms: Date.UTC(2026, 2, 13, 13, 30), close_ts_ms: Date.UTC(2026, 2, 13, 20, 0) },
    ...overrides,
  };
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: (path: string) => { status: number; body: unknown }): Promise<string> {
  server = createServer((req, res) => {
    const out = handler(req.url ?? '');
    res.writeHead(out.status, { 'content-type': 'application/json' });
    res.end(typeof out.body === 'string' ? out.body : JSON.stringify(out.body));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/trade-api/v2`;
}

describe('SimulatorReferenceFeed', () => {
  it('reads /x-sim/index under the REST base URL over real HTTP', async () => {
    const paths: string[] = [];
    const restUrl = await serve((p) => {
      paths.push(p);
      return { status: 200, body: body() };
    });
    const feed = new SimulatorReferenceFeed({ restUrl, pollIntervalMs: 60_000 });
    await feed.start();
    expect(paths).toEqual(['/trade-api/v2/x-sim/index']);
    expect(feed.latest('^GSPC')).toEqual({
      symbol: '^GSPC',
      value: 6612.34,
      tsMs: SIM_T,
      source: 'kalshi-sim',
      stale: false,
    });
    expect(feed.latest('^VIX')?.value).toBe(18.5);
    expect(feed.simClock()?.session).toEqual({
      openMs: Date.UTC(2026, 2, 13, 13, 30),
      closeMs: Date.UTC(2026, 2, 13, 20, 0),
    });
    await feed.stop();
  });

  it("judges staleness on the simulator's clock, not the wall clock", async () => {
    const restUrl = await serve(() => ({ status: 200, body: body({ sim_time_ms: SIM_T + 10_000 }) }));
    const feed = new SimulatorReferenceFeed({ restUrl, pollIntervalMs: 60_000, staleAfterMs: 5_000 });
    await feed.start();
    expect(feed.latest('^GSPC')?.stale).toBe(true);
    await feed.stop();
  });

  it('advances the simulator clock by speed between polls', async () => {
    let wall = 1_000_000;
    const restUrl = await serve(() => ({ status: 200, body: body({ speed: 60 }) }));
    const feed = new SimulatorReferenceFeed({
      restUrl,
      pollIntervalMs: 60_000,
      staleAfterMs: 5_000,
      now: () => wall,
    });
    await feed.start();
    expect(feed.latest('^GSPC')?.stale).toBe(false);
    wall += 100; // 100 wall ms = 6 simulated s: 1 s + 6 s > 5 s
    expect(feed.simNowMs()).toBe(SIM_T + 7_000);
    expect(feed.latest('^GSPC')?.stale).toBe(true);
    await feed.stop();
  });

  it('emits an error and keeps the last value, stale, on HTTP 500', async () => {
    let fail = false;
    const restUrl = await serve(() =>
      fail ? { status: 500, body: { error: 'boom' } } : { status: 200, body: body() },
    );
    const feed = new SimulatorReferenceFeed({ restUrl, pollIntervalMs: 20 });
    const errors: Error[] = [];
    feed.on('error', (e) => errors.push(e));
    await feed.start();
    fail = true;
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect(errors[0]?.message).toMatch(/HTTP 500/);
    expect(feed.latest('^GSPC')).toMatchObject({ value: 6612.34, stale: true });
    await feed.stop();
  });

  it('rejects a malformed body loudly', async () => {
    const restUrl = await serve(() => ({
      status: 200,
      body: body({ index: { symbol: '^GSPC', value: 6612.34, ts_ms: 1 } }),
    }));
    const feed = new SimulatorReferenceFeed({ restUrl, pollIntervalMs: 60_000 });
    const errors: Error[] = [];
    feed.on('error', (e) => errors.push(e));
    await feed.start();
    expect(isMmCoreError(errors[0]) && errors[0].code).toBe('REFERENCE_INVALID');
    expect(errors[0]?.message).toMatch(/index.value must be a decimal string/);
    await feed.stop();
  });

  it('rejects a relative restUrl', () => {
    expect(() => new SimulatorReferenceFeed({ restUrl: '/trade-api/v2' })).toThrow(/absolute URL/);
  });
});
