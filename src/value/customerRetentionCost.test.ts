import { describe, expect, it } from 'vitest';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { customerRetentionCost } from './customerRetentionCost.js';

describe('customerRetentionCost', () => {
  describe('worked examples', () => {
    it('retention costs over customers retained (document 002)', () => {
      // Document 002 defines CRC as all retention costs of a period divided by the customers retained in it,
      // without figures: $10,000 over 500 retained customers is $20 each.
      expect(customerRetentionCost({ retentionCost: 10_000, customersRetained: 500 })).toBe(20);
      expect(customerRetentionCost({ retentionCost: '10000.00', customersRetained: 500 })).toBe(20);
    });
  });

  describe('edge cases', () => {
    it('is exact for decimal amounts', () => {
      // 0.7 / 7 is 0.09999999999999999 in doubles.
      expect(customerRetentionCost({ retentionCost: 0.7, customersRetained: 7 })).toBe(0.1);
      expect(customerRetentionCost({ retentionCost: '1000.10', customersRetained: 3 })).toBe(100_010 / 300);
    });

    it('is 0 when nothing was spent', () => {
      expect(customerRetentionCost({ retentionCost: 0, customersRetained: 3 })).toBe(0);
    });

    it('no retained customers is NO_DATA', () => {
      const error = catchMetricError(() => customerRetentionCost({ retentionCost: 500, customersRetained: 0 }));
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['customersRetained']);
      expect(error.message).toBe('customerRetentionCost: customersRetained must be greater than 0');
    });
  });

  describe('validation', () => {
    const valid = { retentionCost: 1000, customersRetained: 10 };
    it.each([
      ['a negative cost', { ...valid, retentionCost: '-5' }, ['retentionCost'], 'must not be negative'],
      ['an infinite cost', { ...valid, retentionCost: Number.POSITIVE_INFINITY }, ['retentionCost'], 'finite'],
      ['an empty string', { ...valid, retentionCost: '' }, ['retentionCost'], 'decimal string'],
      ['a fractional count', { ...valid, customersRetained: 0.5 }, ['customersRetained'], 'must be an integer'],
      ['a negative count', { ...valid, customersRetained: -1 }, ['customersRetained'], 'must be at least 0'],
      ['a missing cost', { customersRetained: 10 }, ['retentionCost'], 'is required'],
      ['an unknown key', { ...valid, period: 'month' }, [], "unknown key 'period'"],
    ])('%s', (_name, input, path, phrase) => {
      const error = catchMetricError(() => customerRetentionCost(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('customerRetentionCost');
      expect(error.issues[0]?.path).toEqual(path);
      expect(error.message).toContain(phrase);
    });

    it.each([null, undefined, true, []])('a non-object input: %s', (input) => {
      expect(catchMetricError(() => customerRetentionCost(input as never)).code).toBe('INVALID_INPUT');
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { retentionCost: 10_000, customersRetained: 500 };
      expectNoOptions(
        'customerRetentionCost',
        (options) => customerRetentionCost(input, options),
        20,
        'customersRetained',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves a frozen input unchanged', () => {
      const input = Object.freeze({ retentionCost: 10_000, customersRetained: 500 });
      const copy = structuredClone(input);
      expect(customerRetentionCost(input)).toBe(20);
      expect(input).toEqual(copy);
    });
  });
});
