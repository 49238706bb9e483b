import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shifting } from '../../test/support/adversary.js';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { createHealthScore } from './createHealthScore.js';
import { healthDistribution } from './healthDistribution.js';

const status = fc.constantFrom('red' as const, 'yellow' as const, 'green' as const);

describe('healthDistribution', () => {
  describe('worked examples', () => {
    it('a portfolio in traffic lights (docs/sources.md row 18, document 002)', () => {
      // Document 002: accounts sorted into red, yellow and green to find those at risk.
      const portfolio = healthDistribution([
        { status: 'red' },
        { status: 'yellow' },
        { status: 'green' },
        { status: 'green' },
        { status: 'green' },
      ]);
      expect(portfolio).toEqual({
        total: 5,
        red: { count: 1, share: 0.2 },
        yellow: { count: 1, share: 0.2 },
        green: { count: 3, share: 0.6 },
      });
    });

    it("takes the scorer's results and scoreAll's statuses", () => {
      const health = createHealthScore({ measures: { rating: { weight: 1, scale: { kind: 'score' } } } });
      const accounts = [{ rating: 20 }, { rating: 50 }, { rating: 60 }, { rating: 90 }];
      const fromResults = healthDistribution(accounts.map((a) => health(a)));
      expect(fromResults.red).toEqual({ count: 2, share: 0.5 });
      expect(healthDistribution(health.scoreAll(accounts).statuses)).toEqual(fromResults);
    });

    it('pre-aggregated counts', () => {
      expect(healthDistribution({ red: 12, yellow: 30, green: 58 })).toEqual({
        total: 100,
        red: { count: 12, share: 0.12 },
        yellow: { count: 30, share: 0.3 },
        green: { count: 58, share: 0.58 },
      });
    });
  });

  describe('edge cases', () => {
    it('statuses with no accounts have count 0 and share 0', () => {
      const only = healthDistribution(['green', 'green', 'green']);
      expect(only.red).toEqual({ count: 0, share: 0 });
      expect(only.green).toEqual({ count: 3, share: 1 });
    });

    it('thirds: each share is the correctly rounded 1/3', () => {
      const thirds = healthDistribution(['red', 'yellow', 'green']);
      expect(thirds.red.share).toBe(1 / 3);
    });

    it('objects may carry other fields; a million statuses in one pass', () => {
      const results = [{ status: 'red' as const, score: 10, id: 'a' }];
      expect(healthDistribution(results).red.count).toBe(1);
      const many = new Array<string>(1_000_000).fill('yellow');
      many[999_999] = 'red';
      const result = healthDistribution(many as never);
      expect(result.total).toBe(1_000_000);
      expect(result.red.count).toBe(1);
    });
  });

  describe('validation', () => {
    it.each([
      ['an unknown status', [{ status: 'red' }, { status: 'blue' }], [1, 'status']],
      ['no status', [{ score: 10 }], [0, 'status']],
      ['a number', ['red', 5], [1]],
      ['null', [null], [0]],
      ['a status string in the wrong case', ['Red'], [0]],
      ['an array carrying a status', [Object.assign(['x'], { status: 'red' })], [0]],
      ['a negative count', { red: -1, yellow: 0, green: 1 }, ['red']],
      ['a fractional count', { red: 1.5, yellow: 0, green: 1 }, ['red']],
      ['an unknown key in counts', { red: 1, yellow: 0, green: 1, grey: 2 }, []],
      ['a missing count', { red: 1, yellow: 0 }, ['green']],
      ['not an array or object', 'red', []],
      ['counts beyond 2^53', { red: 2 ** 53 - 1, yellow: 1, green: 0 }, []],
    ])('%s', (_name, input, path) => {
      const error = catchMetricError(() => healthDistribution(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('healthDistribution');
      expect(error.issues[0]?.path).toEqual(path);
    });

    it('no accounts', () => {
      expect(catchMetricError(() => healthDistribution([])).code).toBe('NO_DATA');
      expect(catchMetricError(() => healthDistribution({ red: 0, yellow: 0, green: 0 })).code).toBe('NO_DATA');
    });
  });

  describe('does not mutate input', () => {
    it('leaves the results as they were', () => {
      const results = Object.freeze([
        Object.freeze({ status: 'red' as const }),
        Object.freeze({ status: 'green' as const }),
      ]);
      const copy = structuredClone(results);
      healthDistribution(results);
      expect(results).toEqual(copy);
    });
  });

  describe('properties', () => {
    it('counts add up to the total, shares to 1, and shards merge by adding counts', () => {
      fc.assert(
        fc.property(fc.array(status, { minLength: 1 }), fc.array(status, { minLength: 1 }), (a, b) => {
          const whole = healthDistribution([...a, ...b]);
          expect(whole.red.count + whole.yellow.count + whole.green.count).toBe(whole.total);
          expect(whole.red.share + whole.yellow.share + whole.green.share).toBeCloseTo(1, 12);
          const left = healthDistribution(a);
          const right = healthDistribution(b);
          const merged = healthDistribution({
            red: left.red.count + right.red.count,
            yellow: left.yellow.count + right.yellow.count,
            green: left.green.count + right.green.count,
          });
          expect(merged).toEqual(whole);
        }),
      );
    });
  });

  describe('reads each value once', () => {
    it('an element whose status changes on a second read is counted, or rejected, as first read', () => {
      const counter = { reads: 0 };
      const element = shifting({ status: 'purple' }, 'status', 'purple', 'red', counter);
      const error = catchMetricError(() => healthDistribution([{ status: 'red' }, element] as never));
      expect(counter.reads).toBe(1);
      expect(error.issues[0]?.path).toEqual([1, 'status']);
      expect(error.message).toBe("healthDistribution: input[1].status must be one of 'red', 'yellow', 'green'");
    });
  });

  describe('options', () => {
    it('takes none, and says where a count given as an option belongs', () => {
      expectNoOptions('healthDistribution', (options) => healthDistribution(['red'], options).total, 1, 'red');
    });
  });
});
