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
