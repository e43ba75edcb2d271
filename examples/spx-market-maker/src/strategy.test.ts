import { OrderBook, type ReferencePrice, type StrategyContext, type WorkingOrder } from '@mnquants/mm-core';
import { describe, expect, it } from 'vitest';
import {
  INDEX_SYMBOL,
  SpxMarketMakerStrategy,
  type SpxMarketMakerStrategyOptions,
  type SpxPricer,
  VIX_SYMBOL,
} from './strategy.js';

const NOW = 1_764_000_000_000;

/** A pricer with a fixed fair value whose quotes lean against inventory by 1 tick per contract. */
const pricer = (fairUnits = 5_000, over: Partial<SpxPricer> = {}): SpxPricer => ({
  plan: ({ positionUnits }) => {
    const skew = -Math.round(positionUnits / 100) * 100;
    return { fairUnits, bidUnits: fairUnits - 200 + skew, askUnits: fairUnits + 200 + skew };
  },
  closeTsMs: () => NOW + 3_600_000,
  stepBelow: (_m, p) => (p - 100 > 0 ? p - 100 : null),
  stepAbove: (_m, p) => (p + 100 < 10_000 ? p + 100 : null),
  ...over,
});

interface CtxOptions {
  position?: number;
  state?: StrategyContext['tradingState'];
  refs?: Record<string, Partial<ReferencePrice> | undefined>;
  book?: { trusted?: boolean; yesBid?: number; yesAsk?: number };
  own?: Pick<WorkingOrder, 'side' | 'priceUnits' | 'remainingCountUnits'>[];
}

const ref = (symbol: string, value: number, over: Partial<ReferencePrice> = {}): ReferencePrice => ({
  symbol,
  value,
  tsMs: NOW - 1_000,
  source: 'test',
  stale: false,
  ...over,
});

function ctx(o: CtxOptions = {}): StrategyContext {
  const refs: Record<string, ReferencePrice | undefined> = {
    [INDEX_SYMBOL]: ref(INDEX_SYMBOL, 6612.34),
    [VIX_SYMBOL]: ref(VIX_SYMBOL, 18.5),
  };
  for (const [k, v] of Object.entries(o.refs ?? {})) refs[k] = v === undefined ? undefined : ref(k, 1, v);
  return {
    marketTickers: ['M'],
    book: () => {
      // A real book: a level of 10 contracts at each given price (ours included, as on the venue).
      const book = new OrderBook('M');
      book.applySnapshot({
        marketTicker: 'M',
        tsMs: NOW,
        yes: o.book?.yesBid === undefined ? [] : [{ priceUnits: o.book.yesBid, countUnits: 1_000 }],
        no: o.book?.yesAsk === undefined ? [] : [{ priceUnits: 10_000 - o.book.yesAsk, countUnits: 1_000 }],
      });
      if (o.book?.trusted === false) book.markUntrusted('DISCONNECTED');
      return book;
    },
    position: (marketTicker) =>
      ({ marketTicker, positionCountUnits: o.position ?? 0 }) as ReturnType<StrategyContext['position']>,
    pnl: () => ({ realizedPnlMicros: 0, unrealizedPnlMicros: 0, feesMicros: 0, netPnlMicros: 0 }),
    openOrders: () => (o.own ?? []) as WorkingOrder[],
    reference: (s) => refs[s],
    market: () => undefined,
    tradingState: o.state ?? 'active',
    nowMs: () => NOW,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  };
}

const strategy = (over: Partial<SpxMarketMakerStrategyOptions> = {}) =>
  new SpxMarketMakerStrategy({
    pricer: pricer(),
    quoteSizeUnits: 500,
    maxPositionUnits: 2_000,
    volatilityPct: null,
    referenceStaleMs: 60_000,
    ...over,
  });

describe('SpxMarketMakerStrategy.quotesFor', () => {
  it('quotes both sides around fair value with the configured size', () => {
    expect(strategy().quotesFor('M', ctx()).quotes).toEqual([
      { side: 'bid', priceUnits: 4_800, countUnits: 500 },
      { side: 'ask', priceUnits: 5_200, countUnits: 500 },
    ]);
  });

  it('passes inventory to the pricer so quotes lean against the position', () => {
    const [bid] = strategy().quotesFor('M', ctx({ position: 300 })).quotes;
    expect(bid?.priceUnits).toBe(4_500);
  });

  it('sizes each side so a full fill stays within the position limit', () => {
    const q = strategy().quotesFor('M', ctx({ position: 1_800 })).quotes;
    expect(q.find((x) => x.side === 'bid')?.countUnits).toBe(200);
    expect(q.find((x) => x.side === 'ask')?.countUnits).toBe(500);
  });

  it('drops the bid entirely at the long limit', () => {
    const q = strategy().quotesFor('M', ctx({ position: 2_000 })).quotes;
    expect(q.map((x) => x.side)).toEqual(['ask']);
  });

  it('quotes only the reducing side, no larger than the position, when risk is reducing', () => {
    expect(strategy().quotesFor('M', ctx({ position: -300, state: 'reducing' })).quotes).toEqual([
      { side: 'bid', priceUnits: 5_100, countUnits: 300 },
    ]);
    expect(strategy().quotesFor('M', ctx({ position: 0, state: 'reducing' })).quotes).toEqual([]);
  });

  it('pulls every quote when halted', () => {
    const s = strategy();
    expect(s.quotesFor('M', ctx({ state: 'halted' })).quotes).toEqual([]);
    expect(s.view('M')?.idleReason).toBe('halted');
  });

  it('pulls quotes when the index is missing, flagged stale, or too old', () => {
    const s = strategy();
    expect(s.quotesFor('M', ctx({ refs: { [INDEX_SYMBOL]: undefined } })).quotes).toEqual([]);
    expect(s.view('M')?.idleReason).toBe('no index');
    expect(s.quotesFor('M', ctx({ refs: { [INDEX_SYMBOL]: { stale: true, tsMs: NOW } } })).quotes).toEqual(
      [],
    );
    expect(s.quotesFor('M', ctx({ refs: { [INDEX_SYMBOL]: { tsMs: NOW - 61_000 } } })).quotes).toEqual([]);
    expect(s.view('M')?.idleReason).toBe('index stale');
  });

  it('uses the volatility override instead of the VIX when given', () => {
    let seen = 0;
    const p = pricer();
    const s = strategy({
      volatilityPct: 25,
      pricer: {
        ...p,
        plan: (i) => {
          seen = i.volPct;
          return p.plan(i);
        },
      },
    });
    expect(s.quotesFor('M', ctx({ refs: { [VIX_SYMBOL]: undefined } })).quotes).toHaveLength(2);
    expect(seen).toBe(25);
  });

  it('needs the VIX when there is no override', () => {
    expect(strategy().quotesFor('M', ctx({ refs: { [VIX_SYMBOL]: undefined } })).quotes).toEqual([]);
  });

  it('stops quoting a market shortly before its close', () => {
    const s = strategy({ pricer: pricer(5_000, { closeTsMs: () => NOW + 60_000 }) });
    expect(s.quotesFor('M', ctx()).quotes).toEqual([]);
    expect(s.view('M')?.idleReason).toBe('near close');
  });

  it('pulls quotes while the book is untrusted', () => {
    expect(strategy().quotesFor('M', ctx({ book: { trusted: false } })).quotes).toEqual([]);
  });

  it('never crosses the book: a bid at or above the best ask moves one tick below it', () => {
    const q = strategy().quotesFor('M', ctx({ book: { yesBid: 4_500, yesAsk: 4_700 } })).quotes;
    expect(q).toEqual([
      { side: 'bid', priceUnits: 4_600, countUnits: 500 },
      { side: 'ask', priceUnits: 5_200, countUnits: 500 },
    ]);
  });

  it('never crosses the book: an ask at or below the best bid moves one tick above it', () => {
    const q = strategy().quotesFor('M', ctx({ book: { yesBid: 5_300, yesAsk: 5_500 } })).quotes;
    expect(q).toEqual([
      { side: 'bid', priceUnits: 4_800, countUnits: 500 },
      { side: 'ask', priceUnits: 5_400, countUnits: 500 },
    ]);
  });

  it('does not step back from its own resting order', () => {
    // The best ask at 0.47 is entirely our own order: the new bid at 0.48 may replace it freely.
    const own = [{ side: 'ask' as const, priceUnits: 4_700, remainingCountUnits: 1_000 }];
    const q = strategy().quotesFor('M', ctx({ book: { yesBid: 4_500, yesAsk: 4_700 }, own })).quotes;
    expect(q.find((x) => x.side === 'bid')?.priceUnits).toBe(4_800);
  });
});

describe('SpxMarketMakerStrategy handlers', () => {
  it('reprices every market on an index update and ignores other symbols', () => {
    const s = strategy();
    expect(s.onReference(ref('^TNX', 4.1), ctx())).toBeUndefined();
    expect(s.onReference(ref(INDEX_SYMBOL, 6612), ctx())).toHaveLength(1);
  });

  it('returns nothing when the desire has not changed', () => {
    const s = strategy();
    expect(s.onTimer(ctx())).toHaveLength(1);
    expect(s.onTimer(ctx())).toBeUndefined();
    expect(s.onTimer(ctx({ position: 300 }))).toHaveLength(1);
  });
});
