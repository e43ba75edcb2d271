import { KalshiBadRequestError, KalshiRateLimitError, KalshiTimeoutError } from '@mnquants/kalshi-sdk';
import { describe, expect, it } from 'vitest';
import { classifyKalshiError } from './kalshi-gateway.js';
import {
  parseDelta,
  parseLifecycle,
  parseSnapshot,
  parseUserOrder,
  parseWsFill,
  toCreateOrderRequest,
} from './parse.js';

describe('Kalshi wire conversions', () => {
  it('parses a snapshot with NO levels in NO terms and a missing side as empty', () => {
    const s = parseSnapshot({ market_ticker: 'M', market_id: 'x', no_dollars_fp: [['0.5400', '20.00']] }, 7);
    expect(s).toEqual({
      marketTicker: 'M',
      yes: [],
      no: [{ priceUnits: 5_400, countUnits: 2_000 }],
      tsMs: 7,
    });
  });

  it('parses a delta as a signed change', () => {
    const d = parseDelta(
      {
        market_ticker: 'M',
        market_id: 'x',
        price_dollars: '0.0800',
        delta_fp: '-54.00',
        side: 'yes',
        ts_ms: 5,
      },
      9,
    );
    expect(d).toEqual({
      marketTicker: 'M',
      outcome: 'yes',
      priceUnits: 800,
      deltaCountUnits: -5_400,
      tsMs: 5,
    });
  });

  it('rejects a malformed price loudly', () => {
    expect(() =>
      parseDelta(
        { market_ticker: 'M', market_id: 'x', price_dollars: '0.5x', delta_fp: '1.00', side: 'yes' },
        0,
      ),
    ).toThrow();
  });

  it('parses a fill with a sub-cent fee into micros', () => {
    const f = parseWsFill({
      trade_id: 't1',
      order_id: 'o1',
      market_ticker: 'M',
      exchange_index: 0,
      is_taker: false,
      outcome_side: 'no',
      book_side: 'ask',
      yes_price_dollars: '0.5600',
      count_fp: '3.00',
      fee_cost: '0.012345',
      post_position_fp: '-3.00',
      ts_ms: 11,
    });
    expect(f).toMatchObject({ side: 'ask', priceUnits: 5_600, countUnits: 300, feeMicros: 12_345, tsMs: 11 });
  });

  it('maps an unknown order status to not resting', () => {
    const o = parseUserOrder({
      order_id: 'o1',
      user_id: 'u',
      ticker: 'M',
      status: 'unknown',
      outcome_side: 'yes',
      book_side: 'bid',
      yes_price_dollars: '0.4000',
      fill_count_fp: '0.00',
      remaining_count_fp: '1.00',
      initial_count_fp: '1.00',
      taker_fill_cost_dollars: '0',
      maker_fill_cost_dollars: '0',
      taker_fees_dollars: '0',
      maker_fees_dollars: '0',
      client_order_id: 'c1',
      created_ts_ms: 1,
    });
    expect(o.status).toBe('canceled');
    expect(o.clientOrderId).toBe('c1');
  });

  it('maps settlement results to $1 / $0', () => {
    expect(
      parseLifecycle({ market_ticker: 'M', event_type: 'settled', result: 'yes' }, 1).settlementPriceUnits,
    ).toBe(10_000);
    expect(
      parseLifecycle({ market_ticker: 'M', event_type: 'deactivated', is_deactivated: false }, 1).kind,
    ).toBe('activated');
  });

  it('builds a V2 create body with exact fixed-point strings', () => {
    const body = toCreateOrderRequest({
      marketTicker: 'M',
      side: 'ask',
      priceUnits: 5_650,
      countUnits: 1_050,
      clientOrderId: 'c',
      postOnly: true,
      orderGroupId: 'g',
    });
    expect(body).toMatchObject({
      ticker: 'M',
      side: 'ask',
      price: '0.5650',
      count: '10.50',
      post_only: true,
      order_group_id: 'g',
      time_in_force: 'good_till_canceled',
    });
  });

  it('classifies SDK errors into gateway outcomes', () => {
    const opts = { method: 'POST', path: '/x', kalshiCode: 'invalid_order' };
    expect(classifyKalshiError(new KalshiRateLimitError('429', { ...opts, status: 429 })).kind).toBe(
      'RATE_LIMITED',
    );
    expect(classifyKalshiError(new KalshiBadRequestError('bad', { ...opts, status: 400 }))).toMatchObject({
      kind: 'REJECTED',
      code: 'invalid_order',
    });
    expect(classifyKalshiError(new KalshiTimeoutError('slow', 1_000)).kind).toBe('UNKNOWN');
  });
});
