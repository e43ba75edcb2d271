/**
 * REST benchmarks: (a) signing throughput of KalshiSigner vs bare crypto.sign with a cached
 * KeyObject; (b) authenticated GETs per second against a local node:http server, ours vs the
 * official kalshi-typescript client, same key and server, interleaved round by round.
 *
 * Run: npm run bench -w @mnquants/kalshi-sdk   (or: node --conditions=@mnquants/source --import tsx bench/rest.ts)
 * Env: BENCH_MS (per measurement, default 2000), BENCH_ROUNDS (default 3), BENCH_CONCURRENCY
 * (default 8), BENCH_WARMUP_MS (default 1000), BENCH_ED25519=0 to skip the Ed25519 run.
 */
import { constants, createSign, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Configuration, PortfolioApi } from 'kalshi-typescript';
import { KalshiClient, KalshiSigner } from '../src/index.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 2000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);

/** Calls `fn` from `concurrency` loops for `durationMs`; returns calls per second. */
async function run(fn: () => unknown, concurrency: number, durationMs: number): Promise<number> {
  const end = performance.now() + durationMs;
  let n = 0;
  const worker = async () => {
    while (performance.now() < end) {
      await fn();
      n++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (n * 1000) / (performance.now() - start);
}

async function rate(name: string, fn: () => unknown, concurrency = 1): Promise<number> {
  const perSec = await run(fn, concurrency, DURATION_MS);
  console.log(`${name.padEnd(48)} ${perSec.toFixed(0).padStart(8)} ops/s`);
  return perSec;
}

/** Runs the REST suites and prints their figures. */
export async function runRestBench(): Promise<void> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  const path = '/trade-api/v2/portfolio/balance';

  console.log('(a) signing, RSA-2048 PSS');
  const signer = new KalshiSigner({ apiKeyId: 'bench', privateKey: pem });
  const bare = await rate('bare crypto.sign (cached KeyObject)', () =>
    sign('sha256', Buffer.from(`${Date.now()}GET${path}`), {
      key: privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    }),
  );
  const ours = await rate('KalshiSigner.headers()', () => signer.headers('GET', path));
  console.log(`ratio KalshiSigner / bare = ${((ours / bare) * 100).toFixed(1)}% (goal >= 90%)`);
  // What kalshi-typescript does per request: createSign + the PEM string (parsed on every call).
  const theirs = await rate('kalshi-typescript style (createSign, PEM per call)', () => {
    const s = createSign('RSA-SHA256');
    s.update(`${Date.now()}GET${path}`);
    s.end();
    return s.sign({
      key: pem,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    });
  });

  console.log('\n(b) authenticated GET /portfolio/balance on local node:http');
  const body = JSON.stringify({ balance: 100000, portfolio_value: 0, updated_ts: 1 });
  const server = createServer((req, res) => {
    if (!req.headers['kalshi-access-signature']) res.statusCode = 401;
    res.setHeader('content-type', 'application/json');
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
  const C = Number(process.env.BENCH_CONCURRENCY ?? 8);
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

  /**
   * Ours vs kalshi-typescript with one key, interleaved round by round so that load from other
   * processes hits both sides alike; the ratio reported is the median of the per-round ratios.
   */
  async function compare(label: string, keyPem: string, withOfficial: boolean): Promise<void> {
    const client = new KalshiClient({
      restUrl: base,
      apiKeyId: 'bench',
      privateKey: keyPem,
      rateLimit: false,
      useEnv: false,
    });
    // Same transport with the client-side token buckets on (budgets too large to ever wait), to
    // show the bookkeeping cost.
    const limited = new KalshiClient({
      restUrl: base,
      apiKeyId: 'bench',
      privateKey: keyPem,
      rateLimit: {
        read: { refillPerSecond: 1e9, capacity: 1e9 },
        write: { refillPerSecond: 1e9, capacity: 1e9 },
      },
      useEnv: false,
    });
    const official = new PortfolioApi(
      new Configuration({ apiKey: 'bench', privateKeyPem: keyPem, basePath: base }),
    );
    // Warm up every side at the measured concurrency (JIT, one keep-alive socket per worker)
    // before anything is measured.
    await run(() => client.portfolio.balance(), C, WARMUP_MS);
    await run(() => limited.portfolio.balance(), C, WARMUP_MS);
    if (withOfficial) await run(() => official.getBalance(), C, WARMUP_MS);
    const ratios: number[] = [];
    const ratiosLimited: number[] = [];
    const ratiosNoSign: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`${label}, round ${round}/${ROUNDS}, concurrency ${C}`);
      const o = await rate('  @mnquants/kalshi-sdk', () => client.portfolio.balance(), C);
      const l = await rate('  @mnquants/kalshi-sdk, rate limiter on', () => limited.portfolio.balance(), C);
      if (!withOfficial) continue;
      const k = await rate('  kalshi-typescript', () => official.getBalance(), C);
      ratios.push(o / k);
      ratiosLimited.push(l / k);
      // CPU per request minus the signing CPU measured in (a): what each transport costs by itself.
      const oUs = 1e6 / o - 1e6 / ours;
      const kUs = 1e6 / k - 1e6 / theirs;
      console.log(
        `  per request without signing: ours ${oUs.toFixed(0)} us, kalshi-typescript ${kUs.toFixed(0)} us`,
      );
      ratiosNoSign.push(kUs / oUs);
    }
    if (withOfficial) {
      console.log(
        `${label}: ratio ours / kalshi-typescript, median of ${ROUNDS} rounds = ${median(ratios).toFixed(2)}x ` +
          `(rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}; rate limiter on: ${median(ratiosLimited).toFixed(2)}x; ` +
          `signing time taken out: ${median(ratiosNoSign).toFixed(2)}x) (goal >= 2x)`,
      );
    }
    client.close();
    limited.close();
  }

  await compare('RSA-2048', pem, true);
  if (process.env.BENCH_ED25519 !== '0') {
    // Ed25519 signs far faster than RSA-2048, so this run shows our transport without signing
    // dominating. kalshi-typescript signs with createSign('RSA-SHA256') and cannot use Ed25519 keys.
    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    console.log('');
    await compare('Ed25519 (ours only)', ed, false);
  }
  server.closeAllConnections();
  server.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await runRestBench();
