// The contract of every segmented result, checked against the unsegmented call: the total is that call on
// every record, each segment's result is that call on the segment's records alone (null where it has no
// data), segments are listed by name with '(none)' last, and smallSample follows the size.
import { expect } from 'vitest';
import { isMetricError } from '../../src/errors.js';

interface Entry {
  readonly segment: string;
  readonly size: number;
  readonly result: unknown;
  readonly smallSample: boolean;
}

/** The call without segments, or `null` when it throws NO_DATA. */
export function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (isMetricError(error) && error.code === 'NO_DATA') return null;
    throw error;
  }
}

/**
 * Expects `segmented` to be `records` broken down by `keyOf`: `call(subset)` is the unsegmented call on some
 * records, `sizeOf(subset)` a segment's size in the function's unit.
 */
export function expectSegmentsOf<R>(
  segmented: { readonly total: unknown; readonly segments: readonly Entry[] },
  records: readonly R[],
  keyOf: (record: R, index: number) => string,
  call: (subset: R[]) => unknown,
  sizeOf: (subset: R[]) => number,
  minimumSegmentSize: number,
): void {
  expect(segmented.total).toEqual(call([...records]));
  const groups = new Map<string, R[]>();
  records.forEach((record, index) => {
    const key = keyOf(record, index);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [record]);
    else group.push(record);
  });
  const names = [...groups.keys()].sort((a, b) => {
    if (a === '(none)' || b === '(none)') return a === b ? 0 : a === '(none)' ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  expect(segmented.segments.map((entry) => entry.segment)).toEqual(names);
  for (const entry of segmented.segments) {
    const subset = groups.get(entry.segment) ?? [];
    expect(entry.result).toEqual(orNull(() => call(subset)));
    expect(entry.size).toBe(sizeOf(subset));
    expect(entry.smallSample).toBe(entry.size < minimumSegmentSize);
  }
}
