import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  DAY_MS,
  daysFromCivil,
  formatDay,
  formatMonth,
  monthOf,
  monthStart,
  parseIsoDate,
  parseMonth,
  toEpoch,
} from './dates.js';

describe('dates', () => {
  it('parses the documented ISO forms as UTC', () => {
    expect(parseIsoDate('2024-03-15')).toBe(Date.UTC(2024, 2, 15));
    expect(parseIsoDate('2024-03-15T10:00:00Z')).toBe(Date.UTC(2024, 2, 15, 10));
    expect(parseIsoDate('2024-03-15T10:00Z')).toBe(Date.UTC(2024, 2, 15, 10));
    expect(parseIsoDate('2024-03-15 10:00:00')).toBe(Date.UTC(2024, 2, 15, 10));
    expect(parseIsoDate('2024-03-15T10:00:00.123Z')).toBe(Date.UTC(2024, 2, 15, 10, 0, 0, 123));
    expect(parseIsoDate('2024-03-15T10:00:00.5Z')).toBe(Date.UTC(2024, 2, 15, 10, 0, 0, 500));
    expect(parseIsoDate('2024-03-15T10:00:00.123456789Z')).toBe(Date.UTC(2024, 2, 15, 10, 0, 0, 123));
    expect(parseIsoDate('2024-03-15T10:00:00+02:00')).toBe(Date.UTC(2024, 2, 15, 8));
    expect(parseIsoDate('2024-03-15T10:00:00-0530')).toBe(Date.UTC(2024, 2, 15, 15, 30));
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-1-01',
    '24-01-01',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60Z',
    '2024-01-01T10:00:61Z',
    '2024-01-01T10:00:00.Z',
    '2024-01-01T10:00:00.1234567890Z',
    '2024-01-01T10',
    '2024-01-01X10:00',
    '2024-01-01T10:00:00+25:00',
    '2024-01-01T10:00:00+02:00x',
    '2024-01-01T10:00:00Zx',
    '2024-01-01T10:0',
    '2024-01-01T10:00:0',
    'abcd-ef-gh',
    '',
  ])('rejects %j', (text) => {
    expect(Number.isNaN(parseIsoDate(text))).toBe(true);
  });

  it('agrees with Date for random instants', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), (time) => {
        const iso = new Date(time).toISOString();
        expect(parseIsoDate(iso)).toBe(time);
        expect(monthOf(time)).toBe(new Date(time).getUTCFullYear() * 12 + new Date(time).getUTCMonth());
        const days = Math.floor(time / DAY_MS);
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
      }),
    );
  });

  it('accepts Date objects and epoch milliseconds within the Date range', () => {
    expect(toEpoch(new Date(Date.UTC(2024, 0, 1)))).toBe(Date.UTC(2024, 0, 1));
    expect(toEpoch(0)).toBe(0);
    expect(Number.isNaN(toEpoch(8.64e15 + 1))).toBe(true);
    expect(Number.isNaN(toEpoch(new Date(Number.NaN)))).toBe(true);
    expect(Number.isNaN(toEpoch(Number.POSITIVE_INFINITY))).toBe(true);
    expect(Number.isNaN(toEpoch(null))).toBe(true);
    expect(Number.isNaN(toEpoch({}))).toBe(true);
  });

  it('reads a Date of another realm and ignores an overridden getTime', () => {
    const foreign = runInNewContext('new Date(Date.UTC(2024, 1, 29))') as unknown;
    expect(foreign instanceof Date).toBe(false);
    expect(toEpoch(foreign)).toBe(Date.UTC(2024, 1, 29));
    class Lying extends Date {
      override getTime(): number {
        return 0;
      }
    }
    expect(toEpoch(new Lying(Date.UTC(2023, 4, 1)))).toBe(Date.UTC(2023, 4, 1));
    // An object that claims to be a Date is not one.
    expect(Number.isNaN(toEpoch({ [Symbol.toStringTag]: 'Date', getTime: () => 0 }))).toBe(true);
    expect(Number.isNaN(toEpoch(Object.create(Date.prototype)))).toBe(true);
  });

  it('keeps fractional epoch milliseconds and folds −0', () => {
    expect(toEpoch(1.5)).toBe(1.5);
    expect(Object.is(toEpoch(-0), 0)).toBe(true);
    expect(toEpoch(-86_400_000)).toBe(-86_400_000);
  });

  it('reads and writes months', () => {
    expect(parseMonth('2024-03')).toBe(2024 * 12 + 2);
    expect(formatMonth(2024 * 12 + 2)).toBe('2024-03');
    expect(formatMonth(2024 * 12 + 11)).toBe('2024-12');
    expect(monthStart(2024 * 12 + 1)).toBe(Date.UTC(2024, 1, 1));
    expect(formatDay(Date.UTC(2024, 1, 29, 23))).toBe('2024-02-29');
    for (const bad of ['2024-13', '2024-3', '2024/03', 202403, null]) expect(Number.isNaN(parseMonth(bad))).toBe(true);
  });
});
