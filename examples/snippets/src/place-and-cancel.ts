/**
 * Places a small post-only YES bid well below the market, then cancels it.
 *
 * Env: TICKER (required), KALSHI_API_KEY_ID + KALSHI_PRIVATE_KEY or KALSHI_PRIVATE_KEY_PATH
 * (required), KALSHI_REST_URL or KALSHI_ENV (default demo; production must be explicit),
 * PRICE (dollars, default 0.01), COUNT (contracts, default 1).
 */
import { randomUUID } from 'node:crypto';
import {
  formatCount,
  formatDollars,
  isKalshiApiError,
  KalshiClient,
  parseCount,
  parseDollars,
} from '@mnquants/kalshi-sdk';

const ticker = process.env.TICKER;
if (ticker === undefined || ticker === '') {
  console.error('set TICKER to a market ticker');
  process.exit(2);
}
const restUrl = process.env.KALSHI_REST_URL;
const client = new KalshiClient(
  restUrl !== undefined
    ? { restUrl }
    : { environment: process.env.KALSHI_ENV === 'production' ? 'production' : 'demo' },
);
if (!client.authenticated) {
  console.error('set KALSHI_API_KEY_ID and KALSHI_PRIVATE_KEY (or KALSHI_PRIVATE_KEY_PATH)');
  process.exit(2);
}

// Validate and normalize at the boundary: exact fixed-point, never floats.
const price = formatDollars(parseDollars(process.env.PRICE ?? '0.01'));
const count = formatCount(parseCount(process.env.COUNT ?? '1'));

try {
  const placed = await client.orders.create({
    ticker,
    side: 'bid',
    count,
    price,
    time_in_force: 'good_till_canceled',
    self_trade_prevention_type: 'taker_at_cross',
    post_only: true,
    client_order_id: randomUUID(),
  });
  console.log(`placed ${placed.order_id}: ${placed.remaining_count} resting, ${placed.fill_count} filled`);
  const canceled = await client.orders.cancel(placed.order_id, { market_ticker: ticker });
  console.log(`canceled ${canceled.order_id}: reduced by ${canceled.reduced_by}`);
} catch (err) {
  if (isKalshiApiError(err))
    console.error(`Kalshi said ${err.status} ${err.kalshiCode ?? ''}: ${err.message}`);
  else throw err;
  process.exitCode = 1;
} finally {
  client.close();
}
