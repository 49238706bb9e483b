import type { FamilySamples } from '../support/types.js';

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
  names: ['expectedMonetaryValue', 'fitBetaGeometricBetaBinomial', 'fitGammaGamma', 'predictCustomerValue'],
  samples: {
    fitBetaGeometricBetaBinomial: [
      [donations],
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
      [{ frequency: [1, 2, 3, 0], monetaryValue: [10, 12.5, '30', 0] }, { maxIterations: 50 }],
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
