/**
 * Cost of the engine's per-turn mark-to-market check: net P&L over every positioned market at
 * trusted mids (PositionBook.netPnlMicros with a mark function bound once).
 */
import { OrderBook } from '../src/book/order-book.js';
import { PositionBook } from '../src/positions/position-book.js';

export function benchMarkToMarket(markets = 20, calls = 2_000_000): Record<string, string> {
  const books = new Map<string, OrderBook>();
  const positions = new PositionBook();
  for (let i = 0; i < markets; i++) {
    const t = `M${i}`;
    const book = new OrderBook(t);
    book.applySnapshot({
      marketTicker: t,
      tsMs: 0,
      yes: [{ priceUnits: 4_000 + i, countUnits: 1_000 }],
      no: [{ priceUnits: 5_000, countUnits: 1_000 }],
    });
    books.set(t, book);
    positions.applyFill({
      tradeId: `t${i}`,
      orderId: `o${i}`,
      marketTicker: t,
      side: i % 2 === 0 ? 'bid' : 'ask',
      priceUnits: 4_500,
      countUnits: 500,
      feeMicros: 100,
      isTaker: false,
      tsMs: 0,
    });
  }
  const mark = (t: string): number | undefined => {
    const b = books.get(t);
    return b?.trusted ? b.midUnits : undefined;
  };
  let sink = 0;
  for (let i = 0; i < 100_000; i++) sink += positions.netPnlMicros(mark);
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) sink += positions.netPnlMicros(mark);
  const ns = Number(process.hrtime.bigint() - t0) / calls;
  const heapGrowthKb = (process.memoryUsage().heapUsed - heapBefore) / 1024;
  if (sink === Number.MIN_SAFE_INTEGER) console.log(sink);
  return {
    [`mark-to-market check, ${markets} positioned markets (ns/call)`]: ns.toFixed(0),
    [`heap growth over ${calls.toLocaleString('en-US')} checks (KB)`]: heapGrowthKb.toFixed(0),
  };
}
