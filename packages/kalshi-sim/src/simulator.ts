import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatCount, formatDollars, parseMicros } from '@mnquants/kalshi-sdk';
import { generateKeyPair, KeyStore, type RsaPrivateKeyFormat, type SimKeyType } from './auth/key-store.js';
import { Exchange } from './engine/exchange.js';
import type { TopOfBook } from './engine/types.js';
import { SimFaults } from './faults/faults.js';
import { bridgeExchangeEvents } from './server/event-bridge.js';
import type { ExchangePort } from './server/exchange-port.js';
import { SimHttpError } from './server/http.js';
import { RateLimiter, type SimUsageTier, TIER_LIMITS } from './server/rate-limits.js';
import { REST_PREFIX, type SimIndexSnapshot, SimRestServer } from './server/rest-server.js';
import * as wire from './server/wire.js';
import { SimWsServer, WS_PATH } from './server/ws-server.js';
import { nextWeeklyPauseStartMs, SimClock, type SimClockOptions, WEEKLY_PAUSE_MS } from './world/clock.js';
import { SeededRng } from './world/rng.js';
import { World, type WorldOptions } from './world/world.js';

/**
 * Options of {@link KalshiSimulator}.
 *
 * @example
 * ```ts
 * new KalshiSimulator({ seed: 42, speed: 39, pingIntervalMs: 10_000 });
 * ```
 */
export interface KalshiSimulatorOptions {
  /** Seed for deterministic ids (and the world, when one is attached). @defaultValue 1 */
  seed?: number;
  /** Simulated ms per real ms in real-time mode. @defaultValue 1 */
  speed?: number;
  /**
   * `realtime` steps the exchange (and world) on a timer; `manual` moves only when
   * {@link KalshiSimulator.step} is called, for deterministic tests.
   * @defaultValue 'realtime'
   */
  mode?: 'realtime' | 'manual';
  /** Simulated Unix ms at start. @defaultValue the next S&P 500 session's open (world) or the real time (bare) */
  startTimeMs?: number;
  /** Real ms between driver steps in real-time mode. @defaultValue 100 */
  tickIntervalMs?: number;
  /** Real ms between WebSocket ping frames. @defaultValue 10000 */
  pingIntervalMs?: number;
  /** Rate-limit tier of new users. @defaultValue 'basic' */
  defaultTier?: SimUsageTier;
  /**
   * The synthetic world (S&P 500 index, the day's markets, synthetic traders) or `false` for a bare
   * exchange whose markets the caller adds (then `x-sim/index` answers 503).
   * @defaultValue a {@link World} with the default traders, seeded with `seed` and starting at `startTimeMs`
   */
  world?: Omit<WorldOptions, 'seed' | 'startMs'> | false;
  /** The real clock for auth timestamps and rate limits. @defaultValue `Date.now` */
  realNow?: () => number;
  /**
   * Kalshi's weekly trading pause: when sim time crosses Thursday 03:00 ET, trading pauses until
   * 05:00 ET (cancels and decreases work; new orders and amends get 409 `trading_paused`; resting
   * `cancel_order_on_pause` orders are cancelled), and `/exchange/schedule` splits Thursday around it.
   *
   * @remarks The pause begins only when the clock crosses 03:00, so a simulation that starts
   * inside the window, or never reaches a Thursday morning (like the default S&P 500 day session),
   * trades throughout.
   * @defaultValue true
   */
  weeklyTradingPause?: boolean;
}

/**
 * Options of {@link KalshiSimulator.start}.
 *
 * @example
 * ```ts
 * await sim.start({ port: 8080, host: '127.0.0.1' });
 * ```
 */
export interface SimulatorStartOptions {
  /** TCP port; 0 picks a free one. @defaultValue 0 */
  port?: number;
  /** Interface to bind. @defaultValue '127.0.0.1' */
  host?: string;
}

/**
 * Where a started simulator listens.
 *
 * @example
 * ```ts
 * const { restUrl, wsUrl } = await sim.start();
 * const client = new KalshiClient({ restUrl, wsUrl, apiKeyId, privateKey });
 * ```
 */
export interface SimulatorAddress {
  /** REST base URL ending in `/trade-api/v2`. */
  restUrl: string;
  /** WebSocket URL ending in `/trade-api/ws/v2`. */
  wsUrl: string;
  /** The bound port. */
  port: number;
  /** The bound host. */
  host: string;
}

/**
 * Options of {@link KalshiSimulator.createUser}.
 *
 * @example
 * ```ts
 * sim.createUser({ balanceDollars: '2500.50', keyType: 'ed25519', tier: 'advanced' });
 * ```
 */
export interface CreateUserOptions {
  /** Starting cash as a decimal dollar string (`"1000"`, `"250.50"`) or whole dollars. @defaultValue '1000' */
  balanceDollars?: string | number;
  /** Key algorithm of the generated API key. @defaultValue 'rsa' */
  keyType?: SimKeyType;
  /** PEM encoding of a generated RSA key. @defaultValue 'pkcs1' */
  rsaFormat?: RsaPrivateKeyFormat;
  /** Rate-limit tier. @defaultValue the simulator's `defaultTier` */
  tier?: SimUsageTier;
}

/**
 * A user created by {@link KalshiSimulator.createUser}.
 *
 * @example
 * ```ts
 * const { apiKeyId, privateKeyPem } = sim.createUser();
 * const signer = new KalshiSigner({ apiKeyId, privateKey: privateKeyPem });
 * ```
 */
export interface SimUser {
  /** The user id (a UUID). */
  userId: string;
  /** The API key id to send as `KALSHI-ACCESS-KEY`. */
  apiKeyId: string;
  /** The private key PEM (PKCS#1 or PKCS#8 for RSA, PKCS#8 for Ed25519). */
  privateKeyPem: string;
  /** The key algorithm. */
  keyType: SimKeyType;
}

const EMPTY_TOP: TopOfBook = {
  yesBidUnits: 0,
  yesBidCountUnits: 0,
  yesAskUnits: 10_000,
  yesAskCountUnits: 0,
};

/**
 * A local Kalshi exchange that speaks the real REST and WebSocket protocol on loopback.
 *
 * @remarks Requests are signed and verified like Kalshi's (RSA-PSS or Ed25519; timestamps within
 * 30 s of the real clock), rate-limited with Kalshi's token buckets, and served from an in-memory
 * {@link Exchange}. Exchange data uses the simulated {@link SimClock}: in `realtime` mode it runs
 * at `speed` times real time and a timer steps the exchange; in `manual` mode nothing moves until
 * {@link KalshiSimulator.step}. {@link KalshiSimulator.faults} injects failures for tests.
 *
 * @example
 * ```ts
 * const sim = new KalshiSimulator({ mode: 'manual' });
 * const { restUrl, wsUrl } = await sim.start({ port: 0 });
 * const { apiKeyId, privateKeyPem } = sim.createUser({ balanceDollars: '1000' });
 * // ... point a KalshiClient at restUrl with apiKeyId / privateKeyPem ...
 * await sim.stop();
 * ```
 */
export class KalshiSimulator {
  /** The matching engine, accounts and markets (add series/events/markets here in tests). */
  readonly exchange: Exchange;
  /** The simulated clock. */
  readonly clock: SimClock;
  /** Fault injection for tests (simulator-only; not part of Kalshi's API). */
  readonly faults: SimFaults;
  /** The synthetic world, unless created with `world: false`. */
  readonly world: World | undefined;
  readonly #options: KalshiSimulatorOptions;
  readonly #keys: KeyStore;
  readonly #limiter: RateLimiter;
  readonly #tiers = new Map<string, SimUsageTier>();
  #server: Server | undefined;
  #rest: SimRestServer | undefined;
  #ws: SimWsServer | undefined;
  #detach: (() => void) | undefined;
  #driver: NodeJS.Timeout | undefined;
  #address: SimulatorAddress | undefined;
  readonly #manual: boolean;
  /** End of the weekly trading pause in progress (sim ms), or undefined when not in one. */
  #pauseEndMs: number | undefined;
  /** Start of the next weekly trading pause (sim ms), or undefined when disabled. */
  #nextPauseMs: number | undefined;
  /** While a tick stops at a pause edge: the bare exchange's time (a world keeps its own). */
  #edgeMs: number | undefined;

  /**
   * Creates a simulator with its exchange (and world); nothing listens until {@link KalshiSimulator.start}.
   *
   * @throws RangeError when an option is out of range (every problem is listed).
   */
  constructor(options: KalshiSimulatorOptions = {}) {
    const problems: string[] = [];
    if (options.speed !== undefined && !(Number.isFinite(options.speed) && options.speed > 0)) {
      problems.push(`speed must be a positive number (got ${options.speed})`);
    }
    if (options.mode !== undefined && options.mode !== 'realtime' && options.mode !== 'manual') {
      problems.push(`mode must be 'realtime' or 'manual' (got ${String(options.mode)})`);
    }
    if (
      options.tickIntervalMs !== undefined &&
      !(Number.isInteger(options.tickIntervalMs) && options.tickIntervalMs > 0)
    ) {
      problems.push(`tickIntervalMs must be a positive integer (got ${options.tickIntervalMs})`);
    }
    if (
      options.pingIntervalMs !== undefined &&
      !(Number.isInteger(options.pingIntervalMs) && options.pingIntervalMs > 0)
    ) {
      problems.push(`pingIntervalMs must be a positive integer (got ${options.pingIntervalMs})`);
    }
    if (options.seed !== undefined && !Number.isSafeInteger(options.seed)) {
      problems.push(`seed must be an integer (got ${options.seed})`);
    }
    if (options.defaultTier !== undefined && !(options.defaultTier in TIER_LIMITS)) {
      problems.push(`defaultTier must be one of ${Object.keys(TIER_LIMITS).join(', ')}`);
    }
    if (problems.length > 0) throw new RangeError(`invalid KalshiSimulator options: ${problems.join('; ')}`);
    this.#options = options;
    const realNow = options.realNow ?? Date.now;
    this.#manual = options.mode === 'manual';
    const seed = options.seed ?? 1;
    if (options.world === false) {
      this.world = undefined;
      const clockOptions: SimClockOptions = {
        speed: options.speed ?? 1,
        mode: this.#manual ? 'manual' : 'realtime',
      };
      clockOptions.startMs = options.startTimeMs ?? Date.now();
      this.clock = new SimClock(clockOptions);
      const ids = new SeededRng(seed);
      this.exchange = new Exchange({
        now: () => this.#edgeMs ?? this.clock.nowMs(),
        newId: () => ids.uuid(),
      });
    } else {
      const worldOptions: WorldOptions = { ...options.world, seed };
      if (options.startTimeMs !== undefined) worldOptions.startMs = options.startTimeMs;
      const world = new World(worldOptions);
      this.world = world;
      this.exchange = world.exchange;
      this.clock = new SimClock({
        startMs: world.nowMs(),
        speed: options.speed ?? 1,
        mode: this.#manual ? 'manual' : 'realtime',
      });
    }
    this.faults = new SimFaults(realNow);
    this.#keys = new KeyStore(realNow);
    this.#limiter = new RateLimiter(realNow);
    this.#nextPauseMs =
      options.weeklyTradingPause === false ? undefined : nextWeeklyPauseStartMs(this.#nowMs());
    this.faults.events.on('pauseChanged', () => this.#syncStatus());
  }

  /** Whether the weekly trading pause (Thursday 03:00-05:00 ET) is in progress. */
  get inWeeklyTradingPause(): boolean {
    return this.#pauseEndMs !== undefined;
  }

  /** Applies the fault pauses and the weekly pause to the exchange's status flags. */
  #syncStatus(): void {
    this.exchange.setExchangeStatus({
      exchangeActive: !this.faults.exchangePaused,
      tradingActive: !this.faults.tradingPaused && this.#pauseEndMs === undefined,
    });
  }

  /** The address, once started. */
  get address(): SimulatorAddress | undefined {
    return this.#address;
  }

  /**
   * Creates a user with cash and a fresh API key pair.
   *
   * @remarks The private key is generated here and returned once; the simulator keeps only the
   * public key.
   * @throws RangeError when `balanceDollars` is not a non-negative dollar amount.
   * @example
   * ```ts
   * const alice = sim.createUser({ balanceDollars: '5000', keyType: 'ed25519' });
   * ```
   */
  createUser(options: CreateUserOptions = {}): SimUser {
    const micros = toMicros(options.balanceDollars ?? '1000');
    const keyType = options.keyType ?? 'rsa';
    if (keyType !== 'rsa' && keyType !== 'ed25519')
      throw new RangeError(`keyType must be 'rsa' or 'ed25519'`);
    const userId = randomUUID();
    const pair = generateKeyPair(keyType, options.rsaFormat ?? 'pkcs1');
    const key = this.#keys.register(userId, pair.publicKeyPem);
    this.#tiers.set(userId, options.tier ?? this.#options.defaultTier ?? 'basic');
    this.exchange.deposit(userId, micros);
    return { userId, apiKeyId: key.apiKeyId, privateKeyPem: pair.privateKeyPem, keyType };
  }

  /**
   * Registers another public key (SPKI PEM, RSA or Ed25519) for an existing user.
   *
   * @returns The new API key id.
   * @throws TypeError when the PEM is not a supported public key; RangeError for an unknown user.
   * @example
   * ```ts
   * const apiKeyId = sim.registerPublicKey(alice.userId, publicKeyPem);
   * ```
   */
  registerPublicKey(userId: string, publicKeyPem: string): string {
    if (!this.#tiers.has(userId)) throw new RangeError(`unknown user ${userId}`);
    return this.#keys.register(userId, publicKeyPem).apiKeyId;
  }

  /**
   * Changes a user's rate-limit tier.
   *
   * @example
   * ```ts
   * sim.setTier(alice.userId, 'premier');
   * ```
   */
  setTier(userId: string, tier: SimUsageTier): void {
    if (!this.#tiers.has(userId)) throw new RangeError(`unknown user ${userId}`);
    if (!(tier in TIER_LIMITS)) throw new RangeError(`unknown tier ${String(tier)}`);
    this.#tiers.set(userId, tier);
  }

  /**
   * Moves simulated time forward by `ms` and steps the exchange (expirations, open/close,
   * settlement) and the world.
   *
   * @remarks The way to drive a `manual` simulator. In real-time mode time follows the real clock,
   * so only `step()` (no argument) is allowed: it ticks immediately.
   * @throws Error when `ms > 0` in real-time mode.
   * @example
   * ```ts
   * sim.step(1_000);
   * ```
   */
  step(ms = 0): void {
    if (ms > 0) {
      if (!this.#manual) throw new Error('step(ms) moves time only in manual mode; use step() to tick now');
      this.clock.advance(ms);
    }
    this.#tick();
  }

  #tick(): void {
    const target = this.clock.nowMs();
    // Stop at each edge of the weekly pause on the way, so it starts and ends on time.
    for (;;) {
      if (this.#pauseEndMs !== undefined && target >= this.#pauseEndMs) {
        this.#advance(this.#pauseEndMs);
        this.#nextPauseMs = nextWeeklyPauseStartMs(this.#pauseEndMs);
        this.#pauseEndMs = undefined;
        this.#syncStatus();
      } else if (
        this.#pauseEndMs === undefined &&
        this.#nextPauseMs !== undefined &&
        target >= this.#nextPauseMs
      ) {
        this.#advance(this.#nextPauseMs);
        this.#pauseEndMs = this.#nextPauseMs + WEEKLY_PAUSE_MS;
        this.#syncStatus();
      } else break;
    }
    this.#edgeMs = undefined;
    this.#advance(target);
  }

  #advance(toMs: number): void {
    if (this.world !== undefined) {
      this.world.advanceTo(toMs);
      return;
    }
    this.#edgeMs = toMs < this.clock.nowMs() ? toMs : undefined;
    this.exchange.tick();
  }

  /** The exchange's current time (the world's time when a world is attached). */
  #nowMs(): number {
    return this.world?.nowMs() ?? this.clock.nowMs();
  }

  /**
   * Starts the REST + WebSocket server.
   *
   * @throws Error when already started or the port cannot be bound.
   * @example
   * ```ts
   * const { restUrl, wsUrl } = await sim.start({ port: 0, host: '127.0.0.1' });
   * ```
   */
  async start(options: SimulatorStartOptions = {}): Promise<SimulatorAddress> {
    if (this.#server !== undefined) throw new Error('the simulator is already started');
    const host = options.host ?? '127.0.0.1';
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new RangeError(`port must be 0-65535, got ${port}`);
    const port_ = this.#port();
    const ws = new SimWsServer({
      keys: this.#keys,
      faults: this.faults,
      snapshot: (ticker) => {
        const m = this.exchange.getMarket(ticker);
        const b = this.exchange.getOrderBook(ticker);
        if (m === undefined || b === undefined) return undefined;
        return {
          marketId: m.marketId,
          yes: b.yes.map((l) => [l.priceUnits, l.countUnits] as const),
          no: b.no.map((l) => [l.priceUnits, l.countUnits] as const),
        };
      },
      formatPrice: (u) => formatDollars(u),
      formatCount: (u) => formatCount(u),
      pingIntervalMs: this.#options.pingIntervalMs ?? 10_000,
      nowMs: () => this.#nowMs(),
      tickerOfMarketId: (marketId) =>
        this.exchange.listMarkets().find((m) => m.marketId === marketId)?.ticker,
      tickerMessage: (ticker) => {
        const m = this.exchange.getMarket(ticker);
        return m === undefined ? undefined : wire.wsTicker(m, port_.topOfBook(ticker), this.#nowMs());
      },
    });
    const rest = new SimRestServer({
      exchange: port_,
      keys: this.#keys,
      faults: this.faults,
      limiter: this.#limiter,
      tierOf: (u) => this.#tiers.get(u) ?? 'basic',
      nowMs: () => this.#nowMs(),
      index: () => this.#index(),
      weeklyTradingPause: this.#options.weeklyTradingPause !== false,
      resumeTimeMs: () => this.#pauseEndMs,
    });
    const server = createServer(rest.handle);
    server.on('upgrade', (req, socket, head) => ws.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch(async (err: unknown) => {
      await ws.close();
      throw err;
    });
    this.#server = server;
    this.#rest = rest;
    this.#ws = ws;
    this.#detach = bridgeExchangeEvents(this.exchange, port_, ws, () => this.#nowMs());
    if (!this.#manual) {
      this.#driver = setInterval(() => this.#tick(), this.#options.tickIntervalMs ?? 100);
    }
    const addr = server.address() as AddressInfo;
    const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    this.#address = {
      restUrl: `http://${urlHost}:${addr.port}${REST_PREFIX}`,
      wsUrl: `ws://${urlHost}:${addr.port}${WS_PATH}`,
      port: addr.port,
      host: addr.address,
    };
    return this.#address;
  }

  /**
   * Stops the servers, closes every socket and clears every timer. Safe to call twice.
   *
   * @example
   * ```ts
   * afterAll(() => sim.stop());
   * ```
   */
  async stop(): Promise<void> {
    if (this.#driver !== undefined) clearInterval(this.#driver);
    this.#driver = undefined;
    this.#detach?.();
    this.#detach = undefined;
    this.#rest?.close();
    this.#rest = undefined;
    const ws = this.#ws;
    this.#ws = undefined;
    if (ws !== undefined) await ws.close();
    const server = this.#server;
    this.#server = undefined;
    this.#address = undefined;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** WebSocket frames sent since start (for benchmarks). */
  get wsFramesSent(): number {
    return this.#ws?.framesSent ?? 0;
  }

  #index(): SimIndexSnapshot {
    const world = this.world;
    if (world === undefined) {
      throw new SimHttpError(
        503,
        'not_available',
        'this simulator runs without a world (world: false); there is no index',
      );
    }
    const r = world.reference();
    return {
      indexValue: r.indexValue,
      volatilityValue: r.volatilityValue,
      tsMs: world.nowMs(),
      speed: this.#manual ? 0 : this.clock.speed,
      sessionOpenMs: r.sessionOpenMs,
      sessionCloseMs: r.sessionCloseMs,
    };
  }

  #port(): ExchangePort {
    const ex = this.exchange;
    return {
      status: () => ex.getStatus(),
      listSeries: () => ex.listSeries(),
      getSeries: (t) => ex.getSeries(t),
      listEvents: () => ex.listEvents(),
      getEvent: (t) => ex.getEvent(t),
      listMarkets: () => ex.listMarkets(),
      getMarket: (t) => ex.getMarket(t),
      topOfBook: (t) => ex.getTopOfBook(t) ?? EMPTY_TOP,
      book: (t) => ex.getOrderBook(t),
      trades: () => ex.getTrades(),
      balance: (u) => ex.getBalance(u),
      positions: (u) => ex.getPositions(u),
      fills: (u) => ex.getFills(u),
      settlements: (u) => ex.getSettlements(u),
      orders: (u) => ex.listOrders(u),
      getOrder: (u, id) => {
        const o = ex.getOrder(id);
        return o !== undefined && o.userId === u ? o : undefined;
      },
      createOrder: (u, p) => ex.createOrder(u, p),
      cancelOrder: (u, id) => ex.cancelOrder(u, id),
      cancelAllOrders: (u, s) => ex.cancelAllOrders(u, s),
      amendOrder: (u, id, p) => ex.amendOrder(u, id, p),
      decreaseOrder: (u, id, p) => ex.decreaseOrder(u, id, p),
      orderGroups: (u) => ex.listOrderGroups(u),
      getOrderGroup: (u, id) => {
        const r = ex.getOrderGroup(u, id);
        return r.ok ? r.group : undefined;
      },
      createOrderGroup: (u, l) => ex.createOrderGroup(u, l),
      deleteOrderGroup: (u, id) => ex.deleteOrderGroup(u, id),
      resetOrderGroup: (u, id) => ex.resetOrderGroup(u, id),
      triggerOrderGroup: (u, id) => ex.triggerOrderGroup(u, id),
      setOrderGroupLimit: (u, id, l) => ex.updateOrderGroupLimit(u, id, l),
    };
  }
}

function toMicros(v: string | number): number {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`balanceDollars must be whole dollars or a decimal string, got ${v}`);
    }
    return v * 1_000_000;
  }
  let micros: number;
  try {
    micros = parseMicros(v);
  } catch {
    throw new RangeError(`balanceDollars ${JSON.stringify(v)} is not a dollar amount`);
  }
  if (micros < 0) throw new RangeError('balanceDollars must not be negative');
  return micros;
}
