/**
 * Prints the order book of one market: YES bids, NO bids and the implied asks.
 *
 * Env: TICKER (required), KALSHI_REST_URL or KALSHI_ENV; credentials optional
 * (KALSHI_API_KEY_ID + KALSHI_PRIVATE_KEY[_PATH]); the book is signed when they are set.
 */
import {
  complementPrice,
  formatCount,
  formatDollars,
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

const { orderbook_fp: book } = await client.markets.orderbook(ticker, { depth: 10 });
const show = (label: string, levels: [string, string][]) => {
  console.log(label);
  for (const [price, count] of [...levels].reverse()) {
    console.log(`  ${formatDollars(parseDollars(price))}  x ${formatCount(parseCount(count))}`);
  }
};
show('YES bids (best first)', book.yes_dollars);
show('NO bids (best first)', book.no_dollars);
const bestNo = book.no_dollars.at(-1);
const bestYes = book.yes_dollars.at(-1);
if (bestNo !== undefined)
  console.log(`implied YES ask ${formatDollars(complementPrice(parseDollars(bestNo[0])))}`);
if (bestYes !== undefined)
  console.log(`implied NO ask ${formatDollars(complementPrice(parseDollars(bestYes[0])))}`);
