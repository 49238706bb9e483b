// Survival observations `{ duration, churned, entry?, attributes? }` read in one checked pass into sorted
// typed arrays (a "sample"), and the walk over their distinct times with the risk set at each. Every survival
// function of the family (the curve, the cumulative hazard, the restricted mean, the comparison of curves)
// reads its observations here, so late entry means the same everywhere.
import * as z from 'zod/mini';
import { invalid, rejectElement } from '../../internal/parse.js';
import { attributesField, isAttributes } from '../../internal/segmented.js';

type Path = readonly (string | number)[];

/** What receives the distinct times, in increasing order, with the customers entering the risk set. */
export interface CurveSteps {
  /** `observations` customers in all; `atStart` of them at risk from time 0 (the others enter later). */
  start(observations: number, atStart: number): void;
  /** `count` customers enter the risk set before the next step. */
  enter(count: number): void;
  /** At `time`, `events` customers churned and `censored` were last seen active. */
  step(time: number, events: number, censored: number): void;
}

/**
 * The risk set that every estimator keeps while walking: customers at risk before the next step, from the
 * start and the late entrants. Each estimator adds its `step`, which lowers `atRisk` by the churned and
 * censored customers of the step.
 */
export abstract class RiskSetSteps implements CurveSteps {
  /** Customers observed. */
  observations = 0;
  /** Customers at risk just before the next step. */
  protected atRisk = 0;

  start(observations: number, atStart = observations): void {
    this.observations = observations;
    this.atRisk = atStart;
  }

  enter(count: number): void {
    this.atRisk += count;
  }

  abstract step(time: number, events: number, censored: number): void;
}

/**
 * Observations sorted for the survival estimators: the churn times, the censoring times and the late entries,
 * each in increasing order. A customer is at risk at t when entry < t ≤ duration; a customer without `entry`
 * (or with entry 0) is at risk from time 0 on, time 0 included.
 */
export interface Sample {
  /** Durations of the customers who churned, sorted. */
  readonly churn: Float64Array;
  /** Durations of the customers censored, sorted. */
  readonly censor: Float64Array;
  /** Entry times after 0 of the customers who entered late, sorted. */
  readonly entries: Float64Array;
}

const timeSchema = /* @__PURE__ */ (() => z.number().check(z.gte(0)))();

const observationSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    duration: timeSchema,
    churned: z.boolean(),
    entry: z.optional(timeSchema),
    attributes: attributesField,
  }))();

/** Whether a value is a valid time: a finite number ≥ 0 (NaN fails both comparisons). */
export function isTime(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY;
}

/** Whether every enumerable key of an observation is one `z.strictObject` allows. */
function hasOnlyObservationKeys(record: object): boolean {
  for (const key in record) {
    if (key !== 'duration' && key !== 'churned' && key !== 'entry' && key !== 'attributes') return false;
  }
  return true;
}

/**
 * One checked pass over `{ duration, churned, entry?, attributes? }` records (at `path`): churn times fill a
 * scratch array from the front, censoring times from the back (`+ 0` turns −0 into 0), late entries a second
 * array; then each part is sorted numerically. A customer whose entry equals its duration (after 0) is at risk
 * at no time, (entry, duration] being empty: it is left out, as R's survival leaves out such an interval.
 */
export function readObservations(metric: string, observations: ArrayLike<unknown>, path: Path): Sample {
  const n = observations.length;
  const times = new Float64Array(n);
  let entries: Float64Array | undefined;
  let late = 0;
  let churned = 0;
  let censored = n;
  for (let i = 0; i < n; i++) {
    const record = observations[i] as { duration?: unknown; churned?: unknown; entry?: unknown } | null;
    if (typeof record !== 'object' || record === null || !hasOnlyObservationKeys(record)) {
      rejectElement(metric, observationSchema, record, [...path, i]);
    }
    const duration = record.duration;
    const flag = record.churned;
    const entry = record.entry;
    const attributes = (record as { attributes?: unknown }).attributes;
    if (!isTime(duration)) rejectElement(metric, timeSchema, duration, [...path, i, 'duration']);
    if (flag !== true && flag !== false) rejectElement(metric, z.boolean(), flag, [...path, i, 'churned']);
    if (attributes !== undefined && !isAttributes(attributes)) {
      rejectElement(metric, attributesField, attributes, [...path, i, 'attributes']);
    }
    if (entry !== undefined && entry !== 0) {
      if (!isTime(entry)) rejectElement(metric, timeSchema, entry, [...path, i, 'entry']);
      if (entry > duration) invalid(metric, [...path, i, 'entry'], `must not be after duration (${duration})`);
      if (entry === duration) continue;
      if (entries === undefined) entries = new Float64Array(n);
      entries[late++] = entry;
    }
    if (flag) times[churned++] = duration + 0;
    else times[--censored] = duration + 0;
  }
  return {
    churn: times.subarray(0, churned).sort(),
    censor: times.subarray(censored, n).sort(),
    entries: entries === undefined ? new Float64Array(0) : entries.subarray(0, late).sort(),
  };
}

/** Durations and churn flags of the column form, without entries. */
export function sampleOf(times: Float64Array, churned: number, censoredFrom: number): Sample {
  return {
    churn: times.subarray(0, churned).sort(),
    censor: times.subarray(censoredFrom, times.length).sort(),
    entries: new Float64Array(0),
  };
}

/** The customers of a sample: every churned and censored one (those left out are in neither array). */
export function sampleSize(sample: Sample): number {
  return sample.churn.length + sample.censor.length;
}

/**
 * Walks the churn and censoring times in step, one call of `steps.step` per distinct time; the late
 * entrants strictly before a time enter the risk set just before it.
 */
export function walk(sample: Sample, steps: CurveSteps): void {
  const { churn, censor, entries } = sample;
  const churned = churn.length;
  const censored = censor.length;
  const late = entries.length;
  steps.start(churned + censored, churned + censored - late);
  let i = 0;
  let j = 0;
  let e = 0;
  while (i < churned || j < censored) {
    const a = i < churned ? (churn[i] as number) : Number.POSITIVE_INFINITY;
    const b = j < censored ? (censor[j] as number) : Number.POSITIVE_INFINITY;
    const time = Math.min(a, b);
    if (e < late && (entries[e] as number) < time) {
      const first = e;
      while (e < late && (entries[e] as number) < time) e++;
      steps.enter(e - first);
    }
    const firstChurn = i;
    while (i < churned && churn[i] === time) i++;
    const firstCensored = j;
    while (j < censored && censor[j] === time) j++;
    steps.step(time, i - firstChurn, j - firstCensored);
  }
}
