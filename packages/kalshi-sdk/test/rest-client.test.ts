import { constants, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  isKalshiAbortError,
  isKalshiAuthenticationError,
  isKalshiConflictError,
  isKalshiNotFoundError,
  isKalshiRateLimitError,
  isKalshiServerError,
  KalshiClient,
  type KalshiClientOptions,
} from '../src/index.js';

const BASE = 'https://kalshi.test/trade-api/v2';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
const rsaPkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const ed = generateKeyPairSync('ed25519');
const edPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

const noSleep = { sleep: async () => {}, random: () => 0.5, useEnv: false } as const;
function client(extra: KalshiClientOptions = {}): KalshiClient {
  return new KalshiClient({ restUrl: BASE, apiKeyId: 'key-1', privateKey: rsaPkcs1, ...noSleep, ...extra });
}

/** A create whose first attempt gets a 503 (it may have landed) and whose retry gets a 409. */
function firstCreateLostThen409(): { posts: number } {
  const counter = { posts: 0 };
  server.use(
    http.post(`${BASE}/portfolio/events/orders`, () =>
      ++counter.posts === 1
        ? HttpResponse.json({ error: { code: 'internal' } }, { status: 503 })
        : HttpResponse.json({ error: { code: 'order_already_exists' } }, { status: 409 }),
    ),
  );
  return counter;
}

function verifySig(req: Request, pub: KeyObject): boolean {
  const ts = req.headers.get('kalshi-access-timestamp') ?? '';
  const sig = Buffer.from(req.headers.get('kalshi-access-signature') ?? '', 'base64');
  const msg = Buffer.from(ts + req.method + new URL(req.url).pathname);
  return pub.asymmetricKeyType === 'ed25519'
    ? verify(null, msg, pub, sig)
    : verify('sha256', msg, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig);
}

const market = {
  ticker: 'KXINX-26NOV25H1600-B6612',
  event_ticker: 'KXINX-26NOV25H1600',
  yes_bid_dollars: '0.4200',
};

describe('signing', () => {
  for (const [name, pem, pub] of [
    ['RSA PKCS#1', rsaPkcs1, rsa.publicKey],
    ['RSA PKCS#8', rsaPkcs8, rsa.publicKey],
    ['Ed25519', edPem, ed.publicKey],
  ] as const) {
    it(`signs timestamp + METHOD + full path without query (${name})`, async () => {
      let ok = false;
      server.use(
        http.get(`${BASE}/portfolio/orders`, ({ request }) => {
          ok = verifySig(request, pub) && request.headers.get('kalshi-access-key') === 'key-1';
          return HttpResponse.json({ orders: [], cursor: '' });
        }),
      );
      await client({ privateKey: pem }).orders.list({ limit: 5, status: 'resting' });
      expect(ok).toBe(true);
    });
  }

  it('re-signs every retry with a fresh timestamp', async () => {
    const stamps: string[] = [];
    let valid = 0;
    let t = 1_700_000_000_000;
    const c = new KalshiClient({
      restUrl: BASE,
      signer: new (await import('../src/index.js')).KalshiSigner({
        apiKeyId: 'k',
        privateKey: rsaPkcs1,
        now: () => t++,
      }),
      ...noSleep,
    });
    server.use(
      http.get(`${BASE}/portfolio/balance`, ({ request }) => {
        stamps.push(request.headers.get('kalshi-access-timestamp') ?? '');
        if (verifySig(request, rsa.publicKey)) valid++;
        if (stamps.length < 3) return HttpResponse.json({ error: { code: 'internal' } }, { status: 503 });
        return HttpResponse.json({ balance: 100, portfolio_value: 0, updated_ts: 1 });
      }),
    );
    await c.portfolio.balance();
    expect(new Set(stamps).size).toBe(3);
    expect(valid).toBe(3);
  });
});

describe('resources', () => {
  it('markets.get fills the path and returns the body', async () => {
    server.use(
      http.get(`${BASE}/markets/:ticker`, ({ params }) =>
        HttpResponse.json({ market: { ...market, ticker: params.ticker } }),
      ),
    );
    const res = await client().markets.get('KXINX-26NOV25H1600-B6612');
    expect(res.market.ticker).toBe('KXINX-26NOV25H1600-B6612');
  });

  it('orders.create posts the V2 body to /portfolio/events/orders', async () => {
    let body: unknown;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { order_id: 'o1', fill_count: '0.00', remaining_count: '5.00', ts_ms: 1 },
          { status: 201 },
        );
      }),
    );
    const req = {
      ticker: market.ticker,
      side: 'bid',
      count: '5',
      price: '0.4200',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'taker_at_cross',
    } as const;
    const res = await client().orders.create(req);
    expect(res.order_id).toBe('o1');
    expect(body).toEqual(req);
  });

  it('orders.cancelAll returns undefined on 204', async () => {
    server.use(http.delete(`${BASE}/portfolio/events/orders`, () => new HttpResponse(null, { status: 204 })));
    await expect(client().orders.cancelAll()).resolves.toBeUndefined();
  });

  it('markets.orderbooks repeats the tickers query parameter', async () => {
    let seen: string[] = [];
    server.use(
      http.get(`${BASE}/markets/orderbooks`, ({ request }) => {
        seen = new URL(request.url).searchParams.getAll('tickers');
        return HttpResponse.json({ orderbooks: [] });
      }),
    );
    await client().markets.orderbooks(['A', 'B']);
    expect(seen).toEqual(['A', 'B']);
  });

  it('an unauthenticated client reads public data without auth headers', async () => {
    let hadKey = true;
    server.use(
      http.get(`${BASE}/exchange/status`, ({ request }) => {
        hadKey = request.headers.has('kalshi-access-key');
        return HttpResponse.json({ exchange_active: true, trading_active: true });
      }),
    );
    const c = new KalshiClient({ restUrl: BASE, useEnv: false });
    expect((await c.exchange.status()).trading_active).toBe(true);
    expect(hadKey).toBe(false);
  });

  it('an unauthenticated client fails before sending on an authenticated endpoint', async () => {
    const c = new KalshiClient({ restUrl: BASE, useEnv: false });
    await expect(c.portfolio.balance()).rejects.toMatchObject({ code: 'CONFIGURATION' });
  });
});

describe('pagination', () => {
  it('follows cursors until empty', async () => {
    server.use(
      http.get(`${BASE}/markets`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        if (cursor === null) return HttpResponse.json({ markets: [{ ticker: 'A' }], cursor: 'c1' });
        if (cursor === 'c1') return HttpResponse.json({ markets: [{ ticker: 'B' }], cursor: '' });
        return HttpResponse.json({ error: 'bad cursor' }, { status: 400 });
      }),
    );
    const tickers: string[] = [];
    for await (const m of client().markets.iterate({ status: 'open' })) tickers.push(m.ticker);
    expect(tickers).toEqual(['A', 'B']);
  });

  it('uses next_cursor for incentive programs', async () => {
    server.use(
      http.get(`${BASE}/incentive_programs`, ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        return cursor === null
          ? HttpResponse.json({ incentive_programs: [{ id: '1' }], next_cursor: 'n1' })
          : HttpResponse.json({ incentive_programs: [{ id: '2' }] });
      }),
    );
    const ids: string[] = [];
    for await (const p of client().incentivePrograms.iterate()) ids.push(p.id);
    expect(ids).toEqual(['1', '2']);
  });

  it('stops with an error when the server repeats a cursor', async () => {
    server.use(
      http.get(`${BASE}/markets/trades`, () =>
        HttpResponse.json({ trades: [{ trade_id: 't' }], cursor: 'same' }),
      ),
    );
    const run = async () => {
      for await (const _ of client().markets.iterateTrades()) {
        // drain
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('errors', () => {
  it('maps a wrapped error body (404)', async () => {
    server.use(
      http.get(`${BASE}/markets/:t`, () =>
        HttpResponse.json({ error: { code: 'not_found', message: 'not found' } }, { status: 404 }),
      ),
    );
    const err = await client()
      .markets.get('X')
      .catch((e: unknown) => e);
    expect(isKalshiNotFoundError(err)).toBe(true);
    expect(err).toMatchObject({ status: 404, kalshiCode: 'not_found' });
  });

  it('maps a bare {code,message} body (401)', async () => {
    server.use(
      http.get(`${BASE}/portfolio/balance`, () =>
        HttpResponse.json({ code: 'authentication_error', message: 'bad sig' }, { status: 401 }),
      ),
    );
    const err = await client()
      .portfolio.balance()
      .catch((e: unknown) => e);
    expect(isKalshiAuthenticationError(err)).toBe(true);
    expect(err).toMatchObject({ kalshiCode: 'authentication_error' });
  });

  it('maps {"error":"too many requests"} to a rate-limit error once retries are spent', async () => {
    server.use(
      http.get(`${BASE}/exchange/status`, () =>
        HttpResponse.json({ error: 'too many requests' }, { status: 429 }),
      ),
    );
    const err = await client({ maxRetries: 0 })
      .exchange.status()
      .catch((e: unknown) => e);
    expect(isKalshiRateLimitError(err)).toBe(true);
    expect((err as Error).message).toContain('too many requests');
  });

  it('maps a non-JSON 502 to a server error', async () => {
    server.use(
      http.get(
        `${BASE}/exchange/status`,
        () => new HttpResponse('<html>bad gateway</html>', { status: 502 }),
      ),
    );
    const err = await client({ maxRetries: 0 })
      .exchange.status()
      .catch((e: unknown) => e);
    expect(isKalshiServerError(err)).toBe(true);
  });

  it('rejects a malformed success body', async () => {
    server.use(http.get(`${BASE}/exchange/status`, () => new HttpResponse('{not json', { status: 200 })));
    await expect(client().exchange.status()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('times out a slow request', async () => {
    server.use(
      http.get(`${BASE}/exchange/status`, async ({ request }) => {
        await new Promise((r) => request.signal.addEventListener('abort', r));
        return HttpResponse.json({});
      }),
    );
    await expect(client({ maxRetries: 0, timeoutMs: 20 }).exchange.status()).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });
});

describe('retries', () => {
  it('retries a GET on 429 and succeeds', async () => {
    let n = 0;
    server.use(
      http.get(`${BASE}/exchange/status`, () =>
        ++n === 1
          ? HttpResponse.json({ error: 'too many requests' }, { status: 429 })
          : HttpResponse.json({ exchange_active: true, trading_active: true }),
      ),
    );
    await client().exchange.status();
    expect(n).toBe(2);
  });

  it('does not retry a cancel after a 500', async () => {
    let n = 0;
    server.use(
      http.delete(`${BASE}/portfolio/events/orders/:id`, () => {
        n++;
        return HttpResponse.json({ error: { code: 'internal' } }, { status: 500 });
      }),
    );
    await expect(client().orders.cancel('o1')).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(n).toBe(1);
  });

  it('does not retry a create without client_order_id after a 500', async () => {
    let n = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () => {
        n++;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const req = {
      ticker: 'T',
      side: 'bid',
      count: '1',
      price: '0.5',
      time_in_force: 'immediate_or_cancel',
      self_trade_prevention_type: 'maker',
    } as const;
    await expect(client().orders.create(req)).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    expect(n).toBe(1);
  });

  it('resolves a 409 after a retried create to the existing order', async () => {
    const creates = firstCreateLostThen409();
    server.use(
      http.get(`${BASE}/portfolio/orders`, () =>
        HttpResponse.json({
          orders: [
            { order_id: 'other', client_order_id: 'x' },
            {
              order_id: 'o-42',
              client_order_id: 'cid-1',
              fill_count_fp: '1.00',
              remaining_count_fp: '4.00',
              created_time: '2026-01-01T00:00:00Z',
            },
          ],
          cursor: '',
        }),
      ),
    );
    const res = await client().orders.create({
      ticker: 'T',
      side: 'bid',
      count: '5',
      price: '0.5',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'maker',
      client_order_id: 'cid-1',
    });
    expect(creates.posts).toBe(2);
    expect(res).toMatchObject({ order_id: 'o-42', fill_count: '1.00', remaining_count: '4.00' });
  });

  it('surfaces a 409 on the first create attempt as a conflict', async () => {
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () =>
        HttpResponse.json({ error: { code: 'dup' } }, { status: 409 }),
      ),
    );
    const err = await client()
      .orders.create({
        ticker: 'T',
        side: 'ask',
        count: '1',
        price: '0.5',
        time_in_force: 'good_till_canceled',
        self_trade_prevention_type: 'maker',
        client_order_id: 'c',
      })
      .catch((e: unknown) => e);
    expect(isKalshiConflictError(err)).toBe(true);
  });
});

describe('configuration', () => {
  it('reports every problem at once', () => {
    expect(
      () =>
        new KalshiClient({
          environment: 'staging' as never,
          timeoutMs: -1,
          maxRetries: 1.5,
          rateLimit: 'gold' as never,
          useEnv: false,
        }),
    ).toThrow(/environment.*timeoutMs.*maxRetries.*rateLimit/);
  });

  it('never echoes key material in key errors', () => {
    // A malformed PEM built at run time (no key-like text is committed).
    const dashes = '-'.repeat(5);
    const secret = `${dashes}BEGIN PRIVATE KEY${dashes}\nTOPSECRETMATERIAL\n${dashes}END PRIVATE KEY${dashes}`;
    let msg = '';
    try {
      new KalshiClient({ apiKeyId: 'k', privateKey: secret, useEnv: false });
    } catch (e) {
      msg = `${(e as Error).message} ${JSON.stringify(e)}`;
    }
    expect(msg).toMatch(/could not be parsed/);
    expect(msg).not.toContain('TOPSECRET');
  });

  it('does not leak the key path on an unreadable file', () => {
    const path = '/nonexistent/secret-dir/kalshi.pem';
    expect(() => new KalshiClient({ apiKeyId: 'k', privateKeyPath: path, useEnv: false })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-dir') }),
    );
  });

  it('redacts the key from JSON', () => {
    expect(JSON.stringify(client())).not.toContain('PRIVATE KEY');
  });
});

describe('hardening', () => {
  const createReq = {
    ticker: 'T',
    side: 'bid',
    count: '5',
    price: '0.5',
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'maker',
    client_order_id: 'cid-old',
  } as const;

  it('a 409 after a retried create whose order is not among the newest 1,000 is a clear conflict', async () => {
    const creates = firstCreateLostThen409();
    let pages = 0;
    let ticker: string | null = null;
    let sawMinTs = false;
    server.use(
      // An endless history of other orders, newest first: the lookup must stop after 1,000.
      http.get(`${BASE}/portfolio/orders`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        ticker = q.get('ticker');
        sawMinTs ||= q.has('min_ts');
        pages += 1;
        const limit = Number(q.get('limit'));
        const orders = Array.from({ length: limit }, (_, i) => ({
          order_id: `o-${pages}-${i}`,
          client_order_id: `other-${pages}-${i}`,
        }));
        return HttpResponse.json({ orders, cursor: `c${pages}` });
      }),
    );
    const err = await client()
      .orders.create(createReq)
      .catch((e: unknown) => e);
    expect(isKalshiConflictError(err)).toBe(true);
    expect((err as Error).message).toContain('cid-old');
    expect((err as Error).message).toContain('1000 newest orders');
    expect(ticker).toBe('T');
    expect(sawMinTs).toBe(false);
    expect(pages).toBeLessThanOrEqual(6);
    expect(creates.posts).toBe(2);
  });

  it('aborting during a retry delay rejects at once with ABORTED and sends nothing more', async () => {
    let n = 0;
    server.use(
      http.get(`${BASE}/portfolio/balance`, () => {
        n++;
        return HttpResponse.json({ error: { code: 'internal' } }, { status: 503 });
      }),
    );
    // Real abortable sleep with a one-minute backoff: the test only finishes because abort works.
    const c = new KalshiClient({
      restUrl: BASE,
      apiKeyId: 'key-1',
      privateKey: edPem,
      useEnv: false,
      retryBaseDelayMs: 60_000,
      retryMaxDelayMs: 60_000,
      random: () => 0.999,
    });
    const controller = new AbortController();
    const p = c.portfolio.balance(undefined, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(n).toBe(1));
    controller.abort();
    const err = await p;
    expect(err).toMatchObject({ code: 'ABORTED' });
    expect(n).toBe(1);
  });

  it('refreshEndpointCosts applies listed costs, the default elsewhere, and the limiter charges them', async () => {
    server.use(
      http.get(`${BASE}/account/endpoint_costs`, () =>
        HttpResponse.json({
          default_cost: 10,
          endpoint_costs: [
            { method: 'delete', path: '/trade-api/v2/portfolio/events/orders/{order_id}', cost: 3 },
            { method: 'GET', path: '/portfolio/orders/{id}', cost: 4 },
            { method: 'GET', path: '/portfolio/balance', cost: 7 },
          ],
        }),
      ),
      http.get(`${BASE}/portfolio/balance`, () =>
        HttpResponse.json({ balance: 1, portfolio_value: 0, updated_ts: 1 }),
      ),
    );
    const frozen = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} };
    const c = client({
      rateLimit: {
        read: { refillPerSecond: 1, capacity: 100 },
        write: { refillPerSecond: 1, capacity: 100 },
      },
      rateLimitClock: frozen,
    });
    expect(c.endpointCost('orders.cancel')).toBe(2);
    const changed = await c.refreshEndpointCosts();
    expect(c.endpointCost('orders.cancel')).toBe(3);
    expect(c.endpointCost('orders.get')).toBe(4);
    expect(c.endpointCost('portfolio.balance')).toBe(7);
    expect(c.endpointCost('orders.createV1')).toBe(10);
    expect(changed).toBeGreaterThanOrEqual(4);
    const before = c.rateLimiter?.stats().read.tokens ?? Number.NaN;
    await c.portfolio.balance();
    expect(before - (c.rateLimiter?.stats().read.tokens ?? Number.NaN)).toBe(7);
    c.close();
  });

  it('refreshEndpointCosts leaves a client without a fetch untouched when given costs', async () => {
    const c = client();
    const changed = await c.refreshEndpointCosts({ default_cost: 10, endpoint_costs: [] });
    expect(c.endpointCost('orders.cancel')).toBe(10);
    expect(changed).toBeGreaterThan(0);
  });

  it('hands an injected fetch the request plus only the attempt signal and headers', async () => {
    const seen: { input: unknown; init: RequestInit | undefined }[] = [];
    const fetchSpy = async (input: string | URL | Request, init?: RequestInit) => {
      seen.push({ input, init });
      return Response.json({ exchange_active: true, trading_active: true });
    };
    const c = client({ fetch: fetchSpy as typeof fetch });
    await c.portfolio.balance().catch(() => undefined);
    expect(seen).toHaveLength(1);
    const { input, init } = seen[0] as { input: Request; init: RequestInit };
    expect(input).toBeInstanceOf(Request);
    expect(new URL(input.url).pathname).toBe('/trade-api/v2/portfolio/balance');
    expect(Object.keys(init).sort()).toEqual(['headers', 'signal']);
    expect(new Headers(init.headers).get('kalshi-access-key')).toBe('key-1');
    // What goes on the wire is what fetch builds from both.
    expect(new Request(input, init).headers.get('kalshi-access-signature')).not.toBeNull();
    expect(init.signal).toBeInstanceOf(AbortSignal);
    expect(init.signal?.aborted).toBe(false);
  });

  it('the attempt signal handed to fetch aborts when the caller aborts mid-request', async () => {
    let signal: AbortSignal | undefined;
    const controller = new AbortController();
    const fetchSpy = (_: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        signal = init?.signal ?? undefined;
        signal?.addEventListener('abort', () => reject(signal?.reason));
        controller.abort();
      });
    const err = await client({ fetch: fetchSpy as typeof fetch })
      .exchange.status({ signal: controller.signal })
      .catch((e: unknown) => e);
    expect(signal?.aborted).toBe(true);
    expect(err).toMatchObject({ code: 'ABORTED', requestSent: true });
  });

  it('an abort while waiting for rate-limit tokens says the request was never sent', async () => {
    let posts = 0;
    server.use(
      http.post(`${BASE}/portfolio/events/orders`, () => {
        posts++;
        return HttpResponse.json(
          { order_id: 'o', fill_count: '0.00', remaining_count: '1.00', ts_ms: 1 },
          { status: 201 },
        );
      }),
    );
    const c = client({
      rateLimit: {
        read: { capacity: 100, refillPerSecond: 100 },
        write: { capacity: 10, refillPerSecond: 0.001 },
      },
    });
    const order = {
      ticker: 'T',
      side: 'bid',
      count: '1',
      price: '0.5',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'maker',
    } as const;
    await c.orders.create({ ...order, client_order_id: 'first' });
    const ac = new AbortController();
    const pending = c.orders
      .create({ ...order, client_order_id: 'second' }, { signal: ac.signal })
      .catch((e: unknown) => e);
    ac.abort();
    const err = await pending;
    expect(isKalshiAbortError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ABORTED', requestSent: false });
    expect(posts).toBe(1);
  });
});
