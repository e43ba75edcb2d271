/**
 * One representative operation per resource group: exact method, path, query and JSON body on the
 * wire, and the typed result handed back.
 */
import { generateKeyPairSync } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KalshiClient } from '../src/index.js';

const ORIGIN = 'https://kalshi.test';
const BASE = `${ORIGIN}/trade-api/v2`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const edPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const client = () => new KalshiClient({ restUrl: BASE, apiKeyId: 'k', privateKey: edPem, useEnv: false });

interface Wire {
  method: string;
  path: string;
  /** Query pairs in wire order. */
  query: [string, string][];
  /** Parsed JSON body, or `undefined` when the request had none. */
  body: unknown;
  contentType: string | null;
}

interface Case {
  group: string;
  call: (c: KalshiClient) => Promise<unknown>;
  wire: Omit<Wire, 'contentType'>;
  status?: number;
  response: unknown;
  /** Reads typed fields off the result (type-checked against the method's return type). */
  check: (c: KalshiClient) => Promise<unknown>;
  expected: unknown;
}

const T = 'KXINX-26NOV25H1600-B6612';

const cases: Case[] = [
  {
    group: 'exchange',
    call: (c) => c.exchange.schedule(),
    wire: { method: 'GET', path: '/exchange/schedule', query: [], body: undefined },
    response: { schedule: { standard_hours: [], maintenance_windows: [] } },
    check: async (c) => (await c.exchange.schedule()).schedule.maintenance_windows,
    expected: [],
  },
  {
    group: 'series',
    call: (c) => c.series.list({ category: 'Financials', include_volume: true }),
    wire: {
      method: 'GET',
      path: '/series',
      query: [
        ['category', 'Financials'],
        ['include_volume', 'true'],
      ],
      body: undefined,
    },
    response: { series: [{ ticker: 'KXINX', title: 'S&P 500 range' }] },
    check: async (c) =>
      (await c.series.list({ category: 'Financials', include_volume: true })).series[0]?.ticker,
    expected: 'KXINX',
  },
  {
    group: 'events',
    call: (c) => c.events.get('KXINX-26NOV25H1600', { with_nested_markets: true }),
    wire: {
      method: 'GET',
      path: '/events/KXINX-26NOV25H1600',
      query: [['with_nested_markets', 'true']],
      body: undefined,
    },
    response: { event: { event_ticker: 'KXINX-26NOV25H1600', series_ticker: 'KXINX' }, markets: [] },
    check: async (c) =>
      (await c.events.get('KXINX-26NOV25H1600', { with_nested_markets: true })).event.series_ticker,
    expected: 'KXINX',
  },
  {
    group: 'markets',
    call: (c) => c.markets.list({ series_ticker: 'KXINX', status: 'open', limit: 50, cursor: undefined }),
    wire: {
      method: 'GET',
      path: '/markets',
      query: [
        ['series_ticker', 'KXINX'],
        ['status', 'open'],
        ['limit', '50'],
      ],
      body: undefined,
    },
    response: { markets: [{ ticker: T, yes_bid_dollars: '0.4200' }], cursor: 'next' },
    check: async (c) => (await c.markets.list({ series_ticker: 'KXINX', status: 'open', limit: 50 })).cursor,
    expected: 'next',
  },
  {
    group: 'historical',
    call: (c) =>
      c.historical.candlesticks(T, { start_ts: 1_700_000_000, end_ts: 1_700_003_600, period_interval: 60 }),
    wire: {
      method: 'GET',
      path: `/historical/markets/${T}/candlesticks`,
      query: [
        ['start_ts', '1700000000'],
        ['end_ts', '1700003600'],
        ['period_interval', '60'],
      ],
      body: undefined,
    },
    response: { ticker: T, candlesticks: [] },
    check: async (c) =>
      (await c.historical.candlesticks(T, { start_ts: 1, end_ts: 2, period_interval: 60 })).ticker,
    expected: T,
  },
  {
    group: 'portfolio',
    call: (c) => c.portfolio.positions({ ticker: T, count_filter: 'position', subaccount: 3 }),
    wire: {
      method: 'GET',
      path: '/portfolio/positions',
      query: [
        ['ticker', T],
        ['count_filter', 'position'],
        ['subaccount', '3'],
      ],
      body: undefined,
    },
    response: { market_positions: [{ ticker: T, position_fp: '5.00' }], event_positions: [], cursor: '' },
    check: async (c) => (await c.portfolio.positions({ ticker: T })).market_positions[0]?.ticker,
    expected: T,
  },
  {
    group: 'orders',
    call: (c) =>
      c.orders.amend(
        'ord-1',
        { ticker: T, side: 'bid', price: '0.4300', count: '5.00', client_order_id: 'cid-1' },
        { subaccount: 2 },
      ),
    wire: {
      method: 'POST',
      path: '/portfolio/events/orders/ord-1/amend',
      query: [['subaccount', '2']],
      body: { ticker: T, side: 'bid', price: '0.4300', count: '5.00', client_order_id: 'cid-1' },
    },
    response: { order_id: 'ord-2', remaining_count: '5.00', ts_ms: 1_764_000_000_000 },
    check: async (c) =>
      (await c.orders.amend('ord-1', { ticker: T, side: 'bid', price: '0.4300', count: '5.00' })).order_id,
    expected: 'ord-2',
  },
  {
    group: 'orderGroups',
    call: (c) => c.orderGroups.create({ contracts_limit_fp: '100.00', subaccount: 1 }),
    wire: {
      method: 'POST',
      path: '/portfolio/order_groups/create',
      query: [],
      body: { contracts_limit_fp: '100.00', subaccount: 1 },
    },
    status: 201,
    response: { order_group_id: 'og-1', subaccount: 1 },
    check: async (c) => (await c.orderGroups.create({ contracts_limit: 100 })).order_group_id,
    expected: 'og-1',
  },
  {
    group: 'communications',
    call: (c) =>
      c.communications.createRfq({ market_ticker: T, contracts_fp: '10.00', rest_remainder: false }),
    wire: {
      method: 'POST',
      path: '/communications/rfqs',
      query: [],
      body: { market_ticker: T, contracts_fp: '10.00', rest_remainder: false },
    },
    status: 201,
    response: { id: 'rfq-1' },
    check: async (c) => (await c.communications.createRfq({ market_ticker: T, rest_remainder: true })).id,
    expected: 'rfq-1',
  },
  {
    group: 'account',
    call: (c) => c.account.limits(),
    wire: { method: 'GET', path: '/account/limits', query: [], body: undefined },
    response: {
      usage_tier: 'advanced',
      read: { refill_rate: 300, bucket_capacity: 600 },
      write: { refill_rate: 300, bucket_capacity: 600 },
    },
    check: async (c) => (await c.account.limits()).usage_tier,
    expected: 'advanced',
  },
  {
    group: 'apiKeys',
    call: (c) => c.apiKeys.create({ name: 'mm-bot', public_key: 'PEM', scopes: ['read', 'write'] }),
    wire: {
      method: 'POST',
      path: '/api_keys',
      query: [],
      body: { name: 'mm-bot', public_key: 'PEM', scopes: ['read', 'write'] },
    },
    status: 201,
    response: { api_key_id: 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c' },
    check: async (c) => (await c.apiKeys.create({ name: 'x', public_key: 'y' })).api_key_id,
    expected: 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c',
  },
  {
    group: 'milestones',
    call: (c) => c.milestones.list({ limit: 10, category: 'Sports' }),
    wire: {
      method: 'GET',
      path: '/milestones',
      query: [
        ['limit', '10'],
        ['category', 'Sports'],
      ],
      body: undefined,
    },
    response: { milestones: [], cursor: '' },
    check: async (c) => (await c.milestones.list({ limit: 10 })).milestones,
    expected: [],
  },
  {
    group: 'structuredTargets',
    call: (c) => c.structuredTargets.get('st 1/a'),
    wire: { method: 'GET', path: '/structured_targets/st%201%2Fa', query: [], body: undefined },
    response: { structured_target: { id: 'st 1/a', name: 'Target' } },
    check: async (c) => (await c.structuredTargets.get('st 1/a')).structured_target?.name,
    expected: 'Target',
  },
  {
    group: 'multivariate',
    call: (c) =>
      c.multivariate.createMarket('KXMVE', {
        selected_markets: [{ market_ticker: T, event_ticker: 'KXINX-26NOV25H1600', side: 'yes' }],
      }),
    wire: {
      method: 'POST',
      path: '/multivariate_event_collections/KXMVE',
      query: [],
      body: { selected_markets: [{ market_ticker: T, event_ticker: 'KXINX-26NOV25H1600', side: 'yes' }] },
    },
    response: { event_ticker: 'KXMVE-1', market_ticker: 'KXMVE-1-A' },
    check: async (c) => (await c.multivariate.createMarket('KXMVE', { selected_markets: [] })).market_ticker,
    expected: 'KXMVE-1-A',
  },
  {
    group: 'liveData',
    call: (c) => c.liveData.batch({ milestone_ids: ['m1', 'm2'] }),
    wire: {
      method: 'GET',
      path: '/live_data/batch',
      query: [
        ['milestone_ids', 'm1'],
        ['milestone_ids', 'm2'],
      ],
      body: undefined,
    },
    response: { live_datas: [] },
    check: async (c) => (await c.liveData.batch({ milestone_ids: ['m1'] })).live_datas,
    expected: [],
  },
  {
    group: 'search',
    call: (c) => c.search.tagsByCategories(),
    wire: { method: 'GET', path: '/search/tags_by_categories', query: [], body: undefined },
    response: { tags_by_categories: { Financials: ['S&P'] } },
    check: async (c) => (await c.search.tagsByCategories()).tags_by_categories.Financials,
    expected: ['S&P'],
  },
  {
    group: 'incentivePrograms',
    call: (c) => c.incentivePrograms.list({ status: 'active', limit: 5 }),
    wire: {
      method: 'GET',
      path: '/incentive_programs',
      query: [
        ['status', 'active'],
        ['limit', '5'],
      ],
      body: undefined,
    },
    response: { incentive_programs: [], next_cursor: 'n2' },
    check: async (c) => (await c.incentivePrograms.list()).next_cursor,
    expected: 'n2',
  },
];

describe('resource groups on the wire', () => {
  it('covers every resource group of the client', () => {
    const groups = Object.entries(client())
      .filter(([, v]) => typeof v === 'object' && v !== null && v.constructor.name.endsWith('Resource'))
      .map(([k]) => k);
    expect(cases.map((c) => c.group).sort()).toEqual(groups.sort());
  });

  it.each(cases.map((c) => [c.group, c] as const))('%s', async (_, k) => {
    const seen: Wire[] = [];
    server.use(
      http.all(`${ORIGIN}/*`, async ({ request }) => {
        const u = new URL(request.url);
        const text = await request.text();
        seen.push({
          method: request.method,
          path: u.pathname.slice('/trade-api/v2'.length),
          query: [...u.searchParams.entries()],
          body: text === '' ? undefined : JSON.parse(text),
          contentType: request.headers.get('content-type'),
        });
        return HttpResponse.json(k.response as Record<string, unknown>, { status: k.status ?? 200 });
      }),
    );
    const c = client();
    const result = await k.call(c);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({
      ...k.wire,
      contentType: k.wire.body === undefined ? null : 'application/json',
    });
    expect(result).toEqual(k.response);
    expect(await k.check(c)).toEqual(k.expected);
  });
});
