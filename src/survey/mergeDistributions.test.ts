import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { mergeDistributions } from './mergeDistributions.js';

describe('mergeDistributions', () => {
  describe('worked examples', () => {
    it('adds objects keyed by score', () => {
      expect(mergeDistributions({ 9: 40, 10: 12 }, { 0: 3, 9: 5 })).toEqual({ 0: 3, 9: 45, 10: 12 });
    });

    it('adds arrays element by element', () => {
      expect(mergeDistributions([1, 2, 3], new Float64Array([4, 5, 6]))).toEqual([5, 7, 9]);
    });
  });

  describe('edge cases', () => {
    it('merges empty distributions', () => {
      expect(mergeDistributions({}, {})).toEqual({});
      expect(mergeDistributions([], [])).toEqual([]);
    });

    it('keeps negative scores', () => {
      expect(mergeDistributions({ '-2': 1 }, { '-2': 2, 1: 1 })).toEqual({ '-2': 3, 1: 1 });
    });
  });

  describe('validation', () => {
    it('rejects mixed forms, different lengths, bad keys and bad counts', () => {
      expectMetricError(() => mergeDistributions([1], { 1: 1 } as never), 'INVALID_INPUT', ['b']);
      expectMetricError(() => mergeDistributions({ 1: 1 } as never, [1]), 'INVALID_INPUT', ['a']);
      expectMetricError(() => mergeDistributions([1, 2], [1]), 'INVALID_INPUT', ['b'], 'as many counts as a (2)');
      expectMetricError(() => mergeDistributions({ x: 1 } as never, {}), 'INVALID_INPUT', ['a', 'x']);
      expectMetricError(() => mergeDistributions({ 1: -1 }, {}), 'INVALID_INPUT', ['a', '1']);
      expectMetricError(() => mergeDistributions([1], [0.5]), 'INVALID_INPUT', ['b', 0]);
      expectMetricError(() => mergeDistributions(null as never, {}), 'INVALID_INPUT', ['a']);
      expectMetricError(() => mergeDistributions({ 1: 2 ** 53 - 1 }, { 1: 1 }), 'INVALID_INPUT', ['b', '1']);
    });

    it('takes no options, and refuses any', () => {
      expectNoOptions(
        'mergeDistributions',
        (options) => mergeDistributions([1], [2], options),
        [3],
        undefined,
        'weights',
      );
    });
  });

  describe('reads each value once', () => {
    it('reads the length of an array once (a Proxy may answer a longer one next)', () => {
      let reads = 0;
      const growing = new Proxy([1, 2], {
        get: (target, key, receiver) =>
          key === 'length' ? (reads++ === 0 ? 2 : 3) : Reflect.get(target, key, receiver),
      });
      expect(mergeDistributions(growing, [3, 4])).toEqual([4, 6]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves both distributions unchanged', () => {
      const a = { 1: 2 };
      const b = { 1: 3 };
      mergeDistributions(a, b);
      expect([a, b]).toEqual([{ 1: 2 }, { 1: 3 }]);
    });
  });
});
