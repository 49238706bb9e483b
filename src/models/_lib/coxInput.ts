// The two input forms of fitProportionalHazards (one record per customer, or columns), each checked in one
// pass that reads every field once, into flat arrays: durations, churn flags, entries and a row-major matrix
// of covariates.
import * as z from 'zod/mini';
import { bulkArray, invalid, rejectElement } from '../../internal/parse.js';

type Path = readonly (string | number)[];

export interface CoxData {
  /** Which form the input came in, to name fields in its words. */
  readonly form: 'observations' | 'columns';
  readonly names: readonly string[];
  readonly durations: Float64Array;
  readonly churned: Uint8Array;
  /** Late entries, or null when no observation has one. */
  readonly entries: Float64Array | null;
  /** Covariates, row-major: `x[i * names.length + j]` is covariate j of observation i. */
  readonly x: Float64Array;
}

const nonNegative = /* @__PURE__ */ (() => z.number().check(z.gte(0)))();
const finite = /* @__PURE__ */ (() => z.number())();
const record = /* @__PURE__ */ (() =>
  z.strictObject({
    duration: z.number(),
    churned: z.boolean(),
    covariates: z.record(z.string(), z.number()),
    entry: z.optional(z.number()),
  }))();
const covariatesObject = /* @__PURE__ */ (() => z.record(z.string(), z.number()))();
const churnedSchema = /* @__PURE__ */ (() =>
  z.custom<boolean | number>((value) => value === true || value === false || value === 0 || value === 1, {
    error: 'must be true, false, 1 or 0',
  }))();

/** The accepted forms of the input, chosen by their key. */
export const coxForms = /* @__PURE__ */ (() =>
  [
    {
      key: 'observations',
      schema: z.strictObject({ observations: bulkArray('an array of { duration, churned, covariates }') }),
    },
    {
      key: 'duration',
      schema: z.strictObject({
        duration: bulkArray<number>('an array or typed array of durations'),
        churned: bulkArray('an array of booleans or a typed array of 1 and 0'),
        covariates: z.record(z.string(), bulkArray<number>('an array or typed array of numbers')),
        entry: z.optional(bulkArray<number>('an array or typed array of entry times')),
      }),
    },
  ] as const)();

function isDuration(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && value > Number.NEGATIVE_INFINITY && value < Number.POSITIVE_INFINITY;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const RECORD_KEYS = new Set(['duration', 'churned', 'covariates', 'entry']);

function checkEntry(metric: string, entry: number, duration: number, path: Path): void {
  if (entry > duration)
    invalid(metric, path, `must not be after duration (${duration}): the customer enters the risk set at entry`);
}

/** The record form: names from the first record's covariates; every record must have the same ones. */
export function fromRecords(metric: string, observations: ArrayLike<unknown>): CoxData {
  const n = observations.length;
  let names: string[] = [];
  const durations = new Float64Array(n);
  const churned = new Uint8Array(n);
  let entries: Float64Array | null = null;
  let x = new Float64Array(0);
  for (let i = 0; i < n; i++) {
    const row = observations[i];
    if (!isPlainObject(row)) rejectElement(metric, record, row, ['observations', i]);
    for (const key in row) {
      if (!RECORD_KEYS.has(key)) rejectElement(metric, record, row, ['observations', i]);
    }
    const duration = row.duration;
    const flag = row.churned;
    const covariates = row.covariates;
    const entry = row.entry;
    if (!isDuration(duration)) rejectElement(metric, nonNegative, duration, ['observations', i, 'duration']);
    if (flag !== true && flag !== false) rejectElement(metric, z.boolean(), flag, ['observations', i, 'churned']);
    if (!isPlainObject(covariates))
      rejectElement(metric, covariatesObject, covariates, ['observations', i, 'covariates']);
    if (i === 0) {
      names = Object.keys(covariates);
      if (names.length === 0) invalid(metric, ['observations', 0, 'covariates'], 'must name at least one covariate');
      x = new Float64Array(n * names.length);
    }
    const p = names.length;
    let seen = 0;
    for (const key in covariates) {
      seen++;
      if (!names.includes(key)) {
        invalid(
          metric,
          ['observations', i, 'covariates', key],
          `is not a covariate of the first observation (${names.join(', ')})`,
        );
      }
    }
    for (let j = 0; j < p; j++) {
      const name = names[j] as string;
      const value = covariates[name];
      if (!isFiniteNumber(value)) {
        if (value === undefined && !Object.hasOwn(covariates, name)) {
          invalid(
            metric,
            ['observations', i, 'covariates', name],
            'is missing: every observation needs the same covariates',
          );
        }
        rejectElement(metric, finite, value, ['observations', i, 'covariates', name], 'must be a finite number');
      }
      x[i * p + j] = value;
    }
    if (seen !== p)
      invalid(metric, ['observations', i, 'covariates'], `must have exactly the covariates ${names.join(', ')}`);
    durations[i] = duration + 0;
    churned[i] = flag ? 1 : 0;
    if (entry !== undefined) {
      if (!isDuration(entry)) rejectElement(metric, nonNegative, entry, ['observations', i, 'entry']);
      checkEntry(metric, entry, duration, ['observations', i, 'entry']);
      if (entries === null) entries = new Float64Array(n);
      entries[i] = entry + 0;
    }
  }
  return { form: 'observations', names, durations, churned, entries, x };
}

/** The column form: parallel arrays of one length, one per covariate. */
export function fromColumns(
  metric: string,
  duration: ArrayLike<unknown>,
  flags: ArrayLike<unknown>,
  covariates: Readonly<Record<string, ArrayLike<unknown>>>,
  entry: ArrayLike<unknown> | undefined,
): CoxData {
  const n = duration.length;
  const sameLength = (length: number, path: Path) => {
    if (length !== n) invalid(metric, path, `must have as many elements as duration (${n}), not ${length}`);
  };
  sameLength(flags.length, ['churned']);
  const names = Object.keys(covariates);
  if (names.length === 0) invalid(metric, ['covariates'], 'must name at least one covariate');
  const p = names.length;
  const durations = new Float64Array(n);
  const churned = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const value = duration[i];
    const flag = flags[i];
    if (!isDuration(value)) rejectElement(metric, nonNegative, value, ['duration', i]);
    if (flag === true || flag === 1) churned[i] = 1;
    else if (flag !== false && flag !== 0) rejectElement(metric, churnedSchema, flag, ['churned', i]);
    durations[i] = value + 0;
  }
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const name = names[j] as string;
    const column = covariates[name] as ArrayLike<unknown>;
    sameLength(column.length, ['covariates', name]);
    for (let i = 0; i < n; i++) {
      const value = column[i];
      if (!isFiniteNumber(value))
        rejectElement(metric, finite, value, ['covariates', name, i], 'must be a finite number');
      x[i * p + j] = value;
    }
  }
  let entries: Float64Array | null = null;
  if (entry !== undefined) {
    sameLength(entry.length, ['entry']);
    entries = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const value = entry[i];
      if (!isDuration(value)) rejectElement(metric, nonNegative, value, ['entry', i]);
      checkEntry(metric, value, durations[i] as number, ['entry', i]);
      entries[i] = value + 0;
    }
  }
  return { form: 'columns', names, durations, churned, entries, x };
}

/** Where covariate `name` of observation `i` is, in the words of the input's form. */
export function covariatePath(data: CoxData, name: string, i = 0): Path {
  return data.form === 'observations' ? ['observations', i, 'covariates', name] : ['covariates', name];
}

/**
 * Leaves out the customers at risk at no time (entry equal to a duration above 0), as R leaves out an empty
 * (start, stop] interval; `entry: 0` means at risk from time 0 included, so it is dropped from the entries.
 */
export function atRiskOnly(data: CoxData): CoxData {
  const { entries, durations, churned, x, names } = data;
  if (entries === null) return data;
  const p = names.length;
  const n = durations.length;
  let kept = 0;
  let late = false;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as number;
    if (entry > 0 && entry === durations[i]) continue;
    if (entry > 0) late = true;
    kept++;
  }
  if (kept === n && late) return data;
  const keep = {
    durations: new Float64Array(kept),
    churned: new Uint8Array(kept),
    entries: new Float64Array(kept),
    x: new Float64Array(kept * p),
  };
  let at = 0;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as number;
    if (entry > 0 && entry === durations[i]) continue;
    keep.durations[at] = durations[i] as number;
    keep.churned[at] = churned[i] as number;
    keep.entries[at] = entry;
    keep.x.set(x.subarray(i * p, (i + 1) * p), at * p);
    at++;
  }
  return { ...data, ...keep, entries: late ? keep.entries : null };
}
