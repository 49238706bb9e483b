import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { parseMonth } from '../../internal/dates.js';
import { firstMonth, lastMonth, tooEarly } from './cohortWindow.js';

const pathOf = (run: () => unknown) => catchMetricError(run).issues[0]?.path;

describe('cohortWindow', () => {
  it('ends with to, or with the last month ended by asOf', () => {
    expect(lastMonth({ to: '2024-03' })).toBe(parseMonth('2024-03'));
    expect(lastMonth({ asOf: '2024-04-01' })).toBe(parseMonth('2024-03'));
    expect(lastMonth({ asOf: '2024-03-31T23:59:59.999Z' })).toBe(parseMonth('2024-02'));
  });

  it('starts with the period of from, or at most 1200 months before the last month', () => {
    const last = parseMonth('2024-08');
    expect(firstMonth('m', { from: '2024-05', to: '2024-08' }, last, 1)).toBe(parseMonth('2024-05'));
    expect(firstMonth('m', { from: '2024-05', to: '2024-08' }, last, 3)).toBe(parseMonth('2024-04'));
    expect(firstMonth('m', { from: '2024-05', to: '2024-08' }, last, 12)).toBe(parseMonth('2024-01'));
    expect(last - firstMonth('m', { to: '2024-08' }, last, 1)).toBe(1199);
    const quarters = firstMonth('m', { to: '2024-08' }, last, 3);
    expect(quarters % 3).toBe(0);
    expect(last - quarters).toBeLessThan(1200);
    expect(pathOf(() => firstMonth('m', { from: '2024-09', to: '2024-08' }, last, 1))).toEqual(['from']);
    expect(pathOf(() => firstMonth('m', { from: '1924-08', to: '2024-08' }, last, 1))).toEqual(['from']);
    expect(firstMonth('m', { from: '1924-09', to: '2024-08' }, last, 1)).toBe(parseMonth('1924-09'));
  });

  it('names a paying record without start, or asks for from', () => {
    const records = [
      { customerId: 'a', amount: 5, start: '2024-01-01' },
      { customerId: 'b', amount: 0 },
      { customerId: 'c', amount: 5, status: 'canceled' },
      { customerId: 'd', amount: 5 },
    ];
    expect(pathOf(() => tooEarly('m', records, {}, Number.NEGATIVE_INFINITY))).toEqual(['subscriptions', 3, 'start']);
    expect(pathOf(() => tooEarly('m', records, {}, 100))).toEqual(['from']);
  });
});
