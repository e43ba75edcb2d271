/** `npm run bench -w @mnquants/mm-core`: prints the core's figures. */
import { benchBook } from './book.js';
import { benchEngineTurn } from './engine-turn.js';
import { benchMarkToMarket } from './mark-to-market.js';
import { benchTickToOrder } from './tick-to-order.js';

console.log('# @mnquants/mm-core benchmarks');
console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log('## OrderBook');
for (const [k, v] of Object.entries(benchBook())) console.log(`${k.padEnd(48)} ${v}`);
console.log('\n## Risk');
for (const [k, v] of Object.entries(benchMarkToMarket())) console.log(`${k.padEnd(48)} ${v}`);
console.log('\n## Engine turn in process (fake feed, instant gateway)');
for (const [k, v] of Object.entries(await benchEngineTurn())) console.log(`${k.padEnd(48)} ${v}`);
const events = Number(process.env.MM_BENCH_EVENTS ?? 10_000);
console.log(`\n## Tick-to-order against @mnquants/kalshi-sim on loopback (${events} events)`);
for (const [k, v] of Object.entries(await benchTickToOrder(events))) console.log(`${k.padEnd(48)} ${v}`);
