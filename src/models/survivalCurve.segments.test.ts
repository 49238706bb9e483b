import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { type SurvivalObservation, survivalCurve } from './survivalCurve.js';

const observation = fc.record({
  duration: fc.integer({ min: 0, max: 12 }),
  churned: fc.boolean(),
  entry: fc.constantFrom(undefined, 0, 1),
  attributes: fc.record({ plan: fc.constantFrom('basic', 'pro', 'team') }),
});

describe('survivalCurve', () => {
  describe('segments', () => {
    it('gives the total and each segment’s own curve, by name, with sizes', () => {
      fc.assert(
        fc.property(fc.array(observation, { minLength: 1, maxLength: 40 }), (data) => {
          const records = data.map(({ entry, ...rest }) =>
            entry === undefined || entry >= rest.duration ? rest : { ...rest, entry },
          ) as SurvivalObservation[];
          const segmented = survivalCurve({ observations: records }, { segmentBy: 'plan', minimumSegmentSize: 5 });
          expectSegmentsOf(
            segmented,
            records,
            (record) => record.attributes?.plan as string,
            (subset) => survivalCurve({ observations: subset }),
            (subset) => subset.length,
            5,
          );
        }),
      );
    });

    it('groups observations without the attribute under (none), or refuses them, naming the field', () => {
      const observations = [
        { duration: 2, churned: true, attributes: { plan: 'pro' } },
        { duration: 3, churned: false },
      ];
      const grouped = survivalCurve({ observations }, { segmentBy: 'plan', missingSegment: 'group' });
      expect(grouped.segments.map((entry) => [entry.segment, entry.size, entry.smallSample])).toEqual([
        ['pro', 1, true],
        ['(none)', 1, true],
      ]);
      expectMetricError(() => survivalCurve({ observations }, { segmentBy: 'plan' }), 'INVALID_INPUT', [
        'observations',
        1,
        'attributes',
        'plan',
      ]);
      const byFunction = survivalCurve({ observations }, { segmentBy: (o) => (o.churned ? 'lost' : 'kept') });
      expect(byFunction.segments.map((entry) => entry.segment)).toEqual(['kept', 'lost']);
    });

    it('lists a segment whose customers are all left out with result null', () => {
      const result = survivalCurve(
        {
          observations: [
            { duration: 2, churned: true, attributes: { plan: 'pro' } },
            { duration: 3, churned: true, entry: 3, attributes: { plan: 'team' } },
          ],
        },
        { segmentBy: 'plan' },
      );
      expect(result.segments.map((entry) => [entry.segment, entry.result === null])).toEqual([
        ['pro', false],
        ['team', true],
      ]);
    });

    it('refuses segments on columns or a table, and segment options without segmentBy', () => {
      expectMetricError(() => survivalCurve({ durations: [1], churned: [1] }, { segmentBy: 'plan' }), 'INVALID_INPUT', [
        'segmentBy',
      ]);
      expectMetricError(
        () => survivalCurve({ observations: [{ duration: 1, churned: true }] }, { minimumSegmentSize: 3 } as never),
        'INVALID_INPUT',
        ['minimumSegmentSize'],
      );
    });
  });
});
