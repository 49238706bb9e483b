import type { FamilySamples } from '../support/types.js';

export const health: FamilySamples = {
  names: ['createHealthScore', 'healthDistribution', 'healthScoreCalibration'],
  samples: {
    createHealthScore: [
      [
        {
          measures: {
            usage: { weight: 30, scale: { kind: 'linear', worst: 0, best: 1 } },
            tickets: { weight: 10, scale: { kind: 'linear', worst: 10, best: 0 } },
            nps: {
              weight: 15,
              scale: {
                kind: 'steps',
                steps: [
                  { from: 0, score: 0 },
                  { from: 7, score: 50 },
                  { from: 9, score: 100 },
                ],
              },
            },
            paying: { weight: 15, scale: { kind: 'boolean' } },
            csm: { weight: 10, scale: { kind: 'score' } },
          },
        },
      ],
      [
        {
          measures: {
            usage: { weight: '0.4', scale: { kind: 'linear', worst: '0', best: '0.75' } },
            logins: { weight: 0.6, scale: { kind: 'steps', steps: [{ from: '1', score: '20' }], below: 5 } },
          },
          bands: { red: '40', yellow: 70 },
          missing: 'neutral',
        },
      ],
      [{ measures: { rating: { weight: 1, scale: { kind: 'score' } } }, missing: 'reject' }],
      [
        {
          measures: { a: { weight: 2, scale: { kind: 'boolean' } }, b: { weight: 0, scale: { kind: 'score' } } },
          missing: 'worst',
        },
      ],
    ],
    healthDistribution: [
      [
        [
          { status: 'red', attributes: { plan: 'pro' } },
          { status: 'yellow', score: 60, attributes: { plan: 'basic' } },
          { status: 'green', attributes: { plan: 'pro', region: 'EU' } },
          { status: 'green' },
        ],
        { segmentBy: 'plan', missingSegment: 'group' },
      ],
      [[{ status: 'red' }, { status: 'yellow', score: 60 }, { status: 'green' }]],
      [['green', 'green', 'red']],
      [{ red: 12, yellow: 30, green: 58 }],
    ],
    healthScoreCalibration: [
      [
        {
          accounts: [
            { score: 30, churned: true },
            { score: 45, churned: false },
            { score: 60, churned: true },
            { score: 80.5, churned: false },
            { score: 90, churned: false },
          ],
        },
        { confidence: 0.9 },
      ],
      [{ scores: new Float64Array([10, 55, 76, 99]), churned: new Uint8Array([1, 0, 1, 0]) }],
      [{ scores: [20, 50, 75, 100], churned: [true, true, false, false] }, { bands: { red: '40', yellow: 70 } }],
    ],
  },
};
