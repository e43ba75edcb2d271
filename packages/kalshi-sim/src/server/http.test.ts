import { describe, expect, it } from 'vitest';
import { Router } from './http.js';

describe('Router', () => {
  const r = new Router();
  const h = () => ({ status: 200 });
  r.add({ method: 'GET', template: '/a/{id}', auth: 'public', handler: h });
  r.add({ method: 'GET', template: '/a/batched', auth: 'public', handler: h });
  r.add({ method: 'DELETE', template: '/a/{id}', auth: 'public', handler: h });

  it('prefers literal segments over parameters', () => {
    const m = r.match('GET', '/a/batched');
    expect(m.route?.template).toBe('/a/batched');
  });

  it('decodes parameters', () => {
    const m = r.match('GET', '/a/x%20y');
    expect(m.route !== undefined && m.params).toEqual({ id: 'x y' });
  });

  it('reports a method mismatch', () => {
    expect(r.match('POST', '/a/1')).toEqual({ route: undefined, methodMismatch: true });
    expect(r.match('GET', '/b/1')).toEqual({ route: undefined, methodMismatch: false });
  });
});
