// The customers of one segment as lifetimes of their own, so that the cohort table of a segment is made by the
// same code, from the same checked dates, as the table of every customer.
import type { Lifetimes } from '../../internal/lifetimes.js';
import type { SegmentGroups } from '../../internal/segmented.js';

/**
 * The lifetimes of segment `s` alone, in record order (`indexes` from `segmentIndexes`), with spare memory of
 * their own.
 */
export function segmentLifetimes(
  lifetimes: Lifetimes,
  groups: SegmentGroups,
  indexes: Int32Array,
  s: number,
): Lifetimes {
  const first = groups.offsets[s] as number;
  const count = (groups.offsets[s + 1] as number) - first;
  const start = new Float64Array(count);
  const end = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const i = indexes[first + k] as number;
    start[k] = lifetimes.start[i] as number;
    end[k] = lifetimes.end[i] as number;
  }
  return { count, start, end, spare: new Int32Array(count) };
}

/** The customers in a cohort table: the sum of its cohorts' sizes. */
export function customersIn(result: { readonly cohorts: readonly { readonly size: number }[] }): number {
  let customers = 0;
  for (const row of result.cohorts) customers += row.size;
  return customers;
}
