import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { invoiceLineSchema, taxExceedsAmount } from './invoiceLineSchema.js';

const issuePath = (value: unknown) => z.safeParse(invoiceLineSchema, value).error?.issues[0]?.path;

describe('invoiceLineSchema', () => {
  it('compares tax and amount exactly', () => {
    expect(taxExceedsAmount('10', '10.00')).toBe(false);
    expect(taxExceedsAmount(10, '10.0000000000000000001')).toBe(true);
    expect(taxExceedsAmount('0.1', 0.09)).toBe(false);
  });

  it('names the tax above its amount and the period ending before it starts', () => {
    expect(issuePath({ customerId: 'a', amount: 1, tax: 2, periodStart: 0, periodEnd: 0 })).toEqual(['tax']);
    expect(issuePath({ customerId: 'a', amount: 1, periodStart: '2024-02-01', periodEnd: '2024-01-31' })).toEqual([
      'periodEnd',
    ]);
    expect(
      issuePath({
        customerId: 'a',
        amount: 1,
        periodStart: 0,
        periodEnd: 0,
        fullPeriod: { interval: 'month', intervalCount: 1001 },
      }),
    ).toEqual(['fullPeriod', 'intervalCount']);
    expect(issuePath({ customerId: 'a', amount: 1, periodStart: 0, periodEnd: 0 })).toBeUndefined();
  });
});
