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

/** Frequencies below this bound are looked up in an array; from it on, in a Map. */
const DENSE_BELOW = 1 << 12;

/** Groups the customers of `columns` by frequency. */
export function groupByFrequency(columns: CustomerColumns): FrequencyGroups {
  const { frequency, count: n } = columns;
  const index = new Int32Array(n);
  const values: number[] = [];
  const dense = new Int32Array(DENSE_BELOW).fill(-1);
  let sparse: Map<number, number> | undefined;
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    let group: number;
    if (x < DENSE_BELOW) {
      const key = x | 0;
      group = dense[key] as number;
      if (group < 0) {
        group = values.push(x) - 1;
        dense[key] = group;
      }
    } else {
      sparse ??= new Map();
      group = sparse.get(x) ?? -1;
      if (group < 0) {
        group = values.push(x) - 1;
        sparse.set(x, group);
      }
    }
    index[i] = group;
  }
  const counts = new Float64Array(values.length);
  for (let i = 0; i < n; i++) {
    const group = index[i] as number;
    counts[group] = (counts[group] as number) + 1;
  }
  return { values: Float64Array.from(values), counts, index };
}
