import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { committedRecurringRevenue } from './committedRecurringRevenue.js';
import { monthlyRecurringRevenue } from './monthlyRecurringRevenue.js';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2024, 5, 15);

interface Generated {
  customerId: string;
  cents: number;
  interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
  status: 'active' | 'trialing' | 'past_due' | 'paused' | 'canceled';
  start: number | undefined;
  length: number | undefined;
  cancelAfter: number | undefined;
}

// Dates in days around asOf, so that records start, end and cancel on both sides of it and on it.
const generated = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  cents: fc.integer({ min: 0, max: 5_000_000 }),
  interval: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
  status: fc.constantFrom('active', 'active', 'trialing', 'past_due', 'paused', 'canceled'),
  start: fc.option(fc.integer({ min: -40, max: 10 }), { nil: undefined }),
  length: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  cancelAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
}) as fc.Arbitrary<Generated>;

function toRecord(g: Generated, withCancel = true) {
  const start = g.start === undefined ? undefined : AS_OF + g.start * DAY;
  const from = start ?? AS_OF - 45 * DAY;
  return {
    customerId: g.customerId,
    amount: (g.cents / 100).toFixed(2),
    interval: g.interval,
    status: g.status,
    ...(start === undefined ? {} : { start }),
    ...(g.length === undefined ? {} : { end: from + g.length * DAY }),
    ...(withCancel && g.cancelAfter !== undefined ? { cancelAt: new Date(from + g.cancelAfter * DAY) } : {}),
  };
}

const options = fc.record({
  countTrialing: fc.boolean(),
  countPaused: fc.boolean(),
  countPastDue: fc.boolean(),
});
const records = fc.array(generated, { maxLength: 30 });
const cents = (value: number) => Math.round(value * 100);

describe('committedRecurringRevenue properties', () => {
  it('committed + scheduled = MRR exactly in cents, and the customers add up to the scheduled churn', () => {
    fc.assert(
      fc.property(records, options, (list, policies) => {
        const result = committedRecurringRevenue(
          { subscriptions: list.map((g) => toRecord(g)) },
          { ...policies, asOf: AS_OF, rounding: { places: 2 } },
        );
        expect(result.committedMrr).toBeLessThanOrEqual(result.mrr);
        expect(result.scheduledChurnMrr).toBeGreaterThanOrEqual(0);
        expect(result.committedMrr).toBeGreaterThanOrEqual(0);
        expect(cents(result.committedMrr) + cents(result.scheduledChurnMrr)).toBe(cents(result.mrr));
        const sum = result.customers.reduce((total, customer) => total + cents(customer.mrr), 0);
        expect(sum).toBe(cents(result.scheduledChurnMrr));
      }),
      { numRuns: 300 },
    );
  });

  it('is monthlyRecurringRevenue split by cancelAt: effective ones out, scheduled ones apart', () => {
    fc.assert(
      fc.property(records, options, (list, policies) => {
        const all = list.map((g) => toRecord(g));
        const result = committedRecurringRevenue({ subscriptions: all }, { ...policies, asOf: AS_OF });
        const mrrOf = (subset: typeof all) =>
          monthlyRecurringRevenue({ subscriptions: subset }, { ...policies, asOf: AS_OF });
        const cancelAt = (record: (typeof all)[number]) =>
          'cancelAt' in record && record.cancelAt !== undefined ? record.cancelAt.getTime() : Number.POSITIVE_INFINITY;
        expect(result.mrr).toBe(mrrOf(all.filter((record) => cancelAt(record) > AS_OF)));
        const scheduled = all.filter(
          (record) => cancelAt(record) > AS_OF && cancelAt(record) < Number.POSITIVE_INFINITY,
        );
        expect(result.scheduledChurnMrr).toBe(mrrOf(scheduled));
        expect(result.committedMrr).toBe(mrrOf(all.filter((record) => cancelAt(record) === Number.POSITIVE_INFINITY)));
        // Each customer listed: its own scheduled MRR and its earliest cancellation, after asOf.
        for (const customer of result.customers) {
          const own = scheduled.filter((record) => record.customerId === customer.customerId);
          expect(customer.mrr).toBe(mrrOf(own));
          expect(customer.mrr).toBeGreaterThanOrEqual(0);
          expect(Date.parse(customer.cancelAt)).toBeGreaterThan(AS_OF);
        }
        const ids = result.customers.map((customer) => customer.customerId);
        expect(new Set(ids).size).toBe(ids.length);
        const keys = result.customers.map((customer) => [Date.parse(customer.cancelAt), customer.customerId] as const);
        const sorted = [...keys].sort(([a, x], [b, y]) => (a !== b ? a - b : x < y ? -1 : x > y ? 1 : 0));
        expect(keys).toEqual(sorted);
      }),
      { numRuns: 200 },
    );
  });

  it('without cancelAt is monthlyRecurringRevenue at asOf, all committed', () => {
    fc.assert(
      fc.property(records, options, (list, policies) => {
        const subscriptions = list.map((g) => toRecord(g, false));
        const mrr = monthlyRecurringRevenue({ subscriptions }, { ...policies, asOf: AS_OF });
        expect(committedRecurringRevenue({ subscriptions }, { ...policies, asOf: AS_OF })).toEqual({
          mrr,
          scheduledChurnMrr: 0,
          committedMrr: mrr,
          customers: [],
        });
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(records, fc.infiniteStream(fc.nat()), (list, random) => {
        const subscriptions = list.map((g) => toRecord(g));
        const shuffled = subscriptions
          .map((record) => [random.next().value as number, record] as const)
          .sort(([a], [b]) => a - b)
          .map(([, record]) => record);
        expect(committedRecurringRevenue({ subscriptions: shuffled }, { asOf: AS_OF })).toEqual(
          committedRecurringRevenue({ subscriptions }, { asOf: AS_OF }),
        );
      }),
      { numRuns: 100 },
    );
  });
});
