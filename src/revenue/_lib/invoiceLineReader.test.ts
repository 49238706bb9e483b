import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isMetricError } from '../../errors.js';
import { InvoiceLineReader, KIND_ONE_OFF, KIND_RECURRING, KIND_USAGE } from './invoiceLineReader.js';
import { invoiceLineSchema } from './invoiceLineSchema.js';

/** Whether the fast check accepts a line (a fresh reader, so that currencies of other lines do not matter). */
function fastAccepts(line: unknown): boolean {
  try {
    new InvoiceLineReader('m', 'lines', {}).read(line, 0);
    return true;
  } catch (error) {
    if (!isMetricError(error)) throw error;
    return false;
  }
}

const schemaAccepts = (line: unknown): boolean => z.safeParse(invoiceLineSchema, line).success;

function refusedAt(line: unknown, index = 2): unknown {
  try {
    new InvoiceLineReader('m', 'lines', {}).read(line, index);
  } catch (error) {
    if (isMetricError(error)) return error.issues[0]?.path;
    throw error;
  }
  return expect.unreachable();
}

const odd = [Number.NaN, Number.POSITIVE_INFINITY, -0, -1, 1.5, 2 ** 53, 1e308, null, true, [], {}, [1], 10n];
const money = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
  fc.stringMatching(/^[+-]?\d{0,5}(\.\d{0,4})?([eE][+-]?\d{1,2})?$/),
  fc.double(),
  fc.constantFrom<unknown>(...odd, '12.50', '-0.00', ' 1', '1e3', '.5', '', 'abc', '9'.repeat(70)),
);
const validMoney = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((cents) => cents / 100),
  fc.stringMatching(/^\d{1,5}(\.\d{1,4})?$/),
);
const instant = fc.integer({ min: 1_600_000_000_000, max: 1_800_000_000_000 });
const validDate = instant.chain((ms) =>
  fc.constantFrom<unknown>(ms, new Date(ms), new Date(ms).toISOString(), new Date(ms).toISOString().slice(0, 10)),
);
const dateLike = fc.oneof(
  validDate,
  fc.constantFrom<unknown>('2024-02-30', '2024-3-5', 'soon', '', new Date(Number.NaN), 8.64e15 + 1, ...odd),
);
const fullPeriod = fc.oneof(
  fc.record(
    {
      interval: fc.constantFrom<unknown>('day', 'week', 'month', 'quarter', 'year', 'Month', 1),
      intervalCount: fc.constantFrom<unknown>(1, 2, 12, 1000, 1001, 0, -1, 1.5, '2', Number.NaN, undefined),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom<unknown>(null, 'month', [], { interval: 'month', extra: 1 }),
);

/** Mostly valid values, sometimes a bad one, so that both outcomes are common. */
function mostly<T, U>(valid: fc.Arbitrary<T>, bad: fc.Arbitrary<U>): fc.Arbitrary<T | U> {
  return fc.oneof({ arbitrary: valid, weight: 10 }, { arbitrary: bad, weight: 1 });
}

const line = fc.record(
  {
    customerId: mostly(fc.constantFrom('a', 'b'), fc.constantFrom<unknown>('', 1, null)),
    amount: mostly(validMoney, money),
    tax: mostly(fc.oneof(validMoney, fc.constant(undefined)), money),
    currency: mostly(fc.constantFrom('USD', undefined), fc.constantFrom<unknown>('usd', 'EURO', 1)),
    kind: mostly(
      fc.constantFrom('recurring', 'usage', 'one-off', undefined),
      fc.constantFrom<unknown>('oneoff', 'Usage', 0),
    ),
    periodStart: mostly(validDate, dateLike),
    periodEnd: mostly(validDate, dateLike),
    fullPeriod: mostly(fc.constantFrom(undefined, { interval: 'month' }), fullPeriod),
    invoicedAt: mostly(fc.oneof(validDate, fc.constant(undefined)), dateLike),
    attributes: mostly(
      fc.constantFrom(undefined, { plan: 'pro' }),
      fc.constantFrom<unknown>({ plan: 1 }, [], null, new Map(), Object.create({ plan: 1 })),
    ),
    extra: fc.constantFrom(undefined, undefined, undefined, 1),
  },
  { requiredKeys: ['customerId', 'amount', 'periodStart', 'periodEnd'] },
);

describe('InvoiceLineReader', () => {
  it('accepts exactly what invoiceLineSchema accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(line, fc.nat(3), (fields, dress) => {
        const { extra, ...plain } = fields;
        const base: Record<string, unknown> = extra === undefined ? plain : { ...plain, other: extra };
        const value = dress === 0 ? Object.assign(Object.create(null), base) : dress === 1 ? [base] : base;
        const fast = fastAccepts(value);
        expect(fast).toBe(schemaAccepts(value));
        if (fast) accepted++;
      }),
      { numRuns: 6000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('reads the kind, the dates with their defaults, and the net amount', () => {
    const reader = new InvoiceLineReader('m', 'lines', {});
    reader.read({ customerId: 'a', amount: '10.005', tax: 2, periodStart: 0, periodEnd: 1000.7 }, 0);
    expect([reader.kind, reader.start, reader.end, reader.invoicedAt]).toEqual([KIND_RECURRING, 0, 1000, 0]);
    expect([reader.net, reader.scale, reader.fullInterval]).toEqual([8005, 3, -1]);
    reader.read({ customerId: 'a', amount: 5, kind: 'usage', periodStart: 0, periodEnd: 500 }, 1);
    expect([reader.kind, reader.invoicedAt]).toEqual([KIND_USAGE, 500]);
    reader.read(
      {
        customerId: 'a',
        amount: 5,
        kind: 'one-off',
        periodStart: 0,
        periodEnd: 0,
        fullPeriod: { interval: 'week', intervalCount: 2 },
      },
      2,
    );
    expect([reader.kind, reader.fullInterval, reader.fullCount]).toEqual([KIND_ONE_OFF, 1, 2]);
  });

  it('converts the net amount at a fixed rate', () => {
    const reader = new InvoiceLineReader('m', 'lines', { currency: 'USD', exchangeRates: { EUR: '1.08' } });
    reader.read({ customerId: 'a', amount: 100, tax: 10, currency: 'EUR', periodStart: 0, periodEnd: 1 }, 0);
    expect([reader.net, reader.scale]).toEqual([972000, 4]);
  });

  it('names the failing field as zod does', () => {
    expect(refusedAt({ customerId: 'a', amount: 5, tax: '5.01', periodStart: 0, periodEnd: 1 })).toEqual([
      'lines',
      2,
      'tax',
    ]);
    expect(refusedAt({ customerId: 'a', amount: 5, periodStart: 10, periodEnd: 1 })).toEqual(['lines', 2, 'periodEnd']);
    expect(refusedAt({ customerId: 'a', amount: 5, periodStart: 0, periodEnd: 1, kind: 'metered' })).toEqual([
      'lines',
      2,
      'kind',
    ]);
    expect(refusedAt({ customerId: 'a', amount: 5, periodStart: 0 })).toEqual(['lines', 2, 'periodEnd']);
    expect(refusedAt('line')).toEqual(['lines', 2]);
  });
});
