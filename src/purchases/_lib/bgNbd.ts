// The BG/NBD model's predictions (Fader, Hardie & Lee 2005), in double precision, over the parameters
// (r, α, a, b):
//   E[Y(t) | alive at T, x] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x}
//                              · 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))]          (eq. 10's numerator)
//   P(alive | x, t_x, T)     = 1/(1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x})   (eq. 10's denominator)
//   E[Y(t) | x, t_x, T]      = their product (eq. 10); E[X(t)] is the first with x = 0 and T = 0 (eq. 9).
//   P(X(t) = n)              = eq. 8.
// Powers are taken as exponentials of logarithms computed with log1p, so that customers with hundreds of
// purchases never overflow, and 1 − e^L as −expm1(L).
import { countProbability } from './bgNbdCount.js';
import type { CustomerColumns } from './customers.js';
import { logHypergeometric2F1 } from './hypergeometric.js';
import { complementNearOne } from './hypergeometricNearOne.js';
import { type CountModelKind, type History, numberOrNaN } from './kinds.js';
import { PairIndex } from './pairIndex.js';

/** Within this distance of a = 1, where eq. 10's numerator is 0/0, it is interpolated from a = 1 ± NEAR_ONE. */
const NEAR_ONE = 1e-4;
/**
 * From z = t/(α + T + t) = 0.6 on, 2F1 is taken from Gauss's transformation to 1 − z (hypergeometricNearOne.ts)
 * when it is exact to 1e-14: two series of a few dozen terms, where the series in z takes hundreds. Only for
 * r + x and b + x up to 60 (Γ arguments within ±100) and horizons up to 1e4 (α + T), so that beyond it the
 * series in z, and its refusal of horizons it cannot sum, stay as they were.
 */
const TRANSFORM_FROM = 0.6;
const TRANSFORM_UP_TO = 60;
const HORIZON_UP_TO = 1e4;

/** ln(a/(b + x − 1)): the constant part of the log odds of having lapsed. */
const logOddsConstant = (a: number, b: number, x: number): number => Math.log(a / (b + x - 1));

/** P(alive) from the log odds d of having lapsed: 1/(1 + e^d), without overflow. */
function aliveFromLogOdds(d: number): number {
  if (d > 0) {
    const e = Math.exp(-d);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(d));
}

/**
 * E[Y(t)] of a customer alive at T with x repeat purchases: eq. 10's numerator.
 * Accuracy: about 1e-13 relative, 1e-8 within 1e-4 of a = 1 (interpolated). NaN when the hypergeometric
 * series is too long (a horizon of about 1e6 (α + T)/(r + x) or more): the predictions refuse it.
 */
export function expectedIfAlive(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  // Rounding can leave −1e-17 where the expectation is 0 to double precision.
  if (Math.abs(a - 1) >= NEAR_ONE) return Math.max(0, numerator(r, alpha, a, b, x, T, t));
  const low = numerator(r, alpha, 1 - NEAR_ONE, b, x, T, t);
  const high = numerator(r, alpha, 1 + NEAR_ONE, b, x, T, t);
  return Math.max(0, low + ((a - (1 - NEAR_ONE)) / (2 * NEAR_ONE)) * (high - low));
}

function numerator(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const A = r + x;
  const B = b + x;
  const C = a + b + x - 1;
  const z = t / (alpha + T + t);
  // ln((α + T)/(α + T + t)) = ln(1 − z).
  const logS = -Math.log1p(t / (alpha + T));
  if (
    z >= TRANSFORM_FROM &&
    C > 0 &&
    A <= TRANSFORM_UP_TO &&
    B <= TRANSFORM_UP_TO &&
    t <= HORIZON_UP_TO * (alpha + T)
  ) {
    const Q = complementNearOne(A, B, C, (alpha + T) / (alpha + T + t), logS);
    if (!Number.isNaN(Q)) return (C / (a - 1)) * Q;
  }
  const logPower = A * logS;
  if (C > 0) return (C / (a - 1)) * -Math.expm1(logPower + logHypergeometric2F1(A, B, C, z));
  // C ≤ 0 only when x = 0 and a + b ≤ 1: C·2F1(A, B; C; z) from 2F1 at C + 1 and C + 2 by Gauss's contiguous
  // relation c(c − 1)(z − 1)F(c − 1) + c[c − 1 − (2c − A − B − 1)z]F(c) + (c − A)(c − B)z F(c + 1) = 0,
  // c = C + 1 (finite even at C = 0, where the product is the limit).
  const l1 = logHypergeometric2F1(A, B, C + 1, z);
  const l2 = logHypergeometric2F1(A, B, C + 2, z);
  const m = Math.max(l1, l2);
  const scaled =
    -((C + 1) * (C - (2 * C + 1 - A - B) * z) * Math.exp(l1 - m) + (C + 1 - A) * (C + 1 - B) * z * Math.exp(l2 - m)) /
    ((C + 1) * (z - 1));
  return (C - scaled * Math.exp(logPower + m)) / (a - 1);
}

/** P(alive | x, t_x, T). */
export function probabilityAlive(r: number, alpha: number, a: number, b: number, history: History): number {
  const { frequency: x, recency, age } = history;
  if (x === 0) return 1;
  return aliveFromLogOdds(logOddsConstant(a, b, x) + (r + x) * Math.log((alpha + age) / (alpha + recency)));
}

/** Frequencies below this bound get ln(a/(b + x − 1)) from a table in the bulk predictions. */
const TABLE = 256;

/** ln(a/(b + x − 1)) for x = 1 … TABLE − 1 (the same doubles as {@link logOddsConstant}). */
function logOddsTable(a: number, b: number): Float64Array {
  const table = new Float64Array(TABLE);
  for (let x = 1; x < TABLE; x++) table[x] = logOddsConstant(a, b, x);
  return table;
}

/**
 * E[Y(t) | x, t_x, T] of every customer into `out`: the same doubles as `expectedIfAlive(…) ·
 * probabilityAlive(…)` customer by customer. The hypergeometric term depends on x and T only: a base
 * summarised in whole days or weeks has few distinct (x, T) pairs, so it is computed once per pair (for the
 * first 65 536 distinct pairs; customers of other pairs get their own).
 */
export function conditionalExpectedColumns(
  r: number,
  alpha: number,
  a: number,
  b: number,
  t: number,
  columns: CustomerColumns,
  out: Float64Array,
): void {
  const { frequency, recency, age, count } = columns;
  expectedLoop(r, alpha, a, b, t, logOddsTable(a, b), new PairIndex(), frequency, recency, age, count, out);
}

// The loops below are functions of their own that read no field of an object they were not given: the
// engine optimises a loop while it runs (on-stack replacement), and code around it that it never saw run
// would send the optimised function back to the interpreter on a later call, when a bench or a server
// scores a base only a few times.
//
// They take the customers by blocks: a first pass over a block notes which customers have repeat purchases
// (they alone need P(alive) < 1), a second takes the logarithms of their odds, a third the exponentials. A
// logarithm and an exponential in the same iteration wait on each other; in passes of their own, the
// processor overlaps successive customers (about a third faster). The blocks keep the passes' scratch arrays
// small, in the first-level cache, and free of fresh memory.

/** Customers per block. */
const BLOCK = 2048;

function expectedLoop(
  r: number,
  alpha: number,
  a: number,
  b: number,
  t: number,
  logOdds: Float64Array,
  pairs: PairIndex,
  frequency: Float64Array,
  recency: Float64Array,
  age: Float64Array,
  count: number,
  out: Float64Array,
): void {
  // Grown as pairs come (a table sized for 65 536 pairs up front would cost fresh memory on every call).
  let values: Float64Array = new Float64Array(1024);
  const repeat = new Int32Array(BLOCK);
  const odds = new Float64Array(BLOCK);
  for (let start = 0; start < count; start += BLOCK) {
    const end = Math.min(count, start + BLOCK);
    let k = 0;
    for (let i = start; i < end; i++) {
      const x = frequency[i] as number;
      const T = age[i] as number;
      const known = pairs.size;
      const id = pairs.slot(x, T);
      let ifAlive: number;
      if (id >= 0 && id < known) ifAlive = values[id] as number;
      else {
        ifAlive = expectedIfAlive(r, alpha, a, b, x, T, t);
        if (id >= 0) {
          if (id === values.length) values = doubled(values);
          values[id] = ifAlive;
        }
      }
      out[i] = ifAlive;
      repeat[k] = i;
      k += +(x !== 0);
    }
    lapseLogOdds(r, alpha, a, b, logOdds, frequency, recency, age, repeat, k, odds);
    for (let j = 0; j < k; j++) {
      const i = repeat[j] as number;
      out[i] = (out[i] as number) * alive(odds[j] as number);
    }
  }
}

/** `values` copied into an array twice as long. */
function doubled(values: Float64Array): Float64Array {
  const copy = new Float64Array(2 * values.length);
  copy.set(values);
  return copy;
}

/** The log odds of having lapsed of customers `repeat[0 … k − 1]` (all with x > 0) into `odds`. */
function lapseLogOdds(
  r: number,
  alpha: number,
  a: number,
  b: number,
  logOdds: Float64Array,
  frequency: Float64Array,
  recency: Float64Array,
  age: Float64Array,
  repeat: Int32Array,
  k: number,
  odds: Float64Array,
): void {
  for (let j = 0; j < k; j++) {
    const i = repeat[j] as number;
    const x = frequency[i] as number;
    const c = x < TABLE ? (logOdds[x] as number) : logOddsConstant(a, b, x);
    odds[j] = c + (r + x) * Math.log((alpha + (age[i] as number)) / (alpha + (recency[i] as number)));
  }
}

/**
 * {@link aliveFromLogOdds}, to the last bit, without a branch on the sign of d: e^−|d| is e^−d above 0
 * (e/(1 + e)) and e^d below (1/(1 + e)).
 */
function alive(d: number): number {
  const e = Math.exp(-Math.abs(d));
  return (d > 0 ? e : 1) / (1 + e);
}

/** P(alive) of every customer into `out`: one logarithm and one exponential per customer with x > 0. */
export function probabilityAliveColumns(
  r: number,
  alpha: number,
  a: number,
  b: number,
  columns: CustomerColumns,
  out: Float64Array,
): void {
  const { frequency, recency, age, count } = columns;
  aliveLoop(r, alpha, a, b, logOddsTable(a, b), frequency, recency, age, count, out);
}

function aliveLoop(
  r: number,
  alpha: number,
  a: number,
  b: number,
  logOdds: Float64Array,
  frequency: Float64Array,
  recency: Float64Array,
  age: Float64Array,
  count: number,
  out: Float64Array,
): void {
  const repeat = new Int32Array(BLOCK);
  const odds = new Float64Array(BLOCK);
  for (let start = 0; start < count; start += BLOCK) {
    const end = Math.min(count, start + BLOCK);
    let k = 0;
    for (let i = start; i < end; i++) {
      out[i] = 1;
      repeat[k] = i;
      k += +((frequency[i] as number) !== 0);
    }
    lapseLogOdds(r, alpha, a, b, logOdds, frequency, recency, age, repeat, k, odds);
    for (let j = 0; j < k; j++) out[repeat[j] as number] = alive(odds[j] as number);
  }
}

const at = (p: Float64Array, k: number): number => p[k] as number;

/** The BG/NBD model for the prediction functions. */
export const bgNbd: CountModelKind = {
  name: 'bg-nbd',
  parameters: ['r', 'alpha', 'a', 'b'],
  readFields: (model, out) => {
    out[0] = numberOrNaN(model.r);
    out[1] = numberOrNaN(model.alpha);
    out[2] = numberOrNaN(model.a);
    out[3] = numberOrNaN(model.b);
  },
  ageField: 'age',
  discrete: false,
  expected: (p, t) => expectedIfAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), 0, 0, t),
  conditionalExpected: (p, t, history) =>
    expectedIfAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history.frequency, history.age, t) *
    probabilityAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history),
  probabilityAlive: (p, history) => probabilityAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history),
  expectedIfAlive: (p, t, x, T) => expectedIfAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), x, T, t),
  aliveAtEnd: (p, history) => probabilityAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history),
  countProbability: (p, n, t) => countProbability(at(p, 0), at(p, 1), at(p, 2), at(p, 3), n, t),
  conditionalExpectedColumns: (p, t, columns, out) =>
    conditionalExpectedColumns(at(p, 0), at(p, 1), at(p, 2), at(p, 3), t, columns, out),
  probabilityAliveColumns: (p, columns, out) =>
    probabilityAliveColumns(at(p, 0), at(p, 1), at(p, 2), at(p, 3), columns, out),
};
