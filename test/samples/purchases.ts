import type { FamilySamples } from '../support/types.js';

export const purchases: FamilySamples = {
  names: ['summarizePurchases'],
  samples: {
    summarizePurchases: [
      [
        {
          transactions: [
            { customerId: 'ana', at: '2024-01-03', amount: '20.00' },
            { customerId: 'ana', at: '2024-01-03T18:30:00Z', amount: 5 },
            { customerId: 'ben', at: '2024-02-01', amount: '12.00' },
            { customerId: 'ana', at: '2024-01-17', amount: '30.00' },
            { customerId: 'ana', at: '2024-02-14', amount: 45.5 },
            { customerId: 'ana', at: '2024-03-20', amount: '18.00' },
          ],
        },
        { asOf: '2024-02-28', unit: 'week', holdoutEnd: '2024-03-27' },
      ],
      [
        {
          transactions: [
            { customerId: 7, at: Date.UTC(2023, 0, 5) },
            { customerId: 7, at: new Date(Date.UTC(2023, 5, 1)) },
            { customerId: '7', at: '2023-02-10T09:00:00+01:00' },
            { customerId: 7, at: '2023-03-01' },
            { customerId: 9, at: '2023-12-31' },
          ],
        },
        { asOf: '2023-12-31', unit: 'month' },
      ],
      [
        {
          customerIds: ['a', 'b', 'a', 'c', 'b', 'a'],
          at: new Float64Array([
            Date.UTC(2024, 0, 1),
            Date.UTC(2024, 0, 2),
            Date.UTC(2024, 1, 1),
            Date.UTC(2024, 1, 3),
            Date.UTC(2024, 2, 1),
            Date.UTC(2024, 2, 9),
          ]),
          amounts: new Float64Array([10, 20.5, 12.25, 8, 0, 30]),
        },
        { asOf: '2024-03-01', holdoutEnd: '2024-03-31' },
      ],
      [
        {
          customerIds: new Int32Array([3, 1, 3, 3]),
          at: ['2024-05-01', '2024-05-02', '2024-05-02', '2024-06-10'],
          amounts: ['19.99', '5.00', '29.99', '9.99'],
        },
        { asOf: '2024-06-30', unit: 'day' },
      ],
    ],
  },
};
