// lifetime: how long customers stay and what they are worth, from customer lifetimes: a Kaplan–Meier curve,
// a shifted-beta-geometric fit of the first year's monthly cohort, and lifetime values.
import { DAY_MS, toEpoch } from '../../internal/dates.js';
import { discountedExpectedLifetime } from '../../models/discountedExpectedLifetime.js';
import { discountedLifetimeValue } from '../../models/discountedLifetimeValue.js';
import { fitShiftedBetaGeometric } from '../../models/fitShiftedBetaGeometric.js';
import { survivalCurve } from '../../models/survivalCurve.js';
import { lifetimeValueFromChurn } from '../../value/lifetimeValueFromChurn.js';
import {
  type Command,
  FILE_OPTIONS,
  inputFile,
  loadRecords,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';
import { LIFETIME_FIELDS } from './retention.js';

/** The largest finite value of a list (NaN when there is none), without spreading it into a call. */
function latest(times: readonly number[]): number {
  let result = Number.NaN;
  for (const time of times) if (Number.isFinite(time) && !(time <= result)) result = time;
  return result;
}

/** Average length of a month in days (365.25 ÷ 12), to express lifetimes in months. */
const MONTH_DAYS = 30.4375;

export const lifetime: Command = {
  name: 'lifetime',
  summary: 'how long customers stay (Kaplan–Meier, shifted-beta-geometric) and what they are worth',
  usage: 'cs-metrics lifetime <customers file> [--as-of 2024-12-31] [--arpa 210] [--discount-rate 0.01]',
  description:
    'Reads customer lifetimes (id, start, end) and reports the Kaplan–Meier survival curve in months (customers still active are censored at --as-of), the median lifetime when the curve reaches one half, and a shifted-beta-geometric fit of the customers who started in the earliest complete 12 months (monthly survivors). With --arpa (monthly revenue per account) it adds the lifetime value from the fitted model, discounted at --discount-rate a month, and the simple ARPA ÷ churn value.',
  options: {
    'as-of': {
      type: 'string',
      value: 'date',
      description: 'the date of the data (default: the last date in the file)',
    },
    arpa: { type: 'string', value: 'money', description: 'monthly revenue per account, for lifetime values' },
    margin: { type: 'string', value: 'fraction', default: '1', description: 'gross margin applied to ARPA' },
    'discount-rate': { type: 'string', value: 'rate', default: '0.01', description: 'monthly discount rate' },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  examples: [
    'cs-metrics lifetime examples/data/customers.csv --arpa 210',
    'cs-metrics lifetime customers.csv --as-of 2024-12-31 --json',
  ],
  async run(context) {
    const file = inputFile(context);
    const loaded = await loadRecords(context, file, LIFETIME_FIELDS);
    const starts = loaded.records.map((record) => toEpoch(record.start));
    const ends = loaded.records.map((record) => (record.end === undefined ? Number.NaN : toEpoch(record.end)));
    const asOfText = stringOption(context, 'as-of');
    const asOf = asOfText === undefined ? latest([...starts, ...ends]) : toEpoch(asOfText);
    if (!Number.isFinite(asOf)) throw new UsageError(`--as-of must be a date, not '${asOfText}'`);
    // Durations in months, churned or censored at the date of the data; a bad date is left for the
    // library's error, located in the file.
    const observations = loaded.records.map((_, i) => {
      const start = starts[i] as number;
      const end = ends[i] as number;
      const churned = Number.isFinite(end) && end <= asOf;
      return { duration: ((churned ? end : asOf) - start) / DAY_MS / MONTH_DAYS, churned };
    });
    const curve = locate(file, loaded.locations, {}, () =>
      survivalCurve({ observations: observations.filter((o) => Number.isFinite(o.duration) && o.duration >= 0) }),
    );
    const at = (months: number) => {
      let survival = 1;
      for (const point of curve.points) if (point.time <= months) survival = point.survival;
      return survival;
    };

    // The first complete year of monthly starts: survivors at the end of each month since starting.
    const firstStart = -latest(starts.map((time) => -time));
    const cohortEnd = firstStart + 365.25 * DAY_MS;
    const cohort = observations.filter((_, i) => (starts[i] as number) < cohortEnd);
    const months = Math.floor((asOf - cohortEnd) / DAY_MS / MONTH_DAYS);
    const survivors = Array.from({ length: Math.max(0, Math.min(months, 24)) + 1 }, (_, k) =>
      k === 0 ? cohort.length : cohort.filter((o) => !o.churned || o.duration > k).length,
    );
    const fit = survivors.length >= 3 ? fitShiftedBetaGeometric({ survivors }) : undefined;

    const rows: unknown[][] = [
      ['customers', cell(curve.observations, 'integer')],
      ['churned', cell(curve.events, 'integer')],
      ['still customers (censored)', cell(curve.censored, 'integer')],
      ['share still a customer after 6 months', cell(at(6), 'percent')],
      ['share still a customer after 12 months', cell(at(12), 'percent')],
      ['share still a customer after 24 months', cell(at(24), 'percent')],
      [
        'median lifetime (months)',
        curve.median.reached ? cell(curve.median.time, 'number') : 'not reached: more than half are still customers',
      ],
    ];
    const json: Record<string, unknown> = { survival: curve, survivors, fit: fit ?? null };
    if (fit) {
      rows.push(
        [
          `shifted-beta-geometric fit (${survivors.length - 1} months of the first year's customers)`,
          `α ${fit.alpha.toFixed(3)}, β ${fit.beta.toFixed(3)}`,
        ],
        ['fitted churn in the first month', cell(fit.alpha / (fit.alpha + fit.beta), 'percent')],
      );
    }
    const arpa = numberOption(context, 'arpa');
    if (arpa !== undefined && fit) {
      const margin = numberOption(context, 'margin') ?? 1;
      const discountRate = numberOption(context, 'discount-rate') ?? 0.01;
      const expected = discountedExpectedLifetime({ alpha: fit.alpha, beta: fit.beta, discountRate });
      const value = discountedLifetimeValue({ alpha: fit.alpha, beta: fit.beta, discountRate, margin: arpa * margin });
      const monthlyChurn = 1 - at(12) ** (1 / 12);
      const simple =
        monthlyChurn > 0
          ? lifetimeValueFromChurn({ averageRevenuePerAccount: arpa, churnRate: monthlyChurn, grossMargin: margin })
          : null;
      rows.push(
        [`discounted expected lifetime (months, ${discountRate * 100} % a month)`, cell(expected, 'number')],
        ['discounted lifetime value of a new customer', cell(value, 'money')],
        ['lifetime value, ARPA × margin ÷ monthly churn', simple === null ? null : cell(simple, 'money')],
      );
      json.lifetimeValue = {
        arpa,
        margin,
        discountRate,
        discountedExpectedLifetime: expected,
        discountedLifetimeValue: value,
        monthlyChurn,
        simple,
      };
    }
    const tables: Table[] = [
      { title: `Customer lifetimes — ${file}`, columns: [{ name: 'measure' }, { name: 'value' }], rows },
    ];
    return { json, tables } satisfies Output;
  },
};
