#!/usr/bin/env node
// Consumer smoke test: packs the published packages, installs the tarballs into a fresh temporary
// project, then imports (ESM) and requires (CJS) them and runs a user-written Strategy against the
// simulator for a few seconds. Needs `npm run build` first. Exits non-zero on any failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const packages = ['kalshi-sdk', 'kalshi-sim', 'mm-core'];
const work = mkdtempSync(join(tmpdir(), 'mnquants-consumer-'));
const keep = process.env.KEEP_CONSUMER_DIR === '1';
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const log = (msg) => process.stdout.write(`consumer-smoke: ${msg}\n`);

try {
  for (const p of packages) {
    const pj = JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8'));
    for (const f of [pj.exports['.'].import.default, pj.exports['.'].require.default]) {
      try {
        readFileSync(join(root, 'packages', p, f));
      } catch {
        throw new Error(`packages/${p}/${f} is missing: run \`npm run build\` first`);
      }
    }
  }
  const tarballs = packages.map((p) =>
    join(
      work,
      run('npm', ['pack', '--silent', '--pack-destination', work], join(root, 'packages', p))
        .trim()
        .split('\n')
        .pop(),
    ),
  );
  log(`packed ${tarballs.map((t) => t.split('/').pop()).join(', ')}`);

  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer-app', private: true, version: '0.0.0' }, null, 2),
  );
  run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...tarballs],
    app,
  );
  log('installed the tarballs into a fresh project');

  writeFileSync(
    join(app, 'require.cjs'),
    `const sdk = require('@mnquants/kalshi-sdk');
const sim = require('@mnquants/kalshi-sim');
const core = require('@mnquants/mm-core');
const kalshi = require('@mnquants/mm-core/kalshi');
const need = { sdk: ['KalshiClient', 'KalshiWebSocket', 'parseDollars'], sim: ['KalshiSimulator'], core: ['Engine', 'OrderBook', 'NyseCalendar'], kalshi: ['KalshiOrderGateway', 'KalshiMarketDataFeed'] };
const mods = { sdk, sim, core, kalshi };
for (const [m, names] of Object.entries(need)) for (const n of names) if (typeof mods[m][n] !== 'function') throw new Error('require: ' + m + '.' + n + ' missing');
if (sdk.parseDollars('0.56') !== 5600) throw new Error('require: parseDollars wrong');
console.log('require ok');
`,
  );
  run('node', ['require.cjs'], app);
  log('require() of every package works');

  writeFileSync(
    join(app, 'strategy.mjs'),
    `import { KalshiClient } from '@mnquants/kalshi-sdk';
import { KalshiSimulator } from '@mnquants/kalshi-sim';
import { Engine } from '@mnquants/mm-core';
import { KalshiMarketDataFeed, KalshiOrderGateway } from '@mnquants/mm-core/kalshi';

/** A user's strategy: one contract a cent inside a wide spread. */
class InsideSpread {
  onBook(marketTicker, ctx) {
    const book = ctx.book(marketTicker);
    if (!book?.trusted || book.yesBid === undefined || book.yesAsk === undefined || book.yesAsk - book.yesBid < 300) {
      return [{ marketTicker, quotes: [] }];
    }
    return [{ marketTicker, quotes: [
      { side: 'bid', priceUnits: book.yesBid + 100, countUnits: 100 },
      { side: 'ask', priceUnits: book.yesAsk - 100, countUnits: 100 },
    ] }];
  }
}

const sim = new KalshiSimulator({ seed: 7, speed: 39 });
const { restUrl, wsUrl } = await sim.start({ port: 0 });
const me = sim.createUser({ balanceDollars: '1000' });
const client = new KalshiClient({ restUrl, wsUrl, apiKeyId: me.apiKeyId, privateKey: me.privateKeyPem, useEnv: false });
let placed = 0;
try {
  const { markets } = await client.markets.list({ series_ticker: 'KXINXU', status: 'open' });
  if (markets.length === 0) throw new Error('the simulator listed no open markets');
  const engine = new Engine({
    markets: markets.map((m) => m.ticker),
    strategy: new InsideSpread(),
    feed: new KalshiMarketDataFeed({ socket: client.createWebSocket() }),
    gateway: new KalshiOrderGateway({ client }),
    risk: { maxOrderCountUnits: 100, maxPositionCountUnits: 1_000, maxTotalExposureMicros: 100_000_000 },
  });
  engine.on('orderPlaced', () => { placed += 1; });
  await engine.start();
  await new Promise((r) => setTimeout(r, 3_000));
  const clean = await engine.stop();
  const resting = (await client.orders.list({ status: 'resting' })).orders.length;
  if (placed === 0) throw new Error('the strategy placed no order');
  if (!clean || resting !== 0) throw new Error('orders left resting after stop: ' + resting);
  console.log('esm strategy ok: placed ' + placed + ' orders, none left resting');
} finally {
  await sim.stop();
}
`,
  );
  process.stdout.write(run('node', ['strategy.mjs'], app));
  log('import + a user Strategy against the simulator works');
  log('passed');
} finally {
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
