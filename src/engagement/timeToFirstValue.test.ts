import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { shifting } from '../../test/support/adversary.js';
import { type TimeToFirstValueCustomer, timeToFirstValue } from './timeToFirstValue.js';

const DAY = 86_400_000;
const JAN_1 = Date.UTC(2024, 0, 1);

/** A customer who started on day `start` of 2024 (0-based) and reached value `days` later (or not yet). */
const customer = (start: number, days?: number): TimeToFirstValueCustomer =>
  days === undefined
    ? { startedAt: JAN_1 + start * DAY }
    : { startedAt: JAN_1 + start * DAY, firstValueAt: JAN_1 + (start + days) * DAY };

describe('timeToFirstValue', () => {
  describe('worked examples', () => {
    // docs/sources.md row 29, document 004: "First Time to Value: the speed at which a newcomer finds
    // what they're looking for". No figures; by hand: values after 1, 3, 4, 7 and 30 days, two pending.
    // Median 4; mean 45 / 5 = 9; p90 at h = 4 · 0.9 = 3.6: 7 + 0.6 · 23 = 20.8.
    it('median, mean and p90 over the customers who reached value (document 004)', () => {
      const customers = [
        customer(0, 4),
        customer(2, 1),
        customer(3),
        customer(5, 30),
        customer(9, 7),
        customer(10, 3),
        customer(11),
      ];
      expect(timeToFirstValue({ customers })).toEqual({
        median: 4,
        mean: 9,
        p90: 20.8,
        reached: 5,
        pending: 2,
        unit: 'day',
      });
    });

    it('matches the example of its documentation', () => {
      const result = timeToFirstValue({
        customers: [
          { startedAt: '2024-01-01', firstValueAt: '2024-01-03' },
          { startedAt: '2024-01-01', firstValueAt: '2024-01-05' },
          { startedAt: '2024-01-02', firstValueAt: '2024-01-12' },
          { startedAt: '2024-01-10' },
        ],
      });
      expect(result).toEqual({ median: 4, mean: 16 / 3, p90: 8.8, reached: 3, pending: 1, unit: 'day' });
    });
  });

  describe('edge cases', () => {
    it('never counts a pending customer as zero: pending customers change only `pending`', () => {
      const reachedOnly = [customer(0, 10), customer(1, 20)];
      const withPending = [...reachedOnly, customer(2), { startedAt: JAN_1, firstValueAt: null }];
      const a = timeToFirstValue({ customers: reachedOnly });
      const b = timeToFirstValue({ customers: withPending });
      expect({ ...b, pending: 0 }).toEqual(a);
      expect(b.pending).toBe(2);
    });

    it('reports null statistics, not NaN or zero, when nobody has reached value yet', () => {
      expect(timeToFirstValue({ customers: [customer(0), customer(1)] })).toEqual({
        median: null,
        mean: null,
        p90: null,
        reached: 0,
        pending: 2,
        unit: 'day',
      });
    });

    it('takes any unit, and value on the day of the start is 0', () => {
      const customers = [
        { startedAt: '2024-01-01T08:00:00Z', firstValueAt: '2024-01-01T08:00:00Z' },
        { startedAt: '2024-01-01T08:00:00Z', firstValueAt: '2024-01-01T14:00:00+02:00' },
      ];
      expect(timeToFirstValue({ customers }, { unit: 'hour' })).toMatchObject({ median: 2, mean: 2, p90: 3.6 });
      expect(timeToFirstValue({ customers }, { unit: 'minute' })).toMatchObject({ median: 120, p90: 216 });
      expect(timeToFirstValue({ customers }, { unit: 'week' }).mean).toBe(2 / 168);
    });

    it('accepts Dates and epoch milliseconds', () => {
      const customers = [
        { startedAt: new Date(JAN_1), firstValueAt: new Date(JAN_1 + 2 * DAY) },
        { startedAt: JAN_1, firstValueAt: JAN_1 + 4 * DAY },
      ];
      expect(timeToFirstValue({ customers }).median).toBe(3);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'timeToFirstValue',
        () => timeToFirstValue({ customers: [{ startedAt: 0 }] }, { units: 'hour' } as never),
        'units',
      );
    });

    it('rejects value before the start, naming the customer', () => {
      const customers = [
        customer(0, 1),
        customer(1, 2),
        customer(2, 3),
        { startedAt: '2024-02-01', firstValueAt: '2024-01-31' },
      ];
      expectMetricError(
        () => timeToFirstValue({ customers }),
        'INVALID_INPUT',
        ['customers', 3, 'firstValueAt'],
        'timeToFirstValue: customers[3].firstValueAt must not be before startedAt',
      );
    });

    it('names the customer that is not valid', () => {
      const bad = (record: unknown) => () => timeToFirstValue({ customers: [customer(0, 1), record] as never });
      expectMetricError(bad(7), 'INVALID_INPUT', ['customers', 1], 'must be an object');
      expectMetricError(bad({}), 'INVALID_INPUT', ['customers', 1, 'startedAt']);
      expectMetricError(bad({ startedAt: '2024-13-01' }), 'INVALID_INPUT', ['customers', 1, 'startedAt']);
      expectMetricError(bad({ startedAt: JAN_1, firstValueAt: 'later' }), 'INVALID_INPUT', [
        'customers',
        1,
        'firstValueAt',
      ]);
      expectMetricError(bad({ startedAt: JAN_1, id: 'c1' }), 'INVALID_INPUT', ['customers', 1], "unknown key 'id'");
      expectMetricError(() => timeToFirstValue({ customers: {} as never }), 'INVALID_INPUT', ['customers']);
      expectMetricError(() => timeToFirstValue({ users: [] } as never), 'INVALID_INPUT', ['customers']);
    });

    it('rejects a bad unit', () => {
      expectMetricError(
        () => timeToFirstValue({ customers: [customer(0, 1)] }, { unit: 'days' as never }),
        'INVALID_INPUT',
        ['unit'],
      );
    });

    it('reports no customers as NO_DATA', () => {
      expectMetricError(() => timeToFirstValue({ customers: [] }), 'NO_DATA', ['customers'], 'has no customers');
    });
  });

  describe('reads each value once', () => {
    it('reports a bad date as it was read, not as a getter answers next', () => {
      const start = shifting({ startedAt: 0 }, 'startedAt', 'soon', 0);
      expectMetricError(() => timeToFirstValue({ customers: [start] }), 'INVALID_INPUT', ['customers', 0, 'startedAt']);
      const reached = shifting({ startedAt: 0, firstValueAt: DAY }, 'firstValueAt', 'soon', DAY);
      expectMetricError(() => timeToFirstValue({ customers: [reached] }), 'INVALID_INPUT', [
        'customers',
        0,
        'firstValueAt',
      ]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen customers unchanged', () => {
      const customers = Object.freeze([customer(0, 9), customer(0, 1), customer(0)].map((c) => Object.freeze(c)));
      const before = JSON.stringify(customers);
      expect(timeToFirstValue({ customers }).median).toBe(5);
      expect(JSON.stringify(customers)).toBe(before);
    });
  });
});
