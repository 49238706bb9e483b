// expectedMonetaryValue over a base: records and columns, against the one-customer form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricError } from '../errors.js';
import { expectMetricError } from '../../test/support/errors.js';
import { cdnowSummary } from '../../test/support/purchaseData.js';
import { expectedMonetaryValue } from './expectedMonetaryValue.js';

const PUBLISHED = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;

describe('expectedMonetaryValue over columns', () => {
  const customers = cdnowSummary();

  it('gives a Float64Array of the records’ values, from arrays, typed arrays and decimal strings', () => {
    const records = expectedMonetaryValue({ model: PUBLISHED, customers });
    const frequency = customers.map((c) => c.frequency);
    const monetaryValue = customers.map((c) => c.monetaryValue);
    const fromArrays = expectedMonetaryValue({ model: PUBLISHED, customers: { frequency, monetaryValue } });
    expect(fromArrays).toBeInstanceOf(Float64Array);
    expect(Array.from(fromArrays)).toEqual(records);
    const typed = {
      frequency: Int32Array.from(frequency),
      monetaryValue: Float64Array.from(monetaryValue),
    };
    expect(Array.from(expectedMonetaryValue({ model: PUBLISHED, customers: typed }))).toEqual(records);
    const strings = { frequency, monetaryValue: monetaryValue.map(String) };
    expect(Array.from(expectedMonetaryValue({ model: PUBLISHED, customers: strings }))).toEqual(records);
  });

  it('reads Float64Arrays in place without changing them', () => {
    const frequency = Float64Array.of(2, 0, 5);
    const monetaryValue = Float64Array.of(22.35, 0, 10);
    const values = expectedMonetaryValue({ model: PUBLISHED, customers: { frequency, monetaryValue } });
    expect(Array.from(frequency)).toEqual([2, 0, 5]);
    expect(Array.from(monetaryValue)).toEqual([22.35, 0, 10]);
    expect(values[1]).toBe(expectedMonetaryValue({ model: PUBLISHED, customer: { frequency: 0, monetaryValue: 0 } }));
  });

  it('gives an empty Float64Array for empty columns, as records give an empty array', () => {
    const values = expectedMonetaryValue({ model: PUBLISHED, customers: { frequency: [], monetaryValue: [] } });
    expect(values).toBeInstanceOf(Float64Array);
    expect(values.length).toBe(0);
  });

  it('names the column and the customer of a bad element', () => {
    const at = (frequency: unknown[], monetaryValue: unknown[]) => () =>
      expectedMonetaryValue({ model: PUBLISHED, customers: { frequency, monetaryValue } as never });
    expectMetricError(at([1, -1], [5, 5]), 'INVALID_INPUT', ['customers', 'frequency', 1]);
    expectMetricError(at([1, 1.5], [5, 5]), 'INVALID_INPUT', ['customers', 'frequency', 1]);
    expectMetricError(at([1, '2'], [5, 5]), 'INVALID_INPUT', ['customers', 'frequency', 1]);
    expectMetricError(at([1, Number.NaN], [5, 5]), 'INVALID_INPUT', ['customers', 'frequency', 1]);
    expectMetricError(at([1, 1], [5, -5]), 'INVALID_INPUT', ['customers', 'monetaryValue', 1]);
    expectMetricError(at([1, 1], [5, 0]), 'INVALID_INPUT', ['customers', 'monetaryValue', 1], 'greater than 0');
    expectMetricError(at([1, 1], [5, 'abc']), 'INVALID_INPUT', ['customers', 'monetaryValue', 1]);
    expectMetricError(at([1, 1], [5, Number.POSITIVE_INFINITY]), 'INVALID_INPUT', ['customers', 'monetaryValue', 1]);
    expectMetricError(at([1, 1], [5, 1e16]), 'INVALID_INPUT', ['customers', 'monetaryValue', 1], 'at most');
    expectMetricError(at([1, 1], [5, null]), 'INVALID_INPUT', ['customers', 'monetaryValue', 1]);
  });

  it('names the frequency when p·x + q ≤ 1, and q when a customer without purchases has no finite mean', () => {
    const model = { ...PUBLISHED, p: 0.05, q: 0.9 };
    const customers = { frequency: [1], monetaryValue: [3] };
    expectMetricError(() => expectedMonetaryValue({ model, customers }), 'INVALID_INPUT', [
      'customers',
      'frequency',
      0,
    ]);
    expectMetricError(
      () => expectedMonetaryValue({ model, customers: { frequency: [0], monetaryValue: [0] } }),
      'INVALID_INPUT',
      ['model', 'q'],
    );
    const huge = { ...PUBLISHED, p: 1e300, v: 1e300 };
    expectMetricError(
      () => expectedMonetaryValue({ model: huge, customers: { frequency: [1], monetaryValue: [1e15] } }),
      'INVALID_INPUT',
      ['customers', 'monetaryValue', 0],
      'beyond the double range',
    );
  });

  it('refuses columns of different lengths, an unknown or a missing column, and neither records nor columns', () => {
    const call = (columns: unknown) => () => expectedMonetaryValue({ model: PUBLISHED, customers: columns as never });
    expectMetricError(call({ frequency: [1, 2], monetaryValue: [5] }), 'INVALID_INPUT', ['customers', 'monetaryValue']);
    expectMetricError(call({ frequency: [1], monetaryValue: [5], recency: [1] }), 'INVALID_INPUT', [
      'customers',
      'recency',
    ]);
    expectMetricError(call({ frequency: [1] }), 'INVALID_INPUT', ['customers', 'monetaryValue'], 'is required');
    expectMetricError(call({ frequency: 1, monetaryValue: [5] }), 'INVALID_INPUT', ['customers', 'frequency']);
    expectMetricError(call(5), 'INVALID_INPUT', ['customers']);
    expectMetricError(call(undefined), 'INVALID_INPUT', ['customers'], 'is required');
  });
});

describe('expectedMonetaryValue over a base: the quick path agrees with the one-customer form', () => {
  const model = fc.record({
    model: fc.constant('gamma-gamma' as const),
    p: fc.double({ min: 0.01, max: 50, noNaN: true }),
    q: fc.double({ min: 0.5, max: 50, noNaN: true }),
    v: fc.double({ min: 0.1, max: 1000, noNaN: true }),
  });
  const frequency = fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 500 }) },
    fc.constantFrom<unknown>(-0, -1, 0.5, 2 ** 53, Number.NaN, '3', null),
  );
  const spend = fc.oneof(
    { weight: 5, arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }) },
    fc.constantFrom<unknown>(0, -0, 1e15, 1e15 + 1, -1, Number.POSITIVE_INFINITY, '22.35', '-0.00', 'x', undefined),
  );
  const customer = fc.record({ frequency, monetaryValue: spend });
  const outcome = (run: () => number) => {
    try {
      return { value: run() };
    } catch (error) {
      if (isMetricError(error)) return { code: error.code, path: error.issues[0]?.path };
      throw error;
    }
  };

  it('gives each customer of records and of columns the one-customer value or error, bit for bit', () => {
    fc.assert(
      fc.property(model, fc.array(customer, { minLength: 1, maxLength: 8 }), (m, list) => {
        const one = list.map((c) => outcome(() => expectedMonetaryValue({ model: m, customer: c as never })));
        const bad = one.findIndex((o) => !('value' in o));
        const records = outcome(() => {
          const values = expectedMonetaryValue({ model: m, customers: list as never });
          values.forEach((value, i) => expect(Object.is(value, (one[i] as { value: number }).value)).toBe(true));
          return 0;
        });
        const columns = outcome(() => {
          const values: Float64Array = expectedMonetaryValue({
            model: m,
            customers: {
              frequency: list.map((c) => c.frequency) as number[],
              monetaryValue: list.map((c) => c.monetaryValue) as number[],
            },
          });
          values.forEach((value, i) => expect(Object.is(value, (one[i] as { value: number }).value)).toBe(true));
          return 0;
        });
        // Columns of doubles take a loop of their own: the same values, and the same first error.
        if (list.every((c) => typeof c.frequency === 'number' && typeof c.monetaryValue === 'number')) {
          const typed = outcome(() => {
            const values = expectedMonetaryValue({
              model: m,
              customers: {
                frequency: Float64Array.from(list, (c) => c.frequency as number),
                monetaryValue: Float64Array.from(list, (c) => c.monetaryValue as number),
              },
            });
            values.forEach((value, i) => expect(Object.is(value, (one[i] as { value: number }).value)).toBe(true));
            return 0;
          });
          expect(typed).toEqual(columns);
        }
        if (bad < 0) {
          expect(records).toEqual({ value: 0 });
          expect(columns).toEqual({ value: 0 });
          return;
        }
        const failure = one[bad] as { code: string; path: (string | number)[] };
        const [, field] = failure.path;
        if (failure.path[0] === 'model') {
          expect(records).toEqual(failure);
          expect(columns).toEqual(failure);
        } else {
          expect(records).toEqual({ code: failure.code, path: ['customers', bad, ...failure.path.slice(1)] });
          expect(columns).toMatchObject({ code: failure.code });
          const path = (columns as { path: (string | number)[] }).path;
          expect(path[2]).toBe(bad);
          if (field !== undefined) expect(path[1]).toBe(field);
        }
      }),
      { numRuns: 500 },
    );
  });
});
