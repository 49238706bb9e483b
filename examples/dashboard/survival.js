// Customer survival by segment: for each plan, region or acquisition channel, the Kaplan–Meier curve of its
// customers' lifetimes (the library's `survivalCurve`), and the log-rank test of whether those curves differ
// by more than chance (`compareSurvivalCurves`). The customers are grouped here, by the same segments as the
// rest of the page (a customer's region and channel, and its current plan).
import { compareSurvivalCurves, lifetimeObservations, survivalAt, survivalCurve } from 'customer-success-metrics';
import { PERIOD } from './figures.js';

/** The confidence level of every curve's band. */
export const SURVIVAL_CONFIDENCE = 0.95;

/** The unit of the durations: months of 365/12 days, the library's month. */
export const SURVIVAL_UNIT = 'month';

/** The time, in months, at which the table reads each curve: the share still a customer after a year. */
export const SURVIVAL_HORIZON = 12;

/**
 * The lifetimes of `customers` (`{ id, start, end? }`) as survival observations as of `asOf`: churned at
 * their end, or censored at `asOf` while still active (`lifetimeObservations`).
 */
function observationsOf(customers, asOf) {
  const { durations, churned } = lifetimeObservations({ customers }, { asOf, unit: SURVIVAL_UNIT });
  return durations.map((duration, k) => ({ duration, churned: churned[k] }));
}

/**
 * The survival of `lifetimes` grouped by the attribute `by` (`'plan'`, `'region'` or `'channel'`) of each
 * customer's segments (`members`, from `customerSegments`), as of `asOf`: `{ by, groups, test }`.
 *
 * `groups` lists, in code-unit order of their names (the library's order of segments), each group with at
 * least one observation: `{ name, customers, churned, censored, median, atHorizon, points }`, where `points`
 * are the Kaplan–Meier curve's steps with their band (`survivalCurve`'s points as they are), `median` is the
 * median lifetime in months or null when the curve stays above one half, and `atHorizon` is the share still
 * a customer after `SURVIVAL_HORIZON` months (`survivalAt`).
 *
 * `test` is the log-rank test across the groups, `{ statistic, degreesOfFreedom, pValue, groups: [{ name,
 * observed, expected }] }` as `compareSurvivalCurves` returns it, or null when fewer than two groups are
 * left (a segment chosen by the same attribute has one group only).
 */
export function survivalBySegment(lifetimes, members, by, asOf = PERIOD.asOf) {
  const grouped = new Map();
  for (const customer of lifetimes) {
    const name = members.get(customer.id)?.[by];
    if (name === undefined) continue;
    if (!grouped.has(name)) grouped.set(name, []);
    grouped.get(name).push(customer);
  }
  const samples = [...grouped.keys()]
    .sort()
    .map((name) => ({ name, observations: observationsOf(grouped.get(name), asOf) }))
    .filter(({ observations }) => observations.length > 0);
  const groups = samples.map(({ name, observations }) => {
    const curve = survivalCurve({ observations }, { confidence: SURVIVAL_CONFIDENCE });
    return {
      name,
      customers: curve.observations,
      churned: curve.events,
      censored: curve.censored,
      median: curve.median.reached ? curve.median.time : null,
      atHorizon: survivalAt({ points: curve.points }, { time: SURVIVAL_HORIZON }),
      points: curve.points,
    };
  });
  const test =
    samples.length < 2
      ? null
      : compareSurvivalCurves({
          groups: Object.fromEntries(samples.map(({ name, observations }) => [name, observations])),
        });
  return { by, groups, test };
}
