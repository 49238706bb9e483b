import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { survivorsByPeriod } from './survivorsByPeriod.js';

const DAY = 86_400_000;

describe('survivorsByPeriod properties', () => {
  it('counts, for each complete period k, the members active k periods after their start', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ start: fc.integer({ min: 0, max: 60 }), length: fc.option(fc.integer({ min: 0, max: 400 })) }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('day' as const, 'week' as const),
        (rows, toDay, after, unit) => {
          const customers = rows.map((row, id) => ({
            id,
            start: row.start * DAY,
            end: row.length === null ? null : (row.start + row.length) * DAY,
          }));
          const members = rows.filter((row) => row.start < toDay && row.length !== 0);
          const options = { from: 0, to: toDay * DAY, asOf: (toDay + after) * DAY, unit, periods: 50 };
          if (members.length === 0) {
            expect(() => survivorsByPeriod({ customers }, options)).toThrow('has no customer');
            return;
          }
          const { survivors } = survivorsByPeriod({ customers }, options);
          const days = unit === 'day' ? 1 : 7;
          expect(survivors).toHaveLength(Math.min(50, Math.floor(after / days)) + 1);
          survivors.forEach((count, k) => {
            expect(count).toBe(members.filter((row) => row.length === null || row.length > k * days).length);
            if (k > 0) expect(count).toBeLessThanOrEqual(survivors[k - 1] as number);
          });
        },
      ),
    );
  });
});
