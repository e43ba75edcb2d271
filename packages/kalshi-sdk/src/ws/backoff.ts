/**
 * Reconnect delays: exponential backoff with full jitter. Internal.
 *
 * @module
 */

/**
 * Delay before reconnect attempt `attempt` (1-based): uniform in `[0, min(cap, base * 2^(attempt-1)))`.
 *
 * @param attempt - 1 for the first retry.
 * @param baseMs - Ceiling of the first attempt's delay.
 * @param capMs - Largest ceiling.
 * @param random - Uniform source in `[0, 1)`.
 */
export function backoffDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30));
  const r = random();
  const unit = r >= 0 && r < 1 ? r : 0;
  return Math.floor(unit * exp);
}
