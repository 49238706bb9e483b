import { describe, expect, it } from 'vitest';
import { isMetricError } from '../../errors.js';
import { CurrencyRule } from './currencyRule.js';

function problem(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    if (isMetricError(error)) return [error.issues[0]?.path, error.issues[0]?.message];
    throw error;
  }
  return expect.unreachable();
}

describe('CurrencyRule', () => {
  it('gives the rate of a line in another currency, none in the target', () => {
    const rule = new CurrencyRule('m', 'lines', 'line', { currency: 'USD', exchangeRates: { EUR: '1.08' } });
    expect(rule.rateOf('EUR', 0)).toEqual({ int: 108, scale: 2 });
    expect(rule.rateOf('USD', 1)).toBeUndefined();
    expect(rule.rateOf(undefined, 2)).toBeUndefined();
    expect(problem(() => rule.rateOf('GBP', 3))).toEqual([
      ['lines', 3, 'currency'],
      expect.stringContaining('no rate'),
    ]);
  });

  it('refuses a currency other than the target without rates', () => {
    const rule = new CurrencyRule('m', 'lines', 'line', { currency: 'USD' });
    expect(problem(() => rule.rateOf('EUR', 4))).toEqual([['lines', 4, 'currency'], expect.stringContaining('USD')]);
  });

  it('refuses mixed currencies, and a line without one beside a line with one, without a target', () => {
    const mixed = new CurrencyRule('m', 'lines', 'line', {});
    expect(mixed.rateOf('EUR', 0)).toBeUndefined();
    expect(mixed.rateOf('EUR', 1)).toBeUndefined();
    expect(problem(() => mixed.rateOf('GBP', 2))).toEqual([['lines', 2, 'currency'], expect.stringContaining('mixed')]);
    const missingAfter = new CurrencyRule('m', 'lines', 'line', {});
    missingAfter.rateOf('EUR', 0);
    expect(problem(() => missingAfter.rateOf(undefined, 1))).toEqual([
      ['lines', 1, 'currency'],
      expect.stringContaining('give every line a currency'),
    ]);
    const missingBefore = new CurrencyRule('m', 'lines', 'line', {});
    missingBefore.rateOf(undefined, 0);
    missingBefore.rateOf(undefined, 1);
    expect(problem(() => missingBefore.rateOf('EUR', 2))).toEqual([['lines', 0, 'currency'], expect.any(String)]);
  });

  it('leaves a currency with dated rates to the caller, naming its index in the book', () => {
    const rule = new CurrencyRule('m', 'subscriptions', 'record', {
      currency: 'USD',
      exchangeRates: { GBP: '1.25', EUR: [{ from: '2024-01-01', rate: '1.1' }] },
    });
    expect(rule.rateOf('EUR', 0)).toBeUndefined();
    expect(rule.dated).toBe(0);
    expect(rule.book?.codes[rule.dated]).toBe('EUR');
    expect(rule.rateOf('GBP', 1)).toEqual({ int: 125, scale: 2 });
    expect(rule.dated).toBe(-1);
    expect(rule.rateOf('EUR', 2)).toBeUndefined();
    expect(rule.dated).toBe(0);
    expect(rule.rateOf(undefined, 3)).toBeUndefined();
    expect(rule.dated).toBe(-1);
  });

  it('names the elements in its messages', () => {
    const rule = new CurrencyRule('m', 'subscriptions', 'record', {});
    rule.rateOf('EUR', 0);
    expect(problem(() => rule.rateOf(undefined, 1))).toEqual([
      ['subscriptions', 1, 'currency'],
      expect.stringContaining('give every record a currency'),
    ]);
  });
});
