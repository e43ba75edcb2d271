/**
 * Venues: the embedded simulator, Kalshi demo and Kalshi production, each as a KalshiClient, a
 * reference feed, a clock and a trading-time function.
 *
 * @module
 */
import { formatMicros, KalshiClient, type KalshiLogger } from '@mnquants/kalshi-sdk';
import { KalshiSimulator } from '@mnquants/kalshi-sim';
import {
  type Clock,
  NyseCalendar,
  type ReferenceFeed,
  SimulatorReferenceFeed,
  systemClock,
  YahooReferenceFeed,
} from '@mnquants/mm-core';
import type { Logger } from 'pino';
import type { BotConfig } from './config.js';

/** The simulator behind a `sim` venue. */
export interface SimVenueHandle {
  /** The in-process simulator. */
  readonly simulator: KalshiSimulator;
  /** The bot's user there. */
  readonly userId: string;
}

/** A connected venue. */
export interface VenueSession {
  /** `sim`, `demo` or `production`. */
  readonly name: BotConfig['venue'];
  /** One line for logs, e.g. `simulator seed 42 at 39x on http://127.0.0.1:43121`. */
  readonly description: string;
  /** The SDK client (signed REST; its `wsUrl` and `signer` build the WebSocket). */
  readonly client: KalshiClient;
  /** Index and VIX. */
  readonly reference: ReferenceFeed;
  /** The venue's clock (the simulated clock in the simulator). */
  readonly clock: Clock;
  /** Trading time between two instants on the venue's clock, ms. */
  tradingMsBetween(fromMs: number, toMs: number): number;
  /** The Eastern date (`YYYY-MM-DD`) whose markets to trade, or `undefined` to let the calendar pick. */
  readonly tradingDate: string | undefined;
  /** The NYSE calendar (live venues). */
  readonly calendar: NyseCalendar;
  /** Sim only: the simulator and the bot's user there. */
  readonly sim?: SimVenueHandle;
  /** Converts a wall-clock duration to venue-clock ms (×speed in the simulator). */
  venueMs(wallMs: number): number;
  /** Stops the reference feed and the simulator (if any). Idempotent. */
  close(): Promise<void>;
}

/** Adapts pino to the SDK's `(message, fields)` logger shape. */
export function sdkLogger(logger: Logger): KalshiLogger {
  return {
    debug: (m, f) => logger.debug(f ?? {}, m),
    info: (m, f) => logger.info(f ?? {}, m),
    warn: (m, f) => logger.warn(f ?? {}, m),
    error: (m, f) => logger.error(f ?? {}, m),
  };
}

/** The Eastern calendar date of an instant, `YYYY-MM-DD`. */
export function easternDate(tsMs: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(tsMs);
}

/** Trading time between two instants inside one session `[openMs, closeMs]`, ms. */
export function sessionTradingMs(
  session: { openMs: number; closeMs: number },
  fromMs: number,
  toMs: number,
): number {
  return Math.max(0, Math.min(toMs, session.closeMs) - Math.max(fromMs, session.openMs));
}

/**
 * Opens the configured venue.
 *
 * @throws When the simulator cannot start, or a key cannot be read (the message never contains
 * the key or its path).
 */
export async function openVenue(
  config: BotConfig,
  logger: Logger,
  simulator?: KalshiSimulator,
): Promise<VenueSession> {
  return config.venue === 'sim' ? openSimulator(config, logger, simulator) : openKalshi(config, logger);
}

async function openSimulator(
  config: BotConfig,
  logger: Logger,
  given?: KalshiSimulator,
): Promise<VenueSession> {
  const simulator = given ?? new KalshiSimulator({ seed: config.seed, speed: config.speed });
  const owned = given === undefined;
  const { restUrl, wsUrl } = owned
    ? await simulator.start({ port: 0, host: '127.0.0.1' })
    : (simulator.address ?? (await simulator.start({ port: 0, host: '127.0.0.1' })));
  let reference: SimulatorReferenceFeed | undefined;
  try {
    const user = simulator.createUser({
      balanceDollars: formatMicros(config.simBalanceMicros),
      keyType: 'rsa',
    });
    const client = new KalshiClient({
      restUrl,
      wsUrl,
      apiKeyId: user.apiKeyId,
      privateKey: user.privateKeyPem,
      useEnv: false,
      logger: sdkLogger(logger.child({ component: 'sdk' })),
    });
    reference = new SimulatorReferenceFeed({
      restUrl,
      pollIntervalMs: config.referencePollMs ?? 500,
      staleAfterMs: config.referenceStaleMs * config.speed,
    });
    const world = simulator.world;
    const session = world?.currentSession;
    const openMs = session?.openTimeMs ?? simulator.clock.nowMs();
    const ref = reference;
    const sessionOf = () => {
      const s = simulator.world?.currentSession;
      return s === undefined ? null : { openMs: s.openTimeMs, closeMs: s.closeTimeMs };
    };
    let closed = false;
    return {
      name: 'sim',
      description: owned
        ? `simulator (seed ${config.seed}, ${config.speed}x) at ${restUrl}`
        : `simulator at ${restUrl}`,
      client,
      reference,
      clock: { nowMs: () => simulator.clock.nowMs() },
      tradingMsBetween: (from, to) => {
        const s = sessionOf();
        return s === null ? Math.max(0, to - from) : sessionTradingMs(s, from, to);
      },
      tradingDate: easternDate(openMs),
      calendar: new NyseCalendar(),
      sim: { simulator, userId: user.userId },
      venueMs: (wallMs) => wallMs * (owned ? config.speed : simulator.clock.speed),
      close: async () => {
        if (closed) return;
        closed = true;
        client.close();
        await ref.stop();
        if (owned) await simulator.stop();
      },
    };
  } catch (err) {
    await reference?.stop();
    if (owned) await simulator.stop();
    throw err;
  }
}

async function openKalshi(config: BotConfig, logger: Logger): Promise<VenueSession> {
  const environment = config.venue === 'production' ? 'production' : 'demo';
  const client = new KalshiClient({
    environment,
    ...(config.apiKeyId === null ? {} : { apiKeyId: config.apiKeyId }),
    ...(config.privateKeyPath === null ? {} : { privateKeyPath: config.privateKeyPath }),
    useEnv: false,
    logger: sdkLogger(logger.child({ component: 'sdk' })),
  });
  const reference = new YahooReferenceFeed({
    pollIntervalMs: config.referencePollMs ?? 15_000,
    staleAfterMs: config.referenceStaleMs,
  });
  const calendar = new NyseCalendar();
  let closed = false;
  return {
    name: config.venue,
    description: `Kalshi ${environment} at ${client.restUrl}`,
    client,
    reference,
    clock: systemClock,
    tradingMsBetween: (from, to) => calendar.tradingMsBetween(from, to),
    tradingDate: undefined,
    calendar,
    venueMs: (wallMs) => wallMs,
    close: async () => {
      if (closed) return;
      closed = true;
      client.close();
      await reference.stop();
    },
  };
}
