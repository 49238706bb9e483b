import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { countCoded } from './codedColumns.js';

const NPS = { min: 0, max: 10 };
const PATH = ['attributes', 'plan', 'codes'];

/** The plain count per slot (code + 1) and score, one element at a time. */
function expected(scores: readonly number[], codes: readonly number[], size: number, min: number, width: number) {
  const counts = new Float64Array((size + 1) * width);
  scores.forEach((score, i) => {
    const at = ((codes[i] as number) + 1) * width + score - min;
    counts[at] = (counts[at] as number) + 1;
  });
  return counts;
}

describe('countCoded', () => {
  it('counts the same from plain arrays, typed arrays, aligned and unaligned bytes', () => {
    const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 })), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(pairs, fc.integer({ min: 0, max: 3 }), (list, offset) => {
        const scores = list.map(([score]) => score);
        const codes = list.map(([, code]) => code);
        const want = expected(scores, codes, 6, 0, 11);
        expect(countCoded('m', scores, codes, 6, NPS, 'error', PATH)).toEqual(want);
        expect(countCoded('m', Int16Array.from(scores), Int32Array.from(codes), 6, NPS, 'error', PATH)).toEqual(want);
        // Bytes at an offset: read by words only when both start on a 4-byte boundary.
        const scoreBytes = new Uint8Array(list.length + offset).subarray(offset);
        scoreBytes.set(scores);
        const codeBytes = new Uint8Array(list.length + 4).subarray(4);
        codeBytes.set(codes);
        expect(countCoded('m', scoreBytes, codeBytes, 6, NPS, 'error', PATH)).toEqual(want);
      }),
    );
  });

  it('counts code −1 in slot 0 when grouping, four at a time and in the tail', () => {
    const scores = [1, 2, 3, 4, 5, 6];
    const codes = [-1, 0, -1, 0, 0, -1];
    expect(countCoded('m', scores, codes, 1, NPS, 'group', PATH)).toEqual(expected(scores, codes, 1, 0, 11));
  });

  it('reads a scale of points beyond 32 bits one element at a time', () => {
    const range = { min: 2 ** 40, max: 2 ** 40 + 2 };
    const counts = countCoded('m', [2 ** 40, 2 ** 40 + 2], [0, 1], 2, range, 'error', PATH);
    expect(Array.from(counts)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('reports the first bad score or code of a step of four, a score before its code', () => {
    const scores = [1, 2, 3, 4, 5, 6, 7, 8];
    expectMetricError(() => countCoded('m', scores, [0, 0, 0, 0, 0, 3, 0, 0], 2, NPS, 'error', PATH), 'INVALID_INPUT', [
      ...PATH,
      5,
    ]);
    expectMetricError(
      () => countCoded('m', [1, 2, 3, 4, 5, 11, 7, 8], [0, 0, 0, 0, 0, 3, 0, 0], 2, NPS, 'error', PATH),
      'INVALID_INPUT',
      ['scores', 5],
    );
    expectMetricError(
      () => countCoded('m', scores, [0, 0, 0, 0, 0, 0, -1, 0], 2, NPS, 'error', PATH),
      'INVALID_INPUT',
      [...PATH, 6],
      'missingSegment',
    );
    expectMetricError(
      () => countCoded('m', scores, [0, 0, 0, 0, 0, 0, 0, '1' as never], 2, NPS, 'error', PATH),
      'INVALID_INPUT',
      [...PATH, 7],
    );
    expectMetricError(
      () => countCoded('m', [1, 2, 3, 4, 5], [0, 0, 0, 0, 0.5], 2, NPS, 'error', PATH),
      'INVALID_INPUT',
      [...PATH, 4],
    );
  });

  it('reports the first bad element of bytes', () => {
    expectMetricError(
      () => countCoded('m', new Uint8Array([1, 2, 3, 4, 12]), new Uint8Array([0, 0, 9, 0, 0]), 2, NPS, 'error', PATH),
      'INVALID_INPUT',
      [...PATH, 2],
    );
    expectMetricError(
      () => countCoded('m', new Uint8Array([1, 2, 3, 4, 12]), new Uint8Array(5), 2, NPS, 'error', PATH),
      'INVALID_INPUT',
      ['scores', 4],
    );
  });
});
