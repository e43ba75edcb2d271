import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type CancelOrderV2Response,
  type CreateOrderV2Response,
  isKalshiError,
  type Market,
  parseCount,
  parseDollars,
} from '@mnquants/kalshi-sdk';
import type { KeyStore } from '../auth/key-store.js';
import type {
  AmendOrderParams,
  CreateOrderParams,
  EngineError,
  EngineOrder,
  EngineResult,
} from '../engine/types.js';
import type { SimFaults } from '../faults/faults.js';
import type { ExchangePort } from './exchange-port.js';
import {
  badRequest,
  notFound,
  type Route,
  type RouteRequest,
  type RouteResult,
  Router,
  readJsonBody,
  SimHttpError,
  sendError,
  sendJson,
} from './http.js';
import {
  BATCH_ITEM_COSTS,
  DEFAULT_ENDPOINT_COST,
  ENDPOINT_COSTS,
  type RateLimiter,
  requestCost,
  type SimUsageTier,
  TIER_LIMITS,
} from './rate-limits.js';
import * as wire from './wire.js';

/** The REST path prefix. */
export const REST_PREFIX = '/trade-api/v2';

type Json = Record<string, unknown>;

/** Reference data behind the simulator-only `GET /x-sim/index`. */
export interface SimIndexSnapshot {
  indexValue: string;
  volatilityValue: string;
  tsMs: number;
  speed: number;
  sessionOpenMs: number;
  sessionCloseMs: number;
}

/** What the REST server needs from the simulator. @internal */
export interface RestServerDeps {
  exchange: ExchangePort;
  keys: KeyStore;
  faults: SimFaults;
  limiter: RateLimiter;
  /** The usage tier of a user. */
  tierOf: (userId: string) => SimUsageTier;
  /** Sim clock, Unix ms. */
  nowMs: () => number;
  /** Reference data for `/x-sim/index`. */
  index: () => SimIndexSnapshot;
  /** Weekly trading hours, for `/exchange/schedule`. */
  scheduleHours?: { open: string; close: string };
  /** Whether Thursday's hours exclude the 03:00-05:00 ET weekly trading pause. @defaultValue false */
  weeklyTradingPause?: boolean;
  /** When trading is expected to resume (sim Unix ms), during a scheduled pause. */
  resumeTimeMs?: () => number | undefined;
}

/**
 * Kalshi's REST API over `node:http`: routing, auth, rate limits, faults, handlers.
 *
 * @internal
 */
export class SimRestServer {
  readonly #deps: RestServerDeps;
  readonly #router = new Router();
  readonly #delays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  #closed = false;

  constructor(deps: RestServerDeps) {
    this.#deps = deps;
    this.#routes();
  }

  /** Cancels pending fault delays (their requests are answered immediately). */
  close(): void {
    this.#closed = true;
    for (const d of this.#delays) {
      clearTimeout(d.timer);
      d.resolve();
    }
    this.#delays.clear();
  }

  /** The request listener for `http.createServer`. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    this.#handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        sendError(
          res,
          err instanceof SimHttpError
            ? err
            : new SimHttpError(500, 'internal_server_error', 'internal error', String(err)),
        );
      } else res.destroy();
    });
  };

  async #sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#closed) return;
    await new Promise<void>((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.#delays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.#delays.add(entry);
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.length > 1 && path.endsWith('/')) {
      res.writeHead(301, { location: path.replace(/\/+$/, '') + url.search, 'content-length': 0 });
      res.end();
      return;
    }
    if (path !== REST_PREFIX && !path.startsWith(`${REST_PREFIX}/`)) {
      throw notFound(`no endpoint at ${path}; the REST API lives under ${REST_PREFIX}`);
    }
    const { faults } = this.#deps;
    const forced = faults.takeRestFailure(path);
    const delay = faults.takeRestDelay(path);
    await this.#sleep(delay);
    if (forced !== undefined) {
      if (forced === 429) sendJson(res, 429, { error: 'too many requests' });
      else
        sendError(
          res,
          new SimHttpError(forced, 'internal_server_error', `injected ${forced} (kalshi-sim fault)`),
        );
      return;
    }
    const m = this.#router.match(method, path);
    if (m.route === undefined) {
      if (m.methodMismatch)
        throw new SimHttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}`);
      throw new SimHttpError(
        501,
        'not_supported',
        `${method} ${path.slice(REST_PREFIX.length) || '/'} is not supported by kalshi-sim`,
      );
    }
    const { route, params } = m;
    let userId: string | undefined;
    const signed = req.headers['kalshi-access-key'] !== undefined;
    if (route.auth === 'private' || (route.auth === 'optional' && signed)) {
      const auth = this.#deps.keys.verify(req.headers, method, path);
      if (!auth.ok) throw new SimHttpError(401, 'authentication_error', 'authentication_error', auth.details);
      userId = auth.userId;
    }
    const body = method === 'GET' ? undefined : await readJsonBody(req);
    if (userId !== undefined) {
      const items = route.items?.(body) ?? 1;
      const { bucket, cost } = requestCost(method, route.template, items);
      if (!this.#deps.limiter.take(userId, this.#deps.tierOf(userId), bucket, cost)) {
        sendJson(res, 429, { error: 'too many requests' });
        return;
      }
    }
    if (faults.exchangePaused && path.startsWith(`${REST_PREFIX}/portfolio`)) {
      throw new SimHttpError(503, 'exchange_paused', 'exchange is paused');
    }
    const result = await route.handler({
      method,
      path,
      route: route.template,
      params,
      query: url.searchParams,
      body,
      userId,
    });
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status, { 'content-length': 0 });
      res.end();
      return;
    }
    sendJson(res, result.status, result.body);
  }

  #add(
    method: string,
    path: string,
    auth: Route['auth'],
    handler: (req: RouteRequest & { user: string }) => RouteResult | Promise<RouteResult>,
    items?: (body: unknown) => number,
  ): void {
    const route: Route = {
      method,
      template: REST_PREFIX + path,
      auth,
      handler: (req) => handler({ ...req, user: req.userId ?? '' }),
    };
    if (items !== undefined) route.items = items;
    this.#router.add(route);
  }

  #routes(): void {
    const ex = this.#deps.exchange;
    const add = this.#add.bind(this);

    // --- exchange and account meta ---
    add('GET', '/exchange/status', 'public', () => {
      const s = ex.status();
      const exchangeActive = s.exchangeActive && !this.#deps.faults.exchangePaused;
      const tradingActive = exchangeActive && s.tradingActive && !this.#deps.faults.tradingPaused;
      const resumeAt = tradingActive ? undefined : this.#deps.resumeTimeMs?.();
      return ok({
        exchange_active: exchangeActive,
        trading_active: tradingActive,
        exchange_estimated_resume_time: resumeAt === undefined ? null : wire.rfc3339(resumeAt),
        intra_exchange_transfers_active: exchangeActive,
        exchange_index_statuses: [
          {
            exchange_index: 0,
            description: 'kalshi-sim',
            exchange_active: exchangeActive,
            trading_active: tradingActive,
            intra_exchange_transfers_active: exchangeActive,
          },
        ],
      });
    });
    add('GET', '/exchange/schedule', 'public', () => {
      const h = this.#deps.scheduleHours ?? { open: '00:00', close: '23:59' };
      const day = [{ open_time: h.open, close_time: h.close }];
      // HH:MM strings compare like times; cut the 03:00-05:00 pause out of Thursday's hours.
      const thursday = this.#deps.weeklyTradingPause
        ? [
            { open_time: h.open, close_time: h.close < '03:00' ? h.close : '03:00' },
            { open_time: h.open > '05:00' ? h.open : '05:00', close_time: h.close },
          ].filter((x) => x.open_time < x.close_time)
        : day;
      return ok({
        schedule: {
          standard_hours: [
            {
              start_time: '2020-01-01T00:00:00Z',
              end_time: '2100-01-01T00:00:00Z',
              monday: day,
              tuesday: day,
              wednesday: day,
              thursday,
              friday: day,
              saturday: day,
              sunday: day,
            },
          ],
          maintenance_windows: [],
        },
      });
    });
    add('GET', '/exchange/user_data_timestamp', 'public', () =>
      ok({ as_of_time: wire.rfc3339(this.#deps.nowMs()) }),
    );
    add('GET', '/account/endpoint_costs', 'public', () =>
      ok({
        default_cost: DEFAULT_ENDPOINT_COST,
        endpoint_costs: [...ENDPOINT_COSTS, ...BATCH_ITEM_COSTS].map((c) => ({
          method: c.method,
          path: c.path,
          cost: c.cost,
        })),
      }),
    );
    add('GET', '/account/limits', 'private', ({ user }) => {
      const tier = this.#deps.tierOf(user);
      return ok({ usage_tier: tier, ...TIER_LIMITS[tier], grants: [] });
    });
    add('GET', '/api_keys', 'private', ({ user }) =>
      ok({
        api_keys: this.#deps.keys.keysOf(user).map((k) => ({
          api_key_id: k.apiKeyId,
          name: k.name,
          scopes: ['read', 'write'],
          key_type: k.keyType,
        })),
      }),
    );

    // --- simulator-only ---
    add('GET', '/x-sim/index', 'public', () => {
      const s = this.#deps.index();
      return ok({
        index: { symbol: '^GSPC', value: s.indexValue, ts_ms: s.tsMs },
        volatility: { symbol: '^VIX', value: s.volatilityValue, ts_ms: s.tsMs },
        sim_time_ms: this.#deps.nowMs(),
        speed: s.speed,
        session: { open_ts_ms: s.sessionOpenMs, close_ts_ms: s.sessionCloseMs },
      });
    });

    // --- series, events, markets ---
    add('GET', '/series', 'public', ({ query }) => {
      const category = query.get('category');
      const tags = query.get('tags');
      const wanted = tags === null ? [] : tags.split(',').map((t) => t.trim());
      const list = ex
        .listSeries()
        .filter((s) => category === null || s.category === category)
        .filter((s) => wanted.length === 0 || wanted.some((t) => s.tags.includes(t)));
      return ok({ series: list.map(wire.series) });
    });
    add('GET', '/series/{series_ticker}', 'public', ({ params }) => {
      const s = ex.getSeries(params.series_ticker as string);
      if (s === undefined) throw notFound(`series ${params.series_ticker} not found`);
      return ok({ series: wire.series(s) });
    });
    add('GET', '/events', 'public', ({ query }) => {
      const limit = intParam(query, 'limit', 200, 1, 200);
      const nested = boolParam(query, 'with_nested_markets');
      const status = query.get('status');
      if (status !== null && !wire.STATUS_FILTERS.includes(status)) {
        throw badRequest(`status must be one of ${wire.STATUS_FILTERS.join(', ')}`);
      }
      const seriesTicker = query.get('series_ticker');
      const minCloseTs = optIntParam(query, 'min_close_ts');
      const markets = ex.listMarkets();
      const list = ex.listEvents().filter((e) => {
        if (seriesTicker !== null && e.seriesTicker !== seriesTicker) return false;
        const children = markets.filter((m) => m.eventTicker === e.eventTicker);
        if (status !== null && !children.some((m) => wire.statusMatches(status, m.status))) return false;
        if (minCloseTs !== undefined && !children.some((m) => m.closeTimeMs >= minCloseTs * 1000))
          return false;
        return true;
      });
      const page = paginate(list, query.get('cursor'), limit);
      return ok({
        events: page.items.map((e) =>
          wire.event(
            e,
            nested
              ? markets.filter((m) => m.eventTicker === e.eventTicker).map((m) => this.#market(m))
              : undefined,
          ),
        ),
        cursor: page.cursor,
      });
    });
    add('GET', '/events/{event_ticker}', 'public', ({ params, query }) => {
      const e = ex.getEvent(params.event_ticker as string);
      if (e === undefined) throw notFound(`event ${params.event_ticker} not found`);
      const markets = ex
        .listMarkets()
        .filter((m) => m.eventTicker === e.eventTicker)
        .map((m) => this.#market(m));
      const nested = boolParam(query, 'with_nested_markets');
      return ok({ event: wire.event(e, nested ? markets : undefined), markets });
    });
    add('GET', '/markets', 'public', ({ query }) => {
      const limit = intParam(query, 'limit', 100, 0, 1000);
      const status = query.get('status');
      if (status !== null && !wire.STATUS_FILTERS.includes(status)) {
        throw badRequest(`status must be one of ${wire.STATUS_FILTERS.join(', ')}`);
      }
      const eventTicker = query.get('event_ticker');
      const seriesTicker = query.get('series_ticker');
      const tickers = listParam(query, 'tickers');
      const minClose = optIntParam(query, 'min_close_ts');
      const maxClose = optIntParam(query, 'max_close_ts');
      const list = ex.listMarkets().filter((m) => {
        if (status !== null && !wire.statusMatches(status, m.status)) return false;
        if (eventTicker !== null && m.eventTicker !== eventTicker) return false;
        if (seriesTicker !== null && m.seriesTicker !== seriesTicker) return false;
        if (tickers !== undefined && !tickers.includes(m.ticker)) return false;
        if (minClose !== undefined && m.closeTimeMs < minClose * 1000) return false;
        if (maxClose !== undefined && m.closeTimeMs > maxClose * 1000) return false;
        return true;
      });
      const page = paginate(list, query.get('cursor'), limit === 0 ? 100 : limit);
      return ok({ markets: page.items.map((m) => this.#market(m)), cursor: page.cursor });
    });
    add('GET', '/markets/trades', 'public', ({ query }) => {
      const limit = intParam(query, 'limit', 100, 1, 1000);
      const ticker = query.get('ticker');
      const minTs = optIntParam(query, 'min_ts');
      const maxTs = optIntParam(query, 'max_ts');
      const list = [...ex.trades()]
        .reverse()
        .filter(
          (t) =>
            (ticker === null || t.ticker === ticker) &&
            (minTs === undefined || t.tsMs >= minTs * 1000) &&
            (maxTs === undefined || t.tsMs <= maxTs * 1000),
        );
      const page = paginate(list, query.get('cursor'), limit);
      return ok({ trades: page.items.map(wire.trade), cursor: page.cursor });
    });
    add('GET', '/markets/orderbooks', 'optional', ({ query }) => {
      const tickers = query
        .getAll('tickers')
        .flatMap((t) => t.split(','))
        .filter((t) => t !== '');
      if (tickers.length === 0 || tickers.length > 100)
        throw badRequest('tickers must name 1 to 100 markets');
      return ok({
        orderbooks: tickers.map((t) => ({ ticker: t, orderbook_fp: this.#orderbook(t, 0) })),
      });
    });
    add('GET', '/markets/{ticker}', 'public', ({ params }) => {
      const m = ex.getMarket(params.ticker as string);
      if (m === undefined) throw notFound(`market ${params.ticker} not found`);
      return ok({ market: this.#market(m) });
    });
    add('GET', '/markets/{ticker}/orderbook', 'optional', ({ params, query }) => {
      const depth = intParam(query, 'depth', 0, 0, 100);
      return ok({ orderbook_fp: this.#orderbook(params.ticker as string, depth) });
    });

    // --- portfolio reads ---
    add('GET', '/portfolio/balance', 'private', ({ user }) =>
      ok(wire.balance(ex.balance(user), this.#deps.nowMs())),
    );
    add('GET', '/portfolio/positions', 'private', ({ user, query }) => {
      const limit = intParam(query, 'limit', 100, 1, 1000);
      const ticker = query.get('ticker');
      const eventTicker = query.get('event_ticker');
      const filter = query.get('count_filter');
      const all = ex
        .positions(user)
        .filter(
          (p) =>
            (ticker === null || p.ticker === ticker) &&
            (eventTicker === null || p.eventTicker === eventTicker) &&
            (filter === null
              ? true
              : filter
                  .split(',')
                  .some((f) =>
                    f === 'position'
                      ? p.positionUnits !== 0
                      : f === 'total_traded'
                        ? p.volumeUnits !== 0
                        : false,
                  )),
        );
      const page = paginate(all, query.get('cursor'), limit);
      const events = new Map<string, typeof all>();
      for (const p of page.items) events.set(p.eventTicker, [...(events.get(p.eventTicker) ?? []), p]);
      return ok({
        market_positions: page.items.map(wire.position),
        event_positions: [...events].map(([e, ps]) => wire.eventPosition(e, ps)),
        cursor: page.cursor,
      });
    });
    add('GET', '/portfolio/fills', 'private', ({ user, query }) => {
      const limit = intParam(query, 'limit', 100, 1, 1000);
      const ticker = query.get('ticker');
      const orderId = query.get('order_id');
      const minTs = optIntParam(query, 'min_ts');
      const maxTs = optIntParam(query, 'max_ts');
      const list = [...ex.fills(user)]
        .reverse()
        .filter(
          (f) =>
            (ticker === null || f.ticker === ticker) &&
            (orderId === null || f.orderId === orderId) &&
            (minTs === undefined || f.tsMs >= minTs * 1000) &&
            (maxTs === undefined || f.tsMs <= maxTs * 1000),
        );
      const page = paginate(list, query.get('cursor'), limit);
      return ok({ fills: page.items.map(wire.fill), cursor: page.cursor });
    });
    add('GET', '/portfolio/settlements', 'private', ({ user, query }) => {
      const limit = intParam(query, 'limit', 100, 1, 1000);
      const ticker = query.get('ticker');
      const eventTicker = query.get('event_ticker');
      const list = [...ex.settlements(user)]
        .reverse()
        .filter(
          (s) =>
            (ticker === null || s.ticker === ticker) &&
            (eventTicker === null || s.eventTicker === eventTicker),
        );
      const page = paginate(list, query.get('cursor'), limit);
      return ok({ settlements: page.items.map(wire.settlement), cursor: page.cursor });
    });
    add('GET', '/portfolio/orders', 'private', ({ user, query }) => {
      const limit = intParam(query, 'limit', 100, 1, 1000);
      const ticker = query.get('ticker');
      const status = query.get('status');
      if (status !== null && !['resting', 'canceled', 'executed'].includes(status)) {
        throw badRequest('status must be one of resting, canceled, executed');
      }
      const events = listParam(query, 'event_ticker');
      const minTs = optIntParam(query, 'min_ts');
      const maxTs = optIntParam(query, 'max_ts');
      const markets = new Map(ex.listMarkets().map((m) => [m.ticker, m.eventTicker]));
      const list = [...ex.orders(user)]
        .reverse()
        .filter(
          (o) =>
            (ticker === null || o.ticker === ticker) &&
            (status === null || o.status === status) &&
            (events === undefined || events.includes(markets.get(o.ticker) ?? '')) &&
            (minTs === undefined || o.createdTimeMs >= minTs * 1000) &&
            (maxTs === undefined || o.createdTimeMs <= maxTs * 1000),
        );
      const page = paginate(list, query.get('cursor'), limit);
      return ok({ orders: page.items.map(wire.order), cursor: page.cursor });
    });
    add('GET', '/portfolio/orders/{order_id}', 'private', ({ user, params }) => {
      const o = ex.getOrder(user, params.order_id as string);
      if (o === undefined) throw notFound(`order ${params.order_id} not found`);
      return ok({ order: wire.order(o) });
    });
    add('GET', '/portfolio/summary/total_resting_order_value', 'private', ({ user }) => {
      const b = ex.balance(user);
      return ok({
        total_resting_order_value: wire.cents(b.restingOrderValueMicros),
        resting_order_value_breakdown: [
          { exchange_index: 0, balance: wire.money(b.restingOrderValueMicros) },
        ],
      });
    });

    // --- V2 order writes ---
    add('POST', '/portfolio/events/orders', 'private', ({ user, body }) => {
      this.#tradingOpen();
      const params = createParams(body, this.#deps.nowMs());
      const out = unwrap(ex.createOrder(user, params));
      return {
        status: 201,
        body: createResponse(out.order, out.averageFillPriceUnits, out.averageFeePaidMicros),
      };
    });
    add(
      'POST',
      '/portfolio/events/orders/batched',
      'private',
      ({ user, body }) => {
        const orders = batchItems(body);
        if (orders.length === 0) throw badRequest('orders must be a non-empty array');
        const paused = this.#deps.faults.tradingPaused;
        const now = this.#deps.nowMs();
        const results = orders.map((item) => {
          const clientId =
            isObj(item) && typeof item.client_order_id === 'string' ? item.client_order_id : null;
          try {
            if (paused) throw tradingPausedError();
            const out = unwrap(ex.createOrder(user, createParams(item, now)));
            return createResponse(out.order, out.averageFillPriceUnits, out.averageFeePaidMicros);
          } catch (err) {
            const e = asHttpError(err);
            // No order exists: Kalshi's schema has `order_id` as a non-null string, so it is left out.
            return {
              client_order_id: clientId,
              fill_count: null,
              remaining_count: null,
              ts_ms: null,
              error: errorBody(e),
            };
          }
        });
        return { status: 201, body: { orders: results } };
      },
      (body) => batchItems(body).length,
    );
    add(
      'DELETE',
      '/portfolio/events/orders/batched',
      'private',
      ({ user, body }) => {
        const orders = batchItems(body);
        if (orders.length === 0) throw badRequest('orders must be a non-empty array');
        const results = orders.map((item) => {
          const orderId = isObj(item) && typeof item.order_id === 'string' ? item.order_id : '';
          try {
            if (orderId === '') throw badRequest('order_id is required');
            const out = unwrap(ex.cancelOrder(user, orderId));
            return cancelResponse(out.order, out.reducedByUnits, this.#deps.nowMs());
          } catch (err) {
            return {
              order_id: orderId,
              client_order_id: null,
              reduced_by: '0.00',
              ts_ms: null,
              error: errorBody(asHttpError(err)),
            };
          }
        });
        return ok({ orders: results });
      },
      (body) => batchItems(body).length,
    );
    add('DELETE', '/portfolio/events/orders/{order_id}', 'private', ({ user, params }) => {
      const out = unwrap(ex.cancelOrder(user, params.order_id as string));
      return ok(cancelResponse(out.order, out.reducedByUnits, this.#deps.nowMs()));
    });
    add('DELETE', '/portfolio/events/orders', 'private', ({ user, query }) => {
      const sub = optIntParam(query, 'subaccount');
      unwrap(ex.cancelAllOrders(user, sub));
      return { status: 204 };
    });
    add('POST', '/portfolio/events/orders/{order_id}/amend', 'private', ({ user, params, body }) => {
      this.#tradingOpen();
      if (!isObj(body)) throw badRequest('request body must be a JSON object');
      const side = body.side;
      if (side !== 'bid' && side !== 'ask') throw badRequest('side must be "bid" or "ask"');
      if (typeof body.ticker !== 'string' || body.ticker === '') throw badRequest('ticker is required');
      const amend: AmendOrderParams = {
        ticker: body.ticker,
        side: side as 'bid' | 'ask',
        priceUnits: priceField(body.price, 'price'),
        countUnits: countField(body.count, 'count'),
        ...(typeof body.updated_client_order_id === 'string'
          ? { updatedClientOrderId: body.updated_client_order_id }
          : {}),
      };
      const existing = ex.getOrder(user, params.order_id as string);
      if (
        existing !== undefined &&
        typeof body.client_order_id === 'string' &&
        body.client_order_id !== existing.clientOrderId
      ) {
        throw badRequest('client_order_id does not match the order', 'order_id_and_client_order_id_mismatch');
      }
      const out = unwrap(ex.amendOrder(user, params.order_id as string, amend));
      const o = out.order;
      const res: Json = {
        order_id: o.orderId,
        client_order_id: o.clientOrderId,
        remaining_count: wire.count(o.remainingCountUnits),
        fill_count: wire.count(out.fills.reduce((a, f) => a + f.countUnits, 0)),
        ts_ms: o.lastUpdateTimeMs,
      };
      return ok(res);
    });
    add('POST', '/portfolio/events/orders/{order_id}/decrease', 'private', ({ user, params, body }) => {
      if (!isObj(body)) throw badRequest('request body must be a JSON object');
      const by = body.reduce_by ?? null;
      const to = body.reduce_to ?? null;
      if ((by === null) === (to === null))
        throw badRequest('exactly one of reduce_by and reduce_to is required');
      const p =
        by !== null
          ? { reduceByUnits: countField(by, 'reduce_by') }
          : { reduceToUnits: countField(to, 'reduce_to') };
      const out = unwrap(ex.decreaseOrder(user, params.order_id as string, p));
      return ok({
        order_id: out.order.orderId,
        client_order_id: out.order.clientOrderId,
        remaining_count: wire.count(out.order.remainingCountUnits),
        ts_ms: out.order.lastUpdateTimeMs,
      });
    });
    // Legacy V1 writes answer as Kalshi does since mid-2026.
    for (const [method, path] of [
      ['POST', '/portfolio/orders'],
      ['POST', '/portfolio/orders/batched'],
      ['DELETE', '/portfolio/orders/batched'],
      ['DELETE', '/portfolio/orders/{order_id}'],
      ['POST', '/portfolio/orders/{order_id}/amend'],
      ['POST', '/portfolio/orders/{order_id}/decrease'],
    ] as const) {
      add(method, path, 'private', () => {
        throw badRequest('Please switch to the V2 endpoints', 'deprecated_v1_order_endpoint');
      });
    }

    // --- order groups ---
    add('GET', '/portfolio/order_groups', 'private', ({ user }) =>
      ok({ order_groups: ex.orderGroups(user).map(wire.orderGroup) }),
    );
    add('POST', '/portfolio/order_groups/create', 'private', ({ user, body }) => {
      const limit = groupLimit(body);
      const out = unwrap(ex.createOrderGroup(user, limit));
      return {
        status: 201,
        body: { order_group_id: out.group.orderGroupId, subaccount: 0, exchange_index: 0 },
      };
    });
    add('GET', '/portfolio/order_groups/{order_group_id}', 'private', ({ user, params }) => {
      const g = ex.getOrderGroup(user, params.order_group_id as string);
      if (g === undefined) throw notFound(`order group ${params.order_group_id} not found`);
      return ok({
        is_auto_cancel_enabled: g.isAutoCancelEnabled,
        contracts_limit_fp: wire.count(g.contractsLimitUnits),
        orders: g.restingOrderIds,
        exchange_index: 0,
      });
    });
    add('DELETE', '/portfolio/order_groups/{order_group_id}', 'private', ({ user, params }) => {
      unwrap(ex.deleteOrderGroup(user, params.order_group_id as string));
      return ok({});
    });
    add('PUT', '/portfolio/order_groups/{order_group_id}/reset', 'private', ({ user, params }) => {
      unwrap(ex.resetOrderGroup(user, params.order_group_id as string));
      return ok({});
    });
    add('PUT', '/portfolio/order_groups/{order_group_id}/trigger', 'private', ({ user, params }) => {
      unwrap(ex.triggerOrderGroup(user, params.order_group_id as string));
      return ok({});
    });
    add('PUT', '/portfolio/order_groups/{order_group_id}/limit', 'private', ({ user, params, body }) => {
      unwrap(ex.setOrderGroupLimit(user, params.order_group_id as string, groupLimit(body)));
      return ok({});
    });
  }

  #tradingOpen(): void {
    if (this.#deps.faults.tradingPaused) throw tradingPausedError();
  }

  #market(m: Parameters<typeof wire.market>[0]): Market {
    return wire.market(m, this.#deps.exchange.topOfBook(m.ticker));
  }

  #orderbook(ticker: string, depth: number): Json {
    const book = this.#deps.exchange.book(ticker);
    if (book === undefined) throw notFound(`market ${ticker} not found`);
    const side = (levels: { priceUnits: number; countUnits: number }[]) =>
      (depth > 0 ? levels.slice(-depth) : levels).map((l) => [
        wire.price(l.priceUnits),
        wire.count(l.countUnits),
      ]);
    return { yes_dollars: side(book.yes), no_dollars: side(book.no) };
  }
}

function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function tradingPausedError(): SimHttpError {
  return new SimHttpError(409, 'trading_paused', 'trading is paused; only cancels are accepted');
}

function asHttpError(err: unknown): SimHttpError {
  if (err instanceof SimHttpError) return err;
  return new SimHttpError(500, 'internal_server_error', 'internal error', String(err));
}

function errorBody(e: SimHttpError): Json {
  const out: Json = { code: e.code, message: e.message };
  if (e.details !== undefined) out.details = e.details;
  return out;
}

function unwrap<T>(r: EngineResult<T>): T {
  if (r.ok) return r;
  const e: EngineError = r.error;
  throw new SimHttpError(e.status, e.code, e.message, e.details);
}

function batchItems(body: unknown): unknown[] {
  if (!isObj(body) || !Array.isArray(body.orders)) return [];
  return body.orders;
}

function priceField(v: unknown, name: string): number {
  if (typeof v !== 'string')
    throw badRequest(`${name} must be a dollar string such as "0.5600"`, 'invalid_order');
  try {
    return parseDollars(v);
  } catch (err) {
    if (isKalshiError(err))
      throw badRequest(`${name} ${JSON.stringify(v)} is not a valid dollar price`, 'invalid_order');
    throw err;
  }
}

function countField(v: unknown, name: string): number {
  if (typeof v !== 'string' && typeof v !== 'number') {
    throw badRequest(`${name} must be a fixed-point count string such as "10.00"`, 'invalid_order_size');
  }
  try {
    return parseCount(String(v));
  } catch (err) {
    if (isKalshiError(err))
      throw badRequest(`${name} ${JSON.stringify(v)} is not a valid count`, 'invalid_order_size');
    throw err;
  }
}

function groupLimit(body: unknown): number {
  if (!isObj(body)) throw badRequest('request body must be a JSON object');
  if (body.contracts_limit_fp !== undefined) return countField(body.contracts_limit_fp, 'contracts_limit_fp');
  if (typeof body.contracts_limit === 'number' && Number.isInteger(body.contracts_limit)) {
    return body.contracts_limit * 100;
  }
  throw badRequest('contracts_limit (integer) or contracts_limit_fp is required');
}

const TIFS = ['fill_or_kill', 'good_till_canceled', 'immediate_or_cancel'] as const;
const STPS = ['taker_at_cross', 'maker'] as const;

function createParams(body: unknown, nowMs: number): CreateOrderParams {
  if (!isObj(body)) throw badRequest('request body must be a JSON object', 'invalid_order');
  const problems: string[] = [];
  if (typeof body.ticker !== 'string' || body.ticker === '') problems.push('ticker is required');
  if (body.side !== 'bid' && body.side !== 'ask') problems.push('side must be "bid" or "ask"');
  if (!TIFS.includes(body.time_in_force as (typeof TIFS)[number])) {
    problems.push(`time_in_force must be one of ${TIFS.join(', ')}`);
  }
  if (!STPS.includes(body.self_trade_prevention_type as (typeof STPS)[number])) {
    problems.push(`self_trade_prevention_type must be one of ${STPS.join(', ')}`);
  }
  for (const f of ['post_only', 'reduce_only', 'cancel_order_on_pause'] as const) {
    if (body[f] !== undefined && typeof body[f] !== 'boolean') problems.push(`${f} must be a boolean`);
  }
  if (body.client_order_id !== undefined && typeof body.client_order_id !== 'string') {
    problems.push('client_order_id must be a string');
  }
  if (body.order_group_id !== undefined && typeof body.order_group_id !== 'string') {
    problems.push('order_group_id must be a string');
  }
  if (body.expiration_time !== undefined && body.expiration_time !== null) {
    if (typeof body.expiration_time !== 'number' || !Number.isInteger(body.expiration_time)) {
      problems.push('expiration_time must be Unix seconds');
    } else {
      if (body.time_in_force !== 'good_till_canceled') {
        problems.push('expiration_time is only allowed with good_till_canceled');
      }
      if (body.expiration_time * 1000 <= nowMs) problems.push('Expiration timestamp must be in the future');
    }
  }
  if (problems.length > 0) throw badRequest(problems.join('; '), 'invalid_order');
  const p: CreateOrderParams = {
    ticker: body.ticker as string,
    side: body.side as 'bid' | 'ask',
    priceUnits: priceField(body.price, 'price'),
    countUnits: countField(body.count, 'count'),
    timeInForce: body.time_in_force as CreateOrderParams['timeInForce'],
    selfTradePreventionType: body.self_trade_prevention_type as 'taker_at_cross' | 'maker',
  };
  if (typeof body.client_order_id === 'string') p.clientOrderId = body.client_order_id;
  if (typeof body.expiration_time === 'number') p.expirationTimeMs = body.expiration_time * 1000;
  if (body.post_only === true) p.postOnly = true;
  if (body.reduce_only === true) p.reduceOnly = true;
  if (body.cancel_order_on_pause === true) p.cancelOrderOnPause = true;
  if (typeof body.order_group_id === 'string') p.orderGroupId = body.order_group_id;
  if (typeof body.subaccount === 'number') p.subaccount = body.subaccount;
  return p;
}

function createResponse(
  o: EngineOrder,
  avgPrice: number | undefined,
  avgFee: number | undefined,
): CreateOrderV2Response {
  const out: CreateOrderV2Response = {
    order_id: o.orderId,
    client_order_id: o.clientOrderId,
    fill_count: wire.count(o.fillCountUnits),
    remaining_count: wire.count(o.remainingCountUnits),
    ts_ms: o.createdTimeMs,
  };
  if (avgPrice !== undefined) out.average_fill_price = wire.price(avgPrice);
  if (avgFee !== undefined) out.average_fee_paid = wire.money(avgFee);
  return out;
}

function cancelResponse(o: EngineOrder, reducedBy: number, nowMs: number): CancelOrderV2Response {
  return {
    order_id: o.orderId,
    client_order_id: o.clientOrderId,
    reduced_by: wire.count(reducedBy),
    ts_ms: o.lastUpdateTimeMs || nowMs,
  };
}

function intParam(q: URLSearchParams, name: string, def: number, min: number, max: number): number {
  const v = optIntParam(q, name);
  if (v === undefined) return def;
  if (v < min || v > max) throw badRequest(`${name} must be between ${min} and ${max}`);
  return v;
}

function optIntParam(q: URLSearchParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer`);
  return Number(raw);
}

function boolParam(q: URLSearchParams, name: string): boolean {
  const raw = q.get(name);
  return raw === 'true' || raw === '1';
}

function listParam(q: URLSearchParams, name: string): string[] | undefined {
  const all = q
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return all.length === 0 ? undefined : all;
}

/** Offset cursors: opaque base64url of the next index. */
function paginate<T>(
  items: readonly T[],
  cursor: string | null,
  limit: number,
): { items: T[]; cursor: string } {
  let start = 0;
  if (cursor !== null && cursor !== '') {
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    const m = /^o:(\d+)$/.exec(decoded);
    if (m === null) throw badRequest('cursor is not valid');
    start = Number(m[1]);
  }
  const page = items.slice(start, start + limit);
  const next =
    start + limit < items.length ? Buffer.from(`o:${start + limit}`, 'utf8').toString('base64url') : '';
  return { items: page, cursor: next };
}
