import type { ExchangeEvents, TopOfBook } from '../engine/types.js';
import type { ExchangePort } from './exchange-port.js';
import * as wire from './wire.js';
import type { SimWsServer } from './ws-server.js';

/** The subscription surface of an eventemitter3 emitter typed with {@link ExchangeEvents}. @internal */
export interface ExchangeEventSource {
  on<K extends keyof ExchangeEvents>(event: K, fn: (...args: ExchangeEvents[K]) => void): unknown;
  off<K extends keyof ExchangeEvents>(event: K, fn: (...args: ExchangeEvents[K]) => void): unknown;
}

/**
 * Turns engine events into WebSocket messages (orderbook deltas, ticker, trade, fill,
 * user_order, market_position, order group and lifecycle updates).
 *
 * @returns A function that detaches every listener.
 * @internal
 */
export function bridgeExchangeEvents(
  source: ExchangeEventSource,
  exchange: ExchangePort,
  ws: SimWsServer,
  nowMs: () => number,
): () => void {
  const lastTicker = new Map<string, string>();
  const refreshTicker = (ticker: string, force: boolean): void => {
    const m = exchange.getMarket(ticker);
    if (m === undefined) return;
    const top: TopOfBook = exchange.topOfBook(ticker);
    const key = `${top.yesBidUnits}/${top.yesBidCountUnits}/${top.yesAskUnits}/${top.yesAskCountUnits}/${m.lastPriceUnits}/${m.volumeCountUnits}`;
    if (!force && lastTicker.get(ticker) === key) return;
    lastTicker.set(ticker, key);
    ws.publish('ticker', 'ticker', wire.wsTicker(m, top, nowMs()), ticker);
  };

  const handlers: { [K in keyof ExchangeEvents]: (...args: ExchangeEvents[K]) => void } = {
    bookChanged: (e) => {
      ws.publishBookDelta(e.ticker, e.marketId, e.side, e.priceUnits, e.deltaUnits, {
        userId: e.userId,
        clientOrderId: e.clientOrderId === '' ? undefined : e.clientOrderId,
      });
      refreshTicker(e.ticker, false);
    },
    tradeExecuted: ({ trade }) => {
      ws.publish('trade', 'trade', wire.wsTrade(trade), trade.ticker);
      refreshTicker(trade.ticker, false);
    },
    orderFilled: ({ fill }) => ws.publish('fill', 'fill', wire.wsFill(fill), fill.ticker, fill.userId),
    orderUpdated: ({ order }) =>
      ws.publish('user_orders', 'user_order', wire.userOrder(order), order.ticker, order.userId),
    positionUpdated: ({ position }) =>
      ws.publish(
        'market_positions',
        'market_position',
        wire.wsPosition(position),
        position.ticker,
        position.userId,
      ),
    balanceUpdated: () => {},
    orderGroupUpdated: (e) => {
      const msg: Record<string, unknown> = {
        event_type: e.eventType,
        order_group_id: e.orderGroupId,
        ts_ms: e.tsMs,
      };
      if (e.contractsLimitUnits !== undefined) msg.contracts_limit_fp = wire.count(e.contractsLimitUnits);
      ws.publish('order_group_updates', 'order_group_updates', msg, undefined, e.userId);
    },
    marketLifecycle: (e) =>
      ws.publish(
        'market_lifecycle_v2',
        'market_lifecycle_v2',
        wire.marketLifecycle(e.eventType, e.market, e.tsMs),
        e.ticker,
      ),
    eventLifecycle: (e) => ws.publish('market_lifecycle_v2', 'event_lifecycle', wire.eventLifecycle(e.event)),
    exchangeStatusChanged: () => {},
  };
  const names = Object.keys(handlers) as (keyof ExchangeEvents)[];
  for (const name of names) source.on(name, handlers[name] as never);
  return () => {
    for (const name of names) source.off(name, handlers[name] as never);
  };
}
