import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { compareSurvivalCurves } from './compareSurvivalCurves.js';
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
      expect(result.segments.map((entry) => [entry.segment, entry.size, entry.result === null])).toEqual([
        ['pro', 1, false],
        ['team', 0, true],
      ]);
    });

    it('refuses segments on columns or a table, and segment options without segmentBy', () => {
      expectMetricError(
        () => survivalCurve({ durations: [1], churned: [1] } as never, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['segmentBy'],
      );
      expectMetricError(
        () => survivalCurve({ observations: [{ duration: 1, churned: true }] }, { minimumSegmentSize: 3 } as never),
        'INVALID_INPUT',
        ['minimumSegmentSize'],
      );
    });

    it('reads each observation and its attributes once, in the pass that checks it', () => {
      const reads: string[] = [];
      const observations = [0, 1, 2].map((i) => ({
        get duration() {
          reads.push(`duration ${i}`);
          return i + 1;
        },
        churned: i !== 1,
        get attributes() {
          reads.push(`attributes ${i}`);
          return { plan: i === 2 ? 'pro' : 'basic' };
        },
      }));
      const result = survivalCurve({ observations }, { segmentBy: 'plan', compare: true });
      expect(reads).toEqual(['duration 0', 'attributes 0', 'duration 1', 'attributes 1', 'duration 2', 'attributes 2']);
      expect(result.segments.map((entry) => [entry.segment, entry.size])).toEqual([
        ['basic', 2],
        ['pro', 1],
      ]);
    });

    it('with compare, adds the log-rank test of the segments, as compareSurvivalCurves gives it', () => {
      fc.assert(
        fc.property(
          fc.array(observation, { minLength: 1, maxLength: 40 }),
          fc.constantFrom('logrank', 'wilcoxon', 'tarone-ware') as fc.Arbitrary<'logrank' | 'wilcoxon' | 'tarone-ware'>,
          (data, weights) => {
            const records = data.map(({ entry, ...rest }) =>
              entry === undefined || entry >= rest.duration ? rest : { ...rest, entry },
            ) as SurvivalObservation[];
            const result = survivalCurve({ observations: records }, { segmentBy: 'plan', compare: { weights } });
            const groups: Record<string, SurvivalObservation[]> = {};
            for (const name of ['basic', 'pro', 'team']) {
              const members = records.filter((record) => record.attributes?.plan === name);
              if (members.length > 0) groups[name] = members;
            }
            const expected = Object.keys(groups).length < 2 ? null : compareSurvivalCurves({ groups }, { weights });
            expect(result.comparison).toEqual(expected);
            expect(survivalCurve({ observations: records }, { segmentBy: 'plan' })).toEqual({
              total: result.total,
              segments: result.segments,
            });
          },
        ),
      );
    });

    it('compares Freireich’s 6-MP and placebo groups as segments: χ² 16.79', () => {
      // Freireich et al. (1963), remission times in weeks; + marks a censored time.
      const sixMp = [
        6,
        6,
        6,
        '6+',
        '7',
        '9+',
        '10',
        '10+',
        '11+',
        '13',
        '16',
        '17+',
        '19+',
        '20+',
        '22',
        '23',
        '25+',
        '32+',
        '32+',
        '34+',
        '35+',
      ];
      const placebo = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
      const read = (plan: string) => (time: number | string) => ({
        duration: Number.parseFloat(String(time)),
        churned: !String(time).endsWith('+'),
        attributes: { arm: plan },
      });
      const observations = [...sixMp.map(read('6-MP')), ...placebo.map(read('placebo'))];
      const result = survivalCurve({ observations }, { segmentBy: 'arm', compare: true, minimumSegmentSize: 21 });
      expect(result.comparison?.statistic).toBeCloseTo(16.79, 2);
      expect(result.comparison?.degreesOfFreedom).toBe(1);
      expect(result.segments.map((entry) => [entry.segment, entry.size, entry.smallSample])).toEqual([
        ['6-MP', 21, false],
        ['placebo', 21, false],
      ]);
    });

    it('gives a null comparison when fewer than two segments have observations', () => {
      const result = survivalCurve(
        {
          observations: [
            { duration: 2, churned: true, attributes: { plan: 'pro' } },
            { duration: 3, churned: true, entry: 3, attributes: { plan: 'team' } },
          ],
        },
        { segmentBy: 'plan', compare: true },
      );
      expect(result.comparison).toBeNull();
      const without = survivalCurve(
        { observations: [{ duration: 2, churned: true, attributes: { plan: 'pro' } }] },
        { segmentBy: 'plan', compare: false },
      );
      expect('comparison' in without).toBe(false);
    });

    it('refuses compare without segmentBy and unknown weights', () => {
      const observations = [{ duration: 1, churned: true, attributes: { plan: 'pro' } }];
      expectMetricError(() => survivalCurve({ observations }, { compare: true } as never), 'INVALID_INPUT', [
        'compare',
      ]);
      expectMetricError(
        () => survivalCurve({ observations }, { segmentBy: 'plan', compare: { weights: 'peto' } } as never),
        'INVALID_INPUT',
        ['compare', 'weights'],
      );
    });
  });
});
