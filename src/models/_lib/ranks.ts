// Orders by numeric keys without a comparator: a typed-array sort of the keys, each key's rank among the
// distinct values by binary search, then a counting sort of the ranks (stable: equal keys keep index order).
// A comparator sort of 100 000 indices costs several times as much.

/** Each value's rank (0-based) among the distinct values, and those values in increasing order. */
export function denseRanks(values: Float64Array): { ranks: Uint32Array; distinct: Float64Array } {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i] as number;
  }
  const distinct = sorted.subarray(0, count);
  const ranks = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((distinct[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    ranks[i] = low;
  }
  return { ranks, distinct };
}

/** Indices ordered by `keys` (integers in [0, buckets)), equal keys in increasing index: a counting sort. */
export function orderByKeys(keys: Uint32Array, buckets: number): Uint32Array {
  const starts = new Uint32Array(buckets + 1);
  for (let i = 0; i < keys.length; i++) {
    const bucket = (keys[i] as number) + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  for (let b = 0; b < buckets; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const bucket = keys[i] as number;
    const at = starts[bucket] as number;
    order[at] = i;
    starts[bucket] = at + 1;
  }
  return order;
}

/** Indices in decreasing order of `values`, equal values in increasing index. */
export function decreasingOrder(values: Float64Array): Uint32Array {
  const { ranks, distinct } = denseRanks(values);
  const top = distinct.length - 1;
  for (let i = 0; i < ranks.length; i++) ranks[i] = top - (ranks[i] as number);
  return orderByKeys(ranks, distinct.length);
}
