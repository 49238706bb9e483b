import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';

const series = recurringRevenueSeries;

function pick<T, K extends keyof T>(rows: readonly T[], ...keys: K[]) {
  return rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));
}

describe('recurringRevenueSeries', () => {
  describe('worked examples', () => {
    it("follows ChartMogul's Syncalytics story month by month", () => {
      // ChartMogul, "MRR movements": four Gold yearly plans ($2,000), then two Silver monthly seats ($60)
      // as expansion, the Silver plan cancelled as contraction, the last plan cancelled as churn at the end
      // of its paid year, then three Gold monthly plans ($150) as a reactivation.
      const subscriptions = [
        {
          customerId: 'syncalytics',
          amount: 500,
          quantity: 4,
          interval: 'year' as const,
          start: '2024-01-05',
          end: '2025-01-05',
        },
        { customerId: 'syncalytics', amount: 30, quantity: 2, start: '2024-02-03', end: '2024-03-17' },
        { customerId: 'syncalytics', amount: 50, quantity: 3, start: '2025-03-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2025-03', rounding: { places: 2 } });
      const moves = pick(
        rows,
        'month',
        'mrr',
        'newMrr',
        'expansionMrr',
        'contractionMrr',
        'churnedMrr',
        'reactivationMrr',
      );
      expect(moves[0]).toEqual({
        month: '2024-01',
        mrr: 166.67,
        newMrr: 166.67,
        expansionMrr: 0,
        contractionMrr: 0,
        churnedMrr: 0,
        reactivationMrr: 0,
      });
      expect(moves[1]).toMatchObject({ month: '2024-02', mrr: 226.67, expansionMrr: 60 });
      expect(moves[2]).toMatchObject({ month: '2024-03', mrr: 166.67, contractionMrr: 60 });
      // Active until 2025-01-05: still counted at the end of December, churned in January.
      expect(moves[11]).toMatchObject({ month: '2024-12', mrr: 166.67 });
      expect(moves[12]).toMatchObject({ month: '2025-01', mrr: 0, churnedMrr: 166.67 });
      expect(moves[14]).toMatchObject({ month: '2025-03', mrr: 150, reactivationMrr: 150, newMrr: 0 });
      expect(rows[12]?.customerChurnRate).toBe(1);
      expect(rows[14]?.reactivatedCustomers).toBe(1);
    });

    it('gives MRR, ARR, customers and ARPA per month (docs 000 and 003, rows 2, 3, 22, 23)', () => {
      const subscriptions = Array.from({ length: 500 }, (_, i) => ({
        customerId: `c${i}`,
        amount: 200,
        start: '2024-01-01',
      }));
      const [row] = series({ subscriptions }, { from: '2024-01', to: '2024-01' });
      expect(row).toMatchObject({ mrr: 100_000, arr: 1_200_000, customers: 500, averageRevenuePerAccount: 200 });
    });
  });

  describe('quarters and years', () => {
    // By hand, month by month (MRR at each month end): Dec 2023 a 100; Jan b new 200 (300); Feb a +50
    // expansion, b churned 200 (150); Mar c new 40 (190); Apr no change (190); May c churned 40, b
    // reactivated 300 (450); Jun no change (450).
    const subscriptions = [
      { customerId: 'a', amount: 100, start: '2023-12-01' },
      { customerId: 'a', amount: 50, start: '2024-02-10' },
      { customerId: 'b', amount: 200, start: '2024-01-15', end: '2024-02-10' },
      { customerId: 'b', amount: 300, start: '2024-05-01' },
      { customerId: 'c', amount: 40, start: '2024-03-01', end: '2024-05-01' },
    ];

    it('counts trials started and trials that started paying, leaving MRR unchanged', () => {
      const records = [
        // Trial from 20 January, pays from 3 February: started in January, converted in February.
        { customerId: 'a', amount: 40, trialStart: '2024-01-20', start: '2024-02-03' },
        // Trial in February, canceled at its end: started, never converted.
        { customerId: 'b', amount: 40, trialStart: '2024-02-05', start: '2024-02-19', end: '2024-02-19' },
        // Pays from 10 March but ends on 20 March: no month end, so it never paid and did not convert.
        { customerId: 'c', amount: 40, trialStart: '2024-02-25', start: '2024-03-10', end: '2024-03-20' },
        // A trial ending into a paused subscription (paused does not count): not converted.
        { customerId: 'd', amount: 40, trialStart: '2024-03-01', start: '2024-03-15', status: 'paused' as const },
        // Trial and first payment on the same day in March, then pays: started and converted in March.
        { customerId: 'e', amount: 25, trialStart: '2024-03-31', start: '2024-03-31' },
        // A trial started before the series: only its conversion is in the window.
        { customerId: 'f', amount: 10, trialStart: '2023-12-20', start: '2024-01-03' },
        // No trial.
        { customerId: 'g', amount: 5, start: '2024-01-01' },
      ];
      const rows = series({ subscriptions: records }, { from: '2024-01', to: '2024-04', lookback: 1 });
      expect(rows.map((row) => row.trialsStarted)).toEqual([1, 2, 2, 0]);
      expect(rows.map((row) => row.trialsConverted)).toEqual([1, 1, 1, 0]);
      const withoutTrials = records.map(({ trialStart: _, ...record }) => record);
      const plain = series({ subscriptions: withoutTrials }, { from: '2024-01', to: '2024-04', lookback: 1 });
      expect(rows.map(({ trialsStarted: _s, trialsConverted: _c, ...row }) => row)).toEqual(
        plain.map(({ trialsStarted: _s, trialsConverted: _c, ...row }) => row),
      );
      expect(plain.map((row) => [row.trialsStarted, row.trialsConverted])).toEqual([
        [0, 0],
        [0, 0],
        [0, 0],
        [0, 0],
      ]);
      expect(rows.map((row) => row.mrr)).toEqual([15, 55, 80, 80]);
      // A quarter sums its months; the status policies decide whether a trial paid (here the paused record).
      const [quarter] = series({ subscriptions: records }, { from: '2024-01', to: '2024-03', period: 'quarter' });
      expect([quarter?.trialsStarted, quarter?.trialsConverted]).toEqual([5, 3]);
      const paused = series({ subscriptions: records }, { from: '2024-03', to: '2024-03', countPaused: true });
      expect(paused[0]?.trialsConverted).toBe(2);
    });

    it('averages the sale price over the period: its new MRR over its new customers', () => {
      // January: two customers won at $100 and $50; February: one at $30; March: none (a reactivation).
      const records = [
        { customerId: 'a', amount: 100, start: '2024-01-05' },
        { customerId: 'b', amount: 50, start: '2024-01-20' },
        { customerId: 'c', amount: 30, start: '2024-02-10' },
        { customerId: 'd', amount: 10, start: '2023-06-01', end: '2023-08-01' },
        { customerId: 'd', amount: 20, start: '2024-03-01' },
      ];
      const months = series({ subscriptions: records }, { from: '2024-01', to: '2024-03', lookback: 1 });
      expect(months.map((row) => row.averageSalePrice)).toEqual([75, 30, null]);
      expect(months.map((row) => row.reactivationMrr)).toEqual([0, 0, 20]);
      const [quarter] = series({ subscriptions: records }, { from: '2024-01', to: '2024-03', period: 'quarter' });
      // (100 + 50 + 30) ÷ 3, not the mean of the monthly figures (75 + 30) ÷ 2.
      expect(quarter?.averageSalePrice).toBe(60);
      // Exact: $100 a year is 100/12 a month; (100/12 + 10) ÷ 2 = 55/6, rounded once.
      const [row] = series(
        {
          subscriptions: [
            { customerId: 'a', amount: 100, interval: 'year', start: '2024-01-05' },
            { customerId: 'b', amount: 10, start: '2024-01-20' },
          ],
        },
        { from: '2024-01', to: '2024-01' },
      );
      expect(row?.averageSalePrice).toBe(55 / 6);
    });

    it('sums the movements of a quarter, measured at its last month, clipped to `to`', () => {
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-05', lookback: 3, period: 'quarter' });
      expect(rows).toEqual([
        {
          month: '2024-03',
          mrr: 190,
          arr: 2280,
          customers: 2,
          startingMrr: 100,
          startingCustomers: 1,
          newMrr: 240,
          expansionMrr: 50,
          contractionMrr: 0,
          churnedMrr: 200,
          reactivationMrr: 0,
          netNewMrr: 90,
          newCustomers: 2,
          reactivatedCustomers: 0,
          churnedCustomers: 1,
          customerChurnRate: 1,
          revenueChurnRate: 2,
          netRevenueChurnRate: 1.5,
          averageRevenuePerAccount: 95,
          retentionFrom: '2023-12',
          netRevenueRetention: 1.5,
          grossRevenueRetention: 1,
          period: '2024-Q1',
          months: 3,
          averageSalePrice: 120,
          trialsStarted: 0,
          trialsConverted: 0,
          fxImpactMrr: 0,
          voluntaryChurnedMrr: 200,
          delinquentChurnedMrr: 0,
          voluntaryChurnedCustomers: 1,
          delinquentChurnedCustomers: 0,
        },
        {
          month: '2024-05',
          mrr: 450,
          arr: 5400,
          customers: 2,
          startingMrr: 190,
          startingCustomers: 2,
          newMrr: 0,
          expansionMrr: 0,
          contractionMrr: 0,
          churnedMrr: 40,
          reactivationMrr: 300,
          netNewMrr: 260,
          newCustomers: 0,
          reactivatedCustomers: 1,
          churnedCustomers: 1,
          customerChurnRate: 0.5,
          revenueChurnRate: 40 / 190,
          netRevenueChurnRate: -260 / 190,
          averageRevenuePerAccount: 225,
          retentionFrom: '2024-02',
          netRevenueRetention: 1,
          grossRevenueRetention: 1,
          period: '2024-Q2',
          months: 2,
          averageSalePrice: null,
          trialsStarted: 0,
          trialsConverted: 0,
          fxImpactMrr: 0,
          voluntaryChurnedMrr: 40,
          delinquentChurnedMrr: 0,
          voluntaryChurnedCustomers: 1,
          delinquentChurnedCustomers: 0,
        },
      ]);
    });

    it('starts a quarter clipped to `from` at the end of the month before `from`', () => {
      const [first] = series({ subscriptions }, { from: '2024-02', to: '2024-03', period: 'quarter' });
      expect(first).toMatchObject({
        period: '2024-Q1',
        months: 2,
        month: '2024-03',
        startingMrr: 300,
        startingCustomers: 2,
        newMrr: 40,
        expansionMrr: 50,
        churnedMrr: 200,
        mrr: 190,
      });
    });

    it('sums a year, counting a customer in each movement it makes', () => {
      const rows = series({ subscriptions }, { from: '2023-12', to: '2024-06', period: 'year' });
      expect(rows.map((row) => [row.period, row.months, row.month, row.startingMrr, row.mrr])).toEqual([
        ['2023', 1, '2023-12', 0, 100],
        ['2024', 6, '2024-06', 100, 450],
      ]);
      expect(rows[1]).toMatchObject({
        newMrr: 240,
        expansionMrr: 50,
        churnedMrr: 240,
        reactivationMrr: 300,
        newCustomers: 2,
        churnedCustomers: 2,
        reactivatedCustomers: 1,
        // Customers won during the year also left: more churned than there were at the start.
        customerChurnRate: 2,
        revenueChurnRate: 2.4,
      });
    });

    it('labels months by default, and `period: month` changes nothing', () => {
      const options = { from: '2023-12', to: '2024-06', lookback: 2 };
      const rows = series({ subscriptions }, options);
      expect(rows.map((row) => [row.period, row.months])).toEqual(rows.map((row) => [row.month, 1]));
      expect(series({ subscriptions }, { ...options, period: 'month' })).toEqual(rows);
      expect(rows.map((row) => row.mrr)).toEqual([100, 300, 150, 190, 190, 450, 450]);
    });

    it('sums BigInt movements exactly over a quarter', () => {
      // Each month's new MRR is below 2^53 units of 1/4, the quarter's sum beyond it.
      const amount = '3000000000000000.25';
      const big = [
        { customerId: 'a', amount, start: '2024-01-01' },
        { customerId: 'b', amount, start: '2024-02-01' },
        { customerId: 'c', amount, start: '2024-03-01' },
      ];
      const [quarter] = series({ subscriptions: big }, { from: '2024-01', to: '2024-03', period: 'quarter' });
      expect(quarter).toMatchObject({ newMrr: Number('9000000000000000.75'), mrr: Number('9000000000000000.75') });
      expect(quarter?.newCustomers).toBe(3);
    });
  });

  describe('month boundaries', () => {
    it('measures each month at the end of its last day, with half-open spans', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1, start: '2024-01-31T23:59:59Z', end: '2024-02-01' },
        { customerId: 'b', amount: 2, start: '2024-02-01', end: '2024-02-29' },
        { customerId: 'c', amount: 4, start: '2024-02-01', end: '2024-03-01' },
        { customerId: 'd', amount: 8, start: '2024-02-15', end: '2024-02-16' },
        { customerId: 'e', amount: 16, start: '2024-03-01T00:00:00+01:00', end: '2024-04-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-03' });
      // a counts in January (active at its last instant); b ends on Feb 29, before February's end; c counts
      // in February; d never spans a month end; e starts at 2024-02-29T23:00Z, so it counts in February.
      expect(rows.map((row) => row.mrr)).toEqual([1, 20, 16]);
    });

    it('computes the first row from the month before `from`', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: '2023-06-01' },
        { customerId: 'b', amount: 5, start: '2023-06-01', end: '2024-01-10' },
      ];
      const [row] = series({ subscriptions }, { from: '2024-01', to: '2024-01' });
      expect(row).toMatchObject({ startingMrr: 15, startingCustomers: 2, mrr: 10, churnedMrr: 5, churnedCustomers: 1 });
      expect(row?.customerChurnRate).toBe(0.5);
      expect(row?.revenueChurnRate).toBe(5 / 15);
    });

    it('treats a record without a start as paying since before any month', () => {
      const subscriptions = [{ customerId: 'a', amount: 10, end: '2024-03-01' }];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-03', lookback: 1 });
      expect(rows.map((row) => [row.mrr, row.newMrr, row.churnedMrr])).toEqual([
        [10, 0, 0],
        [10, 0, 0],
        [0, 0, 10],
      ]);
      expect(rows[0]?.netRevenueRetention).toBe(1);
    });
  });

  describe('movements', () => {
    it('calls a return after any earlier paid month a reactivation, even before `from`', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: '2020-01-01', end: '2020-03-01' },
        { customerId: 'a', amount: 30, start: '2024-02-10' },
        { customerId: 'b', amount: 7, start: '2024-02-10' },
      ];
      const [row] = series({ subscriptions }, { from: '2024-02', to: '2024-02' });
      expect(row).toMatchObject({ reactivationMrr: 30, reactivatedCustomers: 1, newMrr: 7, newCustomers: 1 });
    });

    it('does not call a customer who paid only between two month ends a former customer', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: '2024-01-05', end: '2024-01-20' },
        { customerId: 'a', amount: 10, start: '2024-02-05' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-02' });
      expect(rows[1]).toMatchObject({ newMrr: 10, reactivationMrr: 0 });
    });

    it('reconciles every row exactly', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, start: '2024-01-01', end: '2024-04-01' },
        { customerId: 'a', amount: 25, start: '2024-03-01' },
        { customerId: 'b', amount: 40, start: '2024-02-01', end: '2024-03-01' },
        { customerId: 'b', amount: 60, start: '2024-04-01' },
        { customerId: 'c', amount: 15, start: '2024-01-01' },
      ];
      for (const row of series({ subscriptions }, { from: '2024-01', to: '2024-06' })) {
        const bridge =
          row.startingMrr + row.newMrr + row.expansionMrr + row.reactivationMrr - row.contractionMrr - row.churnedMrr;
        expect(bridge).toBe(row.mrr);
        expect(row.netNewMrr).toBe(row.mrr - row.startingMrr);
      }
    });

    it('reports net revenue churn, negative when gains outweigh losses', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, start: '2024-01-01', end: '2024-02-01' },
        { customerId: 'a', amount: 130, start: '2024-02-01' },
        { customerId: 'b', amount: 100, start: '2024-01-01', end: '2024-02-01' },
        { customerId: 'b', amount: 90, start: '2024-02-01' },
      ];
      const [row] = series({ subscriptions }, { from: '2024-02', to: '2024-02' });
      expect(row).toMatchObject({
        expansionMrr: 30,
        contractionMrr: 10,
        revenueChurnRate: 0.05,
        netRevenueChurnRate: -0.1,
      });
    });
  });

  describe('trailing retention', () => {
    const subscriptions = [
      { customerId: 'a', amount: 100, start: '2023-01-01' },
      { customerId: 'a', amount: 50, start: '2024-01-01' },
      { customerId: 'b', amount: 100, start: '2023-01-01', end: '2024-01-01' },
      { customerId: 'b', amount: 40, start: '2024-01-01' },
      { customerId: 'c', amount: 100, start: '2023-01-01', end: '2023-06-01' },
      { customerId: 'c', amount: 80, start: '2023-09-01' },
      { customerId: 'd', amount: 500, start: '2023-06-01' },
    ];

    it('compares each customer of the cohort lookback months earlier, capped for GRR', () => {
      const [row] = series({ subscriptions }, { from: '2024-01', to: '2024-01' });
      // Cohort of 2023-01: a, b, c at 100 each. In 2024-01: a 150, b 40, c 80 (reactivated in between).
      expect(row?.retentionFrom).toBe('2023-01');
      expect(row?.netRevenueRetention).toBe(270 / 300);
      expect(row?.grossRevenueRetention).toBe(220 / 300);
    });

    it('uses the lookback given', () => {
      const [row] = series({ subscriptions }, { from: '2024-01', to: '2024-01', lookback: 3 });
      // Cohort of 2023-10: a 100, b 100, c 80, d 500 → 150 + 40 + 80 + 500.
      expect(row?.retentionFrom).toBe('2023-10');
      expect(row?.netRevenueRetention).toBe(770 / 780);
      expect(row?.grossRevenueRetention).toBe(720 / 780);
    });

    it('is null before enough history, and the other rates null without a base', () => {
      const rows = series({ subscriptions }, { from: '2022-11', to: '2023-02' });
      expect(rows.map((row) => row.netRevenueRetention)).toEqual([null, null, null, null]);
      expect(rows.map((row) => row.grossRevenueRetention)).toEqual([null, null, null, null]);
      expect(rows[0]).toMatchObject({
        mrr: 0,
        customers: 0,
        customerChurnRate: null,
        revenueChurnRate: null,
        netRevenueChurnRate: null,
        averageRevenuePerAccount: null,
      });
      expect(rows[2]).toMatchObject({ newMrr: 300, customerChurnRate: null, averageRevenuePerAccount: 100 });
      expect(rows[3]?.customerChurnRate).toBe(0);
    });
  });

  describe('policies', () => {
    it('applies the status policies', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: '2024-01-01', status: 'trialing' as const },
        { customerId: 'b', amount: 20, start: '2024-01-01', status: 'paused' as const },
        { customerId: 'c', amount: 40, start: '2024-01-01', status: 'past_due' as const },
        { customerId: 'd', amount: 80, start: '2024-01-01', end: '2024-02-01', status: 'canceled' as const },
        { customerId: 'e', amount: 160, start: '2024-01-01', status: 'canceled' as const },
      ];
      const window = { from: '2024-01', to: '2024-02' };
      expect(series({ subscriptions }, window).map((row) => row.mrr)).toEqual([120, 40]);
      expect(
        series({ subscriptions }, { ...window, countTrialing: true, countPaused: true, countPastDue: false }).map(
          (row) => row.mrr,
        ),
      ).toEqual([110, 30]);
    });

    it('converts currencies and rounds lines', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, interval: 'year' as const, currency: 'EUR', start: '2024-01-01' },
        { customerId: 'b', amount: 100, interval: 'year' as const, currency: 'EUR', start: '2024-01-01' },
        { customerId: 'c', amount: 10, start: '2024-01-01' },
      ];
      const options = { from: '2024-01', to: '2024-01', currency: 'USD', exchangeRates: { EUR: '1.1' } };
      expect(series({ subscriptions }, options)[0]?.mrr).toBe(220 / 12 + 10);
      expect(series({ subscriptions }, { ...options, rounding: { places: 2 } })[0]?.mrr).toBe(28.34);
      const mixed = [...subscriptions, { customerId: 'd', amount: 1, currency: 'USD', start: '2024-01-01' }];
      expectMetricError(
        () => series({ subscriptions: mixed }, { from: '2024-01', to: '2024-01', currency: 'EUR' }),
        'INVALID_INPUT',
        ['subscriptions', 3, 'currency'],
        'pass options.exchangeRates',
      );
      expectMetricError(
        () =>
          series(
            { subscriptions: mixed.filter((record) => record.customerId !== 'c') },
            { from: '2024-01', to: '2024-01' },
          ),
        'INVALID_INPUT',
        ['subscriptions', 2, 'currency'],
        'mixed currencies',
      );
      // Without a target currency, a record without one is not summed with records in EUR.
      expectMetricError(
        () => series({ subscriptions }, { from: '2024-01', to: '2024-01' }),
        'INVALID_INPUT',
        ['subscriptions', 2, 'currency'],
        'subscriptions[2].currency is missing but subscriptions[0] is EUR',
      );
      expect(series({ subscriptions }, { from: '2024-01', to: '2024-01', currency: 'EUR' })[0]?.mrr).toBe(80 / 3);
    });

    it('ignores free lines: a customer at 0 is not a paying customer', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, discount: { percent: 1 }, start: '2024-01-01' },
        { customerId: 'b', amount: 0, start: '2024-01-01' },
      ];
      expect(series({ subscriptions }, { from: '2024-01', to: '2024-01' })[0]).toMatchObject({ mrr: 0, customers: 0 });
    });
  });

  describe('edge cases', () => {
    it('keeps thirds exact across a month', () => {
      const subscriptions = Array.from({ length: 3 }, () => ({
        customerId: 'a',
        amount: 100,
        interval: 'year' as const,
        start: '2024-01-01',
      }));
      expect(series({ subscriptions }, { from: '2024-01', to: '2024-01' })[0]?.mrr).toBe(25);
    });

    it('mixes interval counts (a common denominator)', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1, intervalCount: 3, start: '2024-01-01' },
        { customerId: 'b', amount: 2, intervalCount: 3, start: '2024-01-01' },
        { customerId: 'c', amount: 7, intervalCount: 7, start: '2024-01-01' },
      ];
      expect(series({ subscriptions }, { from: '2024-01', to: '2024-01' })[0]?.mrr).toBe(2);
    });

    it('handles amounts and denominators beyond 2^53 exactly', () => {
      const subscriptions = [
        { customerId: 'a', amount: '123456789012345678901234567890', interval: 'year' as const, start: '2024-01-01' },
        { customerId: 'b', amount: 12, intervalCount: 9_000_000_000_000_000, start: '2024-01-01', end: '2024-02-01' },
        { customerId: 'c', amount: 1, start: '2024-02-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-02', lookback: 1 });
      expect(rows[0]?.mrr).toBe(Number('10288065751028806575102880657.5'));
      expect(rows[1]?.mrr).toBe(Number('10288065751028806575102880658.5'));
      expect(rows[1]?.newMrr).toBe(1);
      expect(rows[1]?.churnedMrr).toBe(12 / 9e15);
      expect(rows[1]?.netRevenueRetention).toBe(Number('10288065751028806575102880657.5') / rows[0]!.mrr);
      expect(rows[1]?.arr).toBe(Number('123456789012345678901234567902'));
    });

    it('classifies every movement of customers whose amounts need BigInt', () => {
      const subscriptions = [
        { customerId: 'a', amount: '100000000000000000000', start: '2024-01-01', end: '2024-03-01' },
        { customerId: 'a', amount: '50000000000000000000', start: '2024-02-01' },
        { customerId: 'b', amount: '200000000000000000000', start: '2024-01-01', end: '2024-02-01' },
        { customerId: 'b', amount: '200000000000000000000', start: '2024-04-01' },
        { customerId: 'c', amount: '70000000000000000000', start: '2024-03-01' },
        // Safe on its own, beyond 2^53 once over the common denominator that e's interval count brings.
        { customerId: 'd', amount: 9_000_000_000, start: '2024-01-01' },
        { customerId: 'e', amount: 1, intervalCount: 1000, start: '2024-01-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-04', lookback: 1 });
      const small = 9_000_000_000.001;
      expect(rows.map((row) => row.mrr)).toEqual([
        Number('300000000009000000000.001'),
        Number('150000000009000000000.001'),
        Number('120000000009000000000.001'),
        Number('320000000009000000000.001'),
      ]);
      expect(rows[0]).toMatchObject({ newMrr: Number('300000000009000000000.001'), newCustomers: 4 });
      expect(rows[1]).toMatchObject({ expansionMrr: 5e19, churnedMrr: 2e20, churnedCustomers: 1 });
      expect(rows[2]).toMatchObject({ contractionMrr: 1e20, newMrr: 7e19, newCustomers: 1 });
      expect(rows[3]).toMatchObject({ reactivationMrr: 2e20, reactivatedCustomers: 1 });
      expect(rows[1]?.grossRevenueRetention).toBe((1e20 + small) / (3e20 + small));
      expect(small).toBe(9_000_000_000.001);
    });

    it("adds a customer's small and BigInt amounts, from before `from`", () => {
      const subscriptions = [
        { customerId: 'a', amount: '100000000000000000000', start: '2023-12-01' },
        { customerId: 'a', amount: 1, start: '2023-12-01', end: '2024-02-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-02', lookback: 1 });
      expect(rows.map((row) => [row.startingMrr, row.mrr, row.contractionMrr])).toEqual([
        [Number('100000000000000000001'), Number('100000000000000000001'), 0],
        [Number('100000000000000000001'), 1e20, 1],
      ]);
    });

    it('continues exactly when month totals pass 2^53 units', () => {
      const subscriptions = Array.from({ length: 400 }, (_, i) => ({
        customerId: `c${i}`,
        amount: 1_000_000_000,
        start: '2024-01-01',
        end: i % 2 ? '2024-02-01' : undefined,
      })).map(({ end, ...record }) => (end === undefined ? record : { ...record, end }));
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-02', lookback: 1 });
      expect(rows[0]?.mrr).toBe(400_000_000_000);
      expect(rows[1]).toMatchObject({ mrr: 200_000_000_000, churnedMrr: 200_000_000_000, revenueChurnRate: 0.5 });
      expect(rows[1]?.netRevenueRetention).toBe(0.5);
    });

    it('skips records that end before the window but remembers they paid', () => {
      const subscriptions = [
        { customerId: 'a', amount: 5, start: '2010-01-01', end: '2010-06-01' },
        { customerId: 'a', amount: 9, start: '2030-01-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-02' });
      expect(rows.every((row) => row.mrr === 0)).toBe(true);
      expect(series({ subscriptions }, { from: '2030-01', to: '2030-01' })[0]?.reactivationMrr).toBe(9);
    });

    it('returns one row per month, both ends included', () => {
      const rows = series({ subscriptions: [] }, { from: '2023-11', to: '2024-02' });
      expect(rows.map((row) => row.month)).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
      expect(rows.map((row) => row.retentionFrom)).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    });
  });

  describe('reads each value once', () => {
    it('uses the discount it checked: one that turns to NaN on a second read changes nothing', () => {
      let reads = 0;
      const discount = {};
      Object.defineProperty(discount, 'percent', { enumerable: true, get: () => (reads++ === 0 ? 0.25 : Number.NaN) });
      const subscriptions = [{ customerId: 'a', amount: 12, discount, start: '2024-01-01' } as never];
      expect(series({ subscriptions }, { from: '2024-01', to: '2024-01' })[0]?.mrr).toBe(9);
      expect(reads).toBe(1);
    });
  });

  describe('failed payments and delinquent churn', () => {
    // a: active, then past due from 10 February (a record of its own, as a billing export gives it);
    // b: cancels on 5 March; c: canceled for failed payments on 20 February.
    const book = [
      { customerId: 'a', amount: 100, start: '2024-01-01', end: '2024-02-10' },
      { customerId: 'a', amount: 100, start: '2024-02-10', status: 'past_due' as const, pastDueSince: '2024-02-10' },
      { customerId: 'b', amount: 50, start: '2024-01-01', end: '2024-03-05' },
      { customerId: 'c', amount: 80, start: '2024-01-01', end: '2024-02-20', endReason: 'delinquent' as const },
    ];
    const window = { from: '2024-01', to: '2024-04', lookback: 1 };
    const split = ['churnedMrr', 'voluntaryChurnedMrr', 'delinquentChurnedMrr'] as const;
    const counts = ['churnedCustomers', 'voluntaryChurnedCustomers', 'delinquentChurnedCustomers'] as const;

    it('splits churn by why the record ended, and churns past-due records after their grace', () => {
      const graced = series({ subscriptions: book }, { ...window, pastDueGraceDays: 30 });
      expect(graced.map((row) => row.mrr)).toEqual([230, 150, 0, 0]);
      expect(pick(graced, ...split)).toEqual([
        { churnedMrr: 0, voluntaryChurnedMrr: 0, delinquentChurnedMrr: 0 },
        { churnedMrr: 80, voluntaryChurnedMrr: 0, delinquentChurnedMrr: 80 },
        // a stops counting on 11 March (10 February + 30 days): delinquent; b left of its own accord.
        { churnedMrr: 150, voluntaryChurnedMrr: 50, delinquentChurnedMrr: 100 },
        { churnedMrr: 0, voluntaryChurnedMrr: 0, delinquentChurnedMrr: 0 },
      ]);
      expect(pick(graced, ...counts)[2]).toEqual({
        churnedCustomers: 2,
        voluntaryChurnedCustomers: 1,
        delinquentChurnedCustomers: 1,
      });
      // Without a grace (the default, as Stripe and ChartMogul), a past-due record counts until its end.
      const kept = series({ subscriptions: book }, window);
      expect(kept.map((row) => row.mrr)).toEqual([230, 150, 100, 100]);
      expect(pick(kept, 'voluntaryChurnedMrr', 'delinquentChurnedMrr')).toEqual([
        { voluntaryChurnedMrr: 0, delinquentChurnedMrr: 0 },
        { voluntaryChurnedMrr: 0, delinquentChurnedMrr: 80 },
        { voluntaryChurnedMrr: 50, delinquentChurnedMrr: 0 },
        { voluntaryChurnedMrr: 0, delinquentChurnedMrr: 0 },
      ]);
    });

    it('sums the split over a quarter, as the other movements', () => {
      const [quarter] = series(
        { subscriptions: book },
        { ...window, to: '2024-03', pastDueGraceDays: 30, period: 'quarter' },
      );
      expect(quarter).toMatchObject({
        churnedMrr: 230,
        voluntaryChurnedMrr: 50,
        delinquentChurnedMrr: 180,
        churnedCustomers: 3,
        voluntaryChurnedCustomers: 1,
        delinquentChurnedCustomers: 2,
      });
    });

    it('counts the grace in days from pastDueSince, the cut excluded', () => {
      const record = { customerId: 'a', amount: 10, start: '2024-01-01', status: 'past_due' as const };
      const mrr = (pastDueSince: string, pastDueGraceDays: number) =>
        series(
          { subscriptions: [{ ...record, pastDueSince }] },
          { from: '2024-01', to: '2024-02', pastDueGraceDays },
        ).map((row) => row.mrr);
      // 1 January + 31 days is 1 February: still counting at the end of January.
      expect(mrr('2024-01-01', 31)).toEqual([10, 0]);
      expect(mrr('2024-01-01', 30)).toEqual([0, 0]);
      // An instant: 31 January 12:00 + 0 days stops before the month's end.
      expect(mrr('2024-01-31T12:00:00Z', 0)).toEqual([0, 0]);
      expect(mrr('2024-01-31T12:00:00Z', 1)).toEqual([10, 0]);
    });

    it('keeps customer grain: a delinquent record of a customer who still pays is contraction', () => {
      const rows = series(
        {
          subscriptions: [
            { customerId: 'a', amount: 100, start: '2024-01-01', end: '2024-02-15', endReason: 'delinquent' },
            { customerId: 'a', amount: 30, start: '2024-01-01', end: '2024-03-10' },
          ],
        },
        { ...window, to: '2024-03' },
      );
      expect(pick(rows, 'contractionMrr', ...split)).toEqual([
        { contractionMrr: 0, churnedMrr: 0, voluntaryChurnedMrr: 0, delinquentChurnedMrr: 0 },
        { contractionMrr: 100, churnedMrr: 0, voluntaryChurnedMrr: 0, delinquentChurnedMrr: 0 },
        // The record that left last ended voluntarily: the churn is voluntary.
        { contractionMrr: 0, churnedMrr: 30, voluntaryChurnedMrr: 30, delinquentChurnedMrr: 0 },
      ]);
    });

    it('calls a churn delinquent when one of the records that stop that month ended for failed payments', () => {
      const rows = series(
        {
          subscriptions: [
            { customerId: 'a', amount: 100, start: '2024-01-01', end: '2024-02-05' },
            { customerId: 'a', amount: 30, start: '2024-01-01', end: '2024-02-25', endReason: 'delinquent' },
            { customerId: 'b', amount: 20, start: '2024-01-01', end: '2024-02-25', endReason: 'voluntary' },
          ],
        },
        { ...window, to: '2024-02' },
      );
      expect(pick(rows, ...split, ...counts)[1]).toEqual({
        churnedMrr: 150,
        voluntaryChurnedMrr: 20,
        delinquentChurnedMrr: 130,
        churnedCustomers: 2,
        voluntaryChurnedCustomers: 1,
        delinquentChurnedCustomers: 1,
      });
    });

    it('leaves a record without pastDueSince, or ending before its grace, as it is', () => {
      const records = [
        { customerId: 'a', amount: 10, start: '2024-01-01', end: '2024-03-01', status: 'past_due' as const },
        {
          customerId: 'b',
          amount: 20,
          start: '2024-01-01',
          end: '2024-02-10',
          status: 'past_due' as const,
          pastDueSince: '2024-02-01',
        },
      ];
      const rows = series({ subscriptions: records }, { ...window, to: '2024-03', pastDueGraceDays: 20 });
      expect(rows.map((row) => row.mrr)).toEqual([30, 10, 0]);
      expect(rows.map((row) => row.delinquentChurnedMrr)).toEqual([0, 0, 0]);
      expect(rows.map((row) => row.voluntaryChurnedMrr)).toEqual([0, 20, 10]);
    });

    it('ignores the grace when past-due records do not count, and calls a return after it a reactivation', () => {
      const notCounted = { ...window, countPastDue: false };
      expect(series({ subscriptions: book }, { ...notCounted, pastDueGraceDays: 0 })).toEqual(
        series({ subscriptions: book }, notCounted),
      );
      const back = [...book, { customerId: 'a', amount: 100, start: '2024-04-02' }];
      const rows = series({ subscriptions: back }, { ...window, pastDueGraceDays: 30 });
      expect(rows[3]?.reactivationMrr).toBe(100);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'recurringRevenueSeries',
        () =>
          recurringRevenueSeries({ subscriptions: [] }, { from: '2024-01', to: '2024-02', notAnOption: 1 } as never),
        'notAnOption',
      );
    });

    const window = { from: '2024-01', to: '2024-03' };

    it.each([
      [{ from: '2024-01' }, ['to']],
      [{ from: '2024-1', to: '2024-03' }, ['from']],
      [{ from: '2024-04', to: '2024-03' }, ['to']],
      [{ from: '1900-01', to: '2000-01' }, ['to']],
      [{ ...window, lookback: 0 }, ['lookback']],
      [{ ...window, lookback: 1.5 }, ['lookback']],
      [{ ...window, period: 'week' }, ['period']],
      [{ ...window, period: 'Q' }, ['period']],
      [{ ...window, asOf: '2024-01-01' }, []],
      [{ ...window, exchangeRates: { EUR: 1 } }, ['currency']],
      [{ ...window, pastDueGraceDays: -1 }, ['pastDueGraceDays']],
      [{ ...window, pastDueGraceDays: 1.5 }, ['pastDueGraceDays']],
      [{ ...window, pastDueGraceDays: '30' }, ['pastDueGraceDays']],
      [{ ...window, pastDueGraceDays: Number.NaN }, ['pastDueGraceDays']],
      [{ ...window, pastDueGraceDays: Number.POSITIVE_INFINITY }, ['pastDueGraceDays']],
    ])('rejects options %j', (options, path) => {
      expectMetricError(() => series({ subscriptions: [] }, options as never), 'INVALID_INPUT', path);
    });

    it('rejects missing options and bad records, naming the record', () => {
      expectMetricError(() => series({ subscriptions: [] }, undefined as never), 'INVALID_INPUT', ['from']);
      expectMetricError(
        () =>
          series(
            {
              subscriptions: [
                { customerId: 'a', amount: 1 },
                { customerId: 'b', amount: 1, start: '2024-03-01', end: '2024-02-01' },
              ],
            },
            window,
          ),
        'INVALID_INPUT',
        ['subscriptions', 1, 'end'],
      );
      expectMetricError(
        () =>
          series(
            {
              subscriptions: [
                { customerId: 'a', amount: 1, attributes: { plan: 'pro' } },
                { customerId: 'b', amount: 1, attributes: { plan: 'pro', seats: 3 } } as never,
              ],
            },
            window,
          ),
        'INVALID_INPUT',
        ['subscriptions', 1, 'attributes', 'seats'],
      );
      expectMetricError(
        () => series({ subscriptions: [{ customerId: 'a', amount: 1, trialStart: '2024-01-01' }] }, window),
        'INVALID_INPUT',
        ['subscriptions', 0, 'trialStart'],
      );
      expectMetricError(
        () =>
          series(
            { subscriptions: [{ customerId: 'a', amount: 1, start: '2024-01-01', trialStart: '2024-01-02' }] },
            window,
          ),
        'INVALID_INPUT',
        ['subscriptions', 0, 'trialStart'],
      );
      for (const [record, message] of [
        [{ pastDueSince: '2024-01-05' }, "status is 'past_due', and this one's is 'active'"],
        [{ status: 'trialing', pastDueSince: '2024-01-05' }, "this one's is 'trialing'"],
        [{ status: 'past_due', start: '2024-01-10', pastDueSince: '2024-01-05' }, 'must not be before start'],
        [{ status: 'past_due', pastDueSince: 'last week' }, 'must be an ISO date'],
      ] as const) {
        expectMetricError(
          () =>
            series(
              {
                subscriptions: [
                  { customerId: 'a', amount: 1 },
                  { customerId: 'a', amount: 1, ...record },
                ],
              },
              window,
            ),
          'INVALID_INPUT',
          ['subscriptions', 1, 'pastDueSince'],
          message,
        );
      }
      for (const [record, message] of [
        [{ endReason: 'delinquent' }, 'needs an end'],
        [{ end: '2024-02-01', endReason: 'involuntary' }, 'endReason'],
      ] as const) {
        expectMetricError(
          () => series({ subscriptions: [{ customerId: 'a', amount: 1, ...record } as never] }, window),
          'INVALID_INPUT',
          ['subscriptions', 0, 'endReason'],
          message,
        );
      }
      expectMetricError(() => series({ subscriptions: {} } as never, window), 'INVALID_INPUT', ['subscriptions']);
      expectMetricError(() => series({ records: [] } as never, window), 'INVALID_INPUT', ['subscriptions']);
    });
  });

  describe('lazy record lists', () => {
    it('reads a list with an iterator of its own through it, with the same rows as the array', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
        { customerId: 'a', amount: 50, start: '2024-02-01' },
        { customerId: 'b', amount: 1200, interval: 'year' as const, start: '2024-02-20', end: '2024-03-01' },
        { customerId: 'b', amount: 80, start: '2024-04-01' },
      ];
      const window = { from: '2024-01', to: '2024-04', lookback: 1 };
      const indexReads: PropertyKey[] = [];
      const lazy = new Proxy([] as typeof subscriptions, {
        get(target, key, receiver) {
          if (key === 'length') return subscriptions.length;
          if (key === Symbol.iterator) return () => subscriptions.map((record) => ({ ...record }))[Symbol.iterator]();
          indexReads.push(key);
          return Reflect.get(target, key, receiver);
        },
      });
      expect(series({ subscriptions: lazy }, window)).toEqual(series({ subscriptions }, window));
      expect(indexReads).toEqual([]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves records and options unchanged', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: new Date(Date.UTC(2024, 0, 1)), discount: { amount: 1 } },
        { customerId: 'b', amount: '20', start: '2024-02-01', end: '2024-04-01' },
      ];
      const options = { from: '2024-01', to: '2024-04', lookback: 2 };
      const before = structuredClone({ subscriptions, options });
      series({ subscriptions }, options);
      expect({ subscriptions, options }).toEqual(before);
    });
  });

  describe('dated exchange rates', () => {
    const window = { from: '2024-01', to: '2024-04', currency: 'USD' };
    const EUR = [
      { from: '2024-01-01', rate: '1.10' },
      { from: '2024-02-15', rate: '1.05' },
      { from: '2024-04-30', rate: '1.2' },
    ];

    it('splits a change of rate from expansion and contraction, per customer and currency', () => {
      const subscriptions = [
        { customerId: 'eu', amount: 100, currency: 'EUR', start: '2024-01-01' },
        { customerId: 'us', amount: 50, currency: 'USD', start: '2024-01-01' },
        { customerId: 'mix', amount: 10, currency: 'EUR', start: '2024-01-01', end: '2024-03-01' },
        { customerId: 'mix', amount: 10, start: '2024-01-01' },
        { customerId: 'mix', amount: 20, currency: 'GBP', start: '2024-02-10' },
        { customerId: 'late', amount: 30, currency: 'EUR', start: '2024-03-10', end: '2024-04-10' },
      ];
      const rows = series({ subscriptions }, { ...window, exchangeRates: { GBP: '1.25', EUR } });
      expect(pick(rows, 'mrr', 'newMrr', 'expansionMrr', 'contractionMrr', 'churnedMrr', 'fxImpactMrr')).toEqual([
        { mrr: 181, newMrr: 181, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0, fxImpactMrr: 0 },
        // eu: 110 → 105 at February's rate (FX −5); mix: 21 → 20.5 (FX −0.5), then + 25 of GBP (expansion).
        { mrr: 200.5, newMrr: 0, expansionMrr: 25, contractionMrr: 0, churnedMrr: 0, fxImpactMrr: -5.5 },
        // mix loses its EUR line, valued at March's rate (10.5); late is new at March's rate.
        { mrr: 221.5, newMrr: 31.5, expansionMrr: 0, contractionMrr: 10.5, churnedMrr: 0, fxImpactMrr: 0 },
        // April ends at 1.2: eu gains 15 of FX; late churns at March's value.
        { mrr: 205, newMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 31.5, fxImpactMrr: 15 },
      ]);
      for (const row of rows) {
        const { startingMrr, newMrr, expansionMrr, reactivationMrr, contractionMrr, churnedMrr, fxImpactMrr } = row;
        const bridge = startingMrr + newMrr + expansionMrr + reactivationMrr - contractionMrr - churnedMrr;
        expect(bridge + fxImpactMrr).toBeCloseTo(row.mrr, 9);
        expect(row.netNewMrr).toBeCloseTo(row.mrr - startingMrr, 9);
      }
      const quarters = series({ subscriptions }, { ...window, period: 'quarter', exchangeRates: { GBP: '1.25', EUR } });
      expect(quarters.map((row) => row.fxImpactMrr)).toEqual([-5.5, 15]);
      // Retention at each month's rates: eu's 110 in January is 120 in April.
      const trailing = series({ subscriptions }, { ...window, lookback: 3, exchangeRates: { GBP: '1.25', EUR } });
      expect(trailing[3]?.netRevenueRetention).toBeCloseTo((120 + 50 + 35) / 181, 12);
    });

    it("follows ChartMogul: an exchange rate's move is its own line, never expansion or contraction", () => {
      // ChartMogul, "How ChartMogul handles subscriptions billed in foreign currencies": no expansion or
      // contraction from currency fluctuations; they are reported in the Exchange Rate Impact row.
      const subscriptions = [{ customerId: 'a', amount: 100, currency: 'EUR', start: '2024-01-01' }];
      const rows = series({ subscriptions }, { ...window, exchangeRates: { EUR } });
      expect(rows.map((row) => row.mrr)).toEqual([110, 105, 105, 120]);
      expect(rows.map((row) => row.fxImpactMrr)).toEqual([0, -5, 0, 15]);
      expect(rows.map((row) => row.expansionMrr + row.contractionMrr)).toEqual([0, 0, 0, 0]);
    });

    it("follows ProfitWell's worked example under rateDate 'record-start'", () => {
      // ProfitWell, "How do you handle currency conversions?": kr 100 a month from 2017-01-01, a new
      // segment from 2017-03-01; each segment at the rate of its start day: 100 / 7.064195 = $14.16, then
      // 100 / 7.023406 = $14.24 (the article's arithmetic uses 100 for both segments).
      const perUsd: Record<string, string> = { '2017-01-01': '7.064195', '2017-03-01': '7.023406' };
      const calls: string[] = [];
      const exchangeRates = (currency: string, date: string) => {
        calls.push(`${currency} ${date}`);
        return new Decimal(1).div(perUsd[date] ?? '7').toFixed(20);
      };
      const subscriptions = [
        { customerId: 'dk', amount: 100, currency: 'DKK', start: '2017-01-01', end: '2017-03-01' },
        { customerId: 'dk', amount: 100, currency: 'DKK', start: '2017-03-01' },
      ];
      const options = { from: '2017-01', to: '2017-04', currency: 'USD', rounding: { places: 2 } } as const;
      const rows = series({ subscriptions }, { ...options, rateDate: 'record-start', exchangeRates });
      expect(rows.map((row) => row.mrr)).toEqual([14.16, 14.16, 14.24, 14.24]);
      expect(rows.map((row) => row.fxImpactMrr)).toEqual([0, 0, 0, 0]);
      expect(rows[2]?.expansionMrr).toBe(0.08);
      expect(calls).toEqual(['DKK 2017-01-01', 'DKK 2017-03-01']);
    });

    it('calls a rate function once per currency and month end needed, and only for those', () => {
      const calls: string[] = [];
      const exchangeRates = (currency: string, date: string) => {
        calls.push(`${currency} ${date}`);
        return currency === 'EUR' ? '1.1' : 1.25;
      };
      const subscriptions = [
        { customerId: 'a', amount: 10, currency: 'EUR', start: '2024-01-01', end: '2024-02-01' },
        { customerId: 'b', amount: 10, currency: 'EUR', start: '2024-01-01', end: '2024-02-01' },
        { customerId: 'c', amount: 10, currency: 'GBP', start: '2024-04-01' },
        { customerId: 'old', amount: 10, currency: 'CHF', start: '2020-01-01', end: '2020-02-01' },
      ];
      const rows = series({ subscriptions }, { from: '2024-01', to: '2024-04', currency: 'USD', exchangeRates });
      expect(rows.map((row) => row.mrr)).toEqual([22, 0, 0, 12.5]);
      // January's records also need February's rate (to revalue January), then nothing until April.
      expect(calls).toEqual(['EUR 2024-01-31', 'EUR 2024-02-29', 'GBP 2024-04-30']);
    });

    it('refuses a month end without a rate in force, naming the currency, the day and the record', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: '2023-06-01' },
        { customerId: 'b', amount: 10, currency: 'EUR', start: '2023-11-20', end: '2023-12-05' },
      ];
      expectMetricError(
        () => series({ subscriptions }, { ...window, lookback: 2, exchangeRates: { EUR } }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
        'has no rate in force on 2023-11-30, which subscriptions[1] needs (its first rate is from 2024-01-01)',
      );
      expectMetricError(
        () => series({ subscriptions }, { ...window, lookback: 2, rateDate: 'record-start', exchangeRates: { EUR } }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
        'has no rate in force on 2023-11-20, which subscriptions[1] needs',
      );
      // Before the months computed (from − lookback), the record needs no rate: none is looked up.
      for (const rateDate of ['month-end', 'record-start'] as const) {
        const rows = series({ subscriptions }, { ...window, lookback: 1, rateDate, exchangeRates: { EUR } });
        expect(rows.map((row) => row.mrr)).toEqual([10, 10, 10, 10]);
      }
    });

    it('refuses a rate function that throws or returns anything but a positive decimal', () => {
      const subscriptions = [{ customerId: 'a', amount: 10, currency: 'EUR', start: '2024-01-01' }];
      const run = (exchangeRates: (currency: string, date: string) => number | string) =>
        series({ subscriptions }, { ...window, exchangeRates });
      expectMetricError(
        () =>
          run(() => {
            throw new Error('rate service down');
          }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
        'exchangeRates("EUR", "2024-01-31") threw: rate service down',
      );
      for (const [bad, shown] of [
        [0, '0'],
        [-1, '-1'],
        [Number.NaN, 'NaN'],
        ['1,08', '"1,08"'],
        [undefined, 'undefined'],
        [{}, 'an object'],
      ] as const) {
        expectMetricError(
          () => run(() => bad as unknown as number),
          'INVALID_INPUT',
          ['exchangeRates', 'EUR'],
          `exchangeRates("EUR", "2024-01-31") returned ${shown}; a rate must be a positive`,
        );
      }
    });

    it("freezes each record at its start day's rate under 'record-start', and needs a start", () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, currency: 'EUR', start: '2024-01-10' },
        { customerId: 'b', amount: 100, currency: 'EUR', start: '2024-03-01' },
      ];
      const rows = series({ subscriptions }, { ...window, rateDate: 'record-start', exchangeRates: { EUR } });
      expect(rows.map((row) => row.mrr)).toEqual([110, 110, 215, 215]);
      expect(rows.map((row) => row.fxImpactMrr)).toEqual([0, 0, 0, 0]);
      expectMetricError(
        () =>
          series(
            { subscriptions: [{ customerId: 'a', amount: 1, currency: 'EUR' }] },
            { ...window, rateDate: 'record-start', exchangeRates: { EUR } },
          ),
        'INVALID_INPUT',
        ['subscriptions', 0, 'start'],
        "is required: the record is in EUR, whose rate under rateDate 'record-start'",
      );
      // Fixed rates ignore rateDate, with or without a start.
      const fixed = series(
        { subscriptions: [{ customerId: 'a', amount: 1, currency: 'EUR' }] },
        { ...window, rateDate: 'record-start', exchangeRates: { EUR: 2 } },
      );
      expect(fixed[0]?.mrr).toBe(2);
    });

    it('refuses dated tables out of order, repeated days, bad rates and bad option values', () => {
      const subscriptions = [{ customerId: 'a', amount: 1, start: '2024-01-01' }];
      const bad = (exchangeRates: unknown, path: readonly (string | number)[], message?: string) =>
        expectMetricError(
          () => series({ subscriptions }, { ...window, exchangeRates } as never),
          'INVALID_INPUT',
          path,
          message,
        );
      const jan = { from: '2024-01-01', rate: 1.1 };
      bad({ EUR: [jan, { from: '2023-12-01', rate: 1 }] }, ['exchangeRates', 'EUR', 1, 'from'], 'before 2024-01-01');
      bad({ EUR: [jan, { ...jan, rate: 2 }] }, ['exchangeRates', 'EUR', 1, 'from'], 'repeats 2024-01-01');
      bad({ EUR: [jan, { from: '2024-02-01', rate: 2 }, jan] }, ['exchangeRates', 'EUR', 2, 'from']);
      bad({ EUR: [{ from: '2024-01-01', rate: 0 }] }, ['exchangeRates', 'EUR', 0, 'rate'], 'greater than 0');
      bad({ EUR: [{ from: '2024-01-01', rate: '-1.1' }] }, ['exchangeRates', 'EUR', 0, 'rate']);
      bad({ EUR: [{ from: '2024-1-1', rate: 1 }] }, ['exchangeRates', 'EUR', 0, 'from'], 'YYYY-MM-DD');
      bad({ EUR: [{ from: '2024-02-30', rate: 1 }] }, ['exchangeRates', 'EUR', 0, 'from']);
      bad({ EUR: [{ from: '2024-01-01', rate: 1, to: '2024-02-01' }] }, ['exchangeRates', 'EUR', 0]);
      bad({ EUR: [] }, ['exchangeRates', 'EUR'], 'at least one');
      bad({ EUR: 0 }, ['exchangeRates', 'EUR'], 'greater than 0');
      bad({ eur: 1 }, ['exchangeRates', 'eur']);
      bad(12, ['exchangeRates']);
      bad({ USD: [{ from: '2024-01-01', rate: 1.1 }] }, ['exchangeRates'], 'must be 1 for the target currency');
      expect(
        series({ subscriptions }, { ...window, exchangeRates: { USD: [{ from: '2024-01-01', rate: '1.00' }] } })[0]
          ?.mrr,
      ).toBe(1);
      expectMetricError(() => series({ subscriptions }, { ...window, rateDate: 'start' } as never), 'INVALID_INPUT', [
        'rateDate',
      ]);
    });
  });
});

describe('recurringRevenueSeries: delinquent churn of a customer paid in a dated currency', () => {
  it('splits the churn valued at the previous month-end rate, and keeps the bridge with the FX line', () => {
    const rows = recurringRevenueSeries(
      {
        subscriptions: [
          {
            customerId: 'eu',
            amount: 100,
            currency: 'EUR',
            start: '2024-01-01',
            end: '2024-03-10',
            endReason: 'delinquent',
          },
          { customerId: 'fr', amount: 40, currency: 'EUR', start: '2024-01-01', end: '2024-03-10' },
        ],
      },
      {
        from: '2024-01',
        to: '2024-03',
        currency: 'USD',
        exchangeRates: {
          EUR: [
            { from: '2024-01-01', rate: '1.10' },
            { from: '2024-02-01', rate: '1.20' },
          ],
        },
      },
    );
    expect(rows.map((row) => row.mrr)).toEqual([154, 168, 0]);
    expect(rows[1]?.fxImpactMrr).toBe(14);
    // Churned in March at February's rate: 100 × 1.20 delinquent, 40 × 1.20 voluntary.
    expect(rows[2]?.churnedMrr).toBe(168);
    expect(rows[2]?.delinquentChurnedMrr).toBe(120);
    expect(rows[2]?.voluntaryChurnedMrr).toBe(48);
    expect(rows[2]?.delinquentChurnedCustomers).toBe(1);
    expect(rows[2]?.voluntaryChurnedCustomers).toBe(1);
  });
});

describe('recurringRevenueSeries: a failed payment that begins and lapses within one month', () => {
  it('makes the churn of that month delinquent, though the record never paid at a month end', () => {
    // The plan renews on 10 February, the payment fails, and the grace runs out on the 15th.
    const subscriptions = [
      { customerId: 'a', amount: 100, start: '2024-01-01', end: '2024-02-10' },
      { customerId: 'a', amount: 100, start: '2024-02-10', status: 'past_due' as const, pastDueSince: '2024-02-10' },
      { customerId: 'b', amount: 30, start: '2024-01-01', end: '2024-02-05' },
    ];
    const options = { from: '2024-01', to: '2024-03', lookback: 1 };
    const graced = recurringRevenueSeries({ subscriptions }, { ...options, pastDueGraceDays: 5 });
    expect(graced.map((row) => row.mrr)).toEqual([130, 0, 0]);
    expect(graced[1]?.churnedMrr).toBe(130);
    expect(graced[1]?.delinquentChurnedMrr).toBe(100);
    expect(graced[1]?.delinquentChurnedCustomers).toBe(1);
    expect(graced[1]?.voluntaryChurnedCustomers).toBe(1);
    // The same with an ended record that says why it ended; and without a grace the past-due record counts.
    const ended = recurringRevenueSeries(
      {
        subscriptions: [
          subscriptions[0] as (typeof subscriptions)[0],
          { customerId: 'a', amount: 100, start: '2024-02-10', end: '2024-02-20', endReason: 'delinquent' as const },
        ],
      },
      options,
    );
    expect(ended[1]?.delinquentChurnedMrr).toBe(100);
    expect(recurringRevenueSeries({ subscriptions }, options).map((row) => row.mrr)).toEqual([130, 100, 100]);
  });

  it('is no churn at all when the customer still pays that month', () => {
    const rows = recurringRevenueSeries(
      {
        subscriptions: [
          { customerId: 'a', amount: 100, start: '2024-01-01' },
          { customerId: 'a', amount: 20, start: '2024-02-03', end: '2024-02-09', endReason: 'delinquent' },
          { customerId: 'z', amount: 20, start: '2024-02-03', end: '2024-02-09', endReason: 'delinquent' },
        ],
      },
      { from: '2024-01', to: '2024-02', lookback: 1 },
    );
    expect(rows.map((row) => [row.mrr, row.churnedMrr, row.delinquentChurnedMrr, row.newCustomers])).toEqual([
      [100, 0, 0, 1],
      [100, 0, 0, 0],
    ]);
  });
});
