import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../../test/support/cdnowSummary.js';
import { expectedPurchases } from './expectedPurchases.js';
import { fitParetoNbd } from './fitParetoNbd.js';
import { probabilityAlive } from './probabilityAlive.js';
import { purchaseCountProbability } from './purchaseCountProbability.js';

// BTYD's CDNOW estimates, weeks (McCarthy & Wadsworth, "Buy 'Til You Die - A Walkthrough").
const model = { model: 'pareto-nbd', r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 } as const;

describe('predictions of the Pareto/NBD model', () => {
  it("reach BTYD's published figures through the public functions", () => {
    // pnbd.PAlive(params, x = 0, t.x = 0, T.cal = 39) # 0.2941633; pnbd.Expectation(params, t = 52) # 1.473.
    expect(probabilityAlive({ model, customer: { frequency: 0, recency: 0, age: 39 } })).toBeCloseTo(0.2941633, 7);
    expect(expectedPurchases({ model, periods: 52 })).toBeCloseTo(1.473, 3);
  });

  it('score a whole base as they score each customer, from a fit as it is returned', () => {
    const customers = cdnowSummary().slice(0, 200);
    const fit = fitParetoNbd({ customers });
    const alive = probabilityAlive({ model: fit, customers });
    const expected = expectedPurchases({ model: fit, periods: 39, customers });
    customers.forEach((customer, i) => {
      expect(alive[i]).toBe(probabilityAlive({ model: fit, customer }));
      expect(expected[i]).toBe(expectedPurchases({ model: fit, periods: 39, customer }));
    });
  });

  it('give count probabilities that sum to 1 over the counts', () => {
    let total = 0;
    for (let n = 0; n < 200; n++) total += purchaseCountProbability({ model, purchases: n, periods: 39 });
    expect(total).toBeCloseTo(1, 8);
  });
});
