/**
 * A scriptable Kalshi-like WebSocket server for the SDK's WebSocket tests: real `ws` on port 0,
 * signature verification on the upgrade, per-connection sids and sequence numbers.
 */
import { constants, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { KalshiSigner } from '../src/auth/signer.js';

export const WS_PATH = '/trade-api/ws/v2';

export interface Keys {
  signer: KalshiSigner;
  publicKey: KeyObject;
}

export function makeKeys(): Keys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { signer: new KalshiSigner({ apiKeyId: 'test-key-id', privateKey }), publicKey };
}

export interface Handshake {
  keyId: string | undefined;
  path: string;
  verified: boolean;
}

export interface Command {
  id: number;
  cmd: string;
  params?: Record<string, unknown>;
}

/** What the server does with a command; return false to fall through to the default behaviour. */
export type CommandHandler = (conn: Conn, command: Command) => boolean | undefined;

export class Conn {
  readonly commands: Command[] = [];
  readonly sids = new Map<number, { channel: string; markets: string[] }>();
  readonly seq = new Map<number, number>();
  nextSid: number;
  /** Sids start at 1 on the first connection, 101 on the second, ... so that remaps are visible. */
  constructor(
    readonly socket: WebSocket,
    readonly server: FakeKalshiServer,
    index: number,
  ) {
    this.nextSid = index * 100 + 1;
  }

  /** Resolves when the client answers a ping from the server. */
  ping(): Promise<void> {
    return new Promise((resolve) => {
      this.socket.once('pong', () => resolve());
      this.socket.ping('heartbeat');
    });
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Next sequence number on `sid` (consumes it). */
  nextSeq(sid: number): number {
    const n = (this.seq.get(sid) ?? 0) + 1;
    this.seq.set(sid, n);
    return n;
  }

  /** Consumes a sequence number without sending anything: the client will see a gap. */
  skip(sid: number, count = 1): void {
    for (let i = 0; i < count; i++) this.nextSeq(sid);
  }

  snapshot(
    sid: number,
    ticker: string,
    yes: [string, string][] = [['0.4200', '10.00']],
    no: [string, string][] = [['0.5500', '5.00']],
    id?: number,
  ): void {
    this.send({
      type: 'orderbook_snapshot',
      ...(id === undefined ? {} : { id }),
      sid,
      seq: this.nextSeq(sid),
      msg: { market_ticker: ticker, market_id: `id-${ticker}`, yes_dollars_fp: yes, no_dollars_fp: no },
    });
  }

  delta(sid: number, ticker: string, price = '0.4200', delta = '1.00', side: 'yes' | 'no' = 'yes'): void {
    this.send({
      type: 'orderbook_delta',
      sid,
      seq: this.nextSeq(sid),
      msg: { market_ticker: ticker, market_id: `id-${ticker}`, price_dollars: price, delta_fp: delta, side },
    });
  }

  sidFor(channel: string): number {
    for (const [sid, s] of this.sids) if (s.channel === channel) return sid;
    throw new Error(`no sid for ${channel}`);
  }

  commandsOf(cmd: string): Command[] {
    return this.commands.filter((c) => c.cmd === cmd);
  }
}

export interface FakeServerOptions {
  publicKey?: KeyObject;
  /** Send snapshots after an orderbook subscribe. @defaultValue true */
  snapshots?: boolean;
  handler?: CommandHandler;
}

export class FakeKalshiServer {
  readonly handshakes: Handshake[] = [];
  readonly conns: Conn[] = [];
  handler: CommandHandler | undefined;
  rejectUpgrades = false;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #options: FakeServerOptions;
  url = '';

  private constructor(options: FakeServerOptions) {
    this.#options = options;
    this.handler = options.handler;
    this.#http = createServer();
    this.#wss = new WebSocketServer({
      server: this.#http,
      path: WS_PATH,
      verifyClient: (info: { req: IncomingMessage }, done: (ok: boolean, code?: number) => void) => {
        const hs = this.#verify(info.req);
        this.handshakes.push(hs);
        if (this.rejectUpgrades || (options.publicKey !== undefined && !hs.verified)) done(false, 401);
        else done(true);
      },
    });
    this.#wss.on('connection', (socket) => {
      const conn = new Conn(socket, this, this.conns.length);
      this.conns.push(conn);
      socket.on('message', (data) => this.#onCommand(conn, data.toString()));
    });
  }

  static async start(options: FakeServerOptions = {}): Promise<FakeKalshiServer> {
    const server = new FakeKalshiServer(options);
    await new Promise<void>((resolve) => server.#http.listen(0, '127.0.0.1', resolve));
    const { port } = server.#http.address() as AddressInfo;
    server.url = `ws://127.0.0.1:${port}${WS_PATH}`;
    return server;
  }

  get last(): Conn {
    const c = this.conns.at(-1);
    if (c === undefined) throw new Error('no connection yet');
    return c;
  }

  get openConnections(): number {
    return this.#wss.clients.size;
  }

  #verify(req: IncomingMessage): Handshake {
    const keyId = req.headers['kalshi-access-key'] as string | undefined;
    const ts = req.headers['kalshi-access-timestamp'] as string | undefined;
    const sig = req.headers['kalshi-access-signature'] as string | undefined;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let verified = false;
    if (this.#options.publicKey !== undefined && ts !== undefined && sig !== undefined) {
      verified = verify(
        'sha256',
        Buffer.from(`${ts}GET${path}`),
        { key: this.#options.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        Buffer.from(sig, 'base64'),
      );
    }
    return { keyId, path, verified };
  }

  #onCommand(conn: Conn, text: string): void {
    const command = JSON.parse(text) as Command;
    conn.commands.push(command);
    if (this.handler?.(conn, command) === true) return;
    const params = command.params ?? {};
    switch (command.cmd) {
      case 'subscribe': {
        const channels = params.channels as string[];
        const markets = (params.market_tickers as string[] | undefined) ?? [];
        for (const channel of channels) {
          const sid = conn.nextSid++;
          conn.sids.set(sid, { channel, markets: [...markets] });
          conn.send({ id: command.id, type: 'subscribed', msg: { channel, sid } });
          if (channel === 'orderbook_delta' && this.#options.snapshots !== false) {
            for (const m of markets) conn.snapshot(sid, m);
          }
        }
        return;
      }
      case 'unsubscribe': {
        for (const sid of params.sids as number[]) {
          conn.sids.delete(sid);
          conn.send({ id: command.id, type: 'unsubscribed', sid, seq: conn.nextSeq(sid) });
        }
        return;
      }
      case 'update_subscription': {
        const sid = params.sid as number;
        const s = conn.sids.get(sid);
        if (s === undefined) {
          conn.send({ id: command.id, type: 'error', msg: { code: 7, msg: 'Unknown subscription ID' } });
          return;
        }
        const tickers = (params.market_tickers as string[] | undefined) ?? [];
        if (params.action === 'add_markets') s.markets.push(...tickers.filter((t) => !s.markets.includes(t)));
        if (params.action === 'delete_markets') s.markets = s.markets.filter((t) => !tickers.includes(t));
        if (params.action === 'get_snapshot') {
          // As Kalshi's AsyncAPI spec documents: no `ok`, one snapshot per market carrying the id.
          for (const t of tickers) conn.snapshot(sid, t, undefined, undefined, command.id);
          return;
        }
        conn.send({
          id: command.id,
          type: 'ok',
          sid,
          seq: conn.nextSeq(sid),
          msg: { market_tickers: s.markets },
        });
        if (params.action === 'add_markets' && s.channel === 'orderbook_delta') {
          for (const t of tickers) conn.snapshot(sid, t);
        }
        return;
      }
      case 'list_subscriptions':
        conn.send({
          id: command.id,
          type: 'ok',
          msg: [...conn.sids].map(([sid, s]) => ({ channel: s.channel, sid })),
        });
        return;
      default:
        conn.send({ id: command.id, type: 'error', msg: { code: 5, msg: 'Unknown command' } });
    }
  }

  /** Closes every client connection from the server side. */
  dropAll(code = 1012): void {
    for (const c of this.#wss.clients) c.close(code, 'server restart');
  }

  async stop(): Promise<void> {
    for (const c of this.#wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }
}

/** A logger that records calls. */
export function recordingLogger() {
  const calls: { level: string; message: string; fields: Record<string, unknown> | undefined }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    calls.push({ level, message, fields });
  };
  return { calls, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}
