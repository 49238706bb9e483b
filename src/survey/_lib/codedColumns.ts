// Scores counted per dictionary code (`{ codes, names }` beside the scores), the fast form of a segment
// column: no string and no object per response. Slot 0 of the counts holds responses without the attribute
// (code −1), slot c + 1 code c; each slot has one count per point of the scale. Three loops, one per shape
// of input, so that each stays compiled for the elements it reads.
import { isScoreOn } from './distribution.js';
import { invalid, rejectElement } from '../../internal/parse.js';
import { type Scale, scoreOn } from '../../internal/schemas.js';
import type { MissingSegment } from '../../internal/segments.js';

type Path = readonly (string | number)[];

/** Refuses score `index` of the scores, as the unsegmented pass would. */
export function rejectScore(metric: string, range: Scale, value: unknown, index: number): never {
  return rejectElement(metric, scoreOn(range), value, ['scores', index]);
}

/** What every loop reads: the scores, their codes, the number of names, and how to report a bad one. */
interface Coded {
  readonly metric: string;
  readonly scores: ArrayLike<unknown>;
  readonly codes: ArrayLike<unknown>;
  /** The number of names: codes run from 0 to size − 1 (and −1 when grouping). */
  readonly size: number;
  readonly range: Scale;
  /** The lowest slot accepted: 0 when code −1 is grouped in `'(none)'`, else 1. */
  readonly lowest: number;
  /** The path of the codes, `['attributes', name, 'codes']`. */
  readonly path: Path;
}

/**
 * Counts the scores of each code in one pass, checking every score and code; the first bad element in array
 * order is reported (its score at `['scores', i]` before its code at `[...path, i]`).
 */
export function countCoded(
  metric: string,
  scores: ArrayLike<unknown>,
  codes: ArrayLike<unknown>,
  size: number,
  range: Scale,
  missing: MissingSegment,
  path: Path,
): Float64Array {
  const coded: Coded = { metric, scores, codes, size, range, lowest: missing === 'group' ? 0 : 1, path };
  const counts = new Float64Array((size + 1) * (range.max - range.min + 1));
  const bytes = (scores instanceof Uint8Array || scores instanceof Uint8ClampedArray) && codes instanceof Uint8Array;
  if (bytes && range.min >= 0 && range.max <= 255) return countBytes(coded, scores, codes, counts);
  if ((range.min | 0) === range.min && (range.max | 0) === range.max) return countFourAtATime(coded, counts);
  return countEach(coded, 0, counts);
}

/** One element at a time, from `from` on, into `counts`: any scale, any array-like. */
function countEach(coded: Coded, from: number, counts: Float64Array): Float64Array {
  const { scores, codes, range } = coded;
  const min = range.min;
  const width = range.max - min + 1;
  const length = scores.length;
  for (let i = from; i < length; i++) {
    const score = scores[i];
    const code = codes[i];
    if (!isScoreOn(score, range) || !isCode(coded, code)) rejectFirstOf(coded, i, [score], [code]);
    const at = (code + 1) * width + score - min;
    counts[at] = (counts[at] as number) + 1;
  }
  return counts;
}

/** Whether a value is a code of the dictionary (or −1, when grouped). */
function isCode(coded: Coded, code: unknown): code is number {
  return typeof code === 'number' && Number.isInteger(code) && code + 1 >= coded.lowest && code < coded.size;
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

/**
 * Four elements per step, their checks combined without branches (as the unsegmented pass does); a step
 * with a bad element is checked again one element at a time, from the values already read.
 */
function countFourAtATime(coded: Coded, counts: Float64Array): Float64Array {
  const { scores, codes, range, lowest } = coded;
  const min = range.min;
  const span = range.max - min;
  const width = span + 1;
  const top = coded.size - lowest;
  const length = scores.length;
  const fast = length - (length % 4);
  let i = 0;
  for (; i < fast; i += 4) {
    const a = scores[i];
    const b = scores[i + 1];
    const c = scores[i + 2];
    const d = scores[i + 3];
    const ca = codes[i];
    const cb = codes[i + 1];
    const cc = codes[i + 2];
    const cd = codes[i + 3];
    if (
      typeof a !== 'number' ||
      typeof b !== 'number' ||
      typeof c !== 'number' ||
      typeof d !== 'number' ||
      typeof ca !== 'number' ||
      typeof cb !== 'number' ||
      typeof cc !== 'number' ||
      typeof cd !== 'number'
    ) {
      rejectFirstOf(coded, i, [a, b, c, d], [ca, cb, cc, cd]);
    }
    // Slots from the scale's minimum and from code −1; `>>> 0` makes a negative slot huge, so one
    // comparison checks both ends.
    const sa = (a | 0) - min;
    const sb = (b | 0) - min;
    const sc = (c | 0) - min;
    const sd = (d | 0) - min;
    const ka = (ca | 0) + 1;
    const kb = (cb | 0) + 1;
    const kc = (cc | 0) + 1;
    const kd = (cd | 0) + 1;
    const integers =
      +((a | 0) === a) &
      +((b | 0) === b) &
      +((c | 0) === c) &
      +((d | 0) === d) &
      +((ca | 0) === ca) &
      +((cb | 0) === cb) &
      +((cc | 0) === cc) &
      +((cd | 0) === cd);
    const onScale = +(sa >>> 0 <= span) & +(sb >>> 0 <= span) & +(sc >>> 0 <= span) & +(sd >>> 0 <= span);
    const known =
      +((ka - lowest) >>> 0 <= top) &
      +((kb - lowest) >>> 0 <= top) &
      +((kc - lowest) >>> 0 <= top) &
      +((kd - lowest) >>> 0 <= top);
    if ((integers & onScale & known) === 0) {
      rejectFirstOf(coded, i, [a, b, c, d], [ca, cb, cc, cd]);
    }
    counts[ka * width + sa] = (counts[ka * width + sa] as number) + 1;
    counts[kb * width + sb] = (counts[kb * width + sb] as number) + 1;
    counts[kc * width + sc] = (counts[kc * width + sc] as number) + 1;
    counts[kd * width + sd] = (counts[kd * width + sd] as number) + 1;
  }
  return countEach(coded, i, counts);
}

/** Reports the first bad score or code of the elements from `index` on, from the values already read. */
function rejectFirstOf(coded: Coded, index: number, scores: readonly unknown[], codes: readonly unknown[]): never {
  const { metric, range, path } = coded;
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k];
    const code = codes[k];
    if (!isScoreOn(score, range)) rejectScore(metric, range, score, index + k);
    if (!isCode(coded, code)) rejectCode(metric, code, coded.size, [...path, index + k]);
  }
  // Not reached: a step that fails has a bad element. Should it not, say so as a MetricError.
  return invalid(metric, [...path, index], 'has a code or score that could not be read');
}

/** Elements counted into the Int32 table before it is added to the exact counts (well below 2^31). */
const CHUNK = 1 << 30;

/**
 * Bytes of scores and bytes of codes: one table of 256 × 256 Int32 counts (code × score), filled with no
 * branch, four bytes of each read at once when both arrays start on a 4-byte boundary; then any count
 * outside the scale or the dictionary sends us to the first bad element.
 */
function countBytes(
  coded: Coded,
  scores: Uint8Array | Uint8ClampedArray,
  codes: Uint8Array,
  counts: Float64Array,
): Float64Array {
  const { range, size } = coded;
  const table = new Int32Array(256 * 256);
  const min = range.min;
  const width = range.max - min + 1;
  const length = scores.length;
  const aligned = scores.byteOffset % 4 === 0 && codes.byteOffset % 4 === 0;
  for (let from = 0; from < length; from += CHUNK) {
    const to = Math.min(length, from + CHUNK);
    if (aligned) tableByWords(scores, codes, from, to, table);
    else tableByBytes(scores, codes, from, to, table);
    for (let code = 0; code < 256; code++) {
      for (let score = 0; score < 256; score++) {
        const n = table[(code << 8) | score] as number;
        if (n === 0) continue;
        if (code >= size || score < min || score > range.max) {
          // A bad byte: recount from the start, one element at a time, to report the first one.
          return countEach(coded, 0, counts.fill(0));
        }
        const at = (code + 1) * width + score - min;
        counts[at] = (counts[at] as number) + n;
      }
    }
    table.fill(0);
  }
  return counts;
}

function tableByBytes(
  scores: Uint8Array | Uint8ClampedArray,
  codes: Uint8Array,
  from: number,
  to: number,
  table: Int32Array,
): void {
  for (let i = from; i < to; i++) {
    const at = ((codes[i] as number) << 8) | (scores[i] as number);
    table[at] = (table[at] as number) + 1;
  }
}

/**
 * Four scores and four codes per step, each read as one 32-bit word: byte k of the score word and byte k of
 * the code word belong to the same response, whatever the byte order. `from` is a multiple of 4.
 */
function tableByWords(
  scores: Uint8Array | Uint8ClampedArray,
  codes: Uint8Array,
  from: number,
  to: number,
  table: Int32Array,
): void {
  const words = (to - from) >>> 2;
  const scoreWords = new Int32Array(scores.buffer, scores.byteOffset + from, words);
  const codeWords = new Int32Array(codes.buffer, codes.byteOffset + from, words);
  for (let w = 0; w < words; w++) {
    const s = scoreWords[w] as number;
    const c = codeWords[w] as number;
    const a = ((c & 0xff) << 8) | (s & 0xff);
    const b = (c & 0xff00) | ((s >>> 8) & 0xff);
    const d = ((c >>> 8) & 0xff00) | ((s >>> 16) & 0xff);
    const e = ((c >>> 16) & 0xff00) | (s >>> 24);
    table[a] = (table[a] as number) + 1;
    table[b] = (table[b] as number) + 1;
    table[d] = (table[d] as number) + 1;
    table[e] = (table[e] as number) + 1;
  }
  tableByBytes(scores, codes, from + words * 4, to, table);
}
