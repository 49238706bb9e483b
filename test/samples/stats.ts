import type { FamilySamples } from '../support/types.js';

export const stats: FamilySamples = {
  names: ['adjustPValues', 'compareMeans', 'compareProportions', 'requiredSampleSize', 'wilsonInterval'],
  samples: {
    adjustPValues: [[[0.01, 0.04, 0.03]], [new Float64Array([0.2, 0.01]), { method: 'bonferroni' }]],
    compareMeans: [
      [{ a: { values: [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0] }, b: { values: [1.9, 0.8, 1.1, 0.1] } }],
      [
        { a: { count: 120, mean: 4.2, standardDeviation: 1.1 }, b: { values: new Float64Array([3, 4, 5, 4.5]) } },
        { confidence: 0.9 },
      ],
      [{ a: { values: [2, 2] }, b: { count: 3, mean: 1, standardDeviation: 0 } }],
    ],
    compareProportions: [
      [{ a: { successes: 56, trials: 70 }, b: { successes: 48, trials: 80 } }],
      [{ a: { successes: 0, trials: 10 }, b: { successes: 0, trials: 20 } }, { confidence: 0.9 }],
    ],
    requiredSampleSize: [
      [{ marginOfError: 0.05 }],
      [{ marginOfError: '0.03', proportion: 0.2, population: 1000 }, { confidence: 0.99 }],
    ],
    wilsonInterval: [[{ successes: 30, trials: 50 }], [{ successes: 0, trials: 7 }, { confidence: 0.99 }]],
  },
};
