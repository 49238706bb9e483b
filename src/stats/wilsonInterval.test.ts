import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { wilsonInterval } from './wilsonInterval.js';

describe('wilsonInterval', () => {
  describe('worked examples', () => {
    // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
    // methods", Statistics in Medicine 17 (1998), Table II, method 3 (score interval without continuity
    // correction), 95 %, four decimals.
    it.each([
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ])('%i of %i → [%f, %f]', (successes, trials, low, high) => {
      const result = wilsonInterval({ successes, trials });
      expect(result.estimate).toBe(successes / trials);
      expect(result.low).toBeCloseTo(low, 4);
      expect(result.high).toBeCloseTo(high, 4);
    });
  });

  describe('edge cases', () => {
    it('is exactly 0 at no successes and exactly 1 at all successes', () => {
      expect(wilsonInterval({ successes: 0, trials: 5 }).low).toBe(0);
      expect(wilsonInterval({ successes: 5, trials: 5 }).high).toBe(1);
      expect(wilsonInterval({ successes: 5, trials: 5 }).low).toBeGreaterThan(0.5);
    });

    it('narrows with more trials and widens with confidence', () => {
      const small = wilsonInterval({ successes: 5, trials: 10 });
      const large = wilsonInterval({ successes: 500, trials: 1000 });
      expect(large.high - large.low).toBeLessThan(small.high - small.low);
      const wide = wilsonInterval({ successes: 5, trials: 10 }, { confidence: 0.99 });
      expect(wide.high - wide.low).toBeGreaterThan(small.high - small.low);
      expect(wide.confidence).toBe(0.99);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'wilsonInterval',
        () => wilsonInterval({ successes: 1, trials: 2 }, { method: 'wald' } as never),
        'method',
      );
    });

    it('rejects successes above trials, bad counts and a bad confidence', () => {
      expectMetricError(
        () => wilsonInterval({ successes: 6, trials: 5 }),
        'INVALID_INPUT',
        ['successes'],
        'must not exceed trials',
      );
      expectMetricError(() => wilsonInterval({ successes: -1, trials: 5 }), 'INVALID_INPUT', ['successes']);
      expectMetricError(() => wilsonInterval({ successes: 1, trials: 2.5 }), 'INVALID_INPUT', ['trials']);
      expectMetricError(() => wilsonInterval({ successes: 1, trials: 2 }, { confidence: 0 }), 'INVALID_INPUT', [
        'confidence',
      ]);
      expectMetricError(() => wilsonInterval({ successes: 1, trials: 2, x: 1 } as never), 'INVALID_INPUT', []);
    });

    it('reports no trials as NO_DATA', () => {
      expectMetricError(() => wilsonInterval({ successes: 0, trials: 0 }), 'NO_DATA', ['trials']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the input unchanged', () => {
      const input = Object.freeze({ successes: 1, trials: 2 });
      expect(wilsonInterval(input).estimate).toBe(0.5);
    });
  });
});
