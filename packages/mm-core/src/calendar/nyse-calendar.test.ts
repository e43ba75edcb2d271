import { describe, expect, it } from 'vitest';
import { isMmCoreError } from '../errors.js';
import { easternParts, easternWallTimeToMs } from './eastern-time.js';
import { easterSunday, NyseCalendar } from './nyse-calendar.js';

// NYSE's published holiday and early-close calendars (nyse.com/markets/hours-calendars).
const PUBLISHED: Record<number, { holidays: string[]; early: string[] }> = {
  2024: {
    holidays: ['01-01', '01-15', '02-19', '03-29', '05-27', '06-19', '07-04', '09-02', '11-28', '12-25'],
    early: ['07-03', '11-29', '12-24'],
  },
  2025: {
    holidays: [
      '01-01',
      '01-09',
      '01-20',
      '02-17',
      '04-18',
      '05-26',
      '06-19',
      '07-04',
      '09-01',
      '11-27',
      '12-25',
    ],
    early: ['07-03', '11-28', '12-24'],
  },
  2026: {
    holidays: ['01-01', '01-19', '02-16', '04-03', '05-25', '06-19', '07-03', '09-07', '11-26', '12-25'],
    early: ['11-27', '12-24'],
  },
  2027: {
    holidays: ['01-01', '01-18', '02-15', '03-26', '05-31', '06-18', '07-05', '09-06', '11-25', '12-24'],
    early: ['11-26'],
  },
};

const nyse = new NyseCalendar();

describe('NyseCalendar', () => {
  it.each(Object.keys(PUBLISHED).map(Number))(
    'matches the published %i holidays and early closes',
    (year) => {
      const expected = PUBLISHED[year]!;
      expect(nyse.holidays(year).map((h) => h.date)).toEqual(expected.holidays.map((d) => `${year}-${d}`));
      expect(nyse.earlyCloses(year).map((h) => h.date)).toEqual(expected.early.map((d) => `${year}-${d}`));
    },
  );

  it('computes Easter for known years', () => {
    expect(
      ['2024', '2025', '2026', '2027', '2028', '2029', '2030'].map((y) => easterSunday(Number(y))),
    ).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it('skips a Saturday New Year (2028) instead of closing the Friday before', () => {
    expect(nyse.isTradingDay('2027-12-31')).toBe(true);
    expect(nyse.holidays(2028)[0]?.name).toBe('Martin Luther King Jr. Day');
  });

  it('observes Sunday holidays on Monday (Christmas 2022 -> Dec 26)', () => {
    expect(nyse.sessionFor('2022-12-26')).toBeNull();
  });

  it('has 9-11 holidays and a session every other weekday for 2024-2030', () => {
    for (let y = 2024; y <= 2030; y++) {
      const n = nyse.holidays(y).length;
      expect(n, String(y)).toBeGreaterThanOrEqual(9);
      expect(n, String(y)).toBeLessThanOrEqual(11);
    }
  });

  it('returns 09:30-16:00 ET sessions in EST and EDT', () => {
    const winter = nyse.sessionFor('2026-01-05')!;
    expect(winter.openMs).toBe(Date.UTC(2026, 0, 5, 14, 30));
    expect(winter.closeMs).toBe(Date.UTC(2026, 0, 5, 21, 0));
    const summer = nyse.sessionFor('2026-07-06')!;
    expect(summer.openMs).toBe(Date.UTC(2026, 6, 6, 13, 30));
    expect(summer.closeMs).toBe(Date.UTC(2026, 6, 6, 20, 0));
  });

  it('closes at 13:00 ET on early-close days', () => {
    const s = nyse.sessionFor('2026-11-27')!;
    expect(s.earlyClose).toBe(true);
    expect(s.closeMs).toBe(Date.UTC(2026, 10, 27, 18, 0));
  });

  it('handles the March DST change (2026-03-06 EST -> 2026-03-09 EDT)', () => {
    const friday = nyse.sessionFor('2026-03-06')!;
    const monday = nyse.sessionFor('2026-03-09')!;
    expect(friday.closeMs).toBe(Date.UTC(2026, 2, 6, 21, 0));
    expect(monday.openMs).toBe(Date.UTC(2026, 2, 9, 13, 30));
    expect(nyse.nextOpen(friday.closeMs)).toBe(monday.openMs);
    expect(nyse.tradingMsBetween(friday.openMs, monday.closeMs)).toBe(2 * 6.5 * 3_600_000);
  });

  it('handles the November DST change (2026-10-30 EDT -> 2026-11-02 EST)', () => {
    const friday = nyse.sessionFor('2026-10-30')!;
    const monday = nyse.sessionFor('2026-11-02')!;
    expect(friday.openMs).toBe(Date.UTC(2026, 9, 30, 13, 30));
    expect(monday.openMs).toBe(Date.UTC(2026, 10, 2, 14, 30));
    expect(nyse.nextClose(friday.closeMs)).toBe(monday.closeMs);
  });

  it('isOpen is inclusive at the open and exclusive at the close', () => {
    const s = nyse.sessionFor('2026-03-13')!;
    expect(nyse.isOpen(s.openMs - 1)).toBe(false);
    expect(nyse.isOpen(s.openMs)).toBe(true);
    expect(nyse.isOpen(s.closeMs - 1)).toBe(true);
    expect(nyse.isOpen(s.closeMs)).toBe(false);
  });

  it('nextOpen skips a holiday weekend (Good Friday 2026)', () => {
    const thursday = nyse.sessionFor('2026-04-02')!;
    expect(nyse.nextOpen(thursday.openMs)).toBe(Date.UTC(2026, 3, 6, 13, 30));
  });

  it("nextClose while open is today's close", () => {
    const s = nyse.sessionFor('2026-03-13')!;
    expect(nyse.nextClose(s.openMs + 1)).toBe(s.closeMs);
  });

  it('counts only trading time across a weekend', () => {
    const fri = nyse.sessionFor('2026-03-13')!;
    const mon = nyse.sessionFor('2026-03-16')!;
    expect(nyse.tradingMsBetween(fri.closeMs - 60_000, mon.openMs + 120_000)).toBe(180_000);
  });

  it('accepts extra closures and rejects malformed ones all at once', () => {
    expect(new NyseCalendar({ extraClosures: ['2026-03-13'] }).sessionFor('2026-03-13')).toBeNull();
    try {
      new NyseCalendar({ extraClosures: ['2026-3-13'], extraEarlyCloses: ['2026-02-30'] });
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe('INVALID_CONFIG');
      expect((err as { problems: string[] }).problems).toHaveLength(2);
    }
  });

  it('rejects years outside its range', () => {
    expect(() => nyse.sessionFor('1990-01-02')).toThrow(/covers 1998-2199/);
  });
});

describe('eastern time', () => {
  it('reads the Eastern wall clock', () => {
    expect(easternParts(Date.UTC(2026, 2, 13, 20, 0))).toMatchObject({
      date: '2026-03-13',
      hour: 16,
      weekday: 5,
    });
  });

  it('maps a spring-forward gap time one hour later and an ambiguous time to its first instant', () => {
    expect(easternWallTimeToMs('2026-03-08', 2, 30)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(easternWallTimeToMs('2026-11-01', 1, 30)).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });
});
