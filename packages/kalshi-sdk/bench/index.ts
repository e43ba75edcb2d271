/**
 * REST benchmarks: (a) signing throughput of KalshiSigner vs bare crypto.sign with a cached
 * KeyObject; (b) authenticated GETs per second against a local node:http server, ours vs the
 * official kalshi-typescript client, same key and server.
 */
import { constants, generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Configuration, PortfolioApi } from 'kalshi-typescript';
import { KalshiClient, KalshiSigner } from '../src/index.js';

const DURATION_MS = Number(process.env.BENCH_MS ?? 2000);

async function rate(name: string, fn: () => unknown, concurrency = 1): Promise<number> {
  const end = performance.now() + DURATION_MS;
  let n = 0;
  const worker = async () => {
    while (performance.now() < end) {
      await fn();
      n++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const perSec = (n * 1000) / (performance.now() - start);
  console.log(`${name.padEnd(48)} ${perSec.toFixed(0).padStart(8)} ops/s`);
  return perSec;
}

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

console.log('\n(b) authenticated GET /portfolio/balance on local node:http');
const body = JSON.stringify({ balance: 100000, portfolio_value: 0, updated_ts: 1 });
const server = createServer((req, res) => {
  if (!req.headers['kalshi-access-signature']) res.statusCode = 401;
  res.setHeader('content-type', 'application/json');
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/v2`;
const client = new KalshiClient({
  restUrl: base,
  apiKeyId: 'bench',
  privateKey: pem,
  rateLimit: false,
  useEnv: false,
});
const official = new PortfolioApi(new Configuration({ apiKey: 'bench', privateKeyPem: pem, basePath: base }));
const C = Number(process.env.BENCH_CONCURRENCY ?? 8);
await client.portfolio.balance();
await official.getBalance();
const o = await rate(`@mnquants/kalshi-sdk (concurrency ${C})`, () => client.portfolio.balance(), C);
const k = await rate(`kalshi-typescript (concurrency ${C})`, () => official.getBalance(), C);
console.log(`ratio ours / kalshi-typescript = ${(o / k).toFixed(2)}x (goal >= 2x)`);
server.closeAllConnections();
server.close();
