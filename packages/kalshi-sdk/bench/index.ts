/**
 * Benchmarks of @mnquants/kalshi-sdk: `npm run bench -w @mnquants/kalshi-sdk`.
 *
 * Each suite lives in its own file and exports a `run*Bench()` function; add new suites below.
 */
import { runWsBench } from './ws.js';

// WebSocket frame path (bench/ws.ts)
await runWsBench();

// REST / fixed-point suites: add here (e.g. `await runRestBench();`).
