import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { type CustomerLifetime, customerChurn } from './customerChurn.js';

const DAY = 86_400_000;
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** `count` customers with ids `prefix-0…`, all starting at `start` and ending at `end` (if given). */
function many(prefix: string, count: number, start: string, end?: string): CustomerLifetime[] {
  return Array.from({ length: count }, (_, i) =>
    end === undefined ? { id: `${prefix}-${i}`, start } : { id: `${prefix}-${i}`, start, end },
  );
}

const MARCH = { from: '2024-03-01', to: '2024-04-01' };

describe('customerChurn', () => {
  describe('worked examples', () => {
    it('2 000 customers at the start of July, 100 leave during it: 5 % (doc 001, row 6)', () => {
      // Doc 001 prints "0.05%" for 100 ÷ 2 000 (and calls July "May"); the rate is 0.05, i.e. 5 %.
      const customers = [...many('stay', 1900, '2023-01-15'), ...many('leave', 100, '2023-06-01', '2023-07-20')];
      const result = customerChurn({ customers, period: { from: '2023-07-01', to: '2023-08-01' } });
      expect(result.customersAtStart).toBe(2000);
      expect(result.customersLost).toBe(100);
      expect(result.churnRate).toBe(0.05);
      expect(result.retentionRate).toBe(0.95);
    });

    it('1 000 at the start, 50 lost: 5 % (doc 002, row 9); 64 lost in May: 6.4 % (doc 003, row 20)', () => {
      const may = { from: '2024-05-01', to: '2024-06-01' };
      const fifty = [...many('s', 950, '2024-01-01'), ...many('l', 50, '2024-01-01', '2024-05-31T23:59:59Z')];
      expect(customerChurn({ customers: fifty, period: may }).churnRate).toBe(0.05);
      const sixtyFour = [...many('s', 936, '2022-02-02'), ...many('l', 64, '2023-12-24', '2024-05-02')];
      const result = customerChurn({ customers: sixtyFour, period: may });
      expect(result.churnRate).toBe(0.064);
      expect(result.retentionRate).toBe(0.936);
    });

    it('counts new customers who left in the period, but not in the base (doc 001, row 8)', () => {
      // Doc 001: exclude new customers acquired during the period from the base, but include any new customer
      // who churned during it. 10 at the start, 1 of them leaves; 3 join, 2 of those leave.
      const customers = [
        ...many('old', 9, '2024-01-01'),
        { id: 'old-leaver', start: '2024-01-01', end: '2024-03-10' },
        { id: 'new-stays', start: '2024-03-05' },
        ...many('new-leaves', 2, '2024-03-05', '2024-03-20'),
      ];
      const result = customerChurn({ customers, period: MARCH });
      expect(result).toEqual({
        customersAtStart: 10,
        customersLost: 3,
        newCustomers: 3,
        customersAtEnd: 10,
        customersRetained: 9,
        newCustomersLost: 2,
        churnRate: 0.3,
        retentionRate: 0.9,
      });
    });

    it('100 at the start, 11 cancel, one of whom joined that month: 10 % under exclude (ChartMogul)', () => {
      const customers = [
        ...many('kept', 90, '2023-05-01'),
        ...many('gone', 10, '2023-05-01', '2024-03-15'),
        { id: 'joined-and-gone', start: '2024-03-03', end: '2024-03-28' },
      ];
      const exclude = customerChurn({ customers, period: MARCH }, { newCustomerChurn: 'exclude' });
      expect(exclude.customersAtStart).toBe(100);
      expect(exclude.customersLost).toBe(10);
      expect(exclude.churnRate).toBe(0.1);
      const include = customerChurn({ customers, period: MARCH });
      expect(include.customersLost).toBe(11);
      expect(include.churnRate).toBe(0.11);
      expect(include.retentionRate).toBe(exclude.retentionRate);
      expect(customerChurn({ customers, period: MARCH }, { newCustomerChurn: 'include' })).toEqual(include);
    });

    it('100 at the start, 5 new, 11 lost: 11 ÷ 105 under both (Stripe)', () => {
      // Stripe, "Billing metric definitions" (docs.stripe.com/billing/subscriptions/analytics/glossary),
      // subscriber churn rate: churned subscribers ÷ (subscribers at the start + new subscribers), 100
      // subscribers at the start of the month, 5 new and 11 churned: 11 ÷ 105 ≈ 10.48 %. Which of the 11 were
      // new does not change the rate: here first all 11 were there at the start, then 10 were and 1 was new.
      const oldLeavers = [
        ...many('kept', 89, '2023-05-01'),
        ...many('gone', 11, '2023-05-01', '2024-03-15'),
        ...many('new', 5, '2024-03-03'),
      ];
      const allOld = customerChurn({ customers: oldLeavers, period: MARCH }, { newCustomerChurn: 'both' });
      expect(allOld.customersAtStart).toBe(100);
      expect(allOld.newCustomers).toBe(5);
      expect(allOld.customersLost).toBe(11);
      expect(allOld.churnRate).toBe(11 / 105);
      expect(allOld.retentionRate).toBe(0.89);

      const oneNew = [
        ...many('kept', 90, '2023-05-01'),
        ...many('gone', 10, '2023-05-01', '2024-03-15'),
        ...many('new', 4, '2024-03-03'),
        { id: 'joined-and-gone', start: '2024-03-03', end: '2024-03-28' },
      ];
      const both = customerChurn({ customers: oneNew, period: MARCH }, { newCustomerChurn: 'both' });
      expect(both).toEqual({
        customersAtStart: 100,
        customersLost: 11,
        newCustomers: 5,
        customersAtEnd: 94,
        customersRetained: 90,
        newCustomersLost: 1,
        churnRate: 11 / 105,
        retentionRate: 0.9,
      });
      expect(both.churnRate.toFixed(4)).toBe('0.1048');
      // The same records under the other rules: only the churn rate differs.
      const include = customerChurn({ customers: oneNew, period: MARCH });
      const exclude = customerChurn({ customers: oneNew, period: MARCH }, { newCustomerChurn: 'exclude' });
      expect(include).toEqual({ ...both, churnRate: 0.11 });
      expect(exclude).toEqual({ ...both, customersLost: 10, churnRate: 0.1 });
    });
  });

  describe('half-open lifetimes and periods', () => {
    it('puts a customer starting exactly at from among the new customers, not those at the start', () => {
      const result = customerChurn({
        customers: [
          { id: 'base', start: '2024-02-01' },
          { id: 'at-from', start: '2024-03-01' },
        ],
        period: MARCH,
      });
      expect(result.customersAtStart).toBe(1);
      expect(result.newCustomers).toBe(1);
    });

    it('counts a customer ending exactly at from as lost before the period, and one ending at to as lost in it', () => {
      const result = customerChurn({
        customers: [
          { id: 'base', start: '2024-01-01' },
          { id: 'ended-at-from', start: '2024-01-01', end: '2024-03-01' },
          { id: 'ends-at-to', start: '2024-01-01', end: '2024-04-01' },
          { id: 'ends-after-to', start: '2024-01-01', end: '2024-04-01T00:00:00.001Z' },
        ],
        period: MARCH,
      });
      expect(result.customersAtStart).toBe(3);
      expect(result.customersLost).toBe(1);
      expect(result.customersAtEnd).toBe(2);
    });

    it('leaves a customer starting exactly at to to the next period', () => {
      const customers = [
        { id: 'base', start: '2024-01-01' },
        { id: 'at-to', start: '2024-04-01' },
      ];
      const march = customerChurn({ customers, period: MARCH });
      expect(march.newCustomers).toBe(0);
      expect(march.customersAtEnd).toBe(1);
      const april = customerChurn({ customers, period: { from: '2024-04-01', to: '2024-05-01' } });
      expect(april.customersAtStart).toBe(1);
      expect(april.newCustomers).toBe(1);
    });

    it('makes the customers at the end of one period the customers at the start of the next', () => {
      const customers = [
        { id: 1, start: '2024-01-01', end: '2024-02-01' },
        { id: 2, start: '2024-01-15', end: '2024-03-01' },
        { id: 3, start: '2024-02-01' },
        { id: 4, start: '2024-02-10', end: '2024-02-11' },
        { id: 5, start: '2023-12-31', end: '2024-02-29T12:00:00Z' },
        { id: 6, start: '2024-01-31' },
      ];
      const january = customerChurn({ customers, period: { from: '2024-01-01', to: '2024-02-01' } });
      const february = customerChurn({ customers, period: { from: '2024-02-01', to: '2024-03-01' } });
      expect(january.customersAtEnd).toBe(february.customersAtStart);
      expect(february.customersAtStart).toBe(3);
      expect(february.newCustomers).toBe(2);
      expect(february.newCustomersLost).toBe(1);
      expect(february.customersAtEnd).toBe(2);
    });

    it('ignores a zero-length lifetime entirely: it is never active', () => {
      const customers = [
        { id: 'base', start: '2024-01-01' },
        { id: 'blink', start: '2024-03-10', end: '2024-03-10' },
        { id: 'blink-before', start: '2024-02-10T10:00:00Z', end: '2024-02-10T10:00:00Z' },
      ];
      const result = customerChurn({ customers, period: MARCH });
      expect(result).toMatchObject({ customersAtStart: 1, newCustomers: 0, customersLost: 0, customersAtEnd: 1 });
    });
  });

  describe('date forms', () => {
    it('gives the same counts for ISO dates, date-times with offsets, Dates and epoch milliseconds', () => {
      const iso = [
        { id: 'a', start: '2024-02-10', end: '2024-03-10' },
        { id: 'b', start: '2024-03-02', end: null },
        { id: 'c', start: '2024-01-05' },
      ];
      const withOffsets = [
        { id: 'a', start: '2024-02-10T01:00:00+01:00', end: '2024-03-09T19:00:00-05:00' },
        { id: 'b', start: '2024-03-02T00:00:00.000Z' },
        { id: 'c', start: '2024-01-05 00:00' },
      ];
      const dates = iso.map((c) => ({
        id: c.id,
        start: new Date(at(c.start)),
        ...(c.end ? { end: new Date(at(c.end)) } : {}),
      }));
      const epochs = iso.map((c) => ({ id: c.id, start: at(c.start), end: c.end ? at(c.end) : undefined }));
      const expected = customerChurn({ customers: iso, period: MARCH });
      expect(expected).toMatchObject({ customersAtStart: 2, customersLost: 1, newCustomers: 1, customersAtEnd: 2 });
      expect(customerChurn({ customers: withOffsets, period: MARCH })).toEqual(expected);
      expect(
        customerChurn({ customers: dates, period: { from: new Date(at('2024-03-01')), to: '2024-04-01' } }),
      ).toEqual(expected);
      expect(customerChurn({ customers: epochs, period: { from: at('2024-03-01'), to: at('2024-04-01') } })).toEqual(
        expected,
      );
    });

    it('reads a date-time without an offset as UTC', () => {
      const result = customerChurn({
        customers: [
          { id: 1, start: '2024-01-01' },
          { id: 2, start: '2024-02-29T23:30:00', end: '2024-03-31T23:59:59.999' },
        ],
        period: MARCH,
      });
      expect(result.customersAtStart).toBe(2);
      expect(result.customersLost).toBe(1);
    });

    it('accepts numeric ids and treats 1 and "1" as different customers', () => {
      const result = customerChurn({
        customers: [
          { id: 1, start: '2024-01-01' },
          { id: '1', start: '2024-01-01', end: '2024-03-05' },
          { id: -7, start: '2024-01-01' },
        ],
        period: MARCH,
      });
      expect(result.customersAtStart).toBe(3);
      expect(result.customersLost).toBe(1);
    });

    it('works on sub-day periods with epoch milliseconds', () => {
      const result = customerChurn({
        customers: [
          { id: 1, start: 0, end: 10 },
          { id: 2, start: 0 },
          { id: 3, start: 5, end: 8 },
        ],
        period: { from: 1, to: 20 },
      });
      expect(result).toMatchObject({ customersAtStart: 2, customersLost: 2, newCustomers: 1, churnRate: 1 });
    });
  });

  describe('edge cases', () => {
    it('reads each record once: fields that change after a first read give the same counts', () => {
      const input = {
        customers: [
          { id: 'a', start: '2024-01-01', end: null },
          { id: 2, start: 1_704_153_600_000, end: '2024-03-03' },
          { id: 'c', start: new Date('2024-03-05T00:00:00Z'), end: '2024-03-10' },
        ],
        period: MARCH,
      };
      const plain = customerChurn(structuredClone(input));
      expect(plain.customersLost).toBe(2);
      expect(customerChurn(changingOnReread(input) as typeof input)).toEqual(plain);
    });

    it('can report a churn rate above 1 under include', () => {
      const customers = [{ id: 'base', start: '2024-01-01' }, ...many('n', 3, '2024-03-02', '2024-03-03')];
      const include = customerChurn({ customers, period: MARCH });
      expect(include.churnRate).toBe(3);
      expect(include.retentionRate).toBe(1);
      expect(customerChurn({ customers, period: MARCH }, { newCustomerChurn: 'exclude' }).churnRate).toBe(0);
    });

    it('counts customers who leave after to as retained, and scheduled ends far in the future', () => {
      const result = customerChurn({
        customers: [
          { id: 1, start: '2024-01-01', end: '2030-01-01' },
          { id: 2, start: '2024-01-01', end: '2024-04-02' },
        ],
        period: MARCH,
      });
      expect(result.retentionRate).toBe(1);
      expect(result.customersAtEnd).toBe(2);
    });

    it('handles a large list with the same answer as a direct count', () => {
      const customers: CustomerLifetime[] = [];
      const from = at('2024-03-01');
      const to = at('2024-04-01');
      let expectedAtStart = 0;
      let expectedLost = 0;
      for (let i = 0; i < 50_000; i++) {
        const start = at('2023-01-01') + ((i * 7919) % 500) * DAY;
        const end = i % 3 === 0 ? undefined : start + ((i * 104_729) % 300) * DAY + 1;
        customers.push(end === undefined ? { id: i, start } : { id: i, start, end });
        const e = end ?? Number.POSITIVE_INFINITY;
        if (start < from && e > from) {
          expectedAtStart++;
          if (e <= to) expectedLost++;
        } else if (start >= from && start < to && e <= to) expectedLost++;
      }
      const result = customerChurn({ customers, period: { from, to } });
      expect(result.customersAtStart).toBe(expectedAtStart);
      expect(result.customersLost).toBe(expectedLost);
    });
  });

  describe('validation', () => {
    const valid = [
      { id: 'a', start: '2024-01-01' },
      { id: 'b', start: '2024-01-02', end: '2024-03-03' },
    ];

    it('names the element and field of a malformed record', () => {
      const customers: unknown[] = [...valid, ...many('x', 6, '2024-01-01')];
      const withEnd = (end: unknown) =>
        customers.map((c, i) => (i === 7 ? { id: 'bad', start: '2024-01-01', end } : c));
      expectMetricError(
        () => customerChurn({ customers: withEnd('2024-02-30') as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 7, 'end'],
        'customers[7].end must be an ISO date',
      );
      expectMetricError(
        () => customerChurn({ customers: withEnd('yesterday') as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 7, 'end'],
      );
      expectMetricError(
        () => customerChurn({ customers: withEnd(Number.NaN) as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 7, 'end'],
      );
      expectMetricError(
        () => customerChurn({ customers: withEnd(new Date(Number.NaN)) as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 7, 'end'],
      );
      expectMetricError(
        () => customerChurn({ customers: [valid[0], { id: 'b' }] as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 1, 'start'],
        'customers[1].start is required',
      );
      expectMetricError(
        () => customerChurn({ customers: [valid[0], { id: 'b', start: 1e17 }] as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 1, 'start'],
      );
    });

    it('rejects an end before its start', () => {
      expectMetricError(
        () =>
          customerChurn({
            customers: [...valid, { id: 'c', start: '2024-02-01', end: '2024-01-31T23:59:59Z' }],
            period: MARCH,
          }),
        'INVALID_INPUT',
        ['customers', 2, 'end'],
        'customerChurn: customers[2].end must not be before start',
      );
    });

    it('rejects bad ids: missing, empty, fractional, not a string or number', () => {
      const withId = (id: unknown) => [valid[0], { id, start: '2024-01-01' }];
      for (const id of [undefined, '', 1.5, 2 ** 53, true, null, { id: 1 }]) {
        expectMetricError(() => customerChurn({ customers: withId(id) as never, period: MARCH }), 'INVALID_INPUT', [
          'customers',
          1,
          'id',
        ]);
      }
    });

    it('rejects a repeated id, naming the later record and the earlier one', () => {
      const customers = [...many('c', 10, '2024-01-01'), { id: 'c-3', start: '2024-02-01' }];
      expectMetricError(
        () => customerChurn({ customers, period: MARCH }),
        'INVALID_INPUT',
        ['customers', 10, 'id'],
        'customers[10].id repeats the id of customers[3]',
      );
      expectMetricError(
        () =>
          customerChurn({
            customers: [
              { id: 5, start: 0 },
              { id: 6, start: 0 },
              { id: 5, start: 1 },
            ],
            period: { from: 0, to: 1 },
          }),
        'INVALID_INPUT',
        ['customers', 2, 'id'],
      );
    });

    it('finds the first repeated id in array order among many records', () => {
      const customers = many('id', 30_000, '2024-01-01');
      customers[25_000] = { id: 'id-20000', start: '2024-01-01' };
      customers[21_000] = { id: 'id-7', start: '2024-01-01' };
      const error = expectMetricError(() => customerChurn({ customers, period: MARCH }), 'INVALID_INPUT', [
        'customers',
        21_000,
        'id',
      ]);
      expect(error.message).toContain('repeats the id of customers[7]');
    });

    it('rejects unknown keys in a record, a record that is not an object, and customers that is not an array', () => {
      expectMetricError(
        () =>
          customerChurn({
            customers: [valid[0], { id: 'b', start: '2024-01-01', endDate: '2024-03-01' }] as never,
            period: MARCH,
          }),
        'INVALID_INPUT',
        ['customers', 1],
        "customers[1] has unknown key 'endDate'",
      );
      expectMetricError(() => customerChurn({ customers: [valid[0], 'b'] as never, period: MARCH }), 'INVALID_INPUT', [
        'customers',
        1,
      ]);
      expectMetricError(() => customerChurn({ customers: [null] as never, period: MARCH }), 'INVALID_INPUT', [
        'customers',
        0,
      ]);
      expectMetricError(() => customerChurn({ customers: [[1, 2]] as never, period: MARCH }), 'INVALID_INPUT', [
        'customers',
        0,
      ]);
      expectMetricError(
        () => customerChurn({ customers: { 0: valid[0], length: 1 } as never, period: MARCH }),
        'INVALID_INPUT',
        ['customers'],
        'customers must be an array',
      );
      expectMetricError(
        () => customerChurn({ period: MARCH } as never),
        'INVALID_INPUT',
        ['customers'],
        'customers is required',
      );
    });

    it('rejects a period whose to is not after from, or that is missing or malformed', () => {
      expectMetricError(
        () => customerChurn({ customers: valid, period: { from: '2024-03-01', to: '2024-03-01' } }),
        'INVALID_INPUT',
        ['period', 'to'],
        'period.to must be after from',
      );
      expectMetricError(
        () => customerChurn({ customers: valid, period: { from: '2024-04-01', to: '2024-03-01' } }),
        'INVALID_INPUT',
        ['period', 'to'],
      );
      expectMetricError(() => customerChurn({ customers: valid } as never), 'INVALID_INPUT', ['period']);
      expectMetricError(
        () => customerChurn({ customers: valid, period: { from: '2024-13-01', to: '2024-04-01' } }),
        'INVALID_INPUT',
        ['period', 'from'],
      );
      expectMetricError(
        () => customerChurn({ customers: valid, period: { from: 0, to: 1, length: 'month' } as never }),
        'INVALID_INPUT',
        ['period'],
      );
      expectMetricError(
        () => customerChurn({ customers: valid, period: MARCH, extra: 1 } as never),
        'INVALID_INPUT',
        [],
      );
    });

    it('rejects unknown options and policies', () => {
      expectMetricError(
        () => customerChurn({ customers: valid, period: MARCH }, { newCustomerChurn: 'ignore' as never }),
        'INVALID_INPUT',
        ['newCustomerChurn'],
        "newCustomerChurn must be one of 'include', 'exclude', 'both'",
      );
      expectMetricError(
        () => customerChurn({ customers: valid, period: MARCH }, { policy: 1 } as never),
        'INVALID_INPUT',
        [],
        "customerChurn: options has unknown key 'policy'",
      );
      expectMetricError(
        () => customerChurn({ customers: valid, period: MARCH }, 'exclude' as never),
        'INVALID_INPUT',
        [],
      );
    });

    it('is NO_DATA when nobody is active at from, including an empty list', () => {
      expectMetricError(
        () => customerChurn({ customers: [{ id: 1, start: '2024-03-05' }], period: MARCH }),
        'NO_DATA',
        ['customers'],
        'customerChurn: customers has no customer active at period.from',
      );
      expectMetricError(() => customerChurn({ customers: [], period: MARCH }), 'NO_DATA', ['customers']);
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options and leaves them as they were', () => {
      const input = deepFreeze({
        customers: [
          { id: 'a', start: '2024-01-01' },
          { id: 'b', start: new Date(at('2024-02-01')), end: '2024-03-15' },
        ],
        period: { from: '2024-03-01', to: '2024-04-01' },
      });
      const snapshot = structuredClone(input);
      const options = deepFreeze({ newCustomerChurn: 'exclude' } as const);
      expect(customerChurn(input, options).churnRate).toBe(0.5);
      expect(input).toEqual(snapshot);
    });
  });
});
