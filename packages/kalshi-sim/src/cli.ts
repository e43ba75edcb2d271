#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { SimKeyType } from './auth/key-store.js';
import { type SimUsageTier, TIER_LIMITS } from './server/rate-limits.js';
import { KalshiSimulator } from './simulator.js';

const HELP = `kalshi-sim: a local Kalshi exchange that speaks the real REST and WebSocket protocol.

Usage: kalshi-sim [options]

Options:
  --port <n>              TCP port to listen on; 0 picks a free port      (default 8080)
  --host <addr>           interface to bind                               (default 127.0.0.1)
  --seed <n>              seed of the world (index path, traders, ids)    (default 1)
  --speed <x>             simulated ms per real ms; 39 runs a 6.5 h
                          session in about 10 minutes                     (default 1)
  --start <iso>           simulated start time, e.g. 2026-03-13T13:30:00Z
                                                       (default: the next S&P 500 session's open)
  --balance <dollars>     cash of the created user                        (default 1000)
  --key-type <rsa|ed25519>  key algorithm of the created API key          (default rsa)
  --key-file <path>       where to write the private key (mode 0600)
                                                (default: <tmpdir>/kalshi-sim-<port>.pem)
  --tier <tier>           rate-limit tier: ${Object.keys(TIER_LIMITS).join(', ')}
                                                                          (default basic)
  --ping-interval-ms <n>  WebSocket ping interval                         (default 10000)
  --no-world              bare exchange: no synthetic index, markets or traders
  --no-weekly-pause       no Thursday 03:00-05:00 ET trading pause
  -h, --help              show this help

The simulator prints the REST and WebSocket URLs, the API key id and the key file path, then
runs until SIGINT or SIGTERM. Simulator-only endpoint: GET /trade-api/v2/x-sim/index.`;

function fail(message: string): never {
  process.stderr.write(`kalshi-sim: ${message}\nRun kalshi-sim --help for usage.\n`);
  process.exit(2);
}

function int(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined) return def;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    fail(`--${name} must be an integer ${min}-${max}`);
  return Number(raw);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  start: { type: 'string' },
  balance: { type: 'string' },
  'key-type': { type: 'string' },
  'key-file': { type: 'string' },
  tier: { type: 'string' },
  'ping-interval-ms': { type: 'string' },
  'no-world': { type: 'boolean' },
  'no-weekly-pause': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(): Promise<void> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: false; strict: true }>
  >;
  try {
    parsed = parseArgs({ options: OPTIONS, allowPositionals: false, strict: true });
  } catch (err) {
    fail((err as Error).message);
  }
  const v = parsed.values;
  if (v.help === true) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const port = int('port', v.port, 8080, 0, 65535);
  const seed = int('seed', v.seed, 1, 0, Number.MAX_SAFE_INTEGER);
  const pingIntervalMs = int('ping-interval-ms', v['ping-interval-ms'], 10_000, 1, 3_600_000);
  const speed = v.speed === undefined ? 1 : Number(v.speed);
  if (!/^\d+(\.\d+)?$/.test(v.speed ?? '1') || !(speed > 0)) fail('--speed must be a positive number');
  let startTimeMs: number | undefined;
  if (v.start !== undefined) {
    startTimeMs = Date.parse(v.start);
    if (Number.isNaN(startTimeMs)) fail('--start must be an ISO 8601 time such as 2026-03-13T13:30:00Z');
  }
  const keyType = (v['key-type'] ?? 'rsa') as SimKeyType;
  if (keyType !== 'rsa' && keyType !== 'ed25519') fail('--key-type must be rsa or ed25519');
  const tier = (v.tier ?? 'basic') as SimUsageTier;
  if (!(tier in TIER_LIMITS)) fail(`--tier must be one of ${Object.keys(TIER_LIMITS).join(', ')}`);
  const balance = v.balance ?? '1000';
  if (!/^\d+(\.\d{1,6})?$/.test(balance)) fail('--balance must be a dollar amount such as 1000 or 250.50');

  const sim = new KalshiSimulator({
    seed,
    speed,
    pingIntervalMs,
    defaultTier: tier,
    ...(startTimeMs === undefined ? {} : { startTimeMs }),
    ...(v['no-world'] === true ? { world: false as const } : {}),
    ...(v['no-weekly-pause'] === true ? { weeklyTradingPause: false } : {}),
  });
  const user = sim.createUser({ balanceDollars: balance, keyType });
  let address: Awaited<ReturnType<KalshiSimulator['start']>>;
  try {
    address = await sim.start({ port, host: v.host ?? '127.0.0.1' });
  } catch (err) {
    await sim.stop();
    fail(
      `could not listen on ${v.host ?? '127.0.0.1'}:${port} (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  const keyFile = resolve(v['key-file'] ?? join(tmpdir(), `kalshi-sim-${address.port}.pem`));
  writeFileSync(keyFile, user.privateKeyPem, { mode: 0o600 });

  process.stdout.write(
    [
      `kalshi-sim listening (seed ${seed}, speed ${speed}${sim.world === undefined ? ', no world' : ''})`,
      `  REST        ${address.restUrl}`,
      `  WebSocket   ${address.wsUrl}`,
      `  user id     ${user.userId}`,
      `  API key id  ${user.apiKeyId} (${keyType})`,
      `  private key ${keyFile} (mode 0600)`,
      '',
      'export these to point a client at the simulator:',
      `  export KALSHI_REST_URL=${address.restUrl}`,
      `  export KALSHI_WS_URL=${address.wsUrl}`,
      `  export KALSHI_API_KEY_ID=${user.apiKeyId}`,
      `  export KALSHI_PRIVATE_KEY_PATH=${keyFile}`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nkalshi-sim: ${signal}, stopping\n`);
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`kalshi-sim: error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`kalshi-sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
