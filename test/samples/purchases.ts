import type { FamilySamples } from '../support/types.js';

const customers = [
  { frequency: 0, recency: 0, age: 40 },
  { frequency: 1, recency: 2, age: 40 },
  { frequency: 1, recency: 30, age: 40 },
  { frequency: 2, recency: 35, age: 40 },
  { frequency: 3, recency: 12, age: 40 },
  { frequency: 6, recency: 20, age: 40 },
];

export const purchases: FamilySamples = {
  names: ['fitBetaGeometricNbd'],
  samples: {
    fitBetaGeometricNbd: [
      [{ customers }],
      [{ customers: { frequency: [0, 2, 5], recency: [0, 10, 30], age: [40, 40, 40] } }, { maxIterations: 50 }],
    ],
  },
};
