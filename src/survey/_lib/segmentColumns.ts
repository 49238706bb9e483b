// Segment keys of raw survey scores, counted per segment in one pass. A score array carries no records, so a
// segment reaches each score through a column of `attributes` beside it (one segment name per score, or
// dictionary codes into a list of names, as pandas' categoricals and Arrow's dictionaries store them), or
// through a function of the score and its index. Counts go into one Float64Array of segments × scale
// points, so that 10 million responses need no object per response.
import * as z from 'zod/mini';
import { isScoreOn } from './distribution.js';
import { invalid, isArrayInput, rejectElement } from '../../internal/parse.js';
import { scoreOn, type Scale } from '../../internal/schemas.js';
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

function rejectScore(metric: string, range: Scale, value: unknown, index: number): never {
  return rejectElement(metric, scoreOn(range), value, ['scores', index]);
}

/** Reads one coded column's names, each once: distinct non-empty strings. */
function dictionary(metric: string, names: unknown, path: Path): string[] {
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

/**
 * Counts scores per code in one pass. Slot 0 holds responses without the attribute (code −1), slot c + 1
 * code c; a code is checked before its score is counted.
 */
function countCoded(
  metric: string,
  scores: ArrayLike<unknown>,
  codes: ArrayLike<unknown>,
  size: number,
  range: Scale,
  missing: MissingSegment,
  path: Path,
): Float64Array {
  const min = range.min;
  const stride = range.max - min + 1;
  const counts = new Float64Array((size + 1) * stride);
  const lowest = missing === 'group' ? 0 : 1;
  const length = scores.length;
  for (let i = 0; i < length; i++) {
    const score = scores[i];
    const code = codes[i];
    if (!isScoreOn(score, range)) rejectScore(metric, range, score, i);
    if (typeof code !== 'number' || !Number.isInteger(code) || code + 1 < lowest || code >= size) {
      rejectCode(metric, code, size, [...path, 'codes', i]);
    }
    const at = (code + 1) * stride + score - min;
    counts[at] = (counts[at] as number) + 1;
  }
  return counts;
}

function rejectCode(metric: string, code: unknown, size: number, path: Path): never {
  if (code === -1) {
    return invalid(
      metric,
      path,
      "is −1, a response without the attribute: segmentBy needs it on every response (or missingSegment: 'group')",
    );
  }
  return invalid(metric, path, `must be an integer from 0 to ${size - 1} (an index into names), or −1 for none`);
}

/** Elements counted into the Int32 table before it is added to the exact counts (well below 2^31). */
const CHUNK = 1 << 30;

/**
 * Bytes of scores and bytes of codes: one table of 256 × 256 Int32 counts (code × score), read with no
 * branch; then any count outside the scale or the dictionary sends us to the first bad element.
 */
function countCodedBytes(
  metric: string,
  scores: Uint8Array | Uint8ClampedArray,
  codes: Uint8Array,
  size: number,
  range: Scale,
  path: Path,
): Float64Array {
  const table = new Int32Array(256 * 256);
  const min = range.min;
  const stride = range.max - min + 1;
  const counts = new Float64Array((size + 1) * stride);
  const length = scores.length;
  for (let from = 0; from < length; from += CHUNK) {
    const to = Math.min(length, from + CHUNK);
    for (let i = from; i < to; i++) {
      const at = ((codes[i] as number) << 8) | (scores[i] as number);
      table[at] = (table[at] as number) + 1;
    }
    for (let code = 0; code < 256; code++) {
      for (let score = 0; score < 256; score++) {
        const n = table[(code << 8) | score] as number;
        if (n === 0) continue;
        if (code >= size || score < min || score > range.max) {
          return countCoded(metric, scores, codes, size, range, 'error', path);
        }
        const at = (code + 1) * stride + score - min;
        counts[at] = (counts[at] as number) + n;
      }
    }
    table.fill(0);
  }
  return counts;
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

function segmentName(metric: string, key: unknown, missing: MissingSegment, path: Path, index: number): string {
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

function grown(counts: Float64Array): Float64Array {
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
    const codes = column.entries;
    const bytes = (scores instanceof Uint8Array || scores instanceof Uint8ClampedArray) && codes instanceof Uint8Array;
    const counts =
      bytes && range.min >= 0 && range.max <= 255
        ? countCodedBytes(metric, scores, codes, names.length, range, path)
        : countCoded(metric, scores, codes, names.length, range, missing, path);
    return { names: [NO_SEGMENT, ...names], declared: [false, ...names.map(() => true)], counts };
  }
  const ids = new SegmentIds();
  const counts = countNamed(metric, scores, column.entries, range, missing, path, ids);
  return { names: ids.names, declared: ids.names.map(() => false), counts };
}
