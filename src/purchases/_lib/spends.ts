// The Gamma-Gamma expected spends of a whole base, from records or from columns, in one pass. Each customer
// is first tried on the common case, numbers checked inline (a whole frequency, a spend of at most 1e15, above
// 0 with repeat purchases, a finite result); any other customer (a decimal string, an error to name) goes
// through the field-by-field reading of gammaGamma.ts, which gives the same doubles or the same error.
import { invalid, isArrayInput } from '../../internal/parse.js';
import type { ValueModel } from './fittedModels.js';
import {
  checkSpendRecordKeys,
  conditionalSpend,
  isSpendRecordKey,
  MAX_SPEND,
  readSpend,
  readSpendFrequency,
  readSpendRecord,
} from './gammaGamma.js';

type Path = readonly (string | number)[];

/**
 * 1 when x is a whole number ≥ 0, z̄ is in [0, 1e15] and not 0 with repeat purchases, and p·x + q − 1 > 0;
 * else 0. Without a branch, so that a loop can gather it over many customers.
 */
function commonCase(x: number, m: number, denominator: number): number {
  return (
    +(x >= 0) &
    +(x <= Number.MAX_SAFE_INTEGER) &
    +(Math.floor(x) === x) &
    +(m >= 0) &
    +(m <= MAX_SPEND) &
    (+(x === 0) | +(m > 0)) &
    +(denominator > 0)
  );
}

/**
 * E[Z | p, q, v, x, z̄] when x and z̄ are numbers of the common case (the same double as
 * {@link conditionalSpend}), else NaN: x not a whole number ≥ 0, z̄ not in [0, 1e15], z̄ = 0 with repeat
 * purchases, p·x + q ≤ 1, or a result beyond the double range.
 */
function quickSpend(p: number, q: number, v: number, x: number, m: number): number {
  const denominator = p * x + q - 1;
  if (commonCase(x, m, denominator) === 0) return Number.NaN;
  const value = (p * (v + x * m)) / denominator;
  return value - value === 0 ? value : Number.NaN;
}

/**
 * The expected spend of a customer whose fields are checked (x whole, m its spend as a number), or the
 * error: at `modelPath`'s q for a customer without repeat purchases when q ≤ 1, else at `path`.
 */
export function checkedSpend(metric: string, model: ValueModel, x: number, m: number, path: Path): number {
  const value = conditionalSpend(model.p, model.q, model.v, x, m);
  if (value === null) {
    invalid(
      metric,
      x === 0 ? ['model', 'q'] : path,
      x === 0
        ? 'must exceed 1 to value a customer without repeat purchases: the mean spend p·v/(q − 1) is infinite otherwise'
        : 'gives p·frequency + q ≤ 1: the expected spend is infinite',
    );
  }
  if (!Number.isFinite(value)) invalid(metric, path, 'gives an expected spend beyond the double range');
  return value;
}

/**
 * The expected spends of customers given as records (`[{ frequency, monetaryValue }]`, summary records
 * accepted), in order. Each record's fields are read once.
 */
export function recordSpends(metric: string, model: ValueModel, rows: ArrayLike<unknown>): number[] {
  const { p, q, v } = model;
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    // Anything but an object is refused there, with the record's schema in the message.
    if (typeof row !== 'object' || row === null || Array.isArray(row)) readSpendRecord(metric, row, ['customers', i]);
    let known = true;
    for (const key in row as object) known &&= isSpendRecordKey(key);
    if (!known) checkSpendRecordKeys(metric, row as object, ['customers', i]);
    const { frequency: x, monetaryValue: m } = row as Record<string, unknown>;
    if (typeof x === 'number' && typeof m === 'number') {
      const value = quickSpend(p, q, v, x, m);
      if (!Number.isNaN(value)) {
        out[i] = value;
        continue;
      }
    }
    const frequency = readSpendFrequency(metric, x, ['customers', i, 'frequency']);
    const spend = readSpend(metric, frequency, m, ['customers', i, 'monetaryValue']);
    out[i] = checkedSpend(metric, model, frequency, spend, ['customers', i]);
  }
  return out;
}

/**
 * The expected spends of customers given as columns `{ frequency, monetaryValue }` (arrays or typed arrays;
 * Float64Arrays are read in place), in order. The columns are strict: another key is refused, as a
 * misspelt column would otherwise be missing. Errors name `['customers', column, i]`; a frequency that makes
 * p·x + q ≤ 1 is reported at the frequency, a spend beyond the double range at the monetary value.
 */
export function columnSpends(metric: string, model: ValueModel, columns: Record<string, unknown>): Float64Array {
  for (const key of Object.keys(columns)) {
    if (key !== 'frequency' && key !== 'monetaryValue') {
      invalid(metric, ['customers', key], 'is not a column of customers: the columns are frequency and monetaryValue');
    }
  }
  const frequency = readColumn(metric, columns.frequency, 'frequency');
  const monetaryValue = readColumn(metric, columns.monetaryValue, 'monetaryValue');
  const n = frequency.length;
  if (monetaryValue.length !== n) {
    invalid(metric, ['customers', 'monetaryValue'], `must have as many elements as frequency (${n})`);
  }
  const out = new Float64Array(n);
  const { p, q, v } = model;
  // Columns of doubles, the common case, take a loop of their own: it reads them without a check of type,
  // and its first customer out of the common case (or −1) is where the general loop below takes over.
  const from =
    frequency instanceof Float64Array && monetaryValue instanceof Float64Array
      ? typedSpends(p, q, v, frequency, monetaryValue, out)
      : 0;
  if (from < 0) return out;
  for (let i = from; i < n; i++) {
    const x = frequency[i];
    const m = monetaryValue[i];
    if (typeof x === 'number' && typeof m === 'number') {
      const value = quickSpend(p, q, v, x, m);
      if (!Number.isNaN(value)) {
        out[i] = value;
        continue;
      }
    }
    const whole = readSpendFrequency(metric, x, ['customers', 'frequency', i]);
    const spend = readSpend(metric, whole, m, ['customers', 'monetaryValue', i]);
    const at = ['customers', conditionalSpend(p, q, v, whole, spend) === null ? 'frequency' : 'monetaryValue', i];
    out[i] = checkedSpend(metric, model, whole, spend, at);
  }
  return out;
}

/**
 * The expected spends of columns of doubles into `out`, as {@link quickSpend} computes them: −1 when every
 * customer is of the common case, else the first that is not (from where the caller takes over). The
 * conditions are gathered without a branch and checked once at the end: a loop that may leave at any
 * customer is twice as slow.
 */
function typedSpends(
  p: number,
  q: number,
  v: number,
  frequency: Float64Array,
  monetaryValue: Float64Array,
  out: Float64Array,
): number {
  let fine = 1;
  for (let i = 0; i < out.length; i++) {
    const x = frequency[i] as number;
    const m = monetaryValue[i] as number;
    const denominator = p * x + q - 1;
    const value = (p * (v + x * m)) / denominator;
    out[i] = value;
    fine &= commonCase(x, m, denominator) & +(value - value === 0);
  }
  if (fine === 1) return -1;
  let i = 0;
  while (!Number.isNaN(quickSpend(p, q, v, frequency[i] as number, monetaryValue[i] as number))) i++;
  return i;
}

function readColumn(metric: string, column: unknown, name: string): ArrayLike<unknown> {
  if (!isArrayInput(column)) {
    invalid(metric, ['customers', name], column === undefined ? 'is required' : 'must be an array or a typed array');
  }
  return column;
}
