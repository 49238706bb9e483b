// Survival observations `{ duration, churned, entry?, attributes? }` read in one checked pass into sorted
// typed arrays (a "sample"), and the walk over their distinct times with the risk set at each. Every survival
// function of the family (the curve, the cumulative hazard, the restricted mean, the comparison of curves)
// reads its observations here, so late entry means the same everywhere.
import * as z from 'zod/mini';
import { invalid, rejectElement } from '../../internal/parse.js';
import { attributesField, isAttributes, type SegmentCollector } from '../../internal/segmented.js';
import type { SegmentIds } from '../../internal/segments.js';

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

/** Observations as read, before sorting: times of `sampleOf`, and the late entries. */
interface ReadTimes {
  readonly times: Float64Array;
  readonly churned: number;
  readonly censored: number;
  readonly entries: Float64Array;
  readonly late: number;
  /** With segments: the record of each time in `times`, and of each late entry. */
  readonly owners?: { readonly times: Int32Array; readonly entries: Int32Array } | undefined;
}

/**
 * One checked pass over `{ duration, churned, entry?, attributes? }` records (at `path`): churn times fill a
 * scratch array from the front, censoring times from the back (`+ 0` turns −0 into 0), late entries a second
 * array. A customer whose entry equals its duration (after 0) is at risk at no time, (entry, duration] being
 * empty: it is left out, as R's survival leaves out such an interval. With `segments`, each record's segment
 * is read in the same pass (its attributes read once) and the record of each time is kept.
 */
function readTimes(
  metric: string,
  observations: ArrayLike<unknown>,
  path: Path,
  segments?: SegmentCollector,
): ReadTimes {
  const n = observations.length;
  const times = new Float64Array(n);
  const seen = segments?.seen;
  const owners = segments === undefined ? undefined : { times: new Int32Array(n), entries: new Int32Array(n) };
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
    if (attributes !== undefined && !isAttributes(attributes, seen)) {
      rejectElement(metric, attributesField, attributes, [...path, i, 'attributes']);
    }
    if (entry !== undefined && entry !== 0) {
      if (!isTime(entry)) rejectElement(metric, timeSchema, entry, [...path, i, 'entry']);
      if (entry > duration) invalid(metric, [...path, i, 'entry'], `must not be after duration (${duration})`);
      segments?.add(record, i);
      if (entry === duration) continue;
      if (entries === undefined) entries = new Float64Array(n);
      if (owners !== undefined) owners.entries[late] = i;
      entries[late++] = entry;
    } else segments?.add(record, i);
    const at = flag ? churned++ : --censored;
    times[at] = duration + 0;
    if (owners !== undefined) owners.times[at] = i;
  }
  return { times, churned, censored, entries: entries ?? new Float64Array(0), late, owners };
}

/** The observations at `path`, checked in one pass and sorted (see {@link readTimes}). */
export function readObservations(metric: string, observations: ArrayLike<unknown>, path: Path): Sample {
  const { times, churned, censored, entries, late } = readTimes(metric, observations, path);
  return {
    churn: times.subarray(0, churned).sort(),
    censor: times.subarray(censored, times.length).sort(),
    entries: entries.subarray(0, late).sort(),
  };
}

/** The sample of all observations and of each segment's, read in one pass. */
export interface SegmentedSample {
  /** Every observation: exactly what {@link readObservations} gives. */
  readonly total: Sample;
  /** Segment s's observations, by segment number. */
  readonly segments: Sample[];
  /** The segments' numbers and names. */
  readonly ids: SegmentIds;
}

/**
 * The observations at `path` and each segment's, the segment of each record read by `segments` in the one
 * checked pass: each segment's times are copied in segment order before anything is sorted.
 */
export function readSegmentedObservations(
  metric: string,
  observations: ArrayLike<unknown>,
  path: Path,
  segments: SegmentCollector,
): SegmentedSample {
  const read = readTimes(metric, observations, path, segments);
  const { times, churned, censored, entries, late } = read;
  const owners = read.owners as NonNullable<ReadTimes['owners']>;
  const { ids, segmentOf } = segments.groups();
  const count = ids.names.length;
  const churn = split(times, owners.times, 0, churned, segmentOf, count);
  const censor = split(times, owners.times, censored, times.length, segmentOf, count);
  const lateBySegment = split(entries, owners.entries, 0, late, segmentOf, count);
  return {
    total: {
      churn: times.subarray(0, churned).sort(),
      censor: times.subarray(censored, times.length).sort(),
      entries: entries.subarray(0, late).sort(),
    },
    segments: Array.from({ length: count }, (_, s) => ({
      churn: churn[s] as Float64Array,
      censor: censor[s] as Float64Array,
      entries: lateBySegment[s] as Float64Array,
    })),
    ids,
  };
}

/** `values[from … to)` split by the segment of their records, each part sorted. */
function split(
  values: Float64Array,
  owners: Int32Array,
  from: number,
  to: number,
  segmentOf: Int32Array,
  count: number,
): Float64Array[] {
  const offsets = new Int32Array(count + 1);
  for (let k = from; k < to; k++) {
    const s = (segmentOf[owners[k] as number] as number) + 1;
    offsets[s] = (offsets[s] as number) + 1;
  }
  for (let s = 0; s < count; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  const parts = new Float64Array(to - from);
  const next = offsets.slice(0, count);
  for (let k = from; k < to; k++) {
    const s = segmentOf[owners[k] as number] as number;
    parts[next[s] as number] = values[k] as number;
    next[s] = (next[s] as number) + 1;
  }
  return Array.from({ length: count }, (_, s) => parts.subarray(offsets[s] as number, offsets[s + 1] as number).sort());
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
