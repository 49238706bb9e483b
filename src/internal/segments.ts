// Segment keys of bulk records: `segmentBy` names an attribute of the records (`attributes.plan`) or is a
// function of the record. Every family that breaks its figures down by segment reads the keys here, so the
// rules (a missing attribute, a function that throws, the order of the segments) are the same everywhere.
import * as z from 'zod/mini';
import { invalid } from './parse.js';

/** An attribute name, or a function returning a record's segment (a non-empty string). */
export type SegmentBy<R> = string | ((record: R, index: number) => string);

/**
 * What to do with a record that has no value for the `segmentBy` attribute: `'error'` (the default) throws
 * a `MetricError` naming the record; `'group'` counts it in the segment `'(none)'` (`NO_SEGMENT`).
 */
export type MissingSegment = 'error' | 'group';

/** The segment of records without the attribute, under `missingSegment: 'group'`. */
export const NO_SEGMENT = '(none)';

/** Options shared by every segmented function. */
export interface SegmentOptions<R> {
  /** The attribute (a key of each record's `attributes`) or a function giving each record's segment. */
  readonly segmentBy?: SegmentBy<R> | undefined;
  /** What a record without the attribute does. Default `'error'`. */
  readonly missingSegment?: MissingSegment | undefined;
}

/** The zod shape of {@link SegmentOptions}, to spread into a function's options schema. */
export const segmentShape = /* @__PURE__ */ (() => ({
  segmentBy: z.optional(
    z.union([
      z.string().check(z.minLength(1)),
      z.custom<(record: never, index: number) => string>((value) => typeof value === 'function', {
        error: 'must be an attribute name or a function of the record',
      }),
    ]),
  ),
  missingSegment: z.optional(z.enum(['error', 'group'])),
}))();

/** Reads one record's segment key; throws `INVALID_INPUT` at the record when it has none. */
export type SegmentKey = (record: unknown, index: number) => string;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'an empty string';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/**
 * The segment key of a record whose attribute `name` was read as `value` (`undefined` when the record has
 * none): the value itself when a non-empty string; {@link NO_SEGMENT} for a missing one under
 * `missingSegment: 'group'`; otherwise `INVALID_INPUT` at `[field, index, 'attributes', name]`. For readers
 * that read the attribute while checking the record, so that it is read once.
 */
export function attributeKey(
  metric: string,
  field: string | undefined,
  name: string,
  missing: MissingSegment = 'error',
): (value: unknown, index: number) => string {
  return (value, index) => {
    if (typeof value === 'string' && value.length > 0) return value;
    if (value === undefined && missing === 'group') return NO_SEGMENT;
    return invalid(
      metric,
      [...(field === undefined ? [index] : [field, index]), 'attributes', name],
      value === undefined
        ? `is missing: segmentBy needs the attribute "${name}" on every record (or missingSegment: 'group')`
        : `must be a non-empty string to name a segment, not ${describe(value)}`,
    );
  };
}

/**
 * The reader of segment keys for the records of `field` (`'subscriptions'`, `'responses'` …). An attribute
 * is read from `record.attributes[name]`; a record without it is refused at
 * `[field, index, 'attributes', name]` or counted in {@link NO_SEGMENT}. A function's throw or a result that
 * is not a non-empty string is refused at `[field, index]`. With `field` `undefined` the records are the
 * input itself, and the paths start at the index.
 */
export function segmentKeyReader<R>(
  metric: string,
  field: string | undefined,
  segmentBy: SegmentBy<R>,
  missing: MissingSegment = 'error',
): SegmentKey {
  const at = (index: number): (string | number)[] => (field === undefined ? [index] : [field, index]);
  if (typeof segmentBy === 'string') {
    const name = segmentBy;
    const keyOf = attributeKey(metric, field, name, missing);
    return (record, index) => {
      const attributes = (record as { attributes?: Readonly<Record<string, unknown>> }).attributes;
      return keyOf(attributes === undefined || !Object.hasOwn(attributes, name) ? undefined : attributes[name], index);
    };
  }
  const by = segmentBy;
  return (record, index) => {
    let value: unknown;
    try {
      value = by(record as R, index);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return invalid(metric, at(index), `could not be segmented: segmentBy threw "${reason}"`);
    }
    if (typeof value === 'string' && value.length > 0) return value;
    return invalid(metric, at(index), `got ${describe(value)} from segmentBy, which must return a non-empty string`);
  };
}

/** Dense numbers for segment keys, in order of first appearance. */
export class SegmentIds {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();

  /** The number of `key`, numbering it when new. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(key, id);
      this.names.push(key);
    }
    return id;
  }

  /**
   * The segment numbers in the order results list them: by name (code-unit order, so the same in every
   * locale), with {@link NO_SEGMENT} last.
   */
  order(): number[] {
    const names = this.names;
    return names
      .map((_, id) => id)
      .sort((a, b) => {
        const x = names[a] as string;
        const y = names[b] as string;
        if (x === y) return 0;
        if (x === NO_SEGMENT) return 1;
        if (y === NO_SEGMENT) return -1;
        return x < y ? -1 : 1;
      });
  }
}
