import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  priceSchema,
  subscriptionPolicyChecks,
  subscriptionPolicyShape,
  subscriptionSchema,
} from './subscriptionSchema.js';

const accepts = (schema: z.core.$ZodType, value: unknown) => z.safeParse(schema, value).success;

describe('subscription schemas', () => {
  it('validates prices, discounts included', () => {
    expect(accepts(priceSchema, { amount: '12.50', interval: 'week', discount: { percent: '0.1' } })).toBe(true);
    expect(accepts(priceSchema, { amount: 10, quantity: 2, discount: { amount: 20 } })).toBe(true);
    expect(accepts(priceSchema, { amount: 10, quantity: 2, discount: { amount: '20.01' } })).toBe(false);
    expect(accepts(priceSchema, { amount: 10, discount: { percent: 1.5 } })).toBe(false);
    expect(accepts(priceSchema, { amount: 10, discount: { percent: 0.1, amount: 1 } })).toBe(false);
    expect(accepts(priceSchema, { amount: 10, intervalCount: 0 })).toBe(false);
  });

  it('validates subscription records', () => {
    expect(accepts(subscriptionSchema, { customerId: 'a', amount: 1, start: '2024-01-01', end: '2024-01-01' })).toBe(
      true,
    );
    expect(accepts(subscriptionSchema, { customerId: 'a', amount: 1, start: '2024-01-02', end: '2024-01-01' })).toBe(
      false,
    );
    expect(accepts(subscriptionSchema, { customerId: 'a', amount: 1, currency: 'usd' })).toBe(false);
    expect(accepts(subscriptionSchema, { customerId: '', amount: 1 })).toBe(false);
    expect(accepts(subscriptionSchema, { customerId: 'a', amount: 1, status: 'cancelled' })).toBe(false);
  });

  it('accepts a scheduled cancellation at or after the start, and names it when before', () => {
    const record = { customerId: 'a', amount: 1, start: '2024-01-01' };
    expect(accepts(subscriptionSchema, { ...record, cancelAt: '2024-01-01' })).toBe(true);
    expect(accepts(subscriptionSchema, { ...record, cancelAt: new Date(Date.UTC(2024, 5, 1)) })).toBe(true);
    expect(accepts(subscriptionSchema, { customerId: 'a', amount: 1, cancelAt: 0 })).toBe(true);
    expect(accepts(subscriptionSchema, { ...record, cancelAt: 'next month' })).toBe(false);
    const early = z.safeParse(subscriptionSchema, { ...record, cancelAt: '2023-12-31' });
    expect(early.error?.issues[0]?.path).toEqual(['cancelAt']);
  });

  it('checks the currency policies together', () => {
    const options = z.strictObject(subscriptionPolicyShape).check(...subscriptionPolicyChecks);
    expect(accepts(options, { currency: 'USD', exchangeRates: { EUR: '1.08', USD: 1 } })).toBe(true);
    expect(accepts(options, { exchangeRates: { EUR: '1.08' } })).toBe(false);
    expect(accepts(options, { currency: 'USD', exchangeRates: { USD: '1.01' } })).toBe(false);
  });
});

describe('failed payments', () => {
  const overdue = { customerId: 'a', amount: 1, start: '2024-01-01', status: 'past_due' };
  const issue = (value: unknown) => z.safeParse(subscriptionSchema, value).error?.issues[0];

  it('takes a past-due date on a past-due record only, not before its start', () => {
    expect(accepts(subscriptionSchema, { ...overdue, pastDueSince: '2024-01-01' })).toBe(true);
    expect(accepts(subscriptionSchema, { ...overdue, start: undefined, pastDueSince: 0 })).toBe(true);
    expect(issue({ ...overdue, pastDueSince: '2023-12-31' })?.path).toEqual(['pastDueSince']);
    const active = issue({ ...overdue, status: undefined, pastDueSince: '2024-02-01' });
    expect(active?.path).toEqual(['pastDueSince']);
    expect(active?.message).toBe("is only for a record whose status is 'past_due', and this one's is 'active'");
    expect(issue({ ...overdue, status: 'canceled', pastDueSince: '2024-02-01' })?.message).toContain("'canceled'");
  });

  it('takes an end reason on a record with an end', () => {
    expect(accepts(subscriptionSchema, { ...overdue, end: '2024-02-01', endReason: 'delinquent' })).toBe(true);
    expect(accepts(subscriptionSchema, { ...overdue, end: '2024-02-01', endReason: 'voluntary' })).toBe(true);
    expect(issue({ ...overdue, endReason: 'delinquent' })?.path).toEqual(['endReason']);
    expect(issue({ ...overdue, end: '2024-02-01', endReason: 'unpaid' })?.path).toEqual(['endReason']);
  });

  it('takes a grace of whole days, 0 or more', () => {
    const options = z.strictObject(subscriptionPolicyShape);
    expect(accepts(options, { pastDueGraceDays: 0 })).toBe(true);
    expect(accepts(options, { pastDueGraceDays: 45 })).toBe(true);
    for (const days of [-1, 1.5, '30', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(accepts(options, { pastDueGraceDays: days })).toBe(false);
    }
  });
});

describe('subscription attributes', () => {
  it('are validated: a plain object of strings', () => {
    const record = { customerId: 'a', amount: 1 };
    expect(accepts(subscriptionSchema, { ...record, attributes: { plan: 'pro', country: 'DE' } })).toBe(true);
    expect(accepts(subscriptionSchema, { ...record, attributes: {} })).toBe(true);
    expect(accepts(subscriptionSchema, { ...record, attributes: { seats: 3 } })).toBe(false);
    expect(accepts(subscriptionSchema, { ...record, attributes: ['pro'] })).toBe(false);
  });

  it('change no metric', async () => {
    const { monthlyRecurringRevenue, recurringRevenueSeries, committedRecurringRevenue } = await import('../index.js');
    const records = [
      { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
      { customerId: 'a', amount: 50, start: '2024-02-01', cancelAt: '2024-06-01' },
      { customerId: 'b', amount: 1200, interval: 'year' as const, start: '2024-02-20', end: '2024-03-01' },
      { customerId: 'b', amount: 80, start: '2024-04-01', status: 'trialing' as const },
    ];
    const plans = ['pro', 'basic', 'pro', 'team'];
    const segmented = records.map((record, i) => ({
      ...record,
      attributes: { plan: plans[i] as string, country: i % 2 === 0 ? 'DE' : 'US' },
    }));
    for (const [subscriptions, expected] of [
      [segmented, records],
      [records.map((record) => ({ ...record, attributes: {} })), records],
    ] as const) {
      expect(monthlyRecurringRevenue({ subscriptions }, { asOf: '2024-02-15' })).toEqual(
        monthlyRecurringRevenue({ subscriptions: expected }, { asOf: '2024-02-15' }),
      );
      expect(recurringRevenueSeries({ subscriptions }, { from: '2024-01', to: '2024-06', lookback: 1 })).toEqual(
        recurringRevenueSeries({ subscriptions: expected }, { from: '2024-01', to: '2024-06', lookback: 1 }),
      );
      expect(committedRecurringRevenue({ subscriptions }, { asOf: '2024-03-15' })).toEqual(
        committedRecurringRevenue({ subscriptions: expected }, { asOf: '2024-03-15' }),
      );
    }
  });
});
