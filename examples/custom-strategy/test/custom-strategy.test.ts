import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/main.js';

afterEach(() => vi.restoreAllMocks());

describe('examples/custom-strategy', () => {
  it('runs PennyInside against the simulator, trades, and stops with nothing resting', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const result = await run(8, 300);
    expect(printed.at(-1)).toMatch(/^\d+ fills, net P&L \$-?\d+\.\d{6}, clean stop: true, resting: 0$/);
    expect(result.markets).toBeGreaterThan(0);
    expect(result.fills).toBeGreaterThan(0);
    expect(result.clean).toBe(true);
    expect(result.resting).toBe(0);
  }, 40_000);
});
