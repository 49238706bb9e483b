import { describe, expect, it } from 'vitest';
import { SegmentCollector, segmentIndexes } from '../../internal/segmented.js';
import { customersIn, segmentLifetimes } from './segmentLifetimes.js';

describe('segmentLifetimes', () => {
  it("copies one segment's dates in record order", () => {
    const collector = new SegmentCollector('m', 'customers', 3, { segmentBy: (record: unknown) => String(record) });
    ['a', 'b', 'a'].forEach((record, i) => collector.add(record, i));
    const groups = collector.groups();
    const lifetimes = {
      count: 3,
      start: Float64Array.of(1, 2, 3),
      end: Float64Array.of(10, 20, Number.POSITIVE_INFINITY),
      spare: new Int32Array(3),
    };
    const a = segmentLifetimes(lifetimes, groups, segmentIndexes(groups), 0);
    expect(a.count).toBe(2);
    expect([...a.start]).toEqual([1, 3]);
    expect([...a.end]).toEqual([10, Number.POSITIVE_INFINITY]);
    expect(a.spare.length).toBe(2);
    expect([...segmentLifetimes(lifetimes, groups, segmentIndexes(groups), 1).start]).toEqual([2]);
  });
});

describe('customersIn', () => {
  it("adds up the cohorts' sizes", () => {
    expect(customersIn({ cohorts: [{ size: 3 }, { size: 2 }] })).toBe(5);
    expect(customersIn({ cohorts: [] })).toBe(0);
  });
});
