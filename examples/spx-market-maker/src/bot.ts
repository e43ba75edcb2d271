/**
 * The bot: opens a venue, picks the markets, wires the strategy into mm-core's Engine, logs and
 * displays the session, and stops cleanly.
 *
 * @module
 */
import {
  formatDollars,
  type KalshiClient,
  parseDollars,
  parseMicros,
  parseSignedCount,
} from '@mnquants/kalshi-sdk';
import type { KalshiSimulator } from '@mnquants/kalshi-sim';
import {
  Engine,
  findSpxMarkets,
  type MarketInfo,
  type MmLogger,
  type PriceUnits,
  type ReferencePrice,
  type RiskConfig,
  type SpxContract,
  selectSpxStrikes,
} from '@mnquants/mm-core';
import { KalshiMarketDataFeed, KalshiOrderGateway } from '@mnquants/mm-core/kalshi';
import type { Logger } from 'pino';
import type { BotConfig } from './config.js';
import { type PricedMarket, SpxFairValuePricer } from './pricer.js';
import type { StatusPanel, StatusSnapshot } from './status.js';
import { INDEX_SYMBOL, SpxMarketMakerStrategy, VIX_SYMBOL } from './strategy.js';
import { FillLedger, formatSummary, contracts as qty, type SessionSummary, usd } from './summary.js';
import { openVenue, type VenueSession } from './venue.js';

/** What {@link runBot} needs from its caller. */
export interface BotIo {
  /** The bot's logger (JSON file + console). */
  readonly logger: Logger;
  /** Aborting it stops the bot gracefully (Ctrl-C, SIGTERM). */
  readonly signal: AbortSignal;
  /** The live status panel, or `null` (not a TTY). */
  readonly panel: StatusPanel | null;
  /** Prints a line to the console (used for the summary). */
  print(line: string): void;
  /** Use this simulator instead of starting one (tests); the caller stops it. */
  readonly simulator?: KalshiSimulator;
}

/** Counters of a session. */
export interface BotStats {
  /** Times the strategy's desired quotes changed after risk, per market. */
  quoteUpdates: number;
  /** Orders acknowledged by the venue. */
  ordersPlaced: number;
  /** Amends and decreases acknowledged. */
  ordersAmended: number;
  /** Quotes denied by risk, by reason. */
  denials: Record<string, number>;
  /** Writes the venue refused. */
  rejections: number;
  /** WebSocket reconnects. */
  reconnects: number;
}

/** The bot's P&L next to the venue's account. */
export interface VenueCheck {
  /** Cash change at the venue over the session, micro-dollars. */
  readonly balanceChangeMicros: number;
  /** Venue positions valued at the bot's marks, micro-dollars (YES at mark, NO at $1 − mark). */
  readonly positionsValueMicros: number;
  /** balanceChange + positionsValue. */
  readonly venuePnlMicros: number;
  /** Positions the venue reports, count units, by market. */
  readonly venuePositions: Readonly<Record<string, number>>;
}

/** The outcome of {@link runBot}. */
export interface BotResult {
  /** Process exit code: 0 after a clean stop, 3 after a clean stop forced by the kill switch, 1 otherwise. */
  readonly exitCode: number;
  /** Why the bot stopped. */
  readonly stopReason: string;
  /** True when the venue confirmed no order of ours is resting. */
  readonly clean: boolean;
  /** The session summary (always computed once trading started). */
  readonly summary: SessionSummary | null;
  /** The markets quoted. */
  readonly markets: readonly string[];
  /** Counters. */
  readonly stats: BotStats;
  /** The venue's account, when it could be read. */
  readonly venueCheck: VenueCheck | null;
  /** Marks used for the summary, price units per market. */
  readonly marks: Readonly<Record<string, number>>;
  /** The bot's user id in the simulator (sim venue only). */
  readonly simUserId: string | null;
}

/** Adapts pino to mm-core's `(message, fields)` logger. */
function mmLogger(logger: Logger): MmLogger {
  return {
    debug: (m, f) => logger.debug(f ?? {}, m),
    info: (m, f) => logger.info(f ?? {}, m),
    warn: (m, f) => logger.warn(f ?? {}, m),
    error: (m, f) => logger.error(f ?? {}, m),
  };
}

const dollars = (u: PriceUnits | null | undefined): string | null =>
  u === null || u === undefined ? null : formatDollars(u);

/** `INX 6600-6624.99`, `INXU >6624.99`: series without `KX`, strike to the cent. */
function label(c: SpxContract): string {
  const s = c.strike;
  const lvl = (v: number | null) => (v === null ? '' : String(Math.floor(v * 100) / 100));
  const series = c.series.replace(/^KX/, '');
  if (s.type === 'between') return `${series} ${lvl(s.floor)}-${lvl(s.cap)}`;
  if (s.type === 'greater') return `${series} >${lvl(s.floor)}`;
  if (s.type === 'greater_or_equal') return `${series} >=${lvl(s.floor)}`;
  return `${series} ${s.type === 'less' ? '<' : '<='}${lvl(s.cap)}`;
}

function waitFor(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Waits until the reference feed has a fresh index value, or gives up. */
async function firstIndex(
  venue: VenueSession,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (!signal.aborted && Date.now() < deadline) {
    const p = venue.reference.latest(INDEX_SYMBOL);
    if (p !== undefined && !p.stale) return p.value;
    await waitFor(signal, 100);
  }
  return null;
}

/** Picks the markets: per series, the event closing last that day, strikes around the index. */
async function pickMarkets(
  config: BotConfig,
  venue: VenueSession,
  index: number,
  logger: Logger,
): Promise<SpxContract[]> {
  const picked: SpxContract[] = [];
  const now = venue.clock.nowMs();
  for (const series of config.series) {
    const set = await findSpxMarkets(venue.client, {
      series,
      calendar: venue.calendar,
      nowMs: now,
      ...(venue.tradingDate === undefined ? {} : { date: venue.tradingDate }),
    });
    for (const s of set.skipped) logger.debug({ market: s.ticker, reason: s.reason }, 'market skipped');
    const usable = set.contracts.filter(
      (c) => c.grid !== null && c.closeTimeMs !== null && c.closeTimeMs > now,
    );
    if (usable.length === 0) {
      logger.warn({ series, date: set.date }, 'no open market in this series');
      continue;
    }
    // The event that closes last (the 4 pm close for KXINX; the H1600 ladder for KXINXU).
    const lastClose = Math.max(...usable.map((c) => c.closeTimeMs ?? 0));
    const event = usable.filter((c) => c.closeTimeMs === lastClose);
    const eventTicker = event[0]!.eventTicker;
    picked.push(
      ...selectSpxStrikes(
        event.filter((c) => c.eventTicker === eventTicker),
        index,
        { neighbours: config.strikesAround },
      ),
    );
  }
  return picked;
}

async function venueAccount(
  client: KalshiClient,
): Promise<{ balanceMicros: number; positions: Record<string, number> }> {
  const bal = await client.portfolio.balance();
  const balanceMicros =
    bal.balance_dollars !== undefined ? parseMicros(bal.balance_dollars) : bal.balance * 10_000;
  const positions: Record<string, number> = {};
  for await (const p of client.portfolio.iteratePositions({})) {
    const n = parseSignedCount(p.position_fp);
    if (n !== 0) positions[p.ticker] = n;
  }
  return { balanceMicros, positions };
}

/**
 * Runs the bot until it is told to stop, then cancels everything and summarizes.
 *
 * @remarks Stops on `io.signal`, `--duration`, the close of the last quoted market, or a kill
 * switch. Never throws for a trading problem: failures are logged and reflected in `exitCode`.
 * @example
 * ```ts
 * const { logger, close } = createLogger({ file: 'trading.log', level: 'info', console: new PlainConsole(process.stdout) });
 * const stop = new AbortController();
 * process.once('SIGINT', () => stop.abort('SIGINT'));
 * const result = await runBot({ ...defaultConfig(), durationSec: 60 }, {
 *   logger, signal: stop.signal, panel: null, print: (line) => console.log(line),
 * });
 * await close();
 * process.exitCode = result.exitCode;
 * ```
 */
export async function runBot(config: BotConfig, io: BotIo): Promise<BotResult> {
  const { logger } = io;
  const stats: BotStats = {
    quoteUpdates: 0,
    ordersPlaced: 0,
    ordersAmended: 0,
    denials: {},
    rejections: 0,
    reconnects: 0,
  };
  const ledger = new FillLedger();
  const stop = new AbortController();
  let stopReason = 'unknown';
  const requestStop = (reason: string) => {
    if (stop.signal.aborted) return;
    stopReason = reason;
    stop.abort(reason);
  };
  const onAbort = () => requestStop(String(io.signal.reason ?? 'signal'));
  if (io.signal.aborted) onAbort();
  io.signal.addEventListener('abort', onAbort, { once: true });

  logger.info(
    { venue: config.venue, seed: config.seed, speed: config.speed, series: config.series },
    'starting',
  );
  const venue = await openVenue(config, logger, io.simulator);
  logger.info({ venue: venue.description }, venue.name === 'sim' ? 'simulator started' : 'venue opened');
  let engine: Engine | undefined;
  const timers: NodeJS.Timeout[] = [];
  const result = (partial: Partial<BotResult> & { exitCode: number }): BotResult => ({
    stopReason,
    clean: false,
    summary: null,
    markets: [],
    stats,
    venueCheck: null,
    marks: {},
    simUserId: venue.sim?.userId ?? null,
    ...partial,
  });
  try {
    let startAccount: Awaited<ReturnType<typeof venueAccount>>;
    try {
      startAccount = await venueAccount(venue.client);
    } catch (err) {
      logger.error(
        { err: (err as Error).message },
        'cannot read the account: check the keys and the network',
      );
      return result({ exitCode: 1, stopReason: 'account unreachable' });
    }
    logger.info(
      { balance: usd(startAccount.balanceMicros), positions: Object.keys(startAccount.positions).length },
      'account',
    );
    venue.reference.on('error', (err) => logger.warn({ err: err.message }, 'reference feed error'));
    await venue.reference.start();
    const index = await firstIndex(venue, stop.signal, 30_000);
    if (index === null) {
      if (stop.signal.aborted) return result({ exitCode: 0 });
      logger.error(
        { source: venue.reference.source },
        'no index value from the reference feed; cannot price markets',
      );
      return result({ exitCode: 1, stopReason: 'no reference data' });
    }
    logger.info({ index, source: venue.reference.source }, 'index');

    const contracts = await pickMarkets(config, venue, index, logger);
    if (contracts.length === 0) {
      logger.error({ series: config.series }, 'no S&P 500 markets open to quote');
      return result({ exitCode: 1, stopReason: 'no markets' });
    }
    const tickers = contracts.map((c) => c.ticker);
    const labels = new Map(contracts.map((c) => [c.ticker, label(c)]));
    logger.info(
      { markets: contracts.map((c) => `${c.ticker} (${label(c)})`) },
      `markets selected: ${contracts.length}`,
    );

    const priced: PricedMarket[] = contracts.map((c) => ({
      ticker: c.ticker,
      strike: c.strike,
      closeTsMs: c.closeTimeMs!,
      grid: c.grid!,
    }));
    const pricer = new SpxFairValuePricer({
      markets: priced,
      tradingMsBetween: (a, b) => venue.tradingMsBetween(a, b),
      minSpreadUnits: config.minSpreadUnits,
      maxSpreadUnits: config.maxSpreadUnits,
      skewPerContractUnits: config.skewPerContractUnits,
    });
    const strategy = new SpxMarketMakerStrategy({
      pricer,
      quoteSizeUnits: config.quoteSizeUnits,
      maxPositionUnits: config.maxPositionUnits,
      volatilityPct: config.volatilityPct,
      referenceStaleMs: venue.venueMs(config.referenceStaleMs),
      stopBeforeCloseMs: 120_000,
    });
    const risk: RiskConfig = {
      maxOrderCountUnits: config.maxOrderSizeUnits,
      maxPositionCountUnits: config.maxPositionUnits,
      maxTotalExposureMicros: config.maxTotalExposureMicros,
      maxLossMicros: config.maxLossMicros,
      requiredReferenceSymbols: config.volatilityPct === null ? [INDEX_SYMBOL, VIX_SYMBOL] : [INDEX_SYMBOL],
    };
    const marketInfo: MarketInfo[] = contracts.map((c) => ({
      ticker: c.ticker,
      eventTicker: c.eventTicker,
      tickSizeUnits: c.grid!.stepUp(c.grid!.minPrice)! - c.grid!.minPrice,
      closeTsMs: c.closeTimeMs!,
    }));
    const ports = {
      feed: new KalshiMarketDataFeed({
        socket: venue.client.createWebSocket(),
        logger: mmLogger(logger.child({ component: 'feed' })),
        nowMs: () => venue.clock.nowMs(),
      }),
      gateway: new KalshiOrderGateway({ client: venue.client }),
    };
    const coreLogger = mmLogger(logger.child({ component: 'engine' }));
    engine = new Engine({
      markets: tickers,
      strategy,
      feed: ports.feed,
      gateway: ports.gateway,
      risk,
      // Batch sizes follow the write bucket (KalshiOrderGateway.maxBatchSize: 5 on Basic).
      orders: { priceToleranceUnits: config.requoteToleranceUnits, postOnly: true },
      marketInfo,
      referenceFeed: venue.reference,
      orphanOrders: 'cancel',
      clock: venue.clock,
      logger: coreLogger,
    });
    const eng = engine;

    // ---- events -> logs, ledger, stats ----
    let riskReason: string | null = null;
    const lastDenial = new Map<string, string>();
    eng.on('quoteUpdated', (market, quotes) => {
      stats.quoteUpdates += 1;
      const bid = quotes.find((q) => q.side === 'bid');
      const ask = quotes.find((q) => q.side === 'ask');
      const view = strategy.view(market);
      logger.info(
        {
          market,
          fair: dollars(view?.fairUnits),
          bid: bid === undefined ? null : `${dollars(bid.priceUnits)} x${qty(bid.countUnits)}`,
          ask: ask === undefined ? null : `${dollars(ask.priceUnits)} x${qty(ask.countUnits)}`,
          ...(quotes.length === 0 && view?.idleReason ? { idle: view.idleReason } : {}),
        },
        'quote',
      );
    });
    eng.on('orderPlaced', (o) => {
      stats.ordersPlaced += 1;
      logger.info(
        {
          market: o.marketTicker,
          side: o.side,
          price: dollars(o.priceUnits),
          size: qty(o.remainingCountUnits),
          id: o.orderId,
        },
        'order placed',
      );
    });
    eng.on('orderAmended', (o) => {
      stats.ordersAmended += 1;
      logger.info(
        {
          market: o.marketTicker,
          side: o.side,
          price: dollars(o.priceUnits),
          size: qty(o.remainingCountUnits),
          id: o.orderId,
        },
        'order amended',
      );
    });
    eng.on('orderClosed', (o, reason) =>
      logger.debug({ market: o.marketTicker, side: o.side, id: o.orderId, reason }, 'order closed'),
    );
    eng.on('orderRejected', (r) => {
      stats.rejections += 1;
      logger.warn(
        { market: r.marketTicker, operation: r.operation, code: r.code, detail: r.message },
        'order rejected',
      );
    });
    eng.on('orderUnknown', (o) =>
      logger.warn(
        { market: o.marketTicker, clientOrderId: o.clientOrderId },
        'order outcome unknown; looking it up',
      ),
    );
    eng.on('orderDenied', (d) => {
      stats.denials[d.reason] = (stats.denials[d.reason] ?? 0) + 1;
      const key = `${d.marketTicker}:${d.quote.side}`;
      if (lastDenial.get(key) === d.reason) return;
      lastDenial.set(key, d.reason);
      logger.warn(
        { market: d.marketTicker, side: d.quote.side, reason: d.reason, detail: d.detail },
        'order denied',
      );
    });
    eng.on('orderFilled', (f, pos) => {
      ledger.add({
        fillId: f.tradeId,
        market: f.marketTicker,
        side: f.side,
        priceUnits: f.priceUnits,
        countUnits: f.countUnits,
        feeMicros: f.feeMicros,
      });
      logger.info(
        {
          market: f.marketTicker,
          side: f.side,
          price: dollars(f.priceUnits),
          size: qty(f.countUnits),
          fee: usd(f.feeMicros),
          position: qty(pos.positionCountUnits),
          taker: f.isTaker,
        },
        'fill',
      );
    });
    eng.on('riskStateChanged', (state, previous, reason) => {
      riskReason = state === 'active' ? null : reason;
      logger.warn({ state, previous, reason }, 'risk state');
    });
    // The engine itself logs `kill switch tripped`; the bot stops once the cancels are verified.
    eng.on('killSwitchCompleted', (report) => {
      logger.error({ ...report }, 'kill switch completed');
      requestStop(`kill switch: ${report.reason}`);
    });
    const untrusted = new Set<string>();
    eng.on('bookUntrusted', (market, reason) => {
      untrusted.add(market);
      logger.warn({ market, reason }, 'book untrusted; quotes pulled');
    });
    eng.on('bookTrusted', (market) => {
      if (untrusted.delete(market)) logger.info({ market }, 'book trusted again; quoting resumes');
      else logger.debug({ market }, 'book snapshot');
    });
    eng.on('bookCrossed', (market) => logger.warn({ market }, 'book crossed'));
    eng.on('reconnected', () => {
      stats.reconnects += 1;
      logger.warn({}, 'reconnected; fills and orders reconciled');
    });
    eng.on('positionDrift', (d) => logger.warn({ ...d }, 'position drift: trading reduced'));
    eng.on('marketSettled', (e) =>
      logger.info({ market: e.marketTicker, result: e.result }, 'market settled'),
    );
    eng.on('engineError', (err) => logger.error({ err }, 'engine error'));

    let lastIndexLog = 0;
    const onIndex = (p: ReferencePrice) => {
      const now = Date.now();
      if (p.symbol === INDEX_SYMBOL && now - lastIndexLog >= 5_000) {
        lastIndexLog = now;
        const vix = venue.reference.latest(VIX_SYMBOL);
        logger.info({ spx: p.value, vix: vix?.value ?? null, stale: p.stale }, 'index');
      }
    };
    venue.reference.on('update', onIndex);

    // ---- status ----
    const marks = (): Map<string, number | null> => {
      const m = new Map<string, number | null>();
      for (const t of tickers) {
        const mid = eng.context.book(t)?.midUnits;
        m.set(t, mid === undefined ? null : Math.round(mid));
      }
      return m;
    };
    const snapshot = (): StatusSnapshot => {
      const ctx = eng.context;
      const pnl = ctx.pnl();
      const ref = (s: string) => {
        const p = venue.reference.latest(s);
        return p === undefined ? null : { value: p.value, stale: p.stale };
      };
      let working = 0;
      return {
        venue: venue.name,
        clockMs: venue.clock.nowMs(),
        closeMs: Math.max(...priced.map((p) => p.closeTsMs)),
        index: ref(INDEX_SYMBOL),
        vix: ref(VIX_SYMBOL),
        riskState: eng.tradingState,
        riskReason,
        markets: tickers.map((t) => {
          const book = ctx.book(t);
          const open = ctx.openOrders(t);
          working += open.length;
          const ours = (side: 'bid' | 'ask') => {
            const o = open.find((x) => x.side === side);
            return o === undefined ? null : { priceUnits: o.priceUnits, countUnits: o.remainingCountUnits };
          };
          return {
            ticker: t,
            label: labels.get(t) ?? '',
            fairUnits: strategy.view(t)?.fairUnits ?? null,
            bookBid: book?.yesBid ?? null,
            bookAsk: book?.yesAsk ?? null,
            ourBid: ours('bid'),
            ourAsk: ours('ask'),
            positionUnits: ctx.position(t).positionCountUnits,
            trusted: book?.trusted ?? false,
          };
        }),
        fills: ledger.summary().fills,
        realizedMicros: pnl.realizedPnlMicros,
        unrealizedMicros: pnl.unrealizedPnlMicros,
        feesMicros: pnl.feesMicros,
        workingOrders: working,
      };
    };

    // Fills from here on are this session's: the end-of-run backfill asks for no earlier ones.
    const sessionStartMs = venue.clock.nowMs();
    await eng.start();
    logger.info({ markets: tickers.length }, 'quoting');
    if (io.panel !== null) {
      const panel = io.panel;
      timers.push(setInterval(() => panel.update(snapshot(), Date.now()), 250));
    } else {
      timers.push(
        setInterval(() => {
          const s = snapshot();
          logger.info(
            {
              spx: s.index?.value ?? null,
              fills: s.fills,
              working: s.workingOrders,
              net: usd(s.realizedMicros + s.unrealizedMicros - s.feesMicros),
              risk: s.riskState,
            },
            'status',
          );
        }, 10_000),
      );
    }
    if (config.durationSec !== null) {
      const ms = config.durationSec * 1000;
      timers.push(setTimeout(() => requestStop(`duration ${config.durationSec}s reached`), ms));
    }
    const lastClose = Math.max(...priced.map((p) => p.closeTsMs));
    timers.push(
      setInterval(() => {
        if (venue.clock.nowMs() >= lastClose) requestStop('markets closed');
      }, 250),
    );
    await new Promise<void>((resolve) => {
      if (stop.signal.aborted) resolve();
      else stop.signal.addEventListener('abort', () => resolve(), { once: true });
    });

    // ---- stop ----
    for (const t of timers.splice(0)) clearInterval(t);
    venue.reference.off('update', onIndex);
    logger.info({ reason: stopReason }, 'stopping: pulling quotes, cancelling every order');
    const clean = await eng.stop();
    const resting = await ports.gateway.getOpenOrders().then(
      (orders) => orders.length,
      () => -1,
    );
    if (clean && resting === 0) logger.info({}, 'cancelled all orders, none resting');
    else logger.error({ resting }, 'orders may still be resting at the venue: check it now');

    // Fills the WebSocket may not have delivered before the feed closed.
    for (const f of await ports.gateway.getFillsSince(sessionStartMs).catch(() => [])) {
      if (!tickers.includes(f.marketTicker) || f.tsMs < sessionStartMs) continue;
      if (
        ledger.add({
          fillId: f.tradeId,
          market: f.marketTicker,
          side: f.side,
          priceUnits: f.priceUnits,
          countUnits: f.countUnits,
          feeMicros: f.feeMicros,
        })
      ) {
        logger.info({ market: f.marketTicker, tradeId: f.tradeId }, 'fill backfilled after stop');
      }
    }

    const markMap = marks();
    // A market that has been determined is worth its settlement value, not its last mid.
    for (const t of tickers) {
      try {
        const { market } = await venue.client.markets.get(t);
        const settled =
          market.result === 'yes'
            ? 10_000
            : market.result === 'no'
              ? 0
              : market.result === 'scalar' && market.settlement_value_dollars
                ? parseDollars(market.settlement_value_dollars)
                : null;
        if (settled !== null) {
          markMap.set(t, settled);
          logger.info({ market: t, result: market.result, status: market.status }, 'market determined');
        }
      } catch (err) {
        logger.warn({ market: t, err: (err as Error).message }, 'could not read the market at stop');
      }
    }
    const summary = ledger.summary(markMap);
    // Marks actually used: the book mid, else the last fill price.
    const used = new Map(summary.markets.map((m) => [m.market, m.markUsedUnits]));
    for (const [t, m] of markMap) if (m !== null) used.set(t, m);
    const valueAt = (positions: Record<string, number>): number | null => {
      let value = 0;
      for (const [t, n] of Object.entries(positions)) {
        const m = used.get(t);
        if (m === undefined) return null; // a position the bot did not trade: cannot compare
        value += n >= 0 ? n * m : -n * (10_000 - m);
      }
      return value;
    };
    let venueCheck: VenueCheck | null = null;
    try {
      const end = await venueAccount(venue.client);
      const endValue = valueAt(end.positions);
      const startValue = valueAt(startAccount.positions);
      if (endValue !== null && startValue !== null) {
        const change = end.balanceMicros - startAccount.balanceMicros;
        venueCheck = {
          balanceChangeMicros: change,
          positionsValueMicros: endValue - startValue,
          venuePnlMicros: change + endValue - startValue,
          venuePositions: end.positions,
        };
      } else {
        logger.info({}, 'the account holds positions in other markets; venue P&L not compared');
      }
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'could not read the account at stop');
    }
    const extra =
      venueCheck === null
        ? []
        : [
            `venue account    cash ${usd(venueCheck.balanceChangeMicros)} + positions ${usd(venueCheck.positionsValueMicros)} = ${usd(venueCheck.venuePnlMicros)} ${venueCheck.venuePnlMicros === summary.netPnlMicros ? '(matches)' : '(DIFFERS from the bot)'}`,
          ];
    logger.info(
      {
        fills: summary.fills,
        volume: qty(summary.volumeUnits),
        fees: usd(summary.feesMicros),
        realized: usd(summary.realizedMicros),
        unrealized: usd(summary.unrealizedMicros),
        net: usd(summary.netPnlMicros),
        maxPosition: qty(summary.maxAbsPositionUnits),
      },
      'summary',
    );
    io.panel?.close();
    for (const line of formatSummary(summary, [`stopped          ${stopReason}`, ...extra])) io.print(line);
    return {
      // 0: clean stop; 3: clean stop after the kill switch; 1: orders may still rest.
      exitCode: !(clean && resting === 0) ? 1 : stopReason.startsWith('kill switch') ? 3 : 0,
      stopReason,
      clean: clean && resting === 0,
      summary,
      markets: tickers,
      stats,
      venueCheck,
      marks: Object.fromEntries(used),
      simUserId: venue.sim?.userId ?? null,
    };
  } catch (err) {
    logger.error({ err }, 'bot failed');
    if (engine !== undefined && engine.state === 'running') await engine.stop().catch(() => false);
    return result({ exitCode: 1, stopReason: `error: ${(err as Error).message}` });
  } finally {
    for (const t of timers) clearInterval(t);
    io.signal.removeEventListener('abort', onAbort);
    await venue.close();
  }
}
