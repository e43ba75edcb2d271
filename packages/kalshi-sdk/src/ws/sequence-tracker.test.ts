import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEQ_DUPLICATE, SEQ_GAP, SEQ_OK, SequenceTracker } from './sequence-tracker.js';

describe('SequenceTracker', () => {
  it('expects 1 first on an announced subscription', () => {
    const t = new SequenceTracker();
    t.start(5);
    expect(t.check(5, 2)).toBe(SEQ_GAP);
    expect(t.lastExpected).toBe(1);
  });

  it('takes the first number as baseline on an unannounced sid', () => {
    const t = new SequenceTracker();
    expect(t.check(3, 40)).toBe(SEQ_OK);
    expect(t.check(3, 41)).toBe(SEQ_OK);
  });

  it('classifies a repeat and a late frame as duplicates without moving the baseline', () => {
    const t = new SequenceTracker();
    t.start(1);
    t.check(1, 1);
    t.check(1, 2);
    expect(t.check(1, 2)).toBe(SEQ_DUPLICATE);
    expect(t.check(1, 1)).toBe(SEQ_DUPLICATE);
    expect(t.check(1, 3)).toBe(SEQ_OK);
  });

  it('keeps sids independent and forgets them on clear()', () => {
    const t = new SequenceTracker();
    t.start(1);
    t.start(2);
    expect(t.check(1, 1)).toBe(SEQ_OK);
    expect(t.check(2, 1)).toBe(SEQ_OK);
    t.clear();
    expect(t.last(1)).toBeUndefined();
  });

  it('property: every skipped number is reported exactly once as part of a gap, and nothing else is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 80 }), (seqs) => {
        const t = new SequenceTracker();
        t.start(1);
        let last = 0;
        let missing = 0;
        let dups = 0;
        for (const s of seqs) {
          const v = t.check(1, s);
          if (s <= last) {
            expect(v).toBe(SEQ_DUPLICATE);
            dups++;
          } else if (s === last + 1) {
            expect(v).toBe(SEQ_OK);
            last = s;
          } else {
            expect(v).toBe(SEQ_GAP);
            expect(t.lastExpected).toBe(last + 1);
            missing += s - last - 1;
            last = s;
          }
        }
        expect(t.last(1)).toBe(last);
        // Accepted frames + missing numbers account for every number up to the last one seen.
        expect(seqs.length - dups + missing).toBe(last);
      }),
    );
  });
});
