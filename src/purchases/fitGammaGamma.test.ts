import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { cdnowSummary } from '../../test/support/purchaseData.js';
import { fitGammaGamma } from './fitGammaGamma.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);
const spends = () => cdnowSummary().map(({ frequency, monetaryValue }) => ({ frequency, monetaryValue }));

describe('fitGammaGamma', () => {
  describe('worked examples', () => {
    it('reaches the published estimates for CDNOW’s 946 repeat buyers: p 6.25, q 3.74, v 15.44', () => {
      // Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (brucehardie.com/notes/025):
      // p = 6.25, q = 3.74, γ = 15.44, the figures lifetimes' test_params_out_is_close_to_Hardie_paper
      // asserts to two decimals. lifetimes' Quickstart prints its own fit as "p: 6.25, q: 3.74, v: 15.45":
      // the exact optimum is v = 15.4477, 0.008 from the note's 15.44.
      const fit = fitGammaGamma({ customers: spends() });
      expect(fit.model).toBe('gamma-gamma');
      expect(fit.p).toBeCloseTo(6.25, 2);
      expect(fit.q).toBeCloseTo(3.74, 2);
      expect(fit.v).toBeCloseTo(15.45, 2);
      expect(Math.abs(fit.v - 15.44)).toBeLessThan(0.01);
      expect(fit.customers).toBe(946);
      expect(fit.withoutRepeatPurchases).toBe(2357 - 946);
      expect(fit.converged).toBe(true);
      expect(fit.iterations).toBeGreaterThan(0);
    });

    it('reports the correlation of frequency and spend that lifetimes’ users check: 0.113884', () => {
      // lifetimes' Quickstart: returning_customers_summary[['monetary_value', 'frequency']].corr() → 0.113884.
      const fit = fitGammaGamma({ customers: spends() });
      expect(fit.frequencyValueCorrelation).toBeCloseTo(0.113884, 6);
    });

    it('takes columns, typed arrays, decimal strings and summary records alike', () => {
      const rows = cdnowSummary();
      const records = fitGammaGamma({ customers: spends() });
      expect(
        fitGammaGamma({
          customers: {
            frequency: rows.map((row) => row.frequency),
            monetaryValue: rows.map((row) => row.monetaryValue),
          },
        }),
      ).toEqual(records);
      expect(
        fitGammaGamma({
          customers: {
            frequency: Int16Array.from(rows, (row) => row.frequency),
            monetaryValue: rows.map((row) => row.monetaryValue.toFixed(2)),
          },
        }),
      ).toEqual(records);
      const summaries = rows.map((row, i) => ({ customerId: `c${i + 1}`, holdoutFrequency: 0, ...row }));
      expect(fitGammaGamma({ customers: summaries })).toEqual(records);
    });

    it('scales v with the currency and leaves p and q unchanged', () => {
      const base = fitGammaGamma({ customers: spends() });
      const cents = fitGammaGamma({
        customers: spends().map(({ frequency, monetaryValue }) => ({ frequency, monetaryValue: monetaryValue * 100 })),
      });
      expect(relative(cents.p, base.p)).toBeLessThan(1e-6);
      expect(relative(cents.q, base.q)).toBeLessThan(1e-6);
      expect(relative(cents.v, 100 * base.v)).toBeLessThan(1e-6);
    });

    it('finds the same optimum from another start', () => {
      const base = fitGammaGamma({ customers: spends() });
      const other = fitGammaGamma({ customers: spends() }, { start: { p: 0.5, q: 20, v: 300 } });
      expect(other.converged).toBe(true);
      expect(relative(other.p, base.p)).toBeLessThan(1e-5);
      expect(relative(other.v, base.v)).toBeLessThan(1e-5);
      expect(relative(other.logLikelihood, base.logLikelihood)).toBeLessThan(1e-12);
    });
  });

  describe('edge cases', () => {
    it('stays finite for hundreds of purchases and large spends', () => {
      const fit = fitGammaGamma({
        customers: [
          { frequency: 500, monetaryValue: 12_000.5 },
          { frequency: 1, monetaryValue: 3 },
          { frequency: 40, monetaryValue: 80 },
          { frequency: 2, monetaryValue: 1e6 },
          { frequency: 7, monetaryValue: 0.01 },
        ],
      });
      for (const value of [fit.p, fit.q, fit.v, fit.logLikelihood]) expect(Number.isFinite(value)).toBe(true);
    });

    it('reports converged: false when every customer spends the same (no heterogeneity to fit)', () => {
      const fit = fitGammaGamma({
        customers: [
          { frequency: 1, monetaryValue: 10 },
          { frequency: 2, monetaryValue: 10 },
          { frequency: 3, monetaryValue: 10 },
        ],
      });
      expect(fit.converged).toBe(false);
      expect(fit.frequencyValueCorrelation).toBeNull();
      for (const value of [fit.p, fit.q, fit.v, fit.logLikelihood]) expect(Number.isFinite(value)).toBe(true);
    });

    it('reports converged: false when the iterations run out', () => {
      const fit = fitGammaGamma({ customers: spends() }, { maxIterations: 1 });
      expect(fit.converged).toBe(false);
      expect(fit.iterations).toBe(1);
    });
  });

  describe('validation', () => {
    const bad = (customer: Record<string, unknown>) => () =>
      fitGammaGamma({ customers: [{ frequency: 1, monetaryValue: 5 }, customer] } as never);

    it('names the field and the customer', () => {
      expectMetricError(bad({ frequency: -1, monetaryValue: 5 }), 'INVALID_INPUT', ['customers', 1, 'frequency']);
      expectMetricError(bad({ frequency: 1.5, monetaryValue: 5 }), 'INVALID_INPUT', ['customers', 1, 'frequency']);
      expectMetricError(bad({ frequency: 1, monetaryValue: -5 }), 'INVALID_INPUT', ['customers', 1, 'monetaryValue']);
      expectMetricError(bad({ frequency: 1, monetaryValue: 'abc' }), 'INVALID_INPUT', [
        'customers',
        1,
        'monetaryValue',
      ]);
      expectMetricError(bad({ frequency: 1, monetaryValue: Number.NaN }), 'INVALID_INPUT', [
        'customers',
        1,
        'monetaryValue',
      ]);
      expectMetricError(
        bad({ frequency: 2, monetaryValue: 0 }),
        'INVALID_INPUT',
        ['customers', 1, 'monetaryValue'],
        'must be greater than 0 for a customer with repeat purchases',
      );
      expectMetricError(bad({ frequency: 1 }), 'INVALID_INPUT', ['customers', 1, 'monetaryValue'], 'is required');
      expectMetricError(bad({ frequency: 1, monetaryValue: 5, spend: 5 }), 'INVALID_INPUT', ['customers', 1, 'spend']);
      expectMetricError(() => fitGammaGamma({ customers: [null] } as never), 'INVALID_INPUT', ['customers', 0]);
      expectMetricError(
        () => fitGammaGamma({ customers: [{ frequency: 3, monetaryValue: Number.MAX_VALUE }] }),
        'INVALID_INPUT',
        ['customers', 0, 'monetaryValue'],
      );
    });

    it('names the column and index in the columns form', () => {
      expectMetricError(
        () => fitGammaGamma({ customers: { frequency: [1, 2], monetaryValue: [3] } }),
        'INVALID_INPUT',
        ['customers', 'monetaryValue'],
      );
      expectMetricError(
        () => fitGammaGamma({ customers: { frequency: [1, -2], monetaryValue: [3, 4] } }),
        'INVALID_INPUT',
        ['customers', 'frequency', 1],
      );
      expectMetricError(
        () => fitGammaGamma({ customers: { frequency: [1, 2], monetaryValue: [3, -4] } }),
        'INVALID_INPUT',
        ['customers', 'monetaryValue', 1],
      );
    });

    it('reports NO_DATA without customers or without a repeat buyer', () => {
      expectMetricError(() => fitGammaGamma({ customers: [] }), 'NO_DATA', ['customers']);
      expectMetricError(() => fitGammaGamma({ customers: { frequency: [], monetaryValue: [] } }), 'NO_DATA', [
        'customers',
      ]);
      expectMetricError(
        () => fitGammaGamma({ customers: [{ frequency: 0, monetaryValue: 0 }] }),
        'NO_DATA',
        ['customers'],
        'no customer with a repeat purchase',
      );
    });

    it('refuses bad options', () => {
      expectMetricError(
        () => fitGammaGamma({ customers: spends() }, { start: { p: 1, q: -1, v: 1 } }),
        'INVALID_INPUT',
        ['start', 'q'],
      );
      expectMetricError(() => fitGammaGamma({ customers: spends() }, { maxIterations: 1.5 }), 'INVALID_INPUT', [
        'maxIterations',
      ]);
    });
  });

  it('does not mutate input', () => {
    const customers = Object.freeze(spends().map((row) => Object.freeze(row)));
    const before = JSON.stringify(customers);
    fitGammaGamma({ customers });
    expect(JSON.stringify(customers)).toBe(before);
  });
});
