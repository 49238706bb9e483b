import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { monthlyRecurringRevenue } from './monthlyRecurringRevenue.js';

const mrr = monthlyRecurringRevenue;

function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

describe('monthlyRecurringRevenue', () => {
  describe('worked examples', () => {
    it('is customers × ARPA: 500 customers at $200 is $100,000 (doc 000, rows 2 and 23)', () => {
      expect(mrr({ customers: 500, averageRevenuePerAccount: 200 })).toBe(100_000);
      expect(mrr({ customers: 3, averageRevenuePerAccount: '19.99' })).toBe(59.97);
      expect(mrr({ customers: 0, averageRevenuePerAccount: 200 })).toBe(0);
      expect(mrr({ customers: 3, averageRevenuePerAccount: '0.1234567890123456789' })).toBe(
        Number('0.3703703670370370367'),
      );
    });

    it('sums the same from records: 500 records of $200', () => {
      const subscriptions = times(500, (i) => ({ customerId: `c${i}`, amount: 200 }));
      expect(mrr({ subscriptions })).toBe(100_000);
    });

    it("gives Stripe's example: 100 × $100 a month and 50 × $600 a year is $12,500", () => {
      // Stripe, "Billing metric definitions". The page's formula prints 800 USD/12 for the 600 USD plan but
      // its result, 12,500, is the one for 600: 100 × 100 + 50 × 600/12 = 12,500.
      const subscriptions = [
        ...times(100, (i) => ({ customerId: `a${i}`, amount: 100 })),
        ...times(50, (i) => ({ customerId: `b${i}`, amount: 600, interval: 'year' as const })),
      ];
      expect(mrr({ subscriptions })).toBe(12_500);
    });

    it("gives ChartMogul's examples: 5 × $5 is $25, two more at $30 make $85", () => {
      const five = times(5, (i) => ({ customerId: `c${i}`, amount: 5 }));
      expect(mrr({ subscriptions: five })).toBe(25);
      const seven = [...five, { customerId: 'x', amount: 30 }, { customerId: 'y', amount: 30 }];
      expect(mrr({ subscriptions: seven })).toBe(85);
    });

    it("adds ChartMogul's Syncalytics lines: $2,000 a year and two $30 seats", () => {
      const subscriptions = [
        { customerId: 'syncalytics', amount: 500, quantity: 4, interval: 'year' as const },
        { customerId: 'syncalytics', amount: 30, quantity: 2 },
      ];
      expect(mrr({ subscriptions })).toBe(2000 / 12 + 60);
      expect(mrr({ subscriptions }, { rounding: { places: 2 } })).toBe(226.67);
    });

    it('counts the published cases together: quarterly $90, $120 a year less 10 %, $10 with a 50 % coupon', () => {
      const subscriptions = [
        { customerId: 'a', amount: 90, interval: 'quarter' as const },
        { customerId: 'b', amount: 120, interval: 'year' as const, discount: { percent: 0.1 } },
        { customerId: 'c', amount: 10, discount: { percent: 0.5 } },
      ];
      expect(mrr({ subscriptions })).toBe(44);
    });
  });

  describe('statuses', () => {
    const subscriptions = [
      { customerId: 'a', amount: 100 },
      { customerId: 'b', amount: 10, status: 'trialing' as const },
      { customerId: 'c', amount: 20, status: 'past_due' as const },
      { customerId: 'd', amount: 40, status: 'paused' as const },
      { customerId: 'e', amount: 80, status: 'canceled' as const, start: '2024-01-01', end: '2024-06-01' },
      { customerId: 'f', amount: 160, status: 'active' as const },
    ];

    it('counts active and past-due, not trialing, paused or (in a snapshot) canceled, by default', () => {
      expect(mrr({ subscriptions })).toBe(280);
    });

    it('follows countTrialing, countPaused and countPastDue', () => {
      expect(mrr({ subscriptions }, { countTrialing: true })).toBe(290);
      expect(mrr({ subscriptions }, { countPaused: true })).toBe(320);
      expect(mrr({ subscriptions }, { countPastDue: false })).toBe(260);
    });

    it('counts a canceled record inside its span when measured at an instant', () => {
      expect(mrr({ subscriptions }, { asOf: '2024-03-01' })).toBe(360);
      expect(mrr({ subscriptions }, { asOf: '2024-06-01' })).toBe(280);
    });

    it('never counts a canceled record without an end', () => {
      const canceled = [{ customerId: 'a', amount: 10, status: 'canceled' as const, start: '2024-01-01' }];
      expect(mrr({ subscriptions: canceled }, { asOf: '2030-01-01' })).toBe(0);
      expect(mrr({ subscriptions: canceled })).toBe(0);
    });
  });

  describe('asOf', () => {
    const subscriptions = [{ customerId: 'a', amount: 30, start: '2024-01-15', end: '2024-03-01' }];

    it('uses half-open spans: start included, end excluded', () => {
      expect(mrr({ subscriptions }, { asOf: '2024-01-14T23:59:59.999Z' })).toBe(0);
      expect(mrr({ subscriptions }, { asOf: '2024-01-15' })).toBe(30);
      expect(mrr({ subscriptions }, { asOf: Date.UTC(2024, 1, 29, 23, 59, 59, 999) })).toBe(30);
      expect(mrr({ subscriptions }, { asOf: new Date(Date.UTC(2024, 2, 1)) })).toBe(0);
    });

    it('treats a missing start or end as open', () => {
      const open = [
        { customerId: 'a', amount: 5 },
        { customerId: 'b', amount: 7, end: '2000-01-01T00:00:00+02:00' },
      ];
      expect(mrr({ subscriptions: open }, { asOf: '1999-12-31T21:59:59Z' })).toBe(12);
      expect(mrr({ subscriptions: open }, { asOf: '1999-12-31T22:00:00Z' })).toBe(5);
    });

    it('ignores dates without asOf', () => {
      expect(mrr({ subscriptions })).toBe(30);
    });
  });

  describe('past-due grace', () => {
    // Past due since 10 March 2024.
    const overdue = [
      { customerId: 'a', amount: 30, status: 'past_due' as const, start: '2024-01-01', pastDueSince: '2024-03-10' },
      { customerId: 'b', amount: 20, start: '2024-01-01' },
      { customerId: 'c', amount: 10, status: 'past_due' as const, start: '2024-01-01' },
    ];
    const mrr = (options: Parameters<typeof monthlyRecurringRevenue>[1]) =>
      monthlyRecurringRevenue({ subscriptions: overdue }, options);

    it('counts a past-due record until it ends by default, as Stripe and ChartMogul', () => {
      expect(mrr({ asOf: '2025-01-01' })).toBe(60);
    });

    it('stops counting it pastDueGraceDays after pastDueSince (ChartMogul: 30 days past due)', () => {
      expect(mrr({ asOf: '2024-04-08T23:59:59Z', pastDueGraceDays: 30 })).toBe(60);
      expect(mrr({ asOf: '2024-04-09', pastDueGraceDays: 30 })).toBe(30);
      // PostHog's 45 days.
      expect(mrr({ asOf: '2024-04-23', pastDueGraceDays: 45 })).toBe(60);
      expect(mrr({ asOf: '2024-04-24', pastDueGraceDays: 45 })).toBe(30);
      expect(mrr({ asOf: '2024-03-10', pastDueGraceDays: 0 })).toBe(30);
      expect(mrr({ asOf: '2024-03-09', pastDueGraceDays: 0 })).toBe(60);
    });

    it('does nothing when past-due records do not count', () => {
      expect(mrr({ asOf: '2024-03-09', countPastDue: false, pastDueGraceDays: 0 })).toBe(20);
      expect(mrr({ asOf: '2024-05-01', countPastDue: false, pastDueGraceDays: 0 })).toBe(20);
    });

    it('refuses a grace that is not a whole number of days, or without asOf', () => {
      for (const days of [-1, 0.5, '30', Number.NaN]) {
        expectMetricError(() => mrr({ asOf: '2024-04-01', pastDueGraceDays: days as number }), 'INVALID_INPUT', [
          'pastDueGraceDays',
        ]);
      }
      expectMetricError(() => mrr({ pastDueGraceDays: 30 }), 'INVALID_INPUT', ['pastDueGraceDays'], 'needs asOf');
    });

    it('refuses a past-due date on a record that is not past due, naming its status', () => {
      expectMetricError(
        () =>
          monthlyRecurringRevenue({
            subscriptions: [...overdue, { customerId: 'd', amount: 5, status: 'paused', pastDueSince: '2024-01-01' }],
          }),
        'INVALID_INPUT',
        ['subscriptions', 3, 'pastDueSince'],
        "this one's is 'paused'",
      );
    });
  });

  describe('currencies', () => {
    it('converts with exchange rates exactly', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, currency: 'EUR' },
        { customerId: 'b', amount: '80.00', currency: 'GBP' },
        { customerId: 'c', amount: 10 },
        { customerId: 'd', amount: 5, currency: 'USD' },
      ];
      const options = { currency: 'USD', exchangeRates: { EUR: '1.0837', GBP: 1.27, USD: 1 } };
      // 108.37 + 101.6 + 10 + 5
      expect(mrr({ subscriptions }, options)).toBe(224.97);
    });

    it('rounds each line after conversion when asked', () => {
      const subscriptions = [
        { customerId: 'a', amount: 100, interval: 'year' as const, currency: 'EUR' },
        { customerId: 'b', amount: 100, interval: 'year' as const, currency: 'EUR' },
      ];
      const options = { currency: 'USD', exchangeRates: { EUR: '1.1' } };
      // 110/12 = 9.1666… each: 18.3333… exact, 9.17 + 9.17 rounded per line.
      expect(mrr({ subscriptions }, options)).toBe(220 / 12);
      expect(mrr({ subscriptions }, { ...options, rounding: { places: 2 } })).toBe(18.34);
    });

    it('accepts one currency throughout without rates', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1, currency: 'EUR' },
        { customerId: 'b', amount: 2, currency: 'EUR' },
        { customerId: 'c', amount: 3, currency: 'EUR' },
      ];
      expect(mrr({ subscriptions })).toBe(6);
      expect(mrr({ subscriptions }, { currency: 'EUR' })).toBe(6);
      expect(
        mrr({
          subscriptions: [
            { customerId: 'a', amount: 1 },
            { customerId: 'b', amount: 2 },
          ],
        }),
      ).toBe(3);
    });

    it('takes a record without a currency to be in the target currency', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1, currency: 'EUR' },
        { customerId: 'b', amount: 2 },
        { customerId: 'c', amount: 3, currency: 'EUR' },
      ];
      expect(mrr({ subscriptions }, { currency: 'EUR' })).toBe(6);
      // Without rates, a record without a currency is in the target: one in EUR is refused.
      expectMetricError(() => mrr({ subscriptions }, { currency: 'USD' }), 'INVALID_INPUT', [
        'subscriptions',
        0,
        'currency',
      ]);
      expect(mrr({ subscriptions }, { currency: 'USD', exchangeRates: { EUR: '1.5' } })).toBe(8);
    });

    it('refuses a record without a currency beside one that has a currency, without a target', () => {
      // One without plus one in EUR was summed to 200 as if the same money.
      const euros = { customerId: 'a', amount: 100, currency: 'EUR' };
      const plain = { customerId: 'b', amount: 100 };
      const after = [euros, plain];
      expectMetricError(
        () => mrr({ subscriptions: after }),
        'INVALID_INPUT',
        ['subscriptions', 1, 'currency'],
        'monthlyRecurringRevenue: subscriptions[1].currency is missing but subscriptions[0] is EUR; give every record a currency, or pass options.currency',
      );
      // The record without a currency is named whichever comes first.
      const before = [plain, euros];
      expectMetricError(
        () => mrr({ subscriptions: before }),
        'INVALID_INPUT',
        ['subscriptions', 0, 'currency'],
        'subscriptions[0].currency is missing but subscriptions[1] is EUR',
      );
      // Every record counts, whether or not its status does.
      const trial = [{ ...euros, status: 'trialing' as const }, plain];
      expectMetricError(() => mrr({ subscriptions: trial }), 'INVALID_INPUT', ['subscriptions', 1, 'currency']);
    });

    it('rejects mixed currencies without rates, naming the record', () => {
      const first = { customerId: 'a', amount: 1, currency: 'EUR' };
      const third = { customerId: 'c', amount: 3, currency: 'USD' };
      const subscriptions = [first, { customerId: 'b', amount: 2, currency: 'EUR' }, third];
      expectMetricError(
        () => mrr({ subscriptions }),
        'INVALID_INPUT',
        ['subscriptions', 2, 'currency'],
        'subscriptions[2].currency is USD but subscriptions[0] is EUR',
      );
      const withTarget = [first, { customerId: 'b', amount: 2 }, third];
      expectMetricError(() => mrr({ subscriptions: withTarget }, { currency: 'EUR' }), 'INVALID_INPUT', [
        'subscriptions',
        2,
        'currency',
      ]);
    });

    it('converts with rates that need BigInt', () => {
      const subscriptions = [{ customerId: 'a', amount: 3, currency: 'EUR' }];
      const long = { currency: 'USD', exchangeRates: { EUR: '1.00000000000000000001' } };
      expect(mrr({ subscriptions }, long)).toBe(Number('3.00000000000000000003'));
      const tiny = { currency: 'USD', exchangeRates: { EUR: '0.00000000000000000000001' } };
      expect(mrr({ subscriptions }, tiny)).toBe(3e-23);
    });

    it('rejects a currency without a rate, and rates without a target', () => {
      const subscriptions = [{ customerId: 'a', amount: 1, currency: 'JPY' }];
      expectMetricError(
        () => mrr({ subscriptions }, { currency: 'USD', exchangeRates: { EUR: 1.1 } }),
        'INVALID_INPUT',
        ['subscriptions', 0, 'currency'],
        'has no rate',
      );
      expectMetricError(() => mrr({ subscriptions }, { exchangeRates: { JPY: 0.0067 } }), 'INVALID_INPUT', [
        'currency',
      ]);
      expectMetricError(() => mrr({ subscriptions }, { currency: 'USD', exchangeRates: { USD: 2 } }), 'INVALID_INPUT', [
        'exchangeRates',
      ]);
      expectMetricError(() => mrr({ subscriptions }, { currency: 'USD', exchangeRates: { JPY: 0 } }), 'INVALID_INPUT', [
        'exchangeRates',
        'JPY',
      ]);
      expectMetricError(() => mrr({ subscriptions }, { currency: 'usd' }), 'INVALID_INPUT', ['currency']);
    });
  });

  describe('edge cases', () => {
    it('is 0 for no records', () => {
      expect(mrr({ subscriptions: [] })).toBe(0);
    });

    it('sums cents exactly where floats drift', () => {
      const subscriptions = [19.99, 29.99, 9.99, 0.01, 100.1].map((amount, i) => ({ customerId: `c${i}`, amount }));
      expect(mrr({ subscriptions })).toBe(160.08);
      const tenths = times(10, (i) => ({ customerId: `c${i}`, amount: 0.1 }));
      expect(mrr({ subscriptions: tenths })).toBe(1);
    });

    it('keeps yearly thirds exact: three $100 yearly plans are $25', () => {
      const subscriptions = times(3, (i) => ({ customerId: `c${i}`, amount: 100, interval: 'year' as const }));
      expect(mrr({ subscriptions })).toBe(25);
      expect(mrr({ subscriptions }, { rounding: { places: 2 } })).toBe(24.99);
    });

    it('mixes interval counts (other denominators) exactly', () => {
      const subscriptions = [
        { customerId: 'a', amount: 1, interval: 'month' as const, intervalCount: 3 },
        { customerId: 'b', amount: 1, interval: 'month' as const, intervalCount: 3 },
        { customerId: 'c', amount: 1, interval: 'month' as const, intervalCount: 3 },
        { customerId: 'd', amount: 1, interval: 'month' as const, intervalCount: 7 },
        { customerId: 'e', amount: 6, interval: 'month' as const, intervalCount: 7 },
        { customerId: 'f', amount: '0.5' },
      ];
      expect(mrr({ subscriptions })).toBe(2.5);
    });

    it('continues exactly past 2^53 in the running sum', () => {
      // Each line is 3·10^13 units of 1/30000; a thousand of them pass 2^53.
      const subscriptions = times(1000, (i) => ({ customerId: `c${i}`, amount: 1_000_000_000 }));
      expect(mrr({ subscriptions })).toBe(1e12);
      const mixed = [...subscriptions, { customerId: 'x', amount: '0.01' }];
      expect(mrr({ subscriptions: mixed })).toBe(1_000_000_000_000.01);
    });

    it('handles amounts and interval counts beyond 2^53', () => {
      const subscriptions = [
        { customerId: 'a', amount: '123456789012345678901234567890', interval: 'year' as const },
        { customerId: 'b', amount: 12, interval: 'month' as const, intervalCount: 9_000_000_000_000_000 },
        { customerId: 'c', amount: 1 },
      ];
      expect(mrr({ subscriptions })).toBe(Number('10288065751028806575102880658.5'));
    });

    it('treats numbers by their shortest decimal form', () => {
      const subscriptions = [
        { customerId: 'a', amount: 0.1 + 0.2 },
        { customerId: 'b', amount: 1e-7 },
        { customerId: 'c', amount: 1.5e21 },
      ];
      expect(mrr({ subscriptions })).toBe(1.5e21);
      // 0.1 + 0.2 is read as its shortest form, 0.30000000000000004, exactly.
      expect(mrr({ subscriptions: subscriptions.slice(0, 2) })).toBe(Number('0.30000010000000004'));
    });
  });

  describe('reads each value once', () => {
    it('uses the discount it checked: one that turns to NaN on a second read changes nothing', () => {
      let reads = 0;
      const discount = {};
      Object.defineProperty(discount, 'amount', { enumerable: true, get: () => (reads++ === 0 ? '4' : Number.NaN) });
      expect(mrr({ subscriptions: [{ customerId: 'a', amount: 10, discount } as never] })).toBe(6);
      expect(reads).toBe(1);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'monthlyRecurringRevenue',
        () => monthlyRecurringRevenue({ subscriptions: [] }, { notAnOption: 1 } as never),
        'notAnOption',
      );
    });

    const ok = { customerId: 'a', amount: 10 };
    it.each([
      [{ ...ok, amount: -5 }, ['subscriptions', 1, 'amount']],
      [{ ...ok, amount: '1e3' }, ['subscriptions', 1, 'amount']],
      [{ ...ok, amount: Number.POSITIVE_INFINITY }, ['subscriptions', 1, 'amount']],
      [{ ...ok, interval: 'biweekly' }, ['subscriptions', 1, 'interval']],
      [{ ...ok, intervalCount: 0 }, ['subscriptions', 1, 'intervalCount']],
      [{ ...ok, quantity: 2.5 }, ['subscriptions', 1, 'quantity']],
      [{ ...ok, discount: { percent: 1.01 } }, ['subscriptions', 1, 'discount', 'percent']],
      [{ ...ok, discount: { percent: '-0.1' } }, ['subscriptions', 1, 'discount', 'percent']],
      [{ ...ok, discount: { amount: 10.01 } }, ['subscriptions', 1, 'discount', 'amount']],
      [{ ...ok, discount: { percent: 0.1, amount: 1 } }, ['subscriptions', 1, 'discount']],
      [{ ...ok, discount: 'half' }, ['subscriptions', 1, 'discount']],
      [{ ...ok, discount: { off: 1 } }, ['subscriptions', 1, 'discount', 'percent']],
      [{ ...ok, amount: '1e30', discount: { amount: '1e31' } }, ['subscriptions', 1, 'amount']],
      [
        { ...ok, amount: '12345678901234567890', discount: { amount: '12345678901234567891' } },
        ['subscriptions', 1, 'discount', 'amount'],
      ],
      [{ ...ok, currency: 'uSD' }, ['subscriptions', 1, 'currency']],
      [{ ...ok, start: '2024-02-01', end: '2024-01-31' }, ['subscriptions', 1, 'end']],
      [{ ...ok, start: '2024-02-30' }, ['subscriptions', 1, 'start']],
      [{ ...ok, end: new Date(Number.NaN) }, ['subscriptions', 1, 'end']],
      [{ ...ok, status: 'unpaid' }, ['subscriptions', 1, 'status']],
      [{ ...ok, currency: 'euro' }, ['subscriptions', 1, 'currency']],
      [{ ...ok, customerId: '' }, ['subscriptions', 1, 'customerId']],
      [{ ...ok, customerId: 7 }, ['subscriptions', 1, 'customerId']],
      [{ amount: 10 }, ['subscriptions', 1, 'customerId']],
      [{ ...ok, plan: 'gold' }, ['subscriptions', 1]],
      [null, ['subscriptions', 1]],
      [[ok], ['subscriptions', 1]],
    ])('rejects %j as the second record', (bad, path) => {
      expectMetricError(() => mrr({ subscriptions: [ok, bad] as never }), 'INVALID_INPUT', path);
    });

    it('rejects a record even when its status would not count', () => {
      expectMetricError(
        () => mrr({ subscriptions: [{ customerId: 'a', amount: -1, status: 'trialing' }] }),
        'INVALID_INPUT',
        ['subscriptions', 0, 'amount'],
      );
    });

    it('rejects typed arrays of numbers (records are objects)', () => {
      expectMetricError(() => mrr({ subscriptions: new Float64Array([1, 2]) as never }), 'INVALID_INPUT', [
        'subscriptions',
        0,
      ]);
    });

    it('rejects bad forms and options', () => {
      expectMetricError(() => mrr({ subscriptions: 'all' } as never), 'INVALID_INPUT', ['subscriptions']);
      expectMetricError(() => mrr({} as never), 'INVALID_INPUT', []);
      expectMetricError(() => mrr({ customers: 1.5, averageRevenuePerAccount: 1 }), 'INVALID_INPUT', ['customers']);
      expectMetricError(() => mrr({ customers: 1, averageRevenuePerAccount: -1 }), 'INVALID_INPUT', [
        'averageRevenuePerAccount',
      ]);
      expectMetricError(() => mrr({ subscriptions: [] }, { asOf: 'yesterday' }), 'INVALID_INPUT', ['asOf']);
      expectMetricError(() => mrr({ subscriptions: [] }, { countTrialing: 'yes' } as never), 'INVALID_INPUT', [
        'countTrialing',
      ]);
    });
  });

  describe('dated exchange rates', () => {
    const EUR = [
      { from: '2024-01-01', rate: '1.10' },
      { from: '2024-02-15', rate: '1.05' },
    ];
    const subscriptions = [
      { customerId: 'a', amount: 100, currency: 'EUR', start: '2024-01-10' },
      { customerId: 'b', amount: 50, start: '2024-01-01' },
      { customerId: 'c', amount: 10, currency: 'EUR', start: '2023-01-01', end: '2023-06-01' },
    ];
    const options = { currency: 'USD', exchangeRates: { EUR } };

    it("converts at the rate in force on asOf's day, or at each record's start day", () => {
      expect(mrr({ subscriptions }, { ...options, asOf: '2024-02-14T23:59:59Z' })).toBe(160);
      expect(mrr({ subscriptions }, { ...options, asOf: '2024-02-15' })).toBe(155);
      expect(mrr({ subscriptions }, { ...options, asOf: '2024-02-29', rateDate: 'record-start' })).toBe(160);
      // The month's last day: the rate of the series' row for that month.
      expect(mrr({ subscriptions }, { ...options, asOf: '2024-02-29T23:59:59.999Z' })).toBe(155);
      const calls: string[] = [];
      const byFunction = (currency: string, date: string) => {
        calls.push(`${currency} ${date}`);
        return date < '2024-02-15' ? '1.10' : '1.05';
      };
      expect(mrr({ subscriptions }, { ...options, exchangeRates: byFunction, asOf: '2024-03-01' })).toBe(155);
      // Only the records counted need a rate: c ended in 2023.
      expect(calls).toEqual(['EUR 2024-03-01']);
    });

    it('refuses a day without a rate in force, and dated rates without asOf', () => {
      expectMetricError(
        () => mrr({ subscriptions }, { ...options, asOf: '2023-03-01' }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
        'has no rate in force on 2023-03-01, which subscriptions[2] needs',
      );
      expectMetricError(
        () => mrr({ subscriptions }, options),
        'INVALID_INPUT',
        ['asOf'],
        'asOf is required: subscriptions[0] is in EUR, whose rates are dated',
      );
      // Without asOf, 'record-start' takes each record's start day (c's has no rate: refused).
      expectMetricError(
        () => mrr({ subscriptions }, { ...options, rateDate: 'record-start' }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
        'no rate in force on 2023-01-01, which subscriptions[2] needs',
      );
      expect(mrr({ subscriptions: subscriptions.slice(0, 2) }, { ...options, rateDate: 'record-start' })).toBe(160);
      expectMetricError(
        () =>
          mrr(
            { subscriptions: [{ customerId: 'a', amount: 1, currency: 'EUR' }] },
            { ...options, rateDate: 'record-start' },
          ),
        'INVALID_INPUT',
        ['subscriptions', 0, 'start'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves records and options unchanged', () => {
      const subscriptions = [
        { customerId: 'a', amount: 120, interval: 'year' as const, discount: { percent: 0.1 }, start: new Date(0) },
        { customerId: 'b', amount: '10', currency: 'EUR' },
      ];
      const options = { currency: 'USD', exchangeRates: { EUR: '1.5' }, asOf: '2024-01-01' };
      const before = structuredClone({ subscriptions, options });
      expect(mrr({ subscriptions }, options)).toBe(24);
      expect({ subscriptions, options }).toEqual(before);
    });
  });
});
