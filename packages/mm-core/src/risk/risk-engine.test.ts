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
});
