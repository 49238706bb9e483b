// Scores a base of a discrete-time model (BG/BB) once per distinct purchase pattern. Its predictions depend
// on a customer through (x, t_x, ⌊n⌋) only, and a base counted in opportunities (months, years) has few
// distinct patterns: 200 000 customers with up to 24 opportunities have at most 2 600. So each pattern is
// scored once, by the one-customer function itself (the results are the same bits), and the others read it
// from an open-addressing hash table on the pattern packed in one 30-bit integer (a Map costs several times
// more per lookup).
import type { CustomerColumns } from './customers.js';
import type { History } from './kinds.js';

/** Patterns are cached while x, t_x and ⌊n⌋ are whole numbers below this bound (10 bits each). */
const BOUND = 1 << 10;
/** The table's first size (a power of 2); it doubles whenever it is half full. */
const FIRST_SIZE = 1 << 8;

/** Values by 30-bit key: keys of −1 mark empty slots. */
class PatternTable {
  keys = new Int32Array(FIRST_SIZE).fill(-1);
  values = new Float64Array(FIRST_SIZE);
  size = 0;

  /** The slot of `key`: where it is, or the empty slot where it belongs. */
  find(key: number): number {
    const mask = this.keys.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const found = this.keys[h] as number;
      if (found === key || found < 0) return h;
      h = (h + 1) & mask;
    }
  }

  /** Stores `value` at `slot`, the empty slot `find` gave for `key`. */
  insert(slot: number, key: number, value: number): void {
    this.keys[slot] = key;
    this.values[slot] = value;
    if (++this.size * 2 > this.keys.length) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.values = new Float64Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      if (key < 0) continue;
      const slot = this.find(key);
      this.keys[slot] = key;
      this.values[slot] = values[i] as number;
    }
  }
}

/** A one-customer prediction of a model with `parameters`, over `t` periods when it takes a horizon. */
export type PatternScore = (parameters: Float64Array, t: number, history: History) => number;

/**
 * `one`'s value of every customer of `columns` into `out`, `one` being called once per distinct (x, t_x, ⌊n⌋)
 * (customers with a fractional recency, or 1 024 opportunities or purchases or more, are scored one by one).
 * `periods` is passed on to `one` as its `t`. `one` should be a function made once, not a closure made per call: V8 then keeps its call inlined.
 */
export function scoreByPattern(
  columns: CustomerColumns,
  out: Float64Array,
  one: PatternScore,
  parameters: Float64Array,
  periods: number,
): void {
  const { frequency, recency, age, count } = columns;
  const table = new PatternTable();
  const history = { frequency: 0, recency: 0, age: 0 };
  for (let i = 0; i < count; i++) {
    const x = frequency[i] as number;
    const t = recency[i] as number;
    const n = Math.floor(age[i] as number);
    if (n >= BOUND || x >= BOUND || Math.floor(t) !== t) {
      history.frequency = x;
      history.recency = t;
      history.age = age[i] as number;
      out[i] = one(parameters, periods, history);
      continue;
    }
    // t_x ≤ T < BOUND (the histories are checked), so the three fit in 10 bits each.
    const key = (((n << 10) | t) << 10) | x;
    const slot = table.find(key);
    if (table.keys[slot] === key) {
      out[i] = table.values[slot] as number;
      continue;
    }
    history.frequency = x;
    history.recency = t;
    history.age = age[i] as number;
    const value = one(parameters, periods, history);
    table.insert(slot, key, value);
    out[i] = value;
  }
}
