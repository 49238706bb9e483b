import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedMonetaryValue } from './expectedMonetaryValue.js';
import { expectedPurchases } from './expectedPurchases.js';
import { predictCustomerValue } from './predictCustomerValue.js';

const purchaseModel = fc.record({
  model: fc.constant('bg-bb' as const),
  alpha: fc.double({ min: 0.05, max: 20, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 20, noNaN: true }),
  gamma: fc.double({ min: 0.05, max: 20, noNaN: true }),
  delta: fc.double({ min: 0.05, max: 20, noNaN: true }),
});
const valueModel = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
const customer = fc
  .record({
    n: fc.integer({ min: 1, max: 30 }),
    t: fc.nat(),
    x: fc.nat(),
    monetaryValue: fc.double({ min: 1, max: 500, noNaN: true }),
    count: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ n, t, x, monetaryValue, count }) => {
    const recency = t % (n + 1);
    return { frequency: recency === 0 ? 0 : 1 + (x % recency), recency, opportunities: n, monetaryValue, count };
  });
const unit = fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const);

describe('predictCustomerValue properties', () => {
  it('is non-negative, grows with the horizon, falls with the discount rate, and totals by count', () => {
    fc.assert(
      fc.property(
        purchaseModel,
        fc.array(customer, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 48 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        unit,
        (model, customers, months, discountRate, u) => {
          const run = (m: number, d: number) =>
            predictCustomerValue(
              { purchaseModel: model, valueModel, customers, months: m, discountRate: d },
              { unit: u },
            );
          const base = run(months, discountRate);
          const longer = run(months + 12, discountRate);
          const dearer = run(months, discountRate + 0.05);
          const undiscounted = run(months, 0);
          let total = 0;
          base.customers.forEach((entry, i) => {
            const tolerance = 1e-9 * Math.max(1, entry.value);
            expect(entry.value).toBeGreaterThanOrEqual(0);
            expect(longer.customers[i]?.value).toBeGreaterThanOrEqual(entry.value - tolerance);
            expect(dearer.customers[i]?.value).toBeLessThanOrEqual(entry.value + tolerance);
            const plain = undiscounted.customers[i];
            expect(plain?.value).toBeCloseTo((plain?.purchases as number) * (plain?.monetaryValue as number), 8);
            total += (customers[i]?.count as number) * entry.value;
          });
          expect(base.total).toBeCloseTo(total, 8);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is the discounted monthly increments of expectedPurchases times expectedMonetaryValue (BG/NBD, Pareto/NBD)', () => {
    const parameter = fc.double({ min: 0.1, max: 10, noNaN: true });
    const countModel = fc.oneof(
      fc.record({ r: parameter, alpha: parameter, a: parameter, b: parameter }).map((p) => ({ model: 'bg-nbd', ...p })),
      fc
        .record({ r: parameter, alpha: parameter, s: parameter, beta: parameter })
        .map((p) => ({ model: 'pareto-nbd', ...p })),
    );
    const history = fc
      .record({
        frequency: fc.integer({ min: 0, max: 30 }),
        last: fc.double({ min: 0.05, max: 1, noNaN: true }),
        age: fc.integer({ min: 1, max: 60 }),
        monetaryValue: fc.double({ min: 1, max: 500, noNaN: true }),
      })
      .map(({ frequency, last, age, monetaryValue }) => ({
        frequency,
        recency: frequency === 0 ? 0 : last * age,
        age,
        monetaryValue: frequency === 0 ? 0 : monetaryValue,
      }));
    fc.assert(
      fc.property(
        countModel,
        // Repeated histories exercise the shared forecasts.
        fc.array(history, { minLength: 1, maxLength: 4 }).map((list) => [...list, ...list]),
        fc.integer({ min: 1, max: 30 }),
        (model, customers, months) => {
          const result = predictCustomerValue(
            { purchaseModel: model, valueModel, customers, months, discountRate: 0.01 },
            { unit: 'week' },
          );
          customers.forEach((customer, i) => {
            const history = { frequency: customer.frequency, recency: customer.recency, age: customer.age };
            let expected = 0;
            let previous = 0;
            for (let m = 1; m <= months; m++) {
              const now = expectedPurchases({ model, periods: (m * 52) / 12, customer: history });
              expected += (now - previous) / 1.01 ** m;
              previous = now;
            }
            const spend = expectedMonetaryValue({ model: valueModel, customer });
            const entry = result.customers[i];
            expect(Math.abs((entry?.value as number) - expected * spend)).toBeLessThanOrEqual(
              1e-12 * expected * spend + 1e-300,
            );
            expect(Math.abs((entry?.purchases as number) - previous)).toBeLessThanOrEqual(1e-12 * previous + 1e-300);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
