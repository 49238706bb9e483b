// Calendar periods of a survey trend (UTC months, quarters and years), numbered so that consecutive periods
// have consecutive numbers: a month is its month index (year × 12 + month − 1), a quarter that ÷ 3, a year
// that ÷ 12. Responses are placed by day through a table built once per call, so a row costs one division
// and one lookup, never a Date object.
import { civilFromDays, DAY_MS, daysInMonth, formatMonth, monthStart } from '../../internal/dates.js';

/** The calendar periods of a trend. */
export type TrendPeriod = 'month' | 'quarter' | 'year';

const MONTHS: Readonly<Record<TrendPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** The number of the period holding a day (days from 1970-01-01, UTC). */
export function periodOfDay(day: number, period: TrendPeriod): number {
  const { year, month } = civilFromDays(day);
  return Math.floor((year * 12 + month - 1) / MONTHS[period]);
}

/** The start (epoch milliseconds) of period number `index`. */
export function periodStart(index: number, period: TrendPeriod): number {
  return monthStart(index * MONTHS[period]);
}

/** The number of the period holding an epoch time (UTC). */
export function periodOfTime(time: number, period: TrendPeriod): number {
  return periodOfDay(Math.floor(time / DAY_MS), period);
}

function pad(value: number): string {
  return value < 0 ? `-${String(-value).padStart(4, '0')}` : String(value).padStart(4, '0');
}

/** A period's label: `2024-03`, `2024-Q1` or `2024`. */
export function periodLabel(index: number, period: TrendPeriod): string {
  if (period === 'month') return formatMonth(index);
  if (period === 'year') return pad(index);
  const year = Math.floor(index / 4);
  return `${pad(year)}-Q${index - year * 4 + 1}`;
}

const LABELS: Readonly<Record<TrendPeriod, RegExp>> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

/** The number of a period from its label (`2024-03`, `2024-Q1`, `2024`), or NaN when it is not one. */
export function parsePeriodLabel(label: unknown, period: TrendPeriod): number {
  if (typeof label !== 'string') return Number.NaN;
  const match = LABELS[period].exec(label);
  if (match === null) return Number.NaN;
  const year = Number(match[1]);
  if (period === 'year') return year;
  const part = Number(match[2]);
  return period === 'month' ? year * 12 + part - 1 : year * 4 + part - 1;
}

/** Days beyond which the day table is not built (about 11 000 years); rows are then placed one by one. */
const MAX_TABLE_DAYS = 1 << 22;

/**
 * The period of every day from `firstDay` to `lastDay`, counted from period `first`: `table[d − firstDay]`
 * is the period of day d minus `first`. Null when the span is too long for a table.
 */
export function dayTable(firstDay: number, lastDay: number, period: TrendPeriod, first: number): Int32Array | null {
  const span = lastDay - firstDay + 1;
  if (span > MAX_TABLE_DAYS) return null;
  const table = new Int32Array(span);
  // Walks the days month by month: one civil conversion per month, not per day.
  let day = firstDay;
  while (day <= lastDay) {
    const { year, month, day: dayOfMonth } = civilFromDays(day);
    const index = Math.floor((year * 12 + month - 1) / MONTHS[period]) - first;
    const monthDays = daysInMonth(year, month) - dayOfMonth + 1;
    const end = Math.min(lastDay, day + monthDays - 1);
    table.fill(index, day - firstDay, end - firstDay + 1);
    day = end + 1;
  }
  return table;
}
