import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { tallyScores } from './tallyScores.js';

describe('tallyScores', () => {
  describe('worked examples', () => {
    it('counts every point of the scale, zeros included', () => {
      expect(tallyScores([5, 4, 4, 1], { min: 1, max: 5 })).toEqual({ 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 });
    });

    it('counts a Uint8Array with the histogram pass', () => {
      const bytes = new Uint8Array([0, 10, 10, 9, 3]);
      expect(tallyScores(bytes, { min: 0, max: 10 })).toEqual(tallyScores(Array.from(bytes), { min: 0, max: 10 }));
    });
  });

  describe('edge cases', () => {
    it('returns all zeros for no scores', () => {
      expect(tallyScores([], { min: 1, max: 3 })).toEqual({ 1: 0, 2: 0, 3: 0 });
    });

    it('handles negative scales and other typed arrays', () => {
      expect(tallyScores(Int8Array.from([-1, 1, 1]), { min: -1, max: 1 })).toEqual({ '-1': 1, 0: 0, 1: 2 });
    });

    it('falls back to the checked loop for a byte array on a scale beyond 255', () => {
      expect(tallyScores(new Uint8Array([250]), { min: 200, max: 300 })[250]).toBe(1);
    });
  });

  describe('validation', () => {
    it('names the bad score and the bad scale', () => {
      expectMetricError(() => tallyScores([1, 6], { min: 1, max: 5 }), 'INVALID_INPUT', ['scores', 1]);
      expectMetricError(() => tallyScores(new Uint8Array([1, 2, 9, 2]), { min: 1, max: 5 }), 'INVALID_INPUT', [
        'scores',
        2,
      ]);
      expectMetricError(() => tallyScores([1], { min: 3, max: 1 }), 'INVALID_INPUT', ['scale', 'max']);
      expectMetricError(() => tallyScores([1], undefined as never), 'INVALID_INPUT', ['scale']);
      expectMetricError(() => tallyScores('123' as never, { min: 1, max: 5 }), 'INVALID_INPUT', ['scores']);
    });

    it('takes no options, and refuses any', () => {
      expectNoOptions(
        'tallyScores',
        (options) => tallyScores([1], { min: 1, max: 2 }, options),
        { 1: 1, 2: 0 },
        undefined,
        'max',
      );
    });
  });

  describe('does not mutate input', () => {
    it('leaves the scores unchanged', () => {
      const scores = [3, 1, 2];
      tallyScores(scores, { min: 1, max: 3 });
      expect(scores).toEqual([3, 1, 2]);
    });
  });
});
