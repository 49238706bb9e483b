import type { FamilySamples } from '../support/types.js';

export const support: FamilySamples = {
  names: ['firstContactResolutionRate', 'supportResponseTimes'],
  samples: {
    firstContactResolutionRate: [
      [{ resolvedOnFirstContact: 70, resolved: 100 }],
      [{ resolvedOnFirstContact: 0, resolved: 3 }],
    ],
    supportResponseTimes: [
      [
        {
          tickets: [
            {
              createdAt: '2024-03-04T09:00:00Z',
              firstResponseAt: '2024-03-04T09:30:00Z',
              resolvedAt: '2024-03-04T11:00:00Z',
              attributes: { tier: 'gold' },
            },
            {
              createdAt: '2024-03-04T10:00:00Z',
              firstResponseAt: '2024-03-04T12:00:00Z',
              attributes: { tier: 'free' },
            },
            { createdAt: '2024-03-05', resolvedAt: '2024-03-06', attributes: { tier: 'gold', region: 'EU' } },
          ],
        },
        { segmentBy: 'tier', minimumSegmentSize: 1 },
      ],
      [
        {
          tickets: [
            {
              createdAt: '2024-03-04T09:00:00Z',
              firstResponseAt: '2024-03-04T09:30:00Z',
              resolvedAt: '2024-03-04T11:00:00Z',
            },
            { createdAt: '2024-03-04T10:00:00+01:00', firstResponseAt: '2024-03-04T12:00:00Z' },
            { createdAt: '2024-03-04', resolvedAt: '2024-03-06', firstResponseAt: null },
            { createdAt: '2024-03-05T08:00:00.250Z' },
          ],
        },
        { unit: 'minute' },
      ],
      [
        {
          tickets: [
            { createdAt: new Date('2024-01-01T00:00:00Z'), firstResponseAt: new Date('2024-01-01T04:00:00Z') },
            { createdAt: 1_704_067_200_000, firstResponseAt: 1_704_070_800_000, resolvedAt: 1_704_153_600_000 },
          ],
        },
      ],
      [{ tickets: [{ createdAt: '2024-02-29' }] }, { unit: 'day' }],
    ],
  },
};
