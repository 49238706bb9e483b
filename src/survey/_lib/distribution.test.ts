import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { catchMetricError, expectMetricError } from '../../../test/support/errors.js';
import { scoreOn } from '../../internal/schemas.js';
import { countBetween, isScoreOn, readDistribution, tallyValues, totalOf } from './distribution.js';

const NPS = { min: 0, max: 10 };
const tally = (values: ArrayLike<unknown>, range = NPS) => [...tallyValues('test', values, range, ['scores'])];

/** Values near and on the edges of a scale, and everything that is not a number. */
const adversarial = fc.oneof(
  fc.constantFrom(-0, 0.5, -1, 10.000000000000002, 2 ** 31, -(2 ** 31), 2 ** 32 + 3, Number.NaN, Infinity),
  fc.constantFrom(null, undefined, '3', [3], { valueOf: () => 3 }, true, 3n, new Number(3)),
  fc.integer({ min: -3, max: 260 }),
  fc.double(),
  fc.anything(),
);

/** A scale of 2 to 101 points inside −50…300. */
const scales = fc
  .tuple(fc.integer({ min: -50, max: 200 }), fc.integer({ min: 1, max: 100 }))
  .map(([min, width]) => ({ min, max: min + width }));

describe('isScoreOn', () => {
  it('accepts exactly what scoreOn(range) accepts, on random and adversarial values', () => {
    fc.assert(
      fc.property(scales, adversarial, (range, value) => {
        expect(isScoreOn(value, range)).toBe(z.safeParse(scoreOn(range), value).success);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tallyValues', () => {
  it('counts plain arrays, byte arrays and other typed arrays alike', () => {
    const scores = [10, 9, 9, 8, 7, 6, 6, 0, 10, 3, 9];
    const expected = [1, 0, 0, 1, 0, 0, 2, 1, 1, 3, 2];
    expect(tally(scores)).toEqual(expected);
    expect(tally(Uint8Array.from(scores))).toEqual(expected);
    expect(tally(Uint8ClampedArray.from(scores))).toEqual(expected);
    expect(tally(Float64Array.from(scores))).toEqual(expected);
    expect(tally(Int8Array.from(scores))).toEqual(expected);
    expect(tally({ length: 2, 0: 10, 1: 0 })).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(tally([])).toEqual(new Array(11).fill(0));
    expect(tally([3, 4, 5, 5, 5], { min: 3, max: 5 })).toEqual([1, 1, 3]);
    expect(tally(Uint8Array.from([3, 4, 5, 5, 5]), { min: 3, max: 5 })).toEqual([1, 1, 3]);
  });

  it('counts like a Map from score to count, or names the first bad element as the schema does', () => {
    const elements = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -1, max: 11 }) },
      { weight: 1, arbitrary: adversarial },
    );
    fc.assert(
      fc.property(scales, fc.array(elements, { maxLength: 40 }), (range, raw) => {
        // Mostly scores of the scale, shifted onto it, and some bad ones.
        const values = raw.map((value) =>
          typeof value === 'number' && Number.isInteger(value) ? value + range.min : value,
        );
        const first = values.findIndex((value) => !z.safeParse(scoreOn(range), value).success);
        if (first < 0) {
          const expected = new Array(range.max - range.min + 1).fill(0);
          for (const value of values as number[]) expected[value - range.min]++;
          expect(tally(values, range)).toEqual(expected);
        } else {
          const error = catchMetricError(() => tally(values, range));
          expect(error.code).toBe('INVALID_INPUT');
          expect(error.issues[0]?.path).toEqual(['scores', first]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('names the first out-of-scale byte in array order, whatever its value', () => {
    const bytes = new Uint8Array(1000).fill(5);
    bytes[700] = 100;
    bytes[300] = 200;
    expectMetricError(() => tally(bytes), 'INVALID_INPUT', ['scores', 300]);
    expectMetricError(() => tally(Uint8Array.from([0, 5, 4]), { min: 1, max: 5 }), 'INVALID_INPUT', ['scores', 0]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 50 }), (bytes) => {
        const first = bytes.findIndex((value) => value > 10);
        if (first < 0) expect(tally(bytes).reduce((a, b) => a + b, 0)).toBe(bytes.length);
        else expectMetricError(() => tally(bytes), 'INVALID_INPUT', ['scores', first]);
      }),
    );
  });

  it('reports a bad element of a long plain array wherever it is, with every kind of element before it', () => {
    const scores = Array.from({ length: 1001 }, (_, i) => i % 11);
    expect(tally(scores)[0]).toBe(91);
    for (const at of [0, 1, 2, 3, 4, 997, 998, 999, 1000]) {
      for (const bad of [11, -1, 2.5, '3', null, Number.NaN]) {
        const copy = scores.slice() as unknown[];
        copy[at] = bad;
        expectMetricError(() => tally(copy), 'INVALID_INPUT', ['scores', at]);
      }
    }
  });

  it('does not call valueOf on an element', () => {
    let called = false;
    const sneaky = {
      valueOf: () => {
        called = true;
        return 3;
      },
    };
    expectMetricError(() => tally([1, 2, 3, sneaky]), 'INVALID_INPUT', ['scores', 3]);
    expect(called).toBe(false);
  });
});

describe('tallyValues on scales of any safe integers', () => {
  const HIGH = { min: 2 ** 40, max: 2 ** 40 + 10 };
  const LOWEST = { min: -(2 ** 53 - 1), max: -(2 ** 53 - 1) + 4 };

  it('counts the scores of a scale whose points pass 2^31, in every shape', () => {
    const scores = [2 ** 40 + 10, 2 ** 40, 2 ** 40 + 10, 2 ** 40 + 3, 2 ** 40 + 10];
    const expected = [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 3];
    expect(tally(scores, HIGH)).toEqual(expected);
    expect(tally(Float64Array.from(scores), HIGH)).toEqual(expected);
    expect(tally([LOWEST.min, LOWEST.max, LOWEST.min + 1], LOWEST)).toEqual([1, 1, 0, 0, 1]);
    expect(tally([2 ** 31, 2 ** 31 + 1], { min: 2 ** 31 - 1, max: 2 ** 31 + 1 })).toEqual([0, 1, 1]);
  });

  it('names a fraction, a point off the scale or a non-number on such a scale', () => {
    expectMetricError(() => tally([2 ** 40, 2 ** 40 + 0.5], HIGH), 'INVALID_INPUT', ['scores', 1], 'an integer');
    expectMetricError(() => tally([2 ** 40 + 11], HIGH), 'INVALID_INPUT', ['scores', 0], 'at most 1099511627786');
    expectMetricError(() => tally([2 ** 40, 5], HIGH), 'INVALID_INPUT', ['scores', 1], 'at least 1099511627776');
    expectMetricError(() => tally([2 ** 40, '1099511627776'], HIGH), 'INVALID_INPUT', ['scores', 1]);
  });

  it('counts like a Map from score to count on random scales far from zero', () => {
    const far = fc
      .tuple(fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 101 }), fc.integer({ min: 1, max: 100 }))
      .map(([min, width]) => ({ min, max: min + width }));
    fc.assert(
      fc.property(far, fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 40 }), (range, offsets) => {
        const values = offsets.map((offset) => range.min + Math.min(offset, range.max - range.min));
        const expected = new Array(range.max - range.min + 1).fill(0);
        for (const value of values) expected[value - range.min]++;
        expect(tally(values, range)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tallyValues reads each element once', () => {
  /** A Proxy over `values` whose element `at` answers `first` on its first read and `later` after. */
  function changing(values: unknown[], at: number, first: unknown, later: unknown): unknown[] {
    let reads = 0;
    return new Proxy(values, {
      get: (target, key, receiver) =>
        key === String(at) ? (reads++ === 0 ? first : later) : Reflect.get(target, key, receiver),
    });
  }

  it('reports a bad element of a group of four as it was read, not as read again', () => {
    // The fast loop reads four elements; before, a bad group was read again element by element.
    expectMetricError(() => tally(changing([1, 2, 3, 4], 3, 'x', 5)), 'INVALID_INPUT', ['scores', 3]);
    expectMetricError(() => tally(changing([1, 2, 3, 4], 1, 12, 5)), 'INVALID_INPUT', ['scores', 1]);
  });

  it('finds the bad byte itself, not through a findIndex a subclass may override', () => {
    class Bytes extends Uint8Array {
      override findIndex(): number {
        return -1;
      }
    }
    expectMetricError(() => tally(Bytes.from([1, 2, 11, 3]) as Uint8Array), 'INVALID_INPUT', ['scores', 2]);
  });
});

describe('readDistribution', () => {
  it('reads an object keyed by score or an array of counts', () => {
    expect([...readDistribution('test', { 0: 2, 10: 1 }, NPS, ['d'])]).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect([...readDistribution('test', [1, 2, 3], { min: 1, max: 3 }, ['d'])]).toEqual([1, 2, 3]);
  });

  it('names a bad key, count or length', () => {
    expectMetricError(() => readDistribution('test', { 11: 1 }, NPS, ['d']), 'INVALID_INPUT', ['d', '11']);
    expectMetricError(() => readDistribution('test', { '01': 1 }, NPS, ['d']), 'INVALID_INPUT', ['d', '01']);
    expectMetricError(() => readDistribution('test', { 3: -1 }, NPS, ['d']), 'INVALID_INPUT', ['d', '3']);
    expectMetricError(() => readDistribution('test', [1, 2], NPS, ['d']), 'INVALID_INPUT', ['d']);
    expectMetricError(() => readDistribution('test', [1, 0.5, 2], { min: 1, max: 3 }, ['d']), 'INVALID_INPUT', [
      'd',
      1,
    ]);
    expectMetricError(() => readDistribution('test', 5, NPS, ['d']), 'INVALID_INPUT', ['d']);
  });
});

describe('readDistribution reads each value once', () => {
  it('names the length it read, not one read again', () => {
    let reads = 0;
    const counts = new Proxy([1, 2, 3, 4, 5], {
      get: (target, key, receiver) =>
        key === 'length' ? (reads++ === 0 ? 5 : 11) : Reflect.get(target, key, receiver),
    });
    expectMetricError(
      () => readDistribution('test', counts, NPS, ['distribution']),
      'INVALID_INPUT',
      ['distribution'],
      'not 5',
    );
  });
});

describe('totalOf and countBetween', () => {
  it('sums counts, and refuses totals past 2^53 − 1', () => {
    const counts = Float64Array.from([1, 2, 3, 4]);
    expect(totalOf('test', counts)).toBe(10);
    expect(countBetween(counts, { min: 1, max: 4 }, 2, 3)).toBe(5);
    expect(countBetween(counts, { min: 1, max: 4 }, 0, 9)).toBe(10);
    expectMetricError(() => totalOf('test', Float64Array.from([2 ** 53, 1]), ['d']), 'INVALID_INPUT', ['d']);
  });
});
