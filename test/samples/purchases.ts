import type { FamilySamples } from '../support/types.js';

const customers = [
  { frequency: 0, recency: 0, age: 40 },
  { frequency: 1, recency: 2, age: 40 },
  { frequency: 1, recency: 30, age: 40 },
  { frequency: 2, recency: 35, age: 40 },
  { frequency: 3, recency: 12, age: 40 },
  { frequency: 6, recency: 20, age: 40 },
];

const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

export const purchases: FamilySamples = {
  names: ['expectedPurchases', 'fitBetaGeometricNbd', 'probabilityAlive', 'purchaseCountProbability'],
  samples: {
    expectedPurchases: [
      [{ model, periods: 39 }],
      [{ model, periods: 39, customer: { frequency: 2, recency: 30.43, age: 38.86 } }],
      [{ model, periods: 10, customers }],
    ],
    probabilityAlive: [
      [{ model, customer: { frequency: 2, recency: 30.43, age: 38.86 } }],
      [{ model, customers: { frequency: [0, 2], recency: [0, 5], age: [9, 9] } }],
    ],
    purchaseCountProbability: [[{ model, purchases: 2, periods: 39 }]],
    fitBetaGeometricNbd: [
      [{ customers }],
      [{ customers: { frequency: [0, 2, 5], recency: [0, 10, 30], age: [40, 40, 40] } }, { maxIterations: 50 }],
    ],
  },
};
