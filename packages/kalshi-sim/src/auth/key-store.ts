import {
  constants,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
  verify,
} from 'node:crypto';

/**
 * The key algorithms the simulator accepts, as Kalshi's `key_type`.
 *
 * @example
 * ```ts
 * sim.createUser({ keyType: 'ed25519' satisfies SimKeyType });
 * ```
 */
export type SimKeyType = 'rsa' | 'ed25519';

/**
 * PEM encoding of a generated RSA private key (`pkcs1` = `BEGIN RSA PRIVATE KEY`, `pkcs8` = `BEGIN PRIVATE KEY`).
 *
 * @example
 * ```ts
 * sim.createUser({ keyType: 'rsa', rsaFormat: 'pkcs8' satisfies RsaPrivateKeyFormat });
 * ```
 */
export type RsaPrivateKeyFormat = 'pkcs1' | 'pkcs8';

/** A registered API key (public part only). */
export interface SimApiKey {
  /** The API key id (a UUID), sent as `KALSHI-ACCESS-KEY`. */
  apiKeyId: string;
  /** The user the key belongs to. */
  userId: string;
  /** A display name. */
  name: string;
  /** Key algorithm. */
  keyType: SimKeyType;
  /** The parsed public key. */
  publicKey: KeyObject;
}

/** The outcome of checking a request's signature headers. */
export type AuthResult =
  | { ok: true; userId: string; apiKeyId: string }
  | {
      ok: false;
      reason: 'MISSING_HEADERS' | 'UNKNOWN_KEY' | 'STALE_TIMESTAMP' | 'BAD_SIGNATURE';
      details: string;
    };

/** Maximum distance between a request's timestamp and the real wall clock, in ms. */
export const AUTH_MAX_SKEW_MS = 30_000;

/**
 * Generates a key pair of the given type and returns the private key as PEM.
 *
 * @internal
 */
export function generateKeyPair(
  keyType: SimKeyType,
  rsaFormat: RsaPrivateKeyFormat = 'pkcs1',
): { publicKeyPem: string; privateKeyPem: string } {
  if (keyType === 'ed25519') {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
  }
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: rsaFormat, format: 'pem' }).toString(),
  };
}

/**
 * Holds API keys and verifies Kalshi request signatures.
 *
 * @remarks Verification rebuilds `timestamp + METHOD + pathname` and checks it with RSA-PSS
 * (SHA-256, salt 32 bytes) or Ed25519, like Kalshi. The timestamp is compared with the real wall
 * clock (`now`), never the simulated clock.
 *
 * @internal
 */
export class KeyStore {
  readonly #keys = new Map<string, SimApiKey>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Registers a public key (SPKI or PKCS#1 PEM) for a user and returns its key id. */
  register(userId: string, publicKeyPem: string, name = 'kalshi-sim key'): SimApiKey {
    let publicKey: KeyObject;
    try {
      publicKey = createPublicKey({ key: publicKeyPem, format: 'pem' });
    } catch {
      throw new TypeError('publicKeyPem is not a PEM public key (RSA or Ed25519)');
    }
    const t = publicKey.asymmetricKeyType;
    if (t !== 'rsa' && t !== 'ed25519') {
      throw new TypeError(`unsupported key type ${String(t)}; Kalshi accepts RSA and Ed25519 keys`);
    }
    const key: SimApiKey = { apiKeyId: randomUUID(), userId, name, keyType: t, publicKey };
    this.#keys.set(key.apiKeyId, key);
    return key;
  }

  /** The keys registered for a user. */
  keysOf(userId: string): SimApiKey[] {
    return [...this.#keys.values()].filter((k) => k.userId === userId);
  }

  /** Removes a key; returns whether it existed. */
  delete(apiKeyId: string): boolean {
    return this.#keys.delete(apiKeyId);
  }

  /** Verifies the three `KALSHI-ACCESS-*` headers for a request. */
  verify(
    headers: Record<string, string | string[] | undefined>,
    method: string,
    pathname: string,
  ): AuthResult {
    const keyId = single(headers['kalshi-access-key']);
    const ts = single(headers['kalshi-access-timestamp']);
    const sig = single(headers['kalshi-access-signature']);
    if (keyId === undefined || ts === undefined || sig === undefined) {
      return {
        ok: false,
        reason: 'MISSING_HEADERS',
        details: 'missing KALSHI-ACCESS-KEY, KALSHI-ACCESS-TIMESTAMP or KALSHI-ACCESS-SIGNATURE header',
      };
    }
    const key = this.#keys.get(keyId);
    if (key === undefined) {
      return { ok: false, reason: 'UNKNOWN_KEY', details: 'INCORRECT_API_KEY: unknown API key id' };
    }
    if (!/^\d{1,16}$/.test(ts)) {
      return {
        ok: false,
        reason: 'STALE_TIMESTAMP',
        details: 'KALSHI-ACCESS-TIMESTAMP is not Unix milliseconds',
      };
    }
    if (Math.abs(this.#now() - Number(ts)) > AUTH_MAX_SKEW_MS) {
      return {
        ok: false,
        reason: 'STALE_TIMESTAMP',
        details: `KALSHI-ACCESS-TIMESTAMP is more than ${AUTH_MAX_SKEW_MS / 1000} s from the server clock`,
      };
    }
    const q = pathname.indexOf('?');
    const path = q === -1 ? pathname : pathname.slice(0, q);
    const data = Buffer.from(`${ts}${method.toUpperCase()}${path}`, 'utf8');
    let valid = false;
    try {
      const signature = Buffer.from(sig, 'base64');
      valid =
        key.keyType === 'ed25519'
          ? verify(null, data, key.publicKey, signature)
          : verify(
              'sha256',
              data,
              {
                key: key.publicKey,
                padding: constants.RSA_PKCS1_PSS_PADDING,
                saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
              },
              signature,
            );
    } catch {
      valid = false;
    }
    if (!valid) {
      return {
        ok: false,
        reason: 'BAD_SIGNATURE',
        details: 'rpc error: code = Unauthenticated desc = INCORRECT_API_KEY_SIGNATURE',
      };
    }
    return { ok: true, userId: key.userId, apiKeyId: keyId };
  }
}

function single(v: string | string[] | undefined): string | undefined {
  if (Array.isArray(v)) return v[0];
  return v === undefined || v === '' ? undefined : v;
}
