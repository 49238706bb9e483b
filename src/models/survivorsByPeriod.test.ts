import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { fitShiftedBetaGeometric } from './fitShiftedBetaGeometric.js';
import { survivorsByPeriod } from './survivorsByPeriod.js';

const customers = [
  { id: 1, start: '2024-01-01', end: '2024-01-20' },
  { id: 2, start: '2024-01-03', end: '2024-03-01' },
  { id: 3, start: '2024-01-10' },
  { id: 4, start: '2024-01-15', end: '2024-05-01' },
  { id: 5, start: '2024-02-10' },
];
const window = { from: '2024-01-01', to: '2024-02-01' };

describe('survivorsByPeriod', () => {
  describe('worked examples', () => {
    it('follows each member from their own start, over periods everyone has completed', () => {
      // asOf − to = 90 days: two months of 365/12 days (60.8 days) are complete, three are not.
      expect(survivorsByPeriod({ customers }, { ...window, asOf: '2024-05-01' })).toEqual({ survivors: [4, 3, 2] });
      expect(survivorsByPeriod({ customers }, { ...window, asOf: '2024-02-01' })).toEqual({ survivors: [4] });
    });

    it('counts weeks and days, at most `periods` of them', () => {
      const options = { ...window, asOf: '2024-05-01', unit: 'week' as const };
      expect(survivorsByPeriod({ customers }, { ...options, periods: 4 })).toEqual({ survivors: [4, 4, 4, 3, 3] });
      expect(survivorsByPeriod({ customers }, options).survivors).toHaveLength(13);
      const days = survivorsByPeriod({ customers }, { ...options, unit: 'day', periods: 20 }).survivors;
      expect([days[18], days[19], days[20]]).toEqual([4, 3, 3]);
    });

    it('is the survivors input of fitShiftedBetaGeometric', () => {
      // 1000 customers on the first of January 2023, lost as in Fader & Hardie's "regular" cohort.
      const lostByYear = [369, 163, 86, 56, 37, 27, 21];
      const records: { id: number; start: string; end?: string }[] = [];
      let id = 0;
      lostByYear.forEach((lost, year) => {
        for (let k = 0; k < lost; k++) records.push({ id: id++, start: '2000-01-01', end: `${2001 + year}-01-01` });
      });
      while (id < 1000) records.push({ id: id++, start: '2000-01-01' });
      const dayOfYear = (year: number) => (Date.UTC(2000 + year, 0, 1) - Date.UTC(2000, 0, 1)) / 86_400_000;
      const counts = survivorsByPeriod(
        { customers: records },
        { from: '2000-01-01', to: '2000-01-02', asOf: '2008-01-01', unit: 'day', periods: dayOfYear(7) },
      );
      const yearly = [0, 1, 2, 3, 4, 5, 6, 7].map((year) => counts.survivors[dayOfYear(year)]);
      expect(yearly).toEqual([1000, 631, 468, 382, 326, 289, 262, 241]);
      expect(fitShiftedBetaGeometric({ survivors: yearly as number[] }).alpha).toBeCloseTo(0.704, 3);
    });
  });

  describe('edge cases', () => {
    it('reads each record once: fields that change after a first read give the same survivors', () => {
      const input = { customers: [...customers, { id: 6, start: '2024-01-20', end: null }] };
      const plain = survivorsByPeriod(structuredClone(input), { ...window, asOf: '2024-05-01' });
      expect(plain).toEqual({ survivors: [5, 4, 3] });
      expect(survivorsByPeriod(changingOnReread(input) as typeof input, { ...window, asOf: '2024-05-01' })).toEqual(
        plain,
      );
    });

    it('loses a customer exactly k periods after their start in period k', () => {
      const exact = [{ id: 1, start: '2024-01-01', end: '2024-01-15' }];
      expect(
        survivorsByPeriod(
          { customers: exact },
          { from: '2024-01-01', to: '2024-01-02', asOf: '2024-03-01', unit: 'week' },
        ).survivors,
      ).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0]);
    });

    it('leaves out zero-length lifetimes and starts outside [from, to)', () => {
      const edge = [
        { id: 1, start: '2024-01-01', end: '2024-01-01' },
        { id: 2, start: '2023-12-31T23:59:59.999Z' },
        { id: 3, start: '2024-02-01' },
        { id: 4, start: '2024-01-31T23:59:59.999Z' },
      ];
      expect(survivorsByPeriod({ customers: edge }, { ...window, asOf: '2024-02-01' })).toEqual({ survivors: [1] });
    });
  });

  describe('validation', () => {
    it('names the field', () => {
      expectMetricError(() => survivorsByPeriod({ customers: [] }, { ...window, asOf: '2024-03-01' }), 'NO_DATA', [
        'customers',
      ]);
      expectMetricError(
        () => survivorsByPeriod({ customers: [{ id: 1, start: '2024-13-01' }] }, { ...window, asOf: '2024-03-01' }),
        'INVALID_INPUT',
        ['customers', 0, 'start'],
      );
      expectMetricError(
        () => survivorsByPeriod({ customers }, { from: '2024-02-01', to: '2024-02-01', asOf: '2024-03-01' }),
        'INVALID_INPUT',
        ['to'],
        'survivorsByPeriod: to must be after from',
      );
      expectMetricError(() => survivorsByPeriod({ customers }, { ...window, asOf: '2024-01-31' }), 'INVALID_INPUT', [
        'asOf',
      ]);
      expectMetricError(
        () => survivorsByPeriod({ customers }, { ...window, asOf: '2100-01-01', unit: 'day' }),
        'INVALID_INPUT',
        ['asOf'],
      );
      expect(
        survivorsByPeriod({ customers }, { ...window, asOf: '2100-01-01', unit: 'day', periods: 3 }).survivors,
      ).toHaveLength(4);
      expectMetricError(
        () => survivorsByPeriod({ customers }, { ...window, asOf: '2024-03-01', periods: 0 }),
        'INVALID_INPUT',
        ['periods'],
      );
      expectMetricError(() => survivorsByPeriod({ customers }, { ...window } as never), 'INVALID_INPUT', ['asOf']);
    });

    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'survivorsByPeriod',
        () => survivorsByPeriod({ customers }, { ...window, asOf: '2024-05-01', period: 'month' } as never),
        'period',
      );
    });
  });

  it('does not mutate input', () => {
    const input = { customers: structuredClone(customers) };
    const before = structuredClone(input);
    survivorsByPeriod(input, { ...window, asOf: '2024-05-01' });
    expect(input).toEqual(before);
  });
});
