import type { FamilySamples } from '../support/types.js';

const records = [
  { customerId: 'a', amount: 90, interval: 'quarter', start: '2024-01-15', end: '2024-09-01' },
  { customerId: 'a', amount: '19.99', quantity: 3, start: '2024-03-01T00:00:00Z', status: 'past_due' },
  {
    customerId: 'b',
    amount: 1200,
    interval: 'year',
    discount: { percent: 0.1 },
    start: new Date(Date.UTC(2023, 5, 1)),
    attributes: { plan: 'annual', country: 'DE' },
  },
  {
    customerId: 'c',
    amount: '12.50',
    interval: 'week',
    intervalCount: 2,
    discount: { amount: '5' },
    start: 1704067200000,
    trialStart: '2023-12-18',
  },
  { customerId: 'd', amount: 49, status: 'trialing', start: '2024-02-01' },
  { customerId: 'e', amount: 30, status: 'canceled', start: '2023-11-01', end: '2024-04-10' },
  { customerId: 'f', amount: 10, interval: 'day', status: 'paused', start: '2024-01-01' },
];

const delinquent = [
  ...records,
  { customerId: 'g', amount: 25, start: '2024-01-01', status: 'past_due', pastDueSince: '2024-02-20' },
  { customerId: 'h', amount: '40.00', start: '2023-12-01', end: '2024-03-10', endReason: 'delinquent' },
  { customerId: 'a', amount: 5, start: '2024-01-01', end: new Date(Date.UTC(2024, 4, 1)), endReason: 'voluntary' },
];

const currencies = [
  { customerId: 'a', amount: 100, currency: 'EUR', start: '2024-01-01' },
  { customerId: 'b', amount: '80.00', currency: 'GBP', start: '2024-02-01' },
  { customerId: 'c', amount: 10, start: '2024-01-01' },
];

const scheduled = [
  ...records,
  { customerId: 'g', amount: 40, start: '2024-01-01', cancelAt: '2024-05-01' },
  { customerId: 'a', amount: '15.50', start: '2024-02-01T12:00:00Z', cancelAt: new Date(Date.UTC(2024, 3, 20)) },
  { customerId: 'h', amount: 100, currency: 'EUR', start: 1704067200000, cancelAt: 1717200000000 },
];

const trials = [
  { customerId: 'a', start: '2024-05-02', end: '2024-05-16', convertedAt: '2024-05-16' },
  { customerId: 'b', start: '2024-05-10T08:30:00Z', end: '2024-05-24T08:30:00Z', convertedAt: null },
  { customerId: 'c', start: new Date(Date.UTC(2024, 4, 20)), convertedAt: '2024-07-15' },
  { customerId: 'c', start: 1716854400000 },
  { customerId: 'e', start: '2024-06-03', end: null },
];

const invoiceLines = [
  { customerId: 'a', amount: 120, tax: '20.00', periodStart: '2024-01-15', periodEnd: '2024-02-15' },
  { customerId: 'a', amount: '30.5', kind: 'usage', periodStart: '2024-01-15', periodEnd: '2024-02-15' },
  {
    customerId: 'b',
    amount: 25,
    periodStart: new Date(Date.UTC(2024, 2, 16)),
    periodEnd: 1711929600000,
    fullPeriod: { interval: 'month' },
    attributes: { plan: 'pro' },
  },
  { customerId: 'b', amount: 1200, periodStart: '2024-04-01', periodEnd: '2025-04-01', invoicedAt: '2024-03-28' },
  { customerId: 'c', amount: 49, kind: 'one-off', periodStart: '2024-02-03', periodEnd: '2024-02-03' },
  {
    customerId: 'c',
    amount: 10,
    tax: 1,
    periodStart: '2024-02-03T10:00:00Z',
    periodEnd: '2024-03-10',
    fullPeriod: { interval: 'week', intervalCount: 6 },
  },
];

const invoiceCurrencies = [
  { customerId: 'a', amount: 100, currency: 'EUR', periodStart: '2024-01-01', periodEnd: '2024-02-01' },
  { customerId: 'b', amount: '80.00', currency: 'GBP', periodStart: '2024-01-10', periodEnd: '2024-02-10' },
  { customerId: 'c', amount: 10, periodStart: '2024-01-01', periodEnd: '2024-03-01', kind: 'usage' },
];

export const revenue: FamilySamples = {
  names: [
    'annualRecurringRevenue',
    'annualRecurringRevenuePerCsm',
    'averageRevenuePerAccount',
    'committedRecurringRevenue',
    'grossRevenueRetention',
    'invoiceRevenueSeries',
    'monthlyAmount',
    'monthlyRecurringRevenue',
    'netRevenueRetention',
    'quickRatio',
    'recurringRevenueSeries',
    'revenueChurnRate',
    'revenueCohorts',
    'revenueMovements',
    'segmentedRevenueSeries',
    'trialConversion',
  ],
  samples: {
    monthlyAmount: [
      [{ amount: 90, interval: 'quarter' }],
      [{ amount: '2000', interval: 'year' }, { rounding: { places: 2, mode: 'halfUp' } }],
      [
        { amount: 12, interval: 'week', intervalCount: 2, quantity: 3, discount: { amount: '6' } },
        { weeklyFactor: '4.33' },
      ],
      [
        { amount: 10, interval: 'day', discount: { percent: '0.5' } },
        { dailyFactor: '30', discounts: 'ignore' },
      ],
    ],
    monthlyRecurringRevenue: [
      [{ subscriptions: records }],
      [{ subscriptions: records }, { asOf: '2024-03-15', countTrialing: true, countPaused: true, countPastDue: false }],
      [
        { subscriptions: records },
        { asOf: new Date(Date.UTC(2024, 5, 30)), rounding: { places: 2 }, weeklyFactor: '4' },
      ],
      [{ subscriptions: currencies }, { currency: 'USD', exchangeRates: { EUR: '1.0837', GBP: 1.27 } }],
      [{ subscriptions: delinquent }, { asOf: '2024-03-25', pastDueGraceDays: 30 }],
      [{ subscriptions: [] }],
      [{ customers: 500, averageRevenuePerAccount: 200 }],
      [{ customers: 3, averageRevenuePerAccount: '19.99' }],
    ],
    annualRecurringRevenue: [[{ monthlyRecurringRevenue: 100000 }], [{ monthlyRecurringRevenue: '166.67' }]],
    averageRevenuePerAccount: [[{ revenue: 100000, customers: 500 }], [{ revenue: '15.00', customers: 4 }]],
    quickRatio: [
      [{ newMrr: 20000, expansionMrr: 8000, contractionMrr: 3000, churnedMrr: 5000 }],
      [{ newMrr: '300', expansionMrr: 100, reactivationMrr: 100, contractionMrr: 50, churnedMrr: '50' }],
    ],
    annualRecurringRevenuePerCsm: [
      [{ annualRecurringRevenue: 6000000, csms: 4 }],
      [{ annualRecurringRevenue: '1000000', csms: '2.5' }],
    ],
    revenueMovements: [
      [
        {
          previous: [
            { customerId: 'a', mrr: 100 },
            { customerId: 'b', mrr: '50.00' },
            { customerId: 'c', mrr: 30 },
          ],
          current: [
            { customerId: 'a', mrr: 80 },
            { customerId: 'a', mrr: 40 },
            { customerId: 'c', mrr: '10.5' },
            { customerId: 'd', mrr: 25 },
            { customerId: 'e', mrr: 15 },
          ],
          formerCustomers: ['e'],
          delinquentCustomers: ['b', 'c'],
        },
      ],
      [{ previous: [{ customerId: 'x', mrr: 8.333333333333334 }], current: [] }, { customers: false }],
    ],
    netRevenueRetention: [
      [{ startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 }],
      [{ startingMrr: '1000', expansionMrr: 250, contractionMrr: 30, churnedMrr: 20, reactivationMrr: 5 }],
      [
        {
          cohort: [
            { customerId: 'a', startingMrr: 100, endingMrr: 150 },
            { customerId: 'b', startingMrr: '100', endingMrr: 0 },
            { customerId: 'a', startingMrr: 20, endingMrr: '0.01' },
          ],
        },
      ],
    ],
    grossRevenueRetention: [
      [{ startingMrr: 100, expansionMrr: 10, contractionMrr: 10, churnedMrr: 10 }],
      [
        {
          cohort: [
            { customerId: 'a', startingMrr: 100, endingMrr: 150 },
            { customerId: 'b', startingMrr: 100, endingMrr: '60' },
          ],
        },
      ],
    ],
    revenueChurnRate: [
      [{ startingMrr: 100, churnedMrr: 10, contractionMrr: 10, expansionMrr: 10 }],
      [{ startingMrr: '100', churnedMrr: 5, contractionMrr: 0, expansionMrr: 15, reactivationMrr: 1 }, { net: true }],
    ],
    revenueCohorts: [
      [{ subscriptions: records }, { to: '2024-06' }],
      [
        { subscriptions: currencies },
        { asOf: '2024-04-01', currency: 'USD', exchangeRates: { EUR: 1.08, GBP: '1.27' } },
      ],
      [{ subscriptions: delinquent }, { from: '2024-01', to: '2024-12', period: 'quarter', pastDueGraceDays: 45 }],
    ],
    recurringRevenueSeries: [
      [{ subscriptions: records }, { from: '2024-01', to: '2024-06' }],
      [
        { subscriptions: records },
        { from: '2023-10', to: '2024-12', lookback: 3, countTrialing: true, rounding: { places: 2 } },
      ],
      [
        { subscriptions: currencies },
        { from: '2024-01', to: '2024-03', currency: 'USD', exchangeRates: { EUR: 1.08, GBP: '1.27' } },
      ],
      [{ subscriptions: delinquent }, { from: '2024-01', to: '2024-06', lookback: 1, pastDueGraceDays: 0 }],
      [{ subscriptions: delinquent }, { from: '2024-01', to: '2024-12', period: 'quarter', pastDueGraceDays: 45 }],
    ],
    segmentedRevenueSeries: [
      [{ subscriptions: records }, { from: '2024-01', to: '2024-06', segmentBy: 'plan', missingSegment: 'group' }],
      [
        { subscriptions: delinquent },
        { from: '2024-01', to: '2024-12', period: 'quarter', segmentBy: 'country', missingSegment: 'group' },
      ],
    ],
    invoiceRevenueSeries: [
      [{ lines: invoiceLines }, { from: '2024-01', to: '2024-06' }],
      [
        { lines: invoiceLines },
        {
          from: '2023-12',
          to: '2024-12',
          lookback: 2,
          period: 'quarter',
          usage: 'invoice-month',
          rounding: { places: 2 },
        },
      ],
      [{ lines: invoiceLines }, { from: '2024-01', to: '2024-04', usage: 'service-period', period: 'year' }],
      [
        { lines: invoiceCurrencies },
        { from: '2024-01', to: '2024-03', currency: 'USD', exchangeRates: { EUR: 1.08, GBP: '1.27' } },
      ],
    ],
    committedRecurringRevenue: [
      [{ subscriptions: records }, { asOf: '2024-03-15' }],
      [{ subscriptions: scheduled.slice(0, 9) }, { asOf: '2024-03-15', countPaused: true, rounding: { places: 2 } }],
      [
        { subscriptions: scheduled },
        { asOf: new Date(Date.UTC(2024, 3, 1)), currency: 'USD', exchangeRates: { EUR: '1.0837' } },
      ],
      [{ subscriptions: [] }, { asOf: 0 }],
      [{ subscriptions: delinquent }, { asOf: '2024-03-01', pastDueGraceDays: 5 }],
    ],
    trialConversion: [
      [{ trials }, { from: '2024-05-01', to: '2024-06-01' }],
      [{ trials }, { from: '2024-05-01', to: '2024-06-01', asOf: '2024-08-01', within: 30, confidence: 0.9 }],
    ],
  },
};
