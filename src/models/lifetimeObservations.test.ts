import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { lifetimeObservations } from './lifetimeObservations.js';
import { survivalCurve } from './survivalCurve.js';

const customers = [
  { id: 'a', start: '2024-01-01', end: '2024-03-01' },
  { id: 'b', start: '2024-01-01' },
  { id: 'c', start: '2024-02-01', end: '2025-01-01' },
  { id: 'd', start: '2025-01-01' },
];

describe('lifetimeObservations', () => {
  describe('worked examples', () => {
    it('churns ends at or before asOf and censors the rest at asOf', () => {
      expect(lifetimeObservations({ customers }, { asOf: '2024-12-31', unit: 'day' })).toEqual({
        durations: [60, 365, 334],
        churned: [true, false, false],
      });
    });

    it('counts a month as 365/12 days and a week as 7', () => {
      const year = [{ id: 1, start: '2023-01-01', end: '2024-01-01' }];
      expect(lifetimeObservations({ customers: year }, { asOf: '2024-06-01' }).durations).toEqual([12]);
      expect(lifetimeObservations({ customers: year }, { asOf: '2024-06-01', unit: 'week' }).durations).toEqual([
        365 / 7,
      ]);
      const leap = [{ id: 1, start: '2024-01-01', end: '2025-01-01' }];
      expect(lifetimeObservations({ customers: leap }, { asOf: '2025-01-01' }).durations).toEqual([(366 * 12) / 365]);
    });

    it('is the column input of survivalCurve', () => {
      const curve = survivalCurve(lifetimeObservations({ customers }, { asOf: '2024-12-31', unit: 'day' }));
      expect(curve.points.map((point) => point.survival)).toEqual([2 / 3, 2 / 3, 2 / 3]);
      expect([curve.observations, curve.events, curve.censored]).toEqual([3, 1, 2]);
    });
  });

  describe('edge cases', () => {
    it('reads each record once: fields that change after a first read give the same observations', () => {
      const input = { customers: [...customers, { id: 'e', start: '2024-03-01', end: null }] };
      const plain = lifetimeObservations(structuredClone(input), { asOf: '2024-12-31', unit: 'day' });
      expect(plain.churned).toEqual([true, false, false, false]);
      const hostile = changingOnReread(input) as typeof input;
      expect(lifetimeObservations(hostile, { asOf: '2024-12-31', unit: 'day' })).toEqual(plain);
    });

    it('churns an end exactly at asOf, and keeps a start at asOf with duration 0', () => {
      const result = lifetimeObservations(
        {
          customers: [
            { id: 1, start: '2024-01-01', end: '2024-02-01' },
            { id: 2, start: '2024-02-01' },
          ],
        },
        { asOf: '2024-02-01', unit: 'day' },
      );
      expect(result).toEqual({ durations: [31, 0], churned: [true, false] });
    });

    it('leaves out zero-length lifetimes and customers who start after asOf', () => {
      const result = lifetimeObservations(
        {
          customers: [
            { id: 1, start: '2024-01-01', end: '2024-01-01' },
            { id: 2, start: '2024-01-02T00:00:00.001Z' },
          ],
        },
        { asOf: '2024-01-02' },
      );
      expect(result).toEqual({ durations: [], churned: [] });
      expect(lifetimeObservations({ customers: [] }, { asOf: 0 })).toEqual({ durations: [], churned: [] });
    });

    it('takes Dates, epoch milliseconds, date-times with offsets and null ends', () => {
      const result = lifetimeObservations(
        {
          customers: [
            { id: 1, start: new Date(Date.UTC(2024, 0, 1)), end: null },
            { id: 2, start: Date.UTC(2024, 0, 1), end: '2024-01-01T12:00:00+02:00' },
          ],
        },
        { asOf: Date.UTC(2024, 0, 2), unit: 'day' },
      );
      expect(result).toEqual({ durations: [1, 10 / 24], churned: [false, true] });
    });
  });

  describe('validation', () => {
    it('names the customer and the option', () => {
      expectMetricError(
        () => lifetimeObservations({ customers: [{ id: 1, start: 'x' }] }, { asOf: 0 }),
        'INVALID_INPUT',
        ['customers', 0, 'start'],
      );
      expectMetricError(
        () => lifetimeObservations({ customers: [{ id: 1, start: 5, end: 4 }] }, { asOf: 0 }),
        'INVALID_INPUT',
        ['customers', 0, 'end'],
      );
      expectMetricError(
        () =>
          lifetimeObservations(
            {
              customers: [
                { id: 1, start: 0 },
                { id: 1, start: 0 },
              ],
            },
            { asOf: 0 },
          ),
        'INVALID_INPUT',
        ['customers', 1, 'id'],
      );
      expectMetricError(() => lifetimeObservations({ customers: [] }, {} as never), 'INVALID_INPUT', ['asOf']);
      expectMetricError(
        () => lifetimeObservations({ customers: [] }, { asOf: 0, unit: 'year' as never }),
        'INVALID_INPUT',
        ['unit'],
      );
      expectMetricError(() => lifetimeObservations({ customers: 'x' } as never, { asOf: 0 }), 'INVALID_INPUT', [
        'customers',
      ]);
      expectMetricError(
        () => lifetimeObservations({ customers: [], extra: 1 } as never, { asOf: 0 }),
        'INVALID_INPUT',
        [],
      );
    });

    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'lifetimeObservations',
        () => lifetimeObservations({ customers }, { asOf: '2024-12-31', censorAt: '2024-06-30' } as never),
        'censorAt',
      );
    });
  });

  it('does not mutate input', () => {
    const input = { customers: structuredClone(customers) };
    const before = structuredClone(input);
    lifetimeObservations(input, { asOf: '2024-12-31' });
    expect(input).toEqual(before);
  });
});
