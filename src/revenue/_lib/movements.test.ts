import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toInt } from '../../internal/exact/integer.js';
import {
  CHURNED,
  CONTRACTION,
  classifyMovement,
  EXPANSION,
  MOVEMENT_NAMES,
  MovementTotals,
  NEW,
  REACTIVATION,
  UNCHANGED,
} from './movements.js';

describe('classifyMovement', () => {
  it('classifies every kind of move', () => {
    expect(classifyMovement(0, 0, true)).toBe(UNCHANGED);
    expect(classifyMovement(5, 5, false)).toBe(UNCHANGED);
    expect(classifyMovement(0, 5, false)).toBe(NEW);
    expect(classifyMovement(0, 5, true)).toBe(REACTIVATION);
    expect(classifyMovement(5, 0, true)).toBe(CHURNED);
    expect(classifyMovement(5, 7, true)).toBe(EXPANSION);
    expect(classifyMovement(7, 5, false)).toBe(CONTRACTION);
    expect(classifyMovement(2n ** 60n, 2n ** 60n + 1n, false)).toBe(EXPANSION);
    expect(classifyMovement(2n ** 60n, 2n ** 60n, false)).toBe(UNCHANGED);
    expect(MOVEMENT_NAMES[REACTIVATION]).toBe('reactivation');
  });
});

describe('MovementTotals', () => {
  it('reconciles: starting + new + expansion + reactivation − contraction − churned = ending', () => {
    const amount = fc.oneof(
      fc.constant(0n),
      fc.bigInt({ min: 0n, max: 10n ** 6n }),
      fc.bigInt({ min: 0n, max: 10n ** 20n }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount, fc.boolean()), { maxLength: 50 }), (customers) => {
        const totals = new MovementTotals(2);
        let starting = 0n;
        let ending = 0n;
        for (const [p, c, returning] of customers) {
          totals.record(1, toInt(p), toInt(c), returning);
          starting += p;
          ending += c;
        }
        const get = (movement: number) => BigInt(totals.amount(1, movement));
        expect(starting + get(NEW) + get(EXPANSION) + get(REACTIVATION) - get(CONTRACTION) - get(CHURNED)).toBe(ending);
        expect(totals.count(1, CHURNED)).toBe(customers.filter(([p, c]) => p > 0n && c === 0n).length);
        expect(totals.amount(0, NEW)).toBe(0);
      }),
    );
  });

  it('tallies the delinquent part of the churn, and only of the churn', () => {
    const totals = new MovementTotals(2);
    totals.record(1, 100, 0, false, true);
    totals.record(1, 2n ** 60n, 0, true, true);
    totals.record(1, 40, 0, false);
    totals.record(1, 50, 20, false, true);
    totals.record(1, 0, 30, false, true);
    expect(totals.amount(1, CHURNED)).toBe(2n ** 60n + 140n);
    expect(totals.delinquentAmount(1)).toBe(2n ** 60n + 100n);
    expect([totals.count(1, CHURNED), totals.delinquentCount(1)]).toEqual([3, 2]);
    expect([totals.delinquentAmount(0), totals.delinquentCount(0)]).toEqual([0, 0]);
  });
});
