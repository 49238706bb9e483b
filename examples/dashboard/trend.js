// The survey trend: NPS month by month with its confidence interval, and whether each month moved from the
// month before by more than chance would. Every figure is the library's: `netPromoterScore` on the month's
// answers and `compareNetPromoterScores` between consecutive months (the test `surveyTrend` runs for NPS).
import { compareNetPromoterScores, isMetricError, netPromoterScore } from 'customer-success-metrics';

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
 * `{ period, responses, score, interval, change }` per month of `TREND_MONTHS`, the shape of `surveyTrend`'s
 * periods. `change` is `{ difference, pValue, significant }` against the month before, null for the first
 * month or where the test is undefined; `score` and `interval` are null in a month without answers.
 */
export function npsTrend(answers) {
  const byMonth = new Map(TREND_MONTHS.map((month) => [month, []]));
  for (const row of answers) {
    if (row.survey === 'nps') byMonth.get(row.answeredAt.slice(0, 7))?.push(Number(row.score));
  }
  let previous = null;
  return TREND_MONTHS.map((period) => {
    const scores = byMonth.get(period);
    const nps = unless(() => netPromoterScore({ scores }, { confidence: TREND_CONFIDENCE }));
    const test =
      nps && previous && unless(() => compareNetPromoterScores(nps, previous, { confidence: TREND_CONFIDENCE }));
    previous = nps;
    return {
      period,
      responses: scores.length,
      score: nps?.score ?? null,
      interval: nps?.interval ?? null,
      change: test ? { difference: test.difference, pValue: test.pValue, significant: test.significant } : null,
    };
  });
}
