import { describe, expect, it } from 'vitest';
import { PlainConsole, renderStatus, StatusPanel, type StatusSnapshot } from './status.js';

const snapshot = (over: Partial<StatusSnapshot> = {}): StatusSnapshot => ({
  venue: 'sim',
  clockMs: Date.UTC(2026, 10, 25, 15, 0, 0),
  closeMs: Date.UTC(2026, 10, 25, 21, 0, 0),
  index: { value: 6612.34, stale: false },
  vix: { value: 18.5, stale: true },
  riskState: 'active',
  riskReason: null,
  markets: [
    {
      ticker: 'KXINX-26NOV25H1600-B6612',
      label: 'INX 6600-6624.99',
      fairUnits: 4_210,
      bookBid: 4_000,
      bookAsk: 4_400,
      ourBid: { priceUnits: 4_000, countUnits: 500 },
      ourAsk: null,
      positionUnits: -200,
      trusted: false,
    },
  ],
  fills: 3,
  realizedMicros: 1_000_000,
  unrealizedMicros: -250_000,
  feesMicros: 50_000,
  workingOrders: 1,
  ...over,
});

describe('renderStatus', () => {
  it('shows the clock in ET, minutes to close, reference values and risk state', () => {
    const [head] = renderStatus(snapshot({ riskState: 'halted', riskReason: 'MAX_LOSS' }));
    expect(head).toContain('10:00:00 ET');
    expect(head).toContain(', 360m to close');
    expect(head).toContain('SPX 6612.34');
    expect(head).toContain('VIX 18.50 STALE');
    expect(head).toContain('HALTED (MAX_LOSS)');
  });

  it('fits an 80-column terminal', () => {
    for (const line of renderStatus(snapshot())) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('shows fair value, book, our quotes and position per market, flagging an untrusted book', () => {
    const row = renderStatus(snapshot())[2]!;
    expect(row).toContain('INX 6600-6624.99?');
    expect(row).toContain('.4210');
    expect(row).toContain('.4000/.4400');
    expect(row).toContain('.4000x5');
    expect(row.trimEnd().endsWith('-2')).toBe(true);
  });

  it('shows the P&L line with net after fees', () => {
    const last = renderStatus(snapshot()).at(-1)!;
    expect(last).toContain('net $0.70');
  });
});

describe('StatusPanel', () => {
  it('erases the panel before a log line and redraws it after', () => {
    let out = '';
    const panel = new StatusPanel({ write: (t: string) => (out += t), columns: 200 }, 0);
    panel.update(snapshot(), 1);
    const lines = renderStatus(snapshot()).length;
    out = '';
    panel.writeLine('hello');
    expect(out.startsWith(`\x1b[${lines}F\x1b[J hello`.replace(' ', ''))).toBe(true);
    expect(out.endsWith(`${renderStatus(snapshot()).at(-1)}\n`)).toBe(true);
  });

  it('throttles redraws', () => {
    let writes = 0;
    const panel = new StatusPanel({ write: () => writes++ }, 1_000);
    panel.update(snapshot(), 5_000);
    panel.update(snapshot(), 5_500);
    panel.update(snapshot(), 6_000);
    expect(writes).toBe(2);
  });

  it('writes plain lines after close', () => {
    let out = '';
    const panel = new StatusPanel({ write: (t: string) => (out += t) }, 0);
    panel.update(snapshot(), 1);
    panel.close();
    out = '';
    panel.writeLine('bye');
    expect(out).toBe('bye\n');
  });
});

it('PlainConsole writes one line per call', () => {
  let out = '';
  new PlainConsole({ write: (t: string) => (out += t) }).writeLine('x');
  expect(out).toBe('x\n');
});
