/**
 * `@mnquants/mm-core/kalshi`: the Kalshi venue adapter (order gateway, market-data feed, wire
 * conversions) built on `@mnquants/kalshi-sdk`.
 *
 * @packageDocumentation
 */

export {
  type KalshiFeedSocket,
  KalshiMarketDataFeed,
  type KalshiMarketDataFeedConfig,
} from './adapters/kalshi/kalshi-feed.js';
export {
  classifyKalshiError,
  type KalshiGatewayClient,
  KalshiOrderGateway,
  type KalshiOrderGatewayConfig,
} from './adapters/kalshi/kalshi-gateway.js';
export {
  parseDelta,
  parseFill,
  parseLifecycle,
  parseOrder,
  parsePosition,
  parseSnapshot,
  parseTrade,
  parseUserOrder,
  parseWsFill,
  toCreateOrderRequest,
} from './adapters/kalshi/parse.js';
