import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readColumns, countSegments } from './segmentColumns.js';

const FIVE = { min: 1, max: 5 };

/** The counts of each slot, as arrays, keyed by the slot's name. */
function slots(result: ReturnType<typeof countSegments>, stride: number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  result.names.forEach((name, slot) => {
    const counts = Array.from(result.counts.subarray(slot * stride, (slot + 1) * stride));
    if (result.declared[slot] === true || counts.some((n) => n > 0)) out[name] = counts;
  });
  return out;
}

describe('countSegments', () => {
  it('counts each segment of a column of names, in one table of segments × scale points', () => {
    const result = countSegments('m', [1, 5, 5, 2], { plan: ['a', 'b', 'a', 'a'] }, FIVE, { segmentBy: 'plan' });
    expect(slots(result, 5)).toEqual({ a: [1, 1, 0, 0, 1], b: [0, 0, 0, 0, 1] });
  });

  it('grows its table past eight segments, and keeps runs of one name cheap', () => {
    const names = Array.from({ length: 20 }, (_, k) => `s${k}`);
    const column = Array.from({ length: 60 }, (_, i) => names[Math.floor(i / 3)] as string);
    const scores = column.map(() => 3);
    const result = countSegments('m', scores, { s: column }, FIVE, { segmentBy: 's' });
    expect(result.names).toEqual(names);
    expect(Object.values(slots(result, 5)).every((counts) => counts[2] === 3)).toBe(true);
    const byFunction = countSegments('m', scores, undefined, FIVE, { segmentBy: (_s, i) => column[i] as string });
    expect(slots(byFunction, 5)).toEqual(slots(result, 5));
  });

  it('reads dictionary codes, with slot 0 for code −1 and every declared name listed', () => {
    const result = countSegments('m', [1, 2, 3], { p: { codes: [1, -1, 1], names: ['x', 'y', 'z'] } }, FIVE, {
      segmentBy: 'p',
      missingSegment: 'group',
    });
    expect(result.names).toEqual(['(none)', 'x', 'y', 'z']);
    expect(result.declared).toEqual([false, true, true, true]);
    expect(slots(result, 5)).toEqual({
      '(none)': [0, 1, 0, 0, 0],
      x: [0, 0, 0, 0, 0],
      y: [1, 0, 1, 0, 0],
      z: [0, 0, 0, 0, 0],
    });
  });

  it('gives the same counts from bytes as from plain arrays', () => {
    const scores = [0, 1, 2, 3, 3, 2];
    const codes = [0, 1, 1, 2, 0, 0];
    const range = { min: 0, max: 3 };
    const names = ['a', 'b', 'c'];
    const plain = countSegments('m', scores, { p: { codes, names } }, range, { segmentBy: 'p' });
    const bytes = countSegments('m', Uint8Array.from(scores), { p: { codes: Uint8Array.from(codes), names } }, range, {
      segmentBy: 'p',
    });
    expect(bytes).toEqual(plain);
  });

  it('reads bytes of scores on a scale that starts above 0', () => {
    const result = countSegments(
      'm',
      new Uint8Array([5, 1]),
      { p: { codes: new Uint8Array([0, 0]), names: ['a'] } },
      FIVE,
      {
        segmentBy: 'p',
      },
    );
    expect(slots(result, 5)).toEqual({ a: [1, 0, 0, 0, 1] });
    expectMetricError(
      () =>
        countSegments('m', new Uint8Array([5, 0]), { p: { codes: new Uint8Array([0, 0]), names: ['a'] } }, FIVE, {
          segmentBy: 'p',
        }),
      'INVALID_INPUT',
      ['scores', 1],
    );
  });

  it('refuses an absent column and a bad entry at its path', () => {
    expectMetricError(() => countSegments('m', [1], {}, FIVE, { segmentBy: 'p' }), 'INVALID_INPUT', [
      'attributes',
      'p',
    ]);
    // An inherited key is not a column.
    const inherited = Object.create({ p: ['a'] }) as Record<string, string[]>;
    expectMetricError(() => countSegments('m', [1], inherited, FIVE, { segmentBy: 'p' }), 'INVALID_INPUT', [
      'attributes',
      'p',
    ]);
    expectMetricError(
      () => countSegments('m', [1, 1], { p: ['a', {} as string] }, FIVE, { segmentBy: 'p' }),
      'INVALID_INPUT',
      ['attributes', 'p', 1],
    );
  });
});

describe('readColumns', () => {
  it('accepts columns as long as the scores and refuses others at their field', () => {
    expect(() => readColumns('m', { a: ['x'], b: { codes: new Int8Array(1), names: ['x'] } }, 1)).not.toThrow();
    expect(() => readColumns('m', undefined, 3)).not.toThrow();
    expectMetricError(() => readColumns('m', { a: ['x'] }, 2), 'INVALID_INPUT', ['attributes', 'a']);
    expectMetricError(() => readColumns('m', { b: { codes: 'x' as never, names: [] } }, 1), 'INVALID_INPUT', [
      'attributes',
      'b',
      'codes',
    ]);
  });
});
