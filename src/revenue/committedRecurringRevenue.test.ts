import { describe, expect, it } from 'vitest';
import { isMetricError } from '../errors.js';
import { committedRecurringRevenue } from './committedRecurringRevenue.js';
import { monthlyRecurringRevenue } from './monthlyRecurringRevenue.js';

function failure(run: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  try {
    run();
  } catch (error) {
    if (!isMetricError(error)) throw error;
    return { code: error.code, path: error.issues[0]?.path ?? [], message: error.message };
  }
  throw new Error('expected a MetricError');
}

describe('committedRecurringRevenue', () => {
  describe('worked examples', () => {
    it('takes the scheduled cancellations out of MRR, by customer (worked by hand)', () => {
      // At 15 May 2024:
      // a: $100/month, cancellation scheduled for 1 July            → $100 scheduled
      // b: $1 200/year = $100/month, nothing scheduled              → $100 committed
      // b: $30/month add-on, cancellation scheduled for 15 June      → $30 scheduled (b: $30, 15 June)
      // c: $50/month, its cancellation took effect on 1 April         → counts nowhere
      // d: $90/quarter on trial, cancellation scheduled               → not MRR, not scheduled churn
      // e: $45/month canceled at the end of its period, 1 June        → MRR to its end; no cancelAt, committed
      // MRR = 100 + 100 + 30 + 45 = 275; scheduled = 100 + 30 = 130; committed = 145.
      const subscriptions = [
        { customerId: 'a', amount: 100, start: '2024-01-01', cancelAt: '2024-07-01' },
        { customerId: 'b', amount: 1200, interval: 'year', start: '2023-06-01' },
        { customerId: 'b', amount: '30.00', start: '2024-03-01', cancelAt: '2024-06-15' },
        { customerId: 'c', amount: 50, start: '2024-01-01', cancelAt: '2024-04-01' },
        { customerId: 'd', amount: 90, interval: 'quarter', status: 'trialing', cancelAt: '2024-06-01' },
        { customerId: 'e', amount: 45, status: 'canceled', start: '2024-02-01', end: '2024-06-01' },
      ] as const;
      expect(committedRecurringRevenue({ subscriptions }, { asOf: '2024-05-15' })).toEqual({
        mrr: 275,
        scheduledChurnMrr: 130,
        committedMrr: 145,
        customers: [
          { customerId: 'b', mrr: 30, cancelAt: '2024-06-15T00:00:00.000Z' },
          { customerId: 'a', mrr: 100, cancelAt: '2024-07-01T00:00:00.000Z' },
        ],
      });
      // Counting trials brings d's $30 a month into MRR and into the scheduled churn.
      const withTrials = committedRecurringRevenue({ subscriptions }, { asOf: '2024-05-15', countTrialing: true });
      expect([withTrials.mrr, withTrials.scheduledChurnMrr, withTrials.committedMrr]).toEqual([305, 160, 145]);
      expect(withTrials.customers.map((customer) => customer.customerId)).toEqual(['d', 'b', 'a']);
    });

    it('reads a scheduled cancellation as ChartMogul does: it lowers CMRR until its date, then MRR', () => {
      // ChartMogul publishes no figures for CMRR; its definition: a "Cancellation (Scheduled)" event lowers
      // committed MRR from when it is known, and becomes a churn movement of MRR when it takes effect.
      const subscriptions = [
        { customerId: 'acme', amount: 500, start: '2024-01-01', cancelAt: '2024-06-30' },
        { customerId: 'globex', amount: 300, start: '2024-01-01' },
      ];
      const before = committedRecurringRevenue({ subscriptions }, { asOf: '2024-06-29T23:59:59.999Z' });
      expect([before.mrr, before.scheduledChurnMrr, before.committedMrr]).toEqual([800, 500, 300]);
      const at = committedRecurringRevenue({ subscriptions }, { asOf: '2024-06-30' });
      expect(at).toEqual({ mrr: 300, scheduledChurnMrr: 0, committedMrr: 300, customers: [] });
    });
  });

  describe('policies', () => {
    it('equals monthlyRecurringRevenue at asOf when nothing is scheduled, and that function ignores cancelAt', () => {
      const plain = [
        { customerId: 'a', amount: 90, interval: 'quarter', start: '2024-01-15', end: '2024-09-01' },
        { customerId: 'b', amount: '19.99', quantity: 3, discount: { percent: '0.1' }, status: 'past_due' },
        { customerId: 'c', amount: '12.50', interval: 'week', intervalCount: 2, discount: { amount: '5' } },
      ] as const;
      const asOf = '2024-03-15';
      const mrr = monthlyRecurringRevenue({ subscriptions: plain }, { asOf });
      expect(committedRecurringRevenue({ subscriptions: plain }, { asOf })).toEqual({
        mrr,
        scheduledChurnMrr: 0,
        committedMrr: mrr,
        customers: [],
      });
      const flagged = plain.map((record) => ({ ...record, cancelAt: '2024-12-01' }));
      expect(monthlyRecurringRevenue({ subscriptions: flagged }, { asOf })).toBe(mrr);
      expect(committedRecurringRevenue({ subscriptions: flagged }, { asOf }).scheduledChurnMrr).toBe(mrr);
    });

    it('converts currencies and rounds lines as monthlyRecurringRevenue does', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, currency: 'EUR', cancelAt: '2024-06-01' },
        { customerId: 'b', amount: '80.00', currency: 'GBP' },
        { customerId: 'c', amount: 10, interval: 'year', cancelAt: '2024-07-01' },
      ] as const;
      const options = {
        asOf: '2024-05-01',
        currency: 'USD',
        exchangeRates: { EUR: '1.0837', GBP: 1.27 },
        rounding: { places: 2 },
      };
      const result = committedRecurringRevenue({ subscriptions }, options);
      // 108.37 + 101.60 + 0.83 (10/12 rounded to cents) = 210.80; scheduled 108.37 + 0.83 = 109.20.
      expect(result.mrr).toBe(210.8);
      expect(result.mrr).toBe(monthlyRecurringRevenue({ subscriptions }, options));
      expect(result.scheduledChurnMrr).toBe(109.2);
      expect(result.committedMrr).toBe(101.6);
      expect(result.customers).toEqual([
        { customerId: 'a', mrr: 108.37, cancelAt: '2024-06-01T00:00:00.000Z' },
        { customerId: 'c', mrr: 0.83, cancelAt: '2024-07-01T00:00:00.000Z' },
      ]);
    });

    it('converts dated rates at the rate in force on the day of asOf, as monthlyRecurringRevenue', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, currency: 'EUR', start: '2024-01-01', cancelAt: '2024-06-01' },
        { customerId: 'b', amount: 10, currency: 'EUR', start: '2024-01-01' },
        { customerId: 'old', amount: 10, currency: 'EUR', start: '2020-01-01', end: '2020-02-01' },
      ];
      const exchangeRates = {
        EUR: [
          { from: '2024-01-01', rate: '1.1' },
          { from: '2024-05-01', rate: '1.2' },
        ],
      };
      const options = { asOf: '2024-05-15', currency: 'USD', exchangeRates };
      const result = committedRecurringRevenue({ subscriptions }, options);
      expect([result.mrr, result.scheduledChurnMrr, result.committedMrr]).toEqual([132, 120, 12]);
      expect(result.mrr).toBe(monthlyRecurringRevenue({ subscriptions }, options));
      const frozen = committedRecurringRevenue({ subscriptions }, { ...options, rateDate: 'record-start' });
      expect(frozen.mrr).toBe(121);
      // Only records counted at asOf need a rate: none of these had started on 2023-12-31.
      expect(committedRecurringRevenue({ subscriptions }, { ...options, asOf: '2023-12-31' }).mrr).toBe(0);
      const early = [{ customerId: 'x', amount: 1, currency: 'EUR', start: '2023-01-01' }];
      expect(
        failure(() => committedRecurringRevenue({ subscriptions: early }, { ...options, asOf: '2023-12-31' })),
      ).toEqual({
        code: 'INVALID_INPUT',
        path: ['exchangeRates', 'EUR'],
        message: expect.stringContaining('no rate in force on 2023-12-31, which subscriptions[0] needs'),
      });
    });

    it('sums a customer over its records, with its earliest cancellation', () => {
      const subscriptions = [
        { customerId: 'x', amount: '10.10', cancelAt: '2024-09-01' },
        { customerId: 'x', amount: '20.20', cancelAt: '2024-08-01' },
        { customerId: 'x', amount: 5 },
        { customerId: 'w', amount: 1, cancelAt: '2024-08-01' },
      ];
      const result = committedRecurringRevenue({ subscriptions }, { asOf: '2024-07-01' });
      expect(result.customers).toEqual([
        { customerId: 'w', mrr: 1, cancelAt: '2024-08-01T00:00:00.000Z' },
        { customerId: 'x', mrr: 30.3, cancelAt: '2024-08-01T00:00:00.000Z' },
      ]);
      expect([result.mrr, result.scheduledChurnMrr, result.committedMrr]).toEqual([36.3, 31.3, 5]);
    });

    it('keeps committed + scheduled = MRR exact where the numbers would not add up', () => {
      // 0.1 + 0.2 in doubles is 0.30000000000000004; the sums here are exact until the end.
      const subscriptions = [
        { customerId: 'a', amount: '0.1', cancelAt: '2025-01-01' },
        { customerId: 'b', amount: '0.2' },
      ];
      const result = committedRecurringRevenue({ subscriptions }, { asOf: '2024-01-01' });
      expect([result.mrr, result.scheduledChurnMrr, result.committedMrr]).toEqual([0.3, 0.1, 0.2]);
    });
  });

  describe('past-due grace', () => {
    it('honours pastDueGraceDays as monthlyRecurringRevenue does, and refuses a bad one', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, start: '2024-01-01', status: 'past_due' as const, pastDueSince: '2024-04-01' },
        { customerId: 'b', amount: 50, start: '2024-01-01', cancelAt: '2024-07-01' },
      ];
      const at = (asOf: string, pastDueGraceDays?: number) =>
        committedRecurringRevenue(
          { subscriptions },
          { asOf, ...(pastDueGraceDays === undefined ? {} : { pastDueGraceDays }) },
        );
      expect(at('2024-05-15').mrr).toBe(150);
      // 1 April + 30 days = 1 May: no longer MRR, so neither committed nor scheduled.
      expect(at('2024-05-15', 30)).toMatchObject({ mrr: 50, scheduledChurnMrr: 50, committedMrr: 0 });
      expect(at('2024-04-30', 30)).toMatchObject({ mrr: 150, committedMrr: 100 });
      for (const days of [-1, 2.5]) {
        expect(failure(() => at('2024-05-15', days))).toMatchObject({
          code: 'INVALID_INPUT',
          path: ['pastDueGraceDays'],
        });
      }
      expect(monthlyRecurringRevenue({ subscriptions }, { asOf: '2024-05-15', pastDueGraceDays: 30 })).toBe(50);
    });
  });

  describe('edge cases', () => {
    it('returns zeros and no customers for no records', () => {
      expect(committedRecurringRevenue({ subscriptions: [] }, { asOf: 0 })).toEqual({
        mrr: 0,
        scheduledChurnMrr: 0,
        committedMrr: 0,
        customers: [],
      });
    });

    it('counts a record from its start, and a cancellation at its start is effective there', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, start: '2024-05-01', cancelAt: '2024-05-01' },
        { customerId: 'b', amount: 20, start: '2024-05-01', cancelAt: '2024-05-02' },
      ];
      expect(committedRecurringRevenue({ subscriptions }, { asOf: '2024-05-01' })).toEqual({
        mrr: 20,
        scheduledChurnMrr: 20,
        committedMrr: 0,
        customers: [{ customerId: 'b', mrr: 20, cancelAt: '2024-05-02T00:00:00.000Z' }],
      });
    });

    it('leaves out canceled records without an end, and records not yet started or already ended', () => {
      const subscriptions = [
        { customerId: 'a', amount: 10, status: 'canceled', cancelAt: '2030-01-01' },
        { customerId: 'b', amount: 20, start: '2024-06-01', cancelAt: '2030-01-01' },
        { customerId: 'c', amount: 30, end: '2024-01-01', cancelAt: '2030-01-01' },
        { customerId: 'd', amount: 40, status: 'paused', cancelAt: '2030-01-01' },
      ] as const;
      expect(committedRecurringRevenue({ subscriptions }, { asOf: '2024-05-01' }).mrr).toBe(0);
      const paused = committedRecurringRevenue({ subscriptions }, { asOf: '2024-05-01', countPaused: true });
      expect(paused.customers).toEqual([{ customerId: 'd', mrr: 40, cancelAt: '2030-01-01T00:00:00.000Z' }]);
    });

    it('accepts dates as Date objects and epoch milliseconds', () => {
      const list = [{ customerId: 'a', amount: 7, cancelAt: new Date(Date.UTC(2024, 0, 2)) }];
      expect(committedRecurringRevenue({ subscriptions: list }, { asOf: Date.UTC(2024, 0, 1) }).customers).toEqual([
        { customerId: 'a', mrr: 7, cancelAt: '2024-01-02T00:00:00.000Z' },
      ]);
    });
  });

  describe('validation', () => {
    const ok = [{ customerId: 'a', amount: 10, start: '2024-01-01' }];

    it('names a cancelAt before its start', () => {
      const subscriptions = [...ok, { customerId: 'b', amount: 10, start: '2024-02-01', cancelAt: '2024-01-31' }];
      const error = failure(() => committedRecurringRevenue({ subscriptions }, { asOf: '2024-03-01' }));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', path: ['subscriptions', 1, 'cancelAt'] });
      expect(error.message).toContain('must not be before start');
    });

    it('names a cancelAt that is not a date, and the other record problems', () => {
      expect(
        failure(() =>
          committedRecurringRevenue({ subscriptions: [{ customerId: 'a', amount: 1, cancelAt: 'soon' }] }, { asOf: 0 }),
        ),
      ).toMatchObject({ code: 'INVALID_INPUT', path: ['subscriptions', 0, 'cancelAt'] });
      expect(
        failure(() => committedRecurringRevenue({ subscriptions: [{ customerId: 'a', amount: -1 }] }, { asOf: 0 })),
      ).toMatchObject({ code: 'INVALID_INPUT', path: ['subscriptions', 0, 'amount'] });
      expect(failure(() => committedRecurringRevenue({ subscriptions: 'a' } as never, { asOf: 0 }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['subscriptions'],
      });
    });

    it('requires asOf and validates the options', () => {
      for (const [options, path] of [
        [undefined, ['asOf']],
        [{}, ['asOf']],
        [{ asOf: 'tomorrow' }, ['asOf']],
        [{ asOf: 0, countPaused: 'yes' }, ['countPaused']],
        [{ asOf: 0, exchangeRates: { EUR: 1 } }, ['currency']],
        [{ asOf: 0, rounding: { places: 11 } }, ['rounding', 'places']],
        [{ asOf: 0, customers: true }, []],
      ] as const) {
        const error = failure(() => committedRecurringRevenue({ subscriptions: ok }, options as never));
        expect(error.code).toBe('INVALID_INPUT');
        if (path.length > 0) expect(error.path).toEqual(path);
      }
    });

    it('refuses mixed currencies without rates', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1, currency: 'EUR' },
        { customerId: 'b', amount: 1, currency: 'USD', cancelAt: '2030-01-01' },
      ];
      expect(failure(() => committedRecurringRevenue({ subscriptions }, { asOf: 0 }))).toMatchObject({
        code: 'INVALID_INPUT',
        path: ['subscriptions', 1, 'currency'],
      });
    });
  });

  it('does not mutate input', () => {
    const subscriptions = [
      { customerId: 'a', amount: 100, start: '2024-01-01', cancelAt: new Date(Date.UTC(2024, 6, 1)) },
      { customerId: 'b', amount: '30.00', discount: { percent: 0.5 }, cancelAt: '2024-06-15' },
    ];
    const options = { asOf: '2024-05-15', rounding: { places: 2 } };
    const before = structuredClone({ subscriptions, options });
    committedRecurringRevenue({ subscriptions }, options);
    expect({ subscriptions, options }).toEqual(before);
  });
});
