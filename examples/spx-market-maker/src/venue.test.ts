import { describe, expect, it } from 'vitest';
import { easternDate, sessionTradingMs } from './venue.js';

describe('venue helpers', () => {
  it('easternDate gives the US Eastern calendar date, across midnight UTC', () => {
    expect(easternDate(Date.UTC(2026, 10, 26, 3, 0))).toBe('2026-11-25'); // 22:00 EST the day before
    expect(easternDate(Date.UTC(2026, 6, 4, 3, 59))).toBe('2026-07-03'); // 23:59 EDT
    expect(easternDate(Date.UTC(2026, 6, 4, 4, 0))).toBe('2026-07-04');
  });

  it('sessionTradingMs counts only the part of [from, to] inside the session', () => {
    const session = { openMs: 1_000, closeMs: 5_000 };
    expect(sessionTradingMs(session, 0, 10_000)).toBe(4_000);
    expect(sessionTradingMs(session, 2_000, 3_000)).toBe(1_000);
    expect(sessionTradingMs(session, 6_000, 9_000)).toBe(0);
    expect(sessionTradingMs(session, 4_000, 2_000)).toBe(0);
  });
});
