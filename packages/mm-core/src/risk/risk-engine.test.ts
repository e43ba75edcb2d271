import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderBook } from '../book/order-book.js';
import { isMmCoreError, type MmCoreConfigError } from '../errors.js';
import type { DesiredQuote } from '../strategy/strategy.js';
import { type RiskConfig, RiskEngine, type RiskInputs } from './risk-engine.js';

const config: RiskConfig = {
  maxOrderCountUnits: 1_000,
  maxPositionCountUnits: 2_000,
  maxTotalExposureMicros: 100_000_000,
};

function book(): OrderBook {
  const b = new OrderBook('M');
  b.applySnapshot({
    marketTicker: 'M',
    tsMs: 1_000,
    yes: [{ priceUnits: 4_500, countUnits: 100 }],
    no: [{ priceUnits: 5_000, countUnits: 100 }],
  });
  return b;
}
const inputs = (over: Partial<RiskInputs> = {}): RiskInputs => ({
  book: book(),
  positionCountUnits: 0,
  positionCostMicros: 0,
  nowMs: 1_000,
  staleReferences: [],
  ...over,
});
const bid = (priceUnits: number, countUnits: number): DesiredQuote => ({
  side: 'bid',
  priceUnits,
  countUnits,
});
const ask = (priceUnits: number, countUnits: number): DesiredQuote => ({
  side: 'ask',
  priceUnits,
  countUnits,
});

describe('RiskEngine', () => {
  it('reports every config problem at once', () => {
    try {
      new RiskEngine({ maxOrderCountUnits: 0, maxPositionCountUnits: -1, maxTotalExposureMicros: 1.5 });
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err)).toBe(true);
      expect((err as MmCoreConfigError).problems).toHaveLength(3);
    }
  });

  it('reports malformed requiredReferenceSymbols and price bounds together', () => {
    try {
      new RiskEngine({
        ...config,
        requiredReferenceSymbols: ['^GSPC', ''],
        minPriceUnits: 0,
      });
      expect.unreachable();
    } catch (err) {
      expect((err as MmCoreConfigError).problems).toEqual([
        'risk.requiredReferenceSymbols must be an array of non-empty strings',
        'risk.minPriceUnits must be an integer in 1..9999 (got 0)',
      ]);
    }
  });

  it('approves a quote inside every limit', () => {
    const r = new RiskEngine(config).checkQuotes('M', [bid(4_400, 500)], inputs());
    expect(r.approved).toEqual([bid(4_400, 500)]);
  });

  it('denies an oversized quote with MAX_ORDER_SIZE', () => {
    const r = new RiskEngine(config).checkQuotes('M', [bid(4_400, 1_001)], inputs());
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'MAX_ORDER_SIZE' });
  });

  it('clips bids to the position headroom and denies the rest with MAX_POSITION', () => {
    const r = new RiskEngine(config).checkQuotes(
      'M',
      [bid(4_400, 1_000), bid(4_300, 1_000)],
      inputs({ positionCountUnits: 1_500 }),
    );
    expect(r.approved).toEqual([bid(4_400, 500)]);
    expect(r.checked[1]?.decision).toMatchObject({ approved: false, reason: 'MAX_POSITION' });
  });

  it('still lets asks reduce a long position at the limit', () => {
    const r = new RiskEngine(config).checkQuotes(
      'M',
      [ask(5_100, 1_000)],
      inputs({ positionCountUnits: 2_000 }),
    );
    expect(r.approved).toEqual([ask(5_100, 1_000)]);
  });

  it('denies every quote with STALE_BOOK when the book is untrusted', () => {
    const b = book();
    b.markUntrusted('SEQUENCE_GAP');
    const r = new RiskEngine(config).checkQuotes('M', [bid(4_400, 100)], inputs({ book: b }));
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'STALE_BOOK' });
  });

  it('denies with STALE_BOOK when the book is older than staleBookMs', () => {
    const r = new RiskEngine({ ...config, staleBookMs: 500 }).checkQuotes(
      'M',
      [bid(4_400, 100)],
      inputs({ nowMs: 2_000 }),
    );
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'STALE_BOOK' });
  });

  it('denies with STALE_REFERENCE when a required symbol is stale', () => {
    const r = new RiskEngine(config).checkQuotes(
      'M',
      [bid(4_400, 100)],
      inputs({ staleReferences: ['^GSPC'] }),
    );
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'STALE_REFERENCE' });
  });

  it('denies prices outside the band and too far from mid', () => {
    const risk = new RiskEngine({ ...config, maxDistanceFromMidUnits: 1_000 });
    const r = risk.checkQuotes('M', [bid(50, 100), bid(3_000, 100)], inputs());
    expect(r.checked.map((c) => c.decision.approved === false && c.decision.reason)).toEqual([
      'PRICE_BAND',
      'PRICE_BAND',
    ]);
  });

  it('admits only position-reducing quotes while reducing', () => {
    const risk = new RiskEngine(config);
    risk.setState('reducing', 'test');
    const r = risk.checkQuotes('M', [bid(4_400, 500), ask(5_100, 500)], inputs({ positionCountUnits: 300 }));
    expect(r.approved).toEqual([ask(5_100, 300)]);
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'REDUCING' });
  });

  it('denies everything when halted', () => {
    const risk = new RiskEngine(config);
    risk.setState('halted', 'kill switch');
    expect(risk.checkQuotes('M', [ask(5_100, 1)], inputs()).approved).toEqual([]);
  });

  it('caps total exposure across markets', () => {
    const risk = new RiskEngine({ ...config, maxTotalExposureMicros: 5_000_000 });
    expect(risk.checkQuotes('A', [bid(4_000, 1_000)], inputs()).approved).toEqual([bid(4_000, 1_000)]); // 4,000,000
    const r = risk.checkQuotes('M', [bid(4_000, 1_000)], inputs());
    expect(r.approved).toEqual([bid(4_000, 250)]); // 1,000,000 left
    expect(risk.totalExposureMicros).toBe(5_000_000);
  });

  it('reports MAX_LOSS and moves to reducing on drawdown', () => {
    const states: string[] = [];
    const risk = new RiskEngine({ ...config, maxLossMicros: 10_000_000, maxDrawdownMicros: 3_000_000 });
    risk.onStateChange((s) => states.push(s));
    expect(risk.observePnl(5_000_000)).toBeUndefined();
    expect(risk.observePnl(1_000_000)).toBeUndefined();
    expect(states).toEqual(['reducing']);
    expect(risk.observePnl(-10_000_000)).toBe('MAX_LOSS');
  });

  it('lets a reducing ask through over the exposure limit and denies an increasing bid', () => {
    const risk = new RiskEngine(config); // $100 limit
    // Long 10 YES that cost $150 (a fill burst, or the limit was lowered): already over the limit.
    const r = risk.checkQuotes(
      'M',
      [bid(4_400, 500), ask(5_100, 500)],
      inputs({ positionCountUnits: 1_000, positionCostMicros: 150_000_000 }),
    );
    expect(r.approved).toEqual([ask(5_100, 500)]);
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'MAX_TOTAL_EXPOSURE' });
  });

  it('clips a reduction at the position when over a limit, never flipping past flat', () => {
    const risk = new RiskEngine(config);
    const overExposure = risk.checkQuotes(
      'M',
      [ask(5_100, 1_000)],
      inputs({ positionCountUnits: 300, positionCostMicros: 150_000_000 }),
    );
    expect(overExposure.approved).toEqual([ask(5_100, 300)]);
    const overPosition = risk.checkQuotes(
      'M',
      [ask(5_100, 1_000), ask(5_200, 1_000), ask(5_300, 1_000)],
      inputs({ positionCountUnits: 2_500 }),
    );
    expect(overPosition.approved).toEqual([ask(5_100, 1_000), ask(5_200, 1_000), ask(5_300, 500)]);
  });

  it('lets a short position over the position limit buy back but not sell more', () => {
    const r = new RiskEngine(config).checkQuotes(
      'M',
      [bid(4_400, 1_000), ask(5_100, 100)],
      inputs({ positionCountUnits: -2_500, positionCostMicros: 0 }),
    );
    expect(r.approved).toEqual([bid(4_400, 1_000)]);
    expect(r.checked[1]?.decision).toMatchObject({ approved: false, reason: 'MAX_POSITION' });
  });

  it('lets reductions through in reducing state even over the exposure limit', () => {
    const risk = new RiskEngine(config);
    risk.setState('reducing', 'test');
    const r = risk.checkQuotes(
      'M',
      [bid(4_400, 500), ask(5_100, 800)],
      inputs({ positionCountUnits: 600, positionCostMicros: 150_000_000 }),
    );
    expect(r.approved).toEqual([ask(5_100, 600)]);
    expect(r.checked[0]?.decision).toMatchObject({ approved: false, reason: 'REDUCING' });
  });

  it('still denies a reduction on a halted engine, a stale book or an oversized order', () => {
    const over = { positionCountUnits: 1_000, positionCostMicros: 150_000_000 };
    const halted = new RiskEngine(config);
    halted.setState('halted', 'test');
    expect(halted.checkQuotes('M', [ask(5_100, 500)], inputs(over)).approved).toEqual([]);
    const b = book();
    b.markUntrusted('SEQUENCE_GAP');
    expect(
      new RiskEngine(config).checkQuotes('M', [ask(5_100, 500)], inputs({ ...over, book: b })).approved,
    ).toEqual([]);
    const big = new RiskEngine(config).checkQuotes(
      'M',
      [ask(5_100, 1_001)],
      inputs({ ...over, positionCountUnits: 2_000 }),
    );
    expect(big.checked[0]?.decision).toMatchObject({ approved: false, reason: 'MAX_ORDER_SIZE' });
  });

  it('writes approvals into caller storage and reports denials through a callback', () => {
    const risk = new RiskEngine(config);
    const approved: DesiredQuote[] = [bid(1_000, 1)];
    const denied: string[] = [];
    risk.checkQuotesInto('M', [bid(4_400, 1_001), ask(5_100, 500)], inputs(), approved, (q, reason) =>
      denied.push(`${q.side}:${reason}`),
    );
    expect(approved).toEqual([ask(5_100, 500)]);
    expect(denied).toEqual(['bid:MAX_ORDER_SIZE']);
  });

  it('returns a frozen shared result for no quotes but still records the exposure', () => {
    const risk = new RiskEngine(config);
    const a = risk.checkQuotes('M', [], inputs({ positionCountUnits: 100, positionCostMicros: 450_000 }));
    const b = risk.checkQuotes('N', [], inputs());
    expect(a).toBe(b);
    expect(Object.isFrozen(a.approved)).toBe(true);
    expect(risk.totalExposureMicros).toBe(450_000);
  });
});

describe('RiskEngine properties', () => {
  const quoteArb = fc.record({
    side: fc.constantFrom('bid' as const, 'ask' as const),
    priceUnits: fc.integer({ min: 100, max: 9_900 }),
    countUnits: fc.integer({ min: 1, max: 1_000 }),
  });

  it('never approves quotes that take |position| past the limits, and stays within exposure when adding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -4_000, max: 4_000 }),
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.constantFrom('active' as const, 'reducing' as const),
        fc.array(quoteArb, { maxLength: 6 }),
        (pos, cost, state, quotes) => {
          const risk = new RiskEngine(config);
          risk.setState(state, 'property');
          const { approved } = risk.checkQuotes(
            'M',
            quotes,
            inputs({ positionCountUnits: pos, positionCostMicros: cost }),
          );
          const bids = approved.filter((q) => q.side === 'bid').reduce((s, q) => s + q.countUnits, 0);
          const asks = approved.filter((q) => q.side === 'ask').reduce((s, q) => s + q.countUnits, 0);
          const withinLimit = state === 'active' && Math.abs(pos) <= config.maxPositionCountUnits;
          // Every bid filled: a pure reduction (towards flat), or a result within the position limit.
          const bidsReduce = bids <= Math.max(0, -pos);
          const asksReduce = asks <= Math.max(0, pos);
          expect(bidsReduce || (withinLimit && pos + bids <= config.maxPositionCountUnits)).toBe(true);
          expect(asksReduce || (withinLimit && pos - asks >= -config.maxPositionCountUnits)).toBe(true);
          if (!bidsReduce || !asksReduce) {
            expect(risk.totalExposureMicros).toBeLessThanOrEqual(config.maxTotalExposureMicros);
          }
        },
      ),
    );
  });

  it('always approves a pure reduction within the order size, whatever the exposure', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom('active' as const, 'reducing' as const),
        fc.integer({ min: 100, max: 9_900 }),
        fc.integer({ min: 1, max: 1_000 }),
        (size, long, cost, state, price, want) => {
          const count = Math.min(want, size);
          const pos = long ? size : -size;
          const quote: DesiredQuote = { side: long ? 'ask' : 'bid', priceUnits: price, countUnits: count };
          const risk = new RiskEngine(config);
          risk.setState(state, 'property');
          const r = risk.checkQuotes(
            'M',
            [quote],
            inputs({ positionCountUnits: pos, positionCostMicros: cost }),
          );
          expect(r.approved).toEqual([quote]);
        },
      ),
    );
  });
});
