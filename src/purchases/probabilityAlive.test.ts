import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../../test/support/cdnowSummary.js';
import { expectMetricError } from '../../test/support/errors.js';
import { probabilityAlive } from './probabilityAlive.js';

const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;

describe('probabilityAlive', () => {
  describe('worked examples', () => {
    it('is eq. 10’s denominator inverted', () => {
      // Customer 1 of CDNOW: 1/(1 + a/(b + 1) · ((α + 38.86)/(α + 30.43))^(r + 2)).
      const direct = 1 / (1 + (0.793 / (2.426 + 1)) * ((4.414 + 38.86) / (4.414 + 30.43)) ** 2.243);
      expect(probabilityAlive({ model, customer: { frequency: 2, recency: 30.43, age: 38.86 } })).toBeCloseTo(
        direct,
        14,
      );
    });

    it('is 1 without repeat purchases (lifetimes: conditional_probability_alive(0, …) == 1)', () => {
      expect(probabilityAlive({ model, customer: { frequency: 0, recency: 0, age: 38.86 } })).toBe(1);
    });
  });

  describe('edge cases', () => {
    it('never overflows: 500 purchases, the last 4 700 days ago', () => {
      const p = probabilityAlive({
        model: { ...model, alpha: 31 },
        customer: { frequency: 500, recency: 300, age: 5000 },
      });
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(1e-100);
      const active = probabilityAlive({
        model: { ...model, alpha: 31 },
        customer: { frequency: 500, recency: 4999, age: 5000 },
      });
      expect(active).toBeGreaterThan(0.99);
    });

    it('scores a base: columns and records give each customer’s own probability', () => {
      const customers = cdnowSummary();
      const all = probabilityAlive({ model, customers });
      const columns = probabilityAlive({
        model,
        customers: {
          frequency: customers.map((c) => c.frequency),
          recency: customers.map((c) => c.recency),
          age: customers.map((c) => c.age),
        },
      });
      expect(columns).toEqual(all);
      customers.forEach((customer, k) => {
        expect(Math.abs((all[k] as number) - probabilityAlive({ model, customer }))).toBeLessThan(1e-14);
      });
    });
  });

  describe('validation', () => {
    it('needs a customer, a known model, a valid history', () => {
      expectMetricError(() => probabilityAlive({ model }), 'INVALID_INPUT', ['customer']);
      expectMetricError(
        () => probabilityAlive({ model: { ...model, model: 'x' }, customer: { frequency: 0, recency: 0, age: 1 } }),
        'INVALID_INPUT',
        ['model', 'model'],
      );
      expectMetricError(
        () => probabilityAlive({ model, customer: { frequency: 2, recency: 0, age: 1 } }),
        'INVALID_INPUT',
        ['customer', 'recency'],
      );
      expectMetricError(
        () => probabilityAlive({ model, customers: { frequency: [0], recency: [0], age: [0] } }),
        'INVALID_INPUT',
        ['customers', 'age', 0],
      );
    });
  });

  it('does not mutate input', () => {
    const frequency = Float64Array.of(1, 0, 4);
    const input = { model, customers: { frequency, recency: [1, 0, 2], age: [2, 3, 4] } };
    const before = JSON.stringify(input);
    probabilityAlive(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
