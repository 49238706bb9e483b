import type { FamilySamples } from '../support/types.js';

export const stats: FamilySamples = {
  names: ['adjustPValues', 'compareProportions', 'wilsonInterval'],
  samples: {
    adjustPValues: [[[0.01, 0.04, 0.03]], [new Float64Array([0.2, 0.01]), { method: 'bonferroni' }]],
    compareProportions: [
      [{ a: { successes: 56, trials: 70 }, b: { successes: 48, trials: 80 } }],
      [{ a: { successes: 0, trials: 10 }, b: { successes: 0, trials: 20 } }, { confidence: 0.9 }],
    ],
    wilsonInterval: [[{ successes: 30, trials: 50 }], [{ successes: 0, trials: 7 }, { confidence: 0.99 }]],
  },
};
