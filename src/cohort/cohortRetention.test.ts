import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { type CustomerLifetime, cohortRetention } from './cohortRetention.js';

const at = (date: string) => Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);

describe('cohortRetention', () => {
  describe('worked examples', () => {
    it('follows each monthly cohort to the end of every month that has passed', () => {
      const customers = [
        { id: 1, start: '2024-01-05', end: '2024-02-10' },
        { id: 2, start: '2024-01-20' },
        { id: 3, start: '2024-01-31', end: '2024-03-15' },
        { id: 4, start: '2024-02-03', end: '2024-02-20' },
        { id: 5, start: '2024-02-14' },
        { id: 6, start: '2024-03-09' },
      ];
      const { cohorts, average } = cohortRetention({ customers }, { asOf: '2024-04-01' });
      expect(cohorts).toEqual([
        { cohort: '2024-01', start: '2024-01-01', size: 3, active: [3, 2, 1], retention: [1, 2 / 3, 1 / 3] },
        { cohort: '2024-02', start: '2024-02-01', size: 2, active: [1, 1], retention: [0.5, 0.5] },
        { cohort: '2024-03', start: '2024-03-01', size: 1, active: [1], retention: [1] },
      ]);
      // Weighted by size: (3 + 1 + 1) ÷ 6, (2 + 1) ÷ 5, 1 ÷ 3.
      expect(average).toEqual([5 / 6, 3 / 5, 1 / 3]);
    });

    it('weights cohorts by size, not by averaging their rates', () => {
      const customers = [
        ...Array.from({ length: 9 }, (_, i) => ({ id: `big-${i}`, start: '2024-01-10' })),
        { id: 'big-leaver', start: '2024-01-10', end: '2024-01-20' },
        { id: 'small', start: '2024-02-10', end: '2024-02-20' },
      ];
      const { cohorts, average } = cohortRetention({ customers }, { asOf: '2024-03-01' });
      expect(cohorts.map((c) => c.retention[0])).toEqual([0.9, 0]);
      // 9 of 11 customers, not (0.9 + 0) ÷ 2.
      expect(average[0]).toBe(9 / 11);
      expect(average).toEqual([9 / 11, 0.9]);
    });

    it('keeps a cohort that fell to 0 in the average', () => {
      const customers = [
        { id: 'a', start: '2024-01-01' },
        { id: 'b', start: '2024-02-01', end: '2024-03-15' },
        { id: 'c', start: '2024-02-02', end: '2024-02-03' },
      ];
      const { cohorts, average } = cohortRetention({ customers }, { asOf: '2024-05-01' });
      expect(cohorts[1]?.active).toEqual([1, 0, 0]);
      expect(average).toEqual([2 / 3, 1 / 3, 1 / 3, 1]);
    });
  });

  describe('when a customer counts as active', () => {
    it('counts a member active in a period when it is still active at its end', () => {
      const customers = [
        { id: 'ends-at-boundary', start: '2024-01-10', end: '2024-02-01' },
        { id: 'ends-just-after', start: '2024-01-10', end: '2024-02-01T00:00:00.001Z' },
        { id: 'ends-mid-month', start: '2024-01-10', end: '2024-01-25' },
        { id: 'stays', start: '2024-01-10' },
      ];
      const [january] = cohortRetention({ customers }, { asOf: '2024-03-01' }).cohorts;
      expect(january?.active).toEqual([2, 1]);
    });

    it('puts a customer in the cohort of the UTC period of its start', () => {
      const customers = [
        { id: 'a', start: '2024-02-01T00:30:00+01:00' },
        { id: 'b', start: '2024-01-31T23:59:59.999Z' },
        { id: 'c', start: '2024-02-01T00:00:00Z' },
        { id: 'd', start: at('2024-02-01') - 1 },
      ];
      const { cohorts } = cohortRetention({ customers }, { asOf: '2024-03-01' });
      expect(cohorts.map((c) => [c.cohort, c.size])).toEqual([
        ['2024-01', 3],
        ['2024-02', 1],
      ]);
    });

    it('leaves out customers who start after asOf and zero-length lifetimes', () => {
      const customers = [
        { id: 'a', start: '2024-01-15' },
        { id: 'later', start: '2024-03-02' },
        { id: 'blink', start: '2024-01-20', end: '2024-01-20' },
      ];
      const { cohorts } = cohortRetention({ customers }, { asOf: '2024-03-01T12:00:00Z' });
      expect(cohorts).toEqual([{ cohort: '2024-01', start: '2024-01-01', size: 1, active: [1, 1], retention: [1, 1] }]);
    });
  });

  describe('asOf', () => {
    const customers = [
      { id: 1, start: '2024-01-15' },
      { id: 2, start: '2024-02-15', end: '2024-04-20' },
      { id: 3, start: '2024-03-15' },
    ];

    it('reports only periods that have ended by asOf, never zeros for the future', () => {
      const midMarch = cohortRetention({ customers }, { asOf: '2024-03-20' });
      expect(midMarch.cohorts.map((c) => c.active)).toEqual([[1, 1], [1], []]);
      expect(midMarch.average).toEqual([1, 1]);
      const endOfApril = cohortRetention({ customers }, { asOf: '2024-05-01' });
      expect(endOfApril.cohorts.map((c) => c.active)).toEqual([
        [1, 1, 1, 1],
        [1, 1, 0],
        [1, 1],
      ]);
    });

    it('counts a period as ended at the first instant of the next one', () => {
      const justBefore = cohortRetention({ customers }, { asOf: at('2024-04-01') - 1 });
      const atBoundary = cohortRetention({ customers }, { asOf: '2024-04-01' });
      expect(justBefore.cohorts[0]?.active).toHaveLength(2);
      expect(atBoundary.cohorts[0]?.active).toHaveLength(3);
    });

    it('accepts asOf as an ISO string, a Date or epoch milliseconds', () => {
      const expected = cohortRetention({ customers }, { asOf: '2024-04-01' });
      expect(cohortRetention({ customers }, { asOf: new Date(at('2024-04-01')) })).toEqual(expected);
      expect(cohortRetention({ customers }, { asOf: at('2024-04-01'), period: 'month' })).toEqual(expected);
    });
  });

  describe('periods', () => {
    it('makes ISO-week cohorts, Monday to Sunday, labelled with the ISO week-numbering year', () => {
      const customers = [
        { id: 'sun', start: '2021-01-03' },
        { id: 'mon', start: '2021-01-04', end: '2021-01-12' },
        { id: 'new-year', start: '2024-12-31' },
        { id: 'w53', start: '2020-12-31T10:00:00Z', end: '2021-01-04' },
      ];
      const { cohorts } = cohortRetention({ customers }, { period: 'week', asOf: '2021-01-25' });
      expect(cohorts.map((c) => [c.cohort, c.start, c.size, c.active])).toEqual([
        ['2020-W53', '2020-12-28', 2, [1, 1, 1, 1]],
        ['2021-W01', '2021-01-04', 1, [1, 0, 0]],
      ]);
      const later = cohortRetention({ customers }, { period: 'week', asOf: '2025-01-06' });
      expect(later.cohorts.at(-1)).toMatchObject({ cohort: '2025-W01', start: '2024-12-30', active: [1] });
    });

    it('makes calendar-quarter cohorts', () => {
      const customers = [
        { id: 1, start: '2023-02-01', end: '2023-11-15' },
        { id: 2, start: '2023-03-31T23:00:00Z' },
        { id: 3, start: '2023-05-01', end: '2023-07-01' },
      ];
      const { cohorts, average } = cohortRetention({ customers }, { period: 'quarter', asOf: '2024-01-01' });
      expect(cohorts).toEqual([
        { cohort: '2023-Q1', start: '2023-01-01', size: 2, active: [2, 2, 2, 1], retention: [1, 1, 1, 0.5] },
        { cohort: '2023-Q2', start: '2023-04-01', size: 1, active: [0, 0, 0], retention: [0, 0, 0] },
      ]);
      expect(average).toEqual([2 / 3, 2 / 3, 2 / 3, 0.5]);
    });

    it('labels years before 1000 and after 9999 with their digits', () => {
      const old = cohortRetention(
        { customers: [{ id: 1, start: Date.UTC(999, 11, 5) }] },
        { asOf: Date.UTC(1000, 0, 1) },
      );
      expect(old.cohorts[0]).toMatchObject({ cohort: '0999-12', start: '0999-12-01', active: [1] });
      const far = cohortRetention(
        { customers: [{ id: 1, start: Date.UTC(10_000, 2, 5) }] },
        { period: 'quarter', asOf: Date.UTC(10_000, 6, 1) },
      );
      expect(far.cohorts[0]).toMatchObject({ cohort: '10000-Q1', start: '10000-01-01', active: [1, 1] });
      const negative = cohortRetention(
        { customers: [{ id: 1, start: Date.UTC(-1, 5, 9) }] },
        { asOf: Date.UTC(-1, 6, 1) },
      );
      expect(negative.cohorts[0]).toMatchObject({ cohort: '-0001-06', start: '-0001-06-01', active: [1] });
    });

    it('places fractional epoch milliseconds just before midnight in the right day', () => {
      const february = Date.UTC(2024, 1, 1);
      const customers = [
        { id: 1, start: february - 0.25, end: Date.UTC(2024, 2, 1) + 0.5 },
        { id: 2, start: february + 0.25, end: Date.UTC(2024, 2, 1) - 0.5 },
      ];
      const { cohorts } = cohortRetention({ customers }, { asOf: Date.UTC(2024, 3, 1) });
      expect(cohorts.map((c) => [c.cohort, c.active])).toEqual([
        ['2024-01', [1, 1, 0]],
        ['2024-02', [0, 0]],
      ]);
      // The smallest time before 1970 divides by a day to −0, yet belongs to 1969-12-31.
      const tiny = cohortRetention({ customers: [{ id: 1, start: -5e-324 }] }, { asOf: 0 });
      expect(tiny.cohorts).toEqual([{ cohort: '1969-12', start: '1969-12-01', size: 1, active: [1], retention: [1] }]);
    });
  });

  describe('edge cases', () => {
    it('reads each record once: fields that change after a first read give the same table', () => {
      const input = {
        customers: [
          { id: 1, start: '2024-01-05', end: '2024-02-10' },
          { id: 2, start: '2024-01-20', end: null },
          { id: 3, start: at('2024-02-03'), end: at('2024-03-01') },
        ],
      };
      const plain = cohortRetention(structuredClone(input), { asOf: '2024-04-01' });
      expect(plain.cohorts).toHaveLength(2);
      expect(cohortRetention(changingOnReread(input) as typeof input, { asOf: '2024-04-01' })).toEqual(plain);
    });

    it('returns no cohorts for no customers, or none who started by asOf', () => {
      expect(cohortRetention({ customers: [] }, { asOf: '2024-01-01' })).toEqual({ cohorts: [], average: [] });
      expect(cohortRetention({ customers: [{ id: 1, start: '2025-01-01' }] }, { asOf: '2024-01-01' })).toEqual({
        cohorts: [],
        average: [],
      });
    });

    it('lists only cohorts with customers, leaving gaps between them', () => {
      const customers = [
        { id: 1, start: '2023-01-10' },
        { id: 2, start: '2023-06-10' },
      ];
      const { cohorts, average } = cohortRetention({ customers }, { asOf: '2023-08-01' });
      expect(cohorts.map((c) => [c.cohort, c.active.length])).toEqual([
        ['2023-01', 7],
        ['2023-06', 2],
      ]);
      expect(average).toHaveLength(7);
    });

    it('accepts a span of 5000 periods and rejects a longer one', () => {
      const start = Date.UTC(1900, 0, 1);
      const last = cohortRetention({ customers: [{ id: 1, start }] }, { asOf: Date.UTC(1900 + 416, 7, 1) });
      expect(last.average).toHaveLength(4999);
      expectMetricError(
        () => cohortRetention({ customers: [{ id: 1, start }] }, { asOf: Date.UTC(1900 + 416, 8, 1) }),
        'INVALID_INPUT',
        ['asOf'],
        'asOf is 5000 months after the cohort of customers[0]',
      );
      expectMetricError(
        () => cohortRetention({ customers: [{ id: 1, start }] }, { period: 'week', asOf: '2024-01-01' }),
        'INVALID_INPUT',
        ['asOf'],
      );
    });
  });

  describe('validation', () => {
    const customers: CustomerLifetime[] = [
      { id: 'a', start: '2024-01-01' },
      { id: 'b', start: '2024-01-05', end: '2024-02-01' },
    ];

    it('requires asOf', () => {
      expectMetricError(
        () => cohortRetention({ customers }, {} as never),
        'INVALID_INPUT',
        ['asOf'],
        'cohortRetention: asOf is required',
      );
      expectMetricError(() => cohortRetention({ customers }, undefined as never), 'INVALID_INPUT', ['asOf']);
      expectMetricError(() => cohortRetention({ customers }, { asOf: '2024-02-30' }), 'INVALID_INPUT', ['asOf']);
    });

    it('rejects other periods and unknown options', () => {
      expectMetricError(
        () => cohortRetention({ customers }, { asOf: '2024-03-01', period: 'day' as never }),
        'INVALID_INPUT',
        ['period'],
        "period must be one of 'month', 'week', 'quarter'",
      );
      expectMetricError(
        () => cohortRetention({ customers }, { asOf: '2024-03-01', weekStartsOn: 0 } as never),
        'INVALID_INPUT',
        [],
        "cohortRetention: options has unknown key 'weekStartsOn'",
      );
    });

    it('names the bad record, its field, an end before its start and a repeated id', () => {
      expectMetricError(
        () => cohortRetention({ customers: [...customers, { id: 'c', start: '2024-01-32' }] }, { asOf: '2024-03-01' }),
        'INVALID_INPUT',
        ['customers', 2, 'start'],
      );
      expectMetricError(
        () =>
          cohortRetention(
            { customers: [...customers, { id: 'c', start: '2024-01-03', end: '2024-01-02' }] },
            {
              asOf: '2024-03-01',
            },
          ),
        'INVALID_INPUT',
        ['customers', 2, 'end'],
      );
      expectMetricError(
        () => cohortRetention({ customers: [...customers, { id: 'a', start: '2024-01-03' }] }, { asOf: '2024-03-01' }),
        'INVALID_INPUT',
        ['customers', 2, 'id'],
        'customers[2].id repeats the id of customers[0]',
      );
      expectMetricError(
        () => cohortRetention({ customers: [...customers, { id: 'c', start: 0, plan: 'pro' }] as never }, { asOf: 1 }),
        'INVALID_INPUT',
        ['customers', 2],
      );
    });

    it('rejects an input that is not { customers: [...] }', () => {
      expectMetricError(() => cohortRetention({ customers: 'a,b' } as never, { asOf: 0 }), 'INVALID_INPUT', [
        'customers',
      ]);
      expectMetricError(() => cohortRetention({ customers, asOf: 0 } as never, { asOf: 0 }), 'INVALID_INPUT', []);
      expectMetricError(() => cohortRetention(customers as never, { asOf: 0 }), 'INVALID_INPUT', []);
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options', () => {
      const input = deepFreeze({
        customers: [
          { id: 'a', start: '2024-01-01', end: null },
          { id: 'b', start: new Date(at('2024-01-05')), end: '2024-02-01' },
        ],
      });
      const snapshot = structuredClone(input);
      const result = cohortRetention(input, deepFreeze({ asOf: '2024-03-01', period: 'month' } as const));
      // b ends exactly at the end of January, so it is not active in its first period.
      expect(result.cohorts[0]?.active).toEqual([1, 1]);
      expect(input).toEqual(snapshot);
    });
  });
});
