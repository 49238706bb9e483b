import type { FamilySamples } from '../support/types.js';

export const engagement: FamilySamples = {
  names: ['adoptionRate', 'averageSessionDuration', 'stickiness', 'timeToFirstValue'],
  samples: {
    adoptionRate: [[{ adopters: 150, eligibleUsers: 600 }], [{ adopters: 0, eligibleUsers: 1 }]],
    averageSessionDuration: [
      [
        {
          sessions: [
            { start: '2024-03-04T09:00:00Z', end: '2024-03-04T09:12:00Z' },
            { start: new Date('2024-03-04T13:00:00Z'), end: new Date('2024-03-04T13:03:30Z') },
            { start: 1_709_560_800_000, end: 1_709_560_800_000 },
          ],
        },
        { unit: 'second' },
      ],
      [{ totalDuration: 5400, sessionCount: 90 }],
    ],
    stickiness: [
      [{ dailyActiveUsers: 2500, monthlyActiveUsers: 10_000 }],
      [{ dailyActiveUsers: 312.5, monthlyActiveUsers: 1000 }],
      [
        {
          events: [
            { userId: 'ann', at: '2024-03-01T09:00:00Z' },
            { userId: 'ann', at: '2024-03-02T09:00:00Z' },
            { userId: 7, at: new Date('2024-03-02T10:00:00Z') },
            { userId: 8, at: 1_709_251_200_000 },
          ],
        },
        { asOf: '2024-03-02', windowDays: 7 },
      ],
      [
        {
          events: [
            { userId: 'u1', at: '2024-03-01' },
            { userId: 'u2', at: '2024-02-15T12:00:00Z' },
          ],
        },
      ],
    ],
    timeToFirstValue: [
      [
        {
          customers: [
            { startedAt: '2024-01-01', firstValueAt: '2024-01-03' },
            { startedAt: new Date('2024-01-01T00:00:00Z'), firstValueAt: new Date('2024-01-05T12:00:00Z') },
            { startedAt: 1_704_153_600_000, firstValueAt: null },
            { startedAt: '2024-01-10' },
          ],
        },
        { unit: 'hour' },
      ],
      [{ customers: [{ startedAt: '2024-01-10' }] }],
    ],
  },
};
