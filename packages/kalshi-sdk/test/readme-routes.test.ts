import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../src/internal/routes.js';

describe('README operation table', () => {
  it('lists exactly the operations of the route registry', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const rows = [...readme.matchAll(/^\| (GET|POST|PUT|DELETE) \| `([^`]+)` \| `([^`]+)`/gm)].map(
      (m) => `${m[1]} ${m[2]} ${m[3]}`,
    );
    const expected = Object.values(ROUTES).map((r) => `${r.method} ${r.path} ${r.id}`);
    expect(rows.sort()).toEqual(expected.sort());
  });

  it('points every client method at a real resource method', async () => {
    const { KalshiClient } = await import('../src/index.js');
    const c = new KalshiClient({ useEnv: false }) as unknown as Record<string, Record<string, unknown>>;
    const missing = Object.values(ROUTES)
      .map((r) => r.id)
      .filter((id) => {
        const [group, method] = id.split('.') as [string, string];
        return typeof c[group]?.[method] !== 'function';
      });
    expect(missing).toEqual([]);
  });
});
