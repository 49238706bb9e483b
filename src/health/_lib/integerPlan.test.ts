import { describe, expect, it } from 'vitest';
import { rationalOf, toNumber } from '../../internal/exact/rational.js';
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
