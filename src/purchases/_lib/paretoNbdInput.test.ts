import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readHistories } from './paretoNbdInput.js';

describe('readHistories', () => {
  it('reads records and columns into the same Float64Array columns', () => {
    const fromRecords = readHistories('test', {
      customers: [
        { frequency: 2, recency: 3.5, age: 10, customerId: 'a' },
        { frequency: 0, recency: 0, age: 4 },
      ],
    });
    const fromColumns = readHistories('test', { frequency: [2, 0], recency: Float64Array.of(3.5, 0), age: [10, 4] });
    expect(fromRecords).toEqual(fromColumns);
    expect(fromRecords.frequency).toEqual(Float64Array.of(2, 0));
  });

  it('reads each field of a record once', () => {
    let reads = 0;
    const customer = {
      get frequency() {
        reads++;
        return 1;
      },
      recency: 1,
      age: 2,
    };
    readHistories('test', { customers: [customer] });
    expect(reads).toBe(1);
  });

  it('names the metric, the customer and the field', () => {
    const error = expectMetricError(
      () => readHistories('fitSomething', { customers: [{ frequency: 1, recency: 0, age: 2 }] }),
      'INVALID_INPUT',
      ['customers', 0, 'recency'],
      'must be above 0 when frequency is above 0',
    );
    expect(error.metric).toBe('fitSomething');
    expectMetricError(() => readHistories('test', { frequency: [1], recency: [1], age: [-2] }), 'INVALID_INPUT', [
      'age',
      0,
    ]);
    expectMetricError(() => readHistories('test', 'customers'), 'INVALID_INPUT', []);
  });
});
