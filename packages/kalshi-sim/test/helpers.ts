import { KalshiSigner } from '@mnquants/kalshi-sdk';
import WebSocket from 'ws';
import { LINEAR_CENT_RANGES } from '../src/engine/types.js';
import { KalshiSimulator, type KalshiSimulatorOptions, type SimUser } from '../src/simulator.js';

export const T0 = Date.UTC(2026, 2, 13, 14, 30);
export const TICKER = 'KXTEST-26MAR13-T50';
export const TICKER2 = 'KXTEST-26MAR13-T60';

/** A manual-mode simulator with one series, one event and two open markets. */
export async function startSim(options: KalshiSimulatorOptions = {}) {
  const sim = new KalshiSimulator({
    mode: 'manual',
    world: false,
    startTimeMs: T0,
    pingIntervalMs: 50,
    ...options,
  });
  sim.exchange.addSeries({
    ticker: 'KXTEST',
    title: 'Test series',
    category: 'Financials',
    frequency: 'daily',
    feeType: 'quadratic',
    feeMultiplier: 1,
    tags: ['test'],
    settlementSources: [],
    contractUrl: '',
    contractTermsUrl: '',
  });
  sim.exchange.addEvent({
    eventTicker: 'KXTEST-26MAR13',
    seriesTicker: 'KXTEST',
    title: 'Test event',
    subTitle: 'Mar 13',
    collateralReturnType: 'DIRECNET',
    mutuallyExclusive: false,
  });
  for (const [ticker, strike] of [
    [TICKER, 50],
    [TICKER2, 60],
  ] as const) {
    const r = sim.exchange.addMarket({
      ticker,
      eventTicker: 'KXTEST-26MAR13',
      title: `Above ${strike}`,
      subtitle: '',
      yesSubTitle: `${strike} or above`,
      noSubTitle: `below ${strike}`,
      rulesPrimary: '',
      rulesSecondary: '',
      strikeType: 'greater',
      floorStrike: strike,
      openTimeMs: T0 - 60_000,
      closeTimeMs: T0 + 3_600_000,
      expectedExpirationTimeMs: T0 + 3_600_000,
      latestExpirationTimeMs: T0 + 7 * 86_400_000,
      settlementTimerSeconds: 60,
      priceLevelStructure: 'linear_cent',
      priceRanges: LINEAR_CENT_RANGES,
      canCloseEarly: false,
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  sim.step();
  const address = await sim.start({ port: 0 });
  return { sim, ...address };
}

/** fetch with Kalshi signing for a user. */
export function signedFetch(restUrl: string, user: SimUser) {
  const signer = new KalshiSigner({ apiKeyId: user.apiKeyId, privateKey: user.privateKeyPem });
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const url = new URL(restUrl + path);
    const headers: Record<string, string> = { ...signer.headers(method, url.pathname) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'manual',
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  };
}

/** A raw `ws` client that records every parsed frame. */
export async function openWs(wsUrl: string, user: SimUser) {
  const signer = new KalshiSigner({ apiKeyId: user.apiKeyId, privateKey: user.privateKeyPem });
  const ws = new WebSocket(wsUrl, { headers: { ...signer.headers('GET', new URL(wsUrl).pathname) } });
  const frames: any[] = [];
  const raw: string[] = [];
  ws.on('message', (data) => {
    const text = data.toString();
    raw.push(text);
    try {
      frames.push(JSON.parse(text));
    } catch {
      frames.push({ malformed: text });
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let id = 0;
  return {
    ws,
    frames,
    raw,
    send(cmd: string, params?: unknown): number {
      id += 1;
      ws.send(JSON.stringify(params === undefined ? { id, cmd } : { id, cmd, params }));
      return id;
    },
    async close(): Promise<void> {
      if (ws.readyState === WebSocket.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.terminate();
      });
    },
  };
}

/** Polls until `fn` returns a truthy value. */
export async function waitFor<T>(fn: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A GTC V2 order body. */
export function order(
  side: 'bid' | 'ask',
  price: string,
  count: string,
  extra: Record<string, unknown> = {},
) {
  return {
    ticker: TICKER,
    side,
    price,
    count,
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'taker_at_cross',
    ...extra,
  };
}
