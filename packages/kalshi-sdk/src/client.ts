/**
 * `KalshiClient`: the typed REST client of the Kalshi Trade API v2.
 *
 * @module
 */
import { KalshiSigner } from './auth/signer.js';
import { KALSHI_ENVIRONMENTS, type KalshiEnvironment } from './environments.js';
import { isKalshiError, KalshiConfigurationError } from './errors.js';
import {
  RATE_LIMIT_TIERS,
  type RateLimitBudgets,
  RateLimiter,
  type RateLimiterClock,
  type RateLimitTier,
  type RateLimitWait,
} from './http/rate-limiter.js';
import { abortableSleep, HttpTransport, type RequestOptions } from './http/transport.js';
import type { ResourceContext } from './internal/context.js';
import { cloneRoutes, type Route, type RouteId } from './internal/routes.js';
import { type KalshiLogger, silentLogger } from './logger.js';
import { AccountResource } from './resources/account.js';
import { ApiKeysResource } from './resources/api-keys.js';
import { CommunicationsResource } from './resources/communications.js';
import { EventsResource } from './resources/events.js';
import { ExchangeResource } from './resources/exchange.js';
import { HistoricalResource } from './resources/historical.js';
import { LiveDataResource } from './resources/live-data.js';
import { MarketsResource } from './resources/markets.js';
import { MilestonesResource } from './resources/milestones.js';
import { MultivariateResource } from './resources/multivariate.js';
import { OrderGroupsResource } from './resources/order-groups.js';
import { OrdersResource } from './resources/orders.js';
import { PortfolioResource } from './resources/portfolio.js';
import { IncentiveProgramsResource, SearchResource } from './resources/search.js';
import { SeriesResource } from './resources/series.js';
import { StructuredTargetsResource } from './resources/structured-targets.js';
import type { GetEndpointCostsResponse } from './types/account.js';
import { KalshiWebSocket, type KalshiWebSocketOptions } from './ws/kalshi-websocket.js';

/**
 * Options of {@link KalshiClient}. Every field is optional.
 *
 * @example
 * ```ts
 * const options: KalshiClientOptions = {
 *   environment: 'production',
 *   apiKeyId: process.env.KALSHI_API_KEY_ID,
 *   privateKeyPath: '/etc/kalshi/prod.pem',
 *   rateLimit: 'advanced',
 *   timeoutMs: 5_000,
 * };
 * const client = new KalshiClient(options);
 * ```
 */
export interface KalshiClientOptions {
  /**
   * Which Kalshi environment to talk to.
   * @defaultValue `'demo'` (real money needs an explicit `'production'`)
   */
  environment?: KalshiEnvironment;
  /** REST base URL ending in `/trade-api/v2`; overrides `environment` (for example the simulator). */
  restUrl?: string;
  /** WebSocket URL ending in `/trade-api/ws/v2`; overrides `environment`. */
  wsUrl?: string;
  /**
   * API key id.
   * @defaultValue `process.env.KALSHI_API_KEY_ID`
   */
  apiKeyId?: string;
  /**
   * Private key PEM (RSA PKCS#1/PKCS#8 or Ed25519 PKCS#8).
   * @defaultValue `process.env.KALSHI_PRIVATE_KEY`
   */
  privateKey?: string;
  /**
   * Path of a PEM file holding the private key, read once.
   * @defaultValue `process.env.KALSHI_PRIVATE_KEY_PATH`
   */
  privateKeyPath?: string;
  /** A ready signer (overrides `apiKeyId`/`privateKey`). */
  signer?: KalshiSigner;
  /**
   * Read the `KALSHI_*` environment variables when credentials are not given.
   * @defaultValue `true`
   */
  useEnv?: boolean;
  /**
   * Timeout of each attempt, in milliseconds.
   * @defaultValue `10_000`
   */
  timeoutMs?: number;
  /**
   * Retries after the first attempt (GETs, idempotent creates, any 429).
   * @defaultValue `2`
   */
  maxRetries?: number;
  /**
   * Base of the exponential backoff with full jitter, in milliseconds.
   * @defaultValue `200`
   */
  retryBaseDelayMs?: number;
  /**
   * Longest backoff delay, in milliseconds.
   * @defaultValue `5_000`
   */
  retryMaxDelayMs?: number;
  /**
   * Client-side token buckets: a tier name, explicit budgets, or `false` to disable.
   * @defaultValue `'basic'`
   */
  rateLimit?: RateLimitTier | Partial<RateLimitBudgets> | false;
  /** Called when a request waited for rate-limit tokens. */
  onRateLimitWait?: (wait: RateLimitWait) => void;
  /** Clock of the rate limiter (tests). @defaultValue `performance.now` with global timers */
  rateLimitClock?: RateLimiterClock;
  /** The fetch implementation. @defaultValue `globalThis.fetch` (looked up per request) */
  fetch?: typeof fetch;
  /** Logger for retries and notable events (never receives keys or signatures). @defaultValue {@link silentLogger} */
  logger?: KalshiLogger;
  /** Random source in [0, 1) for backoff jitter. @defaultValue `Math.random` */
  random?: () => number;
  /** Sleep used between retries. @defaultValue an abortable `setTimeout` */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

const TIERS = Object.keys(RATE_LIMIT_TIERS);

/**
 * The Kalshi REST client: resource groups mirroring the API, request signing, timeouts, safe
 * retries, client-side rate limits and typed errors.
 *
 * @remarks Without credentials only public endpoints work; an authenticated endpoint then fails
 * before sending with a {@link KalshiConfigurationError}. All option problems are reported at once.
 * V2 order writes are the default (`orders.create`, ...); V1 writes are separately named and
 * deprecated. `restUrl`, `wsUrl` and `signer` are exposed so a WebSocket client can be built from
 * this one.
 * @throws {@link KalshiConfigurationError} for invalid options; {@link KalshiKeyError} for an unusable key.
 * @example
 * ```ts
 * const client = new KalshiClient({ environment: 'demo', apiKeyId: process.env.KALSHI_API_KEY_ID, privateKeyPath: './demo.pem' });
 * const { markets } = await client.markets.list({ series_ticker: 'KXINXU', status: 'open', limit: 50 });
 * const { balance_dollars } = await client.portfolio.balance();
 * ```
 */
export class KalshiClient {
  /** The environment name, or `'custom'` when `restUrl` was given. */
  readonly environment: KalshiEnvironment | 'custom';
  /** REST base URL (ends in `/trade-api/v2`). */
  readonly restUrl: string;
  /** WebSocket URL (ends in `/trade-api/ws/v2`). */
  readonly wsUrl: string;
  /** The request signer, or `undefined` for an unauthenticated client. */
  readonly signer: KalshiSigner | undefined;
  /** The logger. */
  readonly logger: KalshiLogger;
  /** The client-side token buckets, or `undefined` when disabled. */
  readonly rateLimiter: RateLimiter | undefined;

  /** Exchange status and schedule. */
  readonly exchange: ExchangeResource;
  /** Series. */
  readonly series: SeriesResource;
  /** Events. */
  readonly events: EventsResource;
  /** Markets, books, trades, candlesticks. */
  readonly markets: MarketsResource;
  /** The historical partition. */
  readonly historical: HistoricalResource;
  /** Balance, positions, fills, settlements, subaccounts. */
  readonly portfolio: PortfolioResource;
  /** Orders (V2 writes by default). */
  readonly orders: OrdersResource;
  /** Order groups. */
  readonly orderGroups: OrderGroupsResource;
  /** RFQs, quotes, block trades. */
  readonly communications: CommunicationsResource;
  /** API limits and endpoint costs. */
  readonly account: AccountResource;
  /** API keys. */
  readonly apiKeys: ApiKeysResource;
  /** Milestones. */
  readonly milestones: MilestonesResource;
  /** Structured targets. */
  readonly structuredTargets: StructuredTargetsResource;
  /** Multivariate collections. */
  readonly multivariate: MultivariateResource;
  /** Live data. */
  readonly liveData: LiveDataResource;
  /** Search helpers. */
  readonly search: SearchResource;
  /** Incentive programs. */
  readonly incentivePrograms: IncentiveProgramsResource;

  readonly #routes: Record<RouteId, Route>;
  readonly #transport: HttpTransport;

  constructor(options: KalshiClientOptions = {}) {
    const problems: string[] = [];
    const env = options.environment ?? 'demo';
    if (!(env in KALSHI_ENVIRONMENTS))
      problems.push(`environment must be "production" or "demo", got ${JSON.stringify(env)}`);
    const base = KALSHI_ENVIRONMENTS[env as KalshiEnvironment] ?? KALSHI_ENVIRONMENTS.demo;
    const restUrl = (options.restUrl ?? base.restUrl).replace(/\/+$/, '');
    const wsUrl = options.wsUrl ?? base.wsUrl;
    checkUrl('restUrl', restUrl, ['http:', 'https:'], problems);
    checkUrl('wsUrl', wsUrl, ['ws:', 'wss:'], problems);
    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!(Number.isFinite(timeoutMs) && timeoutMs > 0))
      problems.push('timeoutMs must be a positive number of milliseconds');
    const maxRetries = options.maxRetries ?? 2;
    if (!(Number.isInteger(maxRetries) && maxRetries >= 0))
      problems.push('maxRetries must be an integer >= 0');
    const retryBaseDelayMs = options.retryBaseDelayMs ?? 200;
    const retryMaxDelayMs = options.retryMaxDelayMs ?? 5_000;
    if (!(retryBaseDelayMs >= 0)) problems.push('retryBaseDelayMs must be >= 0');
    if (!(retryMaxDelayMs >= retryBaseDelayMs)) problems.push('retryMaxDelayMs must be >= retryBaseDelayMs');
    const rl = options.rateLimit ?? 'basic';
    if (typeof rl === 'string' && !TIERS.includes(rl)) {
      problems.push(
        `rateLimit must be false, budgets, or one of ${TIERS.join(', ')}; got ${JSON.stringify(rl)}`,
      );
    }
    if (options.fetch !== undefined && typeof options.fetch !== 'function')
      problems.push('fetch must be a function');

    const useEnv = options.useEnv ?? true;
    const envVar = (k: string) => (useEnv ? process.env[k] || undefined : undefined);
    const apiKeyId = options.apiKeyId ?? envVar('KALSHI_API_KEY_ID');
    const explicitKey = options.privateKey !== undefined || options.privateKeyPath !== undefined;
    const privateKey = options.privateKey ?? (explicitKey ? undefined : envVar('KALSHI_PRIVATE_KEY'));
    const privateKeyPath =
      options.privateKeyPath ??
      (explicitKey || privateKey !== undefined ? undefined : envVar('KALSHI_PRIVATE_KEY_PATH'));
    const hasKey = privateKey !== undefined || privateKeyPath !== undefined;
    if (options.signer === undefined) {
      if (apiKeyId !== undefined && !hasKey) {
        problems.push(
          'apiKeyId is set but no private key: pass privateKey or privateKeyPath (or KALSHI_PRIVATE_KEY[_PATH])',
        );
      }
      if (apiKeyId === undefined && hasKey)
        problems.push('a private key is set but no apiKeyId (or KALSHI_API_KEY_ID)');
      if (options.privateKey !== undefined && options.privateKeyPath !== undefined) {
        problems.push('pass either privateKey or privateKeyPath, not both');
      }
    }
    let signer = options.signer;
    if (signer === undefined && apiKeyId !== undefined && hasKey && problems.length === 0) {
      try {
        signer = new KalshiSigner(
          privateKey !== undefined
            ? { apiKeyId, privateKey }
            : { apiKeyId, privateKeyPath: privateKeyPath as string },
        );
      } catch (err) {
        if (!isKalshiError(err)) throw err;
        problems.push(err.message);
      }
    }
    if (problems.length > 0) {
      throw new KalshiConfigurationError(`invalid KalshiClient options: ${problems.join('; ')}`);
    }

    this.environment = options.restUrl !== undefined ? 'custom' : (env as KalshiEnvironment);
    this.restUrl = restUrl;
    this.wsUrl = wsUrl;
    this.signer = signer;
    this.logger = options.logger ?? silentLogger;
    this.rateLimiter =
      rl === false
        ? undefined
        : new RateLimiter({
            ...(typeof rl === 'string' ? { tier: rl } : { budgets: rl }),
            ...(options.rateLimitClock !== undefined ? { clock: options.rateLimitClock } : {}),
            ...(options.onRateLimitWait !== undefined ? { onWait: options.onRateLimitWait } : {}),
          });
    this.#routes = cloneRoutes();
    this.#transport = new HttpTransport({
      restUrl,
      signer,
      timeoutMs,
      maxRetries,
      retryBaseDelayMs,
      retryMaxDelayMs,
      limiter: this.rateLimiter,
      fetch: options.fetch,
      logger: this.logger,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? abortableSleep,
    });
    const ctx: ResourceContext = { transport: this.#transport, routes: this.#routes };
    this.exchange = new ExchangeResource(ctx);
    this.series = new SeriesResource(ctx);
    this.events = new EventsResource(ctx);
    this.markets = new MarketsResource(ctx);
    this.historical = new HistoricalResource(ctx);
    this.portfolio = new PortfolioResource(ctx);
    this.orders = new OrdersResource(ctx);
    this.orderGroups = new OrderGroupsResource(ctx);
    this.communications = new CommunicationsResource(ctx);
    this.account = new AccountResource(ctx);
    this.apiKeys = new ApiKeysResource(ctx);
    this.milestones = new MilestonesResource(ctx);
    this.structuredTargets = new StructuredTargetsResource(ctx);
    this.multivariate = new MultivariateResource(ctx);
    this.liveData = new LiveDataResource(ctx);
    this.search = new SearchResource(ctx);
    this.incentivePrograms = new IncentiveProgramsResource(ctx);
  }

  /** Whether requests are signed. */
  get authenticated(): boolean {
    return this.signer !== undefined;
  }

  /**
   * Token cost the client charges for an operation, by client method name (for example `'orders.cancel'`).
   *
   * @example
   * ```ts
   * client.endpointCost('orders.cancel'); // 2
   * ```
   */
  endpointCost(method: string): number | undefined {
    return (this.#routes as Record<string, Route | undefined>)[method]?.cost;
  }

  /**
   * Applies Kalshi's published costs (`GET /account/endpoint_costs`) to the client's rate limiter.
   *
   * @remarks Pass a response you already have, or nothing to fetch it. Endpoints not listed get
   * `default_cost`; a listed cost of a batch endpoint is taken as the per-order cost.
   * @returns The number of operations whose cost changed.
   * @example
   * ```ts
   * await client.refreshEndpointCosts();
   * ```
   */
  async refreshEndpointCosts(costs?: GetEndpointCostsResponse, options?: RequestOptions): Promise<number> {
    const c = costs ?? (await this.account.endpointCosts(options));
    const listed = new Map<string, number>();
    for (const e of c.endpoint_costs ?? [])
      listed.set(`${e.method.toUpperCase()} ${normalizePath(e.path)}`, e.cost);
    let changed = 0;
    for (const r of Object.values(this.#routes)) {
      const next = listed.get(`${r.method} ${normalizePath(r.path)}`) ?? c.default_cost;
      if (Number.isFinite(next) && next >= 0 && next !== r.cost) {
        r.cost = next;
        changed++;
      }
    }
    return changed;
  }

  /**
   * Builds a {@link KalshiWebSocket} for this client's environment: its `wsUrl`, signer and logger.
   *
   * @remarks Each call returns a new, unconnected client; call `connect()` on it. Any option can
   * be overridden (for example `livenessTimeoutMs` or a different `url`). Kalshi refuses unsigned
   * WebSocket connections, so an unauthenticated client only suits a local server that does not
   * check signatures.
   * @param options - Overrides of the WebSocket options.
   * @throws {@link KalshiConfigurationError} when an override is invalid.
   * @example
   * ```ts
   * const ws = client.createWebSocket({ commandTimeoutMs: 5_000 });
   * await ws.connect();
   * await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: ['KXINX-26NOV25H1600-B6612'] });
   * ```
   */
  createWebSocket(options: Partial<KalshiWebSocketOptions> = {}): KalshiWebSocket {
    const base: KalshiWebSocketOptions = { url: this.wsUrl, logger: this.logger };
    if (this.signer !== undefined) base.signer = this.signer;
    return new KalshiWebSocket({ ...base, ...options });
  }

  /**
   * Stops the rate limiter's timers and rejects requests still waiting for tokens.
   *
   * @example
   * ```ts
   * client.close();
   * ```
   */
  close(): void {
    this.rateLimiter?.close();
  }

  /** Redacted JSON form: no key material. */
  toJSON(): Record<string, unknown> {
    return {
      environment: this.environment,
      restUrl: this.restUrl,
      wsUrl: this.wsUrl,
      authenticated: this.authenticated,
      apiKeyId: this.signer?.apiKeyId,
    };
  }
}

function normalizePath(p: string): string {
  return p
    .replace(/^\/?trade-api\/v2/, '')
    .replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}')
    .replace(/\/+$/, '');
}

function checkUrl(name: string, value: string, protocols: string[], problems: string[]): void {
  try {
    const u = new URL(value);
    if (!protocols.includes(u.protocol)) problems.push(`${name} must use ${protocols.join(' or ')}`);
  } catch {
    problems.push(`${name} is not a valid URL`);
  }
}
