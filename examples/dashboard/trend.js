// The survey trend: NPS month by month with its confidence interval, and whether each month moved from the
// month before by more than chance would: the library's `surveyTrend` on the answers of the chosen segment.
import { isMetricError, surveyTrend } from 'customer-success-metrics';

/** The months of the trend: the first half of 2024, when the sample's NPS survey ran. */
export const TREND_MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

/** The confidence level of every interval and test of the trend. */
export const TREND_CONFIDENCE = 0.95;

/** The figure, or null where the library has nothing to say (`NO_DATA`: a segment without answers, say). */
export function unless(compute) {
  try {
    return compute();
  } catch (error) {
    if (isMetricError(error) && error.code === 'NO_DATA') return null;
    throw error;
  }
}

/**
 * The NPS trend of survey answers (rows of survey-responses.csv: `survey`, `answeredAt`, `score`): one row
 * `{ period, responses, score, interval, change }` per month of `TREND_MONTHS`, `surveyTrend`'s periods.
 * `change` is `{ difference, pValue, significant }` against the month before, null for the first month or
 * after a month without answers; `score` and `interval` are null in a month without answers.
 */
export function npsTrend(answers) {
  const responses = answers
    .filter((row) => row.survey === 'nps')
    .map((row) => ({ at: row.answeredAt, score: Number(row.score) }));
  const trend = unless(() =>
    surveyTrend(
      { responses },
      { metric: 'nps', period: 'month', from: '2024-01-01', to: '2024-07-01', confidence: TREND_CONFIDENCE },
    ),
  );
  const rows = trend?.periods ?? TREND_MONTHS.map((period) => ({ period, responses: 0, score: null, interval: null }));
  return rows.map(({ period, responses: count, score, interval, change }) => ({
    period,
    responses: count,
    score,
    interval,
    change: change ? { difference: change.difference, pValue: change.pValue, significant: change.significant } : null,
  }));
}
