import type { FamilySamples } from '../support/types.js';

export const cohort: FamilySamples = {
  names: ['cohortRetention'],
  samples: {
    cohortRetention: [
      [
        {
          customers: [
            { id: 1, start: '2024-01-05', end: '2024-02-10', attributes: { plan: 'pro' } },
            { id: 2, start: '2024-01-20', attributes: { plan: 'basic' } },
            { id: 3, start: '2024-02-03', attributes: { plan: 'pro', region: 'EU' } },
            { id: 4, start: '2024-02-14', end: '2024-03-09', attributes: { plan: 'basic' } },
          ],
        },
        { asOf: '2024-04-01', segmentBy: 'plan' },
      ],
      [
        {
          customers: [
            { id: 1, start: '2024-01-05', end: '2024-02-10' },
            { id: 2, start: '2024-01-20' },
            { id: 3, start: '2024-01-31T23:00:00Z', end: '2024-03-01' },
            { id: 4, start: '2024-02-03', end: null },
            { id: 5, start: new Date(Date.UTC(2024, 1, 14)) },
            { id: 6, start: '2024-03-09', end: '2024-03-09' },
          ],
        },
        { asOf: '2024-04-01' },
      ],
      [
        {
          customers: [
            { id: 'a', start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 20) },
            { id: 'b', start: Date.UTC(2024, 0, 3) },
            { id: 'c', start: Date.UTC(2024, 0, 10), end: Date.UTC(2024, 1, 1) },
          ],
        },
        { period: 'week', asOf: Date.UTC(2024, 1, 5) },
      ],
      [
        {
          customers: [
            { id: 'q1', start: '2023-02-01', end: '2023-11-15' },
            { id: 'q2', start: '2023-05-01' },
            { id: 'q3', start: '2024-01-01', end: '2024-06-30' },
          ],
        },
        { period: 'quarter', asOf: new Date(Date.UTC(2024, 8, 1)) },
      ],
      [{ customers: [] }, { asOf: '2024-01-01' }],
    ],
  },
};
