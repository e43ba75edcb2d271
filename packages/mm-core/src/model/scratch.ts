/**
 * Helpers for the hot path's reusable scratch arrays (internal, not exported from the package).
 *
 * @module
 */

/**
 * Empties an array while keeping its storage, so refilling it allocates nothing.
 *
 * @remarks `array.length = 0` makes V8 drop the backing store, and the next `push` allocates a
 * new one; popping keeps it.
 * @example
 * ```ts
 * clearArray(scratch);
 * ```
 */
export function clearArray(array: unknown[]): void {
  while (array.length > 0) array.pop();
}
