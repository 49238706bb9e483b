import type { FamilySamples } from '../support/types.js';

export const value: FamilySamples = {
  names: [
    'HEALTHY_LTV_TO_CAC_RATIO',
    'cacPaybackPeriod',
    'customerAcquisitionCost',
    'customerLifetimeValue',
    'customerRetentionCost',
    'lifetimeValueFromChurn',
    'ltvToCacRatio',
  ],
  samples: {
    customerLifetimeValue: [
      [{ averagePurchaseValue: 100, purchaseFrequency: 4, customerLifespan: 3, lifespanPeriod: 'year' }],
      [{ averagePurchaseValue: '50.00', purchaseFrequency: '3', customerLifespan: 24 }],
      [
        {
          averagePurchaseValue: '19.99',
          purchaseFrequency: 0.5,
          frequencyPeriod: 'week',
          customerLifespan: '400',
          lifespanPeriod: 'day',
        },
      ],
      [{ averagePurchaseValue: 0, purchaseFrequency: 2, customerLifespan: 1.5, frequencyPeriod: 'quarter' }],
    ],
    lifetimeValueFromChurn: [
      [{ averageRevenuePerAccount: 100, churnRate: 0.05 }],
      [{ averageRevenuePerAccount: '10', churnRate: '0.04', grossMargin: '0.8' }],
      [{ averageRevenuePerAccount: 1234.5, churnRate: 1, grossMargin: 0 }],
    ],
    customerAcquisitionCost: [
      [{ salesAndMarketingCost: 100_000, newCustomers: 1000 }],
      [{ salesAndMarketingCost: '0.30', newCustomers: 3 }],
      [{ salesAndMarketingCost: 0, newCustomers: 7 }],
    ],
    ltvToCacRatio: [
      [{ lifetimeValue: 2000, customerAcquisitionCost: 500 }],
      [{ lifetimeValue: '0.3', customerAcquisitionCost: '0.1' }],
      [{ lifetimeValue: 0, customerAcquisitionCost: 1e-9 }],
    ],
    cacPaybackPeriod: [
      [{ customerAcquisitionCost: 900, averageRevenuePerAccount: 100, grossMargin: 0.75 }],
      [{ customerAcquisitionCost: '100', averageRevenuePerAccount: '50' }],
      [{ customerAcquisitionCost: 0, averageRevenuePerAccount: 1, grossMargin: '1' }],
    ],
    customerRetentionCost: [
      [{ retentionCost: 10_000, customersRetained: 500 }],
      [{ retentionCost: '1000.10', customersRetained: 3 }],
      [{ retentionCost: 0, customersRetained: 1 }],
    ],
  },
};
