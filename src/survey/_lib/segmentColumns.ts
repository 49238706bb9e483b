// Segment keys of raw survey scores, counted per segment in one pass. A score array carries no records, so a
// segment reaches each score through a column of `attributes` beside it (one segment name per score, or
// dictionary codes into a list of names, as pandas' categoricals and Arrow's dictionaries store them), or
// through a function of the score and its index. Counts go into one Float64Array of segments × scale
// points, so that 10 million responses need no object per response.
import * as z from 'zod/mini';
import { countCoded, rejectScore } from './codedColumns.js';
import { isScoreOn } from './distribution.js';
import { invalid, isArrayInput } from '../../internal/parse.js';
import type { Scale } from '../../internal/schemas.js';
import { type MissingSegment, NO_SEGMENT, SegmentIds, segmentKeyReader } from '../../internal/segments.js';

/**
 * One attribute of the responses as a column beside `scores`: either a segment name per score (an array
 * whose `null` or `undefined` entries are responses without the attribute), or dictionary codes `{ codes,
 * names }`, where `codes[i]` is the index in `names` of score i's segment and −1 marks a response without
 * the attribute (pandas' `Categorical.codes`). Codes in a `Uint8Array` or `Uint16Array` are the fastest form.
 */
export type ScoreAttributeColumn =
  | ArrayLike<string | null | undefined>
  | {
      /** Index into `names` of each score's segment (an integer), −1 for a response without the attribute. */
      readonly codes: ArrayLike<number>;
      /** The segment names the codes point to: distinct non-empty strings. */
      readonly names: readonly string[];
    };

/** The attributes of a score array: a column per attribute name, each as long as `scores`. */
export type ScoreAttributes = Readonly<Record<string, ScoreAttributeColumn>>;

function isCodedColumn(value: unknown): value is { codes: unknown; names: unknown } {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, 'codes') && Object.hasOwn(value, 'names');
}

/** The `attributes` field beside `scores`: its columns' entries are checked in the counting pass. */
export const attributesField = /* @__PURE__ */ (() =>
  z.record(
    z.string(),
    z.custom<ScoreAttributeColumn>((value) => isArrayInput(value) || isCodedColumn(value), {
      error: 'must be an array with one segment name per score, or dictionary codes { codes, names }',
    }),
  ))();

type Path = readonly (string | number)[];

/** Counts per segment: `counts` holds `stride` counts per slot; a slot is listed when `listed[slot]`. */
export interface SegmentCounts {
  /** Segment name of each slot. */
  readonly names: readonly string[];
  /** Whether each slot is listed even without responses (a declared dictionary name). */
  readonly declared: readonly boolean[];
  /** `names.length × stride` counts, score `range.min + k` of slot s at `s × stride + k`. */
  readonly counts: Float64Array;
}

/** How the scores are segmented: an attribute column's name or a function of the score. */
export interface SurveySegmentation {
  // The parameter is `never` so that the schema's function type fits; the function is called with a score.
  readonly segmentBy: string | ((score: never, index: number) => string);
  readonly missingSegment?: MissingSegment | undefined;
}

/** A column read once: its entries (names or codes) and, for codes, the names they point to. */
interface ReadColumn {
  readonly entries: ArrayLike<unknown>;
  readonly names?: unknown;
}

/**
 * Reads every column once (a getter is never asked twice) and checks that each is as long as the scores;
 * the entries themselves are read by the counting pass.
 */
export function readColumns(
  metric: string,
  columns: ScoreAttributes | undefined,
  length: number,
): Map<string, ReadColumn> {
  const read = new Map<string, ReadColumn>();
  if (columns === undefined) return read;
  for (const name of Object.keys(columns)) {
    const column: unknown = columns[name];
    const coded = isCodedColumn(column);
    const entries = coded ? column.codes : column;
    const path = coded ? ['attributes', name, 'codes'] : ['attributes', name];
    if (!isArrayInput(entries)) invalid(metric, path, 'must be an array or typed array of codes');
    const size = entries.length;
    if (size !== length) invalid(metric, path, `must have one entry per score: ${length} scores, ${size} entries`);
    read.set(name, coded ? { entries, names: column.names } : { entries });
  }
  return read;
}

/** Reads one coded column's names, each once: distinct non-empty strings (also read by the trend's segment column). */
export function dictionary(metric: string, names: unknown, path: Path): string[] {
  if (!Array.isArray(names)) invalid(metric, [...path, 'names'], 'must be an array of segment names');
  const read: string[] = [];
  const seen = new Set<string>();
  const length = names.length;
  for (let j = 0; j < length; j++) {
    const name: unknown = names[j];
    if (typeof name !== 'string' || name.length === 0) {
      invalid(metric, [...path, 'names', j], 'must be a non-empty string to name a segment');
    }
    if (seen.has(name)) invalid(metric, [...path, 'names', j], `repeats the segment name "${name}"`);
    seen.add(name);
    read.push(name);
  }
  return read;
}

/** A column of names: one Map lookup per change of name (runs of one segment cost one comparison each). */
function countNamed(
  metric: string,
  scores: ArrayLike<unknown>,
  column: ArrayLike<unknown>,
  range: Scale,
  missing: MissingSegment,
  path: Path,
  ids: SegmentIds,
): Float64Array {
  const min = range.min;
  const stride = range.max - min + 1;
  let counts: Float64Array = new Float64Array(8 * stride);
  let last: unknown = ids; // no entry is the ids object, so the first entry is looked up
  let base = 0;
  const length = scores.length;
  for (let i = 0; i < length; i++) {
    const score = scores[i];
    if (!isScoreOn(score, range)) rejectScore(metric, range, score, i);
    const key = column[i];
    if (key !== last) {
      base = ids.id(segmentName(metric, key, missing, path, i)) * stride;
      if (base + stride > counts.length) counts = grown(counts);
      last = key;
    }
    counts[base + score - min] = (counts[base + score - min] as number) + 1;
  }
  return counts;
}

export function segmentName(metric: string, key: unknown, missing: MissingSegment, path: Path, index: number): string {
  if (typeof key === 'string' && key.length > 0) return key;
  if (key === undefined || key === null) {
    if (missing === 'group') return NO_SEGMENT;
    return invalid(
      metric,
      [...path, index],
      "is missing: segmentBy needs the attribute on every response (or missingSegment: 'group')",
    );
  }
  return invalid(metric, [...path, index], 'must be a non-empty string to name a segment');
}

/** A copy of `counts` twice as long: room for more segments. */
export function grown(counts: Float64Array): Float64Array {
  const next = new Float64Array(counts.length * 2);
  next.set(counts);
  return next;
}

/** A function of the score and its index, called once per response. */
function countByFunction(
  metric: string,
  scores: ArrayLike<unknown>,
  by: (score: never, index: number) => string,
  range: Scale,
  missing: MissingSegment,
  ids: SegmentIds,
): Float64Array {
  const key = segmentKeyReader(metric, 'scores', by, missing);
  const min = range.min;
  const stride = range.max - min + 1;
  let counts: Float64Array = new Float64Array(8 * stride);
  const length = scores.length;
  for (let i = 0; i < length; i++) {
    const score = scores[i];
    if (!isScoreOn(score, range)) rejectScore(metric, range, score, i);
    const base = ids.id(key(score, i)) * stride;
    if (base + stride > counts.length) counts = grown(counts);
    counts[base + score - min] = (counts[base + score - min] as number) + 1;
  }
  return counts;
}

/**
 * Counts the scores of each segment in one pass, checking every score and segment key; the first bad
 * element in array order is reported (a score at `['scores', i]`, a column entry at `['attributes', name,
 * i]` or `[…, 'codes', i]`, a function's failure at `['scores', i]`).
 */
export function countSegments(
  metric: string,
  scores: ArrayLike<unknown>,
  columns: ScoreAttributes | undefined,
  range: Scale,
  segmentation: SurveySegmentation,
): SegmentCounts {
  const missing = segmentation.missingSegment ?? 'error';
  const by = segmentation.segmentBy;
  const read = readColumns(metric, columns, scores.length);
  if (typeof by === 'function') {
    const ids = new SegmentIds();
    const counts = countByFunction(metric, scores, by, range, missing, ids);
    return { names: ids.names, declared: ids.names.map(() => false), counts };
  }
  const column = read.get(by);
  const path = ['attributes', by];
  if (column === undefined) {
    return invalid(
      metric,
      path,
      `is missing: segmentBy: "${by}" needs a column attributes.${by} beside the scores, one segment per score`,
    );
  }
  if (Object.hasOwn(column, 'names')) {
    const names = dictionary(metric, column.names, path);
    const counts = countCoded(metric, scores, column.entries, names.length, range, missing, [...path, 'codes']);
    return { names: [NO_SEGMENT, ...names], declared: [false, ...names.map(() => true)], counts };
  }
  const ids = new SegmentIds();
  const counts = countNamed(metric, scores, column.entries, range, missing, path, ids);
  return { names: ids.names, declared: ids.names.map(() => false), counts };
}
