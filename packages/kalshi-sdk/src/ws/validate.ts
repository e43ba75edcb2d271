/**
 * Cheap structural checks of the few required fields of each server message. Internal.
 *
 * @remarks Only what the client relies on is checked (ids, tickers, the fields of a delta a book
 * needs); everything else passes through untouched. A validator returns `undefined` when the
 * message is usable, otherwise a short reason.
 *
 * @module
 */

type Obj = Record<string, unknown>;
type Validator = (m: Obj) => string | undefined;

function msgOf(m: Obj): Obj | undefined {
  const msg = m.msg;
  return typeof msg === 'object' && msg !== null && !Array.isArray(msg) ? (msg as Obj) : undefined;
}

function isLevels(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const level of value) {
    if (!Array.isArray(level) || typeof level[0] !== 'string' || typeof level[1] !== 'string') return false;
  }
  return true;
}

/** A channel message needs a numeric `sid` and an object `msg`, and `seq` (if any) must be a number. */
function envelope(m: Obj, seqRequired: boolean): Obj | string {
  if (typeof m.sid !== 'number') return 'sid is missing or not a number';
  if (seqRequired ? typeof m.seq !== 'number' : m.seq !== undefined && typeof m.seq !== 'number') {
    return 'seq is missing or not a number';
  }
  return msgOf(m) ?? 'msg is missing or not an object';
}

function requireStrings(fields: readonly string[], seqRequired = false): Validator {
  return (m) => {
    const msg = envelope(m, seqRequired);
    if (typeof msg === 'string') return msg;
    for (const f of fields) if (typeof msg[f] !== 'string') return `msg.${f} is missing or not a string`;
    return undefined;
  };
}

/** Validator of `orderbook_delta`, exported for the client's hot path. */
export const validateOrderbookDelta: Validator = (m) => {
  const msg = envelope(m, true);
  if (typeof msg === 'string') return msg;
  if (typeof msg.market_ticker !== 'string') return 'msg.market_ticker is missing or not a string';
  if (typeof msg.price_dollars !== 'string') return 'msg.price_dollars is missing or not a string';
  if (typeof msg.delta_fp !== 'string') return 'msg.delta_fp is missing or not a string';
  if (msg.side !== 'yes' && msg.side !== 'no') return 'msg.side is not "yes" or "no"';
  return undefined;
};

const orderbookSnapshot: Validator = (m) => {
  const msg = envelope(m, true);
  if (typeof msg === 'string') return msg;
  if (typeof msg.market_ticker !== 'string') return 'msg.market_ticker is missing or not a string';
  if (!isLevels(msg.yes_dollars_fp)) return 'msg.yes_dollars_fp is not an array of [price, count] strings';
  if (!isLevels(msg.no_dollars_fp)) return 'msg.no_dollars_fp is not an array of [price, count] strings';
  return undefined;
};

const subscribed: Validator = (m) => {
  const msg = msgOf(m);
  if (msg === undefined) return 'msg is missing or not an object';
  if (typeof msg.channel !== 'string') return 'msg.channel is missing or not a string';
  if (typeof msg.sid !== 'number') return 'msg.sid is missing or not a number';
  return undefined;
};

const unsubscribed: Validator = (m) =>
  typeof m.sid === 'number' ? undefined : 'sid is missing or not a number';

const ok: Validator = (m) =>
  m.msg === undefined || (typeof m.msg === 'object' && m.msg !== null)
    ? undefined
    : 'msg is not an object or array';

const error: Validator = (m) => {
  const msg = msgOf(m);
  if (msg === undefined) return 'msg is missing or not an object';
  if (typeof msg.code !== 'number') return 'msg.code is missing or not a number';
  return undefined;
};

/** Validator of every known message type. */
export const VALIDATORS: Readonly<Record<string, Validator | undefined>> = Object.assign(
  Object.create(null) as Record<string, Validator>,
  {
    orderbook_snapshot: orderbookSnapshot,
    orderbook_delta: validateOrderbookDelta,
    ticker: requireStrings(['market_ticker']),
    trade: requireStrings(['trade_id', 'market_ticker']),
    fill: requireStrings(['trade_id', 'order_id', 'market_ticker']),
    market_position: requireStrings(['market_ticker']),
    user_order: requireStrings(['order_id', 'ticker']),
    order_group_updates: requireStrings(['order_group_id', 'event_type']),
    market_lifecycle_v2: requireStrings(['market_ticker', 'event_type']),
    multivariate_market_lifecycle: requireStrings(['market_ticker', 'event_type']),
    event_lifecycle: requireStrings(['event_ticker']),
    event_fee_update: requireStrings(['event_ticker']),
    rfq_created: requireStrings(['id', 'market_ticker']),
    rfq_deleted: requireStrings(['id', 'market_ticker']),
    quote_created: requireStrings(['quote_id', 'rfq_id']),
    quote_accepted: requireStrings(['quote_id', 'rfq_id']),
    quote_executed: requireStrings(['quote_id', 'rfq_id']),
    subscribed,
    unsubscribed,
    ok,
    error,
  },
);

/** True for reply types (routed to pending commands rather than emitted as data). */
export function isReplyType(type: string): boolean {
  return type === 'subscribed' || type === 'unsubscribed' || type === 'ok' || type === 'error';
}
