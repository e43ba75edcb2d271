/**
 * Benchmarks of @mnquants/kalshi-sdk: `npm run bench -w @mnquants/kalshi-sdk`.
 *
 * Each suite lives in its own file and exports a `run*Bench()` function; add new suites below.
 * `BENCH_ONLY=ws` or `BENCH_ONLY=rest` runs a single suite.
 */
import { runRestBench } from './rest.js';
import { runWsBench } from './ws.js';

const only = process.env.BENCH_ONLY;

// WebSocket frame path (bench/ws.ts)
if (only === undefined || only === 'ws') await runWsBench();

// REST: signing and authenticated GETs vs kalshi-typescript (bench/rest.ts)
if (only === undefined || only === 'rest') await runRestBench();
