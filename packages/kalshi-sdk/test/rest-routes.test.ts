/**
 * Walks the route registry: every client method sends the method and path its registry entry
 * names, signed exactly when the entry says so, and returns the server's body.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KalshiClient } from '../src/index.js';
import { ROUTES, type Route } from '../src/internal/routes.js';

const ORIGIN = 'https://kalshi.test';
const BASE = `${ORIGIN}/trade-api/v2`;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ed = generateKeyPairSync('ed25519');
const edPem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

interface Seen {
  method: string;
  pathname: string;
  signed: boolean;
  signatureValid: boolean;
}

function capture(into: Seen[], reply: (req: Request) => Response) {
  return http.all(`${ORIGIN}/*`, ({ request }) => {
    const pathname = new URL(request.url).pathname;
    const ts = request.headers.get('kalshi-access-timestamp');
    const sig = request.headers.get('kalshi-access-signature');
    const signatureValid =
      ts !== null &&
      sig !== null &&
      verify(null, Buffer.from(ts + request.method + pathname), ed.publicKey, Buffer.from(sig, 'base64'));
    into.push({ method: request.method, pathname, signed: sig !== null, signatureValid });
    return reply(request);
  });
}

/** Path parameters in template order, each with a distinctive value. */
function pathParams(r: Route): string[] {
  return r.parts.filter((_, i) => i % 2 === 1).map((name) => `v-${name}`);
}

function expectedPath(r: Route): string {
  return `/trade-api/v2${r.path.replace(/\{(\w+)\}/g, (_, name: string) => `v-${name}`)}`;
}

/** A stand-in for a params/body argument that satisfies every resource's bookkeeping. */
const FILLER = { orders: [{}], ids: ['x'], milestone_ids: ['m'] };

type Method = (...args: unknown[]) => Promise<unknown>;

function methodOf(c: KalshiClient, id: string): Method {
  const [group, name] = id.split('.') as [string, string];
  const g = (c as unknown as Record<string, Record<string, Method>>)[group];
  const fn = g?.[name];
  if (g === undefined || typeof fn !== 'function') throw new Error(`no client method ${id}`);
  return fn.bind(g);
}

function call(c: KalshiClient, r: Route): Promise<unknown> {
  const fn = methodOf(c, r.id);
  const path = pathParams(r);
  // Fill the parameters between the path parameters and the trailing RequestOptions.
  const fillers = Math.max(0, fn.length - path.length - 1);
  return fn(...path, ...Array.from({ length: fillers }, () => FILLER));
}

const routes = Object.values(ROUTES) as Route[];

describe('route registry walk', () => {
  it.each(routes.map((r) => [r.id, r] as const))('%s sends its registry method and path', async (_, r) => {
    const seen: Seen[] = [];
    server.use(capture(seen, () => HttpResponse.json({ route: r.id })));
    const c = new KalshiClient({ restUrl: BASE, apiKeyId: 'k', privateKey: edPem, useEnv: false });
    const result = await call(c, r);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: r.method, pathname: expectedPath(r) });
    expect(result).toEqual({ route: r.id });
    // Credentials present: everything but public routes is signed, and the signature covers the path.
    expect(seen[0]?.signed).toBe(r.auth !== 'none');
    if (r.auth !== 'none') expect(seen[0]?.signatureValid).toBe(true);
  });

  it('without credentials, required-auth routes fail before sending and the rest go unsigned', async () => {
    const seen: Seen[] = [];
    server.use(capture(seen, () => HttpResponse.json({})));
    const c = new KalshiClient({ restUrl: BASE, useEnv: false });
    const failedEarly: string[] = [];
    for (const r of routes) {
      const before = seen.length;
      const outcome = await call(c, r).then(
        () => 'sent',
        (e: unknown) => (e as { code?: string }).code,
      );
      if (r.auth === 'required') {
        if (outcome === 'CONFIGURATION' && seen.length === before) failedEarly.push(r.id);
      } else {
        expect(outcome, r.id).toBe('sent');
      }
    }
    expect(failedEarly.sort()).toEqual(
      routes
        .filter((r) => r.auth === 'required')
        .map((r) => r.id)
        .sort(),
    );
    expect(seen.every((s) => !s.signed)).toBe(true);
  });
});
