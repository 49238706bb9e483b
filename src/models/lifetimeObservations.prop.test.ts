import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifetimeObservations } from './lifetimeObservations.js';

const DAY = 86_400_000;
const lifetimes = fc.array(
  fc.record({ start: fc.integer({ min: 0, max: 2000 }), length: fc.option(fc.integer({ min: 0, max: 2000 })) }),
  { maxLength: 40 },
);

describe('lifetimeObservations properties', () => {
  it('keeps each customer active by asOf once, within [0, asOf − start], churned only if the end is known', () => {
    fc.assert(
      fc.property(lifetimes, fc.integer({ min: 0, max: 4000 }), (rows, asOfDay) => {
        const customers = rows.map((row, id) => ({
          id,
          start: row.start * DAY,
          end: row.length === null ? undefined : (row.start + row.length) * DAY,
        }));
        const { durations, churned } = lifetimeObservations({ customers }, { asOf: asOfDay * DAY, unit: 'day' });
        const kept = rows.filter((row) => row.start <= asOfDay && row.length !== 0);
        expect(durations).toHaveLength(kept.length);
        kept.forEach((row, i) => {
          const lost = row.length !== null && row.start + row.length <= asOfDay;
          expect(churned[i]).toBe(lost);
          expect(durations[i]).toBe(lost ? (row.length as number) : asOfDay - row.start);
        });
      }),
    );
  });

  it('scales with the unit: days = 7 × weeks = 365/12 × months', () => {
    fc.assert(
      fc.property(lifetimes, (rows) => {
        const customers = rows.map((row, id) => ({ id, start: row.start * DAY }));
        const days = lifetimeObservations({ customers }, { asOf: 4000 * DAY, unit: 'day' }).durations;
        const weeks = lifetimeObservations({ customers }, { asOf: 4000 * DAY, unit: 'week' }).durations;
        const months = lifetimeObservations({ customers }, { asOf: 4000 * DAY }).durations;
        days.forEach((d, i) => {
          expect(weeks[i]).toBeCloseTo(d / 7, 9);
          expect(months[i]).toBeCloseTo((d * 12) / 365, 9);
        });
      }),
    );
  });
});
