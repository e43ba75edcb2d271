import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KalshiSigner } from '@mnquants/kalshi-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './helpers.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function run(args: string[]): { child: ChildProcess; out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--conditions=@mnquants/source', '--import', 'tsx', CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += String(d);
  });
  child.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, exit };
}

describe('kalshi-sim CLI', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('starts, prints working credentials, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kalshi-sim-cli-'));
    dirs.push(dir);
    const keyFile = join(dir, 'key.pem');
    const p = run([
      '--port',
      '0',
      '--seed',
      '7',
      '--no-world',
      '--key-type',
      'ed25519',
      '--key-file',
      keyFile,
    ]);
    children.push(p.child);
    await waitFor(() => p.out().includes('Press Ctrl+C'), 15_000);
    const out = p.out();
    const restUrl = /KALSHI_REST_URL=(\S+)/.exec(out)?.[1] ?? '';
    const keyId = /KALSHI_API_KEY_ID=(\S+)/.exec(out)?.[1] ?? '';
    expect(out).toMatch(/KALSHI_WS_URL=ws:\/\/127\.0\.0\.1:\d+\/trade-api\/ws\/v2/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const signer = new KalshiSigner({ apiKeyId: keyId, privateKey: readFileSync(keyFile, 'utf8') });
    const url = new URL(`${restUrl}/portfolio/balance`);
    const res = await fetch(url, { headers: { ...signer.headers('GET', url.pathname) } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { balance_dollars: string }).balance_dollars).toBe('1000.0000');
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
  });

  it('rejects a bad flag with exit code 2', async () => {
    const p = run(['--speed', 'fast']);
    children.push(p.child);
    expect(await p.exit).toBe(2);
    expect(p.out()).toContain('--speed must be a positive number');
  });
});
