import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Rational, rationalOf, toNumber } from '../../internal/exact/rational.js';
import { EXACT_ONLY, integerWeights, planIntegers } from './integerPlan.js';
import { KINDS, type Measure, scaleScore } from './scale.js';
import { measureOf, npsSteps } from '../../../test/support/health.js';

const measure = measureOf;

const card = [
  measure('usage', 6n, { kind: 'linear', worst: 0, best: 1 }),
  measure('nps', 3n, npsSteps),
  measure('paying', 3n, { kind: 'boolean' }),
  measure('csm', 2n, { kind: 'score' }),
];

describe('integerPlan', () => {
  const plan = planIntegers(card, 14n, rationalOf(50), rationalOf(75));
  if (plan === undefined) throw new Error('expected a plan');

  it('scales every score to an integer n = score × C within the exact range of doubles', () => {
    const { common, full, totalUnits } = plan;
    expect(Number.isInteger(common)).toBe(true);
    expect(full).toBe(100 * common);
    expect(100 * common * totalUnits).toBeLessThanOrEqual(2 ** 51);
    expect([plan.red, plan.yellow]).toEqual([50 * common, 75 * common]);
    expect(Array.from(plan.kinds)).toEqual([0, 1, 2, 3].map((k) => KINDS.indexOf(KINDS[k] as never)));
  });

  it('reads a linear value as x = value × 10^k and scores it as x × slope − offset, exactly', () => {
    for (const value of [0, 0.25, 0.123456, 1]) {
      const x = Math.round(value * (plan.scale[0] as number));
      const n = x * (plan.slope[0] as number) - (plan.offset[0] as number);
      expect(n / plan.common).toBe(toNumber(scaleScore(card[0] as Measure, rationalOf(value))));
    }
  });

  it('tables the n of integers around each range, equal to the exact score', () => {
    for (const j of [0, 1, 3]) {
      const low = plan.tableMin[j] as number;
      const high = low + (plan.tableSpan[j] as number);
      for (const value of [low, -1, 0, 5, 7, 9, 100, high].filter((v) => v >= low && v <= high)) {
        const n = plan.table[(plan.tableBase[j] as number) + value - low] as number;
        expect(n / plan.common).toBe(toNumber(scaleScore(card[j] as Measure, rationalOf(value))));
      }
    }
    expect(plan.tableSpan[2]).toBe(-1);
  });

  it('leaves steps whose thresholds are not doubles to the exact path', () => {
    const odd = measure('x', 1n, { kind: 'steps', steps: [{ from: '0.10000000000000000001', score: 100 }] });
    expect(planIntegers([odd], 1n, rationalOf(50), rationalOf(75))?.kinds[0]).toBe(EXACT_ONLY);
  });

  it('gives no plan when the weights leave no room for integers below 2^51', () => {
    const huge = [
      measure('a', 123456789123456789n, { kind: 'linear', worst: '0.000000001', best: '0.000000003' }),
      measure('b', 1n, { kind: 'score' }),
    ];
    expect(planIntegers(huge, 123456789123456790n, rationalOf(50), rationalOf(75))).toBeUndefined();
  });
});

describe('integerWeights', () => {
  it('turns weights into integers in the same proportions, with no common factor', () => {
    expect(integerWeights([rationalOf(0.1), rationalOf('0.2'), rationalOf(30)])).toEqual([1n, 2n, 300n]);
    expect(integerWeights([rationalOf(40), rationalOf(20), rationalOf(0)])).toEqual([2n, 1n, 0n]);
    expect(integerWeights([rationalOf(0), rationalOf('0.00')])).toEqual([0n, 0n]);
  });
});

/**
 * The search of decimal places as first written, one step at a time (quadratic in the measures): start
 * from 9 places (a linear measure's own places if more, and fewer if its bounds do not allow them), give up
 * one place where the most are left above the minimum, and try again. The plan must choose the same.
 */
function stepwise(measures: readonly Measure[], totalUnits: bigint): { common: bigint; digits: number[] } | undefined {
  const LIMIT = 2n ** 51n;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
  const lcm = (a: bigint, b: bigint) => (a / gcd(a, b)) * b;
  const placesOf = (value: Rational) => {
    let k = 0;
    while ((value.num * 10n ** BigInt(k)) % value.den !== 0n) k++;
    return k;
  };
  const places = measures.map((m) => (m.kind === 'linear' ? Math.max(placesOf(m.worst), placesOf(m.best)) : 0));
  const digits = measures.map((m, j) => {
    if (m.kind === 'score') return 9;
    const bound = abs(m.worst.num * m.best.den) > abs(m.best.num * m.worst.den) ? m.worst : m.best;
    let k = places[j] as number;
    while (k < 15 && abs(bound.num) * 10n ** BigInt(k + 1) < 10n ** 15n * bound.den) k++;
    return Math.min(k, Math.max(places[j] as number, 9));
  });
  for (;;) {
    let common = 1n;
    for (const [j, m] of measures.entries()) {
      const p = 10n ** BigInt(digits[j] as number);
      if (m.kind === 'score') common = lcm(common, p);
      if (m.kind === 'linear') {
        const span = abs((m.best.num * p) / m.best.den - (m.worst.num * p) / m.worst.den);
        common = lcm(common, span / gcd(100n, span));
      }
    }
    let fits = 100n * common * totalUnits <= LIMIT;
    for (const [j, m] of measures.entries()) {
      if (m.kind !== 'linear') continue;
      const p = 10n ** BigInt(digits[j] as number);
      const worst = (m.worst.num * p) / m.worst.den;
      const best = (m.best.num * p) / m.best.den;
      const slope = abs((100n * common) / (best - worst));
      if ((abs(worst) > abs(best) ? abs(worst) : abs(best)) * slope > LIMIT) fits = false;
    }
    if (fits) return { common, digits };
    let widest = -1;
    for (const [j] of measures.entries()) {
      const spare = (digits[j] as number) - (places[j] as number);
      if (spare > 0 && (widest < 0 || spare > (digits[widest] as number) - (places[widest] as number))) widest = j;
    }
    if (widest < 0) return undefined;
    digits[widest] = (digits[widest] as number) - 1;
  }
}

describe('integerPlan: the choice of decimal places', () => {
  const linear = fc
    .tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 1, max: 99999 }), fc.nat(4), fc.nat(4))
    .map(([worst, width, a, b]) => ({ kind: 'linear', worst: worst / 10 ** a, best: (worst + width) / 10 ** b }))
    .filter((scale) => scale.worst !== scale.best);
  const scale = fc.oneof(linear, fc.constant({ kind: 'score' }));
  const weight = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 ** 7 }));

  it('is the stepwise search, found level by level: the same places and the same C', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(scale, weight), { minLength: 1, maxLength: 40 }), (specs) => {
        const measures = specs.map(([s, w], j) => measureOf(`m${j}`, BigInt(w), s));
        const total = measures.reduce((sum, m) => sum + m.units, 0n);
        const plan = planIntegers(measures, total, rationalOf(50), rationalOf(75));
        const expected = stepwise(measures, total);
        expect(plan === undefined).toBe(expected === undefined);
        if (plan === undefined || expected === undefined) return;
        expect(BigInt(plan.common)).toBe(expected.common);
        expect(Array.from(plan.scale, (s) => Math.round(Math.log10(s)))).toEqual(expected.digits);
      }),
      { numRuns: 400 },
    );
  });

  it('tables each integer around a linear range with its exact score', () => {
    fc.assert(
      fc.property(linear, (s) => {
        const m = measureOf('m', 1n, s);
        const plan = planIntegers([m], 1n, rationalOf(50), rationalOf(75));
        if (plan === undefined || (plan.tableSpan[0] as number) < 0) return;
        const low = plan.tableMin[0] as number;
        for (let v = low; v <= low + (plan.tableSpan[0] as number); v += 7) {
          expect((plan.table[v - low] as number) / plan.common).toBe(toNumber(scaleScore(m, rationalOf(v))));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('tables no more than its budget: a scorecard of thousands of measures tables the first', () => {
    const many = Array.from({ length: 2000 }, (_, j) => measureOf(`m${j}`, 1n, { kind: 'linear', worst: 0, best: 10 }));
    const plan = planIntegers(many, 2000n, rationalOf(50), rationalOf(75));
    expect(plan?.table.length).toBeLessThanOrEqual(1 << 18);
    expect(plan?.tableSpan[0]).toBe(10 + 2048);
    expect(plan?.tableSpan[1999]).toBe(-1);
  });
});
