import { generateKeyPairSync } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isKalshiConflictError, isKalshiError, isKalshiRateLimitError, KalshiClient } from '../src/index.js';

// Issue 10, items 2 and 12: an error after a retried write says the earlier attempt may have
// landed, and a 409 on a retried create is a duplicate only when Kalshi says so.

const BASE = 'https://kalshi.test/trade-api/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const client = () =>
  new KalshiClient({
    restUrl: BASE,
    apiKeyId: 'k',
    privateKey: key,
    sleep: async () => {},
    random: () => 0.5,
    useEnv: false,
    maxRetries: 2,
  });
const create = {
  ticker: 'T',
  side: 'bid',
  count: '5',
  price: '0.5',
  time_in_force: 'good_till_canceled',
  self_trade_prevention_type: 'maker',
  client_order_id: 'cid-1',
} as const;

describe('write outcomes after a retry', () => {
  it('a 429 on every retry of a create whose first answer was lost says the create may have landed', async () => {
    let posts = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () =>
        ++posts === 1
          ? HttpResponse.json({ error: { code: 'internal' } }, { status: 503 })
          : HttpResponse.json({ error: 'too many requests' }, { status: 429 }),
      ),
    );
    const err = await client()
      .orders.create(create)
      .catch((e: unknown) => e);
    expect(posts).toBe(3);
    expect(isKalshiRateLimitError(err)).toBe(true);
    expect(isKalshiError(err) && err.earlierAttemptMayHaveLanded).toBe(true);
  });

  it('a 429 on a first and only attempt says nothing landed', async () => {
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () =>
        HttpResponse.json({ error: 'too many requests' }, { status: 429 }),
      ),
    );
    const c = new KalshiClient({
      restUrl: BASE,
      apiKeyId: 'k',
      privateKey: key,
      useEnv: false,
      maxRetries: 0,
    });
    const err = await c.orders.create(create).catch((e: unknown) => e);
    expect(isKalshiRateLimitError(err)).toBe(true);
    expect(isKalshiError(err) && err.earlierAttemptMayHaveLanded).toBe(false);
  });

  it('a duplicate lookup that fails after a 409 still says the create landed', async () => {
    let posts = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () =>
        ++posts === 1
          ? HttpResponse.json({ error: { code: 'internal' } }, { status: 503 })
          : HttpResponse.json({ error: { code: 'order_already_exists' } }, { status: 409 }),
      ),
      http.get(`${BASE}/portfolio/orders`, () =>
        HttpResponse.json({ error: 'too many requests' }, { status: 429 }),
      ),
    );
    const err = await client()
      .orders.create(create)
      .catch((e: unknown) => e);
    expect(isKalshiError(err) && err.earlierAttemptMayHaveLanded).toBe(true);
  });

  it('a 409 trading_paused on a retried create is not taken for a duplicate', async () => {
    let posts = 0;
    let lookups = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () =>
        ++posts === 1
          ? HttpResponse.json({ error: { code: 'internal' } }, { status: 503 })
          : HttpResponse.json({ error: { code: 'trading_paused', message: 'paused' } }, { status: 409 }),
      ),
      http.get(`${BASE}/portfolio/orders`, () => {
        lookups++;
        return HttpResponse.json({ orders: [], cursor: '' });
      }),
    );
    const err = await client()
      .orders.create(create)
      .catch((e: unknown) => e);
    expect(lookups).toBe(0);
    expect(isKalshiConflictError(err)).toBe(true);
    expect((err as { kalshiCode?: string }).kalshiCode).toBe('trading_paused');
    expect(isKalshiError(err) && err.earlierAttemptMayHaveLanded).toBe(true);
  });
});
