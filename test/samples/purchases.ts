import type { FamilySamples } from '../support/types.js';

export const purchases: FamilySamples = {
  names: ['fitParetoNbd'],
  samples: {
    fitParetoNbd: [
      [
        {
          customers: [
            { frequency: 2, recency: 30.43, age: 38.86 },
            { frequency: 1, recency: 1.71, age: 38.86 },
            { frequency: 0, recency: 0, age: 38.86 },
            { frequency: 0, recency: 0, age: 38.86 },
            { frequency: 0, recency: 0, age: 38.86 },
            { frequency: 7, recency: 29.43, age: 38.86 },
            { frequency: 1, recency: 5, age: 38.86 },
          ],
        },
      ],
      [
        {
          frequency: Float64Array.from([2, 1, 0, 0, 0, 7, 1]),
          recency: Float64Array.from([30.43, 1.71, 0, 0, 0, 29.43, 5]),
          age: Float64Array.from([38.86, 38.86, 38.86, 38.86, 38.86, 38.86, 38.86]),
        },
        { maxIterations: 50 },
      ],
    ],
  },
};
