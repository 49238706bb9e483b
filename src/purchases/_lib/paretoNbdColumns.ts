// The Pareto/NBD predictions of one customer and of a whole base (Fader & Hardie 2005, eq. 36 and 41). Both
// go through the same functions, so that a customer scored alone and within a base get the same bits.
//
// A base is scored with each distinct term computed once: ln J(t) depends on the customer through (x, t)
// only, ln J(T), ln(α + T), ln(β + T) and the survival integral through T (and x), and P(alive) of a
// customer without repeat purchase through T alone. A base summarised in whole days has a few hundred
// distinct ages and recencies and a few hundred frequencies, so the hypergeometric series, the bulk of the
// work, runs for a small share of the customers. Ages or recencies beyond the first 4 096 distinct values,
// or beyond what the tables of a million cells hold, are computed customer by customer.
import type { CustomerColumns } from './customers.js';
import { DoubleIndex } from './doubleIndex.js';
import { aliveFromLogTerms, logEndValue } from './paretoNbdTerms.js';

/** [1 − (b/(b + t))^(s−1)]/(s − 1) = ln(1 + t/b)·(1 − e^−u)/u with u = (s − 1) ln(1 + t/b): exact at s = 1. */
export function survivalIntegral(s: number, b: number, t: number): number {
  const log = Math.log1p(t / b);
  const u = (s - 1) * log;
  return u === 0 ? log : (log * -Math.expm1(-u)) / u;
}

/** P(alive | x, tₓ, T) (Fader & Hardie 2005, eq. 36), in [0, 1]. */
export function aliveProbability(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  recency: number,
  age: number,
): number {
  const first = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
  const weight = Math.log(s / (r + s + x));
  return aliveFromLogTerms(
    first,
    weight,
    logEndValue(r, alpha, s, beta, x, recency),
    logEndValue(r, alpha, s, beta, x, age),
  );
}

/** (r + x)(β + T)/(α + T): the expected purchase rate of a customer alive at T, per time unit. */
const rate = (r: number, alpha: number, beta: number, x: number, age: number): number =>
  ((r + x) / (alpha + age)) * (beta + age);

/** E[Y(t) | x, tₓ, T] = (r + x)(β + T)/(α + T)·[1 − ((β + T)/(β + T + t))^(s−1)]/(s − 1)·P(alive) (eq. 41). */
export function conditionalExpected(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  t: number,
  x: number,
  recency: number,
  age: number,
): number {
  const alive = aliveProbability(r, alpha, s, beta, x, recency, age);
  return expectedIfAlive(r, alpha, s, beta, t, x, age) * alive;
}

/** E[Y(t) | alive at T, x, T] = (r + x)(β + T)/(α + T)·[1 − ((β + T)/(β + T + t))^(s−1)]/(s − 1). */
export function expectedIfAlive(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  t: number,
  x: number,
  age: number,
): number {
  return rate(r, alpha, beta, x, age) * survivalIntegral(s, beta + age, t);
}

/** Frequencies below this bound have their shared terms cached; customers with more are scored alone. */
const DENSE_BELOW = 1 << 12;

// Reused by every call (scoring never re-enters itself), cleared before use.
const ages = new DoubleIndex();
const recencies = new DoubleIndex();
const group = new Int32Array(DENSE_BELOW).fill(-1);

/**
 * The cached terms, one flat table each (a small typed array per age or recency costs an allocation of
 * memory outside the heap, which was most of the time of scoring a base of a few thousand customers):
 * per (age, frequency) four cells, per (recency, frequency) one, a row of `width` frequencies each, NaN until
 * computed. Rows are added as ages and recencies come and filled with NaN then; at most MAX_CELLS cells per
 * table, customers of later rows are scored alone.
 */
const MAX_CELLS = 1 << 20;
/** A table kept between calls is at most this many cells (the rest is let go after the call). */
const KEPT_CELLS = 1 << 16;
let ageCells: Float64Array = new Float64Array(1024);
let recencyCells: Float64Array = new Float64Array(1024);

/** `table` with room for `cells` cells (the same array, or a larger copy), or undefined beyond MAX_CELLS. */
function room(table: Float64Array, cells: number): Float64Array | undefined {
  if (cells <= table.length) return table;
  if (cells > MAX_CELLS) return undefined;
  const grown = new Float64Array(Math.min(MAX_CELLS, Math.max(cells, 2 * table.length)));
  grown.set(table);
  return grown;
}

/**
 * P(alive), or E[Y(t)] when `expected`, of every customer of `columns` into `out`. Per distinct age (at
 * most 4 096): ln(α + T), ln(β + T), the survival integral and the result of a customer without repeat
 * purchase; per distinct (age, frequency) and (recency, frequency), ln J. Each is computed as the
 * one-customer functions compute it, on its first use.
 */
function scoreBase(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  t: number,
  expected: boolean,
  columns: CustomerColumns,
  out: Float64Array,
): void {
  const { frequency, count } = columns;
  // Number the distinct frequencies first, so that every row of ln J has its width.
  const values: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < count; i++) {
    const x = frequency[i] as number;
    if (x < DENSE_BELOW && (group[x] as number) < 0) {
      group[x] = weights.length;
      values.push(x);
      weights.push(Math.log(s / (r + s + x)));
    }
  }
  ages.clear();
  recencies.clear();
  try {
    scoreEach(r, alpha, s, beta, t, expected, columns, out, weights);
  } finally {
    for (const x of values) group[x] = -1;
    if (ageCells.length > KEPT_CELLS) ageCells = new Float64Array(1024);
    if (recencyCells.length > KEPT_CELLS) recencyCells = new Float64Array(1024);
  }
}

/** The loop of `scoreBase`, once the frequencies are numbered in `group` with their `weights`. */
function scoreEach(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  t: number,
  expected: boolean,
  columns: CustomerColumns,
  out: Float64Array,
  weights: readonly number[],
): void {
  const { frequency, recency, age, count } = columns;
  const width = weights.length;
  // Per age row: ln(α + T), ln(β + T), the survival integral, the result of x = 0.
  const ageTerms: number[] = [];
  let ageRows = 0;
  let recencyRows = 0;
  // The tables as locals (a module binding is read again at every use): written back when they grow.
  let ageTable = ageCells;
  let recencyTable = recencyCells;
  for (let i = 0; i < count; i++) {
    const x = frequency[i] as number;
    const tx = recency[i] as number;
    const T = age[i] as number;
    const slot = x < DENSE_BELOW ? ages.slot(T) : -1;
    if (slot === ageRows) {
      const grown = room(ageTable, (ageRows + 1) * 4 * width);
      if (grown !== undefined) {
        ageTable = grown;
        ageCells = grown;
        ageTable.fill(Number.NaN, ageRows * 4 * width, (ageRows + 1) * 4 * width);
        ageTerms.push(
          Math.log(alpha + T),
          Math.log(beta + T),
          expected ? survivalIntegral(s, beta + T, t) : 0,
          Number.NaN,
        );
        ageRows++;
      }
    }
    if (slot < 0 || slot >= ageRows) {
      out[i] = expected
        ? conditionalExpected(r, alpha, s, beta, t, x, tx, T)
        : aliveProbability(r, alpha, s, beta, x, tx, T);
      continue;
    }
    const base = 4 * slot;
    if (x === 0) {
      const known = ageTerms[base + 3] as number;
      if (!Number.isNaN(known)) {
        out[i] = known;
        continue;
      }
    }
    const j = group[x] as number;
    // Per (age, frequency): first = −(r + x) ln(α + T) − s ln(β + T), ln(s/(r + s + x)·J(T)), e^(that − first),
    // and the rate times the survival integral: all of P(alive) and E[Y(t)] that does not depend on tₓ.
    const cell = (slot * width + j) * 4;
    let first = ageTable[cell] as number;
    if (Number.isNaN(first)) {
      first = -(r + x) * (ageTerms[base] as number) - s * (ageTerms[base + 1] as number);
      const atAge = (weights[j] as number) + logEndValue(r, alpha, s, beta, x, T);
      ageTable[cell] = first;
      ageTable[cell + 1] = atAge;
      ageTable[cell + 2] = Math.exp(atAge - first);
      ageTable[cell + 3] = expected ? rate(r, alpha, beta, x, T) * (ageTerms[base + 2] as number) : 1;
    }
    // ln(s/(r + s + x)·J(tₓ)), per (recency, frequency).
    const at = recencies.slot(tx);
    if (at === recencyRows) {
      const grown = room(recencyTable, (recencyRows + 1) * width);
      if (grown !== undefined) {
        recencyTable = grown;
        recencyCells = grown;
        recencyTable.fill(Number.NaN, recencyRows * width, (recencyRows + 1) * width);
        recencyRows++;
      }
    }
    let atRecency: number;
    if (at < 0 || at >= recencyRows) atRecency = (weights[j] as number) + logEndValue(r, alpha, s, beta, x, tx);
    else {
      atRecency = recencyTable[at * width + j] as number;
      if (Number.isNaN(atRecency)) {
        atRecency = (weights[j] as number) + logEndValue(r, alpha, s, beta, x, tx);
        recencyTable[at * width + j] = atRecency;
      }
    }
    // aliveFromLogTerms, with its terms that depend on the age alone read from the row (the same bits).
    let alive: number;
    if (first >= atRecency) {
      alive = 1 / (1 + Math.max(0, Math.exp(atRecency - first) - (ageTable[cell + 2] as number)));
    } else {
      const w1 = Math.exp(first - atRecency);
      alive = w1 / (w1 + Math.max(0, 1 - Math.exp((ageTable[cell + 1] as number) - atRecency)));
    }
    const value = expected ? (ageTable[cell + 3] as number) * alive : alive;
    if (x === 0) ageTerms[base + 3] = value;
    out[i] = value;
  }
}

/** E[Y(t) | x, tₓ, T] of every customer of `columns` into `out`. */
export function conditionalExpectedColumns(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  t: number,
  columns: CustomerColumns,
  out: Float64Array,
): void {
  scoreBase(r, alpha, s, beta, t, true, columns, out);
}

/** P(alive | x, tₓ, T) of every customer of `columns` into `out`. */
export function probabilityAliveColumns(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  columns: CustomerColumns,
  out: Float64Array,
): void {
  scoreBase(r, alpha, s, beta, 0, false, columns, out);
}
