import { describe, expect, it } from 'vitest';
import { rationalOf, toNumber } from '../../internal/exact/rational.js';
import { readBands } from './bands.js';
import { exactScorer } from './exactScore.js';
import { compileFastScorer } from './fastScore.js';
import { exactOnlyPlan, planIntegers } from './integerPlan.js';
import { catchMetricError } from '../../../test/support/errors.js';
import { measureOf, npsSteps } from '../../../test/support/health.js';

const card = [
  measureOf('usage', 2n, { kind: 'linear', worst: 0, best: 0.8 }),
  measureOf('nps', 1n, npsSteps),
  measureOf('paying', 1n, { kind: 'boolean' }),
];
const names = card.map((m) => m.name);
const bands = readBands('createHealthScore', undefined, ['bands']);

function scorers(fastPlan: boolean) {
  const plan = (fastPlan ? planIntegers(card, 4n, bands.red, bands.yellow) : undefined) ?? exactOnlyPlan(card.length);
  const fast = compileFastScorer(
    names,
    card.map((m) => m.weight),
    plan,
    'skip',
  );
  return { fast, exact: exactScorer(card, 'skip', bands) };
}

describe('exactScore', () => {
  it('finishes an account the fast path left, from the values it read: the part scored fast is kept', () => {
    const { fast, exact } = scorers(true);
    const scores = new Float64Array(1);
    // usage is scored fast, nps (a decimal string) is left, paying is read after it.
    expect(fast.run([{ usage: 0.6, nps: '8', paying: true }], 1, 0, scores, [])).toBe(0);
    const read = fast.pending();
    expect(read.from).toBe(1);
    expect(read.sum).toBeGreaterThan(0);
    // (2·75 + 50 + 100) ÷ 4
    expect(toNumber(exact.score(read, [0]).score)).toBe(75);
  });

  it('scores every value itself without a plan, and explains', () => {
    const { fast, exact } = scorers(false);
    expect(fast.explain({ usage: 0.6, nps: 8, paying: true })).toBeUndefined();
    const result = exact.explain(fast.pending());
    expect(result.score).toBe(75);
    expect(result.measures.map((m) => m.value)).toEqual([0.6, 8, true]);
    expect(toNumber(rationalOf(result.measures[0]?.contribution ?? 0))).toBe(37.5);
  });

  it('reports the first bad value in key order, then a key that names no measure', () => {
    const { fast, exact } = scorers(true);
    fast.explain({ usage: 0.6, nps: 'x', paying: 1, logins: 3 });
    expect(catchMetricError(() => exact.explain(fast.pending())).issues[0]?.path).toEqual(['nps']);
    fast.explain({ usage: 0.6, nps: 8, logins: 3 });
    expect(catchMetricError(() => exact.explain(fast.pending())).issues[0]?.path).toEqual(['logins']);
    fast.explain([]);
    expect(catchMetricError(() => exact.explain(fast.pending())).issues[0]?.path).toEqual([]);
  });
});
