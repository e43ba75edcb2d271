import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Kalshi-shaped error raised by a route handler and rendered as `{"error":{...}}`. */
export class SimHttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: string | undefined;

  constructor(status: number, code: string, message: string, details?: string) {
    super(message);
    this.name = 'SimHttpError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Shorthand for a 400 with code `invalid_parameters` (or another code). */
export function badRequest(message: string, code = 'invalid_parameters', details?: string): SimHttpError {
  return new SimHttpError(400, code, message, details);
}

/** Shorthand for a 404 `not_found`. */
export function notFound(message = 'not found'): SimHttpError {
  return new SimHttpError(404, 'not_found', message);
}

/** Writes a JSON body with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Writes Kalshi's error envelope. */
export function sendError(res: ServerResponse, err: SimHttpError): void {
  const error: { code: string; message: string; details?: string } = { code: err.code, message: err.message };
  if (err.details !== undefined) error.details = err.details;
  sendJson(res, err.status, { error });
}

/** Reads and parses a JSON request body (an empty body is `undefined`). */
export async function readJsonBody(req: IncomingMessage, limitBytes = 1 << 20): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) throw badRequest(`request body exceeds ${limitBytes} bytes`);
    chunks.push(buf);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('request body is not valid JSON', 'invalid_parameters');
  }
}

/** A parsed request passed to route handlers. */
export interface RouteRequest {
  /** Upper-case method. */
  method: string;
  /** The pathname (no query). */
  path: string;
  /** The route template that matched. */
  route: string;
  /** Path parameters by name. */
  params: Record<string, string>;
  /** Query parameters. */
  query: URLSearchParams;
  /** The parsed JSON body, if any. */
  body: unknown;
  /** The authenticated user, when the request was signed. */
  userId: string | undefined;
}

/** What a handler returns: a status and a JSON body (or no body for 204). */
export interface RouteResult {
  status: number;
  body?: unknown;
}

/** How a route is authenticated. */
export type RouteAuth = 'public' | 'private' | 'optional';

/** One REST route. */
export interface Route {
  method: string;
  /** Template relative to the host root with `{name}` parameters. */
  template: string;
  auth: RouteAuth;
  /** For batch endpoints: counts the items in the body (for rate-limit cost). */
  items?: (body: unknown) => number;
  handler: (req: RouteRequest) => RouteResult | Promise<RouteResult>;
}

/** A table of routes matched segment by segment; literal segments win over parameters. */
export class Router {
  readonly #routes: Array<Route & { segments: string[] }> = [];

  add(route: Route): void {
    this.#routes.push({ ...route, segments: route.template.split('/') });
  }

  /** Finds the route for a method and path; `methodMismatch` when only the method differs. */
  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | { route: undefined; methodMismatch: boolean } {
    const segs = path.split('/');
    let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
    let methodMismatch = false;
    for (const r of this.#routes) {
      if (r.segments.length !== segs.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      let ok = true;
      for (let i = 0; i < segs.length; i++) {
        const t = r.segments[i] as string;
        const s = segs[i] as string;
        if (t.startsWith('{') && t.endsWith('}')) {
          if (s === '') {
            ok = false;
            break;
          }
          params[t.slice(1, -1)] = decodeURIComponent(s);
        } else if (t === s) {
          literals++;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (r.method !== method) {
        methodMismatch = true;
        continue;
      }
      if (best === undefined || literals > best.literals) best = { route: r, params, literals };
    }
    if (best !== undefined) return { route: best.route, params: best.params };
    return { route: undefined, methodMismatch };
  }
}
