/**
 * The HTTP transport: URLs, signing, timeouts, retries, rate limits and error mapping. The only
 * module that imports ky.
 *
 * @internal
 * @module
 */
import ky, { type KyInstance, type Options } from 'ky';
import type { KalshiSigner } from '../auth/signer.js';
import {
  isKalshiAbortError,
  isKalshiApiError,
  isKalshiError,
  KalshiAbortError,
  KalshiConfigurationError,
  KalshiConnectionError,
  type KalshiError,
  KalshiInvalidResponseError,
  KalshiTimeoutError,
  markEarlierAttemptMayHaveLanded,
} from '../errors.js';
import type { Route } from '../internal/routes.js';
import type { KalshiLogger } from '../logger.js';
import { mapHttpError } from './error-mapping.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * Per-call options accepted by every client method, always as the last argument.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const book = await client.markets.orderbook('KXINX-26NOV25H1600-B6612', { depth: 10 }, {
 *   signal: controller.signal,
 *   timeoutMs: 2_000,
 *   maxRetries: 0,
 * });
 * ```
 */
export interface RequestOptions {
  /** Aborts the call (including any wait for rate-limit tokens or a retry delay). */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call (per attempt), in milliseconds. */
  timeoutMs?: number;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number;
}

/** @internal */
export interface TransportOptions {
  restUrl: string;
  signer: KalshiSigner | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  limiter: RateLimiter | undefined;
  fetch: typeof fetch | undefined;
  logger: KalshiLogger;
  random: () => number;
  sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** @internal */
export interface CallArgs {
  path?: Record<string, string | number>;
  query?: object | undefined;
  body?: unknown;
  items?: number;
  options?: RequestOptions | undefined;
  onDuplicate?: () => Promise<unknown>;
}

/** Default sleep honouring an abort signal. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new KalshiAbortError('request aborted'));
      return;
    }
    const onAbort = () => {
      clearTimeout(t);
      reject(new KalshiAbortError('request aborted during retry delay'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Serializes query parameters: arrays repeat the key, `undefined` is skipped. */
export function buildQuery(query: object | undefined): string {
  if (query === undefined) return '';
  let out = '';
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) {
      for (const item of v)
        out += `${out === '' ? '?' : '&'}${encodeURIComponent(k)}=${encodeURIComponent(String(item))}`;
    } else {
      out += `${out === '' ? '?' : '&'}${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`;
    }
  }
  return out;
}

/** @internal The HTTP transport. */
export class HttpTransport {
  readonly #o: TransportOptions;
  readonly #ky: KyInstance;
  readonly #basePath: string;
  readonly #origin: string;

  constructor(options: TransportOptions) {
    this.#o = options;
    const u = new URL(options.restUrl);
    this.#origin = u.origin;
    this.#basePath = u.pathname.replace(/\/+$/, '');
    const f = options.fetch;
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      // Resolve fetch lazily so a fetch patched after construction (msw, tracing) is used.
      // Hot path: the attempt's signal (timeout + caller's abort) and its headers travel in an
      // extra option that ky hands to fetch untouched, and go to fetch as `init` (which, per the
      // Fetch standard, replaces the Request's signal and headers). Given to ky as `signal` and
      // `headers` they would cost an AbortSignal.any() and about six Headers copies per request
      // (measured: +7-10% requests/s with an Ed25519 key, see bench/rest.ts).
      fetch: (input, init) => {
        const attempt = (init as AttemptInit | undefined)?.kalshiAttempt;
        return (f ?? globalThis.fetch)(
          input,
          attempt === undefined ? init : { signal: attempt.controller.signal, headers: attempt.headers },
        );
      },
    });
  }

  /** The pathname of the REST base URL (for example `/trade-api/v2`). */
  get basePath(): string {
    return this.#basePath;
  }

  /** Sends one operation and returns its parsed JSON body (`undefined` for 204). */
  async call<T>(route: Route, args: CallArgs = {}): Promise<T> {
    const o = this.#o;
    const signer = o.signer;
    if (route.auth === 'required' && signer === undefined) {
      throw new KalshiConfigurationError(
        `${route.method} ${route.path} requires credentials: pass apiKeyId and privateKey (or privateKeyPath), or set KALSHI_API_KEY_ID and KALSHI_PRIVATE_KEY(_PATH)`,
      );
    }
    const pathname = this.#basePath + fillPath(route, args.path);
    const url = this.#origin + pathname + buildQuery(args.query);
    const bodyText = args.body === undefined ? undefined : JSON.stringify(args.body);
    const options = args.options;
    const timeoutMs = options?.timeoutMs ?? o.timeoutMs;
    const maxRetries = options?.maxRetries ?? o.maxRetries;
    const cost = route.perItem ? route.cost * Math.max(1, args.items ?? 1) : route.cost;
    const idempotentCreate =
      route.retry === 'client_order_id' &&
      typeof (args.body as { client_order_id?: unknown } | undefined)?.client_order_id === 'string';
    const retryUnknown = route.retry === 'safe' || idempotentCreate;
    const sign = signer !== undefined && route.auth !== 'none';
    // Set once an attempt may have been processed (timeout, reset, 5xx); read after the call fails.
    const outcome = { unknown: false };
    try {
      return await this.#attempts<T>(route, args, pathname, url, bodyText, {
        cost,
        idempotentCreate,
        retryUnknown,
        sign,
        maxRetries,
        timeoutMs,
        outcome,
      });
    } catch (e) {
      // An earlier attempt may have been processed: whatever ended the call, the outcome is unknown.
      if (outcome.unknown && isKalshiError(e) && !isKalshiAbortError(e)) markEarlierAttemptMayHaveLanded(e);
      throw e;
    }
  }

  async #attempts<T>(
    route: Route,
    args: CallArgs,
    pathname: string,
    url: string,
    bodyText: string | undefined,
    plan: {
      readonly cost: number;
      readonly idempotentCreate: boolean;
      readonly retryUnknown: boolean;
      readonly sign: boolean;
      readonly maxRetries: number;
      readonly timeoutMs: number;
      readonly outcome: { unknown: boolean };
    },
  ): Promise<T> {
    const o = this.#o;
    const signer = o.signer;
    const signal = args.options?.signal;
    const { cost, idempotentCreate, retryUnknown, sign, maxRetries, timeoutMs } = plan;
    const { outcome } = plan;

    for (let attempt = 0; ; attempt++) {
      // Before this attempt is on the wire, only an earlier attempt can have reached Kalshi.
      const earlierSent = attempt > 0;
      if (signal?.aborted) {
        throw new KalshiAbortError(`${route.method} ${pathname} aborted before it was sent`, {
          cause: signal.reason,
          requestSent: earlierSent,
        });
      }
      if (o.limiter !== undefined) {
        try {
          await o.limiter.acquire(route.bucket, cost, route.priority, signal);
        } catch (e) {
          if (!signal?.aborted) throw e;
          throw new KalshiAbortError(
            `${route.method} ${pathname} aborted while waiting for rate-limit tokens`,
            {
              cause: signal.reason,
              requestSent: earlierSent,
            },
          );
        }
      }
      const headers: Record<string, string> =
        sign && signer !== undefined
          ? signedHeaders(signer, route.method, pathname, bodyText !== undefined)
          : bodyText !== undefined
            ? JSON_BODY_HEADERS
            : JSON_HEADERS;

      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const onAbort = () => controller.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      let failure: KalshiError;
      let delayFloorMs = 0;
      try {
        const init: Options & AttemptInit = {
          method: route.method,
          kalshiAttempt: { controller, headers },
        };
        if (bodyText !== undefined) init.body = bodyText;
        const res = await this.#ky(url, init);
        const text = await res.text();
        if (res.ok) return parseBody<T>(text, res.status, route, pathname);
        const err = mapHttpError(res.status, text, route.method, pathname);
        if (
          res.status === 409 &&
          outcome.unknown &&
          idempotentCreate &&
          args.onDuplicate !== undefined &&
          isDuplicateOrderCode(err)
        ) {
          o.logger.info('duplicate client_order_id after a retry; resolving the existing order', {
            method: route.method,
            path: pathname,
          });
          return (await args.onDuplicate()) as T;
        }
        if (res.status === 429) {
          o.limiter?.drain(route.bucket);
          // A 429 means the request was not processed: retrying is safe for any route.
          if (attempt < maxRetries) {
            delayFloorMs =
              o.limiter !== undefined ? (cost * 1000) / o.limiter.budgets[route.bucket].refillPerSecond : 0;
            failure = err;
          } else throw err;
        } else if (res.status >= 500 && retryUnknown && attempt < maxRetries) {
          outcome.unknown = true;
          failure = err;
        } else {
          throw err;
        }
      } catch (e) {
        if (isKalshiError(e)) throw e;
        if (signal?.aborted) {
          throw new KalshiAbortError(`${route.method} ${pathname} aborted`, { cause: signal.reason });
        }
        const err = controller.signal.aborted
          ? new KalshiTimeoutError(`${route.method} ${pathname} timed out after ${timeoutMs} ms`, timeoutMs)
          : new KalshiConnectionError(`${route.method} ${pathname} failed: ${describe(e)}`, { cause: e });
        if (!retryUnknown || attempt >= maxRetries) throw err;
        outcome.unknown = true;
        failure = err;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
      const cap = Math.min(o.retryMaxDelayMs, o.retryBaseDelayMs * 2 ** attempt);
      const delayMs = Math.max(delayFloorMs, Math.floor(o.random() * cap));
      o.logger.warn('retrying Kalshi request', {
        method: route.method,
        path: pathname,
        attempt: attempt + 1,
        error: failure.code,
        delayMs,
      });
      await o.sleep(delayMs, signal);
    }
  }
}

/** The extra option carrying an attempt's abort controller from `call` to the fetch adapter. */
interface AttemptInit {
  kalshiAttempt?: { controller: AbortController; headers: Record<string, string> };
}

const JSON_HEADERS: Record<string, string> = Object.freeze({ accept: 'application/json' });
const JSON_BODY_HEADERS: Record<string, string> = Object.freeze({
  accept: 'application/json',
  'content-type': 'application/json',
});

function signedHeaders(
  signer: KalshiSigner,
  method: string,
  pathname: string,
  hasBody: boolean,
): Record<string, string> {
  const h: Record<string, string> = { ...signer.headers(method, pathname), accept: 'application/json' };
  if (hasBody) h['content-type'] = 'application/json';
  return h;
}

function fillPath(route: Route, params: Record<string, string | number> | undefined): string {
  const parts = route.parts;
  if (parts.length === 1) return parts[0] as string;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i % 2 === 0) {
      out += part;
      continue;
    }
    const v = params?.[part];
    if (v === undefined || v === '') {
      throw new KalshiConfigurationError(
        `${route.method} ${route.path}: path parameter "${part}" is required`,
      );
    }
    out += encodeURIComponent(String(v));
  }
  return out;
}

function parseBody<T>(text: string, status: number, route: Route, pathname: string): T {
  if (status === 204 || text === '') return undefined as T;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new KalshiInvalidResponseError(
      `${route.method} ${pathname} answered HTTP ${status} with a body that is not JSON`,
      status,
      { cause: e },
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new KalshiInvalidResponseError(
      `${route.method} ${pathname} answered HTTP ${status} with JSON that is not an object`,
      status,
    );
  }
  return body as T;
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    return typeof code === 'string' ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}

/**
 * True for Kalshi's answer to a repeated `client_order_id`. Other 409s (`trading_paused`,
 * `market_closed`, ...) say nothing about whether an earlier attempt landed; they surface as
 * themselves, marked {@link KalshiError.earlierAttemptMayHaveLanded}, and callers look the order up.
 */
function isDuplicateOrderCode(err: KalshiError): boolean {
  return isKalshiApiError(err) && /already_exists|duplicate/i.test(err.kalshiCode ?? '');
}
