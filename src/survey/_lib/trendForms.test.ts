import { describe, expect, it } from 'vitest';
import { columnsTally, responsesTally, talliedTally } from './trendForms.js';
import { expectMetricError } from '../../../test/support/errors.js';

const open = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
const range = { min: 0, max: 10 };
const jan = Date.UTC(2024, 0, 3);

describe('trend forms', () => {
  it('gives the same tally from records, columns and tallied periods', () => {
    const records = responsesTally(
      'm',
      [
        { at: jan, score: 9, segment: 'a' },
        { at: jan, score: 3, segment: 'b' },
      ],
      range,
      'month',
      open,
      undefined,
      'error',
    );
    const columns = columnsTally(
      'm',
      { scores: [9, 3], at: [jan, jan], segments: ['a', 'b'] },
      range,
      'month',
      open,
      'error',
    );
    const tallied = talliedTally(
      'm',
      [
        { period: '2024-01', segment: 'a', distribution: { 9: 1 } },
        { period: '2024-01', segment: 'b', distribution: { 3: 1 } },
      ],
      range,
      'month',
      open,
    );
    for (const tally of [records, columns, tallied]) {
      expect(tally.names).toEqual(['(none)', 'a', 'b']);
      expect(tally.counts[11 + 9]).toBe(1);
      expect(tally.counts[22 + 3]).toBe(1);
    }
  });

  it('names the problems of each form', () => {
    expectMetricError(
      () => responsesTally('m', [{ at: jan, score: 9, extra: 1 }], range, 'month', open, undefined, 'error'),
      'INVALID_INPUT',
      ['responses', 0],
    );
    expectMetricError(
      () =>
        columnsTally(
          'm',
          { scores: [9], at: [jan], segments: { codes: 5, names: ['a'] } },
          range,
          'month',
          open,
          'error',
        ),
      'INVALID_INPUT',
      ['segments', 'codes'],
    );
    expectMetricError(
      () => columnsTally('m', { scores: [9], at: [jan], segments: ['a', 'b'] }, range, 'month', open, 'error'),
      'INVALID_INPUT',
      ['segments'],
    );
    expectMetricError(
      () => talliedTally('m', [{ period: '2024-01', distribution: {}, note: 1 }], range, 'month', open),
      'INVALID_INPUT',
      ['periods', 0, 'note'],
    );
    expectMetricError(() => talliedTally('m', [null], range, 'month', open), 'INVALID_INPUT', ['periods', 0]);
    expectMetricError(
      () =>
        talliedTally(
          'm',
          [
            { period: '2024-01', segment: 'a', distribution: {} },
            { period: '2024-01', distribution: {} },
          ],
          range,
          'month',
          open,
        ),
      'INVALID_INPUT',
      ['periods', 1, 'segment'],
    );
    expectMetricError(
      () => talliedTally('m', [{ period: '2024-01', segment: '', distribution: {} }], range, 'month', open),
      'INVALID_INPUT',
      ['periods', 0, 'segment'],
    );
  });
});
