import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { type PurchaseTransaction, summarizePurchases } from './summarizePurchases.js';

const DAY = 86_400_000;
const JAN_1 = Date.UTC(2024, 0, 1);
/** Epoch milliseconds of day `n` of 2024 (0 is January 1), at `hours` past midnight UTC. */
const on = (n: number, hours = 0) => JAN_1 + n * DAY + hours * 3_600_000;

describe('summarizePurchases', () => {
  describe('worked examples', () => {
    // By hand: ana buys on January 3 (twice: one purchase of 25.00), 17 and February 14, then March 20;
    // ben once on February 1. As of February 28 in weeks: ana made 2 repeat purchases, the last 42 days =
    // 6 weeks after her first, observed for 56 days = 8 weeks, spending (30.00 + 45.50) / 2 = 37.75 a repeat
    // purchase; the holdout (to March 27, 4 weeks) has her purchase of March 20. Ben: 27 days = 27/7 weeks.
    it('frequency, recency, age and mean repeat spend, with a holdout period (the doc example)', () => {
      const summary = summarizePurchases(
        {
          transactions: [
            { customerId: 'ana', at: '2024-01-03', amount: '20.00' },
            { customerId: 'ana', at: '2024-01-03', amount: '5.00' },
            { customerId: 'ben', at: '2024-02-01', amount: '12.00' },
            { customerId: 'ana', at: '2024-01-17', amount: '30.00' },
            { customerId: 'ana', at: '2024-02-14', amount: '45.50' },
            { customerId: 'ana', at: '2024-03-20', amount: '18.00' },
          ],
        },
        { asOf: '2024-02-28', unit: 'week', holdoutEnd: '2024-03-27' },
      );
      expect(summary).toEqual({
        customers: [
          {
            customerId: 'ana',
            frequency: 2,
            recency: 6,
            age: 8,
            monetaryValue: 37.75,
            holdoutFrequency: 1,
            holdoutMonetaryValue: 18,
          },
          {
            customerId: 'ben',
            frequency: 0,
            recency: 0,
            age: 27 / 7,
            monetaryValue: 0,
            holdoutFrequency: 0,
            holdoutMonetaryValue: 0,
          },
        ],
        unit: 'week',
        holdoutDuration: 4,
      });
    });

    // lifetimes' README quick start (CamDavidsonPilon/lifetimes, "transactions_A"), in days, as of the last
    // purchase (2015-02-06), as `summary_data_from_transaction_data` defaults to: customer 1 buys on
    // January 1 and 5 (x 1, t_x 4, T 36), customer 2 on January 4 and 30 (1, 26, 33), customer 3 on
    // January 10, February 5 and 6 (2, 27, 27).
    it('the quick start of lifetimes, in days', () => {
      const transactions = [
        { customerId: 1, at: '2015-01-01' },
        { customerId: 1, at: '2015-01-05' },
        { customerId: 2, at: '2015-01-04' },
        { customerId: 2, at: '2015-01-30' },
        { customerId: 3, at: '2015-01-10' },
        { customerId: 3, at: '2015-02-05' },
        { customerId: 3, at: '2015-02-06' },
      ];
      expect(summarizePurchases({ transactions }, { asOf: '2015-02-06' }).customers).toEqual([
        { customerId: 1, frequency: 1, recency: 4, age: 36 },
        { customerId: 2, frequency: 1, recency: 26, age: 33 },
        { customerId: 3, frequency: 2, recency: 27, age: 27 },
      ]);
    });
  });

  describe('edge cases', () => {
    it('counts the purchases of one day once, summing their amounts, whatever their time of day', () => {
      const transactions: PurchaseTransaction[] = [
        { customerId: 'a', at: on(0, 9), amount: '10.00' },
        { customerId: 'a', at: on(3, 0), amount: '1.10' },
        { customerId: 'a', at: on(3, 23.99), amount: '2.20' },
        { customerId: 'a', at: new Date(on(3, 12)), amount: '0.70' },
      ];
      const [history] = summarizePurchases({ transactions }, { asOf: on(10) }).customers;
      expect(history).toEqual({ customerId: 'a', frequency: 1, recency: 3, age: 10, monetaryValue: 4 });
    });

    it('reads dates in UTC: an offset moves a purchase to the day it falls on in UTC', () => {
      const transactions = [
        { customerId: 'a', at: '2024-01-01T10:00:00Z' },
        // 2024-01-02 at 01:00 in Paris is January 1 at 23:00 UTC: the same day as the first purchase.
        { customerId: 'a', at: '2024-01-02T01:00:00+02:00' },
        { customerId: 'a', at: '2024-01-02T01:00:00Z' },
      ];
      expect(summarizePurchases({ transactions }, { asOf: '2024-01-05' }).customers[0]).toMatchObject({
        frequency: 1,
        recency: 1,
      });
    });

    it('takes the transactions in any order; customers come in order of first appearance', () => {
      const sorted = [
        { customerId: 'x', at: on(0), amount: 1 },
        { customerId: 'x', at: on(5), amount: 2 },
        { customerId: 'y', at: on(6), amount: 3 },
        { customerId: 'x', at: on(7), amount: 4 },
        { customerId: 'y', at: on(9), amount: 5 },
      ];
      const shuffled = [sorted[3], sorted[2], sorted[0], sorted[4], sorted[1]] as PurchaseTransaction[];
      const summary = summarizePurchases({ transactions: shuffled }, { asOf: on(20) });
      expect(summary.customers.map((c) => c.customerId)).toEqual(['x', 'y']);
      expect(summary.customers).toEqual(summarizePurchases({ transactions: sorted }, { asOf: on(20) }).customers);
      expect(summary.customers[0]).toEqual({ customerId: 'x', frequency: 2, recency: 7, age: 20, monetaryValue: 3 });
    });

    it('sorts a customer with many purchases in any order', () => {
      const days = Array.from({ length: 200 }, (_, k) => (k * 37) % 150);
      const transactions = days.map((day) => ({ customerId: 'many', at: on(day), amount: day }));
      const [history] = summarizePurchases({ transactions }, { asOf: on(300) }).customers;
      const sum = Array.from({ length: 149 }, (_, k) => k + 1).reduce((a, b) => a + b, 0);
      // 150 distinct days 0…149; the days seen twice (k and k + 150 map to the same day) add their amount twice.
      const twice = days.slice(150).reduce((a, b) => a + b, 0);
      expect(history).toEqual({
        customerId: 'many',
        frequency: 149,
        recency: 149,
        age: 300,
        monetaryValue: (sum + twice) / 149,
      });
    });

    it('measures weeks as 7 days and months as 365/12 days, each one correctly rounded division', () => {
      const transactions = [
        { customerId: 'a', at: on(0) },
        { customerId: 'a', at: on(100) },
      ];
      const days = summarizePurchases({ transactions }, { asOf: on(365) }).customers[0];
      const weeks = summarizePurchases({ transactions }, { asOf: on(365), unit: 'week' }).customers[0];
      const months = summarizePurchases({ transactions }, { asOf: on(365), unit: 'month' }).customers[0];
      expect(days).toMatchObject({ recency: 100, age: 365 });
      expect(weeks).toMatchObject({ recency: 100 / 7, age: 365 / 7 });
      expect(months).toMatchObject({ recency: (100 * 12) / 365, age: 12 });
    });

    it('leaves out customers whose first purchase is on asOf’s day or later (holdout only)', () => {
      const transactions = [
        { customerId: 'kept', at: on(0) },
        { customerId: 'today', at: on(10, 8) },
        { customerId: 'later', at: on(12) },
        { customerId: 'kept', at: on(10, 20) },
      ];
      const summary = summarizePurchases({ transactions }, { asOf: on(10, 12), holdoutEnd: on(20) });
      expect(summary).toEqual({
        customers: [{ customerId: 'kept', frequency: 1, recency: 10, age: 10, holdoutFrequency: 0 }],
        unit: 'day',
        holdoutDuration: 10,
      });
    });

    it('counts a purchase on asOf’s day, at any hour, in the calibration period (t_x = T)', () => {
      const transactions = [
        { customerId: 'a', at: '2024-01-01' },
        { customerId: 'a', at: '2024-01-31T23:59:59Z' },
      ];
      expect(summarizePurchases({ transactions }, { asOf: '2024-01-31T00:00:00Z' }).customers[0]).toMatchObject({
        frequency: 1,
        recency: 30,
        age: 30,
      });
    });

    it('has no monetary fields without amounts', () => {
      const transactions = [
        { customerId: 'a', at: on(0) },
        { customerId: 'a', at: on(4) },
      ];
      expect(summarizePurchases({ transactions }, { asOf: on(9) }).customers).toEqual([
        { customerId: 'a', frequency: 1, recency: 4, age: 9 },
      ]);
    });

    it('sums money exactly: decimal strings, numbers, more than two decimals, beyond 2^53 cents', () => {
      const transactions = [
        { customerId: 'a', at: on(0), amount: '5.00' },
        { customerId: 'a', at: on(1), amount: 0.1 },
        { customerId: 'a', at: on(2), amount: '0.2' },
        { customerId: 'a', at: on(3), amount: '0.0005' },
        { customerId: 'b', at: on(0), amount: '1' },
        { customerId: 'b', at: on(1), amount: '90071992547409.93' },
        { customerId: 'b', at: on(2), amount: '90071992547409.93' },
      ];
      const [a, b] = summarizePurchases({ transactions }, { asOf: on(5) }).customers;
      // (0.1 + 0.2 + 0.0005) / 3 = 0.1001666…, one division of exact decimals.
      expect(a?.monetaryValue).toBe(3005 / 30_000);
      // The double nearest to 90 071 992 547 409.93 (a literal of it would be flagged for its lost digits).
      expect(b?.monetaryValue).toBe(Number('90071992547409.93'));
    });

    it('keeps integer and string ids apart, and gives −0 back as 0', () => {
      const transactions = [
        { customerId: 1, at: on(0) },
        { customerId: '1', at: on(1) },
        { customerId: -0, at: on(2) },
        { customerId: 0, at: on(3) },
      ];
      const summary = summarizePurchases({ transactions }, { asOf: on(5) });
      expect(summary.customers.map((c) => [c.customerId, c.frequency])).toEqual([
        [1, 0],
        ['1', 0],
        [0, 1],
      ]);
      expect(Object.is(summary.customers[2]?.customerId, 0)).toBe(true);
    });

    it('gives the same summary from columns as from records, typed arrays included', () => {
      const transactions = [
        { customerId: 'a', at: on(0), amount: '10.00' },
        { customerId: 'b', at: on(1), amount: '5.25' },
        { customerId: 'a', at: on(1, 5), amount: '7.50' },
        { customerId: 'a', at: on(8), amount: '2.00' },
        { customerId: 'b', at: on(31), amount: '4.00' },
      ];
      const options = { asOf: on(30), unit: 'week', holdoutEnd: on(60) } as const;
      const records = summarizePurchases({ transactions }, options);
      const columns = summarizePurchases(
        {
          customerIds: transactions.map((t) => t.customerId),
          at: Float64Array.from(transactions.map((t) => t.at)),
          amounts: Float64Array.from(transactions.map((t) => Number(t.amount))),
        },
        options,
      );
      expect(columns).toEqual(records);
      const isoColumns = summarizePurchases(
        {
          customerIds: transactions.map((t) => t.customerId),
          at: transactions.map((t) => new Date(t.at).toISOString()),
          amounts: transactions.map((t) => t.amount),
        },
        options,
      );
      expect(isoColumns).toEqual(records);
      expect(
        summarizePurchases({ customerIds: new Int32Array([5, 5, 6]), at: [on(0), on(2), on(1)] }, { asOf: on(4) })
          .customers,
      ).toEqual([
        { customerId: 5, frequency: 1, recency: 2, age: 4 },
        { customerId: 6, frequency: 0, recency: 0, age: 3 },
      ]);
    });
  });

  describe('validation', () => {
    const asOf = on(10);
    const ok = { customerId: 'a', at: on(0), amount: '1.00' };

    it('refuses a purchase after asOf without a holdout, naming it and its customer', () => {
      const transactions = [ok, { customerId: 'late', at: on(11), amount: '2.00' }];
      const error = expectMetricError(
        () => summarizePurchases({ transactions }, { asOf }),
        'INVALID_INPUT',
        ['transactions', 1, 'at'],
        'transactions[1].at is after asOf (2024-01-11), a purchase of customer "late": give holdoutEnd',
      );
      expect(error.issues).toHaveLength(1);
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a', 7], at: [on(0), on(12)] }, { asOf }),
        'INVALID_INPUT',
        ['at', 1],
        'a purchase of customer 7',
      );
    });

    it('refuses a purchase after holdoutEnd', () => {
      const transactions = [ok, { customerId: 'a', at: on(15), amount: '2.00' }, { ...ok, at: on(21) }];
      expectMetricError(
        () => summarizePurchases({ transactions }, { asOf, holdoutEnd: on(20) }),
        'INVALID_INPUT',
        ['transactions', 2, 'at'],
        'is after holdoutEnd (2024-01-21)',
      );
    });

    it('refuses a bad transaction, naming its field', () => {
      const cases: [unknown, (string | number)[]][] = [
        [{ customerId: 'a', at: on(0), amount: -1 }, ['transactions', 1, 'amount']],
        [{ customerId: 'a', at: on(0), amount: '-0.01' }, ['transactions', 1, 'amount']],
        [{ customerId: 'a', at: on(0), amount: 'ten' }, ['transactions', 1, 'amount']],
        [{ at: on(0), amount: 1 }, ['transactions', 1, 'customerId']],
        [{ customerId: '', at: on(0), amount: 1 }, ['transactions', 1, 'customerId']],
        [{ customerId: 1.5, at: on(0), amount: 1 }, ['transactions', 1, 'customerId']],
        [{ customerId: 'a', at: '2024-02-30', amount: 1 }, ['transactions', 1, 'at']],
        [{ customerId: 'a', amount: 1 }, ['transactions', 1, 'at']],
        [{ customerId: 'a', at: new Date(Number.NaN), amount: 1 }, ['transactions', 1, 'at']],
        [null, ['transactions', 1]],
        [{ customerId: 'a', at: on(0), amount: 1, quantity: 2 }, ['transactions', 1]],
      ];
      for (const [bad, path] of cases) {
        const transactions = [ok, bad] as PurchaseTransaction[];
        expectMetricError(() => summarizePurchases({ transactions }, { asOf }), 'INVALID_INPUT', path);
      }
    });

    it('refuses amounts on some transactions only', () => {
      expectMetricError(
        () => summarizePurchases({ transactions: [ok, { customerId: 'a', at: on(1) }] }, { asOf }),
        'INVALID_INPUT',
        ['transactions', 1, 'amount'],
        'is missing, but transactions[0] has one',
      );
      expectMetricError(
        () => summarizePurchases({ transactions: [{ customerId: 'a', at: on(1) }, ok] }, { asOf }),
        'INVALID_INPUT',
        ['transactions', 1, 'amount'],
        'is given, but transactions[0] has none',
      );
    });

    it('refuses bad columns, naming the element', () => {
      const at = [on(0), on(1)];
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a', null] as never, at }, { asOf }),
        'INVALID_INPUT',
        ['customerIds', 1],
      );
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a', 'b'], at: [on(0), 'soon'] }, { asOf }),
        'INVALID_INPUT',
        ['at', 1],
      );
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a', 'b'], at, amounts: new Float64Array([1, -2]) }, { asOf }),
        'INVALID_INPUT',
        ['amounts', 1],
      );
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a', 'b'], at: [on(0)] }, { asOf }),
        'INVALID_INPUT',
        ['at'],
        'must have one element per customer id: 2 ids, 1 elements',
      );
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a', 'b'], at, amounts: [1] }, { asOf }),
        'INVALID_INPUT',
        ['amounts'],
      );
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a'] } as never, { asOf }),
        'INVALID_INPUT',
        ['at'],
        'is required',
      );
    });

    it('reports NO_DATA without transactions, or without a customer before asOf', () => {
      expectMetricError(() => summarizePurchases({ transactions: [] }, { asOf }), 'NO_DATA', ['transactions']);
      expectMetricError(() => summarizePurchases({ customerIds: [], at: [] }, { asOf }), 'NO_DATA', ['customerIds']);
      expectMetricError(
        () => summarizePurchases({ transactions: [{ ...ok, at: on(10, 5) }] }, { asOf }),
        'NO_DATA',
        ['transactions'],
        "has no customer whose first purchase is before asOf's day",
      );
      expectMetricError(
        () => summarizePurchases({ customerIds: ['a'], at: [on(15)] }, { asOf, holdoutEnd: on(20) }),
        'NO_DATA',
        ['customerIds'],
      );
    });

    it('refuses bad options, naming them', () => {
      const transactions = [ok];
      expectMetricError(() => summarizePurchases({ transactions }, {} as never), 'INVALID_INPUT', ['asOf']);
      expectMetricError(() => summarizePurchases({ transactions }, undefined as never), 'INVALID_INPUT', ['asOf']);
      expectMetricError(
        () => summarizePurchases({ transactions }, { asOf, unit: 'year' as never }),
        'INVALID_INPUT',
        ['unit'],
        "unit must be one of 'day', 'week', 'month'",
      );
      expectMetricError(
        () => summarizePurchases({ transactions }, { asOf, holdoutEnd: on(10, 23) }),
        'INVALID_INPUT',
        ['holdoutEnd'],
        "holdoutEnd must be a day after asOf's",
      );
      expectMetricError(() => summarizePurchases({ transactions }, { asOf: 'yesterday' }), 'INVALID_INPUT', ['asOf']);
    });

    it('refuses an input of neither form, or with both', () => {
      expectMetricError(() => summarizePurchases([] as never, { asOf }), 'INVALID_INPUT', []);
      expectMetricError(() => summarizePurchases({ rows: [] } as never, { asOf }), 'INVALID_INPUT', []);
      expectMetricError(
        () => summarizePurchases({ transactions: [ok], customerIds: ['a'] } as never, { asOf }),
        'INVALID_INPUT',
        [],
        "has unknown key 'customerIds'",
      );
      expectMetricError(() => summarizePurchases({ transactions: 'all' } as never, { asOf }), 'INVALID_INPUT', [
        'transactions',
      ]);
    });
  });

  it('does not mutate its input', () => {
    const transactions = Object.freeze([
      Object.freeze({ customerId: 'b', at: on(5), amount: '3.00' }),
      Object.freeze({ customerId: 'a', at: on(2), amount: '1.00' }),
      Object.freeze({ customerId: 'b', at: on(1), amount: '2.00' }),
    ]);
    const at = Float64Array.from([on(5), on(2), on(1)]);
    const copy = structuredClone(transactions);
    summarizePurchases({ transactions }, { asOf: on(9) });
    summarizePurchases({ customerIds: ['b', 'a', 'b'], at }, { asOf: on(9) });
    expect(transactions).toEqual(copy);
    expect([...at]).toEqual([on(5), on(2), on(1)]);
  });
});
