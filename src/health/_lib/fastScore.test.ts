import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HealthMissingPolicy } from '../createHealthScore.js';
import type { HealthStatus } from './bands.js';
import { add, divide, integer, multiply, type Rational, rationalOf, toNumber } from '../../internal/exact/rational.js';
import { compileFastScorer } from './fastScore.js';
import { planIntegers } from './integerPlan.js';
import { isMeasureValue, valueScore } from './scale.js';
import { measureOf, npsSteps } from '../../../test/support/health.js';

const measure = measureOf;

const card = [
  measure('usage', 2n, { kind: 'linear', worst: 0, best: 0.8 }),
  measure('tickets', 1n, { kind: 'linear', worst: 10, best: 0 }),
  measure('nps', 1n, npsSteps),
  measure('paying', 1n, { kind: 'boolean' }),
  measure('csm', 1n, { kind: 'score' }),
];
const names = card.map((m) => m.name);

function compile(policy: HealthMissingPolicy = 'skip') {
  const plan = planIntegers(card, 6n, rationalOf(50), rationalOf(75));
  if (plan === undefined) throw new Error('expected a plan');
  return compileFastScorer(
    names,
    card.map((m) => m.weight),
    plan,
    policy,
  );
}

/** The exact score under 'skip', by the formula. */
function reference(values: Record<string, unknown>): Rational {
  let sum = integer(0);
  let counted = 0n;
  for (const m of card) {
    const value = values[m.name];
    if (value === undefined || value === null) continue;
    sum = add(sum, multiply(integer(m.units), valueScore(m, value, [m.name])));
    counted += m.units;
  }
  return divide(sum, integer(counted));
}

describe('fastScore', () => {
  it('explains an account: the worked example of the scorer', () => {
    expect(compile().explain({ usage: 0.6, tickets: 2, nps: 8, paying: true })).toEqual({
      // (2·75 + 80 + 50 + 100) ÷ 5, csm missing and skipped.
      score: 76,
      status: 'green',
      measures: [
        { name: 'usage', value: 0.6, normalized: 75, weight: 2, contribution: 30 },
        { name: 'tickets', value: 2, normalized: 80, weight: 1, contribution: 16 },
        { name: 'nps', value: 8, normalized: 50, weight: 1, contribution: 10 },
        { name: 'paying', value: true, normalized: 100, weight: 1, contribution: 20 },
      ],
      missing: ['csm'],
    });
    expect(compile('neutral').explain({ usage: 0.8 })?.measures[4]).toEqual({
      name: 'csm',
      value: null,
      normalized: 50,
      weight: 1,
      contribution: 25 / 3,
    });
  });

  it('scores a batch and stops at the first account it leaves to the exact path', () => {
    const fast = compile();
    const ok = { usage: 0.4, tickets: 5, nps: 9, paying: false, csm: 50 };
    for (const [bad, why] of [
      [{ ...ok, usage: '0.4' }, 'a decimal string'],
      [{ ...ok, usage: 1 / 3 }, 'more decimals than the plan reads'],
      [{ ...ok, csm: 101 }, 'a score outside 0–100'],
      [{ ...ok, paying: 1 }, 'a number for a boolean'],
      [{ ...ok, nps: Number.NaN }, 'NaN'],
      [{ ...ok, extra: 1 }, 'an unknown key'],
      [{ usage: null }, 'no value at all'],
      [[], 'an array'],
      [null, 'null'],
    ] as const) {
      const scores = new Float64Array(3);
      const statuses: HealthStatus[] = new Array(3);
      expect(fast.run([ok, bad, ok], 3, 0, scores, statuses), why).toBe(1);
      expect(fast.explain(bad), why).toBeUndefined();
      expect(fast.run([ok, bad, ok], 3, 2, scores, statuses)).toBe(3);
      expect([scores[0], scores[2], statuses[0]]).toEqual([50, 50, 'red']);
    }
    expect(compile('reject').explain({ usage: 0.4 })).toBeUndefined();
  });

  it('scores only valid values, each exactly as the formula does, in either mode', () => {
    const fast = compile();
    const number = fc.oneof(
      fc.integer({ min: -2000, max: 2000 }),
      fc.integer({ min: -20000, max: 20000 }).map((n) => n / 1000),
      fc.double(),
      fc.constantFrom(-0, Number.NaN, Number.POSITIVE_INFINITY, 1e300, 5e-324, 0.1 + 0.2),
    );
    const value = fc.oneof(number, fc.boolean(), fc.constantFrom(null, undefined, '1', 'x'));
    const account = fc.record(Object.fromEntries(names.map((name) => [name, value])), { requiredKeys: [] });
    fc.assert(
      fc.property(account, (values) => {
        const result = fast.explain(values);
        const scores = new Float64Array(1);
        const statuses: HealthStatus[] = new Array(1);
        const scored = fast.run([values], 1, 0, scores, statuses) === 1;
        expect(scored).toBe(result !== undefined);
        if (result === undefined) return;
        for (const m of card) {
          const given = values[m.name];
          if (given !== undefined && given !== null) expect(isMeasureValue(m.kind, given)).toBe(true);
        }
        expect(result.score).toBe(toNumber(reference(values)));
        expect([scores[0], statuses[0]]).toEqual([result.score, result.status]);
      }),
      { numRuns: 3000 },
    );
  });
});
