/** A manual-mode Kalshi simulator with one open market, plus signed SDK clients for its users. */
import { KalshiClient, type RateLimitTier } from '@mnquants/kalshi-sdk';
import { KalshiSimulator, LINEAR_CENT_RANGES, type SimUsageTier } from '@mnquants/kalshi-sim';

export const T0 = Date.UTC(2026, 2, 13, 14, 30);
export const TICKER = 'KXCORE-26MAR13-T50';

export async function startSim() {
  const sim = new KalshiSimulator({ mode: 'manual', world: false, startTimeMs: T0, pingIntervalMs: 1_000 });
  sim.exchange.addSeries({
    ticker: 'KXCORE',
    title: 'Core test series',
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
    eventTicker: 'KXCORE-26MAR13',
    seriesTicker: 'KXCORE',
    title: 'Core test event',
    subTitle: '',
    collateralReturnType: 'DIRECNET',
    mutuallyExclusive: false,
  });
  const r = sim.exchange.addMarket({
    ticker: TICKER,
    eventTicker: 'KXCORE-26MAR13',
    title: 'Above 50',
    subtitle: '',
    yesSubTitle: '50 or above',
    noSubTitle: 'below 50',
    rulesPrimary: '',
    rulesSecondary: '',
    strikeType: 'greater',
    floorStrike: 50,
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
  sim.step();
  const address = await sim.start({ port: 0 });
  const clients: KalshiClient[] = [];
  const user = (
    balanceDollars = '10000',
    tier: SimUsageTier = 'prime',
    options: { rateLimit?: RateLimitTier; fetch?: typeof fetch } = {},
  ) => {
    const u = sim.createUser({ balanceDollars, keyType: 'ed25519', tier });
    const client = new KalshiClient({
      restUrl: address.restUrl,
      wsUrl: address.wsUrl,
      apiKeyId: u.apiKeyId,
      privateKey: u.privateKeyPem,
      useEnv: false,
      maxRetries: 0,
      rateLimit: options.rateLimit ?? 'prime',
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    });
    clients.push(client);
    return { user: u, client };
  };
  const close = async () => {
    for (const c of clients) c.close();
    await sim.stop();
  };
  return { sim, ...address, user, close };
}

/** Polls `fn` until it returns something truthy (real time; loopback I/O must progress). */
export async function waitFor<T>(
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
