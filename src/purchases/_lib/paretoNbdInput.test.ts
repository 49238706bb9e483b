import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readHistories } from './paretoNbdInput.js';

describe('readHistories', () => {
  it('reads records and columns under customers into the same columns', () => {
    const fromRecords = readHistories('test', {
      customers: [
        { frequency: 2, recency: 3.5, age: 10, customerId: 'a' },
        { frequency: 0, recency: 0, age: 4 },
      ],
    });
    const fromColumns = readHistories('test', {
      customers: { frequency: [2, 0], recency: Float64Array.of(3.5, 0), age: [10, 4] },
    });
    expect(fromRecords).toEqual(fromColumns);
    expect([...fromRecords.frequency]).toEqual([2, 0]);
    expect([...fromRecords.age]).toEqual([10, 4]);
  });

  it('needs a customer with a repeat purchase, and refuses other input forms', () => {
    expectMetricError(
      () => readHistories('test', { customers: [{ frequency: 0, recency: 0, age: 4 }] }),
      'NO_DATA',
      ['customers'],
      'repeat purchase',
    );
    expectMetricError(() => readHistories('test', { frequency: [1], recency: [1], age: [2] }), 'INVALID_INPUT', [
      'customers',
    ]);
  });
});
