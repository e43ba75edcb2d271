/**
 * KalshiOrderGateway over a real KalshiClient against msw: wire shapes of every method, error
 * classification and unknown outcomes (timeouts, aborts).
 */
import { generateKeyPairSync } from 'node:crypto';
import { KalshiClient, type KalshiClientOptions } from '@mnquants/kalshi-sdk';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyKalshiError, KalshiOrderGateway } from '../src/kalshi.js';
import type { PlaceOrderRequest } from '../src/ports/order-gateway.js';

const BASE = 'https://kalshi.test/trade-api/v2';
const T = 'KXINXU-26NOV25H1600-T6600';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const clients: KalshiClient[] = [];
function gateway(extra: KalshiClientOptions = {}, subaccount?: number) {
  const client = new KalshiClient({
    restUrl: BASE,
    apiKeyId: 'key-1',
    privateKey: key,
    useEnv: false,
    maxRetries: 0,
    rateLimit: false,
    ...extra,
  });
  clients.push(client);
  return new KalshiOrderGateway(subaccount === undefined ? { client } : { client, subaccount });
}
afterAll(() => {
  for (const c of clients) c.close();
});

const err = (status: number, code: string) =>
  HttpResponse.json({ error: { code, message: `${code} (test)` } }, { status });

const place: PlaceOrderRequest = {
  marketTicker: T,
  side: 'bid',
  priceUnits: 4_512,
  countUnits: 1_050,
  clientOrderId: 'mm-1',
  postOnly: true,
  cancelOnPause: true,
  orderGroupId: 'og-1',
};

function restOrder(over: Record<string, unknown> = {}) {
  return {
    order_id: 'o-1',
    user_id: 'u',
    client_order_id: 'mm-1',
    ticker: T,
    outcome_side: 'yes',
    book_side: 'bid',
    type: 'limit',
    status: 'resting',
    yes_price_dollars: '0.4512',
    no_price_dollars: '0.5488',
    fill_count_fp: '2.00',
    remaining_count_fp: '8.50',
    initial_count_fp: '10.50',
    taker_fill_cost_dollars: '0',
    maker_fill_cost_dollars: '0',
    taker_fees_dollars: '0',
    maker_fees_dollars: '0',
    created_time: '2026-11-25T15:00:00Z',
    ...over,
  };
}

describe('KalshiOrderGateway writes', () => {
  it('places an order with exact fixed-point strings and returns the ack', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({
          order_id: 'o-1',
          client_order_id: 'mm-1',
          fill_count: '0.50',
          remaining_count: '10.00',
          ts_ms: 1_764_082_800_000,
        });
      }),
    );
    const r = await gateway({}, 3).placeOrder(place);
    expect(body).toMatchObject({
      ticker: T,
      client_order_id: 'mm-1',
      side: 'bid',
      price: '0.4512',
      count: '10.50',
      post_only: true,
      cancel_order_on_pause: true,
      order_group_id: 'og-1',
      subaccount: 3,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        orderId: 'o-1',
        clientOrderId: 'mm-1',
        filledCountUnits: 50,
        remainingCountUnits: 1_000,
        tsMs: 1_764_082_800_000,
      },
    });
  });

  it('maps each batch-create item to its own result', async () => {
    server.use(
      http.post(`${BASE}/portfolio/events/orders/batched`, () =>
        HttpResponse.json({
          orders: [
            { order_id: 'o-1', client_order_id: 'a', fill_count: '0.00', remaining_count: '1.00', ts_ms: 5 },
            { error: { code: 'invalid_order_size', message: 'too small' } },
            { error: { code: 'not_found', message: 'market gone' } },
          ],
        }),
      ),
    );
    const reqs = ['a', 'b', 'c'].map((id) => ({ ...place, clientOrderId: id, countUnits: 100 }));
    const r = await gateway().placeOrders(reqs);
    expect(r[0]).toMatchObject({ ok: true, value: { orderId: 'o-1', remainingCountUnits: 100 } });
    expect(r[1]).toMatchObject({ ok: false, kind: 'REJECTED', code: 'invalid_order_size' });
    expect(r[2]).toMatchObject({ ok: false, kind: 'NOT_FOUND' });
  });

  it('amends with the new total size and reads the remaining size', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/portfolio/events/orders/o-1/amend`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ order_id: 'o-1', fill_count: '2.00', remaining_count: '6.00', ts_ms: 7 });
      }),
    );
    const r = await gateway().amendOrder({
      orderId: 'o-1',
      marketTicker: T,
      side: 'ask',
      priceUnits: 5_500,
      totalCountUnits: 800,
      clientOrderId: 'mm-1',
    });
    expect(body).toMatchObject({
      ticker: T,
      side: 'ask',
      price: '0.5500',
      count: '8.00',
      client_order_id: 'mm-1',
    });
    expect(r).toEqual({
      ok: true,
      value: { orderId: 'o-1', filledCountUnits: 200, remainingCountUnits: 600, tsMs: 7 },
    });
  });

  it("derives an amend's cumulative fills from the total, not from what the amend itself filled", async () => {
    // The order already had 4 filled: Kalshi's amend answer counts only fills caused by the amend.
    server.use(
      http.post(`${BASE}/portfolio/events/orders/o-1/amend`, () =>
        HttpResponse.json({ order_id: 'o-1', fill_count: '0.00', remaining_count: '2.00', ts_ms: 7 }),
      ),
    );
    const r = await gateway().amendOrder({
      orderId: 'o-1',
      marketTicker: T,
      side: 'bid',
      priceUnits: 7_000,
      totalCountUnits: 600,
    });
    expect(r).toEqual({
      ok: true,
      value: { orderId: 'o-1', filledCountUnits: 400, remainingCountUnits: 200, tsMs: 7 },
    });
  });

  it('reports an amend answer without sizes as the full total and no known fills', async () => {
    server.use(
      http.post(`${BASE}/portfolio/events/orders/o-1/amend`, () =>
        HttpResponse.json({ order_id: 'o-1', ts_ms: 7 }),
      ),
    );
    const r = await gateway().amendOrder({
      orderId: 'o-1',
      marketTicker: T,
      side: 'bid',
      priceUnits: 7_000,
      totalCountUnits: 600,
    });
    expect(r).toEqual({
      ok: true,
      value: { orderId: 'o-1', filledCountUnits: 0, remainingCountUnits: 600, tsMs: 7 },
    });
  });

  it('decreases with reduce_to', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/portfolio/events/orders/o-1/decrease`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ order_id: 'o-1', remaining_count: '3.00', ts_ms: 8 });
      }),
    );
    const r = await gateway().decreaseOrder({ orderId: 'o-1', marketTicker: T }, 300);
    expect(body).toMatchObject({ reduce_to: '3.00', market_ticker: T });
    expect(r).toEqual({ ok: true, value: { orderId: 'o-1', remainingCountUnits: 300, tsMs: 8 } });
  });

  it('cancels one order and a batch, item by item', async () => {
    server.use(
      http.delete(`${BASE}/portfolio/events/orders/o-1`, () =>
        HttpResponse.json({ order_id: 'o-1', reduced_by: '5.00', ts_ms: 9 }),
      ),
      http.delete(`${BASE}/portfolio/events/orders/batched`, () =>
        HttpResponse.json({
          orders: [
            { order_id: 'o-1', reduced_by: '5.00', ts_ms: 9 },
            { order_id: 'o-2', reduced_by: '0', error: { code: 'not_found', message: 'gone' } },
          ],
        }),
      ),
    );
    const g = gateway();
    expect(await g.cancelOrder({ orderId: 'o-1', marketTicker: T })).toEqual({
      ok: true,
      value: { orderId: 'o-1', remainingCountUnits: 0, tsMs: 9 },
    });
    const r = await g.cancelOrders([
      { orderId: 'o-1', marketTicker: T },
      { orderId: 'o-2', marketTicker: T },
    ]);
    expect(r.map((x) => (x.ok ? 'ok' : x.kind))).toEqual(['ok', 'NOT_FOUND']);
  });

  it('cancels all and drives order groups', async () => {
    const hits: string[] = [];
    server.use(
      http.delete(`${BASE}/portfolio/events/orders`, () => {
        hits.push('cancelAll');
        return HttpResponse.json({});
      }),
      http.post(`${BASE}/portfolio/order_groups/create`, async ({ request }) => {
        hits.push(`create:${((await request.json()) as { contracts_limit_fp: string }).contracts_limit_fp}`);
        return HttpResponse.json({ order_group_id: 'og-9', subaccount: 0 });
      }),
      http.put(`${BASE}/portfolio/order_groups/og-9/trigger`, () => {
        hits.push('trigger');
        return HttpResponse.json({});
      }),
      http.put(`${BASE}/portfolio/order_groups/og-9/reset`, () => {
        hits.push('reset');
        return HttpResponse.json({});
      }),
    );
    const g = gateway();
    expect(await g.cancelAll()).toEqual({ ok: true, value: undefined });
    expect(await g.createOrderGroup(2_500)).toEqual({
      ok: true,
      value: { orderGroupId: 'og-9', contractsLimitCountUnits: 2_500 },
    });
    expect((await g.triggerOrderGroup('og-9')).ok).toBe(true);
    expect((await g.resetOrderGroup('og-9')).ok).toBe(true);
    expect(hits).toEqual(['cancelAll', 'create:25.00', 'trigger', 'reset']);
  });
});

describe('KalshiOrderGateway reads', () => {
  it('lists open orders across pages', async () => {
    server.use(
      http.get(`${BASE}/portfolio/orders`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        expect(q.get('status')).toBe('resting');
        if (q.get('cursor') !== 'p2') return HttpResponse.json({ orders: [restOrder()], cursor: 'p2' });
        return HttpResponse.json({
          orders: [restOrder({ order_id: 'o-2', book_side: 'ask', yes_price_dollars: '0.6000' })],
          cursor: '',
        });
      }),
    );
    const open = await gateway().getOpenOrders();
    expect(open.map((o) => [o.orderId, o.side, o.priceUnits, o.remainingCountUnits])).toEqual([
      ['o-1', 'bid', 4_512, 850],
      ['o-2', 'ask', 6_000, 850],
    ]);
  });

  it('lists non-zero positions with signed counts', async () => {
    server.use(
      http.get(`${BASE}/portfolio/positions`, () =>
        HttpResponse.json({
          market_positions: [
            { ticker: T, position_fp: '-3.00', realized_pnl_dollars: '0.12', fees_paid_dollars: '0.01' },
            { ticker: 'FLAT', position_fp: '0.00', realized_pnl_dollars: '0', fees_paid_dollars: '0' },
          ],
          event_positions: [],
          cursor: '',
        }),
      ),
    );
    expect(await gateway().getPositions()).toEqual([
      { marketTicker: T, positionCountUnits: -300, realizedPnlMicros: 120_000, feesPaidMicros: 10_000 },
    ]);
  });

  it('asks for fills since a time in seconds', async () => {
    let minTs: string | null = null;
    server.use(
      http.get(`${BASE}/portfolio/fills`, ({ request }) => {
        minTs = new URL(request.url).searchParams.get('min_ts');
        return HttpResponse.json({
          fills: [
            {
              fill_id: 'f-1',
              trade_id: 't-1',
              order_id: 'o-1',
              client_order_id: 'mm-1',
              ticker: T,
              market_ticker: T,
              book_side: 'bid',
              yes_price_dollars: '0.4512',
              count_fp: '1.00',
              fee_cost: '0.0100',
              is_taker: false,
              created_time: '2026-11-25T15:00:01Z',
            },
          ],
          cursor: '',
        });
      }),
    );
    const fills = await gateway().getFillsSince(1_764_082_800_999);
    expect(minTs).toBe('1764082800');
    expect(fills).toEqual([
      {
        tradeId: 't-1',
        orderId: 'o-1',
        clientOrderId: 'mm-1',
        marketTicker: T,
        side: 'bid',
        priceUnits: 4_512,
        countUnits: 100,
        feeMicros: 10_000,
        isTaker: false,
        tsMs: Date.parse('2026-11-25T15:00:01Z'),
      },
    ]);
  });

  it('gets an order by id, and undefined on 404', async () => {
    server.use(
      http.get(`${BASE}/portfolio/orders/o-1`, () => HttpResponse.json({ order: restOrder() })),
      http.get(`${BASE}/portfolio/orders/o-404`, () => err(404, 'not_found')),
    );
    const g = gateway();
    expect((await g.getOrder('o-1'))?.remainingCountUnits).toBe(850);
    expect(await g.getOrder('o-404')).toBeUndefined();
  });

  it('finds an order by client id in the market remembered from its create', async () => {
    let ticker: string | null = null;
    let minTs: string | null = null;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () => err(500, 'internal_error')),
      http.get(`${BASE}/portfolio/orders`, ({ request }) => {
        ticker = new URL(request.url).searchParams.get('ticker');
        minTs = new URL(request.url).searchParams.get('min_ts');
        return HttpResponse.json({
          orders: [restOrder({ order_id: 'o-x', client_order_id: 'other' }), restOrder()],
          cursor: '',
        });
      }),
    );
    const g = gateway();
    const placed = await g.placeOrder(place);
    expect(placed).toMatchObject({ ok: false, kind: 'UNKNOWN' });
    const found = await g.getOrderByClientOrderId('mm-1');
    expect(ticker).toBe(T);
    // No time window: the venue's clock may be far from ours (an accelerated simulator).
    expect(minTs).toBeNull();
    expect(found?.orderId).toBe('o-1');
    expect(await g.getOrderByClientOrderId('never-sent')).toBeUndefined();
  });

  it("sizes batches to half the client's write bucket", () => {
    const make = (rateLimit: NonNullable<KalshiClientOptions['rateLimit']>) => {
      const client = new KalshiClient({
        restUrl: BASE,
        apiKeyId: 'key-1',
        privateKey: key,
        useEnv: false,
        rateLimit,
      });
      clients.push(client);
      return new KalshiOrderGateway({ client });
    };
    expect(make('basic').maxBatchSize).toBe(5); // 100 tokens, 10 per batched create
    expect(make({ write: { refillPerSecond: 300, capacity: 600 } }).maxBatchSize).toBe(30);
    expect(make(false).maxBatchSize).toBeUndefined();
  });

  it('stops a client-id lookup after lookupMaxOrders orders', async () => {
    let pages = 0;
    server.use(
      http.get(`${BASE}/portfolio/orders`, () => {
        pages++;
        const orders = Array.from({ length: 200 }, (_, i) =>
          restOrder({ order_id: `o-${pages}-${i}`, client_order_id: `other-${pages}-${i}` }),
        );
        return HttpResponse.json({ orders, cursor: `c${pages}` });
      }),
    );
    const client = new KalshiClient({
      restUrl: BASE,
      apiKeyId: 'key-1',
      privateKey: key,
      useEnv: false,
      rateLimit: false,
    });
    clients.push(client);
    const g = new KalshiOrderGateway({ client, lookupMaxOrders: 500 });
    expect(await g.getOrderByClientOrderId('missing')).toBeUndefined();
    expect(pages).toBe(3);
  });
});

describe('KalshiOrderGateway error classification', () => {
  const cases: [string, () => Response | Promise<Response>, string, string][] = [
    ['429', () => err(429, 'too_many_requests'), 'RATE_LIMITED', 'rate_limited'],
    ['404', () => err(404, 'not_found'), 'NOT_FOUND', 'not_found'],
    ['400 with a Kalshi code', () => err(400, 'invalid_order_size'), 'REJECTED', 'invalid_order_size'],
    ['409 duplicate', () => err(409, 'order_already_exists'), 'REJECTED', 'order_already_exists'],
    ['500', () => err(500, 'internal_error'), 'UNKNOWN', 'SERVER_ERROR'],
    ['a network failure', () => HttpResponse.error(), 'UNKNOWN', 'CONNECTION'],
  ];
  for (const [name, respond, kind, code] of cases) {
    it(`classifies ${name} as ${kind}`, async () => {
      server.use(http.delete(`${BASE}/portfolio/events/orders/o-1`, respond));
      const r = await gateway().cancelOrder({ orderId: 'o-1', marketTicker: T });
      expect(r).toMatchObject({ ok: false, kind });
      if (!r.ok) expect(r.code).toBe(code);
    });
  }

  it('reports a timed-out create as UNKNOWN (the order may exist: look it up)', async () => {
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, async () => {
        await delay(500);
        return HttpResponse.json({});
      }),
    );
    const r = await gateway({ timeoutMs: 30 }).placeOrder(place);
    expect(r).toMatchObject({ ok: false, kind: 'UNKNOWN', code: 'TIMEOUT' });
  });

  it('withdraws a create waiting for rate-limit tokens when its signal aborts', async () => {
    let received = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () => {
        received++;
        return HttpResponse.json({
          order_id: `o-${received}`,
          fill_count: '0',
          remaining_count: '1.00',
          ts_ms: 1,
        });
      }),
    );
    // One create's worth of write tokens, refilled very slowly: the second create must wait.
    const g = gateway({ rateLimit: { write: { capacity: 10, refillPerSecond: 0.001 } } });
    const first = await g.placeOrder({ ...place, clientOrderId: 'a' });
    expect(first.ok).toBe(true);
    const ac = new AbortController();
    const second = g.placeOrder({ ...place, clientOrderId: 'b' }, { signal: ac.signal });
    ac.abort();
    // Never sent: WITHDRAWN (no lookup needed), not UNKNOWN.
    expect(await second).toMatchObject({ ok: false, kind: 'WITHDRAWN', code: 'ABORTED' });
    expect(received).toBe(1);
  });

  it('classifies an abort after the request left the process as UNKNOWN (look it up)', async () => {
    const ac = new AbortController();
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, async () => {
        ac.abort();
        await new Promise((r) => setTimeout(r, 50));
        return HttpResponse.json({ order_id: 'o-1', fill_count: '0', remaining_count: '1.00', ts_ms: 1 });
      }),
    );
    const r = await gateway().placeOrder({ ...place, clientOrderId: 'c' }, { signal: ac.signal });
    expect(r).toMatchObject({ ok: false, kind: 'UNKNOWN', code: 'ABORTED' });
  });

  it('reports a create whose first answer was lost and whose retries got 429s as UNKNOWN, not RATE_LIMITED', async () => {
    let posts = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () =>
        ++posts === 1
          ? err(503, 'internal')
          : HttpResponse.json({ error: 'too many requests' }, { status: 429 }),
      ),
    );
    const r = await gateway({ maxRetries: 2, sleep: async () => {} }).placeOrder(place);
    expect(posts).toBe(3);
    expect(r).toMatchObject({ ok: false, kind: 'UNKNOWN' });
  });

  it('classifies a thrown non-Kalshi value as UNKNOWN', () => {
    expect(classifyKalshiError(new Error('boom'))).toMatchObject({ ok: false, kind: 'UNKNOWN' });
    expect(classifyKalshiError('weird')).toMatchObject({ ok: false, kind: 'UNKNOWN', code: 'UNKNOWN' });
  });
});
