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
  type CommandContext,
  FILE_OPTIONS,
  inputFile,
  type LoadedRecords,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { lazyArray } from '../columns.js';
import { addMonths, earliestOf, epochOf } from '../dates.js';
import { UsageError } from '../errors.js';
import { checkOptions } from '../flags.js';
import { cell, type Output, type Table } from '../output.js';
import { columnByOption, columnSegment } from './columnSegments.js';
import {
  LIFETIME_MINIMUM_SEGMENT_SIZE,
  lifetimeSegmentOutput,
  WEIGHTS_OPTION,
  weightsOption,
} from './lifetimeSegments.js';
import { LIFETIME_FIELDS, START_WINDOW_OPTIONS, startedJson, startWindow } from './retention.js';
import {
  loadSegmentRecords,
  MISSING_SEGMENT_OPTION,
  minimumSegmentSize,
  minimumSegmentSizeOption,
  type SegmentColumn,
} from './segments.js';

/** The starts of a file of lifetimes, read from their column one at a time. */
function* startDates(loaded: LoadedRecords<CustomerLifetime>): Generator<unknown> {
  for (let i = 0; i < loaded.length; i++) yield loaded.value('start', i);
}

/**
 * The customers who started in [from, to), the cohort `survivorsByPeriod` counts: only their records are
 * built for it (every record was checked once already, by `lifetimeObservations`).
 */
function startedWithin(loaded: LoadedRecords<CustomerLifetime>, from: number, to: number): readonly CustomerLifetime[] {
  const picked = new Int32Array(loaded.length);
  let count = 0;
  for (let i = 0; i < loaded.length; i++) {
    const start = epochOf(loaded.value('start', i));
    if (start >= from && start < to) picked[count++] = i;
  }
  return lazyArray(count, (k) => loaded.record(picked[k] as number));
}

/** The most months of the first year's customers the shifted-beta-geometric model is fitted to. */
const FIT_MONTHS = 24;

/** The money fields of the JSON result (their currency is that of --arpa). */
export const LIFETIME_MONEY = ['arpa', 'discountedLifetimeValue', 'simple'].map((key) => `lifetimeValue.${key}`);
/** The lifetime-value options, checked by the library on a stand-in fit before the file is read. */
interface ValueOptions {
  readonly arpa: number;
  readonly margin: number;
  readonly discountRate: number;
}

function valueOptions(context: CommandContext): ValueOptions | undefined {
  const arpa = numberOption(context, 'arpa');
  const margin = numberOption(context, 'margin') ?? 1;
  const discountRate = numberOption(context, 'discount-rate') ?? 0.01;
  if (arpa === undefined) return undefined;
  checkOptions(lifetime.flags, () => {
    discountedLifetimeValue({ alpha: 1, beta: 1, discountRate, margin: arpa * margin });
    lifetimeValueFromChurn({ averageRevenuePerAccount: arpa, churnRate: 0.5, grossMargin: margin });
  });
  return { arpa, margin, discountRate };
}

const NOT_CONVERGED = 'not computed: the fit did not converge';

/** The rows and JSON of lifetime values; what derives from a fit that did not converge is left out. */
function lifetimeValues(
  options: ValueOptions,
  fit: { alpha: number; beta: number; converged: boolean },
  points: ReturnType<typeof survivalCurve>['points'],
): { rows: unknown[][]; json: Record<string, unknown> } {
  const { arpa, margin, discountRate } = options;
  const expected = fit.converged
    ? discountedExpectedLifetime({ alpha: fit.alpha, beta: fit.beta, discountRate })
    : null;
  const value = fit.converged
    ? discountedLifetimeValue({ alpha: fit.alpha, beta: fit.beta, discountRate, margin: arpa * margin })
    : null;
  const monthlyChurn = churnRateFromSurvival({ points, periods: 12 });
  const simple =
    monthlyChurn > 0
      ? lifetimeValueFromChurn({ averageRevenuePerAccount: arpa, churnRate: monthlyChurn, grossMargin: margin })
      : null;
  return {
    rows: [
      [
        `discounted expected lifetime (months, ${discountRate * 100} % a month)`,
        expected === null ? NOT_CONVERGED : cell(expected, 'number'),
      ],
      ['discounted lifetime value of a new customer', value === null ? NOT_CONVERGED : cell(value, 'money')],
      ['lifetime value, ARPA × margin ÷ monthly churn', simple === null ? null : cell(simple, 'money')],
    ],
    json: {
      arpa,
      margin,
      discountRate,
      converged: fit.converged,
      discountedExpectedLifetime: expected,
      discountedLifetimeValue: value,
      monthlyChurn,
      simple,
    },
  };
}

/** `--by COLUMN`, checked with what goes with it: no lifetime values (they are of all customers). */
function bySegment(context: CommandContext, withValues: boolean): SegmentColumn | undefined {
  const segment = columnSegment(context, 'lifetime', '--from and --to');
  if (segment === undefined && context.values.weights !== undefined) {
    throw new UsageError(
      '--weights needs --by COLUMN, such as --by plan: it chooses the test of the curves by segment',
    );
  }
  if (segment !== undefined && withValues) {
    throw new UsageError('--arpa goes without --by: the lifetime values are of all customers; run the two apart');
  }
  return segment;
}

export const lifetime: Command = {
  name: 'lifetime',
  summary: 'how long customers stay (Kaplan–Meier, shifted-beta-geometric) and what they are worth',
  usage:
    'cs-metrics lifetime <customers file> [--as-of 2024-12-31] [--from 2024-01-01 --to 2024-12-31] [--arpa 210] [--discount-rate 0.01]',
  description:
    'Reads customer lifetimes (id, start, end) and reports the Kaplan–Meier survival curve in months of 365/12 days (customers still active are censored at --as-of), the median lifetime when the curve reaches one half, and a shifted-beta-geometric fit of the customers who started in the 12 months from the first start (monthly survivors, for as many months as all of them have completed, at most 24). --from and --to (inclusive UTC days) keep the customers who started on those days, a cohort by start: the curve is theirs, and the first year of the fit begins with the first start in the window; --as-of stays, by default, the last date in the file. With --arpa (monthly revenue per account) it adds the lifetime value from the fitted model, discounted at --discount-rate a month, and the simple ARPA × margin ÷ monthly churn value, the churn being 1 − S(12)^(1/12).',
  options: {
    'as-of': {
      type: 'string',
      value: 'date',
      description: 'the date of the data (default: the last date in the file)',
    },
    arpa: { type: 'string', value: 'money', description: 'monthly revenue per account, for lifetime values' },
    margin: { type: 'string', value: 'fraction', default: '1', description: 'gross margin applied to ARPA' },
    'discount-rate': { type: 'string', value: 'rate', default: '0.01', description: 'monthly discount rate' },
    ...START_WINDOW_OPTIONS,
    ...columnByOption('customers'),
    ...MISSING_SEGMENT_OPTION,
    ...minimumSegmentSizeOption(LIFETIME_MINIMUM_SEGMENT_SIZE),
    ...WEIGHTS_OPTION,
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: {
    asOf: '--as-of',
    averageRevenuePerAccount: '--arpa',
    margin: '--arpa × --margin',
    grossMargin: '--margin',
    discountRate: '--discount-rate',
  },
  examples: [
    'cs-metrics lifetime examples/data/customers.csv --arpa 210',
    'cs-metrics lifetime customers.csv --as-of 2024-12-31 --json',
    'cs-metrics lifetime customers.csv --from 2024-01-01 --to 2024-12-31 --arpa 210',
    'cs-metrics lifetime examples/data/customers.csv --by plan',
  ],
  async run(context) {
    const file = inputFile(context);
    const asOfText = stringOption(context, 'as-of');
    if (asOfText !== undefined && Number.isNaN(epochOf(asOfText))) {
      throw new UsageError(`--as-of must be a date such as 2024-12-31, not '${asOfText}'`);
    }
    const values = valueOptions(context);
    const segment = bySegment(context, values !== undefined);
    const minimum = minimumSegmentSize(context, LIFETIME_MINIMUM_SEGMENT_SIZE);
    const weights = weightsOption(context) ?? 'logrank';
    const window = startWindow(context, file);
    const loaded = await loadSegmentRecords(context, file, LIFETIME_FIELDS, segment, window.keep);
    if (loaded.length === 0) throw window.nothingLeft();
    const asOf = asOfText ?? window.latest(loaded);
    const customers = loaded.records;
    const observations = locate(file, loaded.locations, loaded.columns, () =>
      lifetimeObservations({ customers }, { asOf, unit: 'month' }),
    );
    if (segment !== undefined) {
      const title = `Customer lifetimes${window.title} — ${file}, by ${segment.column}`;
      const output = lifetimeSegmentOutput(loaded, segment, { asOf, minimum, weights, title });
      const json = { ...startedJson(window), ...output.json };
      return { json, tables: output.tables, notes: output.notes, warnings: window.warnings() } satisfies Output;
    }
    const curve = survivalCurve(observations);
    const at = (months: number) => survivalAt({ points: curve.points }, { time: months });

    // The customers who started in the 12 months from the first start (in the window, if any), counted at
    // the end of each month since they started, for as many months as all of them have completed (at most 24).
    const from = earliestOf(startDates(loaded));
    const to = addMonths(from, 12);
    const survivors =
      to <= epochOf(asOf)
        ? survivorsByPeriod(
            { customers: startedWithin(loaded, from, to) },
            { from, to, asOf, unit: 'month', periods: FIT_MONTHS },
          ).survivors
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
    const json: Record<string, unknown> = { ...startedJson(window), survival: curve, survivors, fit: fit ?? null };
    const warnings: string[] = [];
    if (fit) {
      const mark = fit.converged ? '' : ' (did not converge)';
      if (!fit.converged) {
        warnings.push(
          `the shifted-beta-geometric fit did not converge (α ${fit.alpha.toPrecision(4)}, β ${fit.beta.toPrecision(4)}: churn looks constant); its lifetime values are not computed`,
        );
      }
      rows.push(
        [
          `shifted-beta-geometric fit (${survivors.length - 1} months of the first year's customers)`,
          `α ${fit.alpha.toFixed(3)}, β ${fit.beta.toFixed(3)}${mark}`,
        ],
        [`fitted churn in the first month${mark}`, cell(fit.alpha / (fit.alpha + fit.beta), 'percent')],
      );
    }
    if (values !== undefined && fit) {
      const lifetimeValue = lifetimeValues(values, fit, curve.points);
      rows.push(...lifetimeValue.rows);
      json.lifetimeValue = lifetimeValue.json;
    }
    const tables: Table[] = [
      { title: `Customer lifetimes${window.title} — ${file}`, columns: [{ name: 'measure' }, { name: 'value' }], rows },
    ];
    warnings.push(...window.warnings());
    return { json, tables, warnings, money: [{ currency: undefined, fields: LIFETIME_MONEY }] } satisfies Output;
  },
};
