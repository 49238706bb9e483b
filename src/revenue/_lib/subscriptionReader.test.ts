import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isMetricError } from '../../errors.js';
import { STATUS_CANCELED, STATUS_PAUSED, SubscriptionReader } from './subscriptionReader.js';
import { type SubscriptionPolicies, subscriptionSchema } from './subscriptionSchema.js';

/** Whether the fast check accepts a record (a fresh reader, so that currencies of other records do not matter). */
function fastAccepts(record: unknown, policies: SubscriptionPolicies = {}): boolean {
  try {
    new SubscriptionReader('m', 'subscriptions', policies).read(record, 0);
    return true;
  } catch (error) {
    if (!isMetricError(error)) throw error;
    return false;
  }
}

/** Reads a record that must be refused, and returns the path of the issue. */
function refusedAt(reader: SubscriptionReader, record: unknown, index: number): unknown {
  try {
    reader.read(record, index);
  } catch (error) {
    if (isMetricError(error)) return error.issues[0]?.path;
    throw error;
  }
  return expect.unreachable();
}

function schemaAccepts(record: unknown): boolean {
  return z.safeParse(subscriptionSchema, record).success;
}

const oddNumbers = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  5e-324,
  1e308,
  -1,
  2 ** 53,
  1.5,
];
const decimalStrings = [
  '12.50',
  '0',
  '-0.00',
  '+1',
  ' 12',
  '12 ',
  '1e3',
  '1E-3',
  '.5',
  '5.',
  '',
  'abc',
  '0x10',
  '1_000',
  '1,5',
  '-3',
  '00012',
  '1.5e+21',
  '9'.repeat(40),
  `0.${'0'.repeat(30)}1`,
  'Infinity',
  'NaN',
  '٣',
];
const others = [null, true, [], {}, [1], 10n, () => 1, new Date(0)];

const money = fc.oneof(
  fc.double(),
  fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
  fc.constantFrom(...oddNumbers, ...decimalStrings, ...others),
  fc.stringMatching(/^[+-]?\d{0,6}(\.\d{0,4})?([eE][+-]?\d{1,3})?$/),
);
const fraction = fc.oneof(
  fc.double({ min: -0.5, max: 1.5 }),
  fc.constantFrom(0, 1, '0.25', '1.0000', '1.0001', '-0', '1e-2', '0.5 ', ...oddNumbers, ...others),
);
const integerLike = fc.oneof(
  fc.integer({ min: -2, max: 40 }),
  fc.constantFrom(...oddNumbers, Number.MAX_SAFE_INTEGER, '2', null, 2.5, [1]),
);
const discount = fc.oneof(
  fc.record({ percent: fraction }),
  fc.record({ amount: money }),
  fc.record({ percent: fraction, amount: money }),
  fc.constantFrom({}, { foo: 1 }, null, [], 'ten', { percent: undefined }),
);
const dateLike = fc.oneof(
  fc.integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 }),
  fc.integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 }).map((ms) => new Date(ms).toISOString()),
  fc.integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
  fc.constantFrom(
    '2024-02-30',
    '2024-3-5',
    '2024-03-15T10:00:00',
    '2024-03-15T10:00:00+02:00',
    '',
    'yesterday',
    new Date(Number.NaN),
    new Date(0),
    0,
    -1,
    1e20,
    8.64e15,
    8.64e15 + 1,
    ...oddNumbers,
    null,
    [],
  ),
);
class Plan {
  plan = 'pro';
}
const symbolKeyed = { plan: 'pro', [Symbol('segment')]: 'x' };
const hiddenSymbol = { plan: 'pro' };
Object.defineProperty(hiddenSymbol, Symbol('hidden'), { value: 1, enumerable: false });
const hiddenNumber = { plan: 'pro' };
Object.defineProperty(hiddenNumber, 'seats', { value: 1, enumerable: false });
const ownProto = { plan: 'pro' };
Object.defineProperty(ownProto, '__proto__', { value: 1, enumerable: true });
const attributesLike = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(1, null, true))),
  fc.constantFrom<unknown>(
    {},
    { plan: 1 },
    { plan: 'pro', country: undefined },
    { plan: 'pro', country: ['DE'] },
    [],
    ['pro'],
    null,
    'pro',
    1,
    new Date(0),
    new Plan(),
    new Map([['plan', 'pro']]),
    Object.assign(Object.create(null), { plan: 'pro' }),
    Object.assign(Object.create(null), { plan: 2 }),
    Object.create({ plan: 1 }),
    Object.assign(Object.create({ plan: 1 }), { country: 'DE' }),
    Object.assign(Object.create({ plan: 'pro' }), { country: 2 }),
    { constructor: 'pro' },
    { constructor: 1 },
    symbolKeyed,
    hiddenSymbol,
    hiddenNumber,
    ownProto,
  ),
);

/** Mostly valid values, sometimes a bad one, so that both outcomes are common. */
function mostly<T, U>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: bad, weight: 1 });
}

const validMoney = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
  fc.stringMatching(/^\d{1,6}(\.\d{1,4})?$/),
);
const validDate = fc
  .integer({ min: 1_500_000_000_000, max: 1_800_000_000_000 })
  .chain((ms) => fc.constantFrom<unknown>(ms, new Date(ms), new Date(ms).toISOString().slice(0, 10)));

const record = fc.record(
  {
    customerId: mostly(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('', 1, null, ['a'], undefined)),
    amount: mostly(validMoney, money),
    interval: mostly(
      fc.constantFrom('day', 'week', 'month', 'quarter', 'year', undefined),
      fc.constantFrom('Month', 'years', '', null, 1),
    ),
    intervalCount: mostly(fc.integer({ min: 1, max: 12 }), integerLike),
    quantity: mostly(fc.integer({ min: 0, max: 50 }), integerLike),
    discount: mostly(
      fc.oneof(
        fc.record({ percent: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ amount: fc.constantFrom(0, 1, '0.50') }),
      ),
      discount,
    ),
    currency: mostly(fc.constantFrom('USD', undefined), fc.constantFrom('EUR', 'usd', 'US', 'EURO', 1, null)),
    start: mostly(validDate, dateLike),
    end: mostly(validDate, dateLike),
    cancelAt: mostly(fc.oneof(validDate, fc.constant(undefined)), dateLike),
    trialStart: mostly(fc.oneof(validDate, fc.constant(undefined)), dateLike),
    pastDueSince: mostly(fc.oneof(validDate, fc.constant(undefined), fc.constant(undefined)), dateLike),
    endReason: mostly(
      fc.constantFrom('voluntary', 'delinquent', undefined, undefined),
      fc.constantFrom('Delinquent', 'involuntary', '', null, 1),
    ),
    status: mostly(
      fc.constantFrom('active', 'trialing', 'past_due', 'paused', 'canceled'),
      fc.constantFrom('Active', 'cancelled', null),
    ),
    attributes: mostly(
      fc.oneof(fc.constant(undefined), fc.dictionary(fc.constantFrom('plan', 'country', 'channel'), fc.string())),
      attributesLike,
    ),
    extra: fc.constantFrom(1, undefined, undefined, undefined, undefined, undefined),
  },
  { requiredKeys: ['customerId', 'amount'] },
);

/** The same record dressed in the shapes a caller may pass. */
const dressed = fc.tuple(record, fc.nat(7)).map(([fields, dress]): unknown => {
  const { extra, ...plain } = fields;
  const base: Record<string, unknown> = extra === undefined ? plain : { ...plain, [`key${extra}`]: extra };
  switch (dress) {
    case 0:
      return Object.assign(Object.create(null), base);
    case 1: {
      // Every field behind a getter.
      const object = {};
      for (const [key, value] of Object.entries(base))
        Object.defineProperty(object, key, { get: () => value, enumerable: true });
      return object;
    }
    case 2:
      return [base];
    case 3:
      return Object.create(base);
    default:
      return base;
  }
});

describe('SubscriptionReader', () => {
  it('accepts exactly what subscriptionSchema accepts', () => {
    let accepted = 0;
    let pastDue = 0;
    const policies = fc.constantFrom<SubscriptionPolicies>({}, { pastDueGraceDays: 0 }, { pastDueGraceDays: 30 });
    fc.assert(
      fc.property(dressed, policies, (value, options) => {
        const fast = fastAccepts(value, options);
        expect(fast).toBe(schemaAccepts(value));
        if (fast) accepted++;
        if (fast && z.safeParse(subscriptionSchema, value).data?.pastDueSince !== undefined) pastDue++;
      }),
      { numRuns: 6000 },
    );
    // The generator reaches valid records too, not only rejections, past-due ones among them.
    expect(accepted).toBeGreaterThan(300);
    expect(pastDue).toBeGreaterThan(10);
  });

  it('accepts exactly what subscriptionSchema accepts on records that are valid but for one field', () => {
    const valid = { customerId: 'a', amount: '120.00', interval: 'year', start: '2024-01-01', end: '2024-06-01' };
    const fields = fc.oneof(
      fc.tuple(fc.constant('amount'), money),
      fc.tuple(fc.constant('intervalCount'), integerLike),
      fc.tuple(fc.constant('quantity'), integerLike),
      fc.tuple(fc.constant('discount'), discount),
      fc.tuple(fc.constant('start'), dateLike),
      fc.tuple(fc.constant('end'), dateLike),
      fc.tuple(fc.constant('cancelAt'), fc.oneof(dateLike, validDate)),
      fc.tuple(fc.constant('attributes'), attributesLike),
      fc.tuple(fc.constant('trialStart'), fc.oneof(dateLike, validDate)),
      fc.tuple(fc.constant('pastDueSince'), fc.oneof(dateLike, validDate)),
      fc.tuple(fc.constant('endReason'), fc.constantFrom('voluntary', 'delinquent', 'Delinquent', '', null, 1)),
      fc.tuple(fc.constant('status'), fc.constantFrom('past_due', 'active', 'canceled', undefined)),
    );
    const pastDue = { ...valid, status: 'past_due', pastDueSince: '2024-02-01', endReason: 'delinquent' };
    fc.assert(
      fc.property(fields, fc.boolean(), ([key, value], overdue) => {
        const candidate = { ...(overdue ? pastDue : valid), [key]: value };
        expect(fastAccepts(candidate)).toBe(schemaAccepts(candidate));
      }),
      { numRuns: 5000 },
    );
  });

  it('names the failing field as zod does', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', {});
    try {
      reader.read({ customerId: 'a', amount: -1 }, 4);
      expect.unreachable();
    } catch (error) {
      expect(isMetricError(error) && error.issues[0]?.path).toEqual(['subscriptions', 4, 'amount']);
    }
  });

  it('reads the record and decides whether its status counts', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', { countPaused: false });
    expect(reader.read({ customerId: 'a', amount: 30, interval: 'quarter', status: 'paused' }, 0)).toBe(false);
    expect(reader.status).toBe(STATUS_PAUSED);
    expect([reader.num, reader.den]).toEqual([3000 * 100, 300 * 100]);
    expect(reader.read({ customerId: 'b', amount: 1, status: 'canceled', end: 0 }, 1)).toBe(true);
    expect(reader.status).toBe(STATUS_CANCELED);
    expect(reader.end).toBe(0);
    expect(reader.start).toBe(Number.NEGATIVE_INFINITY);
    expect(reader.customerId).toBe('b');
  });

  it('reads a scheduled cancellation, not before the start', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', {});
    reader.read({ customerId: 'a', amount: 1, start: '2024-01-01', cancelAt: '2024-03-01' }, 0);
    expect(reader.cancelAt).toBe(Date.UTC(2024, 2, 1));
    reader.read({ customerId: 'a', amount: 1, start: '2024-01-01', cancelAt: '2024-01-01' }, 1);
    expect(reader.cancelAt).toBe(Date.UTC(2024, 0, 1));
    reader.read({ customerId: 'a', amount: 1 }, 2);
    expect(reader.cancelAt).toBe(Number.POSITIVE_INFINITY);
    for (const cancelAt of ['2023-12-31', 'soon', null]) {
      const record = { customerId: 'a', amount: 1, start: '2024-01-01', cancelAt };
      expect(refusedAt(reader, record, 5)).toEqual(['subscriptions', 5, 'cancelAt']);
    }
  });

  it('reads attributes: string values only, each named when it fails', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', {});
    expect(reader.read({ customerId: 'a', amount: 1, attributes: { plan: 'pro', country: 'DE' } }, 0)).toBe(true);
    for (const [attributes, path] of [
      [{ plan: 'pro', seats: 3 }, ['subscriptions', 2, 'attributes', 'seats']],
      [{ country: null }, ['subscriptions', 2, 'attributes', 'country']],
      [['pro'], ['subscriptions', 2, 'attributes']],
      ['pro', ['subscriptions', 2, 'attributes']],
    ] as const) {
      expect(refusedAt(reader, { customerId: 'a', amount: 1, attributes }, 2)).toEqual(path);
    }
  });

  it('reads a trial start, not after the start, which it needs', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', {});
    reader.read({ customerId: 'a', amount: 1, start: '2024-01-15', trialStart: '2024-01-01' }, 0);
    expect(reader.trialStart).toBe(Date.UTC(2024, 0, 1));
    reader.read({ customerId: 'a', amount: 1, start: '2024-01-15', trialStart: '2024-01-15' }, 1);
    expect(reader.trialStart).toBe(Date.UTC(2024, 0, 15));
    reader.read({ customerId: 'a', amount: 1, start: '2024-01-15' }, 2);
    expect(reader.trialStart).toBeNaN();
    for (const record of [
      { start: '2024-01-15', trialStart: '2024-01-16' },
      { trialStart: '2024-01-01' },
      { start: '2024-01-15', trialStart: 'last week' },
      { start: '2024-01-15', trialStart: null },
    ]) {
      expect(refusedAt(reader, { customerId: 'a', amount: 1, ...record }, 5)).toEqual([
        'subscriptions',
        5,
        'trialStart',
      ]);
    }
  });

  it('converts currencies and rejects mixed ones without rates', () => {
    const converting = new SubscriptionReader('m', 'subscriptions', {
      currency: 'USD',
      exchangeRates: { EUR: '1.08' },
    });
    converting.read({ customerId: 'a', amount: 100, currency: 'EUR' }, 0);
    expect(Number(converting.num) / Number(converting.den)).toBe(108);
    const mixed = new SubscriptionReader('m', 'subscriptions', {});
    mixed.read({ customerId: 'a', amount: 1, currency: 'EUR' }, 0);
    expect(() => mixed.read({ customerId: 'a', amount: 1, currency: 'USD' }, 1)).toThrow('mixed currencies');
    expect(() => converting.read({ customerId: 'a', amount: 1, currency: 'GBP' }, 2)).toThrow('no rate');
    const target = new SubscriptionReader('m', 'subscriptions', { currency: 'USD' });
    expect(() => target.read({ customerId: 'a', amount: 1, currency: 'GBP' }, 3)).toThrow('options.currency is USD');
  });

  it('reads each discount field once, and uses what it checked', () => {
    for (const [key, first, expected] of [
      ['amount', '5', 5],
      ['percent', 0.5, 5],
    ] as const) {
      let reads = 0;
      const discount = {};
      Object.defineProperty(discount, key, { enumerable: true, get: () => (reads++ === 0 ? first : Number.NaN) });
      const reader = new SubscriptionReader('m', 'subscriptions', {});
      reader.read({ customerId: 'a', amount: 10, discount }, 0);
      expect([Number(reader.num) / Number(reader.den), reads]).toEqual([expected, 1]);
    }
  });

  it('takes a record without a currency to be in the target, or refuses it beside one with a currency', () => {
    const target = new SubscriptionReader('m', 'subscriptions', { currency: 'USD', exchangeRates: { EUR: 2 } });
    target.read({ customerId: 'a', amount: 1, currency: 'EUR' }, 0);
    target.read({ customerId: 'b', amount: 3 }, 1);
    expect(Number(target.num) / Number(target.den)).toBe(3);
    const after = new SubscriptionReader('m', 'subscriptions', {});
    after.read({ customerId: 'a', amount: 1, currency: 'EUR' }, 0);
    expect(() => after.read({ customerId: 'b', amount: 1 }, 1)).toThrow(
      'subscriptions[1].currency is missing but subscriptions[0] is EUR',
    );
    const before = new SubscriptionReader('m', 'subscriptions', {});
    before.read({ customerId: 'b', amount: 1 }, 0);
    before.read({ customerId: 'c', amount: 1 }, 1);
    expect(() => before.read({ customerId: 'a', amount: 1, currency: 'EUR' }, 2)).toThrow(
      'subscriptions[0].currency is missing but subscriptions[2] is EUR',
    );
  });

  it('reads a past-due date, only on a past-due record and not before the start', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', {});
    const overdue = { customerId: 'a', amount: 1, start: '2024-01-01', status: 'past_due' };
    reader.read({ ...overdue, pastDueSince: '2024-02-01' }, 0);
    // Without a grace the record counts until its end.
    expect([reader.end, reader.delinquent]).toEqual([Number.POSITIVE_INFINITY, false]);
    for (const record of [
      { ...overdue, pastDueSince: '2023-12-31' },
      { ...overdue, pastDueSince: 'soon' },
      { ...overdue, pastDueSince: null },
      { ...overdue, status: 'active', pastDueSince: '2024-02-01' },
      { customerId: 'a', amount: 1, pastDueSince: '2024-02-01' },
    ]) {
      expect(refusedAt(reader, record, 3)).toEqual(['subscriptions', 3, 'pastDueSince']);
    }
  });

  it('ends a counting past-due record at its grace, a delinquent ending', () => {
    const day = 86_400_000;
    const since = Date.UTC(2024, 1, 1);
    const overdue = { customerId: 'a', amount: 1, start: '2024-01-01', status: 'past_due', pastDueSince: '2024-02-01' };
    const graced = new SubscriptionReader('m', 'subscriptions', { pastDueGraceDays: 30 });
    graced.read(overdue, 0);
    expect([graced.end, graced.delinquent]).toEqual([since + 30 * day, true]);
    // An end before the cut stays, with its own reason.
    graced.read({ ...overdue, end: '2024-02-10' }, 1);
    expect([graced.end, graced.delinquent]).toEqual([Date.UTC(2024, 1, 10), false]);
    // An end at the cut itself is the record's own (1 February + 30 days is 2 March in 2024).
    graced.read({ ...overdue, end: '2024-03-02' }, 2);
    expect([graced.end, graced.delinquent]).toEqual([since + 30 * day, false]);
    graced.read({ ...overdue, end: '2024-03-03', endReason: 'voluntary' }, 2);
    expect([graced.end, graced.delinquent]).toEqual([since + 30 * day, true]);
    // No pastDueSince: until the end.
    graced.read({ customerId: 'a', amount: 1, status: 'past_due' }, 3);
    expect([graced.end, graced.delinquent]).toEqual([Number.POSITIVE_INFINITY, false]);
    // Past-due records that do not count are not cut (they never count).
    const uncounted = new SubscriptionReader('m', 'subscriptions', { pastDueGraceDays: 0, countPastDue: false });
    expect(uncounted.read(overdue, 0)).toBe(false);
    expect([uncounted.end, uncounted.delinquent]).toEqual([Number.POSITIVE_INFINITY, false]);
  });

  it('reads an end reason, which needs an end', () => {
    const reader = new SubscriptionReader('m', 'subscriptions', {});
    reader.read({ customerId: 'a', amount: 1, end: '2024-02-01', endReason: 'delinquent' }, 0);
    expect(reader.delinquent).toBe(true);
    reader.read({ customerId: 'a', amount: 1, end: '2024-02-01', endReason: 'voluntary' }, 1);
    expect(reader.delinquent).toBe(false);
    reader.read({ customerId: 'a', amount: 1, end: '2024-02-01', endReason: 'delinquent' }, 2);
    reader.read({ customerId: 'a', amount: 1, end: '2024-02-01' }, 3);
    expect(reader.delinquent).toBe(false);
    for (const record of [
      { endReason: 'delinquent' },
      { end: undefined, endReason: 'voluntary' },
      { end: '2024-02-01', endReason: 'unpaid' },
    ]) {
      expect(refusedAt(reader, { customerId: 'a', amount: 1, ...record }, 4)).toEqual([
        'subscriptions',
        4,
        'endReason',
      ]);
    }
  });
});
