// Customers grouped by their history (x, tₓ, T), for the likelihoods of the continuous-time models. A sum
// over customers is a sum over distinct histories weighted by their customers: all customers without repeat
// purchases and of one age share a history, and a base summarised in days or weeks repeats many others. The
// terms a likelihood needs per time (ln(α + t), the Pareto/NBD's end term) are computed once per distinct
// pair (x, t) among the customers' (x, tₓ) and (x, T). On CDNOW that is 2 357 customers but 23 distinct x,
// 943 pairs and 1 186 histories.

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

/** Pair ids below this fit in a key of two ids (2^26 pairs, far more than customers ever give). */
const PAIR_KEY = 2 ** 26;

/** Groups the customers of `histories` by distinct history, in order of first appearance. */
export function groupHistories(histories: Histories): HistoryGroups {
  const { frequency, recency, age } = histories;
  const n = frequency.length;
  const frequencyIds = new Map<number, number>();
  const pairs = new Map<number, Map<number, number>>();
  const frequencies: number[] = [];
  const pairFrequency: number[] = [];
  const pairTime: number[] = [];
  const seen = new Map<number, number>();
  const frequencyOf: number[] = [];
  const recencyPair: number[] = [];
  const agePair: number[] = [];
  const ages: number[] = [];
  const count: number[] = [];
  const pairOf = (x: number, t: number): number => {
    let times = pairs.get(x);
    if (times === undefined) {
      times = new Map();
      pairs.set(x, times);
    }
    let id = times.get(t);
    if (id === undefined) {
      id = pairTime.length;
      times.set(t, id);
      pairFrequency.push(x);
      pairTime.push(t);
    }
    return id;
  };
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    let id = frequencyIds.get(x);
    if (id === undefined) {
      id = frequencies.length;
      frequencyIds.set(x, id);
      frequencies.push(x);
    }
    const atRecency = pairOf(x, recency[i] as number);
    const atAge = pairOf(x, age[i] as number);
    const key = atRecency * PAIR_KEY + atAge;
    const known = seen.get(key);
    if (known !== undefined) {
      count[known] = (count[known] as number) + 1;
      continue;
    }
    seen.set(key, count.length);
    frequencyOf.push(id);
    recencyPair.push(atRecency);
    agePair.push(atAge);
    ages.push(age[i] as number);
    count.push(1);
  }
  return {
    frequencies: Float64Array.from(frequencies),
    pairFrequency: Float64Array.from(pairFrequency),
    pairTime: Float64Array.from(pairTime),
    frequencyOf: Int32Array.from(frequencyOf),
    recencyPair: Int32Array.from(recencyPair),
    agePair: Int32Array.from(agePair),
    age: Float64Array.from(ages),
    count: Float64Array.from(count),
  };
}
