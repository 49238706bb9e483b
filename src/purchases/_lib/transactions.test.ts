import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readTransactionColumns, readTransactionRecords } from './transactions.js';

const DAY = 86_400_000;
const limit = { day: 100, option: 'asOf' };

describe('readTransactionRecords', () => {
  it('reads slots, UTC days and exact amounts', () => {
    const read = readTransactionRecords(
      'test',
      [
        { customerId: 'a', at: '1970-01-02T23:59:59Z', amount: '1.005' },
        { customerId: 9, at: -1, amount: 2.5 },
        { customerId: 'a', at: 5 * DAY, amount: '12345678901234567890.12' },
      ],
      limit,
    );
    expect(read.count).toBe(3);
    expect([...read.slots]).toEqual([0, 1, 0]);
    expect([...read.days]).toEqual([1, -1, 5]);
    expect(read.ids).toEqual(['a', 9]);
    expect(read.amounts?.maxScale).toBe(3);
    expect([read.amounts?.ints.get(0), read.amounts?.ints.get(1), read.amounts?.ints.get(2)]).toEqual([
      1005,
      250,
      1234567890123456789012n,
    ]);
    expect([...(read.amounts?.scales ?? [])]).toEqual([3, 2, 2]);
  });

  it('has no amounts when the transactions carry none', () => {
    expect(readTransactionRecords('test', [{ customerId: 'a', at: 0 }], limit).amounts).toBeUndefined();
  });

  it('refuses a day after the limit, naming the option and the day', () => {
    expectMetricError(
      () => readTransactionRecords('test', [{ customerId: 'a', at: 101 * DAY }], { day: 100, option: 'holdoutEnd' }),
      'INVALID_INPUT',
      ['transactions', 0, 'at'],
      'is after holdoutEnd (1970-04-11), a purchase of customer "a": leave it out',
    );
  });
});

describe('readTransactionColumns', () => {
  it('reads the columns as the records', () => {
    const read = readTransactionColumns(
      'test',
      { customerIds: new Float64Array([3, 4, 3]), at: ['1970-01-03', new Date(DAY), 0] },
      limit,
    );
    expect([...read.slots]).toEqual([0, 1, 0]);
    expect([...read.days]).toEqual([2, 1, 0]);
    expect(read.ids).toEqual([3, 4]);
    expect(read.amounts).toBeUndefined();
  });
});
