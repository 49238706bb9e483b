// Benchmarks of the segmented revenue series: `npm run bench segments`. The baseline is the unsegmented
// series on the same records, measured in the same process: the breakdown by segment should cost at most
// as much again as the series itself.
import { stream } from '../examples/seeded.mjs';
import { compare, goal, library, scaled } from './harness.mjs';

const DAY = 86_400_000;
const EPOCH_2021 = Date.UTC(2021, 0, 1);
const INTERVALS = ['month', 'month', 'month', 'month', 'year', 'year', 'quarter'];
const PLANS = Array.from({ length: 20 }, (_, i) => `plan-${String(i + 1).padStart(2, '0')}`);
const isoDay = (time) => new Date(time).toISOString().slice(0, 10);

/**
 * `count` subscriptions over four years across 20 plans: about a third of the customers change plan (the
 * record of the old plan ends the day the new one starts), some several times; a few end, are past due or
 * are trials.
 */
function planRecords(count, seed) {
  const draw = stream(seed);
  const records = [];
  for (let customer = 0; records.length < count; customer++) {
    let start = EPOCH_2021 + draw.between(0, 4 * 365) * DAY;
    let plan = draw.pick(PLANS);
    const interval = draw.pick(INTERVALS);
    let changes = draw.chance(0.35) ? draw.between(1, 3) : 0;
    for (;;) {
      const record = {
        customerId: `cus_${customer}`,
        amount: (500 + draw.between(0, 50_000)) / 100,
        interval,
        start: isoDay(start),
        attributes: { plan, region: draw.pick(['eu', 'us', 'apac']) },
      };
      if (changes > 0 && records.length < count - 1) {
        const change = start + draw.between(30, 500) * DAY;
        record.end = isoDay(change);
        records.push(record);
        start = change;
        plan = draw.pick(PLANS);
        changes--;
        continue;
      }
      if (draw.chance(0.3)) record.end = isoDay(start + draw.between(15, 900) * DAY);
      if (draw.chance(0.03)) record.status = 'past_due';
      records.push(record);
      break;
    }
  }
  return records;
}

export async function run() {
  const lib = await library();
  const count = scaled(100_000);
  const subscriptions = planRecords(count, 21);
  const window = { from: '2022-01', to: '2024-12', lookback: 12 };
  const name = 'recurringRevenueSeries (unsegmented)';
  const ratios = compare(
    `segmentedRevenueSeries, ${count.toLocaleString('en')} subscriptions, 36 months, 20 plans with plan changes`,
    {
      ours: () => lib.segmentedRevenueSeries({ subscriptions }, { ...window, segmentBy: 'plan' }),
      baselines: { [name]: () => lib.recurringRevenueSeries({ subscriptions }, window) },
      check: () => {
        const { total, segments } = lib.segmentedRevenueSeries({ subscriptions }, { ...window, segmentBy: 'plan' });
        const plain = lib.recurringRevenueSeries({ subscriptions }, window);
        if (JSON.stringify(total) !== JSON.stringify(plain)) throw new Error('the total is not the series');
        const last = total.length - 1;
        const moved = segments.reduce((sum, { rows }) => sum + rows[last].enteringCustomers, 0);
        console.log(
          `\n${segments.length} segments; last month: mrr ${total[last].mrr}, ${moved} customers entering a plan`,
        );
      },
    },
  );
  if (ratios !== undefined) goal(ratios, name, 2);
}
