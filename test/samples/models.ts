import type { FamilySamples } from '../support/types.js';

export const models: FamilySamples = {
  names: [
    'churnRateFromSurvival',
    'compareSurvivalCurves',
    'cumulativeHazard',
    'discountedExpectedLifetime',
    'discountedLifetimeValue',
    'fitProportionalHazards',
    'fitShiftedBetaGeometric',
    'lifetimeObservations',
    'projectShiftedBetaGeometric',
    'restrictedMeanSurvival',
    'survivalAt',
    'survivalCurve',
    'survivorsByPeriod',
  ],
  samples: {
    compareSurvivalCurves: [
      [
        {
          groups: {
            onboarded: [
              { duration: 6, churned: true },
              { duration: 9, churned: false, entry: 2 },
              { duration: 12, churned: true, attributes: { plan: 'pro' } },
            ],
            'self-serve': [
              { duration: 2, churned: true },
              { duration: 3, churned: true },
              { duration: 5, churned: false },
            ],
          },
        },
      ],
      [
        {
          groups: {
            a: [
              { duration: 1, churned: true },
              { duration: 4, churned: true },
            ],
            b: [
              { duration: 2, churned: true },
              { duration: 6, churned: false },
            ],
            c: [
              { duration: 3, churned: true },
              { duration: 5, churned: true },
            ],
          },
        },
        { weights: 'wilcoxon' },
      ],
      [
        {
          groups: {
            a: [
              { duration: 1, churned: true },
              { duration: 8, churned: false },
            ],
            b: [
              { duration: 2, churned: true },
              { duration: 3, churned: true },
            ],
          },
        },
        { weights: { flemingHarrington: [1, 1] } },
      ],
      [
        {
          groups: {
            a: [{ duration: 4, churned: true }],
            b: [{ duration: 4, churned: true }],
          },
        },
        { weights: 'tarone-ware' },
      ],
    ],
    cumulativeHazard: [
      [
        {
          observations: [
            { duration: 1, churned: true },
            { duration: 2, churned: false },
            { duration: 3, churned: true, entry: 1 },
            { duration: 3, churned: true },
            { duration: 5, churned: false },
          ],
        },
      ],
      [{ observations: [{ duration: 2, churned: false }] }, { confidence: 0.9 }],
      [
        {
          observations: [
            { duration: 1, churned: true },
            { duration: 4, churned: false, entry: 1 },
            { duration: 4, churned: true },
          ],
        },
        { columns: true },
      ],
    ],
    restrictedMeanSurvival: [
      [
        {
          observations: [
            { duration: 1, churned: true },
            { duration: 2, churned: false },
            { duration: 3, churned: true },
            { duration: 3, churned: true, entry: 2 },
            { duration: 5, churned: false },
          ],
        },
        { horizon: 4 },
      ],
      [{ observations: [{ duration: 3, churned: true }] }, { horizon: 12, confidence: 0.8 }],
    ],
    lifetimeObservations: [
      [
        {
          customers: [
            { id: 'a', start: '2024-01-01', end: '2024-03-01' },
            { id: 'b', start: '2024-01-01' },
            { id: 'c', start: '2024-02-01T12:00:00Z', end: '2025-01-01' },
            { id: 'd', start: '2025-01-01' },
          ],
        },
        { asOf: '2024-12-31', unit: 'day' },
      ],
      [
        {
          customers: [
            { id: 1, start: Date.UTC(2023, 0, 5), end: null },
            { id: 2, start: new Date(Date.UTC(2023, 5, 1)), end: '2024-06-01' },
          ],
        },
        { asOf: new Date(Date.UTC(2024, 11, 31)) },
      ],
    ],
    survivorsByPeriod: [
      [
        {
          customers: [
            { id: 1, start: '2024-01-01', end: '2024-01-20' },
            { id: 2, start: '2024-01-03', end: '2024-03-01' },
            { id: 3, start: '2024-01-10' },
            { id: 4, start: '2024-01-15', end: '2024-05-01' },
            { id: 5, start: '2024-02-10' },
          ],
        },
        { from: '2024-01-01', to: '2024-02-01', asOf: '2024-05-01' },
      ],
      [
        {
          customers: [
            { id: 'x', start: '2024-03-04', end: '2024-03-20' },
            { id: 'y', start: '2024-03-05' },
          ],
        },
        { from: '2024-03-04', to: '2024-03-11', asOf: '2024-06-01', unit: 'week', periods: 4 },
      ],
    ],
    survivalAt: [
      [
        {
          points: [
            { time: 1, survival: 0.8 },
            { time: 3, survival: 0.5 },
          ],
        },
        { time: 2 },
      ],
      [
        {
          points: [
            { time: 0, atRisk: 4, events: 1, censored: 0, survival: 0.75, standardError: 0.2, low: 0.3, high: 0.9 },
          ],
        },
        { time: 0 },
      ],
    ],
    churnRateFromSurvival: [
      [{ survival: 0.7, periods: 12 }],
      [{ survival: 0, periods: 0.5 }],
      [
        {
          points: [
            { time: 3, survival: 0.9 },
            { time: 10, survival: 0.7 },
          ],
          periods: 12,
        },
      ],
    ],
    survivalCurve: [
      [
        {
          observations: [
            { duration: 2, churned: true, attributes: { plan: 'basic' } },
            { duration: 6, churned: false, entry: 1, attributes: { plan: 'pro' } },
            { duration: 5, churned: true, attributes: { plan: 'pro' } },
            { duration: 4, churned: false },
          ],
        },
        { segmentBy: 'plan', missingSegment: 'group', minimumSegmentSize: 2, compare: { weights: 'wilcoxon' } },
      ],
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
      // Times near the top of the double range: the median's midpoint must not overflow.
      [{ durations: [1.6e308, 1.6e308, 1.7e308, 1.7e308], churned: [1, 1, 1, 1] }],
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
    fitProportionalHazards: [
      [
        {
          observations: [
            { duration: 2, churned: true, covariates: { seats: 1, annual: 0 } },
            { duration: 3, churned: true, covariates: { seats: 3, annual: 1 } },
            { duration: 5, churned: false, covariates: { seats: 2, annual: 0 }, entry: 1 },
            { duration: 6, churned: true, covariates: { seats: 4, annual: 0 } },
            { duration: 8, churned: false, covariates: { seats: 5, annual: 1 } },
            { duration: 9, churned: true, covariates: { seats: 2, annual: 1 } },
            { duration: 9, churned: false, covariates: { seats: 1, annual: 0 } },
          ],
        },
        { ties: 'breslow', confidence: 0.9 },
      ],
      [
        {
          duration: new Float64Array([1, 2, 2, 4, 5, 7]),
          churned: new Uint8Array([1, 0, 1, 1, 0, 1]),
          covariates: { usage: new Float64Array([0.2, 0.9, 0.4, 0.5, 0.8, 0.3]) },
          entry: [0, 0, 1, 0, 2, 0],
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
      // The smallest α and β: β + t − 1 must keep β.
      [{ alpha: 1e-10, beta: 1e-10, periods: 4 }],
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
