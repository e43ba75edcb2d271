import { KalshiClient, type Market } from '@mnquants/kalshi-sdk';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  findSpxMarkets,
  KalshiSchedule,
  NyseCalendar,
  selectSpxStrikes,
  spxQuotingWindow,
} from '../src/index.js';

const BASE = 'https://kalshi.test/trade-api/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = new KalshiClient({ restUrl: BASE, useEnv: false, rateLimit: false, maxRetries: 0 });

function market(ticker: string, fields: Partial<Market>): Market {
  return {
    ticker,
    event_ticker: ticker.slice(0, ticker.lastIndexOf('-')),
    market_type: 'binary',
    yes_sub_title: '',
    no_sub_title: '',
    created_time: '2026-03-12T14:00:00Z',
    updated_time: '2026-03-12T14:00:00Z',
    open_time: '2026-03-12T14:00:00Z',
    close_time: '2026-03-13T20:00:00Z',
    latest_expiration_time: '2026-03-20T23:00:00Z',
    settlement_timer_seconds: 60,
    status: 'active',
    yes_bid_dollars: '0.0000',
    yes_bid_size_fp: '0.00',
    yes_ask_dollars: '1.0000',
    yes_ask_size_fp: '0.00',
    no_bid_dollars: '0.0000',
    no_ask_dollars: '1.0000',
    last_price_dollars: '0.0000',
    volume_fp: '0.00',
    volume_24h_fp: '0.00',
    result: '',
    can_close_early: false,
    open_interest_fp: '0.00',
    notional_value_dollars: '1.0000',
    previous_yes_bid_dollars: '0.0000',
    previous_yes_ask_dollars: '1.0000',
    previous_price_dollars: '0.0000',
    expiration_value: '',
    rules_primary: '',
    rules_secondary: '',
    price_level_structure: 'linear_cent',
    price_ranges: [{ start: '0.0000', end: '1.0000', step: '0.0100' }],
    ...fields,
  } as Market;
}

describe('S&P market discovery through KalshiClient (msw)', () => {
  it('lists a day of KXINX markets across pages and picks strikes around the index', async () => {
    const all: Market[] = [
      market('KXINX-26MAR13H1600-T6474.9999', { strike_type: 'less', cap_strike: 6474.9999 }),
    ];
    for (let f = 6475; f < 6775; f += 25) {
      all.push(
        market(`KXINX-26MAR13H1600-B${f + 12}`, {
          strike_type: 'between',
          floor_strike: f,
          cap_strike: f + 24.9999,
        }),
      );
    }
    const seen: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE}/markets`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        seen.push(q);
        const page = q.get('cursor') === 'p2' ? all.slice(6) : all.slice(0, 6);
        return HttpResponse.json({ markets: page, cursor: q.get('cursor') === 'p2' ? '' : 'p2' });
      }),
    );
    const set = await findSpxMarkets(client, { series: 'KXINX', date: '2026-03-13' });
    expect(set.contracts).toHaveLength(13);
    expect(seen[0]?.get('series_ticker')).toBe('KXINX');
    expect(seen[0]?.get('min_close_ts')).toBe(String(Date.UTC(2026, 2, 13, 4) / 1000));
    expect(seen[0]?.get('status')).toBe('open');
    expect(seen[1]?.get('cursor')).toBe('p2');
    const near = selectSpxStrikes(set.contracts, 6612.34, { neighbours: 1 });
    expect(near.map((c) => c.strike.floor)).toEqual([6575, 6600, 6625]);
  });

  it('answers the quoting question from the live schedule and status', async () => {
    server.use(
      http.get(`${BASE}/exchange/schedule`, () =>
        HttpResponse.json({
          schedule: {
            standard_hours: [
              {
                start_time: '2026-01-01T00:00:00Z',
                end_time: '2027-01-01T00:00:00Z',
                ...Object.fromEntries(
                  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [
                    d,
                    [{ open_time: '00:00', close_time: '23:59' }],
                  ]),
                ),
              },
            ],
            maintenance_windows: [],
          },
        }),
      ),
      http.get(`${BASE}/exchange/status`, () =>
        HttpResponse.json({ exchange_active: true, trading_active: false }),
      ),
    );
    const schedule = KalshiSchedule.parse(await client.exchange.schedule());
    const status = await client.exchange.status();
    const w = spxQuotingWindow(Date.UTC(2026, 2, 13, 15), { calendar: new NyseCalendar(), schedule, status });
    expect(w).toMatchObject({ allowed: false, reason: 'TRADING_PAUSED' });
  });
});
