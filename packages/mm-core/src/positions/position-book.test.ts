import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fill } from '../model/types.js';
import { PositionBook } from './position-book.js';

let n = 0;
const fill = (
  side: 'bid' | 'ask',
  priceUnits: number,
  countUnits: number,
  feeMicros = 0,
  tradeId = `t${++n}`,
): Fill => ({
  tradeId,
  orderId: 'o1',
  marketTicker: 'M',
  side,
  priceUnits,
  countUnits,
  feeMicros,
  isTaker: false,
  tsMs: n,
});

describe('PositionBook', () => {
  it('books realized P&L at average cost when a long position is reduced', () => {
    const book = new PositionBook();
    book.applyFill(fill('bid', 4_000, 1_000));
    book.applyFill(fill('bid', 5_000, 1_000));
    book.applyFill(fill('ask', 6_000, 1_000));
    const p = book.get('M');
    expect(p.positionCountUnits).toBe(1_000);
    expect(p.realizedPnlMicros).toBe(1_500_000); // sold 10 @ .60 vs avg .45
    expect(book.unrealizedPnlMicros('M', 4_500)).toBe(0);
  });

  it('flips from long to short through zero', () => {
    const book = new PositionBook();
    book.applyFill(fill('bid', 4_000, 500));
    book.applyFill(fill('ask', 5_000, 1_500));
    const p = book.get('M');
    expect(p.positionCountUnits).toBe(-1_000);
    expect(p.realizedPnlMicros).toBe(500_000);
    expect(p.costBasisMicros).toBe(-5_000_000);
  });

  it('counts a duplicate fill once', () => {
    const book = new PositionBook();
    expect(book.applyFill(fill('bid', 4_000, 100, 10, 'same'))).toBe(true);
    expect(book.applyFill(fill('bid', 4_000, 100, 10, 'same'))).toBe(false);
    expect(book.get('M').positionCountUnits).toBe(100);
    expect(book.get('M').feesMicros).toBe(10);
  });

  it('settles a long YES position at $1', () => {
    const book = new PositionBook();
    book.applyFill(fill('bid', 3_000, 1_000));
    book.settle('M', 10_000);
    expect(book.get('M').positionCountUnits).toBe(0);
    expect(book.get('M').realizedPnlMicros).toBe(7_000_000);
    expect(book.get('M').cashMicros).toBe(7_000_000);
  });

  it('settles a short YES (long NO) position at $0 as a gain', () => {
    const book = new PositionBook();
    book.applyFill(fill('ask', 3_000, 1_000));
    book.settle('M', 0);
    expect(book.get('M').realizedPnlMicros).toBe(3_000_000);
  });

  it('resetCostBasis re-prices an adopted position and keeps the cash identity', () => {
    const book = new PositionBook();
    book.adopt('M', -1_000, 5_000);
    book.resetCostBasis('M', 1_200);
    const p = book.get('M');
    expect(p.costBasisMicros).toBe(-1_200_000);
    expect(book.unrealizedPnlMicros('M', 1_200)).toBe(0);
    expect(p.cashMicros).toBe(p.realizedPnlMicros - p.feesMicros - p.costBasisMicros);
  });

  it('rejects a fill with a non-integer size', () => {
    expect(() => new PositionBook().applyFill(fill('bid', 3_000, 1.5))).toThrow(/invalid fill/);
  });

  it('keeps cash + position value equal to realized + unrealized - fees under any fill sequence', () => {
    const arbFill = fc.record({
      side: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'),
      price: fc.integer({ min: 1, max: 9_999 }),
      count: fc.integer({ min: 1, max: 1_000_000 }),
      fee: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbFill, { maxLength: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.boolean(),
        (fills, mark, settle) => {
          const book = new PositionBook();
          let cash = 0;
          let pos = 0;
          let fees = 0;
          for (const f of fills) {
            book.applyFill(fill(f.side, f.price, f.count, f.fee));
            const s = f.side === 'bid' ? f.count : -f.count;
            cash -= s * f.price + f.fee;
            pos += s;
            fees += f.fee;
          }
          if (settle) {
            book.settle('M', mark);
            cash += pos * mark;
            pos = 0;
          }
          const p = book.get('M');
          expect(p.positionCountUnits).toBe(pos);
          expect(p.cashMicros).toBe(cash);
          expect(p.feesMicros).toBe(fees);
          const s = book.summary(() => mark);
          expect(cash + pos * mark).toBe(s.realizedPnlMicros + s.unrealizedPnlMicros - s.feesMicros);
          expect(s.netPnlMicros).toBe(cash + pos * mark);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('netPnlMicros equals summary().netPnlMicros across markets, with and without marks', () => {
    const arbFill = fc.record({
      market: fc.constantFrom('A', 'B', 'C'),
      side: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'),
      price: fc.integer({ min: 1, max: 9_999 }),
      count: fc.integer({ min: 1, max: 100_000 }),
      fee: fc.integer({ min: 0, max: 10_000 }),
    });
    const arbMark = fc.option(fc.integer({ min: 0, max: 20_000 }).map((h) => h / 2)); // half units too
    fc.assert(
      fc.property(fc.array(arbFill, { maxLength: 40 }), arbMark, arbMark, arbMark, (fills, a, b, c) => {
        const book = new PositionBook();
        for (const f of fills)
          book.applyFill({ ...fill(f.side, f.price, f.count, f.fee), marketTicker: f.market });
        const marks: Record<string, number | null> = { A: a, B: b, C: c };
        const mark = (t: string) => marks[t] ?? undefined;
        expect(book.netPnlMicros(mark)).toBe(book.summary(mark).netPnlMicros);
        for (const t of ['A', 'B', 'C'])
          expect(book.positionCountUnits(t)).toBe(book.get(t).positionCountUnits);
      }),
      { numRuns: 300 },
    );
  });
});
