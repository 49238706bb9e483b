import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { donations } from '../../test/support/purchaseData.js';
import { fitBetaGeometricBetaBinomial } from './fitBetaGeometricBetaBinomial.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('fitBetaGeometricBetaBinomial', () => {
  describe('worked examples', () => {
    it('reaches the published estimates for the donations: α 1.204, β 0.750, γ 0.657, δ 2.783', () => {
      // Fader, Hardie & Shang (2010), "Customer-Base Analysis in a Discrete-Time Noncontractual Setting",
      // Marketing Science 29(6): the parameters also asserted by lifetimes' test
      // `test_params_out_is_close_to_Hardie_paper` (tests/test_estimation.py, [1.204, 0.750, 0.657, 2.783]).
      // The paper reports LL = −33 225.6 (quoted from the paper; its text was not reachable here, the
      // parameters above were checked against lifetimes' test).
      const fit = fitBetaGeometricBetaBinomial({ customers: donations() });
      expect(fit.model).toBe('bg-bb');
      expect(fit.alpha).toBeCloseTo(1.204, 3);
      expect(fit.beta).toBeCloseTo(0.75, 3);
      expect(fit.gamma).toBeCloseTo(0.657, 3);
      expect(fit.delta).toBeCloseTo(2.783, 3);
      expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
      expect(fit.converged).toBe(true);
      expect(fit.customers).toBe(11104);
      expect(fit.iterations).toBeGreaterThan(0);
      expect(fit.iterations).toBeLessThan(100);
    });

    it('finds the same optimum from columns, from typed arrays and from another start', () => {
      const records = fitBetaGeometricBetaBinomial({ customers: donations() });
      const rows = donations();
      const columns = fitBetaGeometricBetaBinomial({
        customers: {
          frequency: rows.map((row) => row.frequency),
          recency: rows.map((row) => row.recency),
          opportunities: rows.map((row) => row.opportunities),
          count: rows.map((row) => row.count),
        },
      });
      expect(columns).toEqual(records);
      const typed = fitBetaGeometricBetaBinomial({
        customers: {
          frequency: Float64Array.from(rows, (row) => row.frequency),
          recency: Int32Array.from(rows, (row) => row.recency),
          opportunities: Uint8Array.from(rows, (row) => row.opportunities),
          count: Float64Array.from(rows, (row) => row.count),
        },
      });
      expect(typed).toEqual(records);
      const elsewhere = fitBetaGeometricBetaBinomial(
        { customers: rows },
        { start: { alpha: 5, beta: 0.2, gamma: 3, delta: 10 } },
      );
      expect(elsewhere.converged).toBe(true);
      for (const name of ['alpha', 'beta', 'gamma', 'delta'] as const) {
        expect(relative(elsewhere[name], records[name])).toBeLessThan(1e-5);
      }
      expect(relative(elsewhere.logLikelihood, records.logLikelihood)).toBeLessThan(1e-12);
    });

    it('gives one customer per record the same fit as the counts (patterns are merged)', () => {
      // A fifth of the donors, one record each, against the same patterns with counts.
      const patterns = donations().map((row) => ({ ...row, count: Math.ceil(row.count / 5) }));
      const exploded = patterns.flatMap(({ count, ...row }) => Array.from({ length: count }, () => row));
      const a = fitBetaGeometricBetaBinomial({ customers: patterns });
      const b = fitBetaGeometricBetaBinomial({ customers: exploded });
      expect(b.customers).toBe(a.customers);
      expect(b.alpha).toBeCloseTo(a.alpha, 12);
      expect(b.delta).toBeCloseTo(a.delta, 12);
      expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
    });

    it('fits customers of different ages (n from 1 to 6) together', () => {
      const rows = [
        ...donations(),
        { frequency: 0, recency: 0, opportunities: 1, count: 500 },
        { frequency: 1, recency: 1, opportunities: 1, count: 400 },
        { frequency: 2, recency: 3, opportunities: 3, count: 300 },
        { frequency: 0, recency: 0, opportunities: 3, count: 200 },
      ];
      const fit = fitBetaGeometricBetaBinomial({ customers: rows });
      expect(fit.converged).toBe(true);
      expect(fit.customers).toBe(11104 + 1400);
    });
  });

  describe('edge cases', () => {
    it('stays finite for hundreds of purchases over thousands of opportunities', () => {
      const fit = fitBetaGeometricBetaBinomial({
        customers: [
          { frequency: 500, recency: 4000, opportunities: 5000, count: 3 },
          { frequency: 2, recency: 30, opportunities: 5000, count: 10 },
          { frequency: 0, recency: 0, opportunities: 4000, count: 20 },
          { frequency: 4900, recency: 4999, opportunities: 5000 },
          { frequency: 1200, recency: 2000, opportunities: 3000, count: 4 },
        ],
      });
      for (const value of [fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood]) {
        expect(Number.isFinite(value)).toBe(true);
      }
      expect(fit.logLikelihood).toBeLessThan(0);
    });

    it('reports converged: false when a parameter drifts towards 0 (no interior maximum)', () => {
      // Four patterns only: the likelihood keeps rising as γ → 0.
      const fit = fitBetaGeometricBetaBinomial({
        customers: [
          { frequency: 0, recency: 0, opportunities: 6, count: 3464 },
          { frequency: 3, recency: 4, opportunities: 6, count: 181 },
          { frequency: 6, recency: 6, opportunities: 6, count: 1203 },
          { frequency: 1, recency: 2, opportunities: 6, count: 277 },
        ],
      });
      expect(fit.converged).toBe(false);
      expect(fit.gamma).toBeLessThan(1e-8);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    });

    it('reports converged: false when the iterations run out', () => {
      const fit = fitBetaGeometricBetaBinomial({ customers: donations() }, { maxIterations: 2 });
      expect(fit.converged).toBe(false);
      expect(fit.iterations).toBe(2);
      expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    });

    it('fits a single customer without NaN', () => {
      const fit = fitBetaGeometricBetaBinomial({ customers: [{ frequency: 1, recency: 1, opportunities: 1 }] });
      expect(fit.customers).toBe(1);
      for (const value of [fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood]) {
        expect(Number.isFinite(value)).toBe(true);
      }
    });
  });

  describe('validation', () => {
    const bad = (customer: Record<string, unknown>) => () =>
      fitBetaGeometricBetaBinomial({
        customers: [{ frequency: 1, recency: 2, opportunities: 6 }, customer],
      } as never);

    it('names the field and the customer of a bad record', () => {
      expectMetricError(
        bad({ frequency: 1, recency: 7, opportunities: 6 }),
        'INVALID_INPUT',
        ['customers', 1, 'recency'],
        'must not exceed opportunities (6)',
      );
      expectMetricError(
        bad({ frequency: 3, recency: 2, opportunities: 6 }),
        'INVALID_INPUT',
        ['customers', 1, 'frequency'],
        'must not exceed recency (2)',
      );
      expectMetricError(
        bad({ frequency: 0, recency: 2, opportunities: 6 }),
        'INVALID_INPUT',
        ['customers', 1, 'recency'],
        'must be 0 when frequency is 0',
      );
      expectMetricError(bad({ frequency: -1, recency: 2, opportunities: 6 }), 'INVALID_INPUT', [
        'customers',
        1,
        'frequency',
      ]);
      expectMetricError(bad({ frequency: 1.5, recency: 2, opportunities: 6 }), 'INVALID_INPUT', [
        'customers',
        1,
        'frequency',
      ]);
      expectMetricError(bad({ frequency: 1, recency: 2.5, opportunities: 6 }), 'INVALID_INPUT', [
        'customers',
        1,
        'recency',
      ]);
      expectMetricError(bad({ frequency: 0, recency: 0, opportunities: 0 }), 'INVALID_INPUT', [
        'customers',
        1,
        'opportunities',
      ]);
      expectMetricError(
        bad({ frequency: 0, recency: 0, opportunities: 100_001 }),
        'INVALID_INPUT',
        ['customers', 1, 'opportunities'],
        'at most 100000',
      );
      expectMetricError(bad({ frequency: '1', recency: 2, opportunities: 6 }), 'INVALID_INPUT', [
        'customers',
        1,
        'frequency',
      ]);
      expectMetricError(bad({ frequency: 1, recency: 1, opportunities: Number.NaN }), 'INVALID_INPUT', [
        'customers',
        1,
        'opportunities',
      ]);
      expectMetricError(
        bad({ frequency: 1, recency: 1 }),
        'INVALID_INPUT',
        ['customers', 1, 'opportunities'],
        'is required',
      );
      expectMetricError(bad({ frequency: 1, recency: 1, opportunities: 6, age: 6 }), 'INVALID_INPUT', ['customers', 1]);
    });

    it('refuses a count that is not a whole number ≥ 1', () => {
      for (const count of [0, -2, 1.5, Number.POSITIVE_INFINITY, '3']) {
        expectMetricError(bad({ frequency: 1, recency: 1, opportunities: 6, count }), 'INVALID_INPUT', [
          'customers',
          1,
          'count',
        ]);
      }
    });

    it('names the column and index in the columns form', () => {
      const columns = (overrides: Record<string, unknown>) => () =>
        fitBetaGeometricBetaBinomial({
          customers: { frequency: [1, 0], recency: [2, 0], opportunities: [6, 6], ...overrides },
        } as never);
      expectMetricError(columns({ recency: [7, 0] }), 'INVALID_INPUT', ['customers', 'recency', 0]);
      expectMetricError(columns({ frequency: [3, 0] }), 'INVALID_INPUT', ['customers', 'frequency', 0]);
      expectMetricError(columns({ count: [1, 0] }), 'INVALID_INPUT', ['customers', 'count', 1]);
      expectMetricError(
        columns({ count: [1] }),
        'INVALID_INPUT',
        ['customers', 'count'],
        'as many elements as frequency (2)',
      );
      expectMetricError(columns({ opportunities: [6] }), 'INVALID_INPUT', ['customers', 'opportunities']);
      expectMetricError(columns({ age: [6, 6] }), 'INVALID_INPUT', ['customers']);
    });

    it('reports NO_DATA without customers', () => {
      expectMetricError(() => fitBetaGeometricBetaBinomial({ customers: [] }), 'NO_DATA', ['customers']);
      expectMetricError(
        () => fitBetaGeometricBetaBinomial({ customers: { frequency: [], recency: [], opportunities: [] } }),
        'NO_DATA',
        ['customers'],
      );
    });

    it('refuses bad input shapes and options', () => {
      expectMetricError(() => fitBetaGeometricBetaBinomial(null as never), 'INVALID_INPUT', []);
      expectMetricError(() => fitBetaGeometricBetaBinomial({ customers: 'all' } as never), 'INVALID_INPUT', [
        'customers',
      ]);
      expectMetricError(() => fitBetaGeometricBetaBinomial({ customers: [5] } as never), 'INVALID_INPUT', [
        'customers',
        0,
      ]);
      const customers = donations();
      expectMetricError(() => fitBetaGeometricBetaBinomial({ customers }, { maxIterations: 0 }), 'INVALID_INPUT', [
        'maxIterations',
      ]);
      expectMetricError(
        () => fitBetaGeometricBetaBinomial({ customers }, { start: { alpha: 1, beta: 1, gamma: 0, delta: 1 } }),
        'INVALID_INPUT',
        ['start', 'gamma'],
      );
      expectMetricError(
        () => fitBetaGeometricBetaBinomial({ customers }, { tolerance: 1 } as never),
        'INVALID_INPUT',
        [],
      );
    });
  });

  it('does not mutate input', () => {
    const customers = Object.freeze(donations().map((row) => Object.freeze(row)));
    const before = JSON.stringify(customers);
    fitBetaGeometricBetaBinomial({ customers });
    expect(JSON.stringify(customers)).toBe(before);
  });
});
