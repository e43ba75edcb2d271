import { afterEach, describe, expect, it } from 'vitest';
import { KalshiClient } from '../src/client.js';
import { FakeKalshiServer, makeKeys, recordingLogger, WS_PATH } from './ws-harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('KalshiClient.createWebSocket', () => {
  it("builds a KalshiWebSocket from the client's wsUrl, signer and logger", async () => {
    const keys = makeKeys();
    const server = await FakeKalshiServer.start({ publicKey: keys.publicKey });
    cleanups.push(() => server.stop());
    const { calls, logger } = recordingLogger();
    const client = new KalshiClient({
      wsUrl: server.url,
      signer: keys.signer,
      logger,
      useEnv: false,
      rateLimit: false,
    });
    cleanups.push(() => client.close());
    const ws = client.createWebSocket({ commandTimeoutMs: 1_000 });
    cleanups.push(() => ws.close());
    await ws.connect();
    expect(server.handshakes).toEqual([{ keyId: 'test-key-id', path: WS_PATH, verified: true }]);
    expect(calls.some((c) => c.message === 'KalshiWebSocket connected')).toBe(true);
  });

  it('lets options override the client defaults', async () => {
    const keys = makeKeys();
    const server = await FakeKalshiServer.start({ publicKey: keys.publicKey });
    cleanups.push(() => server.stop());
    const client = new KalshiClient({
      environment: 'demo',
      signer: keys.signer,
      useEnv: false,
      rateLimit: false,
    });
    cleanups.push(() => client.close());
    const ws = client.createWebSocket({ url: server.url });
    cleanups.push(() => ws.close());
    await ws.connect();
    expect(server.handshakes[0]?.verified).toBe(true);
  });
});
