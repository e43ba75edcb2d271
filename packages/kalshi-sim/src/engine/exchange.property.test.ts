import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { LINEAR_CENT_RANGES } from './types.js';

const T = 'KXP-26JAN02-T1';
const USERS = ['u0', 'u1', 'u2', 'u3'];

type Op =
  | {
      kind: 'create';
      user: number;
      side: 'bid' | 'ask';
      cents: number;
      count: number;
      tif: 0 | 1 | 2;
      stp: boolean;
      post: boolean;
      ro: boolean;
    }
  | { kind: 'cancel'; user: number; pick: number }
  | { kind: 'amend'; user: number; pick: number; cents: number; count: number }
  | { kind: 'decrease'; user: number; pick: number; by: number }
  | { kind: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      user: fc.nat(3),
      side: fc.constantFrom('bid' as const, 'ask' as const),
      cents: fc.integer({ min: 1, max: 99 }),
      count: fc.integer({ min: 1, max: 5_000 }),
      tif: fc.constantFrom(0 as const, 1 as const, 2 as const),
      stp: fc.boolean(),
      post: fc.boolean(),
      ro: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), user: fc.nat(3), pick: fc.nat(50) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('amend' as const),
      user: fc.nat(3),
      pick: fc.nat(50),
      cents: fc.integer({ min: 1, max: 99 }),
      count: fc.integer({ min: 1, max: 5_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('decrease' as const),
      user: fc.nat(3),
      pick: fc.nat(50),
      by: fc.integer({ min: 1, max: 3_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 10_000 }) }),
  },
);

function build(feeType: 'quadratic' | 'quadratic_with_maker_fees') {
  let now = 0;
  let id = 0;
  const ex = new Exchange({ now: () => now, newId: () => `id-${++id}` });
  ex.addSeries({
    ticker: 'KXP',
    title: '',
    category: '',
    frequency: 'daily',
    feeType,
    feeMultiplier: 1,
    tags: [],
    settlementSources: [],
    contractUrl: '',
    contractTermsUrl: '',
  });
  ex.addEvent({
    eventTicker: 'KXP-26JAN02',
    seriesTicker: 'KXP',
    title: '',
    subTitle: '',
    collateralReturnType: '',
    mutuallyExclusive: false,
  });
  ex.addMarket({
    ticker: T,
    eventTicker: 'KXP-26JAN02',
    title: '',
    subtitle: '',
    yesSubTitle: '',
    noSubTitle: '',
    rulesPrimary: '',
    rulesSecondary: '',
    strikeType: 'greater',
    openTimeMs: 0,
    closeTimeMs: 1e12,
    expectedExpirationTimeMs: 1e12,
    latestExpirationTimeMs: 1e12,
    settlementTimerSeconds: 1,
    priceLevelStructure: 'linear_cent',
    priceRanges: LINEAR_CENT_RANGES,
    canCloseEarly: false,
  });
  for (const u of USERS) ex.deposit(u, 200_000_000);
  return {
    ex,
    advance: (ms: number) => {
      now += ms;
      ex.tick();
    },
    close: () => {
      now = 1e12;
      ex.tick();
    },
  };
}

function run(
  ex: Exchange,
  advance: (ms: number) => void,
  op: Op,
  onFills: (side: 'bid' | 'ask', prices: number[]) => void,
) {
  const TIFS = ['good_till_canceled', 'immediate_or_cancel', 'fill_or_kill'] as const;
  if (op.kind === 'advance') return advance(op.ms);
  const user = USERS[op.user] as string;
  if (op.kind === 'create') {
    const r = ex.createOrder(user, {
      ticker: T,
      side: op.side,
      priceUnits: op.cents * 100,
      countUnits: op.count,
      timeInForce: TIFS[op.tif],
      selfTradePreventionType: op.stp ? 'maker' : 'taker_at_cross',
      postOnly: op.post,
      reduceOnly: op.ro,
    });
    if (r.ok)
      onFills(
        op.side,
        r.fills.map((f) => f.yesPriceUnits),
      );
    return;
  }
  const resting = ex.listOrders(user, { status: 'resting' });
  const o = resting[op.pick % Math.max(1, resting.length)];
  if (o === undefined) return;
  if (op.kind === 'cancel') ex.cancelOrder(user, o.orderId);
  else if (op.kind === 'decrease') ex.decreaseOrder(user, o.orderId, { reduceByUnits: op.by });
  else {
    const r = ex.amendOrder(user, o.orderId, {
      ticker: T,
      side: o.bookSide,
      priceUnits: op.cents * 100,
      countUnits: o.fillCountUnits + op.count,
    });
    if (r.ok)
      onFills(
        o.bookSide,
        r.fills.map((f) => f.yesPriceUnits),
      );
  }
}

function cashPlusEscrow(ex: Exchange): number {
  let cash = 0;
  for (const u of USERS) cash += ex.getBalance(u).cashMicros;
  return cash + (ex.getMarket(T)?.openInterestCountUnits ?? 0) * 10_000;
}

describe('Exchange invariants (property)', () => {
  it('never rests a crossed book, never over-fills, never has a negative level, and takes best prices first', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        const { ex, advance } = build('quadratic');
        for (const op of ops) {
          run(ex, advance, op, (side, prices) => {
            for (let i = 1; i < prices.length; i++) {
              const prev = prices[i - 1] as number;
              const cur = prices[i] as number;
              if (side === 'bid') expect(cur).toBeGreaterThanOrEqual(prev);
              else expect(cur).toBeLessThanOrEqual(prev);
            }
          });
          const top = ex.getTopOfBook(T)!;
          if (top.yesBidUnits > 0 && top.yesAskUnits < 10_000)
            expect(top.yesBidUnits).toBeLessThan(top.yesAskUnits);
          const book = ex.getOrderBook(T)!;
          for (const l of [...book.yes, ...book.no]) expect(l.countUnits).toBeGreaterThan(0);
        }
        for (const u of USERS) {
          for (const o of ex.listOrders(u)) {
            expect(o.fillCountUnits).toBeLessThanOrEqual(o.initialCountUnits);
            expect(o.fillCountUnits + o.remainingCountUnits).toBeLessThanOrEqual(o.initialCountUnits);
            expect(o.remainingCountUnits).toBeGreaterThanOrEqual(0);
          }
        }
        // The book equals the sum of resting orders.
        const restingTotal = USERS.flatMap((u) => ex.listOrders(u, { status: 'resting' })).reduce(
          (s, o) => s + o.remainingCountUnits,
          0,
        );
        const book = ex.getOrderBook(T)!;
        expect([...book.yes, ...book.no].reduce((s, l) => s + l.countUnits, 0)).toBe(restingTotal);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every resting reduce_only order within the position it closes, so none can flip it', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 40, maxLength: 160 }), (ops) => {
        const { ex, advance } = build('quadratic');
        for (const op of ops) {
          run(ex, advance, op, () => {});
          for (const u of USERS) {
            const position = ex.getPosition(u, T)?.positionUnits ?? 0;
            for (const o of ex.listOrders(u, { status: 'resting' })) {
              if (!o.reduceOnly) continue;
              const closable = o.outcomeSide === 'yes' ? Math.max(0, -position) : Math.max(0, position);
              expect(o.remainingCountUnits).toBeLessThanOrEqual(closable);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('conserves cash: cash + $1 x open interest = deposits - fees, and all cash after settlement', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 120 }),
        fc.constantFrom('quadratic' as const, 'quadratic_with_maker_fees' as const),
        fc.constantFrom('yes' as const, 'no' as const),
        (ops, feeType, result) => {
          const { ex, advance, close } = build(feeType);
          for (const op of ops) {
            run(ex, advance, op, () => {});
            expect(cashPlusEscrow(ex)).toBe(ex.depositsMicros - ex.feesCollectedMicros);
            // Positions net to zero across users (every YES has a NO).
            expect(USERS.reduce((s, u) => s + (ex.getPosition(u, T)?.positionUnits ?? 0), 0)).toBe(0);
          }
          close();
          ex.determineMarket(T, result);
          advance(1_000);
          expect(ex.getMarket(T)?.status).toBe('finalized');
          const cash = USERS.reduce((s, u) => s + ex.getBalance(u).cashMicros, 0);
          expect(cash).toBe(ex.depositsMicros - ex.feesCollectedMicros);
          for (const u of USERS) expect(ex.getBalance(u).restingOrderValueMicros).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
