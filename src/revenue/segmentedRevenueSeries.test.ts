import { describe, expect, it } from 'vitest';
import { MetricError } from '../errors.js';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';
import { segmentedRevenueSeries } from './segmentedRevenueSeries.js';

const segment = (result: ReturnType<typeof segmentedRevenueSeries>, name: string) =>
  result.segments.find((entry) => entry.segment === name)?.rows ?? [];

function failure(call: () => unknown): MetricError {
  try {
    call();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  throw new Error('expected a MetricError');
}

describe('segmentedRevenueSeries', () => {
  describe('worked examples', () => {
    // ChartMogul, "Chart Data", how plan filters affect it: a customer switching from Plan A ($50 MRR) to
    // Plan B ($30 MRR) is $50 of MRR Leaving Segment under the Plan A filter; unfiltered, $20 of contraction.
    const switched = [
      { customerId: 'x', amount: 50, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'Plan A' } },
      { customerId: 'x', amount: 30, start: '2024-02-01', attributes: { plan: 'Plan B' } },
    ];
    const result = segmentedRevenueSeries(
      { subscriptions: switched },
      { from: '2024-01', to: '2024-02', segmentBy: 'plan', lookback: 1 },
    );

    it('a plan switch is leaving one plan and entering the other, contraction in the total', () => {
      const [a, b] = [segment(result, 'Plan A')[1], segment(result, 'Plan B')[1]];
      expect(result.total[1]?.contractionMrr).toBe(20);
      expect(result.total[1]?.churnedMrr).toBe(0);
      expect(result.total[1]?.newMrr).toBe(0);
      expect(a).toMatchObject({ leavingMrr: 50, leavingCustomers: 1, churnedMrr: 0, churnedCustomers: 0, mrr: 0 });
      expect(a?.customerChurnRate).toBe(0);
      expect(b).toMatchObject({ enteringMrr: 30, enteringCustomers: 1, newMrr: 0, newCustomers: 0, mrr: 30 });
      expect(b?.averageSalePrice).toBeNull();
    });

    it('a segment row reconciles with entering and leaving', () => {
      for (const rows of result.segments.map((entry) => entry.rows)) {
        for (const row of rows) {
          expect(
            row.startingMrr +
              row.newMrr +
              row.expansionMrr +
              row.reactivationMrr +
              row.enteringMrr -
              row.contractionMrr -
              row.churnedMrr -
              row.leavingMrr +
              row.fxImpactMrr,
          ).toBe(row.mrr);
        }
      }
    });

    it('counts a customer paying in two segments in each, with its part', () => {
      const both = segmentedRevenueSeries(
        {
          subscriptions: [
            { customerId: 'x', amount: 100, start: '2024-01-01', attributes: { plan: 'seats' } },
            { customerId: 'x', amount: 40, start: '2024-02-01', attributes: { plan: 'storage' } },
            { customerId: 'y', amount: 60, start: '2024-02-01', attributes: { plan: 'storage' } },
          ],
        },
        { from: '2024-01', to: '2024-02', segmentBy: 'plan', lookback: 1 },
      );
      expect(both.total[1]).toMatchObject({ mrr: 200, customers: 2, expansionMrr: 40, newMrr: 60 });
      expect(segment(both, 'storage')[1]).toMatchObject({
        mrr: 100,
        customers: 2,
        enteringMrr: 40,
        newMrr: 60,
        newCustomers: 1,
        averageRevenuePerAccount: 50,
      });
      expect(segment(both, 'seats')[1]).toMatchObject({ mrr: 100, customers: 1, expansionMrr: 0 });
    });

    it('churn and reactivation are the customer’s, in the segments it paid in', () => {
      const result = segmentedRevenueSeries(
        {
          subscriptions: [
            { customerId: 'x', amount: 10, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'a' } },
            { customerId: 'x', amount: 20, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'b' } },
            { customerId: 'x', amount: 5, start: '2024-03-01', attributes: { plan: 'b' } },
            {
              customerId: 'y',
              amount: 7,
              start: '2024-01-01',
              end: '2024-03-01',
              endReason: 'delinquent',
              attributes: { plan: 'a' },
            },
          ],
        },
        { from: '2024-01', to: '2024-03', segmentBy: 'plan', lookback: 1 },
      );
      expect(segment(result, 'a').map((row) => row.churnedMrr)).toEqual([0, 10, 7]);
      expect(segment(result, 'a').map((row) => row.delinquentChurnedMrr)).toEqual([0, 0, 7]);
      expect(segment(result, 'b').map((row) => row.churnedMrr)).toEqual([0, 20, 0]);
      expect(segment(result, 'b').map((row) => row.reactivationMrr)).toEqual([0, 0, 5]);
      expect(segment(result, 'b')[1]?.customerChurnRate).toBe(1);
    });

    it('measures the trailing retention inside the segment', () => {
      const result = segmentedRevenueSeries(
        {
          subscriptions: [
            { customerId: 'x', amount: 100, start: '2024-01-01', end: '2024-03-01', attributes: { plan: 'a' } },
            { customerId: 'x', amount: 150, start: '2024-03-01', attributes: { plan: 'b' } },
            { customerId: 'y', amount: 100, start: '2024-01-01', attributes: { plan: 'a' } },
            { customerId: 'y', amount: 20, start: '2024-03-01', attributes: { plan: 'a' } },
          ],
        },
        { from: '2024-03', to: '2024-03', segmentBy: 'plan', lookback: 2 },
      );
      // Plan a in January: x 100 and y 100; in March x pays in b only, y 120 in a.
      expect(segment(result, 'a')[0]).toMatchObject({ netRevenueRetention: 0.6, grossRevenueRetention: 0.5 });
      expect(segment(result, 'b')[0]?.netRevenueRetention).toBeNull();
      expect(result.total[0]).toMatchObject({ netRevenueRetention: 1.35, grossRevenueRetention: 1 });
    });

    it('sums the months of a quarter, entering and leaving too', () => {
      const quarters = segmentedRevenueSeries(
        {
          subscriptions: [
            { customerId: 'x', amount: 50, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'a' } },
            { customerId: 'x', amount: 30, start: '2024-02-01', end: '2024-03-01', attributes: { plan: 'b' } },
            { customerId: 'x', amount: 40, start: '2024-03-01', attributes: { plan: 'a' } },
          ],
        },
        { from: '2024-01', to: '2024-06', segmentBy: 'plan', period: 'quarter', lookback: 1 },
      );
      expect(segment(quarters, 'a')[0]).toMatchObject({ newMrr: 50, leavingMrr: 50, enteringMrr: 40, mrr: 40 });
      expect(segment(quarters, 'a')[0]).toMatchObject({ enteringCustomers: 1, leavingCustomers: 1 });
      expect(segment(quarters, 'b')[0]).toMatchObject({ enteringMrr: 30, leavingMrr: 30, mrr: 0 });
    });

    it('counts the trials of each segment', () => {
      const result = segmentedRevenueSeries(
        {
          subscriptions: [
            { customerId: 'x', amount: 10, trialStart: '2024-01-05', start: '2024-01-20', attributes: { plan: 'a' } },
            { customerId: 'y', amount: 10, trialStart: '2024-01-10', start: '2024-02-10', attributes: { plan: 'b' } },
          ],
        },
        { from: '2024-01', to: '2024-02', segmentBy: 'plan' },
      );
      expect(segment(result, 'a').map((row) => [row.trialsStarted, row.trialsConverted])).toEqual([
        [1, 1],
        [0, 0],
      ]);
      expect(segment(result, 'b').map((row) => [row.trialsStarted, row.trialsConverted])).toEqual([
        [1, 0],
        [0, 1],
      ]);
    });

    it('revalues a segment at dated rates, apart from the moves between segments', () => {
      const result = segmentedRevenueSeries(
        {
          subscriptions: [
            { customerId: 'x', amount: 100, currency: 'EUR', start: '2024-01-01', attributes: { region: 'eu' } },
            { customerId: 'x', amount: 10, start: '2024-01-01', end: '2024-02-01', attributes: { region: 'us' } },
          ],
        },
        {
          from: '2024-01',
          to: '2024-02',
          segmentBy: 'region',
          lookback: 1,
          currency: 'USD',
          exchangeRates: {
            EUR: [
              { from: '2024-01-01', rate: '1.10' },
              { from: '2024-02-10', rate: '1.20' },
            ],
          },
        },
      );
      expect(segment(result, 'eu')[1]).toMatchObject({ fxImpactMrr: 10, mrr: 120, expansionMrr: 0 });
      expect(segment(result, 'us')[1]).toMatchObject({ leavingMrr: 10, churnedMrr: 0, mrr: 0 });
      expect(result.total[1]).toMatchObject({ fxImpactMrr: 10, contractionMrr: 10, mrr: 120 });
    });
  });

  describe('edge cases', () => {
    const records = [
      { customerId: 'x', amount: 10, start: '2024-01-01', attributes: { plan: 'zeta' } },
      { customerId: 'y', amount: 20, start: '2024-01-01' },
      { customerId: 'z', amount: 30, start: '2024-01-01', attributes: { plan: 'Alpha' } },
      { customerId: 'w', amount: 40, start: '2020-01-01', end: '2021-01-01', attributes: { plan: 'old' } },
    ];

    it('lists segments by name (code-unit order), (none) last, with segments that have no MRR', () => {
      const result = segmentedRevenueSeries(
        { subscriptions: records },
        { from: '2024-01', to: '2024-01', segmentBy: 'plan', missingSegment: 'group' },
      );
      expect(result.segments.map((entry) => entry.segment)).toEqual(['Alpha', 'old', 'zeta', '(none)']);
      expect(segment(result, '(none)')[0]?.mrr).toBe(20);
      expect(segment(result, 'old')[0]).toMatchObject({ mrr: 0, customers: 0, averageRevenuePerAccount: null });
    });

    it('takes a function of the record as segmentBy, and its total is the unsegmented series', () => {
      const options = { from: '2023-12', to: '2024-02', lookback: 2 } as const;
      const result = segmentedRevenueSeries(
        { subscriptions: records },
        { ...options, segmentBy: (record, index) => (index % 2 === 0 ? 'even' : record.customerId) },
      );
      expect(result.segments.map((entry) => entry.segment)).toEqual(['even', 'w', 'y']);
      expect(result.total).toEqual(recurringRevenueSeries({ subscriptions: records }, options));
    });

    it('has no segments without records', () => {
      const result = segmentedRevenueSeries({ subscriptions: [] }, { from: '2024-01', to: '2024-02', segmentBy: 'x' });
      expect(result.segments).toEqual([]);
      expect(result.total.map((row) => row.mrr)).toEqual([0, 0]);
    });
  });

  describe('validation', () => {
    const records = [
      { customerId: 'x', amount: 10, start: '2024-01-01', attributes: { plan: 'a' } },
      { customerId: 'y', amount: 20, start: '2024-01-01', attributes: { region: 'eu' } },
    ];

    it('names the record without the attribute', () => {
      const error = failure(() =>
        segmentedRevenueSeries({ subscriptions: records }, { from: '2024-01', to: '2024-01', segmentBy: 'plan' }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('segmentedRevenueSeries');
      expect(error.issues[0]?.path).toEqual(['subscriptions', 1, 'attributes', 'plan']);
    });

    it('names the record whose function throws or returns no string', () => {
      const thrown = failure(() =>
        segmentedRevenueSeries(
          { subscriptions: records },
          {
            from: '2024-01',
            to: '2024-01',
            segmentBy: (record) => {
              if (record.customerId === 'y') throw new Error('no plan');
              return 'a';
            },
          },
        ),
      );
      expect(thrown.issues[0]?.path).toEqual(['subscriptions', 1]);
      expect(thrown.message).toContain('no plan');
      const empty = failure(() =>
        segmentedRevenueSeries({ subscriptions: records }, { from: '2024-01', to: '2024-01', segmentBy: () => '' }),
      );
      expect(empty.issues[0]?.path).toEqual(['subscriptions', 0]);
    });

    it('refuses a missing or malformed segmentBy and an unknown missingSegment', () => {
      const options = { from: '2024-01', to: '2024-01' };
      const missing = failure(() =>
        segmentedRevenueSeries({ subscriptions: records }, options as Parameters<typeof segmentedRevenueSeries>[1]),
      );
      expect(missing.issues[0]?.path).toEqual(['segmentBy']);
      const number = failure(() =>
        segmentedRevenueSeries({ subscriptions: records }, { ...options, segmentBy: 3 as unknown as string }),
      );
      expect(number.issues[0]?.path).toEqual(['segmentBy']);
      const policy = failure(() =>
        segmentedRevenueSeries(
          { subscriptions: records },
          { ...options, segmentBy: 'plan', missingSegment: 'drop' as 'group' },
        ),
      );
      expect(policy.issues[0]?.path).toEqual(['missingSegment']);
    });

    it('validates the records and the options of the series', () => {
      const bad = failure(() =>
        segmentedRevenueSeries(
          { subscriptions: [{ customerId: 'x', amount: -1, attributes: { plan: 'a' } }] },
          { from: '2024-01', to: '2024-01', segmentBy: 'plan' },
        ),
      );
      expect(bad.issues[0]?.path).toEqual(['subscriptions', 0, 'amount']);
      const window = failure(() =>
        segmentedRevenueSeries({ subscriptions: records }, { from: '2024-02', to: '2024-01', segmentBy: 'plan' }),
      );
      expect(window.issues[0]?.path).toEqual(['to']);
    });
  });

  it('does not mutate input', () => {
    const input = {
      subscriptions: [
        { customerId: 'x', amount: 10, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'a' } },
        { customerId: 'x', amount: 12, start: '2024-02-01', attributes: { plan: 'b' } },
      ],
    };
    const options = { from: '2024-01', to: '2024-03', segmentBy: 'plan' };
    const copy = structuredClone({ input, options });
    segmentedRevenueSeries(input, options);
    expect({ input, options }).toEqual(copy);
  });
});
