/**
 * The standard normal distribution function.
 *
 * @module
 */

const LOG_SQRT_2PI = 0.9189385332046728;

/**
 * The standard normal cumulative distribution function Φ(x).
 *
 * @remarks Marsaglia's Taylor-series method (J. Stat. Software 11(4), 2004): absolute error
 * below 1e-15 everywhere. Returns exactly 0 below -38 and 1 above 38, and handles `±Infinity`.
 * @example
 * ```ts
 * normalCdf(1.96); // 0.9750021048517795
 * ```
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -38) return 0;
  if (x > 38) return 1;
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return Math.min(1, Math.max(0, 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI)));
}
