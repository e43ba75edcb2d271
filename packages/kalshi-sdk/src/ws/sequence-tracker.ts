/**
 * Per-subscription (`sid`) sequence tracking. Internal: not exported from the package.
 *
 * @module
 */

/** The message is the next one expected (or the first seen on this sid). */
export const SEQ_OK = 0;
/** One or more messages were skipped: `seq > last + 1`. */
export const SEQ_GAP = 1;
/** A repeat or a late (reordered) message: `seq <= last`. */
export const SEQ_DUPLICATE = 2;

/** Outcome of {@link SequenceTracker.check}. */
export type SeqVerdict = typeof SEQ_OK | typeof SEQ_GAP | typeof SEQ_DUPLICATE;

/**
 * Tracks the last sequence number seen on each `sid` and classifies every new one.
 *
 * @remarks A gap moves the baseline to the received number (the stream continues from there);
 * a duplicate leaves it untouched. A sid never seen before takes its first number as the
 * baseline, unless {@link SequenceTracker.start} announced it (then the first expected is 1).
 */
export class SequenceTracker {
  readonly #last = new Map<number, number>();
  /** The number that was expected when the last gap was reported. */
  lastExpected = 0;

  /** Announces a fresh subscription whose first message must carry `seq` 1. */
  start(sid: number): void {
    this.#last.set(sid, 0);
  }

  /** Forgets a subscription. */
  delete(sid: number): void {
    this.#last.delete(sid);
  }

  /** Forgets every subscription (sequence state never survives a reconnect). */
  clear(): void {
    this.#last.clear();
  }

  /** The last accepted sequence number of `sid`, if any. */
  last(sid: number): number | undefined {
    return this.#last.get(sid);
  }

  /** Classifies `seq` on `sid` and advances the baseline unless it is a duplicate. */
  check(sid: number, seq: number): SeqVerdict {
    const last = this.#last.get(sid);
    if (last === undefined || seq === last + 1) {
      this.#last.set(sid, seq);
      return SEQ_OK;
    }
    if (seq <= last) return SEQ_DUPLICATE;
    this.lastExpected = last + 1;
    this.#last.set(sid, seq);
    return SEQ_GAP;
  }
}
