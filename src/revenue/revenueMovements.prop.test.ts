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
const input = fc.record({
  previous: rows,
  current: rows,
  formerCustomers: fc.array(id, { maxLength: 4 }),
  delinquentCustomers: fc.array(id, { maxLength: 4 }),
});

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
        // Churn splits exactly into voluntary and delinquent.
        expect(new Decimal(r.voluntaryChurnedMrr).plus(r.delinquentChurnedMrr).eq(r.churnedMrr)).toBe(true);
        const lost = r.customers.filter(
          (c) =>
            c.movement === 'churned' && (movements.delinquentCustomers as readonly string[]).includes(c.customerId),
        );
        expect(sum(lost.map((c) => c.previousMrr)).eq(r.delinquentChurnedMrr)).toBe(true);
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
        // Every movement is a non-negative amount (netNewMrr alone may be negative).
        for (const [key, value] of Object.entries(r)) {
          if (key.endsWith('Mrr') && key !== 'netNewMrr') expect(value, key).toBeGreaterThanOrEqual(0);
        }
        const reversed = revenueMovements({
          previous: [...movements.previous].reverse(),
          current: [...movements.current].reverse(),
          formerCustomers: movements.formerCustomers,
          delinquentCustomers: movements.delinquentCustomers,
        });
        const { customers: _a, ...totals } = r;
        const { customers: _b, ...reversedTotals } = reversed;
        expect(reversedTotals).toEqual(totals);
      }),
    );
  });

  describe('the documented reconciliation of the returned figures', () => {
    const figures = (r: ReturnType<typeof revenueMovements>) =>
      [
        r.startingMrr,
        r.newMrr,
        r.expansionMrr,
        r.reactivationMrr,
        r.contractionMrr,
        r.churnedMrr,
        r.netNewMrr,
        r.endingMrr,
      ] as const;
    /** start + new + expansion + reactivation − contraction − churned = end, and end − start = netNew. */
    const reconciles = <T>(
      values: readonly T[],
      add: (a: T, b: T) => T,
      sub: (a: T, b: T) => T,
      eq: (a: T, b: T) => boolean,
    ) => {
      const [start, added, expansion, reactivation, contraction, churned, netNew, end] = values as [
        T,
        T,
        T,
        T,
        T,
        T,
        T,
        T,
      ];
      const bridge = sub(sub(add(add(add(start, added), expansion), reactivation), contraction), churned);
      return eq(bridge, end) && eq(sub(end, start), netNew);
    };

    it('holds exactly on Math.round(figure * 100) for books in whole cents, up to 10^13', () => {
      // Cent amounts up to $2 × 10^11 each, at most 50 rows a side: every figure below 10^13.
      const centAmount = fc
        .tuple(fc.bigInt({ min: 0n, max: 20_000_000_000_000n }), fc.boolean())
        .map(([cents, asString]) => {
          const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
          return asString ? text : Number(text);
        });
      const book = fc.array(fc.record({ customerId: id, mrr: centAmount }), { maxLength: 50 });
      fc.assert(
        fc.property(book, book, fc.array(id, { maxLength: 4 }), (previous, current, formerCustomers) => {
          const r = revenueMovements({ previous, current, formerCustomers }, { customers: false });
          const cents = figures(r).map((figure) => BigInt(Math.round(figure * 100)));
          expect(
            reconciles(
              cents,
              (a, b) => a + b,
              (a, b) => a - b,
              (a, b) => a === b,
            ),
          ).toBe(true);
          // And they are the exact cents of the rows.
          const total = (rows: typeof previous) =>
            rows.reduce((sum, row) => sum + BigInt(new Decimal(row.mrr).times(100).toFixed(0)), 0n);
          expect([cents[0], cents[7]]).toEqual([total(previous), total(current)]);
        }),
        { numRuns: 300 },
      );
    });

    it('holds exactly on the decimal strings String(figure) when they have at most 15 significant digits', () => {
      // Up to 6 decimals and below 10^7 each, at most 50 rows a side: every figure below 5 × 10^8, 15 digits.
      const decimalAmount = fc
        .tuple(fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
        .map(([units, places, asString]) => {
          const text = new Decimal(units).div(10 ** 6).toFixed(places, Decimal.ROUND_DOWN);
          return asString ? text : Number(text);
        });
      const book = fc.array(fc.record({ customerId: id, mrr: decimalAmount }), { maxLength: 50 });
      fc.assert(
        fc.property(book, book, fc.array(id, { maxLength: 4 }), (previous, current, formerCustomers) => {
          const r = revenueMovements({ previous, current, formerCustomers }, { customers: false });
          const texts = figures(r).map(String);
          for (const text of texts) expect(text).toMatch(/^-?\d+(\.\d+)?$/);
          const decimals = texts.map((text) => new Decimal(text));
          expect(
            reconciles(
              decimals,
              (a, b) => a.plus(b),
              (a, b) => a.minus(b),
              (a, b) => a.eq(b),
            ),
          ).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it('does not hold when the doubles are added: 0.1 to 0.3', () => {
      const r = revenueMovements({
        previous: [{ customerId: 'a', mrr: 0.1 }],
        current: [{ customerId: 'a', mrr: 0.3 }],
      });
      expect(r.startingMrr + r.netNewMrr).toBe(0.30000000000000004);
      expect(r.endingMrr).toBe(0.3);
      expect(figures(r).map((figure) => Math.round(figure * 100))).toEqual([10, 0, 20, 0, 0, 0, 20, 30]);
    });
  });
});
