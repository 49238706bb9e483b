import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { donations } from '../../test/support/purchaseData.js';
import { logGamma } from '../internal/special.js';
import { fitBetaGeometricBetaBinomial } from './fitBetaGeometricBetaBinomial.js';
import { predictCustomerValue } from './predictCustomerValue.js';

const fit = fitBetaGeometricBetaBinomial({ customers: donations() });
const valueModel = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;

/**
 * E[X(n, n + k) | x, t_x, n] in lifetimes' closed form of the paper's equation 13 (an oracle written apart
 * from the library's formulas).
 */
function conditional(x: number, t: number, n: number, k: number): number {
  const { alpha: a, beta: b, gamma: g, delta: d } = fit;
  const lb = (p: number, q: number) => logGamma(p) + logGamma(q) - logGamma(p + q);
  let likelihood = Math.exp(lb(a + x, b + n - x) - lb(a, b) + lb(g, d + n) - lb(g, d));
  for (let i = 0; i < n - t; i++) {
    likelihood += Math.exp(lb(a + x, b + t - x + i) - lb(a, b) + lb(g + 1, d + t + i) - lb(g, d));
  }
  const ratio = (m: number) => Math.exp(logGamma(1 + d + n + m) - logGamma(g + d + n + m));
  return (
    (Math.exp(lb(a + x + 1, b + n - x) - lb(a, b)) / likelihood) *
    (d / (g - 1)) *
    Math.exp(logGamma(g + d) - logGamma(1 + d)) *
    (ratio(0) - ratio(k))
  );
}

/** The expected spend of Fader & Hardie's note, equation 5. */
const spend = (x: number, m: number) => (6.25 * (15.44 + x * m)) / (6.25 * x + 3.74 - 1);

describe('predictCustomerValue', () => {
  describe('worked examples', () => {
    it('values a donor over five years of yearly opportunities, each year discounted from its month', () => {
      const customer = { frequency: 4, recency: 6, opportunities: 6, monetaryValue: 50 };
      const result = predictCustomerValue(
        { purchaseModel: fit, valueModel, customers: [customer], months: 60, discountRate: 0.01 },
        { unit: 'year' },
      );
      let expected = 0;
      for (let year = 1; year <= 5; year++) {
        expected += (conditional(4, 6, 6, year) - conditional(4, 6, 6, year - 1)) / 1.01 ** (12 * year);
      }
      expected *= spend(4, 50);
      const [value] = result.customers;
      expect(value?.value).toBeCloseTo(expected, 10);
      expect(value?.purchases).toBeCloseTo(conditional(4, 6, 6, 5), 12);
      expect(value?.monetaryValue).toBeCloseTo(spend(4, 50), 12);
      expect(result.total).toBe(value?.value);
    });

    it('values the donations cohort: 12 884.2 donations over 2002–2006 at the expected spends, undiscounted', () => {
      // The cohort's expected donations (Hardie's BG/BB workbook, lifetimes' test; see bgBb.test.ts) times
      // a spend per donation: with no discount, Σ count · purchases is the published total.
      const customers = donations().map((row) => ({ ...row, monetaryValue: row.frequency > 0 ? 25 : 0 }));
      const result = predictCustomerValue(
        { purchaseModel: fit, valueModel, customers, months: 60, discountRate: 0 },
        { unit: 'year' },
      );
      let purchases = 0;
      let total = 0;
      result.customers.forEach((entry, i) => {
        const row = donations()[i] as { count: number; frequency: number };
        purchases += row.count * entry.purchases;
        total += row.count * entry.purchases * spend(row.frequency, row.frequency > 0 ? 25 : 0);
      });
      expect(purchases).toBeCloseTo(12884.2, 0);
      expect(result.total).toBeCloseTo(total, 6);
    });

    it('counts opportunities by the month they fall in (a week is 12/52 of a month)', () => {
      const customer = { frequency: 2, recency: 10, opportunities: 12, monetaryValue: 30 };
      const weekly = predictCustomerValue(
        { purchaseModel: fit, valueModel, customers: [customer], months: 12, discountRate: 0 },
        { unit: 'week' },
      );
      // 12 months are 52 weekly opportunities; 3 months are ⌊13⌋ = 13.
      expect(weekly.customers[0]?.purchases).toBeCloseTo(conditional(2, 10, 12, 52), 10);
      const quarter = predictCustomerValue(
        { purchaseModel: fit, valueModel, customers: [customer], months: 3, discountRate: 0 },
        { unit: 'week' },
      );
      expect(quarter.customers[0]?.purchases).toBeCloseTo(conditional(2, 10, 12, 13), 10);
      const daily = predictCustomerValue(
        { purchaseModel: fit, valueModel, customers: [customer], months: 12, discountRate: 0 },
        { unit: 'day' },
      );
      expect(daily.customers[0]?.purchases).toBeCloseTo(conditional(2, 10, 12, 365), 10);
    });

    it('returns customerId and counts each customer of a shared history in the total', () => {
      const result = predictCustomerValue(
        {
          purchaseModel: fit,
          valueModel,
          customers: [
            { customerId: 'a', frequency: 1, recency: 3, opportunities: 6, monetaryValue: '12.50', count: 3 },
            { frequency: 0, recency: 0, opportunities: 6, monetaryValue: 0, holdoutFrequency: 1 },
          ],
          months: 24,
          discountRate: '0.005',
        },
        { unit: 'month' },
      );
      const [a, b] = result.customers;
      expect(a?.customerId).toBe('a');
      expect(b && 'customerId' in b).toBe(false);
      expect(result.total).toBeCloseTo(3 * (a?.value as number) + (b?.value as number), 12);
    });

    it('gives a numeric customerId of -0 back as 0', () => {
      const result = predictCustomerValue(
        {
          purchaseModel: fit,
          valueModel,
          customers: [{ customerId: -0, frequency: 1, recency: 3, opportunities: 6, monetaryValue: 10 }],
          months: 12,
          discountRate: 0.01,
        },
        { unit: 'month' },
      );
      expect(Object.is(result.customers[0]?.customerId, 0)).toBe(true);
    });
  });

  describe('edge cases', () => {
    it('is 0 before the first opportunity falls in the horizon', () => {
      const result = predictCustomerValue(
        {
          purchaseModel: fit,
          valueModel,
          customers: [donations()[5] as never].map((row) => ({ ...(row as object), monetaryValue: 20 })) as never,
          months: 11,
          discountRate: 0.01,
        },
        { unit: 'year' },
      );
      expect(result.customers[0]?.value).toBe(0);
      expect(result.total).toBe(0);
    });
  });

  describe('validation', () => {
    const customers = [{ frequency: 1, recency: 3, opportunities: 6, monetaryValue: 20 }];
    const call =
      (overrides: Record<string, unknown>, options: unknown = { unit: 'year' }) =>
      () =>
        predictCustomerValue(
          { purchaseModel: fit, valueModel, customers, months: 12, discountRate: 0.01, ...overrides } as never,
          options as never,
        );

    it('refuses unknown or broken models', () => {
      expectMetricError(call({ purchaseModel: { ...fit, model: 'nbd' } }), 'INVALID_INPUT', ['purchaseModel', 'model']);
      expectMetricError(call({ purchaseModel: { ...fit, gamma: -1 } }), 'INVALID_INPUT', ['purchaseModel', 'gamma']);
      expectMetricError(call({ purchaseModel: 'bg-bb' }), 'INVALID_INPUT', ['purchaseModel']);
      expectMetricError(call({ valueModel: { ...valueModel, model: 'bg-bb' } }), 'INVALID_INPUT', [
        'valueModel',
        'model',
      ]);
      expectMetricError(call({ valueModel: { ...valueModel, q: Number.NaN } }), 'INVALID_INPUT', ['valueModel', 'q']);
      expectMetricError(
        call({
          valueModel: { ...valueModel, q: 0.8 },
          customers: [{ frequency: 0, recency: 0, opportunities: 6, monetaryValue: 0 }],
        }),
        'INVALID_INPUT',
        ['valueModel', 'q'],
      );
    });

    it('names a customer’s bad field in the purchase model’s terms', () => {
      const bad = (customer: Record<string, unknown>, path: (string | number)[]) =>
        expectMetricError(call({ customers: [customers[0], customer] }), 'INVALID_INPUT', ['customers', 1, ...path]);
      bad({ frequency: 1, recency: 7, opportunities: 6, monetaryValue: 5 }, ['recency']);
      bad({ frequency: 3, recency: 2, opportunities: 6, monetaryValue: 5 }, ['frequency']);
      bad({ frequency: 1, recency: 0, opportunities: 6, monetaryValue: 5 }, ['recency']);
      bad({ frequency: 0, recency: 2, opportunities: 6, monetaryValue: 5 }, ['recency']);
      bad({ frequency: 1, recency: 2.5, opportunities: 6, monetaryValue: 5 }, ['recency']);
      bad({ frequency: 1, recency: 2, opportunities: 0, monetaryValue: 5 }, ['opportunities']);
      bad({ frequency: 1, recency: 2, age: 6, monetaryValue: 5 }, ['age']);
      bad({ frequency: 1, recency: 2, opportunities: 6, monetaryValue: -5 }, ['monetaryValue']);
      bad({ frequency: 1, recency: 2, opportunities: 6, monetaryValue: 5, count: 0 }, ['count']);
      bad({ frequency: 1, recency: 2, opportunities: 6, monetaryValue: 5, customerId: true }, ['customerId']);
      expectMetricError(call({ customers: [null] }), 'INVALID_INPUT', ['customers', 0]);
    });

    it('refuses a bad horizon, discount rate or unit', () => {
      expectMetricError(call({ months: 0 }), 'INVALID_INPUT', ['months']);
      expectMetricError(call({ months: 2.5 }), 'INVALID_INPUT', ['months']);
      expectMetricError(call({ discountRate: -0.01 }), 'INVALID_INPUT', ['discountRate'], 'a monthly rate');
      expectMetricError(call({}, { unit: 'hour' }), 'INVALID_INPUT', ['unit']);
      expectMetricError(
        () =>
          predictCustomerValue(
            { purchaseModel: fit, valueModel, customers, months: 12, discountRate: 0 },
            undefined as never,
          ),
        'INVALID_INPUT',
        ['unit'],
        'must be one of',
      );
      expectMetricError(call({ customers: [] }), 'NO_DATA', ['customers']);
      expectMetricError(call({ extra: 1 }), 'INVALID_INPUT', []);
    });
  });

  it('does not mutate input', () => {
    const input = Object.freeze({
      purchaseModel: Object.freeze({ ...fit }),
      valueModel: Object.freeze({ ...valueModel }),
      customers: Object.freeze(donations().map((row) => Object.freeze({ ...row, monetaryValue: 10 }))),
      months: 36,
      discountRate: 0.01,
    });
    const before = JSON.stringify(input);
    predictCustomerValue(input, { unit: 'year' });
    expect(JSON.stringify(input)).toBe(before);
  });
});
