import { describe, expect, it } from 'vitest';
import { cdnowColumns, cdnowCustomers } from '../../test/support/paretoNbdCdnow.js';
import { expectMetricError } from '../../test/support/errors.js';
import { fitParetoNbd } from './fitParetoNbd.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('fitParetoNbd', () => {
  describe('worked examples', () => {
    it('reaches the published CDNOW estimates: r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0', () => {
      // Fader, Hardie & Lee, "'Counting Your Customers' the Easy Way", Marketing Science 24(2), 2005, section 4
      // (the Pareto/NBD beside the BG/NBD on the same 2 357 customers, weeks); also printed by CLVTools' tests
      // (test_correctness_pnbd_nocov: "As also reported ... in Fader, Hardie, Lee (2005)").
      const fit = fitParetoNbd({ customers: cdnowCustomers() });
      expect(fit.model).toBe('pareto-nbd');
      expect(fit.converged).toBe(true);
      expect(fit.customers).toBe(2357);
      expect(fit.r).toBeCloseTo(0.553, 3);
      expect(fit.alpha).toBeCloseTo(10.578, 3);
      expect(fit.s).toBeCloseTo(0.606, 3);
      // β is poorly determined (standard error 6.21, CLVTools' tests): the maximum is at 11.6679, and the
      // published 11.669 is 0.001 away on a ridge where the log-likelihood differs by 8e-5 (mpmath: −9594.97401
      // at the published four, −9594.97393 at ours). BTYD prints 11.6562 and CLVTools 11.6715 on the same ridge.
      expect(Math.abs(fit.beta - 11.669)).toBeLessThan(0.002);
      expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    });

    it('finds the maximum that the SciPy stand-in of lifetimes finds, to 1e-6', () => {
      // bench/peers/purchases_pareto.py (scipy 1.10.1, Nelder-Mead over the log parameters, tolerances 1e-9):
      // 0.5532754947, 10.5776123158, 0.6062136634, 11.6679146788, LL −9594.973929826861.
      const fit = fitParetoNbd({ customers: cdnowColumns() });
      expect(relative(fit.r, 0.5532754947)).toBeLessThan(1e-6);
      expect(relative(fit.alpha, 10.5776123158)).toBeLessThan(1e-6);
      expect(relative(fit.s, 0.6062136634)).toBeLessThan(1e-6);
      expect(relative(fit.beta, 11.6679146788)).toBeLessThan(1e-6);
      expect(relative(fit.logLikelihood, -9594.973929826861)).toBeLessThan(1e-13);
    });

    it('gives the same fit from records and from columns', () => {
      expect(fitParetoNbd({ customers: cdnowColumns() })).toEqual(fitParetoNbd({ customers: cdnowCustomers() }));
      const columns = cdnowColumns();
      const arrays = {
        frequency: Array.from(columns.frequency),
        recency: Array.from(columns.recency),
        age: Array.from(columns.age),
      };
      expect(fitParetoNbd({ customers: arrays })).toEqual(fitParetoNbd({ customers: columns }));
    });

    it('scales α and β with the time unit: the same customers in days', () => {
      const weeks = fitParetoNbd({ customers: cdnowColumns() });
      const { frequency, recency, age } = cdnowColumns();
      const days = fitParetoNbd({
        customers: { frequency, recency: recency.map((t) => t * 7), age: age.map((t) => t * 7) },
      });
      // Each search stops when the gradient is below 1e-10 of |LL|: along the flat β ridge that leaves about
      // 1e-6 between two searches from different points.
      expect(relative(days.r, weeks.r)).toBeLessThan(1e-5);
      expect(relative(days.alpha, weeks.alpha * 7)).toBeLessThan(1e-5);
      expect(relative(days.s, weeks.s)).toBeLessThan(1e-5);
      expect(relative(days.beta, weeks.beta * 7)).toBeLessThan(1e-5);
      // The likelihood is a density in the purchase times: each of the Σx = 2 457 repeat purchases adds −ln 7.
      const purchases = frequency.reduce((sum, x) => sum + x, 0);
      expect(days.logLikelihood).toBeCloseTo(weeks.logLikelihood - purchases * Math.log(7), 6);
    });
  });

  describe('edge cases', () => {
    it('does not overflow for a customer with 500 purchases over 5 000 days', () => {
      const { frequency, recency, age } = cdnowColumns();
      const fit = fitParetoNbd({
        customers: {
          frequency: [...frequency, 500],
          recency: [...recency.map((t) => t * 7), 4990],
          age: [...age.map((t) => t * 7), 5000],
        },
      });
      expect(fit.converged).toBe(true);
      for (const value of [fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood])
        expect(Number.isFinite(value)).toBe(true);
      expect(fit.customers).toBe(2358);
    });

    it('reports converged: false when the likelihood has no interior maximum, with finite parameters', () => {
      // Every 100th customer of CDNOW from the 43rd: the likelihood rises as β falls towards 0.
      const fit = fitParetoNbd({
        customers: {
          frequency: [0, 2, 1, 0, 0, 2, 4, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 5, 2, 0, 2, 0, 0],
          recency: [0, 28.57, 8.29, 0, 0, 22.43, 28.43, 0, 28, 0, 0, 0, 0, 0, 0, 5.14, 0, 0, 29.43, 20.14, 0, 17, 0, 0],
          age: [
            38.57, 38, 37.29, 36.86, 36.29, 35.71, 35.14, 34.71, 34.14, 33.71, 33.29, 32.86, 32.29, 31.86, 31.43, 30.86,
            30.43, 30, 29.57, 29.14, 28.57, 28.14, 27.57, 27,
          ],
        },
      });
      expect(fit.converged).toBe(false);
      for (const value of [fit.r, fit.alpha, fit.s, fit.beta]) {
        expect(value).toBeGreaterThan(0);
        expect(Number.isFinite(value)).toBe(true);
      }
      expect(fit.logLikelihood).toBeLessThan(0);
    });

    it('takes a starting point and stops after maxIterations', () => {
      const fromStart = fitParetoNbd({ customers: cdnowColumns() }, { start: { r: 0.5, alpha: 10, s: 0.5, beta: 10 } });
      expect(relative(fromStart.beta, 11.6679146788)).toBeLessThan(1e-6);
      const short = fitParetoNbd({ customers: cdnowColumns() }, { maxIterations: 2 });
      expect(short.converged).toBe(false);
      expect(short.iterations).toBe(2);
    });

    it('fits a single customer with repeat purchases', () => {
      const fit = fitParetoNbd({ customers: [{ frequency: 3, recency: 20, age: 30 }] });
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    });
  });

  describe('validation', () => {
    const customer = { frequency: 2, recency: 10, age: 30 };
    const withBad = (bad: Record<string, unknown>) => ({ customers: [customer, { ...customer, ...bad }] });
    it.each([
      ['a negative frequency', { frequency: -1 }, 'frequency'],
      ['a fractional frequency', { frequency: 1.5 }, 'frequency'],
      ['a negative recency', { recency: -1 }, 'recency'],
      ['an age of 0', { age: 0 }, 'age'],
      ['an infinite age', { age: Number.POSITIVE_INFINITY }, 'age'],
      ['a recency after the age', { recency: 31 }, 'recency'],
      ['repeat purchases with recency 0', { recency: 0 }, 'recency'],
      ['a recency without repeat purchases', { frequency: 0 }, 'recency'],
      ['a missing field', { age: undefined }, 'age'],
    ])('refuses %s, naming the customer and the field', (_, bad, field) => {
      expectMetricError(() => fitParetoNbd(withBad(bad)), 'INVALID_INPUT', ['customers', 1, field]);
    });

    it('names the column and index of a bad column value', () => {
      expectMetricError(
        () => fitParetoNbd({ customers: { frequency: [1, 2], recency: [1, 50], age: [30, 40] } }),
        'INVALID_INPUT',
        ['customers', 'recency', 1],
        'must not exceed age (40)',
      );
      expectMetricError(
        () => fitParetoNbd({ customers: { frequency: [1, Number.NaN], recency: [1, 2], age: [30, 40] } }),
        'INVALID_INPUT',
        ['customers', 'frequency', 1],
      );
      expectMetricError(
        () => fitParetoNbd({ customers: { frequency: [1, 2], recency: [1, 2], age: [30] } }),
        'INVALID_INPUT',
        ['customers', 'age'],
        'as many elements as frequency',
      );
    });

    it('refuses a customer that is not an object, and an unknown input form', () => {
      expectMetricError(() => fitParetoNbd({ customers: [customer, null] } as never), 'INVALID_INPUT', [
        'customers',
        1,
      ]);
      expectMetricError(() => fitParetoNbd({ buyers: [] } as never), 'INVALID_INPUT', ['customers']);
    });

    it('needs customers, and at least one repeat purchase', () => {
      expectMetricError(() => fitParetoNbd({ customers: [] }), 'NO_DATA', ['customers']);
      expectMetricError(() => fitParetoNbd({ customers: { frequency: [], recency: [], age: [] } }), 'NO_DATA', [
        'customers',
        'frequency',
      ]);
      expectMetricError(
        () => fitParetoNbd({ customers: [{ frequency: 0, recency: 0, age: 5 }] }),
        'NO_DATA',
        ['customers'],
        'no customer with a repeat purchase',
      );
    });

    it('refuses bad options', () => {
      expectMetricError(
        () => fitParetoNbd({ customers: [customer] }, { start: { r: 0, alpha: 1, s: 1, beta: 1 } }),
        'INVALID_INPUT',
        ['start', 'r'],
      );
      expectMetricError(() => fitParetoNbd({ customers: [customer] }, { maxIterations: 0 }), 'INVALID_INPUT', [
        'maxIterations',
      ]);
      expectMetricError(() => fitParetoNbd({ customers: [customer] }, { tolerance: 1 } as never), 'INVALID_INPUT', []);
    });
  });

  it('does not mutate its input', () => {
    const customers = Object.freeze(
      cdnowCustomers()
        .slice(0, 200)
        .map((c) => Object.freeze(c)),
    );
    const copy = structuredClone(customers);
    fitParetoNbd({ customers });
    expect(customers).toEqual(copy);
  });
});
