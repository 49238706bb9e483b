import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSurvivalCurves } from './compareSurvivalCurves.js';

const observation = fc.record({ duration: fc.integer({ min: 0, max: 15 }), churned: fc.boolean() });
const group = fc.array(observation, { minLength: 1, maxLength: 25 });
const groups = fc.array(group, { minLength: 2, maxLength: 4 });
const weights = fc.oneof(
  fc.constantFrom('logrank' as const, 'wilcoxon' as const, 'tarone-ware' as const),
  fc
    .tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }))
    .map((pq) => ({ flemingHarrington: pq })),
);

const named = (list: (typeof observation extends fc.Arbitrary<infer T> ? T : never)[][]) =>
  Object.fromEntries(list.map((g, i) => [`g${i}`, g]));

describe('compareSurvivalCurves properties', () => {
  it('gives χ² ≥ 0, p in [0, 1], df < k, and as many churns expected as observed', () => {
    fc.assert(
      fc.property(groups, weights, (list, w) => {
        const result = compareSurvivalCurves({ groups: named(list) }, { weights: w });
        expect(result.statistic).toBeGreaterThanOrEqual(0);
        expect(Number.isFinite(result.statistic)).toBe(true);
        expect(result.pValue).toBeGreaterThanOrEqual(0);
        expect(result.pValue).toBeLessThanOrEqual(1);
        expect(result.degreesOfFreedom).toBeLessThan(list.length);
        const observed = result.groups.reduce((s, g) => s + g.observed, 0);
        const expected = result.groups.reduce((s, g) => s + g.expected, 0);
        expect(Math.abs(observed - expected)).toBeLessThan(1e-9);
        expect(observed).toBe(list.flat().filter((o) => o.churned).length);
      }),
    );
  });

  it('gives the same answer with entry 0 on every observation as without entry', () => {
    fc.assert(
      fc.property(groups, weights, (list, w) => {
        const withEntry = list.map((g) => g.map((o) => ({ ...o, entry: 0 })));
        expect(compareSurvivalCurves({ groups: named(withEntry) }, { weights: w })).toEqual(
          compareSurvivalCurves({ groups: named(list) }, { weights: w }),
        );
      }),
    );
  });

  it('does not depend on the order of the observations within a group', () => {
    fc.assert(
      fc.property(groups, (list) => {
        const reversed = list.map((g) => [...g].reverse());
        const a = compareSurvivalCurves({ groups: named(list) });
        const b = compareSurvivalCurves({ groups: named(reversed) });
        expect(b.statistic).toBeCloseTo(a.statistic, 9);
        expect(b.degreesOfFreedom).toBe(a.degreesOfFreedom);
      }),
    );
  });
});
