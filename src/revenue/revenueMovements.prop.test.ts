import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { revenueMovements } from './revenueMovements.js';

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
/** Amounts with up to 4 decimals, as numbers or strings. */
const amount = fc
  .tuple(fc.integer({ min: 0, max: 10_000_000_000 }), fc.constantFrom(0, 2, 4), fc.boolean())
  .map(([units, places, asString]) => {
    const text = new Decimal(units).div(10 ** places).toFixed(places);
    return asString ? text : Number(text);
  });
const rows = fc.array(fc.record({ customerId: id, mrr: amount }), { maxLength: 30 });
const input = fc.record({ previous: rows, current: rows, formerCustomers: fc.array(id, { maxLength: 4 }) });

const sum = (values: readonly (number | string)[]) =>
  values.reduce<Decimal>((total, v) => total.plus(v), new Decimal(0));

describe('revenueMovements properties', () => {
  it('always reconciles exactly: start + new + expansion + reactivation − contraction − churned = end', () => {
    fc.assert(
      fc.property(input, (movements) => {
        const r = revenueMovements(movements);
        const bridge = new Decimal(r.startingMrr)
          .plus(r.newMrr)
          .plus(r.expansionMrr)
          .plus(r.reactivationMrr)
          .minus(r.contractionMrr)
          .minus(r.churnedMrr);
        expect(bridge.eq(r.endingMrr)).toBe(true);
        expect(new Decimal(r.endingMrr).minus(r.startingMrr).eq(r.netNewMrr)).toBe(true);
      }),
    );
  });

  it('starts and ends at the exact sums of the rows, and its customers add up to the totals', () => {
    fc.assert(
      fc.property(input, (movements) => {
        const r = revenueMovements(movements);
        expect(r.startingMrr).toBe(sum(movements.previous.map((row) => row.mrr)).toNumber());
        expect(r.endingMrr).toBe(sum(movements.current.map((row) => row.mrr)).toNumber());
        const byMovement = (name: string) =>
          sum(r.customers.filter((c) => c.movement === name).map((c) => Math.abs(c.change))).toNumber();
        expect(byMovement('new')).toBe(r.newMrr);
        expect(byMovement('expansion')).toBe(r.expansionMrr);
        expect(byMovement('contraction')).toBe(r.contractionMrr);
        expect(byMovement('churned')).toBe(r.churnedMrr);
        expect(byMovement('reactivation')).toBe(r.reactivationMrr);
        expect(new Set(r.customers.map((c) => c.customerId)).size).toBe(r.customers.length);
        for (const c of r.customers) {
          expect(new Decimal(c.currentMrr).minus(c.previousMrr).eq(c.change)).toBe(true);
          if (c.movement === 'reactivation') expect(movements.formerCustomers).toContain(c.customerId);
        }
      }),
    );
  });

  it('keeps every amount non-negative and does not depend on row order', () => {
    fc.assert(
      fc.property(input, (movements) => {
        const r = revenueMovements(movements);
        for (const key of ['newMrr', 'expansionMrr', 'contractionMrr', 'churnedMrr', 'reactivationMrr'] as const) {
          expect(r[key]).toBeGreaterThanOrEqual(0);
        }
        const reversed = revenueMovements({
          previous: [...movements.previous].reverse(),
          current: [...movements.current].reverse(),
          formerCustomers: movements.formerCustomers,
        });
        const { customers: _a, ...totals } = r;
        const { customers: _b, ...reversedTotals } = reversed;
        expect(reversedTotals).toEqual(totals);
      }),
    );
  });
});
