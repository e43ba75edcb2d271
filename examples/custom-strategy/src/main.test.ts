import type { StrategyContext } from '@mnquants/mm-core';
import { describe, expect, it } from 'vitest';
import { PennyInside } from './main.js';

const ctx = (book: { trusted?: boolean; yesBid?: number; yesAsk?: number }, position = 0) =>
  ({
    book: () => ({ trusted: true, ...book }),
    position: () => ({ positionCountUnits: position }),
  }) as unknown as StrategyContext;

describe('PennyInside', () => {
  it('improves both sides by one cent when the spread is at least 3 cents', () => {
    expect(new PennyInside().onBook('M', ctx({ yesBid: 4_000, yesAsk: 4_300 }))).toEqual([
      {
        marketTicker: 'M',
        quotes: [
          { side: 'bid', priceUnits: 4_100, countUnits: 100 },
          { side: 'ask', priceUnits: 4_200, countUnits: 100 },
        ],
      },
    ]);
  });

  it('pulls its quotes on a tight, one-sided or untrusted book', () => {
    const pulled = [{ marketTicker: 'M', quotes: [] }];
    expect(new PennyInside().onBook('M', ctx({ yesBid: 4_000, yesAsk: 4_200 }))).toEqual(pulled);
    expect(new PennyInside().onBook('M', ctx({ yesBid: 4_000 }))).toEqual(pulled);
    expect(new PennyInside().onBook('M', ctx({ trusted: false, yesBid: 4_000, yesAsk: 4_900 }))).toEqual(
      pulled,
    );
  });

  it('stops adding to a position of 5 contracts', () => {
    const decision = new PennyInside().onBook('M', ctx({ yesBid: 4_000, yesAsk: 4_500 }, 500));
    expect(decision?.[0]?.quotes.map((q) => q.side)).toEqual(['ask']);
  });
});
