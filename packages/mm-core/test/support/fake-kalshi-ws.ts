/**
 * A minimal Kalshi WebSocket server on loopback (port 0) for adapter tests: subscribe,
 * update_subscription (get_snapshot), unsubscribe, per-sid sequence numbers, and helpers to push
 * book frames, skip a `seq`, send malformed frames and drop connections.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface WsCommand {
  id: number;
  cmd: string;
  params?: Record<string, unknown>;
}

export class FakeKalshiWs {
  readonly commands: WsCommand[] = [];
  /** sid -> channel, for the current connection. */
  readonly sids = new Map<number, string>();
  connections = 0;
  url = '';
  #socket: WebSocket | undefined;
  #nextSid = 1;
  readonly #seq = new Map<number, number>();
  readonly #http: Server = createServer();
  readonly #wss = new WebSocketServer({ server: this.#http });

  private constructor() {
    this.#wss.on('connection', (socket) => {
      this.connections++;
      this.#socket = socket;
      this.sids.clear();
      socket.on('message', (data) => this.#onCommand(JSON.parse(data.toString()) as WsCommand));
    });
  }

  static async start(): Promise<FakeKalshiWs> {
    const s = new FakeKalshiWs();
    await new Promise<void>((resolve) => s.#http.listen(0, '127.0.0.1', resolve));
    s.url = `ws://127.0.0.1:${(s.#http.address() as AddressInfo).port}/trade-api/ws/v2`;
    return s;
  }

  sidOf(channel: string): number {
    for (const [sid, c] of this.sids) if (c === channel) return sid;
    throw new Error(`no subscription to ${channel}`);
  }

  send(frame: unknown): void {
    this.#socket?.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a sequenced frame on a channel's subscription. */
  sequenced(channel: string, type: string, msg: unknown): void {
    const sid = this.sidOf(channel);
    this.send({ type, sid, seq: this.#next(sid), msg });
  }

  snapshot(ticker: string, yes: [string, string][], no: [string, string][]): void {
    this.sequenced('orderbook_delta', 'orderbook_snapshot', {
      market_ticker: ticker,
      market_id: `id-${ticker}`,
      yes_dollars_fp: yes,
      no_dollars_fp: no,
    });
  }

  delta(ticker: string, side: 'yes' | 'no', price: string, delta: string): void {
    this.sequenced('orderbook_delta', 'orderbook_delta', {
      market_ticker: ticker,
      market_id: `id-${ticker}`,
      price_dollars: price,
      delta_fp: delta,
      side,
    });
  }

  /** Burns a sequence number of a channel (the next frame shows a gap). */
  skipSeq(channel: string): void {
    this.#next(this.sidOf(channel));
  }

  /** Closes the current connection as a server restart would. */
  drop(): void {
    this.#socket?.close(1012, 'restart');
  }

  async stop(): Promise<void> {
    for (const c of this.#wss.clients) c.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #next(sid: number): number {
    const n = (this.#seq.get(sid) ?? 0) + 1;
    this.#seq.set(sid, n);
    return n;
  }

  #onCommand(c: WsCommand): void {
    this.commands.push(c);
    const params = c.params ?? {};
    if (c.cmd === 'subscribe') {
      for (const channel of params.channels as string[]) {
        const sid = this.#nextSid++;
        this.sids.set(sid, channel);
        this.send({ id: c.id, type: 'subscribed', msg: { channel, sid } });
      }
    } else if (c.cmd === 'update_subscription') {
      const sid = params.sid as number;
      this.send({ id: c.id, type: 'ok', sid, seq: this.#next(sid), msg: { market_tickers: [] } });
    } else if (c.cmd === 'unsubscribe') {
      for (const sid of params.sids as number[]) {
        this.send({ id: c.id, type: 'unsubscribed', sid, seq: this.#next(sid) });
        this.sids.delete(sid);
      }
    } else {
      this.send({ id: c.id, type: 'error', msg: { code: 5, msg: 'Unknown command' } });
    }
  }
}
