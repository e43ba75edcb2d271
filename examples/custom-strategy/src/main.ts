import { pathToFileURL } from 'node:url';
import { formatCount, formatDollars, formatMicros, KalshiClient } from '@mnquants/kalshi-sdk';
import { KalshiSimulator } from '@mnquants/kalshi-sim';
import type { DesiredQuote, Strategy, StrategyContext, StrategyDecision } from '@mnquants/mm-core';
import { Engine } from '@mnquants/mm-core';
import { KalshiMarketDataFeed, KalshiOrderGateway } from '@mnquants/mm-core/kalshi';

/** Improves a wide (>= 3 cent) spread by a cent each side, up to 5 contracts; otherwise pulls its quotes. */
export class PennyInside implements Strategy {
  onBook(marketTicker: string, ctx: StrategyContext): StrategyDecision {
    const book = ctx.book(marketTicker);
    const position = ctx.position(marketTicker).positionCountUnits;
    const [bid, ask] = [book?.yesBid, book?.yesAsk];
    if (!book?.trusted || bid === undefined || ask === undefined || ask - bid < 300)
      return [{ marketTicker, quotes: [] }];
    const quotes: DesiredQuote[] = [];
    if (position < 500) quotes.push({ side: 'bid', priceUnits: bid + 100, countUnits: 100 });
    if (position > -500) quotes.push({ side: 'ask', priceUnits: ask - 100, countUnits: 100 });
    return [{ marketTicker, quotes }];
  }
}

/** Runs {@link PennyInside} on the simulator's S&P 500 ladder for `seconds`, then stops cleanly. */
export async function run(seconds: number, speed = 39) {
  const sim = new KalshiSimulator({ seed: 1, speed });
  const { restUrl, wsUrl } = await sim.start({ port: 0 });
  const me = sim.createUser({ balanceDollars: '1000' });
  const keys = { apiKeyId: me.apiKeyId, privateKey: me.privateKeyPem, useEnv: false };
  const client = new KalshiClient({ restUrl, wsUrl, ...keys });
  try {
    const { markets } = await client.markets.list({ series_ticker: 'KXINXU', status: 'open' });
    const engine = new Engine({
      markets: markets.map((m) => m.ticker),
      strategy: new PennyInside(),
      feed: new KalshiMarketDataFeed({ socket: client.createWebSocket() }),
      gateway: new KalshiOrderGateway({ client }),
      risk: { maxOrderCountUnits: 100, maxPositionCountUnits: 1_000, maxTotalExposureMicros: 100_000_000 },
    });
    let fills = 0;
    engine.on('orderFilled', (f, p) => {
      fills += 1;
      const what = `${f.side} ${formatCount(f.countUnits)} @ $${formatDollars(f.priceUnits)}`;
      console.log(`fill ${f.marketTicker} ${what} -> position ${formatCount(p.positionCountUnits)}`);
    });
    await engine.start();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const clean = await engine.stop(); // pulls quotes, cancels, verifies nothing rests
    const net = engine.context.pnl().netPnlMicros;
    const resting = sim.exchange.listOrders(me.userId, { status: 'resting' }).length; // exchange's view
    console.log(`${fills} fills, net P&L $${formatMicros(net)}, clean stop: ${clean}, resting: ${resting}`);
    return { fills, clean, resting, markets: markets.length, netPnlMicros: net };
  } finally {
    client.close();
    await sim.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run(Number(process.argv[2] ?? 30));
