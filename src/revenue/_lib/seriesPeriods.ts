// The calendar periods (UTC) of a series: months, quarters or years, the first and last clipped to the
// months asked for. Month indexes are `year × 12 + month − 1`, as in `internal/dates`.
import { formatMonth } from '../../internal/dates.js';

/** A calendar period of a series. */
export type SeriesPeriod = 'month' | 'quarter' | 'year';

/** Months in each period. */
const LENGTH: Readonly<Record<SeriesPeriod, number>> = { month: 1, quarter: 3, year: 12 };

/** One period of a series: its label and the month indexes it covers, both included. */
export interface PeriodSpan {
  /** `2024-01`, `2024-Q1` or `2024`. */
  readonly label: string;
  readonly first: number;
  readonly last: number;
}

/** The label of the period holding a month index: `2024-03`, `2024-Q1` or `2024`. */
export function periodLabel(month: number, period: SeriesPeriod): string {
  if (period === 'month') return formatMonth(month);
  const year = String(Math.floor(month / 12)).padStart(4, '0');
  return period === 'year' ? year : `${year}-Q${Math.floor((month % 12) / 3) + 1}`;
}

/**
 * The periods overlapping the months `first … last` (indexes, `first ≤ last`), in order; the first and the
 * last are clipped to them (a quarter to date covers only its months up to `last`).
 */
export function seriesPeriods(first: number, last: number, period: SeriesPeriod): PeriodSpan[] {
  const length = LENGTH[period];
  const spans: PeriodSpan[] = [];
  for (let start = first; start <= last; ) {
    const end = Math.min(last, (Math.floor(start / length) + 1) * length - 1);
    spans.push({ label: periodLabel(start, period), first: start, last: end });
    start = end + 1;
  }
  return spans;
}
