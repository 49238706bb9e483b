// lifetime: how long customers stay and what they are worth, from customer lifetimes: a Kaplan–Meier curve,
// a shifted-beta-geometric fit of the first year's customers, and lifetime values.
import {
  churnRateFromSurvival,
  discountedExpectedLifetime,
  discountedLifetimeValue,
  fitShiftedBetaGeometric,
  lifetimeObservations,
  survivalAt,
  survivalCurve,
  survivorsByPeriod,
} from '../../models/index.js';
import type { CustomerLifetime } from '../../retention/index.js';
import { lifetimeValueFromChurn } from '../../value/index.js';
import {
  type Command,
  FILE_OPTIONS,
  inputFile,
  type LoadedRecords,
  loadRecords,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { addMonths, earliestOf, epochOf } from '../dates.js';
import { UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';
import { LIFETIME_FIELDS, latestDate } from './retention.js';

/** The starts of a file of lifetimes, read from their column one at a time. */
function* startDates(loaded: LoadedRecords<CustomerLifetime>): Generator<unknown> {
  for (let i = 0; i < loaded.length; i++) yield loaded.value('start', i);
}

/** The most months of the first year's customers the shifted-beta-geometric model is fitted to. */
const FIT_MONTHS = 24;

export const lifetime: Command = {
  name: 'lifetime',
  summary: 'how long customers stay (Kaplan–Meier, shifted-beta-geometric) and what they are worth',
  usage: 'cs-metrics lifetime <customers file> [--as-of 2024-12-31] [--arpa 210] [--discount-rate 0.01]',
  description:
    'Reads customer lifetimes (id, start, end) and reports the Kaplan–Meier survival curve in months of 365/12 days (customers still active are censored at --as-of), the median lifetime when the curve reaches one half, and a shifted-beta-geometric fit of the customers who started in the first 12 months of the data (monthly survivors, for as many months as all of them have completed, at most 24). With --arpa (monthly revenue per account) it adds the lifetime value from the fitted model, discounted at --discount-rate a month, and the simple ARPA × margin ÷ monthly churn value, the churn being 1 − S(12)^(1/12).',
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
    const asOfText = stringOption(context, 'as-of');
    if (asOfText !== undefined && Number.isNaN(epochOf(asOfText))) {
      throw new UsageError(`--as-of must be a date, not '${asOfText}'`);
    }
    const asOf = asOfText ?? latestDate(loaded);
    const customers = loaded.records;
    const observations = locate(file, loaded.locations, loaded.columns, () =>
      lifetimeObservations({ customers }, { asOf, unit: 'month' }),
    );
    const curve = survivalCurve(observations);
    const at = (months: number) => survivalAt({ points: curve.points }, { time: months });

    // The customers who started in the first 12 months of the data, counted at the end of each month since
    // they started, for as many months as all of them have completed (at most 24).
    const from = earliestOf(startDates(loaded));
    const to = addMonths(from, 12);
    const survivors =
      to <= epochOf(asOf)
        ? survivorsByPeriod({ customers }, { from, to, asOf, unit: 'month', periods: FIT_MONTHS }).survivors
        : [];
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
      const monthlyChurn = churnRateFromSurvival({ points: curve.points, periods: 12 });
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
