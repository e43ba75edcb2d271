import type { ExchangeStatus, GetExchangeScheduleResponse, WeeklySchedule } from '@mnquants/kalshi-sdk';
import { describe, expect, it } from 'vitest';
import { isMmCoreError } from '../errors.js';
import { KalshiSchedule, spxQuotingWindow } from './kalshi-schedule.js';
import { NyseCalendar } from './nyse-calendar.js';

const allDay = [{ open_time: '00:00', close_time: '23:59' }];
const week: WeeklySchedule = {
  start_time: '2026-01-01T00:00:00Z',
  end_time: '2027-01-01T00:00:00Z',
  monday: allDay,
  tuesday: allDay,
  wednesday: allDay,
  // Thursday split around the 03:00-05:00 ET pause.
  thursday: [
    { open_time: '00:00', close_time: '03:00' },
    { open_time: '05:00', close_time: '23:59' },
  ],
  friday: allDay,
  saturday: [{ open_time: '20:00', close_time: '02:00' }],
  sunday: [{ open_time: '08:00', close_time: '23:59' }],
};
const body: GetExchangeScheduleResponse = {
  schedule: {
    standard_hours: [week],
    maintenance_windows: [{ start_datetime: '2026-03-13T15:00:00Z', end_datetime: '2026-03-13T16:00:00Z' }],
  },
};
const active: ExchangeStatus = { exchange_active: true, trading_active: true };
const nyse = new NyseCalendar();
const schedule = KalshiSchedule.parse(body);
// Friday 2026-03-13, 10:00 EDT.
const fridayMorning = Date.UTC(2026, 2, 13, 14, 0);

describe('KalshiSchedule', () => {
  it('treats 23:59 as the end of the day', () => {
    expect(schedule.isWithinStandardHours(Date.UTC(2026, 2, 11, 3, 59, 30))).toBe(true); // Tue 23:59:30 EDT
  });

  it('is closed in the Thursday gap between sessions', () => {
    expect(schedule.isWithinStandardHours(Date.UTC(2026, 2, 12, 8, 0))).toBe(false); // Thu 04:00 EDT
    expect(schedule.isWithinStandardHours(Date.UTC(2026, 2, 12, 9, 0))).toBe(true); // Thu 05:00 EDT
  });

  it('continues an overnight session into the next day', () => {
    expect(schedule.isWithinStandardHours(Date.UTC(2026, 2, 15, 5, 0))).toBe(true); // Sun 01:00 EDT
    expect(schedule.isWithinStandardHours(Date.UTC(2026, 2, 15, 7, 0))).toBe(false); // Sun 03:00 EDT
  });

  it('is closed outside every weekly validity window', () => {
    expect(schedule.isWithinStandardHours(Date.UTC(2027, 2, 10, 15, 0))).toBe(false);
  });

  it('reports every malformed field at once', () => {
    const bad = {
      schedule: {
        standard_hours: [
          { ...week, start_time: 'yesterday', monday: [{ open_time: '9:30', close_time: '16:00' }] },
        ],
        maintenance_windows: [{ start_datetime: '2026-03-13T15:00:00Z', end_datetime: 5 }],
      },
    } as unknown as GetExchangeScheduleResponse;
    try {
      KalshiSchedule.parse(bad);
      expect.unreachable();
    } catch (err) {
      expect(isMmCoreError(err) && err.code).toBe('INVALID_SCHEDULE');
      expect((err as Error).message).toMatch(/start_time.*monday\[0\]\.open_time.*end_datetime/);
    }
  });
});

describe('spxQuotingWindow', () => {
  it('allows quoting during an NYSE session inside Kalshi hours', () => {
    const w = spxQuotingWindow(Date.UTC(2026, 2, 13, 17, 0), { calendar: nyse, schedule, status: active });
    expect(w.allowed).toBe(true);
  });

  it('blocks with EXCHANGE_INACTIVE first, with the estimated resume time', () => {
    const w = spxQuotingWindow(fridayMorning, {
      calendar: nyse,
      schedule,
      status: {
        exchange_active: false,
        trading_active: false,
        exchange_estimated_resume_time: '2026-03-13T15:30:00Z',
      },
    });
    expect(w).toMatchObject({
      allowed: false,
      reason: 'EXCHANGE_INACTIVE',
      untilMs: Date.UTC(2026, 2, 13, 15, 30),
    });
  });

  it('blocks with TRADING_PAUSED when trading is inactive', () => {
    const w = spxQuotingWindow(fridayMorning, {
      calendar: nyse,
      status: { exchange_active: true, trading_active: false },
    });
    expect(w).toMatchObject({ allowed: false, reason: 'TRADING_PAUSED' });
  });

  it("uses the market's shard flags when an exchange index is given", () => {
    const status: ExchangeStatus = {
      ...active,
      exchange_index_statuses: [
        {
          exchange_index: 1,
          description: 'b',
          exchange_active: true,
          trading_active: false,
          intra_exchange_transfers_active: true,
        },
      ],
    };
    expect(spxQuotingWindow(fridayMorning, { calendar: nyse, status, exchangeIndex: 1 })).toMatchObject({
      reason: 'TRADING_PAUSED',
    });
    expect(spxQuotingWindow(fridayMorning, { calendar: nyse, status }).allowed).toBe(true);
  });

  it('blocks with KALSHI_MAINTENANCE inside a maintenance window', () => {
    const w = spxQuotingWindow(Date.UTC(2026, 2, 13, 15, 30), { calendar: nyse, schedule, status: active });
    expect(w).toMatchObject({
      allowed: false,
      reason: 'KALSHI_MAINTENANCE',
      untilMs: Date.UTC(2026, 2, 13, 16, 0),
    });
  });

  it('blocks with NYSE_CLOSED after the close and says when it reopens', () => {
    const w = spxQuotingWindow(Date.UTC(2026, 2, 13, 21, 0), { calendar: nyse, schedule, status: active });
    expect(w).toMatchObject({
      allowed: false,
      reason: 'NYSE_CLOSED',
      untilMs: Date.UTC(2026, 2, 16, 13, 30),
    });
  });

  it('blocks with KALSHI_CLOSED outside Kalshi hours even when the NYSE is open', () => {
    const thursdayOnly: GetExchangeScheduleResponse = {
      schedule: { standard_hours: [{ ...week, friday: [] }], maintenance_windows: [] },
    };
    const w = spxQuotingWindow(fridayMorning, {
      calendar: nyse,
      schedule: KalshiSchedule.parse(thursdayOnly),
    });
    expect(w).toMatchObject({ allowed: false, reason: 'KALSHI_CLOSED' });
  });
});
