import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { MINIMUM_SEGMENT_SIZE, needsScores, segmentedSurvey } from './segmentedResult.js';

const TWO = { min: 0, max: 1 };
/** A stand-in metric: the counts it was given, as an array. */
const countsOf = (counts: Float64Array, responses: number) => ({ counts: Array.from(counts), responses });

describe('segmentedSurvey', () => {
  it('gives the total and each segment the result of their own counts, by name, (none) last', () => {
    const result = segmentedSurvey(
      'm',
      { scores: [1, 0, 1, 1], attributes: { p: ['b', undefined, 'a', 'b'] } },
      TWO,
      { segmentBy: 'p', missingSegment: 'group', minimumSegmentSize: 2 },
      countsOf,
    );
    expect(result).toEqual({
      total: { counts: [1, 3], responses: 4 },
      segments: [
        { segment: 'a', size: 1, result: { counts: [0, 1], responses: 1 }, smallSample: true },
        { segment: 'b', size: 2, result: { counts: [0, 2], responses: 2 }, smallSample: false },
        { segment: '(none)', size: 1, result: { counts: [1, 0], responses: 1 }, smallSample: true },
      ],
    });
  });

  it('flags segments below 30 responses by default', () => {
    expect(MINIMUM_SEGMENT_SIZE).toBe(30);
    const scores = new Array<number>(30).fill(1);
    const result = segmentedSurvey('m', { scores }, TWO, { segmentBy: (_s, i) => (i < 29 ? 'big' : 'one') }, countsOf);
    expect(result.segments.map((s) => [s.segment, s.size, s.smallSample])).toEqual([
      ['big', 29, true],
      ['one', 1, true],
    ]);
    const all = segmentedSurvey('m', { scores }, TWO, { segmentBy: () => 'all' }, countsOf);
    expect(all.segments[0]?.smallSample).toBe(false);
  });

  it('reports no scores as NO_DATA at scores, even with declared names', () => {
    expectMetricError(
      () =>
        segmentedSurvey(
          'm',
          { scores: [], attributes: { p: { codes: [], names: ['a'] } } },
          TWO,
          { segmentBy: 'p' },
          countsOf,
        ),
      'NO_DATA',
      ['scores'],
    );
  });

  it('segments responses by attribute, and reports none as NO_DATA at responses', () => {
    const responses = [{ score: 1, attributes: { p: 'b' } }, { score: 0 }, { score: 1, attributes: { p: 'a' } }];
    const result = segmentedSurvey('m', { responses }, TWO, { segmentBy: 'p', missingSegment: 'group' }, countsOf);
    expect(result.total).toEqual({ counts: [1, 2], responses: 3 });
    expect(result.segments.map((s) => [s.segment, s.size])).toEqual([
      ['a', 1],
      ['b', 1],
      ['(none)', 1],
    ]);
    expectMetricError(() => segmentedSurvey('m', { responses: [] }, TWO, { segmentBy: 'p' }, countsOf), 'NO_DATA', [
      'responses',
    ]);
  });
});

describe('needsScores', () => {
  it('refuses segmentBy at the option', () => {
    const error = expectMetricError(() => needsScores('m', 'distribution'), 'INVALID_INPUT', ['segmentBy']);
    expect(error.message).toContain('distribution form');
  });
});
