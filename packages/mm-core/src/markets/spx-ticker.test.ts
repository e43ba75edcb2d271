import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMmCoreError } from '../errors.js';
import {
  buildSpxEventTicker,
  buildSpxMarketTicker,
  formatSpxTicker,
  isSpxTicker,
  parseSpxTicker,
  SPX_SERIES,
} from './spx-ticker.js';

describe('S&P 500 tickers', () => {
  it('parses a KXINX event ticker with its 16:00 observation time', () => {
    expect(parseSpxTicker('KXINX-26MAR13H1600')).toEqual({
      kind: 'event',
      series: 'KXINX',
      date: '2026-03-13',
      time: { hour: 16, minute: 0 },
      eventTicker: 'KXINX-26MAR13H1600',
    });
  });

  it('parses a KXINXU ladder leg with a .9999 threshold', () => {
    expect(parseSpxTicker('KXINXU-26AUG03H1600-T7224.9999')).toMatchObject({
      kind: 'market',
      series: 'KXINXU',
      eventTicker: 'KXINXU-26AUG03H1600',
      strikeKind: 'threshold',
      strikeLabel: '7224.9999',
      strikeValue: 7224.9999,
    });
  });

  it.each([
    'KXINX-26FEB26H1600-B6987',
    'KXINX-26FEB27H1600-T6500',
    'KXINXY-25DEC31-B7300',
    'KXINXY-27DEC31H1600-T4600',
    'INXD-23AUG31-B4512',
    'INXD-23SEP14-B4487',
    'INXU-24AUG16-T5543.22',
    'INXW-24JAN10-B5175',
    'INX-22DEC30',
    'KXINXU-26MAY08H1000',
  ])('round-trips %s', (t) => {
    expect(formatSpxTicker(parseSpxTicker(t))).toBe(t);
  });

  it.each([
    ['KXHIGHNY-24JAN01', /SERIES/],
    ['kxinx-26MAR13H1600', /upper case/],
    ['KXINX-26FEB30H1600', /impossible date/],
    ['KXINX-26MAR13H2500', /impossible time/],
    ['KXINX-26XYZ13', /unknown month/],
    ['KXINX-26MAR13H1600-X6900', /SERIES/],
    ['KXINX-26MAR13H1600-B69.123456', /SERIES/],
    ['KXINX-26MAR13H1600-B', /SERIES/],
    ['', /SERIES/],
  ])('rejects %j with INVALID_TICKER', (t, why) => {
    try {
      parseSpxTicker(t);
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe('INVALID_TICKER');
      expect((err as Error).message).toMatch(why);
    }
    expect(isSpxTicker(t)).toBe(
      t === 'KXINX-26XYZ13' || t === 'KXINX-26FEB30H1600' || t === 'KXINX-26MAR13H2500',
    );
  });

  it('builds event and market tickers', () => {
    expect(buildSpxEventTicker({ series: 'KXINX', date: '2026-03-13', time: { hour: 16, minute: 0 } })).toBe(
      'KXINX-26MAR13H1600',
    );
    expect(
      buildSpxMarketTicker({
        series: 'KXINXU',
        date: '2026-08-03',
        time: { hour: 16, minute: 0 },
        strikeKind: 'threshold',
        strike: 7224.9999,
      }),
    ).toBe('KXINXU-26AUG03H1600-T7224.9999');
    expect(() => buildSpxEventTicker({ series: 'KXINX', date: '2026-13-01' })).toThrow(/INVALID|date/);
  });

  it('round-trips every generated ticker (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPX_SERIES),
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.option(
          fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }),
          { nil: null },
        ),
        fc.option(
          fc.tuple(
            fc.constantFrom('bucket' as const, 'threshold' as const),
            fc.integer({ min: 0, max: 99_999_999 }),
          ),
          { nil: null },
        ),
        (series, d, time, strike) => {
          const date = d.toISOString().slice(0, 10);
          const ticker =
            strike === null
              ? buildSpxEventTicker({ series, date, time })
              : buildSpxMarketTicker({
                  series,
                  date,
                  time,
                  strikeKind: strike[0],
                  strike: strike[1] / 10_000,
                });
          const parsed = parseSpxTicker(ticker);
          return formatSpxTicker(parsed) === ticker && parsed.date === date && parsed.series === series;
        },
      ),
    );
  });
});
