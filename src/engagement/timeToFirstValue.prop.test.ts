import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TimeToFirstValueCustomer, timeToFirstValue } from './timeToFirstValue.js';

const customerArb = fc
  .record({
    start: fc.integer({ min: 0, max: 4e12 }),
    wait: fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: undefined }),
  })
  .map(({ start, wait }) => ({
    record: (wait === undefined
      ? { startedAt: start }
      : { startedAt: start, firstValueAt: start + wait }) as TimeToFirstValueCustomer,
    wait,
  }));
const customersArb = fc.array(customerArb, { minLength: 1, maxLength: 150 });

function shuffle<T>(items: readonly T[], seed: number): T[] {
  return items
    .map((item, i) => ({ item, key: Math.imul(i + 1, 2_654_435_761) ^ seed }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.item);
}

describe('timeToFirstValue properties', () => {
  it('median ≤ p90, all within the range of the reached waits; reached + pending = customers', () => {
    fc.assert(
      fc.property(customersArb, (generated) => {
        const result = timeToFirstValue({ customers: generated.map((g) => g.record) }, { unit: 'ms' });
        const waits = generated.map((g) => g.wait).filter((w): w is number => w !== undefined);
        expect(result.reached).toBe(waits.length);
        expect(result.reached + result.pending).toBe(generated.length);
        if (waits.length === 0) {
          expect([result.median, result.mean, result.p90]).toEqual([null, null, null]);
          return;
        }
        expect(result.median as number).toBeLessThanOrEqual(result.p90 as number);
        for (const value of [result.median, result.mean, result.p90] as number[]) {
          expect(value).toBeGreaterThanOrEqual(Math.min(...waits));
          expect(value).toBeLessThanOrEqual(Math.max(...waits));
        }
      }),
    );
  });

  it('does not depend on the order of the customers', () => {
    fc.assert(
      fc.property(customersArb, fc.integer(), (generated, seed) => {
        const customers = generated.map((g) => g.record);
        expect(timeToFirstValue({ customers: shuffle(customers, seed) })).toEqual(timeToFirstValue({ customers }));
      }),
    );
  });

  it('pending customers never move the statistics', () => {
    fc.assert(
      fc.property(customersArb, (generated) => {
        const reached = generated.filter((g) => g.wait !== undefined).map((g) => g.record);
        fc.pre(reached.length > 0);
        const all = timeToFirstValue({ customers: generated.map((g) => g.record) });
        const only = timeToFirstValue({ customers: reached });
        expect([all.median, all.mean, all.p90]).toEqual([only.median, only.mean, only.p90]);
      }),
    );
  });

  it('whole days convert to exactly 24 × as many hours', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 60 }), (days) => {
        const customers = days.map((d) => ({ startedAt: 0, firstValueAt: d * 86_400_000 }));
        const inDays = timeToFirstValue({ customers });
        const inHours = timeToFirstValue({ customers }, { unit: 'hour' });
        expect(inHours.median).toBe((inDays.median as number) * 24);
        // p90 of whole days has at most one decimal (tenths of a day); × 24 stays within one rounding.
        expect(inHours.p90 as number).toBeCloseTo((inDays.p90 as number) * 24, 9);
      }),
    );
  });
});
