/**
 * Maps an HTTP error response (status + body) to a {@link KalshiApiError} subclass.
 *
 * @internal
 * @module
 */
import {
  KalshiApiError,
  type KalshiApiErrorOptions,
  KalshiAuthenticationError,
  KalshiBadRequestError,
  KalshiConflictError,
  KalshiNotFoundError,
  KalshiPermissionError,
  KalshiRateLimitError,
  KalshiServerError,
} from '../errors.js';

interface Parsed {
  code: string | undefined;
  message: string | undefined;
  details: string | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Reads Kalshi's error fields from any of the known body shapes. */
export function parseErrorBody(text: string): Parsed {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const t = text.trim();
    return { code: undefined, message: t === '' ? undefined : t.slice(0, 200), details: undefined };
  }
  if (typeof body !== 'object' || body === null)
    return { code: undefined, message: str(String(body)), details: undefined };
  const o = body as Record<string, unknown>;
  const inner = o.error;
  if (typeof inner === 'string') return { code: undefined, message: str(inner), details: undefined };
  const src = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : o;
  return { code: str(src.code), message: str(src.message), details: str(src.details) };
}

/** Builds the error for a non-2xx response. */
export function mapHttpError(status: number, text: string, method: string, path: string): KalshiApiError {
  const p = parseErrorBody(text);
  const what = p.message ?? p.code ?? 'no error message';
  const message =
    `${method} ${path} failed with HTTP ${status}` +
    (p.code !== undefined ? ` (${p.code})` : '') +
    `: ${what}` +
    (p.details !== undefined ? ` - ${p.details}` : '');
  const opts: KalshiApiErrorOptions = { status, kalshiCode: p.code, details: p.details, method, path };
  switch (status) {
    case 400:
    case 422:
      return new KalshiBadRequestError(message, opts);
    case 401:
      return new KalshiAuthenticationError(message, opts);
    case 403:
      return new KalshiPermissionError(message, opts);
    case 404:
      return new KalshiNotFoundError(message, opts);
    case 409:
      return new KalshiConflictError(message, opts);
    case 429:
      return new KalshiRateLimitError(message, opts);
    default:
      if (status >= 500) return new KalshiServerError(message, opts);
      return new KalshiApiError('API_ERROR', message, opts);
  }
}
