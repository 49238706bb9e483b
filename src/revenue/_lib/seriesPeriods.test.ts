import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../internal/dates.js';
import { periodLabel, seriesPeriods } from './seriesPeriods.js';

const m = parseMonth;

describe('seriesPeriods', () => {
  it('labels a month, a quarter and a year', () => {
    expect(periodLabel(m('2024-01'), 'month')).toBe('2024-01');
    expect(
      ['2024-01', '2024-03', '2024-04', '2024-09', '2024-10', '2024-12'].map((x) => periodLabel(m(x), 'quarter')),
    ).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024-Q4']);
    expect(periodLabel(m('0999-12'), 'year')).toBe('0999');
  });

  it('clips the first and last periods to the months asked for', () => {
    expect(seriesPeriods(m('2024-02'), m('2024-08'), 'quarter')).toEqual([
      { label: '2024-Q1', first: m('2024-02'), last: m('2024-03') },
      { label: '2024-Q2', first: m('2024-04'), last: m('2024-06') },
      { label: '2024-Q3', first: m('2024-07'), last: m('2024-08') },
    ]);
    expect(seriesPeriods(m('2023-11'), m('2025-01'), 'year')).toEqual([
      { label: '2023', first: m('2023-11'), last: m('2023-12') },
      { label: '2024', first: m('2024-01'), last: m('2024-12') },
      { label: '2025', first: m('2025-01'), last: m('2025-01') },
    ]);
  });

  it('gives one period per month, and one for a single month', () => {
    expect(seriesPeriods(m('2024-12'), m('2025-01'), 'month').map((span) => span.label)).toEqual([
      '2024-12',
      '2025-01',
    ]);
    expect(seriesPeriods(m('2024-05'), m('2024-05'), 'year')).toEqual([
      { label: '2024', first: m('2024-05'), last: m('2024-05') },
    ]);
  });
});
