import { describe, expect, it } from 'vitest';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { customerAcquisitionCost } from './customerAcquisitionCost.js';
import { lifetimeValueFromChurn } from './lifetimeValueFromChurn.js';
import { HEALTHY_LTV_TO_CAC_RATIO, ltvToCacRatio } from './ltvToCacRatio.js';

describe('ltvToCacRatio', () => {
  describe('worked examples', () => {
    it('the healthy benchmark is 3:1 (document 002)', () => {
      // Document 002: "A healthy business typically aims for an LTV:CAC ratio of at least 3:1"; ChartMogul
      // gives the same rule of thumb (spend $50 to acquire, aim for at least $150 of lifetime value).
      expect(HEALTHY_LTV_TO_CAC_RATIO).toBe(3);
      expect(ltvToCacRatio({ lifetimeValue: 150, customerAcquisitionCost: 50 })).toBe(HEALTHY_LTV_TO_CAC_RATIO);
    });

    it('LTV $2,000 over CAC $500 is 4 (4:1)', () => {
      expect(ltvToCacRatio({ lifetimeValue: 2000, customerAcquisitionCost: 500 })).toBe(4);
    });

    it('ChartMogul: LTV $100 for a $50 CAC is 2', () => {
      // ChartMogul's LTV article: "if your LTV is $100 and it costs $50 you to acquire a customer".
      expect(ltvToCacRatio({ lifetimeValue: 100, customerAcquisitionCost: 50 })).toBe(2);
    });

    it('chains with the other value metrics (documents 002, ChartMogul)', () => {
      // ARPA 100 at 5 % churn (LTV 2 000) against document 002's CAC of $100: 20:1.
      const lifetimeValue = lifetimeValueFromChurn({ averageRevenuePerAccount: 100, churnRate: 0.05 });
      const cost = customerAcquisitionCost({ salesAndMarketingCost: 100_000, newCustomers: 1000 });
      expect(ltvToCacRatio({ lifetimeValue, customerAcquisitionCost: cost })).toBe(20);
    });
  });

  describe('edge cases', () => {
    it('is exact for decimal amounts', () => {
      // 0.3 / 0.1 is 2.9999999999999996 in doubles.
      expect(ltvToCacRatio({ lifetimeValue: 0.3, customerAcquisitionCost: 0.1 })).toBe(3);
      expect(ltvToCacRatio({ lifetimeValue: '0.3', customerAcquisitionCost: '0.1' })).toBe(3);
      expect(ltvToCacRatio({ lifetimeValue: 1000, customerAcquisitionCost: 300 })).toBe(10 / 3);
    });

    it('is below 1 when a customer is worth less than it cost', () => {
      expect(ltvToCacRatio({ lifetimeValue: 40, customerAcquisitionCost: 100 })).toBe(0.4);
    });

    it('is 0 for a lifetime value of 0', () => {
      expect(ltvToCacRatio({ lifetimeValue: 0, customerAcquisitionCost: 100 })).toBe(0);
    });

    it.each([0, '0', '0.00', -0])('a CAC of %s is NO_DATA', (cost) => {
      const error = catchMetricError(() => ltvToCacRatio({ lifetimeValue: 100, customerAcquisitionCost: cost }));
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['customerAcquisitionCost']);
      expect(error.message).toBe('ltvToCacRatio: customerAcquisitionCost must be greater than 0');
    });

    it('rejects a ratio too large for a number', () => {
      const error = catchMetricError(() => ltvToCacRatio({ lifetimeValue: 1e300, customerAcquisitionCost: 1e-300 }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual([]);
      expect(error.message).toContain('the ratio is too large');
    });
  });

  describe('validation', () => {
    const valid = { lifetimeValue: 2000, customerAcquisitionCost: 500 };
    it.each([
      ['a negative LTV', { ...valid, lifetimeValue: -1 }, ['lifetimeValue'], 'must not be negative'],
      [
        'a negative CAC',
        { ...valid, customerAcquisitionCost: '-500' },
        ['customerAcquisitionCost'],
        'must not be negative',
      ],
      ['a NaN LTV', { ...valid, lifetimeValue: Number.NaN }, ['lifetimeValue'], 'finite'],
      [
        'a CAC object',
        { ...valid, customerAcquisitionCost: { amount: 1 } },
        ['customerAcquisitionCost'],
        'decimal string',
      ],
      ['a missing CAC', { lifetimeValue: 1 }, ['customerAcquisitionCost'], 'is required'],
      ['an unknown key', { ...valid, ratio: 3 }, [], "unknown key 'ratio'"],
    ])('%s', (_name, input, path, phrase) => {
      const error = catchMetricError(() => ltvToCacRatio(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('ltvToCacRatio');
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.message).toContain(phrase);
    });

    it.each([null, undefined, 4, []])('a non-object input: %s', (input) => {
      expect(catchMetricError(() => ltvToCacRatio(input as never)).code).toBe('INVALID_INPUT');
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { lifetimeValue: 2000, customerAcquisitionCost: 500 };
      expectNoOptions('ltvToCacRatio', (options) => ltvToCacRatio(input, options), 4, 'customerAcquisitionCost');
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({ lifetimeValue: '2000', customerAcquisitionCost: 500 });
      const copy = structuredClone(input);
      expect(ltvToCacRatio(input)).toBe(4);
      expect(input).toEqual(copy);
    });
  });
});
