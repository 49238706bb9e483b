import type { FamilySamples } from '../support/types.js';

export const models: FamilySamples = {
  names: [
    'discountedExpectedLifetime',
    'discountedLifetimeValue',
    'fitShiftedBetaGeometric',
    'projectShiftedBetaGeometric',
    'survivalCurve',
  ],
  samples: {
    survivalCurve: [
      [
        {
          observations: [
            { duration: 1, churned: true },
            { duration: 2, churned: false },
            { duration: 3, churned: true },
            { duration: 3, churned: true },
            { duration: 5, churned: false },
          ],
        },
      ],
      [
        {
          observations: [
            { duration: 0.5, churned: true },
            { duration: 12, churned: false },
            { duration: 7.25, churned: true },
          ],
        },
        { confidence: 0.9, interval: 'linear', medianRule: 'first' },
      ],
      [
        { durations: new Float64Array([3, 1, 4, 1, 5, 9, 2, 6]), churned: new Uint8Array([1, 0, 1, 1, 0, 1, 1, 0]) },
        { interval: 'log' },
      ],
      [{ durations: [2, 2, 8, 10], churned: [true, false, true, false] }],
      [
        {
          table: [
            { time: 1, events: 20, censored: 5 },
            { time: 3, events: 10, censored: 0 },
            { time: 1, events: 2, censored: 1 },
          ],
        },
      ],
    ],
    fitShiftedBetaGeometric: [
      [{ survivors: [1000, 631, 468, 382, 326, 289, 262, 241] }],
      [{ survivors: new Uint32Array([1000, 869, 743, 653, 593, 551, 517, 491]) }],
      [{ initial: 500, lost: [150, 70, 40, 25] }],
      [{ survivors: [1000, 500, 250, 125] }],
    ],
    projectShiftedBetaGeometric: [
      [{ alpha: 0.704, beta: 1.182, periods: 12 }],
      [{ alpha: 3.8, beta: 15.2, periods: 3 }],
    ],
    discountedExpectedLifetime: [
      [{ alpha: 0.668, beta: 3.806, discountRate: 0.1 }],
      [{ alpha: 0.704, beta: 1.182, discountRate: '0.12', renewals: 4 }],
      [{ alpha: 2.5, beta: 4, discountRate: 0 }],
    ],
    discountedLifetimeValue: [
      [{ alpha: 0.668, beta: 3.806, discountRate: 0.1, margin: 100 }],
      [{ alpha: 0.704, beta: 1.182, discountRate: '0.01', renewals: 2, margin: '49.99' }],
      [{ alpha: 1.5, beta: 0.5, discountRate: 0, margin: -20 }],
    ],
  },
};
