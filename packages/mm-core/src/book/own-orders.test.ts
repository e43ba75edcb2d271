import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderBook } from './order-book.js';
import { bookExcludingOwn, type OwnOrderLike } from './own-orders.js';

function book(yes: [number, number][], no: [number, number][]): OrderBook {
  const b = new OrderBook('M');
  b.applySnapshot({
    marketTicker: 'M',
    tsMs: 0,
    yes: yes.map(([priceUnits, countUnits]) => ({ priceUnits, countUnits })),
    no: no.map(([priceUnits, countUnits]) => ({ priceUnits, countUnits })),
  });
  return b;
}

describe('bookExcludingOwn', () => {
  it('skips a touch made only of our own bid and ask', () => {
    // YES bids: 0.41 (ours only) and 0.40; NO bids: 0.41 (our YES ask at 0.59) and 0.40.
    const b = book(
      [
        [4_100, 500],
        [4_000, 2_000],
      ],
      [
        [4_100, 500], // our YES ask at 0.59 rests here as a NO bid at 0.41
        [4_000, 2_000],
      ],
    );
    const own: OwnOrderLike[] = [
      { side: 'bid', priceUnits: 4_100, remainingCountUnits: 500 },
      { side: 'ask', priceUnits: 5_900, remainingCountUnits: 500 },
    ];
    const others = bookExcludingOwn(b, own);
    expect([others.yesBid, others.yesBidCountUnits]).toEqual([4_000, 2_000]);
    expect([others.yesAsk, others.yesAskCountUnits]).toEqual([6_000, 2_000]);
    expect(others.midUnits).toBe(5_000);
    expect(b.yesBid).toBe(4_100); // the book itself is untouched
  });

  it('keeps a level we share with others, at their size', () => {
    const b = book([[4_100, 1_200]], [[4_000, 100]]);
    const others = bookExcludingOwn(b, [{ side: 'bid', priceUnits: 4_100, remainingCountUnits: 500 }]);
    expect([others.yesBid, others.yesBidCountUnits]).toEqual([4_100, 700]);
    expect(others.sizeAt('yes', 4_100)).toBe(700);
  });

  it('reports no touch when we are the only bid, and never a negative level', () => {
    const b = book([[4_100, 300]], []);
    const others = bookExcludingOwn(b, [{ side: 'bid', priceUnits: 4_100, remainingCountUnits: 500 }]);
    expect(others.yesBid).toBeUndefined();
    expect(others.yesBidCountUnits).toBe(0);
    expect(others.midUnits).toBeUndefined();
    expect(others.depth('yes')).toEqual([]);
  });

  it('equals the book level by level minus our size (clamped at zero)', () => {
    const level = fc.tuple(fc.integer({ min: 1, max: 9_999 }), fc.integer({ min: 1, max: 5_000 }));
    const order = fc.record({
      side: fc.constantFrom<'bid' | 'ask'>('bid', 'ask'),
      priceUnits: fc.integer({ min: 1, max: 9_999 }),
      remainingCountUnits: fc.integer({ min: 0, max: 5_000 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(level, { selector: (l) => l[0], maxLength: 8 }),
        fc.uniqueArray(level, { selector: (l) => l[0], maxLength: 8 }),
        fc.array(order, { maxLength: 6 }),
        (yes, no, own) => {
          const b = book(yes, no);
          const others = bookExcludingOwn(b, own);
          for (const outcome of ['yes', 'no'] as const) {
            for (const l of b.depth(outcome)) {
              const mine = own
                .filter((o) =>
                  outcome === 'yes'
                    ? o.side === 'bid' && o.priceUnits === l.priceUnits
                    : o.side === 'ask' && 10_000 - o.priceUnits === l.priceUnits,
                )
                .reduce((s, o) => s + o.remainingCountUnits, 0);
              expect(others.sizeAt(outcome, l.priceUnits)).toBe(Math.max(0, l.countUnits - mine));
            }
            const levels = others.depth(outcome);
            expect(levels.every((l) => l.countUnits > 0)).toBe(true);
            expect(levels.map((l) => l.priceUnits)).toEqual(
              [...levels.map((l) => l.priceUnits)].sort((a, c) => c - a),
            );
          }
          expect(others.yesBid).toBe(others.depth('yes')[0]?.priceUnits);
          const noBest = others.depth('no')[0]?.priceUnits;
          expect(others.yesAsk).toBe(noBest === undefined ? undefined : 10_000 - noBest);
        },
      ),
      { numRuns: 200 },
    );
  });
});
