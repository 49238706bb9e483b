// The Gamma-Gamma model of spend per purchase (Fader & Hardie 2013): its input read in one pass, its
// log-likelihood with the analytic gradient, and the fitted model as the value predictions read it.
//
// A customer with x repeat purchases of mean z̄ has the density (the note's equation 4)
//   f(z̄ | p, q, v, x) = Γ(px + q)/(Γ(px) Γ(q)) · v^q z̄^(px−1) x^(px) / (v + x z̄)^(px+q).
// Terms that depend on x alone (ln Γ, ψ) are computed once per distinct x; sums that do not depend on the
// parameters (Σ x ln z̄, Σ ln z̄, Σ x ln x) once per fit; each evaluation then costs one logarithm and one
// division per customer.
import * as z from 'zod/mini';
import { bulkArray, invalid, isArrayInput, noData, parse, rejectElement } from '../../internal/parse.js';
import { isDecimal, isNegativeDecimal, nonNegativeMoney } from '../../internal/schemas.js';
import { digamma, logGamma } from '../../internal/special.js';

type Path = readonly (string | number)[];

/** Repeat buyers (x ≥ 1, z̄ > 0) and what the fit reports about the others. */
export interface SpendData {
  /** Repeat purchases of each repeat buyer. */
  readonly frequency: Float64Array;
  /** x · z̄ of each repeat buyer: the total of the repeat purchases. */
  readonly total: Float64Array;
  /** Distinct values of x and how many repeat buyers have each. */
  readonly distinct: Float64Array;
  readonly distinctCount: Float64Array;
  /** Σ x ln z̄, Σ ln z̄ and Σ x ln x over the repeat buyers. */
  readonly sumXLogM: number;
  readonly sumLogM: number;
  readonly sumXLogX: number;
  /** Customers without a repeat purchase, left out of the fit. */
  readonly withoutRepeat: number;
  /** Pearson's correlation of x and z̄ over the repeat buyers, or null when either does not vary. */
  readonly correlation: number | null;
}

const whole = /* @__PURE__ */ (() => z.int().check(z.gte(0)))();
/** The largest mean spend the model takes: a quadrillion in any currency. */
export const MAX_SPEND = 1e15;

/** Fields a `summarizePurchases` record carries besides these two: accepted and ignored. */
const SUMMARY_KEYS = new Set(['customerId', 'recency', 'age', 'holdoutFrequency', 'holdoutMonetaryValue']);
const record = /* @__PURE__ */ (() => z.object({ frequency: whole, monetaryValue: nonNegativeMoney }))();

/** The fit's input: `customers`, records or columns. */
const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: z.unknown() }))();

/** The columns form of `customers`. */
const columnsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    frequency: bulkArray<number>('an array or typed array of repeat purchases'),
    monetaryValue: bulkArray<number | string>('an array or typed array of mean repeat spends'),
  }))();

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Checks one customer's frequency at `path`: a whole number ≥ 0. */
export function readSpendFrequency(metric: string, x: unknown, path: Path): number {
  if (!isWhole(x)) rejectElement(metric, whole, x, path);
  return x;
}

/** Whether `key` may be a key of a customer record: the two fields read, or one of a summary's. */
export const isSpendRecordKey = (key: string): boolean =>
  key === 'frequency' || key === 'monetaryValue' || SUMMARY_KEYS.has(key);

/** Checks one customer's spend and returns it as a number (decimal strings read to the nearest double). */
export function readSpend(metric: string, x: number, value: unknown, path: Path): number {
  if (!isDecimal(value) || isNegativeDecimal(value)) rejectElement(metric, nonNegativeMoney, value, path);
  const m = typeof value === 'number' ? value : Number(value);
  if (x > 0 && !(m > 0)) invalid(metric, path, 'must be greater than 0 for a customer with repeat purchases');
  // Sums of squared spends (the correlation, the likelihood's scale) must stay far inside the double range.
  if (m > MAX_SPEND) invalid(metric, path, `must be at most ${MAX_SPEND}`);
  if (!Number.isFinite(x * m))
    invalid(metric, path, 'is too large: frequency × monetaryValue exceeds the double range');
  return m;
}

/** Checks one customer record at `path` (its keys and frequency); returns its two fields. */
export function readSpendRecord(metric: string, row: unknown, path: Path): { x: number; value: unknown } {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) rejectElement(metric, record, row, path);
  checkSpendRecordKeys(metric, row as object, path);
  const { frequency: x, monetaryValue: value } = row as Record<string, unknown>;
  return { x: readSpendFrequency(metric, x, [...path, 'frequency']), value };
}

/** Refuses a key of a customer record at `path` that is not a field of one. */
export function checkSpendRecordKeys(metric: string, row: object, path: Path): void {
  for (const key in row) {
    if (!isSpendRecordKey(key)) {
      invalid(metric, [...path, key], 'is not a field of a customer: frequency and monetaryValue are read');
    }
  }
}

/** Reads the fit's input: records or columns. */
export function readSpendData(metric: string, input: unknown): SpendData {
  const { customers } = parse(metric, inputSchema, input);
  const xs: number[] = [];
  const ms: number[] = [];
  let withoutRepeat = 0;
  const add = (x: number, m: number) => {
    if (x === 0) withoutRepeat++;
    else {
      xs.push(x);
      ms.push(m);
    }
  };
  if (isArrayInput(customers)) {
    const rows = customers;
    if (rows.length === 0) noData(metric, ['customers'], 'must not be empty: there is no customer to fit');
    for (let i = 0; i < rows.length; i++) {
      const { x, value } = readSpendRecord(metric, rows[i], ['customers', i]);
      add(x, readSpend(metric, x, value, ['customers', i, 'monetaryValue']));
    }
  } else {
    if (typeof customers !== 'object' || customers === null) {
      invalid(metric, ['customers'], 'must be an array of { frequency, monetaryValue } or columns');
    }
    const { frequency, monetaryValue } = parse(metric, columnsSchema, customers, 'input', ['customers']);
    if (monetaryValue.length !== frequency.length) {
      invalid(
        metric,
        ['customers', 'monetaryValue'],
        `must have as many elements as frequency (${frequency.length}), not ${monetaryValue.length}`,
      );
    }
    if (frequency.length === 0) noData(metric, ['customers'], 'must not be empty: there is no customer to fit');
    for (let i = 0; i < frequency.length; i++) {
      const x = frequency[i];
      if (!isWhole(x)) rejectElement(metric, whole, x, ['customers', 'frequency', i]);
      add(x, readSpend(metric, x, monetaryValue[i], ['customers', 'monetaryValue', i]));
    }
  }
  if (xs.length === 0) {
    noData(metric, ['customers'], 'has no customer with a repeat purchase: the model is fitted on repeat buyers only');
  }
  return summarize(xs, ms, withoutRepeat);
}

/**
 * The same data with every spend divided by `c`. The model is scale-equivariant (v scales with the currency,
 * p and q do not), so a fit on spends near 1 and rescaled after reaches the same optimum in any currency.
 */
export function scaleSpends(data: SpendData, c: number): SpendData {
  const logC = Math.log(c);
  let purchases = 0;
  for (let i = 0; i < data.frequency.length; i++) purchases += data.frequency[i] as number;
  return {
    ...data,
    total: data.total.map((value) => value / c),
    sumXLogM: data.sumXLogM - purchases * logC,
    sumLogM: data.sumLogM - data.frequency.length * logC,
  };
}

/** The mean spend of the repeat buyers (each buyer's z̄ weighted equally). */
export function meanSpend(data: SpendData): number {
  let sum = 0;
  for (let i = 0; i < data.frequency.length; i++) sum += (data.total[i] as number) / (data.frequency[i] as number);
  return sum / data.frequency.length;
}

function summarize(xs: number[], ms: number[], withoutRepeat: number): SpendData {
  const n = xs.length;
  const frequency = Float64Array.from(xs);
  const total = new Float64Array(n);
  const counts = new Map<number, number>();
  let sumXLogM = 0;
  let sumLogM = 0;
  let sumXLogX = 0;
  let meanX = 0;
  let meanM = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const m = ms[i] as number;
    total[i] = x * m;
    const logM = Math.log(m);
    sumXLogM += x * logM;
    sumLogM += logM;
    sumXLogX += x * Math.log(x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
    meanX += x;
    meanM += m;
  }
  meanX /= n;
  meanM /= n;
  let sxx = 0;
  let smm = 0;
  let sxm = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    const dm = (ms[i] as number) - meanM;
    sxx += dx * dx;
    smm += dm * dm;
    sxm += dx * dm;
  }
  const correlation = sxx > 0 && smm > 0 ? Math.max(-1, Math.min(1, sxm / Math.sqrt(sxx * smm))) : null;
  return {
    frequency,
    total,
    distinct: Float64Array.from(counts.keys()),
    distinctCount: Float64Array.from(counts.values()),
    sumXLogM,
    sumLogM,
    sumXLogX,
    withoutRepeat,
    correlation,
  };
}

/**
 * Σ ln f(z̄ | p, q, v, x) over the repeat buyers at (p, q, v) = exp(point); fills `gradient` with the
 * derivatives with respect to ln p, ln q, ln v. Returns −Infinity where the value is not finite.
 */
export function gammaGammaLogLikelihood(data: SpendData, point: ArrayLike<number>, gradient: Float64Array): number {
  const p = Math.exp(point[0] as number);
  const q = Math.exp(point[1] as number);
  const v = Math.exp(point[2] as number);
  const { frequency, total, distinct, distinctCount } = data;
  const n = frequency.length;
  const logV = Math.log(v);
  let value = n * (q * logV - logGamma(q)) + p * data.sumXLogM - data.sumLogM + p * data.sumXLogX;
  let dp = data.sumXLogM + data.sumXLogX;
  let dq = n * (logV - digamma(q));
  let dv = (n * q) / v;
  for (let k = 0; k < distinct.length; k++) {
    const x = distinct[k] as number;
    const c = distinctCount[k] as number;
    const px = p * x;
    value += c * (logGamma(px + q) - logGamma(px));
    const psi = digamma(px + q);
    dp += c * x * (psi - digamma(px));
    dq += c * psi;
  }
  for (let i = 0; i < n; i++) {
    const x = frequency[i] as number;
    const denominator = (total[i] as number) + v;
    const logDenominator = Math.log(denominator);
    const weight = p * x + q;
    value -= weight * logDenominator;
    dp -= x * logDenominator;
    dq -= logDenominator;
    dv -= weight / denominator;
  }
  gradient[0] = p * dp;
  gradient[1] = q * dq;
  gradient[2] = v * dv;
  if (!Number.isFinite(value)) return Number.NEGATIVE_INFINITY;
  for (let k = 0; k < 3; k++) if (!Number.isFinite(gradient[k] as number)) return Number.NEGATIVE_INFINITY;
  return value;
}

/**
 * E[Z | p, q, v, x, z̄] = p (v + x z̄)/(p x + q − 1): the mean spend per purchase a customer's future
 * purchases are expected to have (the note's equation 5), a weighted mean of the population's mean
 * p v/(q − 1) and the customer's own z̄. Null when p x + q ≤ 1 (no finite mean).
 */
export function conditionalSpend(p: number, q: number, v: number, x: number, m: number): number | null {
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return null;
  return (p * (v + x * m)) / denominator;
}
