import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupHistories } from './historyGroups.js';

const columns = (rows: [number, number, number][]) => ({
  frequency: Float64Array.from(rows, (row) => row[0]),
  recency: Float64Array.from(rows, (row) => row[1]),
  age: Float64Array.from(rows, (row) => row[2]),
});

describe('groupHistories', () => {
  it('merges customers with the same (x, tₓ, T) and shares the pairs (x, t)', () => {
    const groups = groupHistories(
      columns([
        [0, 0, 10],
        [2, 5, 10],
        [0, 0, 10],
        [2, 5, 10],
        [2, 10, 10],
        [0, 0, 12],
      ]),
    );
    expect(Array.from(groups.count)).toEqual([2, 2, 1, 1]);
    expect(Array.from(groups.frequencies)).toEqual([0, 2]);
    expect(Array.from(groups.frequencyOf)).toEqual([0, 1, 1, 0]);
    expect(Array.from(groups.age)).toEqual([10, 10, 10, 12]);
    // (0, 0), (0, 10), (2, 5), (2, 10), (0, 12): the third history's recency and age are one pair.
    expect(Array.from(groups.pairTime)).toEqual([0, 10, 5, 10, 12]);
    expect(groups.recencyPair[2]).toBe(groups.agePair[2]);
  });

  it('keeps every customer once: each history stands for its customers exactly', () => {
    const history = fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }))
      .map(([x, T, t]): [number, number, number] => (x === 0 ? [0, 0, T] : [x, Math.min(T, Math.max(1, t)), T]));
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 60 }), (rows) => {
        const groups = groupHistories(columns(rows));
        const counted = new Map<string, number>();
        for (let h = 0; h < groups.count.length; h++) {
          const key = [
            groups.frequencies[groups.frequencyOf[h] as number],
            groups.pairTime[groups.recencyPair[h] as number],
            groups.pairTime[groups.agePair[h] as number],
          ].join();
          expect(counted.has(key)).toBe(false);
          expect(groups.age[h]).toBe(groups.pairTime[groups.agePair[h] as number]);
          counted.set(key, groups.count[h] as number);
        }
        const expected = new Map<string, number>();
        for (const row of rows) expected.set(row.join(), (expected.get(row.join()) ?? 0) + 1);
        expect(counted).toEqual(expected);
      }),
    );
  });
});
