import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { quickRatio } from './quickRatio.js';

describe('quickRatio', () => {
  describe('worked examples', () => {
    it('divides gains by losses: (20k + 8k) ÷ (3k + 5k) = 3.5', () => {
      expect(quickRatio({ newMrr: 20000, expansionMrr: 8000, contractionMrr: 3000, churnedMrr: 5000 })).toBe(3.5);
    });

    it('counts reactivation as a gain when given', () => {
      expect(
        quickRatio({ newMrr: 300, expansionMrr: 100, reactivationMrr: 100, contractionMrr: 50, churnedMrr: 50 }),
      ).toBe(5);
      expect(quickRatio({ newMrr: 300, expansionMrr: 100, contractionMrr: 50, churnedMrr: 50 })).toBe(4);
    });
  });

  describe('edge cases', () => {
    it('is 0 with no gains and exact with decimals', () => {
      expect(quickRatio({ newMrr: 0, expansionMrr: 0, contractionMrr: 1, churnedMrr: 0 })).toBe(0);
      expect(quickRatio({ newMrr: '0.1', expansionMrr: '0.2', contractionMrr: '0.1', churnedMrr: 0 })).toBe(3);
    });
  });

  describe('validation', () => {
    it('takes no options: refuses any key rather than ignore it, and says where an input field belongs', () => {
      const input = { newMrr: 30, expansionMrr: 10, contractionMrr: 5, churnedMrr: 5 };
      expectNoOptions('quickRatio', (options) => quickRatio(input, options), 4, 'reactivationMrr');
    });

    it('reports NO_DATA when nothing was lost', () => {
      expectMetricError(
        () => quickRatio({ newMrr: 10, expansionMrr: 0, contractionMrr: 0, churnedMrr: '0.00' }),
        'NO_DATA',
        ['churnedMrr'],
      );
    });

    it.each([
      [{ newMrr: -1, expansionMrr: 0, contractionMrr: 1, churnedMrr: 1 }, ['newMrr']],
      [{ newMrr: 1, contractionMrr: 1, churnedMrr: 1 }, ['expansionMrr']],
      [{ newMrr: 1, expansionMrr: 0, contractionMrr: 1, churnedMrr: 1, reactivationMrr: null }, ['reactivationMrr']],
      [{ newMrr: 1, expansionMrr: 0, contractionMrr: 1, churnedMrr: 1, other: 1 }, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => quickRatio(input as never), 'INVALID_INPUT', path);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = { newMrr: 1, expansionMrr: 1, contractionMrr: 1, churnedMrr: 1 };
      const before = structuredClone(input);
      expect(quickRatio(input)).toBe(1);
      expect(input).toEqual(before);
    });
  });
});
