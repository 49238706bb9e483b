import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDistributions } from './mergeDistributions.js';
import { netPromoterScore } from './netPromoterScore.js';
import { tallyScores } from './tallyScores.js';

const NPS = { min: 0, max: 10 };
const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });
const confidence = fc.double({ min: 0.5, max: 0.999, noNaN: true });
const method = fc.constantFrom('adjusted-wald' as const, 'wald' as const, undefined);

describe('netPromoterScore properties', () => {
  it('stays within −100…100 with a Wald interval around the score inside the same bounds', () => {
    fc.assert(
      fc.property(scores, confidence, (values, level) => {
        const result = netPromoterScore({ scores: values }, { confidence: level, interval: 'wald' });
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

  it('gives an adjusted-Wald interval of positive width inside −100…100 around its centre', () => {
    fc.assert(
      fc.property(scores, confidence, (values, level) => {
        const result = netPromoterScore({ scores: values }, { confidence: level });
        expect(result.intervalMethod).toBe('adjusted-wald');
        expect(result.standardError).toBeGreaterThan(0);
        expect(result.interval.high).toBeGreaterThan(result.interval.low);
        expect(result.interval.low).toBeGreaterThanOrEqual(-100);
        expect(result.interval.high).toBeLessThanOrEqual(100);
        expect(result.interval.low).toBeLessThan(result.center);
        expect(result.interval.high).toBeGreaterThan(result.center);
        // The centre is the score shrunk towards 0 by n ÷ (n + 3).
        expect(result.center).toBeCloseTo((result.score * result.responses) / (result.responses + 3), 9);
        expect(Math.abs(result.center)).toBeLessThan(100);
      }),
    );
  });

  it("with interval: 'wald' gives the first edition's interval: score ± z × 100 × √((p + d − (p − d)²) ÷ n)", () => {
    fc.assert(
      fc.property(scores, (values) => {
        const result = netPromoterScore({ scores: values }, { interval: 'wald' });
        const n = values.length;
        const p = values.filter((v) => v >= 9).length / n;
        const d = values.filter((v) => v <= 6).length / n;
        const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
        expect(result.intervalMethod).toBe('wald');
        expect(result.center).toBe(result.score);
        expect(result.standardError).toBeCloseTo(se, 9);
        expect(result.interval.low).toBeCloseTo(Math.max(-100, result.score - 1.959963984540054 * se), 9);
        expect(result.interval.high).toBeCloseTo(Math.min(100, result.score + 1.959963984540054 * se), 9);
        // Only the interval differs from the default: counts, score and shares are the same.
        const { score, promoterShare, detractorShare } = netPromoterScore({ scores: values });
        expect([score, promoterShare, detractorShare]).toEqual([
          result.score,
          result.promoterShare,
          result.detractorShare,
        ]);
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

  it('with segmentBy, the total is the unsegmented call and each segment the call on its own scores', () => {
    const responses = fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom('a', 'b', 'B', 'c d', 'é')), {
      minLength: 1,
      maxLength: 200,
    });
    fc.assert(
      fc.property(responses, confidence, fc.integer({ min: 0, max: 60 }), method, (pairs, level, minimum, interval) => {
        const values = pairs.map(([score]) => score);
        const plans = pairs.map(([, plan]) => plan);
        const single = { confidence: level, ...(interval === undefined ? {} : { interval }) };
        const options = { segmentBy: 'plan', minimumSegmentSize: minimum, ...single };
        const result = netPromoterScore({ scores: values, attributes: { plan: plans } }, options);
        expect(result.total).toEqual(netPromoterScore({ scores: values }, single));
        const names = [...new Set(plans)].sort();
        expect(result.segments.map((s) => s.segment)).toEqual(names);
        for (const segment of result.segments) {
          const own = values.filter((_, i) => plans[i] === segment.segment);
          expect(segment.size).toBe(own.length);
          expect(segment.smallSample).toBe(own.length < minimum);
          expect(segment.result).toEqual(netPromoterScore({ scores: own }, single));
          expect(segment.result?.intervalMethod).toBe(interval ?? 'adjusted-wald');
        }
        // The same breakdown from dictionary codes (plain and bytes) and from a function.
        const codes = plans.map((plan) => names.indexOf(plan));
        const coded = { plan: { codes: Uint8Array.from(codes), names } };
        expect(netPromoterScore({ scores: Uint8Array.from(values), attributes: coded }, options)).toEqual(result);
        expect(netPromoterScore({ scores: values, attributes: { plan: { codes, names } } }, options)).toEqual(result);
        const byIndex = { ...options, segmentBy: (_score: number, i: number) => plans[i] as string };
        expect(netPromoterScore({ scores: values }, byIndex)).toEqual(result);
      }),
    );
  });
});
