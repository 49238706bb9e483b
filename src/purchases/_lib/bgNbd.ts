// The BG/NBD model's predictions (Fader, Hardie & Lee 2005), in double precision, over the parameters
// (r, α, a, b):
//   E[Y(t) | alive at T, x] = (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^{r+x}
//                              · 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))]          (eq. 10's numerator)
//   P(alive | x, t_x, T)     = 1/(1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x})   (eq. 10's denominator)
//   E[Y(t) | x, t_x, T]      = their product (eq. 10); E[X(t)] is the first with x = 0 and T = 0 (eq. 9).
//   P(X(t) = n)              = eq. 8.
// Powers are taken as exponentials of logarithms computed with log1p, so that customers with hundreds of
// purchases never overflow, and 1 − e^L as −expm1(L).
import { AgeIndex } from './ageIndex.js';
import { countProbability } from './bgNbdCount.js';
import type { CustomerColumns } from './customers.js';
import { groupByFrequency } from './frequencyGroups.js';
import { logHypergeometric2F1 } from './hypergeometric.js';
import { complementNearOne } from './hypergeometricNearOne.js';
import type { CountModelKind, History } from './kinds.js';

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

/**
 * E[Y(t) | x, t_x, T] of every customer into `out`. The hypergeometric term depends on x and T only: a base
 * summarised in whole days or weeks has few distinct (x, T) pairs, so it is computed once per pair (for the
 * first 4 096 distinct ages; customers of other ages get their own).
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
  const groups = groupByFrequency(columns);
  const m = groups.values.length;
  const logOdds = new Float64Array(m);
  for (let j = 0; j < m; j++) logOdds[j] = logOddsConstant(a, b, groups.values[j] as number);
  const ages = new AgeIndex();
  const rows: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const x = frequency[i] as number;
    const T = age[i] as number;
    const j = groups.index[i] as number;
    const slot = ages.slot(T);
    let ifAlive: number;
    if (slot < 0) ifAlive = expectedIfAlive(r, alpha, a, b, x, T, t);
    else {
      if (slot === rows.length) rows.push(new Float64Array(m).fill(Number.NaN));
      const row = rows[slot] as Float64Array;
      ifAlive = row[j] as number;
      if (Number.isNaN(ifAlive)) {
        ifAlive = expectedIfAlive(r, alpha, a, b, x, T, t);
        row[j] = ifAlive;
      }
    }
    if (x === 0) {
      out[i] = ifAlive;
      continue;
    }
    const tx = recency[i] as number;
    out[i] = ifAlive * aliveFromLogOdds((logOdds[j] as number) + (r + x) * Math.log((alpha + T) / (alpha + tx)));
  }
}

/** Frequencies below this bound get ln(a/(b + x − 1)) from a table in probabilityAliveColumns. */
const TABLE = 256;

/** P(alive) of every customer into `out`: one logarithm and one exponential each. */
export function probabilityAliveColumns(
  r: number,
  alpha: number,
  a: number,
  b: number,
  columns: CustomerColumns,
  out: Float64Array,
): void {
  const { frequency, recency, age, count } = columns;
  const logOdds = new Float64Array(TABLE);
  for (let x = 1; x < TABLE; x++) logOdds[x] = logOddsConstant(a, b, x);
  for (let i = 0; i < count; i++) {
    const x = frequency[i] as number;
    if (x === 0) {
      out[i] = 1;
      continue;
    }
    const c = x < TABLE ? (logOdds[x] as number) : logOddsConstant(a, b, x);
    out[i] = aliveFromLogOdds(c + (r + x) * Math.log((alpha + (age[i] as number)) / (alpha + (recency[i] as number))));
  }
}

const at = (p: Float64Array, k: number): number => p[k] as number;

/** The BG/NBD model for the prediction functions. */
export const bgNbd: CountModelKind = {
  name: 'bg-nbd',
  parameters: ['r', 'alpha', 'a', 'b'],
  ageField: 'age',
  discrete: false,
  expected: (p, t) => expectedIfAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), 0, 0, t),
  conditionalExpected: (p, t, history) =>
    expectedIfAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history.frequency, history.age, t) *
    probabilityAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history),
  probabilityAlive: (p, history) => probabilityAlive(at(p, 0), at(p, 1), at(p, 2), at(p, 3), history),
  countProbability: (p, n, t) => countProbability(at(p, 0), at(p, 1), at(p, 2), at(p, 3), n, t),
  conditionalExpectedColumns: (p, t, columns, out) =>
    conditionalExpectedColumns(at(p, 0), at(p, 1), at(p, 2), at(p, 3), t, columns, out),
  probabilityAliveColumns: (p, columns, out) =>
    probabilityAliveColumns(at(p, 0), at(p, 1), at(p, 2), at(p, 3), columns, out),
};
