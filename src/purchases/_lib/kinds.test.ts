// Every purchase-count model's conditional expectation is the product of its two factors, which
// predictCustomerValue computes apart (once per distinct (x, T) and once per distinct history).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readModel } from './registry.js';

const parameter = fc.double({ min: 0.05, max: 20, noNaN: true });
const models = {
  'bg-nbd': fc.record({ r: parameter, alpha: parameter, a: parameter, b: parameter }),
  'pareto-nbd': fc.record({ r: parameter, alpha: parameter, s: parameter, beta: parameter }),
  'bg-bb': fc.record({ alpha: parameter, beta: parameter, gamma: parameter, delta: parameter }),
};

/** A history valid for both time scales: whole opportunities for BG/BB, any times for the others. */
const history = (discrete: boolean) =>
  fc
    .record({
      frequency: fc.integer({ min: 0, max: 40 }),
      last: fc.double({ min: 0.01, max: 1, noNaN: true }),
      age: fc.double({ min: 1, max: 60, noNaN: true }),
    })
    .map(({ frequency, last, age }) => {
      const T = discrete ? Math.max(frequency, Math.ceil(age)) : age;
      const lastAt = discrete ? Math.max(frequency, Math.ceil(last * T)) : last * T;
      return { frequency, recency: frequency === 0 ? 0 : lastAt, age: T };
    });

describe('the purchase-count models', () => {
  for (const [name, parameters] of Object.entries(models)) {
    it(`${name}: E[Y(t) | history] = E[Y(t) | alive at T, x, T] · P(alive at T | history)`, () => {
      const discrete = name === 'bg-bb';
      const horizon = discrete ? fc.integer({ min: 0, max: 50 }) : fc.double({ min: 0, max: 100, noNaN: true });
      fc.assert(
        fc.property(parameters, history(discrete), horizon, (p, customer, t) => {
          const { kind, parameters: values } = readModel('test', { model: name, ...p });
          const whole = kind.conditionalExpected(values, t, customer);
          const parts =
            kind.expectedIfAlive(values, t, customer.frequency, customer.age) * kind.aliveAtEnd(values, customer);
          expect(Math.abs(parts - whole)).toBeLessThanOrEqual(1e-13 * Math.abs(whole) + 1e-300);
          const alive = kind.aliveAtEnd(values, customer);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
        }),
      );
    });
  }
});
