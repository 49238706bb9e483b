import { describe, expect, it } from 'vitest';
import { DAY_MS, parseIsoDate } from '../../internal/dates.js';
import { fullPeriodStart, LineAmounts, wholeMonths } from './lineAmounts.js';

const t = (text: string) => parseIsoDate(text);
const amount = (amounts: LineAmounts) => Number(amounts.num) / Number(amounts.den);

describe('wholeMonths', () => {
  it('counts calendar months between the same day of month', () => {
    expect(wholeMonths(t('2024-01-15'), t('2024-04-15'))).toBe(3);
    expect(wholeMonths(t('2024-01-01'), t('2025-01-01'))).toBe(12);
    expect(wholeMonths(t('2024-01-15T10:00:00Z'), t('2024-02-15T10:00:00Z'))).toBe(1);
  });

  it('clamps month-end anchors', () => {
    expect(wholeMonths(t('2024-01-31'), t('2024-02-29'))).toBe(1);
    expect(wholeMonths(t('2023-01-30'), t('2023-02-28'))).toBe(1);
    expect(wholeMonths(t('2024-02-29'), t('2024-03-31'))).toBe(1);
    expect(wholeMonths(t('2024-04-30'), t('2024-05-31'))).toBe(1);
  });

  it('is 0 for other periods', () => {
    expect(wholeMonths(t('2024-01-15'), t('2024-02-14'))).toBe(0);
    expect(wholeMonths(t('2024-01-05'), t('2024-01-25'))).toBe(0);
    expect(wholeMonths(t('2024-02-28'), t('2024-03-31'))).toBe(0);
    expect(wholeMonths(t('2024-01-15T10:00:00Z'), t('2024-02-15T11:00:00Z'))).toBe(0);
    expect(wholeMonths(t('2024-01-29'), t('2024-02-28'))).toBe(0);
  });
});

describe('fullPeriodStart', () => {
  it('moves back by calendar months, days or weeks', () => {
    expect(fullPeriodStart(t('2016-04-01'), 2, 1)).toBe(t('2016-03-01'));
    expect(fullPeriodStart(t('2024-03-31'), 2, 1)).toBe(t('2024-02-29'));
    expect(fullPeriodStart(t('2024-04-01T06:00:00Z'), 3, 2)).toBe(t('2023-10-01T06:00:00Z'));
    expect(fullPeriodStart(t('2024-04-01'), 4, 1)).toBe(t('2023-04-01'));
    expect(fullPeriodStart(t('2024-04-01'), 1, 2)).toBe(t('2024-04-01') - 14 * DAY_MS);
    expect(fullPeriodStart(t('2024-04-01'), 0, 3)).toBe(t('2024-03-29'));
  });
});

describe('LineAmounts', () => {
  const amounts = new LineAmounts(undefined);

  it('spreads over whole months, else days × 12/365', () => {
    amounts.spread(90_000, 2, t('2024-01-15'), t('2024-04-15'), -1, 1);
    expect([amounts.num, amounts.den]).toEqual([90_000, 300]);
    amounts.spread(12_000, 2, t('2024-01-01'), t('2024-02-06T12:00:00Z'), -1, 1);
    expect(amount(amounts)).toBe(100);
    amounts.spread(365, 0 + 2, t('2024-01-01'), t('2024-01-13'), -1, 1);
    expect([amounts.num, amounts.den]).toEqual([365 * 365, 100 * 12 * 12]);
  });

  it('prorates to the full period, then by months per interval (ChartMogul: $25 for 16 of 31 days)', () => {
    amounts.spread(2500, 2, t('2016-03-16'), t('2016-04-01'), 2, 1);
    expect(amount(amounts)).toBe(48.4375);
    // A whole week of a weekly price: 52/12 of it a month, as a weekly subscription.
    amounts.spread(1200, 2, t('2024-03-25'), t('2024-04-01'), 1, 1);
    expect(amount(amounts)).toBe(52);
    // Three days of a yearly price: the full year to 1 April 2024 has 366 days, so the year's price is
    // $365 × 366/3, a month 1/12 of it.
    amounts.spread(36_500, 2, t('2024-03-29'), t('2024-04-01'), 4, 1);
    expect([amounts.num, amounts.den]).toEqual([36_500 * 122, 100 * 12]);
    // Longer than its full period: spread as without one.
    amounts.spread(6000, 2, t('2024-01-01'), t('2024-03-01'), 2, 1);
    expect(amount(amounts)).toBe(30);
  });

  it('uses milliseconds when the lengths are not whole days', () => {
    // Half a day of a daily price: $20 a day; without a full period, half a day is 1/730 of a year.
    amounts.spread(1000, 2, 0, DAY_MS / 2, 0, 1);
    expect([amounts.num, amounts.den]).toEqual([1000 * 2 * 365, 100 * 12]);
    amounts.spread(1000, 2, 0, DAY_MS / 2, -1, 1);
    expect([amounts.num, amounts.den]).toEqual([1000 * 2_628_000_000, 100 * (DAY_MS / 2)]);
  });

  it('takes the whole amount as one month, and rounds each line when asked', () => {
    amounts.whole(3000, 2);
    expect([amounts.num, amounts.den]).toEqual([3000, 100]);
    const rounded = new LineAmounts({ places: 2 });
    rounded.spread(2500, 2, t('2016-03-16'), t('2016-04-01'), 2, 1);
    expect([rounded.num, rounded.den]).toEqual([4844, 100]);
    const halfUp = new LineAmounts({ places: 0, mode: 'halfUp' });
    halfUp.whole(250, 2);
    expect(halfUp.num).toBe(3);
  });

  it('spreads over periods too long for doubles, exactly', () => {
    amounts.spread(100, 2, -8.64e15, 8.64e15 - 1, -1, 1);
    expect(typeof amounts.den).toBe('bigint');
  });
});
