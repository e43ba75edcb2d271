/** Order-book benchmark: deltas applied per second (with and without wire parsing) and memory per market. */
import { parseDelta } from '../src/adapters/kalshi/parse.js';
import { OrderBook } from '../src/book/order-book.js';
import { bookExcludingOwn } from '../src/book/own-orders.js';
import type { BookDelta } from '../src/model/types.js';

function deltas(n: number): BookDelta[] {
  // A random walk over 60 levels around the touch, never driving a level negative.
  const sizes = new Map<string, number>();
  const out: BookDelta[] = new Array(n);
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; i < n; i++) {
    const outcome = rnd() < 0.5 ? 'yes' : 'no';
    const priceUnits = (outcome === 'yes' ? 3_500 : 4_500) + Math.floor(rnd() * 30) * 100;
    const key = outcome + priceUnits;
    const size = sizes.get(key) ?? 0;
    const delta =
      size > 0 && rnd() < 0.5
        ? -Math.min(size, 100 * (1 + Math.floor(rnd() * 10)))
        : 100 * (1 + Math.floor(rnd() * 10));
    sizes.set(key, size + delta);
    out[i] = { marketTicker: 'B', outcome, priceUnits, deltaCountUnits: delta, tsMs: i };
  }
  return out;
}

export function benchBook(n = 2_000_000): Record<string, string> {
  const list = deltas(n);
  const book = new OrderBook('B');
  const run = () => {
    book.applySnapshot({ marketTicker: 'B', yes: [], no: [], tsMs: 0 });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < list.length; i++) book.applyDelta(list[i]!);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  run(); // warm-up
  const secs = Math.min(run(), run(), run());
  if (!book.trusted) throw new Error('benchmark book became untrusted');

  // Parse + apply: from the SDK's decoded `orderbook_delta` payload (dollar strings) to the book.
  const wire = list.slice(0, 500_000).map((d) => ({
    market_ticker: 'B',
    market_id: 'x',
    side: d.outcome,
    price_dollars: (d.priceUnits / 10_000).toFixed(4),
    delta_fp: (d.deltaCountUnits / 100).toFixed(2),
    ts_ms: d.tsMs,
  }));
  const parsed = new OrderBook('B');
  const runParsed = () => {
    parsed.applySnapshot({ marketTicker: 'B', yes: [], no: [], tsMs: 0 });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < wire.length; i++) parsed.applyDelta(parseDelta(wire[i]!, 0));
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  runParsed();
  const parsedSecs = Math.min(runParsed(), runParsed());

  // bookExcludingOwn on a 50-level book with our 2 bids and 2 asks at the touch (a strategy's onBook).
  const quoted = new OrderBook('Q');
  const ladder = (from: number) =>
    Array.from({ length: 50 }, (_, k) => ({ priceUnits: from - k * 50, countUnits: 1_000 }));
  quoted.applySnapshot({ marketTicker: 'Q', yes: ladder(4_500), no: ladder(5_000), tsMs: 0 });
  const own = [
    { side: 'bid' as const, priceUnits: 4_500, remainingCountUnits: 1_000 },
    { side: 'bid' as const, priceUnits: 4_450, remainingCountUnits: 500 },
    { side: 'ask' as const, priceUnits: 5_000, remainingCountUnits: 1_000 },
    { side: 'ask' as const, priceUnits: 5_050, remainingCountUnits: 500 },
  ];
  const exclN = 500_000;
  let sink = 0;
  const runExcl = () => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < exclN; i++) sink += bookExcludingOwn(quoted, own).yesBid ?? 0;
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  runExcl();
  const exclSecs = Math.min(runExcl(), runExcl());
  if (sink === 0) throw new Error('bookExcludingOwn benchmark found no touch');

  // Memory per market: 1,000 books each with a 50-level snapshot per side.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m0 = process.memoryUsage();
  const books: OrderBook[] = [];
  for (let i = 0; i < 1_000; i++) {
    const b = new OrderBook(`M${i}`);
    const levels = Array.from({ length: 50 }, (_, k) => ({ priceUnits: 100 + k * 100, countUnits: 1_000 }));
    b.applySnapshot({ marketTicker: b.marketTicker, yes: levels, no: levels, tsMs: 0 });
    books.push(b);
  }
  gc?.();
  const m1 = process.memoryUsage();
  const perMarket = (m1.heapUsed - m0.heapUsed + (m1.arrayBuffers - m0.arrayBuffers)) / books.length;
  return {
    'book deltas applied / s (one core)': Math.round(n / secs).toLocaleString('en-US'),
    'ns per delta': ((secs / n) * 1e9).toFixed(1),
    'parse + apply deltas / s (SDK payload -> book)': Math.round(wire.length / parsedSecs).toLocaleString(
      'en-US',
    ),
    'bookExcludingOwn (touch net of own orders) ns / call': ((exclSecs / exclN) * 1e9).toFixed(0),
    'memory per market (KB)':
      (perMarket / 1024).toFixed(1) + (gc ? '' : ' (run with --expose-gc for accuracy)'),
  };
}
