import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../test/support/errors.js';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';
import { revenueCohorts } from './revenueCohorts.js';

function failure(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  const error = catchMetricError(run);
  return { code: error.code, path: error.issues[0]?.path ?? [], message: error.message };
}

describe('revenueCohorts', () => {
  describe('worked examples', () => {
    it('$1 000 at the start, $100 churned and $200 of expansion is a net retention of 110 % (Chargebee)', () => {
      // Chargebee, "What is MRR Retention Cohort?": $1 000 of MRR at the start of a month, $100 lost to churn
      // and $200 gained from upgrades: 110 %. Gross caps the upgraded customer at its start: 900 ÷ 1 000.
      const subscriptions = [
        { customerId: 'a', amount: 600, start: '2024-01-10', end: '2024-02-05' },
        { customerId: 'a', amount: 800, start: '2024-02-05' },
        { customerId: 'b', amount: 300, start: '2024-01-12' },
        { customerId: 'c', amount: 100, start: '2024-01-20', end: '2024-02-15' },
      ];
      const { cohorts, average } = revenueCohorts({ subscriptions }, { to: '2024-02' });
      expect(cohorts).toEqual([
        {
          cohort: '2024-01',
          customers: 3,
          startingMrr: 1000,
          mrr: [1000, 1100],
          netRetention: [1, 1.1],
          grossRetention: [1, 0.9],
          activeCustomers: [3, 2],
          cumulativeRevenue: [1000, 2100],
          realizedValuePerCustomer: [1000 / 3, 700],
        },
      ]);
      expect(average).toEqual({
        netRetention: [1, 1.1],
        grossRetention: [1, 0.9],
        realizedValuePerCustomer: [1000 / 3, 700],
      });
    });

    it('a cohort that grew from $1 000 to $5 000 retains 500 % (Chargebee)', () => {
      // Chargebee: customers activated in January 2017 with $1 000 of MRR, $5 000 in December 2017: 500 %.
      const subscriptions = [
        { customerId: 'a', amount: 1000, start: '2017-01-09', end: '2017-12-01' },
        { customerId: 'a', amount: 5000, start: '2017-12-01' },
      ];
      const { cohorts } = revenueCohorts({ subscriptions }, { asOf: '2018-01-01' });
      expect(cohorts[0]?.netRetention).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5]);
      expect(cohorts[0]?.grossRetention.at(-1)).toBe(1);
      expect(cohorts[0]?.cumulativeRevenue.at(-1)).toBe(16_000);
    });

    it('realized value per customer is the cohort’s revenue to date ÷ its customers (RevenueCat)', () => {
      // Four customers at $10 a month; one leaves after its first month: $40, $70, $100 → $10, $17.50, $25.
      const subscriptions = ['a', 'b', 'c', 'd'].map((customerId) => ({
        customerId,
        amount: '10.00',
        start: '2024-03-04',
        ...(customerId === 'd' ? { end: '2024-04-10' } : {}),
      }));
      const [cohort] = revenueCohorts({ subscriptions }, { to: '2024-05' }).cohorts;
      expect(cohort?.cumulativeRevenue).toEqual([40, 70, 100]);
      expect(cohort?.realizedValuePerCustomer).toEqual([10, 17.5, 25]);
      expect(cohort?.activeCustomers).toEqual([4, 3, 3]);
    });
  });

  describe('edge cases', () => {
    it('keeps a customer who churns and comes back in its first cohort', () => {
      const subscriptions = [
        { customerId: 'a', amount: 50, start: '2024-01-01', end: '2024-02-10' },
        { customerId: 'a', amount: 80, start: '2024-04-02' },
        { customerId: 'b', amount: 50, start: '2024-01-15' },
      ];
      const { cohorts } = revenueCohorts({ subscriptions }, { to: '2024-04' });
      expect(cohorts.map((row) => row.cohort)).toEqual(['2024-01']);
      expect(cohorts[0]?.activeCustomers).toEqual([2, 1, 1, 2]);
      expect(cohorts[0]?.mrr).toEqual([100, 50, 50, 130]);
      expect(cohorts[0]?.netRetention).toEqual([1, 0.5, 0.5, 1.3]);
      expect(cohorts[0]?.grossRetention).toEqual([1, 0.5, 0.5, 1]);
    });

    it('counts a plan change at the month end it lands in, capped at the start for gross retention', () => {
      // a moves down from $90 to $40 on 15 February and up to $120 on 10 March.
      const subscriptions = [
        { customerId: 'a', amount: 90, start: '2024-01-20', end: '2024-02-15' },
        { customerId: 'a', amount: 40, start: '2024-02-15', end: '2024-03-10' },
        { customerId: 'a', amount: 120, start: '2024-03-10' },
      ];
      const [cohort] = revenueCohorts({ subscriptions }, { to: '2024-03' }).cohorts;
      expect(cohort?.mrr).toEqual([90, 40, 120]);
      expect(cohort?.grossRetention).toEqual([1, 40 / 90, 1]);
      expect(cohort?.netRetention).toEqual([1, 40 / 90, 120 / 90]);
    });

    it('keeps a cohort that fell to 0 in the average, weighted by starting MRR', () => {
      const subscriptions = [
        { customerId: 'a', amount: 300, start: '2024-01-05', end: '2024-02-01' },
        { customerId: 'b', amount: 100, start: '2024-02-05' },
        { customerId: 'c', amount: 100, start: '2024-02-06' },
      ];
      const { cohorts, average } = revenueCohorts({ subscriptions }, { to: '2024-03' });
      expect(cohorts.map((row) => row.mrr)).toEqual([
        [300, 0, 0],
        [200, 200],
      ]);
      // Period 1: (0 + 200) ÷ (300 + 200); period 2: only January has reached it.
      expect(average.netRetention).toEqual([1, 0.4, 0]);
      expect(average.grossRetention).toEqual([1, 0.4, 0]);
      expect(average.realizedValuePerCustomer).toEqual([500 / 3, 700 / 3, 300]);
    });

    it('values each month at its month-end rate, or each record at its start day’s rate', () => {
      const subscriptions = [
        { customerId: 'eu', amount: 100, currency: 'EUR', start: '2024-01-10' },
        { customerId: 'us', amount: 50, currency: 'USD', start: '2024-01-10' },
      ];
      const exchangeRates = {
        EUR: [
          { from: '2024-01-01', rate: '1.10' },
          { from: '2024-02-15', rate: '1.05' },
        ],
      };
      const dated = revenueCohorts({ subscriptions }, { to: '2024-02', currency: 'USD', exchangeRates });
      expect(dated.cohorts[0]?.mrr).toEqual([160, 155]);
      expect(dated.cohorts[0]?.netRetention).toEqual([1, 155 / 160]);
      // A change of rate lowers the euro customer below its start: gross retention falls too.
      expect(dated.cohorts[0]?.grossRetention).toEqual([1, 155 / 160]);
      const frozen = revenueCohorts(
        { subscriptions },
        { to: '2024-02', currency: 'USD', exchangeRates, rateDate: 'record-start' },
      );
      expect(frozen.cohorts[0]?.mrr).toEqual([160, 160]);
      const fixed = revenueCohorts({ subscriptions }, { to: '2024-02', currency: 'USD', exchangeRates: { EUR: '2' } });
      expect(fixed.cohorts[0]?.startingMrr).toBe(250);
    });

    it('dates the cohort by the first payment, not the trial, and applies the past-due grace', () => {
      const subscriptions = [
        { customerId: 't', amount: 40, trialStart: '2024-01-20', start: '2024-02-03' },
        { customerId: 'p', amount: 60, start: '2024-02-01', status: 'past_due' as const, pastDueSince: '2024-02-20' },
      ];
      const graceful = revenueCohorts({ subscriptions }, { to: '2024-04', pastDueGraceDays: 30 });
      expect(graceful.cohorts.map((row) => row.cohort)).toEqual(['2024-02']);
      expect(graceful.cohorts[0]?.mrr).toEqual([100, 40, 40]);
      expect(revenueCohorts({ subscriptions }, { to: '2024-04' }).cohorts[0]?.mrr).toEqual([100, 100, 100]);
      // Without past-due records, only the converted trial pays.
      expect(revenueCohorts({ subscriptions }, { to: '2024-04', countPastDue: false }).cohorts[0]?.mrr).toEqual([
        40, 40, 40,
      ]);
    });

    it('ends the table with to, or with the last month ended by asOf', () => {
      const subscriptions = [{ customerId: 'a', amount: 10, start: '2024-01-31' }];
      const byTo = revenueCohorts({ subscriptions }, { to: '2024-03' });
      expect(revenueCohorts({ subscriptions }, { asOf: '2024-04-01' })).toEqual(byTo);
      expect(revenueCohorts({ subscriptions }, { asOf: '2024-04-30T23:59:59Z' })).toEqual(byTo);
      expect(revenueCohorts({ subscriptions }, { asOf: Date.UTC(2024, 1, 1) }).cohorts[0]?.mrr).toEqual([10]);
      // A customer whose first payment is after the last month is left out.
      const later = [...subscriptions, { customerId: 'b', amount: 10, start: '2024-04-01' }];
      expect(revenueCohorts({ subscriptions: later }, { to: '2024-03' })).toEqual(byTo);
    });

    it('starts with the period of from, leaving out the customers who first paid before it', () => {
      const subscriptions = [
        { customerId: 'old', amount: 70 },
        { customerId: 'a', amount: 10, start: '2023-12-05' },
        { customerId: 'b', amount: 20, start: '2024-02-05' },
      ];
      const { cohorts } = revenueCohorts({ subscriptions }, { from: '2024-01', to: '2024-03' });
      expect(cohorts.map((row) => [row.cohort, row.mrr])).toEqual([['2024-02', [20, 20]]]);
      const quarters = revenueCohorts({ subscriptions }, { from: '2024-02', to: '2024-06', period: 'quarter' });
      expect(quarters.cohorts.map((row) => row.cohort)).toEqual(['2024-Q1']);
    });

    it('groups by quarter or year, reporting complete periods only', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-02-10' },
        { customerId: 'b', amount: 50, start: '2024-03-10' },
        { customerId: 'c', amount: 30, start: '2024-05-10' },
      ];
      const { cohorts, average } = revenueCohorts({ subscriptions }, { to: '2024-08', period: 'quarter' });
      expect(cohorts[0]).toEqual({
        cohort: '2024-Q1',
        customers: 2,
        startingMrr: 150,
        mrr: [50, 50],
        netRetention: [1 / 3, 1 / 3],
        grossRetention: [1 / 3, 1 / 3],
        activeCustomers: [1, 1],
        // January 100, February 0, March 50; then 50 a month.
        cumulativeRevenue: [150, 300],
        realizedValuePerCustomer: [75, 150],
      });
      expect(cohorts[1]).toMatchObject({ cohort: '2024-Q2', customers: 1, mrr: [30], cumulativeRevenue: [60] });
      expect(average.netRetention).toEqual([80 / 180, 1 / 3]);
      const years = revenueCohorts({ subscriptions }, { to: '2024-11', period: 'year' });
      expect(years.cohorts).toEqual([
        expect.objectContaining({ cohort: '2024', customers: 3, startingMrr: 180, mrr: [] }),
      ]);
      expect(years.average.netRetention).toEqual([]);
    });

    it('adds up to the series month by month', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1200, interval: 'year' as const, start: '2024-01-10', end: '2024-05-01' },
        { customerId: 'a', amount: '33.30', quantity: 3, start: '2024-03-01' },
        { customerId: 'b', amount: 25, interval: 'week' as const, start: '2024-02-11', end: '2024-04-20' },
        { customerId: 'c', amount: 99, start: '2024-03-31', discount: { percent: '0.1' } },
      ];
      const { cohorts } = revenueCohorts({ subscriptions }, { to: '2024-06' });
      const series = recurringRevenueSeries({ subscriptions }, { from: '2024-01', to: '2024-06' });
      const offset = { '2024-01': 0, '2024-02': 1, '2024-03': 2 } as Record<string, number>;
      series.forEach((row, m) => {
        const total = cohorts.reduce((sum, cohort) => sum + (cohort.mrr[m - (offset[cohort.cohort] ?? 0)] ?? 0), 0);
        expect(total).toBeCloseTo(row.mrr, 9);
      });
    });
  });

  describe('validation', () => {
    const subscriptions = [{ customerId: 'a', amount: 10, start: '2024-01-01' }];

    it('requires asOf or to, not both', () => {
      expect(failure(() => revenueCohorts({ subscriptions }, {}))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['asOf'],
      });
      expect(failure(() => revenueCohorts({ subscriptions }, { asOf: '2024-03-01', to: '2024-02' }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['to'],
      });
      expect(failure(() => revenueCohorts({ subscriptions }, { asOf: 'soon' }))).toMatchObject({ path: ['asOf'] });
      expect(failure(() => revenueCohorts({ subscriptions }, { to: '2024-2' }))).toMatchObject({ path: ['to'] });
    });

    it('checks from, period and the other options', () => {
      expect(failure(() => revenueCohorts({ subscriptions }, { to: '2024-02', from: '2024-03' }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['from'],
      });
      expect(failure(() => revenueCohorts({ subscriptions }, { to: '2124-01', from: '2024-01' }))).toMatchObject({
        path: ['from'],
      });
      expect(
        failure(() => revenueCohorts({ subscriptions }, { to: '2024-02', period: 'week' as never })),
      ).toMatchObject({ path: ['period'] });
      expect(failure(() => revenueCohorts({ subscriptions }, { to: '2024-02', lookback: 3 } as never))).toMatchObject({
        code: 'INVALID_INPUT',
        path: [],
      });
      expect(failure(() => revenueCohorts({ subscriptions }, { to: '2024-02', pastDueGraceDays: -1 }))).toMatchObject({
        path: ['pastDueGraceDays'],
      });
    });

    it('names the record that is invalid, or paying without a start when from is not given', () => {
      const bad = [...subscriptions, { customerId: 'b', amount: -5, start: '2024-01-01' }];
      expect(failure(() => revenueCohorts({ subscriptions: bad }, { to: '2024-02' }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['subscriptions', 1, 'amount'],
      });
      const open = [
        ...subscriptions,
        { customerId: 'x', amount: 5, status: 'paused' as const },
        { customerId: 'b', amount: 5 },
      ];
      const error = failure(() => revenueCohorts({ subscriptions: open }, { to: '2024-02' }));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', path: ['subscriptions', 2, 'start'] });
      expect(error.message).toContain('first paid month');
      expect(revenueCohorts({ subscriptions: open }, { to: '2024-02', from: '2024-01' }).cohorts).toHaveLength(1);
      const ancient = [...subscriptions, { customerId: 'c', amount: 5, start: '1900-01-01', end: '1900-03-01' }];
      expect(failure(() => revenueCohorts({ subscriptions: ancient }, { to: '2024-02' }))).toMatchObject({
        path: ['from'],
      });
    });

    it('names a currency without a rate in force', () => {
      const euro = [{ customerId: 'a', amount: 10, currency: 'EUR', start: '2024-01-01' }];
      const exchangeRates = { EUR: [{ from: '2024-02-01', rate: '1.1' }] };
      expect(
        failure(() => revenueCohorts({ subscriptions: euro }, { to: '2024-02', currency: 'USD', exchangeRates })),
      ).toMatchObject({ code: 'INVALID_INPUT', path: ['exchangeRates', 'EUR'] });
    });

    it('is NO_DATA without a paying customer in the months of the table', () => {
      expect(failure(() => revenueCohorts({ subscriptions: [] }, { to: '2024-02' }))).toMatchObject({
        code: 'NO_DATA',
        path: ['subscriptions'],
      });
      const unpaid = [
        { customerId: 'a', amount: 0, start: '2024-01-01' },
        { customerId: 'b', amount: 5, start: '2024-03-01' },
      ];
      expect(failure(() => revenueCohorts({ subscriptions: unpaid }, { to: '2024-02' })).code).toBe('NO_DATA');
      expect(failure(() => revenueCohorts({ subscriptions: 'x' } as never, { to: '2024-02' }))).toMatchObject({
        path: ['subscriptions'],
      });
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen records and options unchanged', () => {
      const subscriptions = Object.freeze([
        Object.freeze({ customerId: 'a', amount: 10, start: '2024-01-01', discount: Object.freeze({ percent: 0.5 }) }),
        Object.freeze({ customerId: 'b', amount: 20, currency: 'EUR', start: '2024-02-01' }),
      ]);
      const options = Object.freeze({
        to: '2024-03',
        currency: 'USD',
        exchangeRates: Object.freeze({ EUR: Object.freeze([Object.freeze({ from: '2024-01-01', rate: '2' })]) }),
      });
      const before = JSON.stringify([subscriptions, options]);
      expect(revenueCohorts({ subscriptions }, options).cohorts.map((row) => row.startingMrr)).toEqual([5, 40]);
      expect(JSON.stringify([subscriptions, options])).toBe(before);
    });
  });
});
