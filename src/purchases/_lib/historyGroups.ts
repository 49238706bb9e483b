// Customers grouped by their history (x, tₓ, T), for the likelihoods of the continuous-time models. A sum
// over customers is a sum over distinct histories weighted by their customers: all customers without repeat
// purchases and of one age share a history, and a base summarised in days or weeks repeats many others. The
// terms a likelihood needs per time (ln(α + t), the Pareto/NBD's end term) are computed once per distinct
// pair (x, t) among the customers' (x, tₓ) and (x, T). On CDNOW that is 2 357 customers but 23 distinct x,
// 943 pairs and 1 186 histories.
import { PairIndex } from './pairIndex.js';

/** Customers' histories as columns, already validated. */
export interface Histories {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly age: Float64Array;
}

/** The distinct histories, each with its customers, indexed by their distinct x and (x, t) pairs. */
export interface HistoryGroups {
  /** The distinct x. */
  readonly frequencies: Float64Array;
  /** The distinct pairs (x, t): x and t of each. */
  readonly pairFrequency: Float64Array;
  readonly pairTime: Float64Array;
  /** Per distinct history: its x (index into `frequencies`), its (x, tₓ) and (x, T) pairs, T, customers. */
  readonly frequencyOf: Int32Array;
  readonly recencyPair: Int32Array;
  readonly agePair: Int32Array;
  readonly age: Float64Array;
  readonly count: Float64Array;
}

/** Frequencies below this are numbered through a table indexed by x (they are whole numbers ≥ 0). */
const SMALL = 256;

/** Groups the customers of `histories` by distinct history, in order of first appearance. */
export function groupHistories(histories: Histories): HistoryGroups {
  const { frequency, recency, age } = histories;
  const n = frequency.length;
  // Hash tables on the doubles themselves (no Map, no boxed keys): the distinct x as pairs (x, 0), the
  // pairs (x, t), and the histories as pairs of pair numbers.
  const frequencyIds = new PairIndex(Number.POSITIVE_INFINITY);
  const pairIds = new PairIndex(Number.POSITIVE_INFINITY);
  const historyIds = new PairIndex(Number.POSITIVE_INFINITY);
  // Most customers have few repeat purchases: their x's number is kept by x, without hashing it again. A
  // customer without repeat purchases has t_x = 0: their (0, 0) pair is numbered once.
  const smallFrequency = new Int32Array(SMALL).fill(-1);
  let zeroPair = -1;
  const frequencies = new Float64Array(n);
  const pairFrequency = new Float64Array(2 * n);
  const pairTime = new Float64Array(2 * n);
  const frequencyOf = new Int32Array(n);
  const recencyPair = new Int32Array(n);
  const agePair = new Int32Array(n);
  const ages = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const t = recency[i] as number;
    const T = age[i] as number;
    let id = x < SMALL ? (smallFrequency[x] as number) : -1;
    if (id < 0) {
      id = frequencyIds.slot(x, 0);
      frequencies[id] = x;
      if (x < SMALL) smallFrequency[x] = id;
    }
    const pairs = pairIds.size;
    let atRecency = x === 0 ? zeroPair : -1;
    if (atRecency < 0) {
      atRecency = pairIds.slot(x, t);
      if (x === 0) zeroPair = atRecency;
    }
    const atAge = pairIds.slot(x, T);
    if (pairIds.size > pairs) {
      pairFrequency[atRecency] = x;
      pairTime[atRecency] = t;
      pairFrequency[atAge] = x;
      pairTime[atAge] = T;
    }
    const known = historyIds.size;
    const h = historyIds.slot(atRecency, atAge);
    count[h] = (count[h] as number) + 1;
    if (h < known) continue;
    frequencyOf[h] = id;
    recencyPair[h] = atRecency;
    agePair[h] = atAge;
    ages[h] = T;
  }
  const distinct = historyIds.size;
  // Views, not copies: the groups live only as long as a fit or a prediction that made them.
  return {
    frequencies: frequencies.subarray(0, frequencyIds.size),
    pairFrequency: pairFrequency.subarray(0, pairIds.size),
    pairTime: pairTime.subarray(0, pairIds.size),
    frequencyOf: frequencyOf.subarray(0, distinct),
    recencyPair: recencyPair.subarray(0, distinct),
    agePair: agePair.subarray(0, distinct),
    age: ages.subarray(0, distinct),
    count: count.subarray(0, distinct),
  };
}
