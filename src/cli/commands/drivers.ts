// drivers: which customer traits go with a shorter or longer life, from customer lifetimes and the columns of
// the same file: a Cox proportional-hazards fit (the library's fitProportionalHazards) of the time to churn.
import { isMetricError } from '../../index.js';
import { type FitProportionalHazardsResult, fitProportionalHazards, lifetimeObservations } from '../../models/index.js';
import type { CustomerLifetime } from '../../retention/index.js';
import {
  type Command,
  type CommandContext,
  choiceOption,
  FILE_OPTIONS,
  inputFile,
  type LoadedRecords,
  loadRecords,
  locate,
  MAP_OPTION,
  numberOption,
  stringOption,
} from '../command.js';
import { epochOf, formatDay } from '../dates.js';
import { UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';
import { nothingLeft } from '../periods.js';
import { type CovariateColumn, covariateColumn, MAXIMUM_LEVELS } from './driversCovariates.js';
import { pValueText } from './lifetimeSegments.js';
import { LIFETIME_FIELDS, latestDate } from './retention.js';
import { confidenceOption } from './survey.js';

/** The `--covariate` columns, each once, in the order given; at least one. */
function covariateNames(context: CommandContext): string[] {
  const raw = context.values.covariate;
  const names = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).map(String);
  if (names.length === 0) {
    throw new UsageError(
      'give at least one --covariate COLUMN (repeatable), a column of the customers file such as --covariate plan',
    );
  }
  return [...new Set(names)];
}

/** The customers with the `--covariate` columns as attributes; a missing column names its flag. */
async function loadCovariates(
  context: CommandContext,
  file: string,
  names: readonly string[],
): Promise<LoadedRecords<CustomerLifetime>> {
  const prefix = `${file} has no column '`;
  try {
    return await loadRecords(context, file, LIFETIME_FIELDS, undefined, names);
  } catch (error) {
    if (!(error instanceof UsageError) || !error.message.startsWith(prefix)) throw error;
    const name = error.message.slice(prefix.length, error.message.indexOf("'", prefix.length));
    if (!names.includes(name)) throw error;
    const rest = error.message.slice(prefix.length + name.length + 1);
    throw new UsageError(`${prefix}${name}' for --covariate ${name}${rest}`);
  }
}

/**
 * The indexes of the records `lifetimeObservations` keeps, in its order: every customer but those who
 * started after `asOf` and those whose lifetime is empty (end = start), who are at risk at no time.
 */
function keptRecords(loaded: LoadedRecords<CustomerLifetime>, asOf: string): Int32Array {
  const until = epochOf(asOf);
  const kept = new Int32Array(loaded.length);
  let count = 0;
  for (let i = 0; i < loaded.length; i++) {
    const start = epochOf(loaded.value('start', i));
    const end = loaded.value('end', i);
    if (start > until || (end !== undefined && epochOf(end) === start)) continue;
    kept[count++] = i;
  }
  return kept.subarray(0, count);
}

/** What a covariate is, in a message: `plan=scale (plan scale against starter)` or the column's name. */
function covariateWords(name: string, columns: readonly CovariateColumn[]): string {
  const column = columns.find((each) => each.covariates.some((covariate) => covariate.name === name));
  if (column?.reference === undefined) return `covariate ${name}`;
  return `covariate ${name} (customers with that ${column.column} against those with ${column.reference})`;
}

/** The fit, its covariates refused in the command line's words (the flag that leaves them out). */
function fitModel(
  file: string,
  input: Parameters<typeof fitProportionalHazards>[0],
  options: Parameters<typeof fitProportionalHazards>[1],
  columns: readonly CovariateColumn[],
  asOf: string,
): FitProportionalHazardsResult {
  try {
    return fitProportionalHazards(input, options);
  } catch (error) {
    if (!isMetricError(error)) throw error;
    const issue = error.issues[0];
    if (error.code === 'NO_DATA') {
      const what =
        issue?.path[0] === 'churned' ? 'no customer churned by --as-of' : 'no customer had started by --as-of';
      throw new UsageError(`${file}: ${what} ${asOf}: the model needs customers who churned`);
    }
    const [field, name] = issue?.path ?? [];
    if (issue === undefined || field !== 'covariates' || typeof name !== 'string') throw error;
    const column = columns.find((each) => each.covariates.some((covariate) => covariate.name === name));
    const advice = column === undefined ? '' : `; leave out --covariate ${column.column}`;
    throw new UsageError(`${file}: ${covariateWords(name, columns)} ${issue.reason}${advice}`);
  }
}

/** A hazard ratio or a bound: two decimals, or three significant digits below 0.1. */
function ratioText(value: number): string {
  return value < 0.1 ? value.toPrecision(3) : value.toFixed(2);
}

function coefficientTable(result: FitProportionalHazardsResult, title: string, confidence: number): Table {
  const level = `${Math.round(confidence * 1000) / 10} %`;
  return {
    title,
    columns: [
      { name: 'covariate' },
      { name: 'coefficient', kind: 'number' },
      { name: 'hazard ratio', kind: 'number' },
      { name: `low (${level})`, kind: 'number' },
      { name: `high (${level})`, kind: 'number' },
      { name: 'p-value', kind: 'number' },
    ],
    rows: result.coefficients.map((each) => [
      each.name,
      each.coefficient.toFixed(3),
      ratioText(each.hazardRatio),
      ratioText(each.low),
      ratioText(each.high),
      pValueText(each.pValue),
    ]),
  };
}

export const drivers: Command = {
  name: 'drivers',
  summary: 'which customer traits shorten or lengthen customer lifetimes (Cox proportional hazards)',
  usage:
    'cs-metrics drivers <customers file> --covariate COLUMN [--covariate COLUMN …] [--as-of 2024-12-31] [--ties efron|breslow]',
  description: `Reads customer lifetimes (id, start, end) and fits a Cox proportional-hazards model of the time to churn, in months of 365/12 days (customers still active are censored at --as-of, by default the last date in the file), on the columns given with --covariate. A column whose every cell is a number is one covariate; any other is split into one 0/1 covariate per value, named column=value, each against the most frequent value (the reference, at most ${MAXIMUM_LEVELS} values). For each covariate: the coefficient, the hazard ratio (the factor on the churn rate per unit, or of that value against the reference) with its interval, and the Wald p-value; then the concordance of the fitted risks with the lifetimes and the likelihood-ratio test of the whole model. Tied churn times are handled with Efron's method (--ties breslow for Breslow's).`,
  options: {
    covariate: {
      type: 'string',
      multiple: true,
      value: 'column',
      description: 'a column of the customers file to explain churn with (repeatable): numbers, or values such as plan',
    },
    'as-of': {
      type: 'string',
      value: 'date',
      description: 'the date of the data (default: the last date in the file)',
    },
    ties: {
      type: 'string',
      value: 'efron|breslow',
      default: 'efron',
      description: 'how churns at the same time are counted',
    },
    confidence: {
      type: 'string',
      value: 'level',
      default: '0.95',
      description: 'confidence level of the hazard ratios',
    },
    'max-iterations': {
      type: 'string',
      value: 'n',
      default: '50',
      description: 'Newton steps of the fit before it stops and says it did not converge (1 to 1000)',
    },
    ...MAP_OPTION,
    ...FILE_OPTIONS,
  },
  flags: { maxIterations: '--max-iterations', confidence: '--confidence', ties: '--ties' },
  examples: [
    'cs-metrics drivers examples/data/customers.csv --covariate plan --covariate channel',
    'cs-metrics drivers customers.csv --covariate seats --covariate region --ties breslow --json',
  ],
  async run(context) {
    const file = inputFile(context);
    const names = covariateNames(context);
    const ties = choiceOption(context, 'ties', ['efron', 'breslow'] as const) ?? 'efron';
    const confidence = confidenceOption(context) ?? 0.95;
    const maxIterations = numberOption(context, 'max-iterations');
    if (
      maxIterations !== undefined &&
      !(Number.isInteger(maxIterations) && maxIterations >= 1 && maxIterations <= 1000)
    ) {
      throw new UsageError(`--max-iterations must be a whole number from 1 to 1000, not '${maxIterations}'`);
    }
    const asOfText = stringOption(context, 'as-of');
    if (asOfText !== undefined && Number.isNaN(epochOf(asOfText))) {
      throw new UsageError(`--as-of must be a date such as 2024-12-31, not '${asOfText}'`);
    }
    const loaded = await loadCovariates(context, file, names);
    if (loaded.length === 0) throw new UsageError(nothingLeft(context, file, 'customers', []));
    const asOf = asOfText ?? formatDay(latestDate(loaded));
    const { durations, churned } = locate(file, loaded.locations, loaded.columns, () =>
      lifetimeObservations({ customers: loaded.records }, { asOf, unit: 'month' }),
    );
    const kept = keptRecords(loaded, asOf);
    if (kept.length !== durations.length) throw new Error('drivers: the customers kept differ from the library’s');
    const columns = names.map((name) => covariateColumn(loaded, name, kept));
    const covariates: Record<string, Float64Array> = {};
    for (const column of columns)
      for (const covariate of column.covariates) covariates[covariate.name] = covariate.values;
    const result = fitModel(
      file,
      { duration: durations, churned, covariates },
      { ties, confidence, ...(maxIterations === undefined ? {} : { maxIterations }) },
      columns,
      asOf,
    );

    const title = `Drivers of churn — ${file}, as of ${asOf} (Cox proportional hazards, ${ties === 'efron' ? 'Efron' : 'Breslow'} ties)`;
    const { likelihoodRatio: test } = result;
    const freedom = `${test.degreesOfFreedom} degree${test.degreesOfFreedom === 1 ? '' : 's'} of freedom`;
    const summary: Table = {
      columns: [{ name: 'measure' }, { name: 'value' }],
      rows: [
        ['customers', cell(result.observations, 'integer')],
        ['churned', cell(result.events, 'integer')],
        ['concordance (0.5: no better than chance, 1: perfect)', result.concordance.toFixed(3)],
        ['likelihood-ratio test', `χ² ${test.statistic.toFixed(2)}, ${freedom}, p-value ${pValueText(test.pValue)}`],
      ],
    };
    const references = columns.filter((column) => column.reference !== undefined);
    const notes = [
      'hazard ratio: the factor on the churn rate per unit of a numeric covariate, or of customers with column=value against those with the reference value; below 1 they stay longer, above 1 they leave sooner.',
      ...(references.length === 0
        ? []
        : [`reference values: ${references.map((column) => `${column.column}=${column.reference}`).join(', ')}.`]),
    ];
    const warnings = result.converged
      ? []
      : [
          `the fit did not converge in ${result.iterations} iteration${result.iterations === 1 ? '' : 's'}: the estimates are where the search stopped; read them with care, or leave out a covariate`,
        ];
    const json = {
      asOf,
      ties,
      references: Object.fromEntries(references.map((column) => [column.column, column.reference])),
      ...result,
    };
    return { json, tables: [coefficientTable(result, title, confidence), summary], notes, warnings } satisfies Output;
  },
};
