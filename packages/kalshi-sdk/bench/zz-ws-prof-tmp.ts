/**
 * Frame-path throughput: KalshiWebSocket vs a bare `ws` client doing only JSON.parse, on the same
 * stream of orderbook_delta frames from a local server running in a worker thread.
 *
 * A second, in-process comparison feeds the same frames straight to the client's message handler
 * (no sockets, no framing) against JSON.parse alone: it isolates the client's own per-frame cost.
 *
 * Run: npm run bench -w @mnquants/kalshi-sdk   (or: node --conditions=@mnquants/source --import tsx bench/ws.ts)
 */
import { generateKeyPairSync } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import { KalshiSigner } from '../src/auth/signer.js';
import { KalshiWebSocket, type KalshiWebSocketConstructor } from '../src/ws/kalshi-websocket.js';

const FRAMES = Number(process.env.WS_BENCH_FRAMES ?? 200_000);
const ROUNDS = Number(process.env.WS_BENCH_ROUNDS ?? 3);
const TICKER = 'KXINX-26NOV25H1600-B6612';

const SERVER = `
const { parentPort, workerData } = require('node:worker_threads');
const { WebSocketServer } = require(workerData.wsPath);
const N = workerData.frames;
const T = workerData.ticker;
const frames = new Array(N);
for (let i = 0; i < N; i++) {
  const cents = 1 + (i % 98);
  const price = '0.' + String(cents).padStart(2, '0') + '00';
  frames[i] = JSON.stringify({ type: 'orderbook_delta', sid: 1, seq: i + 2, msg: {
    market_ticker: T, market_id: '9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1', price_dollars: price,
    delta_fp: (i % 2 ? '-' : '') + String(1 + (i % 50)) + '.00', side: i % 3 ? 'yes' : 'no', ts_ms: 1764000000000 + i } });
}
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', path: '/trade-api/ws/v2' });
wss.on('listening', () => parentPort.postMessage({ port: wss.address().port }));
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const cmd = JSON.parse(String(data));
    if (cmd.cmd !== 'subscribe') return;
    ws.send(JSON.stringify({ id: cmd.id, type: 'subscribed', msg: { channel: 'orderbook_delta', sid: 1 } }));
    ws.send(JSON.stringify({ type: 'orderbook_snapshot', sid: 1, seq: 1, msg: { market_ticker: T, market_id: 'x',
      yes_dollars_fp: [['0.4200', '10.00']], no_dollars_fp: [['0.5500', '5.00']] } }));
    let i = 0;
    const pump = () => {
      while (i < N) {
        if (ws.bufferedAmount > 4 * 1024 * 1024) return setImmediate(pump);
        ws.send(frames[i++]);
      }
    };
    pump();
  });
});
parentPort.on('message', (m) => { if (m === 'stop') { for (const c of wss.clients) c.terminate(); wss.close(); } });
`;

interface Server {
  url: string;
  stop(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const wsPath = createRequire(import.meta.url).resolve('ws');
  const worker = new Worker(SERVER, { eval: true, workerData: { wsPath, frames: FRAMES, ticker: TICKER } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    url: `ws://127.0.0.1:${port}/trade-api/ws/v2`,
    async stop() {
      worker.postMessage('stop');
      await worker.terminate();
    },
  };
}

/** Bare baseline: `ws` + JSON.parse, nothing else. Returns frames per second of the delta stream. */
function runBare(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let n = 0;
    let t0 = 0;
    let sink = 0;
    ws.on('open', () =>
      ws.send(
        JSON.stringify({
          id: 1,
          cmd: 'subscribe',
          params: { channels: ['orderbook_delta'], market_tickers: [TICKER] },
        }),
      ),
    );
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as { type: string; seq?: number };
      if (m.type !== 'orderbook_delta') return;
      sink += m.seq ?? 0;
      if (n++ === 0) t0 = performance.now();
      if (n === FRAMES) {
        const secs = (performance.now() - t0) / 1000;
        ws.terminate();
        resolve(sink > 0 ? (FRAMES - 1) / secs : 0);
      }
    });
    ws.on('error', reject);
  });
}

/** The SDK client: parse, validate, seq check, trust check, typed dispatch. */
async function runClient(url: string, signer: KalshiSigner): Promise<{ fps: number; ok: boolean }> {
  const ws = new KalshiWebSocket({ url, signer, livenessTimeoutMs: 0 });
  let n = 0;
  let t0 = 0;
  const done = new Promise<number>((resolve) => {
    ws.on('orderbook_delta', () => {
      if (n++ === 0) t0 = performance.now();
      if (n === FRAMES) resolve((FRAMES - 1) / ((performance.now() - t0) / 1000));
    });
  });
  await ws.connect();
  await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [TICKER] });
  const fps = await done;
  const s = ws.stats();
  await ws.close();
  return {
    fps,
    ok: s.gaps === 0 && s.duplicates === 0 && s.parseErrors === 0 && s.untrustedDeltasDropped === 0,
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function deltaFrames(n: number): Buffer[] {
  const out: Buffer[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const cents = 1 + (i % 98);
    out[i] = Buffer.from(
      JSON.stringify({
        type: 'orderbook_delta',
        sid: 1,
        seq: i + 2,
        msg: {
          market_ticker: TICKER,
          market_id: '9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1',
          price_dollars: `0.${String(cents).padStart(2, '0')}00`,
          delta_fp: `${i % 2 ? '-' : ''}${1 + (i % 50)}.00`,
          side: i % 3 ? 'yes' : 'no',
          ts_ms: 1764000000000 + i,
        },
      }),
    );
  }
  return out;
}

/**
 * A socket with no network: answers `subscribe` with `subscribed` + a snapshot, and lets the
 * bench push frames straight into the client's message handler.
 */
class InProcessSocket extends EventEmitter {
  static last: InProcessSocket | undefined;
  readyState = 0;
  constructor() {
    super();
    InProcessSocket.last = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.emit('open');
    });
  }
  send(data: string, cb?: (err?: Error) => void): void {
    cb?.();
    const cmd = JSON.parse(data) as { id: number; cmd: string };
    if (cmd.cmd !== 'subscribe') return;
    queueMicrotask(() => {
      this.push({ id: cmd.id, type: 'subscribed', msg: { channel: 'orderbook_delta', sid: 1 } });
      this.push({
        type: 'orderbook_snapshot',
        sid: 1,
        seq: 1,
        msg: {
          market_ticker: TICKER,
          market_id: 'x',
          yes_dollars_fp: [['0.4200', '10.00']],
          no_dollars_fp: [],
        },
      });
    });
  }
  push(frame: unknown): void {
    this.emit('message', Buffer.from(JSON.stringify(frame)), false);
  }
  close(): void {
    this.readyState = 3;
    queueMicrotask(() => this.emit('close', 1000, Buffer.alloc(0)));
  }
  terminate(): void {
    this.close();
  }
}

/** Frame path only (no sockets, no framing): JSON.parse alone vs the client's whole path. */
async function runInProcess(frames: Buffer[]): Promise<{ bare: number; client: number }> {
  let sink = 0;
  let t0 = performance.now();
  for (const buf of frames) {
    const m = JSON.parse(buf.toString()) as { type: string; seq?: number };
    if (m.type === 'orderbook_delta') sink += m.seq ?? 0;
  }
  const bare = frames.length / ((performance.now() - t0) / 1000);

  const ws = new KalshiWebSocket({
    url: 'ws://in-process/trade-api/ws/v2',
    WebSocket: InProcessSocket as unknown as KalshiWebSocketConstructor,
    livenessTimeoutMs: 0,
  });
  ws.on('orderbook_delta', (m) => {
    sink += m.seq;
  });
  await ws.connect();
  await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [TICKER] });
  const socket = InProcessSocket.last;
  if (socket === undefined) throw new Error('no in-process socket');
  t0 = performance.now();
  for (const buf of frames) socket.emit('message', buf, false);
  const client = frames.length / ((performance.now() - t0) / 1000);
  const s = ws.stats();
  await ws.close();
  if (sink === 0 || s.gaps + s.duplicates + s.parseErrors + s.untrustedDeltasDropped > 0)
    throw new Error(
      'in-process client stats show gaps, duplicates, parse errors or drops: the bench is invalid',
    );
  return { bare, client };
}

async function _unused(): Promise<void> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = new KalshiSigner({ apiKeyId: 'bench', privateKey });
  const server = await startServer();
  try {
    const bare: number[] = [];
    const client: number[] = [];
    // Warm-up round, not reported.
    await runBare(server.url);
    await runClient(server.url, signer);
    for (let r = 0; r < ROUNDS; r++) {
      bare.push(await runBare(server.url));
      const c = await runClient(server.url, signer);
      if (!c.ok)
        throw new Error('client stats show gaps, duplicates, parse errors or drops: the bench is invalid');
      client.push(c.fps);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const b = median(bare);
    const c = median(client);
    console.log(`\nWebSocket frame path (${fmt(FRAMES)} orderbook_delta frames, median of ${ROUNDS} rounds)`);
    console.log(`  bare ws + JSON.parse : ${fmt(b)} frames/s   (rounds: ${bare.map(fmt).join(', ')})`);
    console.log(`  KalshiWebSocket      : ${fmt(c)} frames/s   (rounds: ${client.map(fmt).join(', ')})`);
    console.log(`  ratio                : ${((c / b) * 100).toFixed(1)}%   (goal >= 80%)`);

    // The same frames without sockets: only the per-frame work of each side, far less noisy.
    const frames = deltaFrames(FRAMES);
    await runInProcess(frames); // warm-up
    const ip: { bare: number; client: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) ip.push(await runInProcess(frames));
    const ipb = median(ip.map((x) => x.bare));
    const ipc = median(ip.map((x) => x.client));
    const ratios = ip.map((x) => `${((x.client / x.bare) * 100).toFixed(0)}%`).join(', ');
    console.log(`\nFrame path in process (no sockets; median of ${ROUNDS} rounds)`);
    console.log(`  JSON.parse only      : ${fmt(ipb)} frames/s`);
    console.log(`  KalshiWebSocket      : ${fmt(ipc)} frames/s`);
    console.log(`  ratio                : ${((ipc / ipb) * 100).toFixed(1)}%   (per round: ${ratios})`);
  } finally {
    await server.stop();
  }
}

const fr = deltaFrames(300_000);
for (let i = 0; i < 6; i++) {
  const r = await runInProcess(fr);
  console.log(Math.round(r.bare), Math.round(r.client), ((r.client / r.bare) * 100).toFixed(0) + '%');
}
