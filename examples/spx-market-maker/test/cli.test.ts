import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The command line as `npm start` runs it: a real process, real signals, real exit codes. */
const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'spx-cli-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function startBot(args: string[]) {
  const child = spawn(
    process.execPath,
    ['--conditions=@mnquants/source', '--import', 'tsx', 'src/main.ts', ...args],
    // INIT_CWD is where relative paths resolve (npm sets it to the folder npm ran in).
    {
      cwd: pkgDir,
      env: { ...process.env, INIT_CWD: dir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!out.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no "${text}" in:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => out };
}

describe('spx-market-maker command line', () => {
  it('prints --help and exits 0', async () => {
    const bot = startBot(['--help']);
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('--i-understand-this-trades-real-money');
  });

  it('reports every configuration problem and exits 2', async () => {
    const bot = startBot(['--quote-size', '0', '--venue', 'moon']);
    expect(await bot.exited).toBe(2);
    expect(bot.output()).toContain('--quote-size: must be greater than 0');
    expect(bot.output()).toContain('--venue: must be one of sim, demo, production');
  });

  it('on Ctrl-C (SIGINT) cancels every order, prints the summary and exits 0', async () => {
    const bot = startBot(['--speed', '300', '--log-file', 'cli.log']);
    await bot.waitFor('order placed');
    bot.child.kill('SIGINT');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('cancelled all orders, none resting');
    expect(bot.output()).toContain('session summary');
    expect(bot.output()).toContain('stopped          SIGINT');
    // The log went where INIT_CWD says, as JSON lines.
    const first = readFileSync(join(dir, 'cli.log'), 'utf8').split('\n')[0]!;
    expect(JSON.parse(first)).toMatchObject({ msg: 'starting', venue: 'sim' });
  }, 60_000);
});
