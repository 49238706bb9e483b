// The change columns of nps, csat and ces by period: each period against the one before, computed by the
// library's surveyTrend on the distributions already tallied in the streamed read (per segment when the
// answers are segmented, the segments' p-values of a period then Holm-adjusted together); and the table of a
// distribution the survey commands print under their figures.
import { type SurveyTrendOptions, surveyTrend, type TalliedPeriod, type TrendChange } from '../../survey/index.js';
import type { Column, Table } from '../output.js';
import type { Period } from '../periods.js';
import type { Tally } from './surveyTally.js';

/** The change of a period (and segment) from the period before, when both have answers. */
export type ChangeOf = (period: string, segment?: string) => TrendChange | undefined;

/** The metric's own options of the trend (thresholds, scale, confidence). */
export type TrendSettings = Omit<SurveyTrendOptions, 'metric' | 'period'>;

const key = (period: string, segment: string | undefined) => (segment === undefined ? period : `${period}\n${segment}`);

/** Runs the trend on the tallied periods, of the segments when there are any, and looks changes up. */
export function surveyChanges(
  metric: SurveyTrendOptions['metric'],
  tally: Tally,
  by: Period,
  segmented: boolean,
  settings: TrendSettings,
): ChangeOf {
  const periods: TalliedPeriod[] = segmented
    ? tally.segments.flatMap((each) =>
        each.periods.map(([period, distribution]) => ({ period, segment: each.segment, distribution })),
      )
    : tally.periods.map(([period, distribution]) => ({ period, distribution }));
  const trend = surveyTrend({ periods }, { ...settings, metric, period: by });
  const changes = new Map<string, TrendChange>();
  for (const row of trend.periods) if (row.change !== undefined) changes.set(key(row.period, row.segment), row.change);
  return (period, segment) => changes.get(key(period, segment));
}

/** The columns that follow a period's score: its change, the p-value and the significance mark. */
export function changeColumns(kind: 'number' | 'percent'): Column[] {
  return [{ name: 'change', kind }, { name: 'p-value' }, { name: 'significant' }];
}

/** A p-value as people read it: three decimals, or below 0.001. */
function pText(p: number | null): string | null {
  if (p === null) return null;
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** The cells of those columns: empty for the first period, or after a period without answers. */
export function changeCells(change: TrendChange | undefined): unknown[] {
  if (change === undefined) return [null, null, ''];
  return [change.difference, pText(change.pValue), change.significant ? 'yes' : ''];
}

/** The footnote of the change columns. */
export function changeNote(segmented: boolean, confidence: number | undefined): string {
  const level = 1 - (confidence ?? 0.95);
  const alpha = `${Math.round(level * 1000) / 10} %`;
  return `change: from the period before (when both have answers), with the two-sample test's p-value; significant: below ${alpha}${segmented ? '; the p-values of the segments of a period are Holm-adjusted together' : ''}.`;
}

/** The table of a distribution: each score's answers and share. */
export function distributionTable(distribution: Record<number, number>, responses: number): Table {
  return {
    title: 'Distribution',
    columns: [
      { name: 'score', kind: 'integer' },
      { name: 'responses', kind: 'integer' },
      { name: 'share', kind: 'percent' },
    ],
    rows: Object.entries(distribution).map(([score, count]) => [
      Number(score),
      count,
      responses > 0 ? count / responses : 0,
    ]),
  };
}
