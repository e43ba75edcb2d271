/**
 * Cursor pagination shared by every list endpoint.
 *
 * @internal
 * @module
 */
import { KalshiInvalidResponseError } from '../errors.js';

/** Iterates the items of every page, following the cursor until it is empty. */
export async function* paginate<R, T>(
  what: string,
  first: string | undefined,
  fetchPage: (cursor: string | undefined) => Promise<R>,
  items: (page: R) => readonly T[] | null | undefined,
  next: (page: R) => string | null | undefined,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor = first;
  for (;;) {
    const page = await fetchPage(cursor);
    const list = items(page);
    if (list != null) yield* list;
    const n = next(page);
    if (n == null || n === '') return;
    if (seen.has(n)) {
      throw new KalshiInvalidResponseError(`${what}: the server repeated a pagination cursor; stopping`, 200);
    }
    seen.add(n);
    cursor = n;
  }
}
