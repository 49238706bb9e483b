// Revenue cohorts: 36 monthly cohorts over 100 000 subscriptions (the series benchmark's records, from the
// sample data's seeded generator) against the MRR series on the same data, measured in the same process.
// Goal: revenueCohorts ≤ 2 × recurringRevenueSeries, as both read every record once and sweep each
// customer's months once.
import { compare, goal, library, scaled } from './harness.mjs';
import { seriesRecords } from './revenue.bench.mjs';

export async function run() {
  const lib = await library();
  const count = scaled(100_000);
  const subscriptions = seriesRecords(count, 13);
  const window = { from: '2022-01', to: '2024-12' };
  const series = () => lib.recurringRevenueSeries({ subscriptions }, { ...window, lookback: 12 });
  const cohorts = () => lib.revenueCohorts({ subscriptions }, window);
  const ratios = compare(`revenueCohorts, ${count.toLocaleString('en')} subscriptions, 36 monthly cohorts`, {
    check() {
      const result = cohorts();
      const last = series().at(-1);
      const youngest = result.cohorts.at(-1);
      console.log(
        `\ncohorts: ${result.cohorts.length}, average net retention at month 12 ${result.average.netRetention[12]}, ` +
          `gross ${result.average.grossRetention[12]}; youngest cohort ${youngest.cohort} MRR ${youngest.mrr[0]}, ` +
          `series new MRR that month ${last.newMrr}`,
      );
    },
    ours: cohorts,
    baselines: { recurringRevenueSeries: series },
    rounds: 5,
    repeat: 3,
  });
  if (ratios !== undefined) goal(ratios, 'recurringRevenueSeries', 2);
}
