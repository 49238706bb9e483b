// Percentiles by linear interpolation between closest ranks: for sorted x₀…xₙ₋₁ and a probability p,
// h = (n − 1)·p and the percentile is x_l + (h − l)(x_{l+1} − x_l) with l = ⌊h⌋. This is Hyndman & Fan's
// definition 7 ("Sample quantiles in statistical packages", The American Statistician 50, 1996): numpy's
// default (`method='linear'`), Excel's PERCENTILE.INC, R's default `quantile` type and SQL's PERCENTILE_CONT.
//
// p is given as an exact fraction (0.9 is 9/10), so the rank h is split into its whole part l and the
// remainder `weight / scale` in integer arithmetic, with no rounding of h itself. Order statistics are found
// by selection (Floyd & Rivest's SELECT, expected linear time) on a Float64Array the caller owns, rather than
// by a full sort: two percentiles of a million values cost a few linear passes instead of n log n.

/** A probability as an exact fraction `numerator / denominator` (the median is `[1, 2]`, p90 `[9, 10]`). */
export type Probability = readonly [numerator: number, denominator: number];

export const MEDIAN: Probability = [1, 2];
export const P90: Probability = [9, 10];

/**
 * The two order statistics a percentile lies between, and where: the percentile is
 * `lower + (upper − lower) · weight / scale`, with `0 ≤ weight < scale`. Kept apart so that a caller working
 * in integers (durations in milliseconds) can finish the interpolation exactly.
 */
export interface Bracket {
  readonly lower: number;
  readonly upper: number;
  readonly weight: number;
  readonly scale: number;
}

/** The rank h = (n − 1)·p of a percentile, as its whole part and the remainder `weight / scale`. */
export function percentileRank(count: number, p: Probability): { index: number; weight: number } {
  const [numerator, denominator] = p;
  const scaled = (count - 1) * numerator;
  const index = Math.floor(scaled / denominator);
  return { index, weight: scaled - index * denominator };
}

/** The value of a bracket in double precision. */
export function interpolate(bracket: Bracket): number {
  const { lower, upper, weight, scale } = bracket;
  return weight === 0 ? lower : lower + ((upper - lower) * weight) / scale;
}

function swap(values: Float64Array, i: number, j: number): void {
  const held = values[i] as number;
  values[i] = values[j] as number;
  values[j] = held;
}

/** Beyond this many partitioning rounds of one selection, the rest of the range is sorted instead. */
const MAX_ROUNDS = 96;

/**
 * Reorders `values[left..right]` (both included) so that `values[k]` is the value that would be there if the
 * range were sorted, everything before it is ≤ it and everything after it ≥ it. Floyd & Rivest, "Algorithm
 * 489: SELECT", CACM 18 (1975): the pivot is chosen by first selecting within a small sample around where
 * the k-th value is expected, which makes the expected cost n + min(k, n − k) + o(n) comparisons. A range
 * that keeps failing to shrink (more than `maxRounds` partitions) is sorted instead, which bounds the worst
 * case at `maxRounds` linear passes and one sort. No NaN may be present.
 */
export function selectInPlace(
  values: Float64Array,
  k: number,
  left = 0,
  right = values.length - 1,
  maxRounds = MAX_ROUNDS,
): void {
  let rounds = 0;
  while (right > left) {
    if (++rounds > maxRounds) {
      values.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, k, sampleLeft, sampleRight, maxRounds);
    }
    const pivot = values[k] as number;
    let i = left;
    let j = right;
    swap(values, left, k);
    if ((values[right] as number) > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
    }
    if (values[left] === pivot) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** The smallest of `values[from..to)`. */
function minimumOf(values: Float64Array, from: number, to: number): number {
  let least = values[from] as number;
  for (let i = from + 1; i < to; i++) {
    const value = values[i] as number;
    if (value < least) least = value;
  }
  return least;
}

/**
 * The brackets of several percentiles of the first `count` values of `values`, which it reorders (pass a
 * scratch array). Each bracket needs the order statistics l and l + 1. The highest rank is selected over the
 * whole range; its successor is then the minimum of what lies above it. Each lower rank is selected only
 * within the part at or below the previous rank, and its successor is the minimum of that part above it.
 * `count` must be at least 1.
 */
export function percentileBrackets(values: Float64Array, count: number, ps: readonly Probability[]): Bracket[] {
  const ranks = ps.map((p) => percentileRank(count, p));
  const indexOf = (which: number) => (ranks[which] as { index: number }).index;
  const order = ranks.map((_, i) => i).sort((a, b) => indexOf(b) - indexOf(a));
  const brackets: Bracket[] = new Array(ps.length);
  // Selection happens within values[0..bound]; values[0..above] held the smallest values when `previous`
  // was selected, so the successor of rank `previous` is the minimum of values[previous + 1..above].
  let bound = count - 1;
  let above = count - 1;
  let previous = -1;
  for (const which of order) {
    const { index, weight } = ranks[which] as { index: number; weight: number };
    if (index !== previous) {
      selectInPlace(values, index, 0, bound);
      above = bound;
      bound = index;
      previous = index;
    }
    const lower = values[index] as number;
    // weight > 0 means h < n − 1, so index + 1 ≤ above and the range is not empty.
    const upper = weight === 0 ? lower : minimumOf(values, index + 1, above + 1);
    brackets[which] = { lower, upper, weight, scale: (ps[which] as Probability)[1] };
  }
  return brackets;
}
