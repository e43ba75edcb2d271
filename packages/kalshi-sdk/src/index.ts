export {
  type KalshiAuthHeaders,
  type KalshiKeyType,
  KalshiSigner,
  type KalshiSignerOptions,
  parsePrivateKey,
} from './auth/signer.js';
export { KALSHI_ENVIRONMENTS, type KalshiEndpoints, type KalshiEnvironment } from './environments.js';
export {
  isKalshiError,
  KalshiConfigurationError,
  KalshiError,
  type KalshiErrorCode,
  type KalshiErrorOptions,
  KalshiKeyError,
  KalshiNumberError,
} from './errors.js';
export {
  COUNT_SCALE,
  type CountUnits,
  centsToPriceUnits,
  complementPrice,
  formatCount,
  formatDollars,
  formatMicros,
  MICROS_PER_DOLLAR,
  type Micros,
  notionalMicros,
  PRICE_SCALE,
  type PriceUnits,
  parseCount,
  parseDollars,
  parseMicros,
  parseSignedCount,
  parseSignedDollars,
} from './fixed-point.js';
