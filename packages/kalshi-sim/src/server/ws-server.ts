import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { KeyStore } from '../auth/key-store.js';
import type { SimFaults } from '../faults/faults.js';

/** The WebSocket path Kalshi serves. */
export const WS_PATH = '/trade-api/ws/v2';

/** Channels the simulator serves. */
export const SIM_WS_CHANNELS = [
  'orderbook_delta',
  'ticker',
  'trade',
  'fill',
  'market_positions',
  'user_orders',
  'order_group_updates',
  'market_lifecycle_v2',
] as const;

/** A channel the simulator serves. */
export type SimWsChannel = (typeof SIM_WS_CHANNELS)[number];

// Channels whose frames carry `seq`, as Kalshi's AsyncAPI spec has it (`fill` frames have none).
const SEQUENCED: ReadonlySet<string> = new Set([
  'orderbook_delta',
  'trade',
  'order_group_updates',
  'market_lifecycle_v2',
]);
const PRIVATE: ReadonlySet<string> = new Set([
  'fill',
  'market_positions',
  'user_orders',
  'order_group_updates',
]);
/** Channels that accept a market filter (omitted = all markets), other than orderbook_delta. */
const FILTERABLE: ReadonlySet<string> = new Set([
  'ticker',
  'trade',
  'fill',
  'market_positions',
  'user_orders',
]);

/** A level of a book as [price units, count units], ascending by price. */
export type BookLevels = ReadonlyArray<readonly [number, number]>;

/** A book snapshot in each side's own price terms (YES bids in YES, NO bids in NO prices). */
export interface BookSnapshot {
  marketId: string;
  yes: BookLevels;
  no: BookLevels;
}

/** Formatting helpers and data sources the WebSocket server needs from the simulator. */
export interface WsServerDeps {
  keys: KeyStore;
  faults: SimFaults;
  /** Current book of a market, or undefined for an unknown ticker. */
  snapshot: (ticker: string) => BookSnapshot | undefined;
  /** Formats price units as a dollar string. */
  formatPrice: (units: number) => string;
  /** Formats count units as an `_fp` string. */
  formatCount: (units: number) => string;
  /** Ping interval in ms. @defaultValue 10_000 */
  pingIntervalMs?: number;
  /** Sim-clock milliseconds for `ts_ms` on deltas. */
  nowMs: () => number;
  /** The ticker of a market id (UUID), or undefined for an unknown id (`market_id(s)` filters). */
  tickerOfMarketId?: (marketId: string) => string | undefined;
  /** The current `ticker` channel message of a market, or undefined for an unknown ticker. */
  tickerMessage?: (ticker: string) => Record<string, unknown> | undefined;
}

/** A parsed market filter: tickers, and the id each came from when given by `market_id(s)`. */
interface MarketFilter {
  tickers: string[];
  /** Ticker -> market id, for filters given as ids. */
  ids: Map<string, string> | undefined;
}

interface Subscription {
  sid: number;
  channel: SimWsChannel;
  /** Market tickers, or undefined for "all markets". */
  tickers: Set<string> | undefined;
  seq: number;
  useYesPrice: boolean;
  /** Ticker -> market id when the markets were given as `market_id(s)` (ticker channel only). */
  ids: Map<string, string> | undefined;
  /** `skip_ticker_ack`: `ok` replies omit the market lists. */
  skipAck: boolean;
}

interface Connection {
  ws: WebSocket;
  userId: string;
  subs: Map<number, Subscription>;
  nextSid: number;
  alive: boolean;
}

type Json = Record<string, unknown>;

/**
 * Kalshi's WebSocket API on a `ws` server: signed upgrade, commands, per-sid sequence numbers,
 * protocol pings, and fan-out of engine events.
 *
 * @internal
 */
export class SimWsServer {
  readonly #wss: WebSocketServer;
  readonly #deps: WsServerDeps;
  readonly #conns = new Set<Connection>();
  #pingTimer: NodeJS.Timeout | undefined;
  /** Frames written to sockets since start (for benchmarks). */
  framesSent = 0;

  constructor(deps: WsServerDeps) {
    this.#deps = deps;
    this.#wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    deps.faults.events.on('dropSockets', this.#onDrop);
    deps.faults.events.on('malformedFrame', this.#onMalformed);
    const every = deps.pingIntervalMs ?? 10_000;
    this.#pingTimer = setInterval(() => this.#ping(), every);
    this.#pingTimer.unref();
  }

  readonly #onDrop = (sel: { userId?: string }): void => {
    for (const c of this.#conns) if (sel.userId === undefined || sel.userId === c.userId) c.ws.terminate();
  };

  readonly #onMalformed = (sel: { userId?: string; text: string }): void => {
    for (const c of this.#conns) if (sel.userId === undefined || sel.userId === c.userId) c.ws.send(sel.text);
  };

  /** Number of open connections. */
  get connectionCount(): number {
    return this.#conns.size;
  }

  /** Handles an HTTP upgrade on {@link WS_PATH}; rejects bad auth with a 401 before upgrading. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) {
      rejectUpgrade(socket, 404, {
        error: { code: 'not_found', message: `no WebSocket endpoint at ${url.pathname}` },
      });
      return;
    }
    const auth = this.#deps.keys.verify(req.headers, 'GET', url.pathname);
    if (!auth.ok) {
      rejectUpgrade(socket, 401, {
        error: { code: 'authentication_error', message: 'authentication_error', details: auth.details },
      });
      return;
    }
    if (this.#deps.faults.exchangePaused) {
      rejectUpgrade(socket, 503, {
        error: { code: 'exchange_paused', message: 'exchange is paused' },
      });
      return;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, auth.userId));
  }

  #accept(ws: WebSocket, userId: string): void {
    const conn: Connection = { ws, userId, subs: new Map(), nextSid: 1, alive: true };
    this.#conns.add(conn);
    ws.on('message', (data, isBinary) => {
      if (this.#deps.faults.isSilenced(userId)) return;
      this.#onCommand(conn, isBinary ? undefined : data.toString());
    });
    ws.on('close', () => this.#conns.delete(conn));
    ws.on('error', () => ws.terminate());
  }

  #ping(): void {
    for (const c of this.#conns) {
      if (c.ws.readyState !== WebSocket.OPEN || this.#deps.faults.isSilenced(c.userId)) continue;
      c.ws.ping('heartbeat');
    }
  }

  #send(conn: Connection, frame: Json): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    if (this.#deps.faults.isSilenced(conn.userId)) return;
    conn.ws.send(JSON.stringify(frame));
    this.framesSent++;
  }

  #error(conn: Connection, id: number | undefined, code: number, msg: string, sid?: number): void {
    const frame: Json = { type: 'error', msg: { code, msg } };
    if (id !== undefined) frame.id = id;
    if (sid !== undefined) frame.sid = sid;
    this.#send(conn, frame);
  }

  /** Builds a sequenced or plain frame for a subscription, applying any seq-skip fault. */
  #frame(conn: Connection, sub: Subscription, type: string, msg: unknown): Json {
    const frame: Json = { type, sid: sub.sid };
    if (SEQUENCED.has(sub.channel)) {
      sub.seq += 1 + this.#deps.faults.takeSeqSkip(conn.userId, sub.sid, sub.channel);
      frame.seq = sub.seq;
    }
    frame.msg = msg;
    return frame;
  }

  #onCommand(conn: Connection, text: string | undefined): void {
    let cmd: unknown;
    try {
      cmd = text === undefined ? undefined : JSON.parse(text);
    } catch {
      cmd = undefined;
    }
    if (typeof cmd !== 'object' || cmd === null || Array.isArray(cmd)) {
      this.#error(conn, undefined, 1, 'Unable to process message');
      return;
    }
    const c = cmd as Json;
    const id = typeof c.id === 'number' && Number.isInteger(c.id) && c.id !== 0 ? c.id : undefined;
    if (c.id !== undefined && typeof c.id !== 'number') {
      this.#error(conn, undefined, 1, 'Unable to process message: id must be an integer');
      return;
    }
    const params = c.params;
    switch (c.cmd) {
      case 'subscribe':
        this.#subscribe(conn, id, params);
        return;
      case 'unsubscribe':
        this.#unsubscribe(conn, id, params);
        return;
      case 'update_subscription':
        this.#update(conn, id, params);
        return;
      case 'list_subscriptions': {
        const list = [...conn.subs.values()].map((s) => ({ channel: s.channel, sid: s.sid }));
        const frame: Json = { type: 'ok', msg: list };
        if (id !== undefined) frame.id = id;
        this.#send(conn, frame);
        return;
      }
      default:
        this.#error(conn, id, 5, 'Unknown command');
    }
  }

  /**
   * Parses `market_ticker(s)` and, on the ticker channel, `market_id(s)` (mutually exclusive).
   * Returns undefined when no filter is given, or an error message (code 11).
   */
  #marketsParam(p: Json, idsAllowed: boolean): MarketFilter | undefined | string {
    const out: string[] = [];
    if (p.market_ticker !== undefined) {
      if (typeof p.market_ticker !== 'string' || p.market_ticker === '') return 'market_ticker';
      out.push(p.market_ticker);
    }
    if (p.market_tickers !== undefined) {
      if (
        !Array.isArray(p.market_tickers) ||
        p.market_tickers.some((t) => typeof t !== 'string' || t === '')
      ) {
        return 'market_tickers';
      }
      out.push(...(p.market_tickers as string[]));
    }
    const byTicker = p.market_ticker !== undefined || p.market_tickers !== undefined;
    if (p.market_id === undefined && p.market_ids === undefined) {
      return byTicker ? { tickers: out, ids: undefined } : undefined;
    }
    if (!idsAllowed) return 'market_id(s) are only supported on the ticker channel';
    if (byTicker) return 'market_id(s) and market_ticker(s) are mutually exclusive';
    const ids: string[] = [];
    if (p.market_id !== undefined) {
      if (typeof p.market_id !== 'string' || p.market_id === '') return 'market_id';
      ids.push(p.market_id);
    }
    if (p.market_ids !== undefined) {
      if (!Array.isArray(p.market_ids) || p.market_ids.some((t) => typeof t !== 'string' || t === '')) {
        return 'market_ids';
      }
      ids.push(...(p.market_ids as string[]));
    }
    const map = new Map<string, string>();
    const unknown: string[] = [];
    for (const id of ids) {
      const ticker = this.#deps.tickerOfMarketId?.(id);
      if (ticker === undefined) unknown.push(id);
      else map.set(ticker, id);
    }
    if (unknown.length > 0) return `unknown market id(s) ${unknown.join(', ')}`;
    return { tickers: [...map.keys()], ids: map };
  }

  /** Sends the current `ticker` message of each market (`send_initial_snapshot`). */
  #sendTickers(conn: Connection, sub: Subscription, tickers: Iterable<string>): void {
    for (const t of tickers) {
      const msg = this.#deps.tickerMessage?.(t);
      if (msg !== undefined) this.#send(conn, this.#frame(conn, sub, 'ticker', msg));
    }
  }

  #subscribe(conn: Connection, id: number | undefined, params: unknown): void {
    if (typeof params !== 'object' || params === null) {
      this.#error(conn, id, 2, 'Params required');
      return;
    }
    const p = params as Json;
    if (!Array.isArray(p.channels) || p.channels.length === 0) {
      this.#error(conn, id, 3, 'Channels required');
      return;
    }
    const channels = p.channels as unknown[];
    const unknownChannel = channels.find(
      (ch) => typeof ch !== 'string' || !(SIM_WS_CHANNELS as readonly string[]).includes(ch),
    );
    if (unknownChannel !== undefined) {
      this.#error(conn, id, 8, `Unknown channel name: ${String(unknownChannel)}`);
      return;
    }
    const idsAllowed = channels.every((ch) => ch === 'ticker');
    const filter = this.#marketsParam(p, idsAllowed);
    if (typeof filter === 'string') {
      this.#error(conn, id, 11, `Invalid parameter: ${filter}`);
      return;
    }
    const tickers = filter?.tickers;
    for (const flag of ['use_yes_price', 'send_initial_snapshot', 'skip_ticker_ack'] as const) {
      if (p[flag] !== undefined && typeof p[flag] !== 'boolean') {
        this.#error(conn, id, 11, `Invalid parameter: ${flag}`);
        return;
      }
    }
    const initialTickers = p.send_initial_snapshot === true;
    if (channels.includes('orderbook_delta')) {
      if (tickers === undefined || tickers.length === 0) {
        this.#error(conn, id, 14, 'Market Ticker required');
        return;
      }
      const missing = tickers.filter((t) => this.#deps.snapshot(t) === undefined);
      if (missing.length > 0) {
        this.#error(conn, id, 11, `Invalid parameter: unknown market ticker(s) ${missing.join(', ')}`);
        return;
      }
    }
    for (const ch of channels as SimWsChannel[]) {
      // Re-subscribing a channel is idempotent: new tickers are merged into the existing sid.
      const existing = [...conn.subs.values()].find((s) => s.channel === ch);
      if (existing !== undefined) {
        const added: string[] = [];
        if (existing.tickers !== undefined) {
          if (tickers === undefined) existing.tickers = undefined;
          else
            for (const t of tickers)
              if (!existing.tickers.has(t)) {
                existing.tickers.add(t);
                added.push(t);
              }
        }
        if (existing.ids !== undefined && filter?.ids !== undefined)
          for (const [t, mid] of filter.ids) existing.ids.set(t, mid);
        this.#reply(conn, id, 'subscribed', { channel: ch, sid: existing.sid });
        if (ch === 'orderbook_delta') for (const t of added) this.#sendSnapshot(conn, existing, t);
        if (ch === 'ticker' && initialTickers) this.#sendTickers(conn, existing, added);
        continue;
      }
      const chTickers = ch === 'orderbook_delta' || FILTERABLE.has(ch) ? tickers : undefined;
      const sub: Subscription = {
        sid: conn.nextSid++,
        channel: ch,
        tickers: chTickers === undefined ? undefined : new Set(chTickers),
        seq: 0,
        useYesPrice: p.use_yes_price === true,
        ids: chTickers === undefined || filter?.ids === undefined ? undefined : new Map(filter.ids),
        skipAck: p.skip_ticker_ack === true,
      };
      conn.subs.set(sub.sid, sub);
      this.#reply(conn, id, 'subscribed', { channel: ch, sid: sub.sid });
      if (ch === 'orderbook_delta') for (const t of sub.tickers ?? []) this.#sendSnapshot(conn, sub, t);
      if (ch === 'ticker' && initialTickers) this.#sendTickers(conn, sub, sub.tickers ?? []);
    }
  }

  #reply(conn: Connection, id: number | undefined, type: string, msg: unknown, extra: Json = {}): void {
    const frame: Json = {};
    if (id !== undefined) frame.id = id;
    frame.type = type;
    Object.assign(frame, extra);
    if (msg !== undefined) frame.msg = msg;
    this.#send(conn, frame);
  }

  /** Sends a market's snapshot; `replyTo` is the id of the `get_snapshot` command it answers. */
  #sendSnapshot(conn: Connection, sub: Subscription, ticker: string, replyTo?: number): void {
    const book = this.#deps.snapshot(ticker);
    if (book === undefined) return;
    const { formatPrice, formatCount } = this.#deps;
    const msg: Json = { market_ticker: ticker, market_id: book.marketId };
    if (book.yes.length > 0) msg.yes_dollars_fp = book.yes.map(([p, c]) => [formatPrice(p), formatCount(c)]);
    if (book.no.length > 0) {
      const levels = sub.useYesPrice
        ? [...book.no].reverse().map(([p, c]) => [formatPrice(10_000 - p), formatCount(c)])
        : book.no.map(([p, c]) => [formatPrice(p), formatCount(c)]);
      msg.no_dollars_fp = levels;
    }
    const frame = this.#frame(conn, sub, 'orderbook_snapshot', msg);
    this.#send(conn, replyTo === undefined ? frame : { ...frame, id: replyTo });
  }

  #unsubscribe(conn: Connection, id: number | undefined, params: unknown): void {
    if (typeof params !== 'object' || params === null) {
      this.#error(conn, id, 2, 'Params required');
      return;
    }
    const sids = (params as Json).sids;
    if (!Array.isArray(sids) || sids.length === 0) {
      this.#error(conn, id, 4, 'Subscription IDs required');
      return;
    }
    for (const sid of sids) {
      const sub = typeof sid === 'number' ? conn.subs.get(sid) : undefined;
      if (sub === undefined) {
        this.#error(conn, id, 7, `Unknown subscription ID: ${String(sid)}`);
        continue;
      }
      conn.subs.delete(sub.sid);
      const extra: Json = { sid: sub.sid, seq: sub.seq + 1 };
      this.#reply(conn, id, 'unsubscribed', undefined, extra);
    }
  }

  #update(conn: Connection, id: number | undefined, params: unknown): void {
    if (typeof params !== 'object' || params === null) {
      this.#error(conn, id, 2, 'Params required');
      return;
    }
    const p = params as Json;
    let sid: unknown = p.sid;
    if (sid === undefined && Array.isArray(p.sids)) {
      if (p.sids.length !== 1) {
        this.#error(conn, id, 12, 'Exactly one subscription ID is required');
        return;
      }
      sid = p.sids[0];
    }
    if (sid === undefined) {
      this.#error(conn, id, 12, 'Exactly one subscription ID is required');
      return;
    }
    const sub = typeof sid === 'number' ? conn.subs.get(sid) : undefined;
    if (sub === undefined) {
      this.#error(conn, id, 7, `Unknown subscription ID: ${String(sid)}`);
      return;
    }
    if (p.action === undefined) {
      this.#error(conn, id, 15, 'Action required', sub.sid);
      return;
    }
    if (p.action !== 'add_markets' && p.action !== 'delete_markets' && p.action !== 'get_snapshot') {
      this.#error(conn, id, 13, `Unsupported action: ${String(p.action)}`, sub.sid);
      return;
    }
    if (p.action === 'get_snapshot' && sub.channel !== 'orderbook_delta') {
      this.#error(conn, id, 13, 'Unsupported action: get_snapshot is only for orderbook_delta', sub.sid);
      return;
    }
    if (sub.tickers === undefined) {
      this.#error(conn, id, 13, 'Unsupported action: this subscription covers all markets', sub.sid);
      return;
    }
    const filter = this.#marketsParam(p, sub.channel === 'ticker');
    if (typeof filter === 'string') {
      this.#error(conn, id, 11, `Invalid parameter: ${filter}`, sub.sid);
      return;
    }
    if (p.send_initial_snapshot !== undefined && typeof p.send_initial_snapshot !== 'boolean') {
      this.#error(conn, id, 11, 'Invalid parameter: send_initial_snapshot', sub.sid);
      return;
    }
    const tickers = filter?.tickers;
    if (tickers === undefined || tickers.length === 0) {
      this.#error(conn, id, 14, 'Market Ticker required', sub.sid);
      return;
    }
    if (sub.channel === 'orderbook_delta' && p.action !== 'delete_markets') {
      const missing = tickers.filter((t) => this.#deps.snapshot(t) === undefined);
      if (missing.length > 0) {
        this.#error(
          conn,
          id,
          11,
          `Invalid parameter: unknown market ticker(s) ${missing.join(', ')}`,
          sub.sid,
        );
        return;
      }
    }
    const snapshots: string[] = [];
    if (p.action === 'add_markets') {
      for (const t of tickers)
        if (!sub.tickers.has(t)) {
          sub.tickers.add(t);
          snapshots.push(t);
        }
      if (filter?.ids !== undefined) {
        sub.ids ??= new Map();
        for (const [t, mid] of filter.ids) sub.ids.set(t, mid);
      }
    } else if (p.action === 'delete_markets') {
      for (const t of tickers) {
        sub.tickers.delete(t);
        sub.ids?.delete(t);
      }
    } else {
      snapshots.push(...tickers.filter((t) => sub.tickers?.has(t)));
    }
    if (p.action !== 'get_snapshot') {
      const extra: Json = { sid: sub.sid };
      if (SEQUENCED.has(sub.channel)) {
        sub.seq += 1;
        extra.seq = sub.seq;
      }
      this.#reply(conn, id, 'ok', this.#ackLists(sub), extra);
    }
    if (sub.channel === 'orderbook_delta') {
      const replyTo = p.action === 'get_snapshot' ? id : undefined;
      for (const t of snapshots) this.#sendSnapshot(conn, sub, t, replyTo);
    }
    if (sub.channel === 'ticker' && p.send_initial_snapshot === true) this.#sendTickers(conn, sub, snapshots);
  }

  /** The market lists of an `ok` reply: tickers, and ids for markets given by id; none with `skip_ticker_ack`. */
  #ackLists(sub: Subscription): Json {
    if (sub.skipAck || sub.tickers === undefined) return {};
    const msg: Json = { market_tickers: [...sub.tickers] };
    if (sub.ids !== undefined && sub.ids.size > 0) msg.market_ids = [...sub.ids.values()];
    return msg;
  }

  /**
   * Publishes an orderbook level change to every subscriber of the market.
   *
   * @param side - `yes` (YES bids, YES price) or `no` (NO bids, NO price).
   * @param owner - The user whose order caused the change, to annotate their copy with `client_order_id`.
   */
  publishBookDelta(
    ticker: string,
    marketId: string,
    side: 'yes' | 'no',
    priceUnits: number,
    deltaUnits: number,
    owner?: { userId: string; clientOrderId?: string | undefined },
  ): void {
    const { formatPrice, formatCount } = this.#deps;
    const tsMs = this.#deps.nowMs();
    for (const conn of this.#conns) {
      for (const sub of conn.subs.values()) {
        if (sub.channel !== 'orderbook_delta' || sub.tickers?.has(ticker) !== true) continue;
        const price = side === 'no' && sub.useYesPrice ? 10_000 - priceUnits : priceUnits;
        const msg: Json = {
          market_ticker: ticker,
          market_id: marketId,
          price_dollars: formatPrice(price),
          delta_fp: formatCount(deltaUnits),
          side,
          ts_ms: tsMs,
        };
        if (owner !== undefined && owner.userId === conn.userId && owner.clientOrderId !== undefined) {
          msg.client_order_id = owner.clientOrderId;
        }
        this.#send(conn, this.#frame(conn, sub, 'orderbook_delta', msg));
      }
    }
  }

  /**
   * Publishes a message on a channel to every matching subscription.
   *
   * @param ticker - The market the message is about (matched against ticker filters), if any.
   * @param userId - For private channels: the only user who receives it.
   */
  publish(channel: SimWsChannel, type: string, msg: unknown, ticker?: string, userId?: string): void {
    for (const conn of this.#conns) {
      if (PRIVATE.has(channel) && conn.userId !== userId) continue;
      for (const sub of conn.subs.values()) {
        if (sub.channel !== channel) continue;
        if (sub.tickers !== undefined && (ticker === undefined || !sub.tickers.has(ticker))) continue;
        this.#send(conn, this.#frame(conn, sub, type, msg));
      }
    }
  }

  /** Closes every socket and the server. */
  async close(): Promise<void> {
    if (this.#pingTimer !== undefined) clearInterval(this.#pingTimer);
    this.#pingTimer = undefined;
    this.#deps.faults.events.off('dropSockets', this.#onDrop);
    this.#deps.faults.events.off('malformedFrame', this.#onMalformed);
    for (const c of this.#conns) c.ws.terminate();
    this.#conns.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }
}

function rejectUpgrade(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const reason = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Service Unavailable';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
