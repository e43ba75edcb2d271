import { describe, expect, it } from 'vitest';
import { KALSHI_WS_ERROR_CODES, TERMINAL_WS_ERROR_CODES, wsErrorCodeFor } from './error-codes.js';

describe('Kalshi WebSocket error codes', () => {
  it('maps every documented code 1-28 to a distinct stable string', () => {
    const codes = Array.from({ length: 28 }, (_, i) => wsErrorCodeFor(i + 1));
    expect(codes.every((c) => c.startsWith('WS_') && c !== 'WS_UNKNOWN_ERROR')).toBe(true);
    expect(new Set(codes).size).toBe(28);
    expect(Object.keys(KALSHI_WS_ERROR_CODES)).toHaveLength(28);
  });

  it('maps the codes named in the docs', () => {
    expect(wsErrorCodeFor(6)).toBe('WS_ALREADY_SUBSCRIBED');
    expect(wsErrorCodeFor(10)).toBe('WS_CHANNEL_ERROR');
    expect(wsErrorCodeFor(25)).toBe('WS_BUFFER_OVERFLOW');
  });

  it('maps an undocumented code to WS_UNKNOWN_ERROR', () => {
    expect(wsErrorCodeFor(99)).toBe('WS_UNKNOWN_ERROR');
  });

  it('treats 10 and 25 as terminal', () => {
    expect([...TERMINAL_WS_ERROR_CODES].sort((a, b) => a - b)).toEqual([10, 25]);
  });
});
