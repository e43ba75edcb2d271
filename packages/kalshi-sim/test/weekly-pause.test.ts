import { afterEach, describe, expect, it } from 'vitest';
import { KalshiSimulator, type KalshiSimulatorOptions, LINEAR_CENT_RANGES } from '../src/index.js';
import { order, signedFetch } from './helpers.js';

// Thursday 2026-03-19 (EDT, UTC-4): the pause runs 07:00-09:00 UTC.
const PAUSE_START = Date.UTC(2026, 2, 19, 7, 0);
const PAUSE_END = Date.UTC(2026, 2, 19, 9, 0);
const MIN = 60_000;
const T = 'KXWK-26MAR19-T50';

describe('weekly trading pause (Thursday 03:00-05:00 ET)', () => {
  let sim: KalshiSimulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  async function start(startTimeMs: number, options: KalshiSimulatorOptions = {}) {
    const s = new KalshiSimulator({ mode: 'manual', world: false, startTimeMs, ...options });
    sim = s;
    s.exchange.addSeries({
      ticker: 'KXWK',
      title: 'Weekly',
      category: 'Financials',
      frequency: 'daily',
      feeType: 'quadratic',
      feeMultiplier: 1,
      tags: [],
      settlementSources: [],
      contractUrl: '',
      contractTermsUrl: '',
    });
    s.exchange.addEvent({
      eventTicker: 'KXWK-26MAR19',
      seriesTicker: 'KXWK',
      title: 'e',
      subTitle: '',
      collateralReturnType: 'DIRECNET',
      mutuallyExclusive: false,
    });
    const r = s.exchange.addMarket({
      ticker: T,
      eventTicker: 'KXWK-26MAR19',
      title: 'm',
      subtitle: '',
      yesSubTitle: '',
      noSubTitle: '',
      rulesPrimary: '',
      rulesSecondary: '',
      strikeType: 'greater',
      floorStrike: 50,
      openTimeMs: PAUSE_START - 5 * 3_600_000,
      closeTimeMs: PAUSE_END + 5 * 3_600_000,
      expectedExpirationTimeMs: PAUSE_END + 5 * 3_600_000,
      latestExpirationTimeMs: PAUSE_END + 48 * 3_600_000,
      settlementTimerSeconds: 60,
      priceLevelStructure: 'linear_cent',
      priceRanges: LINEAR_CENT_RANGES,
      canCloseEarly: false,
    });
    if (!r.ok) throw new Error(r.error.message);
    s.step();
    const { restUrl } = await s.start({ port: 0 });
    const user = s.createUser({ balanceDollars: '1000' });
    return { s, user, rest: signedFetch(restUrl, user) };
  }
  const body = (price: string, extra: Record<string, unknown> = {}) => ({
    ...order('bid', price, '2', extra),
    ticker: T,
  });

  it('pauses trading when sim time crosses Thursday 03:00 ET: cancels work, new orders and amends get 409', async () => {
    const { s, rest } = await start(PAUSE_START - 10 * MIN);
    const kept = await rest('POST', '/portfolio/events/orders', body('0.40'));
    const other = await rest('POST', '/portfolio/events/orders', body('0.41'));
    s.step(11 * MIN);
    expect(s.inWeeklyTradingPause).toBe(true);
    const rejected = await rest('POST', '/portfolio/events/orders', body('0.42'));
    expect(rejected.status).toBe(409);
    expect(rejected.body.error.code).toBe('trading_paused');
    const amend = await rest('POST', `/portfolio/events/orders/${kept.body.order_id}/amend`, {
      ...body('0.43'),
      count: '2',
    });
    expect(amend.status).toBe(409);
    const cancel = await rest('DELETE', `/portfolio/events/orders/${other.body.order_id}`);
    expect(cancel.status).toBe(200);
    const status = await rest('GET', '/exchange/status');
    expect(status.body).toMatchObject({
      exchange_active: true,
      trading_active: false,
      exchange_estimated_resume_time: new Date(PAUSE_END).toISOString().replace('.000Z', 'Z'),
    });
  });

  it('cancels cancel_order_on_pause orders at the start and keeps the others', async () => {
    const { s, rest } = await start(PAUSE_START - 10 * MIN);
    const fragile = await rest(
      'POST',
      '/portfolio/events/orders',
      body('0.40', { cancel_order_on_pause: true }),
    );
    const sturdy = await rest('POST', '/portfolio/events/orders', body('0.41'));
    s.step(11 * MIN);
    expect(s.exchange.getOrder(fragile.body.order_id)).toMatchObject({
      status: 'canceled',
      lastUpdateReason: 'PauseCanceled',
    });
    expect(s.exchange.getOrder(sturdy.body.order_id)?.status).toBe('resting');
  });

  it('resumes at 05:00 ET, even when one step spans the whole window', async () => {
    const { s, rest } = await start(PAUSE_START - 10 * MIN);
    const fragile = await rest(
      'POST',
      '/portfolio/events/orders',
      body('0.40', { cancel_order_on_pause: true }),
    );
    s.step(3 * 3_600_000);
    expect(s.inWeeklyTradingPause).toBe(false);
    expect(s.exchange.getOrder(fragile.body.order_id)?.status).toBe('canceled');
    expect(s.exchange.getOrder(fragile.body.order_id)?.lastUpdateTimeMs).toBe(PAUSE_START);
    const placed = await rest('POST', '/portfolio/events/orders', body('0.42'));
    expect(placed.status).toBe(201);
    const status = await rest('GET', '/exchange/status');
    expect(status.body).toMatchObject({ trading_active: true, exchange_estimated_resume_time: null });
  });

  it('splits Thursday around the pause in /exchange/schedule', async () => {
    const { rest } = await start(PAUSE_START - 10 * MIN);
    const { body: schedule } = await rest('GET', '/exchange/schedule');
    const week = schedule.schedule.standard_hours[0];
    expect(week.thursday).toEqual([
      { open_time: '00:00', close_time: '03:00' },
      { open_time: '05:00', close_time: '23:59' },
    ]);
    expect(week.wednesday).toEqual([{ open_time: '00:00', close_time: '23:59' }]);
  });

  it('does nothing with weeklyTradingPause: false', async () => {
    const { s, rest } = await start(PAUSE_START - 10 * MIN, { weeklyTradingPause: false });
    s.step(11 * MIN);
    expect(s.inWeeklyTradingPause).toBe(false);
    expect((await rest('POST', '/portfolio/events/orders', body('0.42'))).status).toBe(201);
    const { body: schedule } = await rest('GET', '/exchange/schedule');
    expect(schedule.schedule.standard_hours[0].thursday).toEqual([
      { open_time: '00:00', close_time: '23:59' },
    ]);
  });

  it('does not pause a simulation that starts inside the window (it never crossed 03:00)', async () => {
    const { s, rest } = await start(PAUSE_START + 30 * MIN);
    s.step(MIN);
    expect(s.inWeeklyTradingPause).toBe(false);
    expect((await rest('POST', '/portfolio/events/orders', body('0.42'))).status).toBe(201);
  });
});
