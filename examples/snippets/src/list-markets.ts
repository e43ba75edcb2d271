/**
 * Lists the open markets of a series with their best bid and ask.
 *
 * Env: KALSHI_REST_URL (optional, e.g. the simulator), KALSHI_ENV (demo | production, default demo),
 * SERIES (default KXINXU). No credentials needed.
 */
import { formatDollars, KalshiClient, parseDollars } from '@mnquants/kalshi-sdk';

const env = process.env.KALSHI_ENV === 'production' ? 'production' : 'demo';
const restUrl = process.env.KALSHI_REST_URL;
const client = new KalshiClient(restUrl !== undefined ? { restUrl } : { environment: env });
const series = process.env.SERIES ?? 'KXINXU';

let n = 0;
for await (const m of client.markets.iterate({ series_ticker: series, status: 'open', limit: 200 })) {
  const bid = parseDollars(m.yes_bid_dollars);
  const ask = parseDollars(m.yes_ask_dollars);
  console.log(
    `${m.ticker.padEnd(40)} bid ${formatDollars(bid)}  ask ${formatDollars(ask)}  ${m.yes_sub_title}`,
  );
  if (++n >= 50) break;
}
console.log(`${n} market(s) shown for ${series}`);
