import type { FamilySamples } from '../support/types.js';

const customers = [
  { frequency: 0, recency: 0, age: 40 },
  { frequency: 1, recency: 2, age: 40 },
  { frequency: 1, recency: 30, age: 40 },
  { frequency: 2, recency: 35, age: 40 },
  { frequency: 3, recency: 12, age: 40 },
  { frequency: 6, recency: 20, age: 40 },
];

const model = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

const donations = {
  frequency: [0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6],
  recency: [0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 3, 4, 5, 6, 4, 5, 6, 5, 6, 6],
  opportunities: [6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6],
  count: [
    3464, 1091, 277, 129, 78, 119, 129, 613, 255, 155, 173, 234, 322, 181, 225, 357, 240, 284, 512, 335, 728, 1203,
  ],
};
const bgBb = { model: 'bg-bb', alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const gammaGamma = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 };
const spends = [
  { frequency: 2, monetaryValue: 22.35 },
  { frequency: 1, monetaryValue: '11.77' },
  { frequency: 0, monetaryValue: 0 },
  { frequency: 5, monetaryValue: 47.2 },
  { frequency: 3, monetaryValue: 31.9 },
  { frequency: 1, monetaryValue: 18.5 },
];

export const purchases: FamilySamples = {
  names: [
    'expectedMonetaryValue',
    'fitBetaGeometricBetaBinomial',
    'fitGammaGamma',
    'predictCustomerValue',
    'fitParetoNbd',
    'summarizePurchases',
    'expectedPurchases',
    'fitBetaGeometricNbd',
    'probabilityAlive',
    'purchaseCountProbability',
  ],
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
    expectedPurchases: [
      [{ model, periods: 39 }],
      [{ model, periods: 39, customer: { frequency: 2, recency: 30.43, age: 38.86 } }],
      [{ model, periods: 10, customers }],
    ],
    probabilityAlive: [
      [{ model, customer: { frequency: 2, recency: 30.43, age: 38.86 } }],
      [{ model, customers: { frequency: [0, 2], recency: [0, 5], age: [9, 9] } }],
    ],
    purchaseCountProbability: [[{ model, purchases: 2, periods: 39 }]],
    fitBetaGeometricNbd: [
      [{ customers }],
      [{ customers: { frequency: [0, 2, 5], recency: [0, 10, 30], age: [40, 40, 40] } }, { maxIterations: 50 }],
    ],
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
          customers: {
            frequency: Float64Array.from([2, 1, 0, 0, 0, 7, 1]),
            recency: Float64Array.from([30.43, 1.71, 0, 0, 0, 29.43, 5]),
            age: Float64Array.from([38.86, 38.86, 38.86, 38.86, 38.86, 38.86, 38.86]),
          },
        },
        { maxIterations: 50 },
      ],
    ],
    fitBetaGeometricBetaBinomial: [
      [{ customers: donations }],
      [
        {
          customers: [
            { frequency: 0, recency: 0, opportunities: 6, count: 40 },
            { frequency: 2, recency: 4, opportunities: 6, count: 12 },
            { frequency: 5, recency: 6, opportunities: 6 },
            { frequency: 1, recency: 1, opportunities: 3, count: 9 },
          ],
        },
        { maxIterations: 50 },
      ],
    ],
    fitGammaGamma: [
      [{ customers: spends }],
      [{ customers: { frequency: [1, 2, 3, 0], monetaryValue: [10, 12.5, '30', 0] } }, { maxIterations: 50 }],
    ],
    expectedMonetaryValue: [
      [{ model: gammaGamma, customer: { frequency: 2, monetaryValue: 22.35 } }],
      [{ model: gammaGamma, customers: spends }],
    ],
    predictCustomerValue: [
      [
        {
          purchaseModel: bgBb,
          valueModel: gammaGamma,
          customers: [
            { customerId: 'a', frequency: 4, recency: 6, opportunities: 6, monetaryValue: 50 },
            { frequency: 0, recency: 0, opportunities: 6, monetaryValue: 0, count: 3 },
          ],
          months: 36,
          discountRate: 0.01,
        },
        { unit: 'year' },
      ],
    ],
  },
};
