import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BookLevel, Outcome } from '../model/types.js';
import { OrderBook } from './order-book.js';

const T = 'MKT-1';
const lv = (priceUnits: number, countUnits: number): BookLevel => ({ priceUnits, countUnits });

function seeded(): OrderBook {
  const book = new OrderBook(T);
  book.applySnapshot({
    marketTicker: T,
    tsMs: 1,
    yes: [lv(4_000, 300), lv(4_500, 1_000)],
    no: [lv(5_000, 500)],
  });
  return book;
}

describe('OrderBook', () => {
  it('is untrusted until the first snapshot', () => {
    const book = new OrderBook(T);
    expect(book.trusted).toBe(false);
    expect(book.untrustedReason).toBe('NO_SNAPSHOT');
  });

  it('derives the YES ask from the best NO bid', () => {
    const book = seeded();
    expect(book.yesBid).toBe(4_500);
    expect(book.yesAsk).toBe(5_000);
    expect(book.noAsk).toBe(5_500);
    expect(book.spreadUnits).toBe(500);
    expect(book.midUnits).toBe(4_750);
  });

  it('treats a delta as a signed change and removes a level at zero', () => {
    const book = seeded();
    book.applyDelta({ marketTicker: T, outcome: 'yes', priceUnits: 4_500, deltaCountUnits: -1_000, tsMs: 2 });
    expect(book.sizeAt('yes', 4_500)).toBe(0);
    expect(book.yesBid).toBe(4_000);
    expect(book.levelCount('yes')).toBe(1);
  });

  it('marks the book untrusted on a delta that would go negative and leaves the level unchanged', () => {
    const book = seeded();
    const applied = book.applyDelta({
      marketTicker: T,
      outcome: 'no',
      priceUnits: 5_000,
      deltaCountUnits: -600,
      tsMs: 2,
    });
    expect(applied).toBe(false);
    expect(book.untrustedReason).toBe('NEGATIVE_LEVEL');
    expect(book.sizeAt('no', 5_000)).toBe(500);
  });

  it('ignores deltas while untrusted and recovers on a snapshot', () => {
    const book = seeded();
    book.markUntrusted('SEQUENCE_GAP');
    expect(
      book.applyDelta({ marketTicker: T, outcome: 'yes', priceUnits: 4_600, deltaCountUnits: 100, tsMs: 3 }),
    ).toBe(false);
    expect(book.yesBid).toBe(4_500);
    book.applySnapshot({ marketTicker: T, tsMs: 4, yes: [lv(4_100, 100)], no: [] });
    expect(book.trusted).toBe(true);
    expect(book.yesBid).toBe(4_100);
    expect(book.yesAsk).toBeUndefined();
  });

  it('reports a crossed book instead of hiding it', () => {
    const book = seeded();
    book.applyDelta({ marketTicker: T, outcome: 'no', priceUnits: 5_600, deltaCountUnits: 100, tsMs: 2 });
    expect(book.crossed).toBe(true);
    expect(book.spreadUnits).toBe(-100);
  });

  it('computes a microprice leaning toward the thinner side', () => {
    const book = seeded(); // bid 4500 x 1000, ask 5000 x 500
    expect(book.microprice).toBeCloseTo((4_500 * 500 + 5_000 * 1_000) / 1_500, 9);
  });

  it('lists depth best first', () => {
    expect(seeded().depth('yes')).toEqual([lv(4_500, 1_000), lv(4_000, 300)]);
    expect(seeded().depth('yes', 1)).toEqual([lv(4_500, 1_000)]);
  });

  it('rejects a snapshot for another market', () => {
    expect(() => seeded().applySnapshot({ marketTicker: 'OTHER', tsMs: 1, yes: [], no: [] })).toThrow(
      /OTHER/,
    );
  });

  it('rejects an off-range price as an integrity error', () => {
    const book = seeded();
    expect(
      book.applyDelta({ marketTicker: T, outcome: 'yes', priceUnits: 10_001, deltaCountUnits: 1, tsMs: 2 }),
    ).toBe(false);
    expect(book.untrustedReason).toBe('INVALID_PRICE');
  });
});

describe('OrderBook properties', () => {
  const outcome = fc.constantFrom<Outcome>('yes', 'no');
  const price = fc.integer({ min: 0, max: 10_000 });
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('delta' as const),
      outcome,
      price,
      delta: fc.integer({ min: -5_000, max: 5_000 }),
    }),
    fc.record({
      kind: fc.constant('snapshot' as const),
      yes: fc.array(fc.tuple(price, fc.integer({ min: 0, max: 10_000 })), { maxLength: 8 }),
      no: fc.array(fc.tuple(price, fc.integer({ min: 0, max: 10_000 })), { maxLength: 8 }),
    }),
  );

  it('matches a reference model, never holds a negative level, and derives best prices correctly', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const book = new OrderBook(T);
        let model: Record<Outcome, Map<number, number>> = { yes: new Map(), no: new Map() };
        let trusted = false;
        for (const o of ops) {
          if (o.kind === 'snapshot') {
            model = { yes: new Map(), no: new Map() };
            for (const [p, c] of o.yes) model.yes.set(p, (model.yes.get(p) ?? 0) + c);
            for (const [p, c] of o.no) model.no.set(p, (model.no.get(p) ?? 0) + c);
            book.applySnapshot({
              marketTicker: T,
              tsMs: 0,
              yes: o.yes.map(([p, c]) => lv(p, c)),
              no: o.no.map(([p, c]) => lv(p, c)),
            });
            trusted = true;
          } else {
            const applied = book.applyDelta({
              marketTicker: T,
              outcome: o.outcome,
              priceUnits: o.price,
              deltaCountUnits: o.delta,
              tsMs: 0,
            });
            if (trusted) {
              const next = (model[o.outcome].get(o.price) ?? 0) + o.delta;
              if (next < 0) {
                trusted = false;
                expect(applied).toBe(false);
              } else {
                model[o.outcome].set(o.price, next);
                expect(applied).toBe(true);
              }
            } else expect(applied).toBe(false);
          }
          expect(book.trusted).toBe(trusted);
          if (!trusted) continue;
          for (const side of ['yes', 'no'] as const) {
            const levels = [...model[side].entries()].filter(([, c]) => c > 0).sort((a, b) => b[0] - a[0]);
            const depth = book.depth(side);
            expect(depth.map((l) => [l.priceUnits, l.countUnits])).toEqual(levels);
            expect(depth.every((l) => l.countUnits > 0)).toBe(true);
            expect(book.levelCount(side)).toBe(levels.length);
          }
          const yesBest = book.depth('yes', 1)[0]?.priceUnits;
          const noBest = book.depth('no', 1)[0]?.priceUnits;
          expect(book.yesBid).toBe(yesBest);
          expect(book.yesAsk).toBe(noBest === undefined ? undefined : 10_000 - noBest);
          expect(book.crossed).toBe(
            yesBest !== undefined && noBest !== undefined && yesBest + noBest >= 10_000,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
