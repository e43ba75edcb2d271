import { generateKeyPairSync } from 'node:crypto';
import { KalshiSigner } from '@mnquants/kalshi-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signedFetch, startSim } from './helpers.js';

describe('authentication', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    env = await startSim();
  });
  afterAll(async () => {
    await env.sim.stop();
  });

  const balance = '/trade-api/v2/portfolio/balance';

  async function call(headers: Record<string, string>) {
    const res = await fetch(`${env.restUrl}/portfolio/balance`, { headers });
    return { status: res.status, body: (await res.json()) as { error: { code: string; details?: string } } };
  }

  it('accepts an RSA PKCS#1 key', async () => {
    const user = env.sim.createUser({ balanceDollars: '12.5' });
    const res = await signedFetch(env.restUrl, user)('GET', '/portfolio/balance');
    expect(res.status).toBe(200);
    expect(res.body.balance_dollars).toBe('12.5000');
    expect(res.body.balance).toBe(1250);
  });

  it('accepts RSA PKCS#8 and Ed25519 keys', async () => {
    const rsa8 = env.sim.createUser({ rsaFormat: 'pkcs8' });
    const ed = env.sim.createUser({ keyType: 'ed25519' });
    expect(rsa8.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect(ed.privateKeyPem).toContain('BEGIN PRIVATE KEY');
    expect((await signedFetch(env.restUrl, rsa8)('GET', '/portfolio/balance')).status).toBe(200);
    expect((await signedFetch(env.restUrl, ed)('GET', '/portfolio/balance')).status).toBe(200);
  });

  it('accepts a key registered from a public key', async () => {
    const user = env.sim.createUser();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const apiKeyId = env.sim.registerPublicKey(
      user.userId,
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    const signer = new KalshiSigner({ apiKeyId, privateKey });
    expect((await call({ ...signer.headers('GET', balance) })).status).toBe(200);
  });

  it('rejects a signature made with another key', async () => {
    const user = env.sim.createUser();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const signer = new KalshiSigner({ apiKeyId: user.apiKeyId, privateKey });
    const res = await call({ ...signer.headers('GET', balance) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('authentication_error');
    expect(res.body.error.details).toContain('INCORRECT_API_KEY_SIGNATURE');
  });

  it('rejects a signature over a different path', async () => {
    const user = env.sim.createUser();
    const signer = new KalshiSigner({ apiKeyId: user.apiKeyId, privateKey: user.privateKeyPem });
    const res = await call({ ...signer.headers('GET', '/trade-api/v2/portfolio/fills') });
    expect(res.status).toBe(401);
  });

  it('rejects an unknown key id', async () => {
    const user = env.sim.createUser();
    const signer = new KalshiSigner({
      apiKeyId: '00000000-0000-4000-8000-000000000000',
      privateKey: user.privateKeyPem,
    });
    const res = await call({ ...signer.headers('GET', balance) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('authentication_error');
  });

  it('rejects a timestamp more than 30 s off the real clock', async () => {
    const user = env.sim.createUser();
    const signer = new KalshiSigner({
      apiKeyId: user.apiKeyId,
      privateKey: user.privateKeyPem,
      now: () => Date.now() - 31_000,
    });
    const res = await call({ ...signer.headers('GET', balance) });
    expect(res.status).toBe(401);
    expect(res.body.error.details).toContain('KALSHI-ACCESS-TIMESTAMP');
  });

  it('rejects a private endpoint without headers', async () => {
    expect((await call({})).status).toBe(401);
  });

  it('serves orderbooks with and without auth', async () => {
    const user = env.sim.createUser();
    const anon = await fetch(`${env.restUrl}/markets/KXTEST-26MAR13-T50/orderbook`);
    expect(anon.status).toBe(200);
    const signed = await signedFetch(env.restUrl, user)('GET', '/markets/KXTEST-26MAR13-T50/orderbook');
    expect(signed.status).toBe(200);
  });

  it('rejects a WebSocket upgrade with a bad signature', async () => {
    const user = env.sim.createUser();
    const signer = new KalshiSigner({ apiKeyId: user.apiKeyId, privateKey: user.privateKeyPem });
    const ws = new WebSocket(env.wsUrl, {
      headers: { ...signer.headers('GET', '/trade-api/v2/portfolio/balance') },
    });
    const status = await new Promise<number>((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => reject(new Error('opened')));
    });
    ws.on('error', () => {});
    ws.terminate();
    expect(status).toBe(401);
  });
});

describe('routing', () => {
  let env: Awaited<ReturnType<typeof startSim>>;
  beforeAll(async () => {
    env = await startSim();
  });
  afterAll(async () => {
    await env.sim.stop();
  });

  it('redirects a trailing slash with 301', async () => {
    const res = await fetch(`${env.restUrl}/markets/?limit=1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/trade-api/v2/markets?limit=1');
  });

  it('answers unsupported endpoints with a Kalshi-shaped 501', async () => {
    const res = await fetch(`${env.restUrl}/communications/rfqs`);
    expect(res.status).toBe(501);
    expect(await res.json()).toEqual({
      error: { code: 'not_supported', message: 'GET /communications/rfqs is not supported by kalshi-sim' },
    });
  });

  it('answers unknown markets with 404 not_found', async () => {
    const res = await fetch(`${env.restUrl}/markets/NOPE`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
