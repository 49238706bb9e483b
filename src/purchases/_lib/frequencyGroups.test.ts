import { describe, expect, it } from 'vitest';
import { readCustomers } from './customers.js';
import { groupByFrequency } from './frequencyGroups.js';

describe('groupByFrequency', () => {
  it('numbers the distinct frequencies in order of appearance and counts them', () => {
    const columns = readCustomers('test', {
      frequency: [2, 0, 2, 70_000, 0, 70_000, 5],
      recency: [1, 0, 1, 1, 0, 1, 1],
      age: [2, 2, 2, 2, 2, 2, 2],
    });
    const groups = groupByFrequency(columns);
    expect(Array.from(groups.values)).toEqual([2, 0, 70_000, 5]);
    expect(Array.from(groups.counts)).toEqual([2, 2, 2, 1]);
    expect(Array.from(groups.index)).toEqual([0, 1, 0, 2, 1, 2, 3]);
  });
});
