import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shifting } from '../../../test/support/adversary.js';
import { isMetricError } from '../../errors.js';
import { add, compare, rationalOf } from '../../internal/exact/rational.js';
import { grossRevenueRetention } from '../grossRevenueRetention.js';
import { netRevenueRetention } from '../netRevenueRetention.js';
import { retentionParts } from './retentionParts.js';

const path = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return isMetricError(error) ? [error.code, error.issues[0]?.path] : error;
  }
  return undefined;
};

describe('retentionParts', () => {
  it('reads the period form', () => {
    const parts = retentionParts('m', {
      startingMrr: '1000.00',
      expansionMrr: 100,
      contractionMrr: '0.005',
      churnedMrr: 50,
      reactivationMrr: 10,
    });
    expect(parts).toEqual({ starting: 1_000_000, gross: 949_995, net: 1_059_995 });
    expect(
      path(() => retentionParts('m', { startingMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 })),
    ).toEqual(['NO_DATA', ['startingMrr']]);
    expect(
      path(() => retentionParts('m', { startingMrr: 1, expansionMrr: 0, contractionMrr: 1, churnedMrr: 1 })),
    ).toEqual(['INVALID_INPUT', ['churnedMrr']]);
  });

  it('reads the cohort form by customer, capping gross at the starting MRR', () => {
    const parts = retentionParts('m', {
      cohort: [
        { customerId: 'a', startingMrr: 100, endingMrr: 150 },
        { customerId: 'b', startingMrr: 100, endingMrr: 60 },
        { customerId: 'a', startingMrr: 0, endingMrr: '0.001' },
        { customerId: 'c', startingMrr: 0, endingMrr: 500 },
      ],
    });
    expect(parts).toEqual({ starting: 200_000, net: 210_001, gross: 160_000 });
    expect(path(() => retentionParts('m', { cohort: [{ customerId: 'a', startingMrr: 0, endingMrr: 1 }] }))).toEqual([
      'NO_DATA',
      ['cohort'],
    ]);
    expect(path(() => retentionParts('m', { cohort: [{ customerId: 'a', startingMrr: -1, endingMrr: 1 }] }))).toEqual([
      'INVALID_INPUT',
      ['cohort', 0, 'startingMrr'],
    ]);
  });

  it('keeps the same scale for every part, exactly', () => {
    const money = fc.oneof(
      fc.integer({ min: 0, max: 10 ** 9 }).map((c) => c / 100),
      fc.stringMatching(/^\d{1,20}\.\d{1,9}$/),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), money, money), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const cohort = rows.map(([customerId, startingMrr, endingMrr]) => ({ customerId, startingMrr, endingMrr }));
          if (cohort.every((row) => compare(rationalOf(row.startingMrr), rationalOf(0)) === 0)) return;
          let start = rationalOf(0);
          let end = rationalOf(0);
          for (const row of cohort) {
            start = add(start, rationalOf(row.startingMrr));
            end = add(end, rationalOf(row.endingMrr));
          }
          const { starting, net } = retentionParts('m', { cohort });
          // Customers at 0 at the start are left out; the ratio is compared through cross-multiplication.
          expect(BigInt(starting) > 0n).toBe(true);
          expect(BigInt(net) >= 0n).toBe(true);
          if (cohort.every((row) => compare(rationalOf(row.startingMrr), rationalOf(0)) > 0)) {
            expect(BigInt(net) * start.num * end.den).toBe(BigInt(starting) * end.num * start.den);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads each cohort field once', () => {
    const reads = new Map<string, number>();
    const row = {};
    for (const [key, first] of [
      ['customerId', 'a'],
      ['startingMrr', 100],
      ['endingMrr', 50],
    ] as const) {
      Object.defineProperty(row, key, {
        enumerable: true,
        get: () => {
          reads.set(key, (reads.get(key) ?? 0) + 1);
          return reads.get(key) === 1 ? first : undefined;
        },
      });
    }
    expect(retentionParts('m', { cohort: [row] })).toEqual({ starting: 10_000, net: 5_000, gross: 5_000 });
    expect([...reads.values()]).toEqual([1, 1, 1]);
  });
});

describe('the retention metrics read through retentionParts', () => {
  it.each([
    ['grossRevenueRetention', grossRevenueRetention],
    ['netRevenueRetention', netRevenueRetention],
  ] as const)(
    '%s uses the endingMrr it checked: a getter that turns to NaN on a second read changes nothing',
    (_, metric) => {
      const counter = { reads: 0 };
      const row = shifting({ customerId: 'a', startingMrr: 100, endingMrr: 0 }, 'endingMrr', 50, Number.NaN, counter);
      expect(metric({ cohort: [row] })).toBe(0.5);
      expect(counter.reads).toBe(1);
    },
  );
});
