import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { revenueMovements } from './revenueMovements.js';

describe('revenueMovements', () => {
  describe('worked examples', () => {
    // ChartMogul, "MRR movements": the Syncalytics story, one snapshot pair per step.
    const gold = { customerId: 'syncalytics', mrr: '166.67' };
    const silver = { customerId: 'syncalytics', mrr: 60 };

    it('classifies a first subscription as new business', () => {
      const result = revenueMovements({ previous: [], current: [gold] });
      expect(result.newMrr).toBe(166.67);
      expect(result.customers).toEqual([
        { customerId: 'syncalytics', movement: 'new', previousMrr: 0, currentMrr: 166.67, change: 166.67 },
      ]);
    });

    it('classifies a second subscription of the same customer as expansion, not new', () => {
      const result = revenueMovements({ previous: [gold], current: [gold, silver] });
      expect(result.newMrr).toBe(0);
      expect(result.expansionMrr).toBe(60);
      expect(result.customers[0]?.movement).toBe('expansion');
    });

    it('classifies cancelling one of two subscriptions as contraction, not churn', () => {
      const result = revenueMovements({ previous: [gold, silver], current: [gold] });
      expect(result.contractionMrr).toBe(60);
      expect(result.churnedMrr).toBe(0);
      expect(result.customers[0]?.change).toBe(-60);
    });

    it('classifies cancelling the last subscription as churn', () => {
      const result = revenueMovements({ previous: [gold], current: [] });
      expect(result.churnedMrr).toBe(166.67);
      expect(result.endingMrr).toBe(0);
      expect(result.netNewMrr).toBe(-166.67);
    });

    it('classifies a former customer coming back as reactivation', () => {
      const back = { customerId: 'syncalytics', mrr: 150 };
      const result = revenueMovements({ previous: [], current: [back], formerCustomers: ['syncalytics'] });
      expect(result.reactivationMrr).toBe(150);
      expect(result.newMrr).toBe(0);
      expect(result.customers[0]?.movement).toBe('reactivation');
      expect(revenueMovements({ previous: [], current: [back] }).newMrr).toBe(150);
    });

    it('builds the whole bridge', () => {
      const result = revenueMovements({
        previous: [
          { customerId: 'a', mrr: 100 },
          { customerId: 'b', mrr: 50 },
          { customerId: 'c', mrr: 30 },
          { customerId: 'f', mrr: 12 },
        ],
        current: [
          { customerId: 'a', mrr: 80 },
          { customerId: 'a', mrr: 40 },
          { customerId: 'c', mrr: 10 },
          { customerId: 'd', mrr: 25 },
          { customerId: 'e', mrr: 15 },
          { customerId: 'f', mrr: '12.00' },
        ],
        formerCustomers: ['e', 'b'],
      });
      const { customers, ...totals } = result;
      expect(totals).toEqual({
        startingMrr: 192,
        newMrr: 25,
        expansionMrr: 20,
        contractionMrr: 20,
        churnedMrr: 50,
        reactivationMrr: 15,
        netNewMrr: -10,
        endingMrr: 182,
        voluntaryChurnedMrr: 50,
        delinquentChurnedMrr: 0,
      });
      expect(customers.map((c) => [c.customerId, c.movement])).toEqual([
        ['a', 'expansion'],
        ['b', 'churned'],
        ['c', 'contraction'],
        ['f', 'unchanged'],
        ['d', 'new'],
        ['e', 'reactivation'],
      ]);
    });
  });

  describe('voluntary and delinquent churn', () => {
    it('calls the churn of customers lost to failed payments delinquent, the rest voluntary', () => {
      const moves = revenueMovements({
        previous: [
          { customerId: 'a', mrr: '100.10' },
          { customerId: 'b', mrr: 50 },
          { customerId: 'c', mrr: 30 },
          { customerId: 'd', mrr: 20 },
        ],
        current: [{ customerId: 'c', mrr: 10 }],
        // c is listed but does not churn (a contraction); e is listed and never paid.
        delinquentCustomers: ['a', 'c', 'e'],
      });
      expect(moves.churnedMrr).toBe(170.1);
      expect(moves.delinquentChurnedMrr).toBe(100.1);
      expect(moves.voluntaryChurnedMrr).toBe(70);
      expect(moves.contractionMrr).toBe(20);
      expect(moves.customers.map((c) => c.movement)).toEqual(['churned', 'churned', 'contraction', 'churned']);
      expect(moves.customers.map((c) => c.churnReason)).toEqual(['delinquent', 'voluntary', undefined, 'voluntary']);
      expect(moves.customers.filter((c) => c.churnReason === 'delinquent').map((c) => c.previousMrr)).toEqual([100.1]);
    });

    it('is all voluntary without delinquentCustomers', () => {
      const moves = revenueMovements({ previous: [{ customerId: 'a', mrr: 5 }], current: [] }, { customers: false });
      expect([moves.voluntaryChurnedMrr, moves.delinquentChurnedMrr]).toEqual([5, 0]);
    });
  });

  describe('edge cases', () => {
    it('is all zeros for no rows', () => {
      expect(revenueMovements({ previous: [], current: [] })).toEqual({
        startingMrr: 0,
        newMrr: 0,
        expansionMrr: 0,
        contractionMrr: 0,
        churnedMrr: 0,
        reactivationMrr: 0,
        netNewMrr: 0,
        endingMrr: 0,
        voluntaryChurnedMrr: 0,
        delinquentChurnedMrr: 0,
        customers: [],
      });
    });

    it('lists a customer at 0 on both sides as unchanged', () => {
      const result = revenueMovements({
        previous: [{ customerId: 'z', mrr: 0 }],
        current: [{ customerId: 'z', mrr: '0.00' }],
      });
      expect(result.customers).toEqual([
        { customerId: 'z', movement: 'unchanged', previousMrr: 0, currentMrr: 0, change: 0 },
      ]);
    });

    it('treats a customer at 0 before as new (or reactivated), one at 0 after as churned', () => {
      const result = revenueMovements({
        previous: [
          { customerId: 'n', mrr: 0 },
          { customerId: 'l', mrr: 9 },
        ],
        current: [
          { customerId: 'n', mrr: 5 },
          { customerId: 'l', mrr: 0 },
        ],
      });
      expect(result.newMrr).toBe(5);
      expect(result.churnedMrr).toBe(9);
    });

    it('ignores formerCustomers for customers who were paying', () => {
      const result = revenueMovements({
        previous: [{ customerId: 'a', mrr: 10 }],
        current: [{ customerId: 'a', mrr: 20 }],
        formerCustomers: ['a'],
      });
      expect(result.expansionMrr).toBe(20 - 10);
      expect(result.reactivationMrr).toBe(0);
    });

    it('returns totals only with customers: false', () => {
      const input = { previous: [{ customerId: 'a', mrr: 10 }], current: [{ customerId: 'b', mrr: 20 }] };
      const full = revenueMovements(input);
      const totals = revenueMovements(input, { customers: false });
      expect(totals.customers).toEqual([]);
      expect({ ...totals, customers: full.customers }).toEqual(full);
    });

    it('is exact with amounts that are not whole cents, and reconciles', () => {
      const third = 100 / 12; // 8.333333333333334, read as that decimal
      const result = revenueMovements({
        previous: [
          { customerId: 'a', mrr: third },
          { customerId: 'b', mrr: '0.125' },
          { customerId: 'c', mrr: 0.1 },
        ],
        current: [
          { customerId: 'a', mrr: third },
          { customerId: 'a', mrr: third },
          { customerId: 'b', mrr: '0.0625' },
        ],
      });
      expect(result.expansionMrr).toBe(third);
      expect(result.contractionMrr).toBe(0.0625);
      expect(result.churnedMrr).toBe(0.1);
      expect(result.startingMrr).toBe(Number('8.558333333333334'));
      expect(result.endingMrr).toBe(Number('16.729166666666668'));
      expect(result.netNewMrr).toBe(Number('8.170833333333334'));
      expect(result.customers[0]).toEqual({
        customerId: 'a',
        movement: 'expansion',
        previousMrr: third,
        currentMrr: Number('16.666666666666668'),
        change: third,
      });
    });

    it('keeps exact amounts unchanged and lists nothing with customers: false', () => {
      const input = {
        previous: [
          { customerId: 'a', mrr: '0.125' },
          { customerId: 'b', mrr: '0.0625' },
        ],
        current: [
          { customerId: 'a', mrr: '0.1250' },
          { customerId: 'b', mrr: '0.03125' },
        ],
      };
      const full = revenueMovements(input);
      expect(full.customers[0]).toEqual({
        customerId: 'a',
        movement: 'unchanged',
        previousMrr: 0.125,
        currentMrr: 0.125,
        change: 0,
      });
      expect(full.contractionMrr).toBe(0.03125);
      expect(revenueMovements(input, { customers: false })).toEqual({ ...full, customers: [] });
    });

    it('sums cents exactly (19.99 + 29.99 + 9.99 + 0.01 + 100.10 is 160.08)', () => {
      const current = [19.99, 29.99, 9.99, 0.01, '100.10'].map((mrr) => ({ customerId: 'a', mrr }));
      expect(revenueMovements({ previous: [], current }).newMrr).toBe(160.08);
    });

    it('continues exactly beyond 2^53 cents', () => {
      const big = { customerId: 'a', mrr: 90_000_000_000_000 };
      const result = revenueMovements({
        previous: [big, { customerId: 'b', mrr: 1 }],
        current: [big, big, { customerId: 'b', mrr: 0.01 }],
      });
      expect(result.startingMrr).toBe(90_000_000_000_001);
      // 180,000,000,000,000.01 exactly; its nearest double is 180,000,000,000,000.
      expect(result.endingMrr).toBe(180_000_000_000_000);
      expect(result.expansionMrr).toBe(90_000_000_000_000);
      expect(result.contractionMrr).toBe(0.99);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'revenueMovements',
        () => revenueMovements({ previous: [], current: [] }, { notAnOption: 1 } as never),
        'notAnOption',
      );
    });

    it.each([
      [{ previous: [{ customerId: 'a', mrr: -1 }], current: [] }, ['previous', 0, 'mrr']],
      [
        {
          previous: [],
          current: [
            { customerId: 'a', mrr: 1 },
            { customerId: 'b', mrr: 'x' },
          ],
        },
        ['current', 1, 'mrr'],
      ],
      [{ previous: [], current: [{ customerId: '', mrr: 1 }] }, ['current', 0, 'customerId']],
      [{ previous: [], current: [{ id: 'a', mrr: 1 }] }, ['current', 0, 'customerId']],
      [{ previous: [], current: [{ customerId: 'a', mrr: 1, plan: 'x' }] }, ['current', 0]],
      [{ previous: [], current: [null] }, ['current', 0]],
      [{ previous: [], current: [], formerCustomers: ['a', 3] }, ['formerCustomers', 1]],
      [{ previous: [], current: [], formerCustomers: 'a' }, ['formerCustomers']],
      [{ previous: [], current: [], delinquentCustomers: ['a', ''] }, ['delinquentCustomers', 1]],
      [{ previous: [], current: [], delinquentCustomers: [null] }, ['delinquentCustomers', 0]],
      [{ previous: [], current: [], delinquentCustomers: 'a' }, ['delinquentCustomers']],
      [{ current: [] }, ['previous']],
      [{ previous: [], current: [], extra: 1 }, []],
    ])('rejects %j', (input, path) => {
      expectMetricError(() => revenueMovements(input as never), 'INVALID_INPUT', path);
    });

    it('rejects bad options', () => {
      expectMetricError(
        () => revenueMovements({ previous: [], current: [] }, { customers: 1 } as never),
        'INVALID_INPUT',
        ['customers'],
      );
    });
  });

  describe('reads each value once', () => {
    it('uses the mrr and customerId it checked, not a second read', () => {
      let reads = 0;
      const row = { customerId: 'x' } as { customerId: string; mrr: number };
      Object.defineProperty(row, 'mrr', { enumerable: true, get: () => (reads++ === 0 ? 8.25 : 3520) });
      const moves = revenueMovements({ previous: [row], current: [] }, { customers: false });
      expect([moves.startingMrr, moves.churnedMrr, reads]).toEqual([8.25, 8.25, 1]);
      let idReads = 0;
      const named = { mrr: 5 } as { customerId: string; mrr: number };
      Object.defineProperty(named, 'customerId', { enumerable: true, get: () => (idReads++ === 0 ? 'a' : 'b') });
      expect(revenueMovements({ previous: [named], current: [{ customerId: 'a', mrr: 5 }] }).customers).toEqual([
        { customerId: 'a', movement: 'unchanged', previousMrr: 5, currentMrr: 5, change: 0 },
      ]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the rows unchanged', () => {
      const input = {
        previous: [{ customerId: 'a', mrr: 1 }],
        current: [
          { customerId: 'a', mrr: '2' },
          { customerId: 'b', mrr: 3 },
        ],
        formerCustomers: ['b'],
      };
      const before = structuredClone(input);
      revenueMovements(input);
      expect(input).toEqual(before);
    });
  });
});
