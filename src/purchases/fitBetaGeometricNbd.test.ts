import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../../test/support/cdnowSummary.js';
import { isMetricError } from '../errors.js';
import { fitBetaGeometricNbd } from './fitBetaGeometricNbd.js';

function failure(run: () => unknown): { code: string; path: readonly (string | number)[] } {
  try {
    run();
  } catch (error) {
    if (isMetricError(error)) return { code: error.code, path: error.issues[0]?.path ?? [] };
    throw error;
  }
  throw new Error('expected a MetricError');
}

describe('fitBetaGeometricNbd', () => {
  describe('worked examples', () => {
    it('reaches the published CDNOW estimates', () => {
      // Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way", section 4 (2 357 CDNOW customers,
      // 39 weeks): r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4; the same figures are asserted
      // by lifetimes' tests/test_estimation.py (test_params_out_is_close_to_Hardie_paper, 3 decimals).
      const fit = fitBetaGeometricNbd({ customers: cdnowSummary() });
      expect(fit.model).toBe('bg-nbd');
      expect(fit.converged).toBe(true);
      expect(fit.customers).toBe(2357);
      expect(fit.r).toBeCloseTo(0.243, 3);
      expect(fit.alpha).toBeCloseTo(4.414, 3);
      expect(fit.a).toBeCloseTo(0.793, 3);
      expect(fit.b).toBeCloseTo(2.426, 3);
      expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    });

    it('reaches the same optimum from a distant start, and from columns', () => {
      const records = cdnowSummary();
      const fit = fitBetaGeometricNbd({ customers: records });
      const far = fitBetaGeometricNbd(
        {
          customers: {
            frequency: Float64Array.from(records, (c) => c.frequency),
            recency: Float64Array.from(records, (c) => c.recency),
            age: Float64Array.from(records, (c) => c.age),
          },
        },
        { start: { r: 5, alpha: 100, a: 0.1, b: 20 } },
      );
      expect(far.converged).toBe(true);
      for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(far[key] / fit[key]).toBeCloseTo(1, 5);
      expect(far.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    });
  });

  describe('edge cases', () => {
    it('columns give exactly what records give', () => {
      const records = cdnowSummary().slice(0, 400);
      const fromRecords = fitBetaGeometricNbd({ customers: records });
      const fromColumns = fitBetaGeometricNbd({
        customers: {
          frequency: records.map((c) => c.frequency),
          recency: records.map((c) => c.recency),
          age: records.map((c) => c.age),
        },
      });
      expect(fromColumns).toEqual(fromRecords);
    });

    it('does not overflow with hundreds of purchases over thousands of days', () => {
      // A CDNOW-like base in days, plus customers with x = 500 over T = 5000 days.
      const customers = cdnowSummary().map((c) => ({ frequency: c.frequency, recency: c.recency * 7, age: c.age * 7 }));
      customers.push({ frequency: 500, recency: 4990, age: 5000 }, { frequency: 500, recency: 300, age: 5000 });
      const fit = fitBetaGeometricNbd({ customers });
      expect(fit.converged).toBe(true);
      for (const value of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood])
        expect(Number.isFinite(value)).toBe(true);
    });

    it('is invariant to the time unit: α scales, r, a, b and the likelihood by ln 7 per purchase', () => {
      const weeks = cdnowSummary();
      const days = weeks.map((c) => ({ frequency: c.frequency, recency: c.recency * 7, age: c.age * 7 }));
      const inWeeks = fitBetaGeometricNbd({ customers: weeks });
      const inDays = fitBetaGeometricNbd({ customers: days });
      expect(inDays.alpha / (7 * inWeeks.alpha)).toBeCloseTo(1, 5);
      expect(inDays.r / inWeeks.r).toBeCloseTo(1, 5);
      // Eq. 6 is a density in the x purchase times (λ^x): each repeat purchase divides it by 7 in days.
      const purchases = weeks.reduce((sum, c) => sum + c.frequency, 0);
      expect(inDays.logLikelihood + purchases * Math.log(7)).toBeCloseTo(inWeeks.logLikelihood, 5);
    });

    it('says converged: false when the likelihood climbs to a limit of the model', () => {
      // Eight CDNOW customers: a and b shrink together towards 0 (each customer stops at once or never).
      const fit = fitBetaGeometricNbd({ customers: cdnowSummary().slice(0, 8) });
      expect(fit.converged).toBe(false);
      expect(fit.a).toBeLessThan(1e-6);
      for (const value of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood])
        expect(Number.isFinite(value)).toBe(true);
    });

    it('says converged: false where the likelihood rises by a hair per decade towards a → ∞, b → 0', () => {
      // Three customers (weeks): the log-likelihood still gains about 1e-10 per decade of a, below what a
      // line search can see; a probe a decade away along each parameter finds the slope.
      const fit = fitBetaGeometricNbd({
        customers: { frequency: [1, 1, 0], recency: [31 / 7, 8, 0], age: [365 / 7, 361 / 7, 334 / 7] },
      });
      expect(fit.converged).toBe(false);
      // The search ends at a limit of the model: a beyond 1e6 or b below 1e-6, whichever it reaches first.
      expect(Math.max(fit.a, 1 / fit.b)).toBeGreaterThan(1e6);
    });

    it('says converged: false when the iterations run out', () => {
      const fit = fitBetaGeometricNbd({ customers: cdnowSummary() }, { maxIterations: 2 });
      expect(fit.converged).toBe(false);
      expect(fit.iterations).toBe(2);
    });
  });

  describe('validation', () => {
    const good = { frequency: 1, recency: 2, age: 3 };
    it.each([
      ['a negative frequency', { frequency: -1, recency: 0, age: 3 }, 'frequency'],
      ['a fractional frequency', { frequency: 1.5, recency: 2, age: 3 }, 'frequency'],
      ['a negative recency', { frequency: 0, recency: -1, age: 3 }, 'recency'],
      ['recency after age', { frequency: 1, recency: 4, age: 3 }, 'recency'],
      ['repeat purchases with recency 0', { frequency: 2, recency: 0, age: 3 }, 'recency'],
      ['recency without repeat purchases', { frequency: 0, recency: 1, age: 3 }, 'recency'],
      ['age 0', { frequency: 0, recency: 0, age: 0 }, 'age'],
      ['an infinite age', { frequency: 0, recency: 0, age: Number.POSITIVE_INFINITY }, 'age'],
      ['a string frequency', { frequency: '1', recency: 2, age: 3 }, 'frequency'],
    ])('refuses %s, naming the customer and the field', (_, bad, field) => {
      const records = [good, bad];
      expect(failure(() => fitBetaGeometricNbd({ customers: records as never }))).toEqual({
        code: 'INVALID_INPUT',
        path: ['customers', 1, field],
      });
      const columns = {
        frequency: records.map((c) => c.frequency),
        recency: records.map((c) => c.recency),
        age: records.map((c) => c.age),
      };
      expect(failure(() => fitBetaGeometricNbd({ customers: columns as never }))).toEqual({
        code: 'INVALID_INPUT',
        path: ['customers', field, 1],
      });
    });

    it('refuses a record that is not an object', () => {
      expect(failure(() => fitBetaGeometricNbd({ customers: [good, null] as never }))).toEqual({
        code: 'INVALID_INPUT',
        path: ['customers', 1],
      });
    });

    it('refuses columns of different lengths, a missing or unknown column', () => {
      const columns = { frequency: [1, 0], recency: [2, 0], age: [3] };
      expect(failure(() => fitBetaGeometricNbd({ customers: columns }))).toEqual({
        code: 'INVALID_INPUT',
        path: ['customers', 'age'],
      });
      expect(failure(() => fitBetaGeometricNbd({ customers: { frequency: [1], recency: [2] } as never }))).toEqual({
        code: 'INVALID_INPUT',
        path: ['customers', 'age'],
      });
      expect(
        failure(() => fitBetaGeometricNbd({ customers: { frequency: [1], recency: [2], age: [3], T: [3] } as never })),
      ).toEqual({ code: 'INVALID_INPUT', path: ['customers', 'T'] });
    });

    it('says NO_DATA without customers or without repeat purchases', () => {
      expect(failure(() => fitBetaGeometricNbd({ customers: [] }))).toEqual({ code: 'NO_DATA', path: ['customers'] });
      expect(failure(() => fitBetaGeometricNbd({ customers: { frequency: [], recency: [], age: [] } }))).toEqual({
        code: 'NO_DATA',
        path: ['customers', 'frequency'],
      });
      expect(failure(() => fitBetaGeometricNbd({ customers: [{ frequency: 0, recency: 0, age: 3 }] }))).toEqual({
        code: 'NO_DATA',
        path: ['customers'],
      });
    });

    it('refuses a missing input, unknown keys and bad options', () => {
      expect(failure(() => fitBetaGeometricNbd(undefined as never)).code).toBe('INVALID_INPUT');
      expect(failure(() => fitBetaGeometricNbd({} as never))).toEqual({ code: 'INVALID_INPUT', path: ['customers'] });
      expect(failure(() => fitBetaGeometricNbd({ customers: [good], extra: 1 } as never)).code).toBe('INVALID_INPUT');
      expect(
        failure(() => fitBetaGeometricNbd({ customers: [good] }, { start: { r: 0, alpha: 1, a: 1, b: 1 } })),
      ).toEqual({ code: 'INVALID_INPUT', path: ['start', 'r'] });
      expect(failure(() => fitBetaGeometricNbd({ customers: [good] }, { maxIterations: 0 }))).toEqual({
        code: 'INVALID_INPUT',
        path: ['maxIterations'],
      });
    });
  });

  it('does not mutate input', () => {
    const customers = Object.freeze(
      cdnowSummary()
        .slice(0, 300)
        .map((c) => Object.freeze(c)),
    );
    const before = JSON.stringify(customers);
    fitBetaGeometricNbd({ customers });
    expect(JSON.stringify(customers)).toBe(before);
    const frequency = Float64Array.from(customers, (c) => c.frequency);
    const copy = Float64Array.from(frequency);
    fitBetaGeometricNbd({
      customers: { frequency, recency: customers.map((c) => c.recency), age: customers.map((c) => c.age) },
    });
    expect(frequency).toEqual(copy);
  });
});
