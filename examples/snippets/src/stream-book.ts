/**
 * Streams one market's order book over the Kalshi WebSocket and prints the best bid / ask after
 * every update. Prices and sizes are kept as fixed-point integers (never floats).
 *
 * Environment:
 *   KALSHI_WS_URL            WebSocket URL (default: Kalshi demo)
 *   KALSHI_API_KEY_ID        API key id (required)
 *   KALSHI_PRIVATE_KEY_PATH  PEM file of the private key (or KALSHI_PRIVATE_KEY with the PEM text)
 *   MARKET_TICKER            market to stream (required), e.g. KXINX-26NOV25H1600-B6612
 *
 * Run: node --conditions=@mnquants/source --import tsx examples/snippets/src/stream-book.ts
 */
import {
  type CountUnits,
  complementPrice,
  formatCount,
  formatDollars,
  KALSHI_ENVIRONMENTS,
  KalshiSigner,
  KalshiWebSocket,
  type PriceUnits,
  parseCount,
  parseDollars,
  parseSignedCount,
  type WsBookLevel,
} from '@mnquants/kalshi-sdk';

const url = process.env.KALSHI_WS_URL ?? KALSHI_ENVIRONMENTS.demo.wsUrl;
const apiKeyId = process.env.KALSHI_API_KEY_ID;
const ticker = process.env.MARKET_TICKER;
const keyPath = process.env.KALSHI_PRIVATE_KEY_PATH;
const keyPem = process.env.KALSHI_PRIVATE_KEY;
if (apiKeyId === undefined || ticker === undefined || (keyPath === undefined && keyPem === undefined)) {
  console.error('Set KALSHI_API_KEY_ID, MARKET_TICKER and KALSHI_PRIVATE_KEY_PATH (or KALSHI_PRIVATE_KEY).');
  process.exit(2);
}

const signer = new KalshiSigner(
  keyPem !== undefined ? { apiKeyId, privateKey: keyPem } : { apiKeyId, privateKeyPath: keyPath as string },
);

/** One side's bids: price units -> count units. Kalshi sends only bids; asks are implied. */
type Ladder = Map<PriceUnits, CountUnits>;
const book = { yes: new Map() as Ladder, no: new Map() as Ladder };

function load(ladder: Ladder, levels: WsBookLevel[] | undefined): void {
  ladder.clear();
  for (const [price, count] of levels ?? []) ladder.set(parseDollars(price), parseCount(count));
}

function best(ladder: Ladder): [PriceUnits, CountUnits] | undefined {
  let top: [PriceUnits, CountUnits] | undefined;
  for (const [p, c] of ladder) if (top === undefined || p > top[0]) top = [p, c];
  return top;
}

function print(reason: string): void {
  const bid = best(book.yes);
  const noBid = best(book.no);
  // NO bids are in NO-leg prices (no use_yes_price): the implied YES ask is $1 - best NO bid.
  const ask = noBid === undefined ? undefined : ([complementPrice(noBid[0]), noBid[1]] as const);
  const side = (l: readonly [PriceUnits, CountUnits] | undefined) =>
    l === undefined ? '   -   ' : `${formatDollars(l[0])} x ${formatCount(l[1])}`;
  console.log(
    `${new Date().toISOString()} ${ticker} ${reason.padEnd(8)} bid ${side(bid)} | ask ${side(ask)}`,
  );
}

const ws = new KalshiWebSocket({ url, signer });
ws.on('orderbook_snapshot', (m) => {
  if (m.msg.market_ticker !== ticker) return;
  load(book.yes, m.msg.yes_dollars_fp);
  load(book.no, m.msg.no_dollars_fp);
  print('snapshot');
});
ws.on('orderbook_delta', (m) => {
  if (m.msg.market_ticker !== ticker) return;
  const ladder = m.msg.side === 'yes' ? book.yes : book.no;
  const price = parseDollars(m.msg.price_dollars);
  const size = (ladder.get(price) ?? 0) + parseSignedCount(m.msg.delta_fp);
  if (size <= 0) ladder.delete(price);
  else ladder.set(price, size);
  print('delta');
});
ws.on('trustChanged', (c) => {
  if (!c.trusted)
    console.warn(`${c.marketTicker}: book untrusted (${c.reason}); waiting for a fresh snapshot`);
});
ws.on('reconnecting', ({ attempt, delayMs }) =>
  console.warn(`reconnecting (attempt ${attempt}) in ${delayMs} ms`),
);
ws.on('error', (err) => console.error(`websocket error ${err.wsCode}: ${err.message}`));

await ws.connect();
await ws.subscribe({ channels: ['orderbook_delta'], market_tickers: [ticker] });
console.log(`streaming ${ticker} from ${url}; Ctrl+C to stop`);
process.once('SIGINT', () => {
  void ws.close().then(() => process.exit(0));
});
