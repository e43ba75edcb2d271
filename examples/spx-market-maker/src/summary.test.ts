import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FillLedger, formatSummary, type LedgerFill, usd } from './summary.js';

let n = 0;
const fill = (market: string, side: 'bid' | 'ask', priceUnits: number, countUnits: number, feeMicros = 0) =>
  ({ fillId: `f${n++}`, market, side, priceUnits, countUnits, feeMicros }) satisfies LedgerFill;

describe('FillLedger', () => {
  it('realizes the spread on a round trip', () => {
    const l = new FillLedger();
    l.add(fill('M', 'bid', 4_000, 1_000, 7_000));
    l.add(fill('M', 'ask', 4_500, 1_000, 7_000));
    const s = l.summary();
    expect(s.realizedMicros).toBe(500 * 1_000);
    expect(s.unrealizedMicros).toBe(0);
    expect(s.feesMicros).toBe(14_000);
    expect(s.netPnlMicros).toBe(500_000 - 14_000);
    expect(s.volumeUnits).toBe(2_000);
    expect(s.notionalMicros).toBe(4_000 * 1_000 + 4_500 * 1_000);
  });

  it('marks an open short position at the given mark', () => {
    const l = new FillLedger();
    l.add(fill('M', 'ask', 6_000, 500));
    const s = l.summary(new Map([['M', 7_000]]));
    expect(s.markets[0]?.positionUnits).toBe(-500);
    expect(s.unrealizedMicros).toBe(-1_000 * 500);
    expect(s.realizedMicros).toBe(0);
  });

  it('uses average cost when reducing and opens the remainder at the fill price on a flip', () => {
    const l = new FillLedger();
    l.add(fill('M', 'bid', 4_000, 100));
    l.add(fill('M', 'bid', 5_000, 100));
    l.add(fill('M', 'ask', 6_000, 300)); // closes 200 at avg 4500, opens -100 at 6000
    const s = l.summary(new Map([['M', 6_000]]));
    expect(s.realizedMicros).toBe(1_500 * 200);
    expect(s.unrealizedMicros).toBe(0);
    expect(l.position('M')).toBe(-100);
  });

  it('ignores a fill id it has already seen', () => {
    const l = new FillLedger();
    const f = fill('M', 'bid', 4_000, 100);
    expect(l.add(f)).toBe(true);
    expect(l.add(f)).toBe(false);
    expect(l.summary().fills).toBe(1);
  });

  it('tracks the largest inventory in one market and in total', () => {
    const l = new FillLedger();
    l.add(fill('A', 'bid', 5_000, 300));
    l.add(fill('B', 'ask', 5_000, 200));
    l.add(fill('A', 'ask', 5_000, 300));
    const s = l.summary();
    expect(s.maxAbsPositionUnits).toBe(300);
    expect(s.maxTotalInventoryUnits).toBe(500);
  });

  it('net P&L always equals cash flow plus marked positions minus fees', () => {
    const arbFill = fc.record({
      market: fc.constantFrom('A', 'B', 'C'),
      side: fc.constantFrom('bid' as const, 'ask' as const),
      priceUnits: fc.integer({ min: 1, max: 9_999 }),
      countUnits: fc.integer({ min: 1, max: 10_000 }),
      feeMicros: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbFill, { maxLength: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        (fills, mark) => {
          const l = new FillLedger();
          let cash = 0;
          const pos = new Map<string, number>();
          fills.forEach((f, i) => {
            l.add({ ...f, fillId: String(i) });
            const v = f.priceUnits * f.countUnits;
            cash += (f.side === 'bid' ? -v : v) - f.feeMicros;
            pos.set(f.market, (pos.get(f.market) ?? 0) + (f.side === 'bid' ? f.countUnits : -f.countUnits));
          });
          const marks = new Map([...pos.keys()].map((m) => [m, mark]));
          let value = 0;
          for (const p of pos.values()) value += p * mark;
          expect(l.summary(marks).netPnlMicros).toBe(cash + value);
        },
      ),
    );
  });
});

describe('formatting', () => {
  it('formats micro-dollars as dollars and cents', () => {
    expect(usd(12_345_678)).toBe('$12.35');
    expect(usd(-50_000)).toBe('-$0.05');
    expect(usd(0)).toBe('$0.00');
  });

  it('prints the summary headline figures', () => {
    const l = new FillLedger();
    l.add(fill('KXINX-26NOV25H1600-B6612', 'bid', 4_000, 1_000, 70_000));
    const text = formatSummary(l.summary(new Map([['KXINX-26NOV25H1600-B6612', 4_200]]))).join('\n');
    expect(text).toContain('fills            1');
    expect(text).toContain('volume           10 contracts ($4.00 notional)');
    expect(text).toContain('unrealized P&L   $0.20');
    expect(text).toContain('net P&L          $0.13');
  });
});

it('usd rounds half up to the cent without floating point', () => {
  expect(usd(5_000)).toBe('$0.01');
  expect(usd(4_999)).toBe('$0.00');
  expect(usd(-15_000)).toBe('-$0.02');
  expect(usd(123_456_789_012)).toBe('$123456.79');
});
