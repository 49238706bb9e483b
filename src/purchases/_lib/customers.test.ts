import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMetricError } from '../../errors.js';
import { expectMetricError } from '../../../test/support/errors.js';
import { readCustomer, readCustomers } from './customers.js';

function failure(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isMetricError(error)) return { code: error.code, path: error.issues[0]?.path, message: error.message };
    throw error;
  }
  throw new Error('expected a MetricError');
}

describe('readCustomers', () => {
  it('reads records into columns, ignoring their other fields', () => {
    const columns = readCustomers('m', [
      { customerId: 'a', frequency: 2, recency: 3.5, age: 10, monetaryValue: 12 },
      { frequency: -0, recency: -0, age: 1 },
    ]);
    expect(columns.count).toBe(2);
    expect(Array.from(columns.frequency)).toEqual([2, 0]);
    expect(Object.is(columns.frequency[1], 0)).toBe(true);
    expect(Array.from(columns.recency)).toEqual([3.5, 0]);
    expect(Array.from(columns.age)).toEqual([10, 1]);
  });

  it('reads Float64Array columns in place and copies other arrays', () => {
    const frequency = Float64Array.of(1, 0);
    const columns = readCustomers('m', { frequency, recency: [1, 0], age: Int32Array.of(2, 2) });
    expect(columns.frequency).toBe(frequency);
    expect(Array.from(columns.recency)).toEqual([1, 0]);
    expect(Array.from(columns.age)).toEqual([2, 2]);
  });

  it('names the field and the customer in the path of its own field name', () => {
    expect(failure(() => readCustomers('m', [{ frequency: 1, recency: 0, age: 1 }], 'base'))).toMatchObject({
      code: 'INVALID_INPUT',
      path: ['base', 0, 'recency'],
    });
    expect(failure(() => readCustomers('m', { frequency: [1], recency: ['x'], age: [1] }))).toMatchObject({
      path: ['customers', 'recency', 0],
    });
    expect(failure(() => readCustomers('m', { frequency: [Number.NaN], recency: [0], age: [1] }))).toMatchObject({
      path: ['customers', 'frequency', 0],
    });
    expect(failure(() => readCustomers('m', 'none'))).toMatchObject({ path: ['customers'] });
    expect(failure(() => readCustomers('m', undefined))?.message).toBe('m: customers is required');
    expect(failure(() => readCustomers('m', { frequency: 1, recency: [0], age: [1] }))).toMatchObject({
      path: ['customers', 'frequency'],
    });
  });
});

describe('readCustomer', () => {
  it('reads one history at its path', () => {
    expect(readCustomer('m', { frequency: 3, recency: 2, age: 4 }, ['customer'])).toEqual({
      frequency: 3,
      recency: 2,
      age: 4,
    });
    expect(failure(() => readCustomer('m', { frequency: 3, recency: 5, age: 4 }, ['customer']))).toMatchObject({
      path: ['customer', 'recency'],
    });
    expect(failure(() => readCustomer('m', [], ['customer']))).toMatchObject({ path: ['customer'] });
  });
});

describe('readCustomers: the longest observation', () => {
  it('refuses an age beyond 1e12 time units, in records and in columns', () => {
    expectMetricError(
      () => readCustomers('test', [{ frequency: 1, recency: 2, age: 1e308 }]),
      'INVALID_INPUT',
      ['customers', 0, 'age'],
      'at most 1000000000000',
    );
    expectMetricError(
      () => readCustomers('test', { frequency: [0, 1], recency: [0, 2], age: [3, 1e13] }),
      'INVALID_INPUT',
      ['customers', 'age', 1],
    );
    expect(readCustomers('test', [{ frequency: 1, recency: 2, age: 1e12 }]).age[0]).toBe(1e12);
  });
});

describe('readCustomers: the quick check of a whole base agrees with the field-by-field one', () => {
  const edge = fc.oneof(
    fc.constantFrom(0, -0, 1, 2, 0.5, -1, 1e12, 1e12 + 1, 2 ** 53 - 1, 2 ** 53, 5e-324, Number.NaN),
    fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE),
    fc.integer({ min: 0, max: 5 }),
    fc.double({ min: 0, max: 10, noNaN: true }),
  );
  const value = fc.oneof({ weight: 6, arbitrary: edge }, fc.constantFrom<unknown>('1', null, undefined, true, 1n));
  const outcome = (run: () => { frequency: number; recency: number; age: number }) => {
    try {
      const h = run();
      return { ok: [h.frequency, h.recency, h.age] };
    } catch (error) {
      if (isMetricError(error)) return { code: error.code, path: error.issues[0]?.path, message: error.message };
      throw error;
    }
  };

  it('accepts and refuses a record as readCustomer does, at the same path', () => {
    fc.assert(
      fc.property(value, value, value, (frequency, recency, age) => {
        const record = { frequency, recency, age };
        const many = outcome(() => {
          const c = readCustomers('m', [{ frequency: 1, recency: 1, age: 1 }, record]);
          return { frequency: c.frequency[1] as number, recency: c.recency[1] as number, age: c.age[1] as number };
        });
        expect(many).toEqual(outcome(() => readCustomer('m', record, ['customers', 1])));
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts a column element exactly when readCustomer accepts it as a record', () => {
    fc.assert(
      fc.property(edge, edge, edge, (frequency, recency, age) => {
        const one = outcome(() => readCustomer('m', { frequency, recency, age }, ['customer']));
        const many = outcome(() => {
          const c = readCustomers('m', {
            frequency: Float64Array.of(0, frequency),
            recency: Float64Array.of(0, recency),
            age: Float64Array.of(1, age),
          });
          return { frequency: c.frequency[1] as number, recency: c.recency[1] as number, age: c.age[1] as number };
        });
        if ('ok' in one) expect(many).toEqual({ ok: [frequency, recency, age] });
        else {
          const field = (one.path as (string | number)[])[1];
          expect(many).toMatchObject({ code: one.code, path: ['customers', field, 1] });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
