import { constants, createPrivateKey, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KalshiKeyError } from '../errors.js';

/** The three headers Kalshi expects on every authenticated request and WebSocket upgrade. */
export interface KalshiAuthHeaders {
  /** The API key id. */
  'KALSHI-ACCESS-KEY': string;
  /** Unix time in milliseconds, as a decimal string. */
  'KALSHI-ACCESS-TIMESTAMP': string;
  /** Base64 signature of `timestamp + METHOD + path`. */
  'KALSHI-ACCESS-SIGNATURE': string;
}

/**
 * Where a {@link KalshiSigner} gets its credentials.
 *
 * @remarks Give exactly one of `privateKey` and `privateKeyPath`.
 * @example
 * ```ts
 * const options: KalshiSignerOptions = { apiKeyId: 'a952bcbe-ec3b-4b5b-b8f9-11dae589608c', privateKeyPath: './kalshi.pem' };
 * const signer = new KalshiSigner(options);
 * ```
 */
export interface KalshiSignerOptions {
  /** The API key id (a UUID). */
  apiKeyId: string;
  /** The private key as a PEM string (RSA PKCS#1 or PKCS#8, or Ed25519 PKCS#8). */
  privateKey?: string | KeyObject;
  /** A path to a PEM file holding the private key; read once, at construction. */
  privateKeyPath?: string;
  /** Clock used for timestamps, in Unix milliseconds. @defaultValue `Date.now` */
  now?: () => number;
}

/** The key algorithms Kalshi accepts. */
export type KalshiKeyType = 'rsa' | 'ed25519';

/**
 * Parses a PEM private key into a `KeyObject`, with errors that never echo key material.
 *
 * @param pem - The PEM text (RSA PKCS#1 / PKCS#8, or Ed25519 PKCS#8).
 * @param source - How to name the key's origin in errors (for example `"the privateKey option"`).
 * @throws {@link KalshiKeyError} when the text is not a supported private key.
 * @example
 * ```ts
 * const key = parsePrivateKey(process.env.KALSHI_PRIVATE_KEY ?? '', 'KALSHI_PRIVATE_KEY');
 * ```
 */
export function parsePrivateKey(pem: string, source = 'the private key'): KeyObject {
  if (typeof pem !== 'string' || pem.trim() === '') {
    throw new KalshiKeyError(`${source} is empty`);
  }
  // Keys pasted into env vars often carry literal "\n" sequences.
  const text = pem.includes('\\n') && !pem.includes('\n') ? pem.replace(/\\n/g, '\n') : pem;
  if (!text.includes('-----BEGIN')) {
    throw new KalshiKeyError(`${source} is not PEM text (no "-----BEGIN" header)`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    // The crypto error can quote the input; do not chain it.
    throw new KalshiKeyError(
      `${source} could not be parsed as a PEM private key (RSA PKCS#1/PKCS#8 or Ed25519)`,
    );
  }
  checkKeyType(key, source);
  return key;
}

function checkKeyType(key: KeyObject, source: string): KalshiKeyType {
  if (key.type !== 'private') throw new KalshiKeyError(`${source} is not a private key`);
  const t = key.asymmetricKeyType;
  if (t === 'rsa') return 'rsa';
  if (t === 'ed25519') return 'ed25519';
  throw new KalshiKeyError(
    `${source} has unsupported type ${String(t)}; Kalshi accepts RSA and Ed25519 keys`,
  );
}

/**
 * Signs Kalshi requests: RSA-PSS (SHA-256, salt = digest length) or Ed25519 over
 * `timestamp_ms + METHOD + path`.
 *
 * @remarks The key is parsed once into a `KeyObject` and held privately; the signer never exposes
 * it through `toJSON`, `util.inspect` or enumeration. `path` must be the URL pathname from the host
 * root including `/trade-api/v2` (or `/trade-api/ws/v2`), without the query string; a query is
 * stripped defensively.
 *
 * @example
 * ```ts
 * const signer = new KalshiSigner({ apiKeyId: 'a952bcbe-…', privateKeyPath: './kalshi.pem' });
 * const headers = signer.headers('GET', '/trade-api/v2/portfolio/balance');
 * ```
 */
export class KalshiSigner {
  /** The API key id sent as `KALSHI-ACCESS-KEY`. */
  readonly apiKeyId: string;
  /** The key algorithm. */
  readonly keyType: KalshiKeyType;
  readonly #key: KeyObject;
  readonly #now: () => number;

  /**
   * @throws {@link KalshiKeyError} when no key is given, the file cannot be read, or the key is malformed.
   */
  constructor(options: KalshiSignerOptions) {
    if (typeof options.apiKeyId !== 'string' || options.apiKeyId.trim() === '') {
      throw new KalshiKeyError('apiKeyId is required to sign requests');
    }
    this.apiKeyId = options.apiKeyId;
    this.#now = options.now ?? Date.now;
    if (options.privateKey !== undefined && typeof options.privateKey !== 'string') {
      this.keyType = checkKeyType(options.privateKey, 'the privateKey option');
      this.#key = options.privateKey;
      return;
    }
    let pem: string;
    let source: string;
    if (options.privateKey !== undefined) {
      pem = options.privateKey;
      source = 'the privateKey option';
    } else if (options.privateKeyPath !== undefined) {
      source = 'the key file';
      try {
        pem = readFileSync(options.privateKeyPath, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
        throw new KalshiKeyError(`the key file could not be read (${code})`);
      }
    } else {
      throw new KalshiKeyError('a private key is required: pass privateKey or privateKeyPath');
    }
    this.#key = parsePrivateKey(pem, source);
    this.keyType = checkKeyType(this.#key, source);
  }

  /**
   * Signs `timestampMs + method + path` and returns the base64 signature.
   *
   * @example
   * ```ts
   * const sig = signer.sign(Date.now(), 'GET', '/trade-api/ws/v2');
   * ```
   */
  sign(timestampMs: number, method: string, path: string): string {
    const q = path.indexOf('?');
    const p = q === -1 ? path : path.slice(0, q);
    const data = Buffer.from(`${timestampMs}${method.toUpperCase()}${p}`, 'utf8');
    const sig =
      this.keyType === 'ed25519'
        ? sign(null, data, this.#key)
        : sign('sha256', data, {
            key: this.#key,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
          });
    return sig.toString('base64');
  }

  /**
   * Returns fresh auth headers (new timestamp and signature) for one request.
   *
   * @example
   * ```ts
   * await fetch(url, { headers: signer.headers('GET', new URL(url).pathname) });
   * ```
   */
  headers(method: string, path: string): KalshiAuthHeaders {
    const ts = this.#now();
    return {
      'KALSHI-ACCESS-KEY': this.apiKeyId,
      'KALSHI-ACCESS-TIMESTAMP': String(ts),
      'KALSHI-ACCESS-SIGNATURE': this.sign(ts, method, path),
    };
  }

  /** Redacted JSON form: the key never leaves the signer. */
  toJSON(): { apiKeyId: string; keyType: KalshiKeyType; privateKey: '[redacted]' } {
    return { apiKeyId: this.apiKeyId, keyType: this.keyType, privateKey: '[redacted]' };
  }

  /** Redacted inspection form for `console.log` and loggers. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `KalshiSigner { apiKeyId: '${this.apiKeyId}', keyType: '${this.keyType}', privateKey: [redacted] }`;
  }
}
