import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../../test/support/cdnowSummary.js';
import { expectMetricError } from '../../test/support/errors.js';
import { expectedPurchases } from './expectedPurchases.js';
import { fitBetaGeometricNbd } from './fitBetaGeometricNbd.js';

const published = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const fit = fitBetaGeometricNbd({ customers: cdnowSummary() });

describe('expectedPurchases', () => {
  describe('worked examples', () => {
    it('gives E[X(t)] of Fader and Hardie’s BG/NBD spreadsheet for CDNOW', () => {
      // lifetimes, tests/test_estimation.py, test_expectation_returns_same_value_Hardie_excel_sheet (3 decimals):
      // E[X(t)] for t = 0.1429, 1, 3, 31.8571, 32 and 78 weeks, from the model fitted to CDNOW.
      const times = [0.1429, 1, 3, 31.8571, 32, 78];
      const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
      times.forEach((periods, k) => {
        expect(expectedPurchases({ model: fit, periods })).toBeCloseTo(expected[k] as number, 3);
      });
    });

    it('gives the conditional expectation of Fader and Hardie’s spreadsheet', () => {
      // lifetimes, test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet: customer 1 of CDNOW
      // (x = 2, t_x = 30.43, T = 38.86) expects 1.226 purchases in the next 39 weeks (to 0.001).
      const customer = { frequency: 2, recency: 30.43, age: 38.86 };
      expect(Math.abs(expectedPurchases({ model: fit, periods: 39, customer }) - 1.226)).toBeLessThan(0.001);
    });

    it('with a customer who has never bought again at T = 0, is E[X(t)]', () => {
      const young = expectedPurchases({
        model: published,
        periods: 39,
        customer: { frequency: 0, recency: 0, age: 1e-12 },
      });
      expect(young / expectedPurchases({ model: published, periods: 39 })).toBeCloseTo(1, 10);
    });
  });

  describe('edge cases', () => {
    it('is 0 over no time', () => {
      expect(expectedPurchases({ model: published, periods: 0 })).toBe(0);
      expect(expectedPurchases({ model: published, periods: 0, customer: { frequency: 3, recency: 5, age: 9 } })).toBe(
        0,
      );
    });

    it('is continuous through a = 1, where the formula is 0/0', () => {
      const at = (a: number) => expectedPurchases({ model: { ...published, a }, periods: 39 });
      expect(Math.abs(at(1) - at(1 - 1e-9))).toBeLessThan(1e-8);
      expect(Math.abs(at(1 + 2e-4) - 2 * at(1) + at(1 - 2e-4))).toBeLessThan(1e-7);
      expect(at(1)).toBeGreaterThan(at(1.01));
    });

    it('agrees with SciPy where a + b < 1 (the hypergeometric’s c is negative)', () => {
      // (a + b − 1)/(a − 1) · (1 − (α/(α + t))^r · hyp2f1(r, b, a + b − 1, t/(α + t))) with SciPy 1.10.1.
      const model = { ...published, a: 0.2, b: 0.5 };
      expect(expectedPurchases({ model, periods: 39 })).toBeCloseTo(1.3740967974542138, 12);
      // a + b = 1: c = 0, the limit (SciPy at a = 0.3 ± 1e-7: 1.27825932 and 1.27825898).
      expect(expectedPurchases({ model: { ...published, a: 0.3, b: 0.7 }, periods: 39 })).toBeCloseTo(1.278259149, 6);
    });

    it('does not overflow for x = 500 over T = 5000 days', () => {
      const days = { ...published, alpha: published.alpha * 7 };
      const active = expectedPurchases({
        model: days,
        periods: 365,
        customer: { frequency: 500, recency: 4990, age: 5000 },
      });
      const gone = expectedPurchases({
        model: days,
        periods: 365,
        customer: { frequency: 500, recency: 300, age: 5000 },
      });
      // An active customer buying every 10 days keeps buying at about that rate.
      expect(active).toBeGreaterThan(30);
      expect(active).toBeLessThan(40);
      expect(gone).toBe(0);
    });

    it('scores a base: columns and records give each customer’s own expectation', () => {
      const customers = cdnowSummary();
      const fromRecords = expectedPurchases({ model: fit, periods: 39, customers });
      expect(fromRecords).toBeInstanceOf(Float64Array);
      expect(fromRecords.length).toBe(2357);
      const fromColumns = expectedPurchases({
        model: fit,
        periods: 39,
        customers: {
          frequency: Float64Array.from(customers, (c) => c.frequency),
          recency: Float64Array.from(customers, (c) => c.recency),
          age: Float64Array.from(customers, (c) => c.age),
        },
      });
      expect(fromColumns).toEqual(fromRecords);
      for (const k of [0, 1, 5, 100, 2356]) {
        const one = expectedPurchases({ model: fit, periods: 39, customer: customers[k] as (typeof customers)[0] });
        expect(fromRecords[k]).toBe(one);
      }
    });

    it('scores a base with more distinct ages than it caches', () => {
      const customers = Array.from({ length: 5000 }, (_, i) => ({
        frequency: i % 4,
        recency: i % 4 === 0 ? 0 : 1,
        age: 2 + i / 1000,
      }));
      const all = expectedPurchases({ model: published, periods: 10, customers });
      for (const k of [0, 4095, 4096, 4999]) {
        expect(all[k]).toBe(
          expectedPurchases({ model: published, periods: 10, customer: customers[k] as (typeof customers)[0] }),
        );
      }
    });
  });

  describe('validation', () => {
    const customer = { frequency: 1, recency: 2, age: 3 };
    it('names an unknown model kind or a bad parameter', () => {
      expectMetricError(
        () => expectedPurchases({ model: { ...published, model: 'nbd' }, periods: 1 }),
        'INVALID_INPUT',
        ['model', 'model'],
      );
      expectMetricError(() => expectedPurchases({ model: { ...published, r: -1 }, periods: 1 }), 'INVALID_INPUT', [
        'model',
        'r',
      ]);
      expectMetricError(
        () => expectedPurchases({ model: { model: 'bg-nbd', r: 1, alpha: 1, a: 1 }, periods: 1 }),
        'INVALID_INPUT',
        ['model', 'b'],
      );
    });

    it('refuses a bad horizon, a bad customer, both customer and customers', () => {
      expectMetricError(() => expectedPurchases({ model: published, periods: -1 }), 'INVALID_INPUT', ['periods']);
      expectMetricError(() => expectedPurchases({ model: published, periods: Number.NaN }), 'INVALID_INPUT', [
        'periods',
      ]);
      expectMetricError(
        () => expectedPurchases({ model: published, periods: 1, customer: { frequency: 1, recency: 4, age: 3 } }),
        'INVALID_INPUT',
        ['customer', 'recency'],
      );
      expectMetricError(
        () =>
          expectedPurchases({
            model: published,
            periods: 1,
            customers: [customer, { frequency: -1, recency: 0, age: 1 }],
          }),
        'INVALID_INPUT',
        ['customers', 1, 'frequency'],
      );
      expectMetricError(
        () => expectedPurchases({ model: published, periods: 1, customer, customers: [customer] }),
        'INVALID_INPUT',
        ['customers'],
      );
      expectMetricError(() => expectedPurchases({ model: published, periods: 1, customers: [] }), 'NO_DATA', [
        'customers',
      ]);
      expectMetricError(
        () => expectedPurchases({ model: published, periods: 1, extra: 1 } as never),
        'INVALID_INPUT',
        [],
      );
    });
  });

  it('checks its usual input by hand exactly as the schema does', () => {
    // The fast path must accept only what the schema accepts, and hand everything else to it.
    expect(expectedPurchases({ model: published, periods: -0 })).toBe(0);
    expect(expectedPurchases({ model: published, periods: 78 }, {})).toBeCloseTo(1.861, 3);
    const inherited = Object.assign(Object.create({ extra: 1 }), { model: published, periods: 1 });
    expectMetricError(() => expectedPurchases(inherited), 'INVALID_INPUT', [], "unknown key 'extra'");
    expectMetricError(() => expectedPurchases([] as never), 'INVALID_INPUT', []);
    for (const periods of [Number.POSITIVE_INFINITY, '1', null, undefined]) {
      expectMetricError(() => expectedPurchases({ model: published, periods } as never), 'INVALID_INPUT', ['periods']);
    }
    expectMetricError(() => expectedPurchases({ periods: 1 } as never), 'INVALID_INPUT', ['model']);
    expectMetricError(
      () => expectedPurchases({ model: published, periods: 1 }, { periods: 1 } as never),
      'INVALID_INPUT',
      [],
      'belongs in the input',
    );
  });

  it('does not mutate input', () => {
    const input = Object.freeze({
      model: Object.freeze({ ...published }),
      periods: 39,
      customers: Object.freeze(
        cdnowSummary()
          .slice(0, 50)
          .map((c) => Object.freeze(c)),
      ),
    });
    const before = JSON.stringify(input);
    expectedPurchases(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
