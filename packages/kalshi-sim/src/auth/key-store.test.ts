import { KalshiSigner } from '@mnquants/kalshi-sdk';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, KeyStore } from './key-store.js';

describe('KeyStore.verify', () => {
  const now = 1_800_000_000_000;
  const pair = generateKeyPair('ed25519');

  function headers(signer: KalshiSigner, method: string, path: string) {
    const h = signer.headers(method, path);
    return {
      'kalshi-access-key': h['KALSHI-ACCESS-KEY'],
      'kalshi-access-timestamp': h['KALSHI-ACCESS-TIMESTAMP'],
      'kalshi-access-signature': h['KALSHI-ACCESS-SIGNATURE'],
    };
  }

  it('accepts a signature over timestamp + METHOD + pathname', () => {
    const store = new KeyStore(() => now);
    const key = store.register('u1', pair.publicKeyPem);
    const signer = new KalshiSigner({
      apiKeyId: key.apiKeyId,
      privateKey: pair.privateKeyPem,
      now: () => now,
    });
    expect(
      store.verify(
        headers(signer, 'GET', '/trade-api/v2/portfolio/balance'),
        'GET',
        '/trade-api/v2/portfolio/balance',
      ),
    ).toEqual({
      ok: true,
      userId: 'u1',
      apiKeyId: key.apiKeyId,
    });
  });

  it('rejects a different method', () => {
    const store = new KeyStore(() => now);
    const key = store.register('u1', pair.publicKeyPem);
    const signer = new KalshiSigner({
      apiKeyId: key.apiKeyId,
      privateKey: pair.privateKeyPem,
      now: () => now,
    });
    const r = store.verify(headers(signer, 'GET', '/trade-api/v2/x'), 'POST', '/trade-api/v2/x');
    expect(r.ok === false && r.reason).toBe('BAD_SIGNATURE');
  });

  it('accepts 30 s of skew and rejects 30.001 s', () => {
    const store = new KeyStore(() => now);
    const key = store.register('u1', pair.publicKeyPem);
    const at = (ts: number) =>
      store.verify(
        headers(
          new KalshiSigner({ apiKeyId: key.apiKeyId, privateKey: pair.privateKeyPem, now: () => ts }),
          'GET',
          '/p',
        ),
        'GET',
        '/p',
      ).ok;
    expect(at(now - 30_000)).toBe(true);
    expect(at(now + 30_000)).toBe(true);
    expect(at(now - 30_001)).toBe(false);
  });

  it('rejects a non-PEM public key with a clear error', () => {
    expect(() => new KeyStore().register('u', 'not a key')).toThrow(/not a PEM public key/);
  });
});
