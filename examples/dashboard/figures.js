// The figures: every one of them is the library's, computed from the records of the chosen segment.
import {
  cohortRetention,
  compareNetPromoterScores,
  createHealthScore,
  customerChurn,
  customerSatisfactionScore,
  healthDistribution,
  healthScoreCalibration,
  invoiceRevenueSeries,
  netPromoterScore,
  recurringRevenueSeries,
  revenueCohorts,
  segmentedRevenueSeries,
  stickiness,
  supportResponseTimes,
  tallyScores,
  trialConversion,
} from 'customer-success-metrics';
import { npsTrend, unless } from './trend.js';

/** What the dashboard shows: the periods of the sample data. */
export const PERIOD = {
  asOf: '2024-12-31',
  series: { from: '2023-01', to: '2024-12' },
  year: { from: '2024-01', to: '2024-12', period: 'year' },
  trials: { from: '2024-01-01', to: '2025-01-01' },
  month: { from: '2024-12-01', to: '2025-01-01' },
  cohorts: { from: '2024-01-01', to: '2025-01-01' },
  surveyBefore: { from: '2024-01-01', to: '2024-04-01' },
  survey: { from: '2024-04-01', to: '2024-07-01' },
  stickinessDays: 30,
};

export const inside = (day, period) => day >= period.from && day < period.to;

/**
 * The MRR series of `period` for all of `subscriptions`, or for a segment `{ by, value }` of them: its rows
 * of `segmentedRevenueSeries` over every record, so that a customer moving between plans leaves one and
 * enters the other (`leavingMrr`, `enteringMrr`) instead of churning from one and being new in the other.
 */
export function revenueSeries(subscriptions, period, { currency, exchangeRates }, segment) {
  const options = { ...period, currency, exchangeRates };
  if (segment === undefined) return recurringRevenueSeries({ subscriptions }, options);
  const { segments } = segmentedRevenueSeries({ subscriptions }, { ...options, segmentBy: segment.by });
  return segments.find((entry) => entry.segment === segment.value).rows;
}

/**
 * Every figure of the page from `data` (`loadData`'s shape, or a segment of it from `segmentData`). A figure
 * the library leaves undefined for these records is null. For a segment, `revenue` is `{ by, value,
 * subscriptions }` with every subscription record: the MRR figures are the segment's among all of them.
 */
export function compute(data, revenue) {
  const scores = (name, period) =>
    data.survey.filter((row) => row.survey === name && inside(row.answeredAt, period)).map((row) => Number(row.score));
  const npsScores = scores('nps', PERIOD.survey);
  const npsBefore = scores('nps', PERIOD.surveyBefore);

  // Subscription and invoice MRR at each month's dated EUR rate.
  const mrr = (period) =>
    revenueSeries(
      revenue?.subscriptions ?? data.subscriptions,
      period,
      { currency: data.rates.currency, exchangeRates: data.datedRates },
      revenue,
    );
  const series = mrr(PERIOD.series);
  const scorer = createHealthScore(data.scorecard);
  const health = scorer.scoreAll(data.accounts);

  return {
    series,
    latest: series.at(-1),
    // One row for 2024: its movements summed over the months exactly, its MRR December's.
    year: mrr(PERIOD.year)[0],
    invoiceYear: invoiceRevenueSeries(
      { lines: data.invoices },
      { ...PERIOD.year, currency: data.rates.currency, exchangeRates: data.datedRates },
    )[0],
    trials: unless(() => trialConversion({ trials: data.trials }, PERIOD.trials)),
    churn: unless(() => customerChurn({ customers: data.lifetimes, period: PERIOD.month })),
    cohorts: unless(() =>
      cohortRetention(
        { customers: data.lifetimes.filter((customer) => inside(customer.start, PERIOD.cohorts)) },
        { period: 'month', asOf: PERIOD.asOf },
      ),
    ),
    nps: unless(() => netPromoterScore({ scores: npsScores })),
    npsChange: unless(() => compareNetPromoterScores({ scores: npsScores }, { scores: npsBefore })),
    npsDistribution: tallyScores(npsScores, { min: 0, max: 10 }),
    trend: npsTrend(data.survey),
    csat: unless(() => customerSatisfactionScore({ scores: scores('csat', PERIOD.survey) })),
    support: unless(() => supportResponseTimes({ tickets: data.tickets }, { unit: 'hour' })),
    stickiness: unless(() =>
      stickiness({ events: data.events }, { asOf: PERIOD.asOf, windowDays: PERIOD.stickinessDays }),
    ),
    // Cohorts by month of first payment, to the series' last month, at the same dated rates.
    revenueCohorts: unless(() =>
      revenueCohorts(
        { subscriptions: data.subscriptions },
        { to: PERIOD.series.to, currency: data.rates.currency, exchangeRates: data.datedRates },
      ),
    ),
    health: unless(() => healthDistribution(health.statuses)),
    calibration: unless(() =>
      healthScoreCalibration({ scores: health.scores, churned: data.churned }, { bands: data.scorecard.bands }),
    ),
  };
}
