// Customers grouped by their number of repeat purchases, so that a likelihood computes its ln Γ and ψ terms
// once per distinct frequency rather than once per customer: a base of 200 000 customers has a few hundred
// distinct frequencies at most.
import type { CustomerColumns } from './customers.js';

/** The distinct frequencies of a base and, for each customer, which one is its. */
export interface FrequencyGroups {
  /** The distinct frequencies, in order of first appearance. */
  readonly values: Float64Array;
  /** How many customers have each distinct frequency. */
  readonly counts: Float64Array;
  /** For each customer, the index of its frequency in `values`. */
  readonly index: Int32Array;
}

/** Frequencies up to this bound are looked up in an array; beyond it, in a Map. */
const DENSE_UP_TO = 1 << 16;

/** Groups the customers of `columns` by frequency. */
export function groupByFrequency(columns: CustomerColumns): FrequencyGroups {
  const { frequency, count: n } = columns;
  const index = new Int32Array(n);
  const values: number[] = [];
  const counts: number[] = [];
  const dense = new Int32Array(DENSE_UP_TO).fill(-1);
  const sparse = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    let group = x < DENSE_UP_TO ? (dense[x] as number) : (sparse.get(x) ?? -1);
    if (group < 0) {
      group = values.length;
      values.push(x);
      counts.push(0);
      if (x < DENSE_UP_TO) dense[x] = group;
      else sparse.set(x, group);
    }
    counts[group] = (counts[group] as number) + 1;
    index[i] = group;
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), index };
}
