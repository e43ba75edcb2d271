/**
 * The REST client over real loopback HTTP (node:http on port 0, the global fetch): what actually
 * reaches a server, not what an interceptor reconstructs.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KalshiClient } from '../src/index.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const ed = generateKeyPairSync('ed25519');
const edPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
let server: Server;
let base = '';
const received: Received[] = [];
let nextStatus = 200;
let nextBody = '{}';

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.statusCode = nextStatus;
      res.setHeader('content-type', 'application/json');
      res.end(nextBody);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

function validSignature(r: Received): boolean {
  const ts = String(r.headers['kalshi-access-timestamp']);
  const sig = Buffer.from(String(r.headers['kalshi-access-signature']), 'base64');
  const path = r.url.split('?')[0] as string;
  return verify(null, Buffer.from(ts + r.method + path), ed.publicKey, sig);
}

describe('REST over loopback', () => {
  it('a V2 create arrives signed, as JSON, with the exact body', async () => {
    received.length = 0;
    nextStatus = 201;
    nextBody = JSON.stringify({ order_id: 'o1', fill_count: '0.00', remaining_count: '5.00', ts_ms: 1 });
    const c = new KalshiClient({ restUrl: base, apiKeyId: 'k', privateKey: edPem, useEnv: false });
    const order = {
      ticker: 'KXINX-26NOV25H1600-B6612',
      side: 'bid',
      count: '5.00',
      price: '0.4200',
      time_in_force: 'good_till_canceled',
      self_trade_prevention_type: 'taker_at_cross',
      client_order_id: 'cid-1',
    } as const;
    const res = await c.orders.create(order);
    expect(res.order_id).toBe('o1');
    const r = received[0] as Received;
    expect(r.method).toBe('POST');
    expect(r.url).toBe('/trade-api/v2/portfolio/events/orders');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.accept).toBe('application/json');
    expect(r.headers['kalshi-access-key']).toBe('k');
    expect(validSignature(r)).toBe(true);
    expect(JSON.parse(r.body)).toEqual(order);
  });

  it('a GET with a query arrives signed over the path only, without a content type', async () => {
    received.length = 0;
    nextStatus = 200;
    nextBody = JSON.stringify({ orders: [], cursor: '' });
    const c = new KalshiClient({ restUrl: base, apiKeyId: 'k', privateKey: edPem, useEnv: false });
    await c.orders.list({ ticker: 'T', limit: 5 });
    const r = received[0] as Received;
    expect(r.url).toBe('/trade-api/v2/portfolio/orders?ticker=T&limit=5');
    expect(r.headers['content-type']).toBeUndefined();
    expect(r.body).toBe('');
    expect(validSignature(r)).toBe(true);
  });
});
