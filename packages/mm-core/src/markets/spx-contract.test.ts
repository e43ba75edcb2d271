import type { GetMarketsParams } from '@mnquants/kalshi-sdk';
import { describe, expect, it } from 'vitest';
import { NyseCalendar } from '../calendar/nyse-calendar.js';
import { isMmCoreError } from '../errors.js';
import {
  type SpxContract,
  type SpxMarketFields,
  selectSpxStrikes,
  spxContractFromMarket,
} from './spx-contract.js';
import { findSpxMarkets, type SpxMarketSource } from './spx-market-finder.js';

const cents = [{ start: '0.0000', end: '1.0000', step: '0.0100' }];

function bucket(floor: number, date = '26MAR13'): SpxMarketFields {
  return {
    ticker: `KXINX-${date}H1600-B${floor + 12}`,
    event_ticker: `KXINX-${date}H1600`,
    strike_type: 'between',
    floor_strike: floor,
    cap_strike: floor + 24.9999,
    close_time: '2026-03-13T20:00:00Z',
    price_ranges: cents,
    status: 'active',
  };
}

function rangeEvent(): SpxMarketFields[] {
  const out: SpxMarketFields[] = [
    {
      ticker: 'KXINX-26MAR13H1600-T6474.9999',
      event_ticker: 'KXINX-26MAR13H1600',
      strike_type: 'less',
      cap_strike: 6475,
    },
    {
      ticker: 'KXINX-26MAR13H1600-T6775',
      event_ticker: 'KXINX-26MAR13H1600',
      strike_type: 'greater',
      floor_strike: 6774.9999,
    },
  ];
  for (let f = 6475; f < 6775; f += 25) out.push(bucket(f));
  return out;
}

describe('spxContractFromMarket', () => {
  it("takes the strike from the Market's fields, not the ticker label", () => {
    const c = spxContractFromMarket(bucket(6675));
    expect(c.strike).toEqual({ type: 'between', floor: 6675, cap: 6699.9999 });
    expect(c.strikeSource).toBe('market');
    expect(c.closeTimeMs).toBe(Date.UTC(2026, 2, 13, 20));
    expect(c.grid?.isValid(5_600)).toBe(true);
    expect(c).toMatchObject({ series: 'KXINX', date: '2026-03-13', time: { hour: 16, minute: 0 } });
  });

  it("a Market strike_type overrides the ticker's T prefix", () => {
    const c = spxContractFromMarket({
      ticker: 'KXINXU-26AUG03H1600-T7224.9999',
      event_ticker: 'KXINXU-26AUG03H1600',
      strike_type: 'less',
      cap_strike: 7225,
    });
    expect(c.strike).toEqual({ type: 'less', floor: null, cap: 7225 });
  });

  it('falls back to the ticker for a ladder leg without strike fields', () => {
    const c = spxContractFromMarket({ ticker: 'INXU-24AUG16-T5543.22', event_ticker: 'INXU-24AUG16' });
    expect(c.strike).toEqual({ type: 'greater', floor: 5543.22, cap: null });
    expect(c.strikeSource).toBe('ticker');
  });

  it.each([
    [{ ticker: 'KXINX-26MAR13H1600-B6687', event_ticker: 'KXINX-26MAR13H1600' }, 'MISSING_STRIKE'],
    [
      {
        ticker: 'KXINX-26MAR13H1600-B6687',
        event_ticker: 'KXINX-26MAR13H1600',
        strike_type: 'greater' as const,
      },
      'MISSING_STRIKE',
    ],
    [
      { ticker: 'KXINX-26MAR13H1600-B6687', event_ticker: 'x', strike_type: 'custom' as const },
      'UNSUPPORTED_STRIKE',
    ],
    [
      { ticker: 'KXINX-26MAR13H1600', event_ticker: 'x', strike_type: 'greater' as const, floor_strike: 1 },
      'INVALID_TICKER',
    ],
  ])('rejects %j with %s', (m, code) => {
    try {
      spxContractFromMarket(m);
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe(code);
    }
  });
});

describe('selectSpxStrikes', () => {
  const contracts = rangeEvent().map(spxContractFromMarket);
  const floors = (cs: SpxContract[]) => cs.map((c) => c.strike.floor ?? c.strike.cap);

  it('picks the bucket containing the index and N neighbours each side', () => {
    expect(floors(selectSpxStrikes(contracts, 6612.34, { neighbours: 2 }))).toEqual([
      6550, 6575, 6600, 6625, 6650,
    ]);
  });

  it('includes a tail when the index is near the edge', () => {
    expect(floors(selectSpxStrikes(contracts, 6480, { neighbours: 1 }))).toEqual([6475, 6475, 6500]);
    expect(selectSpxStrikes(contracts, 6400, { neighbours: 1 })[0]?.strike.type).toBe('less');
  });

  it('picks the N nearest thresholds of a ladder', () => {
    const ladder = [7100, 7125, 7150, 7175, 7200, 7225, 7250].map((k) =>
      spxContractFromMarket({
        ticker: `KXINXU-26AUG03H1600-T${k - 0.0001}`,
        event_ticker: 'KXINXU-26AUG03H1600',
        strike_type: 'greater',
        floor_strike: k - 0.0001,
      }),
    );
    expect(floors(selectSpxStrikes(ladder, 7160, { neighbours: 1 }))).toEqual([
      7124.9999, 7149.9999, 7174.9999,
    ]);
  });
});

describe('findSpxMarkets', () => {
  function fakeSource(pages: SpxMarketFields[][]): SpxMarketSource & { calls: GetMarketsParams[] } {
    const calls: GetMarketsParams[] = [];
    return {
      calls,
      markets: {
        async list(params) {
          calls.push(params);
          const i = params.cursor ? Number(params.cursor) : 0;
          return { markets: pages[i] ?? [], cursor: i + 1 < pages.length ? String(i + 1) : '' };
        },
      },
    };
  }

  it("queries the series by the Eastern day's close window and follows cursors", async () => {
    const all = rangeEvent();
    const source = fakeSource([all.slice(0, 5), all.slice(5)]);
    const set = await findSpxMarkets(source, { series: 'KXINX', date: '2026-03-13' });
    expect(set.contracts).toHaveLength(all.length);
    expect(source.calls).toHaveLength(2);
    expect(source.calls[0]).toEqual({
      series_ticker: 'KXINX',
      min_close_ts: Date.UTC(2026, 2, 13, 4) / 1000,
      max_close_ts: Date.UTC(2026, 2, 14, 4) / 1000 - 1,
      limit: 1000,
      status: 'open',
    });
    expect(source.calls[1]?.cursor).toBe('1');
  });

  it('picks the next trading day after the close and reports skipped markets', async () => {
    const monday = [
      bucket(6600, '26MAR16'),
      { ticker: 'KXINX-26MAR16H1600-BX', event_ticker: 'KXINX-26MAR16H1600' },
    ];
    const source = fakeSource([monday]);
    const afterFridayClose = Date.UTC(2026, 2, 13, 21);
    const set = await findSpxMarkets(source, {
      series: 'KXINX',
      calendar: new NyseCalendar(),
      nowMs: afterFridayClose,
    });
    expect(set.date).toBe('2026-03-16');
    expect(set.contracts.map((c) => c.ticker)).toEqual(['KXINX-26MAR16H1600-B6612']);
    expect(set.skipped).toEqual([
      { ticker: 'KXINX-26MAR16H1600-BX', reason: expect.stringContaining('invalid S&P 500 ticker') },
    ]);
  });

  it('needs a date or a calendar', async () => {
    await expect(findSpxMarkets(fakeSource([]), { series: 'KXINX' })).rejects.toThrow(/date or a calendar/);
  });

  it('stops at maxPages', async () => {
    const source: SpxMarketSource = { markets: { list: async () => ({ markets: [], cursor: 'again' }) } };
    await expect(
      findSpxMarkets(source, { series: 'KXINX', date: '2026-03-13', maxPages: 3 }),
    ).rejects.toThrow(/more than 3 pages/);
  });
});
