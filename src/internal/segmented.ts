// Results broken down by segment, `{ total, segments: [{ segment, size, result, smallSample }] }`, as every
// bulk family that takes `segmentBy` returns them: the records' indexes grouped by segment key, and the
// entries built from a family's own per-segment result, a `NO_DATA` segment listed with `result: null`.
import * as z from 'zod/mini';
import { MetricError } from '../errors.js';
import { invalid } from './parse.js';
import { count } from './schemas.js';
import {
  attributeKey,
  type MissingSegment,
  type SegmentBy,
  SegmentIds,
  type SegmentKey,
  segmentKeyReader,
  segmentShape,
} from './segments.js';

/** One segment of a segmented result. */
export interface SegmentEntry<T> {
  /** The segment's key: the attribute's value, or what `segmentBy` returned (`'(none)'` for records without it). */
  readonly segment: string;
  /** The segment's size, in the unit the function documents (customers at the start, tickets, accounts …). */
  readonly size: number;
  /** What the function returns on the segment's records alone; `null` where that call has no data. */
  readonly result: T | null;
  /** Whether `size` is below `minimumSegmentSize`: too few records for the figure to say much. */
  readonly smallSample: boolean;
}

/** A result broken down by segment: the whole (the call without `segmentBy`) and each segment, by name. */
export interface Segmented<T> {
  /** The result over every record: exactly what the call without `segmentBy` returns. */
  readonly total: T;
  /** One entry per segment, by name (code-unit order), `'(none)'` last. */
  readonly segments: SegmentEntry<T>[];
}

/** The options that break a function's result down by segment. */
export interface SegmentedOptions<R> {
  /** The attribute (a key of each record's `attributes`) or a function giving each record's segment. */
  readonly segmentBy: SegmentBy<R>;
  /** What a record without the attribute does: `'error'` (default) or `'group'` (segment `'(none)'`). */
  readonly missingSegment?: MissingSegment | undefined;
  /** The size below which a segment is flagged `smallSample` (a non-negative integer; default per function). */
  readonly minimumSegmentSize?: number | undefined;
}

/** The `attributes` of a record: a plain object of strings (`{ plan: 'pro', region: 'EU' }`), optional. */
export const attributesField = /* @__PURE__ */ (() => z.optional(z.record(z.string(), z.string())))();

/**
 * Whether `value` is what `z.record(z.string(), z.string())` accepts: a plain object (zod's test: no
 * constructor, or one whose prototype owns `isPrototypeOf`, so not an array, a Date or a class instance)
 * whose own enumerable keys are strings (a symbol key is refused) with string values, each passed to `seen`;
 * inherited keys are not read, and an own `__proto__` key is skipped as zod skips it.
 */
export function isAttributes(value: unknown, seen?: (key: string, value: string) => void): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ctor: unknown = (value as { constructor?: unknown }).constructor;
  if (typeof ctor === 'function') {
    const prototype: unknown = ctor.prototype;
    if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false;
    if (!Object.hasOwn(prototype, 'isPrototypeOf')) return false;
  }
  for (const key in value) {
    if (key === '__proto__' || !Object.hasOwn(value, key)) continue;
    const attribute = (value as Record<string, unknown>)[key];
    if (typeof attribute !== 'string') return false;
    seen?.(key, attribute);
  }
  for (const symbol of Object.getOwnPropertySymbols(value)) {
    if (Object.prototype.propertyIsEnumerable.call(value, symbol)) return false;
  }
  return true;
}

/** The zod shape of {@link SegmentedOptions}, to spread into a function's options schema. */
export const segmentedShape = /* @__PURE__ */ (() => ({ ...segmentShape, minimumSegmentSize: z.optional(count) }))();

/** The segment options as parsed (`segmentBy` absent in an unsegmented call). */
export interface ParsedSegmentOptions {
  readonly segmentBy?: SegmentBy<never> | undefined;
  readonly missingSegment?: MissingSegment | undefined;
  readonly minimumSegmentSize?: number | undefined;
}

/** Refuses `missingSegment` or `minimumSegmentSize` without `segmentBy`: an option that would do nothing. */
export function checkSegmentOptions(metric: string, options: ParsedSegmentOptions): void {
  if (options.segmentBy !== undefined) return;
  for (const name of ['missingSegment', 'minimumSegmentSize'] as const) {
    if (options[name] !== undefined) invalid(metric, [name], 'applies only with segmentBy', 'options');
  }
}

/** Record indexes grouped by segment. */
export interface SegmentGroups {
  /** The segments' numbers and names. */
  readonly ids: SegmentIds;
  /** The segment number of each record. */
  readonly segmentOf: Int32Array;
  /** Segment s has `offsets[s + 1] − offsets[s]` records; see {@link segmentIndexes}. */
  readonly offsets: Int32Array;
}

/**
 * The segments of records read by a family's own checked pass, so that each record and its attributes are
 * read once: the pass hands {@link SegmentCollector.seen} to `isAttributes` while it checks a record's
 * attributes (which keeps the `segmentBy` attribute as read), then calls {@link SegmentCollector.add} once the
 * record is valid. A record without a segment is refused as `segmentKeyReader` says.
 */
export class SegmentCollector {
  /** For `isAttributes`: keeps the `segmentBy` attribute of the record being checked (none for a function). */
  readonly seen: ((key: string, value: string) => void) | undefined;
  private readonly ids = new SegmentIds();
  private readonly segmentOf: Int32Array;
  private readonly keyOfAttribute: ((value: unknown, index: number) => string) | undefined;
  private readonly keyOfRecord: SegmentKey;
  private attribute: string | undefined;
  // Consecutive records often share a segment: the last key read saves most map look-ups.
  private lastKey = '';
  private lastId = -1;

  constructor(
    metric: string,
    field: string | undefined,
    count: number,
    options: { readonly segmentBy: SegmentBy<never>; readonly missingSegment?: MissingSegment | undefined },
  ) {
    this.segmentOf = new Int32Array(count);
    const { segmentBy, missingSegment } = options;
    this.keyOfRecord = segmentKeyReader(metric, field, segmentBy, missingSegment);
    if (typeof segmentBy === 'string') {
      this.keyOfAttribute = attributeKey(metric, field, segmentBy, missingSegment);
      this.seen = (key, value) => {
        if (key === segmentBy) this.attribute = value;
      };
    }
  }

  /** Records the segment of the checked record at `index` (records are added in order). */
  add(record: unknown, index: number): void {
    let key: string;
    if (this.keyOfAttribute === undefined) key = this.keyOfRecord(record, index);
    else {
      key = this.keyOfAttribute(this.attribute, index);
      this.attribute = undefined;
    }
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastId = this.ids.id(key);
    }
    this.segmentOf[index] = this.lastId;
  }

  /** The records grouped by segment, once every record was added. */
  groups(): SegmentGroups {
    const { ids, segmentOf } = this;
    const segments = ids.names.length;
    const offsets = new Int32Array(segments + 1);
    for (let i = 0; i < segmentOf.length; i++) {
      const s = (segmentOf[i] as number) + 1;
      offsets[s] = (offsets[s] as number) + 1;
    }
    for (let s = 0; s < segments; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
    return { ids, segmentOf, offsets };
  }
}

/** A collector for `count` records of `field` when the options break the result down, else `undefined`. */
export function segmentCollector(
  metric: string,
  field: string | undefined,
  count: number,
  options: ParsedSegmentOptions,
): SegmentCollector | undefined {
  const { segmentBy } = options;
  return segmentBy === undefined ? undefined : new SegmentCollector(metric, field, count, { ...options, segmentBy });
}

/**
 * The record indexes in segment order: the records of segment s are `indexes[offsets[s]] …
 * indexes[offsets[s + 1] − 1]`, in record order.
 */
export function segmentIndexes(groups: SegmentGroups): Int32Array {
  const { segmentOf, offsets } = groups;
  const indexes = new Int32Array(segmentOf.length);
  const next = offsets.slice(0, offsets.length - 1);
  for (let i = 0; i < segmentOf.length; i++) {
    const s = segmentOf[i] as number;
    indexes[next[s] as number] = i;
    next[s] = (next[s] as number) + 1;
  }
  return indexes;
}

/**
 * The entries of a segmented result, in the segments' order: `measure(s)` gives segment s's size and result;
 * a result that throws `NO_DATA` is `null` (the segment stays listed). Any other error propagates.
 */
export function segmentEntries<T>(
  ids: SegmentIds,
  minimumSegmentSize: number,
  size: (segment: number) => number,
  result: (segment: number) => T,
): SegmentEntry<T>[] {
  return ids.order().map((s) => {
    const entrySize = size(s);
    return {
      segment: ids.names[s] as string,
      size: entrySize,
      result: orNull(() => result(s)),
      smallSample: entrySize < minimumSegmentSize,
    };
  });
}

/** `compute()`, or `null` when it throws `NO_DATA`. */
function orNull<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MetricError && error.code === 'NO_DATA') return null;
    throw error;
  }
}
