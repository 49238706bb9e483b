import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { bgBb } from './bgBb.js';
import type { CountModelKind } from './kinds.js';
import { readValueCustomer } from './valueCustomers.js';

/** A continuous-time kind, for the reader's rules only (its formulas are never called here). */
const continuous: CountModelKind = { ...bgBb, name: 'continuous', ageField: 'age', discrete: false };

describe('readValueCustomer', () => {
  it('reads a discrete history from opportunities and a continuous one from age', () => {
    expect(
      readValueCustomer(
        'test',
        { frequency: 2, recency: 4, opportunities: 6, monetaryValue: '12.5', count: 3 },
        ['c'],
        bgBb,
      ),
    ).toEqual({ customerId: undefined, history: { frequency: 2, recency: 4, age: 6 }, monetaryValue: 12.5, count: 3 });
    expect(
      readValueCustomer(
        'test',
        { customerId: 'x', frequency: 2, recency: 30.43, age: 38.86, monetaryValue: 22.35, holdoutFrequency: 1 },
        ['c'],
        continuous,
      ),
    ).toEqual({
      customerId: 'x',
      history: { frequency: 2, recency: 30.43, age: 38.86 },
      monetaryValue: 22.35,
      count: 1,
    });
  });

  it('applies the rules of the model’s time', () => {
    const discrete = { frequency: 2, recency: 2.5, opportunities: 6, monetaryValue: 1 };
    expectMetricError(() => readValueCustomer('test', discrete, ['c'], bgBb), 'INVALID_INPUT', ['c', 'recency']);
    const real = { frequency: 2, recency: 2.5, age: 6, monetaryValue: 1 };
    expect(readValueCustomer('test', real, ['c'], continuous).history.recency).toBe(2.5);
    expectMetricError(
      () => readValueCustomer('test', { ...real, age: 2 }, ['c'], continuous),
      'INVALID_INPUT',
      ['c', 'recency'],
      'must not exceed age (2)',
    );
    expectMetricError(() => readValueCustomer('test', { ...real, age: 0 }, ['c'], continuous), 'INVALID_INPUT', [
      'c',
      'age',
    ]);
    expectMetricError(
      () => readValueCustomer('test', { ...real, opportunities: 6 }, ['c'], continuous),
      'INVALID_INPUT',
      ['c', 'opportunities'],
      'has age',
    );
    expectMetricError(() => readValueCustomer('test', 'x', ['c'], continuous), 'INVALID_INPUT', ['c']);
  });
});
