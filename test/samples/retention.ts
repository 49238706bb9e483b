import type { FamilySamples } from '../support/types.js';

export const retention: FamilySamples = {
  names: ['churnRate', 'convertPeriodRate', 'customerChurn', 'renewalRate', 'retentionRate'],
  samples: {
    churnRate: [[{ customersAtStart: 2000, customersLost: 100 }], [{ customersAtStart: 1, customersLost: 0 }]],
    retentionRate: [
      [{ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 }],
      [{ activeCustomers: 100, totalCustomers: 150 }],
      [{ customersAtStart: 5, customersAtEnd: 0, newCustomers: 0 }],
    ],
    convertPeriodRate: [
      [{ rate: 0.05, from: 'month', to: 'year' }],
      [{ rate: '0.4596', from: 'year', to: 'month' }],
      [{ rate: 0.01, from: 'week', to: 'day' }],
      [{ rate: '1', from: 'quarter', to: 'week' }],
    ],
    renewalRate: [[{ renewed: 85, upForRenewal: 100 }], [{ renewed: 0, upForRenewal: 3 }]],
    customerChurn: [
      [
        {
          customers: [
            { id: 'a', start: '2023-11-01', attributes: { plan: 'pro' } },
            { id: 'b', start: '2024-01-10', end: '2024-03-12', attributes: { plan: 'basic' } },
            { id: 'c', start: '2024-02-01', end: '2024-03-20', attributes: { plan: 'pro', region: 'EU' } },
            { id: 'd', start: '2024-03-05' },
          ],
          period: { from: '2024-03-01', to: '2024-04-01' },
        },
        { segmentBy: 'plan', missingSegment: 'group', minimumSegmentSize: 2 },
      ],
      [
        {
          customers: [
            { id: 'a', start: '2023-11-01' },
            { id: 'b', start: '2024-01-10T08:30:00Z', end: null },
            { id: 'c', start: '2024-02-01', end: '2024-03-20' },
            { id: 'd', start: new Date(Date.UTC(2024, 1, 15)) },
            { id: 'e', start: '2024-03-05', end: '2024-03-25T12:00:00+02:00' },
            { id: 'f', start: '2024-03-10' },
          ],
          period: { from: '2024-03-01', to: '2024-04-01' },
        },
      ],
      [
        {
          customers: [
            { id: 1, start: 0, end: 10 },
            { id: 2, start: 0 },
            { id: 3, start: 5, end: 8 },
            { id: 4, start: 2, end: 2 },
          ],
          period: { from: 1, to: 20 },
        },
        { newCustomerChurn: 'exclude' },
      ],
      [
        {
          customers: [{ id: 'x', start: new Date(Date.UTC(2024, 0, 1)), end: new Date(Date.UTC(2024, 5, 1)) }],
          period: { from: new Date(Date.UTC(2024, 2, 1)), to: '2024-06-01' },
        },
        { newCustomerChurn: 'include' },
      ],
    ],
  },
};
