import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grossRevenueRetention } from './grossRevenueRetention.js';
import { netRevenueRetention } from './netRevenueRetention.js';
import { revenueChurnRate } from './revenueChurnRate.js';
import { revenueMovements } from './revenueMovements.js';

const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => c / 100);
const cohort = fc.uniqueArray(
  fc.record({
    customerId: fc.string({ minLength: 1, maxLength: 4 }),
    startingMrr: cents(1, 1_000_000),
    endingMrr: cents(0, 2_000_000),
  }),
  { selector: (row) => row.customerId, minLength: 1, maxLength: 40 },
);

describe('net and gross revenue retention properties', () => {
  it('keeps GRR within [0, 1] and at most NRR', () => {
    fc.assert(
      fc.property(cohort, (rows) => {
        const gross = grossRevenueRetention({ cohort: rows });
        const net = netRevenueRetention({ cohort: rows });
        expect(gross).toBeGreaterThanOrEqual(0);
        expect(gross).toBeLessThanOrEqual(1);
        expect(gross).toBeLessThanOrEqual(net);
      }),
    );
  });

  it('gives the same result from the cohort and from its movements (period form)', () => {
    fc.assert(
      fc.property(cohort, (rows) => {
        const moves = revenueMovements({
          previous: rows.map((row) => ({ customerId: row.customerId, mrr: row.startingMrr })),
          current: rows.map((row) => ({ customerId: row.customerId, mrr: row.endingMrr })),
        });
        const period = {
          startingMrr: moves.startingMrr,
          expansionMrr: moves.expansionMrr,
          contractionMrr: moves.contractionMrr,
          churnedMrr: moves.churnedMrr,
        };
        expect(netRevenueRetention(period)).toBe(netRevenueRetention({ cohort: rows }));
        expect(grossRevenueRetention(period)).toBe(grossRevenueRetention({ cohort: rows }));
      }),
    );
  });

  it('relates to revenue churn: GRR = 1 − gross churn and NRR = 1 − net churn', () => {
    const period = fc
      .tuple(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
      )
      .map(([start, expansion, a, b, reactivation]) => {
        const churned = a % (start + 1);
        const contraction = b % (start - churned + 1);
        return {
          startingMrr: start,
          expansionMrr: expansion,
          contractionMrr: contraction,
          churnedMrr: churned,
          reactivationMrr: reactivation % 1000,
        };
      });
    fc.assert(
      fc.property(period, (p) => {
        const gross = revenueChurnRate(p);
        const net = revenueChurnRate(p, { net: true });
        // Both sides are ratios over the same start: compare the numerators exactly.
        expect(Math.round(grossRevenueRetention(p) * p.startingMrr)).toBe(Math.round((1 - gross) * p.startingMrr));
        expect(Math.round(netRevenueRetention(p) * p.startingMrr)).toBe(Math.round((1 - net) * p.startingMrr));
      }),
    );
  });
});
