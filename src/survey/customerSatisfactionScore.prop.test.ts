import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerEffortScore } from './customerEffortScore.js';
import { customerSatisfactionScore } from './customerSatisfactionScore.js';
import { mergeDistributions } from './mergeDistributions.js';
import { tallyScores } from './tallyScores.js';

const FIVE = { min: 1, max: 5 };
const scores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 300 });

describe('customerSatisfactionScore and customerEffortScore properties', () => {
  it('CSAT is a share in [0, 1] inside its Wilson interval, and the average lies on the scale', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const result = customerSatisfactionScore({ scores: values });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        expect(result.interval.low).toBeLessThanOrEqual(result.score + 1e-12);
        expect(result.interval.high).toBeGreaterThanOrEqual(result.score - 1e-12);
        expect(result.average).toBeGreaterThanOrEqual(1);
        expect(result.average).toBeLessThanOrEqual(5);
        expect(result.satisfied).toBe(values.filter((value) => value >= 4).length);
      }),
    );
  });

  it('raising the threshold never raises CSAT', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 4 }), (values, threshold) => {
        const lower = customerSatisfactionScore({ scores: values }, { satisfiedFrom: threshold });
        const higher = customerSatisfactionScore({ scores: values }, { satisfiedFrom: threshold + 1 });
        expect(higher.score).toBeLessThanOrEqual(lower.score);
      }),
    );
  });

  it('merged tallies give the result of one pass, for CSAT and CES alike', () => {
    fc.assert(
      fc.property(scores, scores, (left, right) => {
        const distribution = mergeDistributions(tallyScores(left, FIVE), tallyScores(right, FIVE));
        const all = [...left, ...right];
        expect(customerSatisfactionScore({ distribution })).toEqual(customerSatisfactionScore({ scores: all }));
        const effort = { scale: FIVE };
        expect(customerEffortScore({ distribution, ...effort })).toEqual(
          customerEffortScore({ scores: all, ...effort }),
        );
      }),
    );
  });

  it('an effort scale read the other way round mirrors the easy share', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const mirrored = values.map((value) => 6 - value);
        const agreement = customerEffortScore({ scores: values, scale: FIVE }, { easyFrom: 4 });
        const effort = customerEffortScore({ scores: mirrored, scale: FIVE }, { higherIsEasier: false, easyFrom: 2 });
        expect(effort.easyShare).toBe(agreement.easyShare);
        expect(effort.average).toBeCloseTo(6 - agreement.average, 12);
      }),
    );
  });

  it('with segmentBy, the total is the unsegmented call and each segment the call on its own scores', () => {
    const responses = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('x', 'y', 'z')), {
      minLength: 1,
      maxLength: 200,
    });
    fc.assert(
      fc.property(responses, fc.boolean(), (pairs, higherIsEasier) => {
        const values = pairs.map(([score]) => score);
        const teams = pairs.map(([, team]) => team);
        const input = { scores: values, scale: FIVE, attributes: { team: teams } };
        const csat = customerSatisfactionScore(input, { segmentBy: 'team' });
        const ces = customerEffortScore(input, { segmentBy: 'team', higherIsEasier });
        expect(csat.total).toEqual(customerSatisfactionScore({ scores: values }));
        expect(ces.total).toEqual(customerEffortScore({ scores: values, scale: FIVE }, { higherIsEasier }));
        for (const [k, segment] of csat.segments.entries()) {
          const own = values.filter((_, i) => teams[i] === segment.segment);
          expect(segment.result).toEqual(customerSatisfactionScore({ scores: own }));
          expect(ces.segments[k]?.result).toEqual(
            customerEffortScore({ scores: own, scale: FIVE }, { higherIsEasier }),
          );
        }
        expect(csat.segments.reduce((sum, s) => sum + s.size, 0)).toBe(values.length);
      }),
    );
  });
});
