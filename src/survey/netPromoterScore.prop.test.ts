import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDistributions } from './mergeDistributions.js';
import { netPromoterScore } from './netPromoterScore.js';
import { tallyScores } from './tallyScores.js';

const NPS = { min: 0, max: 10 };
const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });

describe('netPromoterScore properties', () => {
  it('stays within −100…100 with an interval around the score inside the same bounds', () => {
    fc.assert(
      fc.property(scores, confidence, (values, level) => {
        const result = netPromoterScore({ scores: values }, { confidence: level });
        expect(result.score).toBeGreaterThanOrEqual(-100);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.interval.low).toBeGreaterThanOrEqual(-100);
        expect(result.interval.high).toBeLessThanOrEqual(100);
        expect(result.interval.low).toBeLessThanOrEqual(result.score + 1e-9);
        expect(result.interval.high).toBeGreaterThanOrEqual(result.score - 1e-9);
        expect(result.promoters + result.passives + result.detractors).toBe(values.length);
        expect(result.score).toBeCloseTo(100 * (result.promoterShare - result.detractorShare), 9);
      }),
    );
  });

  it('does not depend on the order of the scores', () => {
    fc.assert(
      fc.property(scores, fc.integer(), (values, seed) => {
        const shuffled = [...values].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
        expect(netPromoterScore({ scores: shuffled })).toEqual(netPromoterScore({ scores: values }));
      }),
    );
  });

  it('gives the same result from raw scores, a typed array, a tally and the counts', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const expected = netPromoterScore({ scores: values });
        expect(netPromoterScore({ scores: Uint8Array.from(values) })).toEqual(expected);
        expect(netPromoterScore({ distribution: tallyScores(values, NPS) })).toEqual(expected);
        const { promoters, passives, detractors } = expected;
        expect(netPromoterScore({ promoters, passives, detractors })).toEqual(expected);
      }),
    );
  });

  it('merging shard tallies equals one pass over all the scores', () => {
    fc.assert(
      fc.property(scores, scores, (left, right) => {
        const merged = mergeDistributions(tallyScores(left, NPS), tallyScores(right, NPS));
        expect(merged).toEqual(tallyScores([...left, ...right], NPS));
        expect(netPromoterScore({ distribution: merged })).toEqual(netPromoterScore({ scores: [...left, ...right] }));
      }),
    );
  });

  it('a wider confidence never narrows the interval', () => {
    fc.assert(
      fc.property(scores, confidence, confidence, (values, a, b) => {
        const [low, high] = a < b ? [a, b] : [b, a];
        const narrow = netPromoterScore({ scores: values }, { confidence: low });
        const wide = netPromoterScore({ scores: values }, { confidence: high });
        // The normal quantile is accurate to about 1e-15, so two levels a unit in the last place apart may
        // swap by that much; any real widening is far larger.
        expect(wide.marginOfError).toBeGreaterThanOrEqual(narrow.marginOfError * (1 - 1e-12));
      }),
    );
  });
});
