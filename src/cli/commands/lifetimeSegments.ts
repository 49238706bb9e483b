// lifetime by segment (`--by plan`): the Kaplan–Meier curve of each segment's customers, one line per segment
// after the line of all customers, and the log-rank test of whether the segments' curves differ.
import {
  type CompareSurvivalCurvesResult,
  type LogRankWeights,
  lifetimeObservations,
  type SurvivalCurveResult,
  type SurvivalObservation,
  survivalAt,
  survivalCurve,
} from '../../models/index.js';
import type { CustomerLifetime } from '../../retention/index.js';
import { type CommandContext, choiceOption, type LoadedRecords, type OptionSpec } from '../command.js';
import { lazyArray } from '../columns.js';
import { InputError } from '../errors.js';
import type { Table } from '../output.js';
import { segmentedTable } from './columnSegments.js';
import { type Measure, missingSegmentProblem, type SegmentColumn } from './segments.js';

/**
 * Below this many customers a segment's curve is marked as a small sample: the library's default (below it
 * one churn moves the curve by more than 3 points).
 */
export const LIFETIME_MINIMUM_SEGMENT_SIZE = 30;

/** The weights of the test, as `--weights` names them. */
const WEIGHTS = ['logrank', 'wilcoxon', 'tarone-ware'] as const;

/** How the table titles name each test. */
const TEST_NAMES: Readonly<Record<(typeof WEIGHTS)[number], string>> = {
  logrank: 'Log-rank test',
  wilcoxon: 'Wilcoxon (Gehan–Breslow) test',
  'tarone-ware': 'Tarone–Ware test',
};

/** `--weights`, for `lifetime --by`. */
export const WEIGHTS_OPTION: Readonly<Record<string, OptionSpec>> = {
  weights: {
    type: 'string',
    value: WEIGHTS.join('|'),
    default: 'logrank',
    description:
      'with --by: the test of the curves, log-rank (every churn counts alike), wilcoxon (early churns count more) or tarone-ware (between the two)',
  },
};

/** `--weights`, checked; undefined without it. */
export function weightsOption(context: CommandContext): (typeof WEIGHTS)[number] | undefined {
  return choiceOption(context, 'weights', WEIGHTS);
}

const share = (months: number) => (result: SurvivalCurveResult) =>
  survivalAt({ points: result.points }, { time: months });

const MEASURES: readonly Measure<SurvivalCurveResult>[] = [
  { column: { name: 'churned', kind: 'integer' }, value: (result) => result.events },
  { column: { name: 'after 6 months', kind: 'percent' }, value: share(6) },
  { column: { name: 'after 12 months', kind: 'percent' }, value: share(12) },
  { column: { name: 'after 24 months', kind: 'percent' }, value: share(24) },
  {
    column: { name: 'median (months)', kind: 'number' },
    value: (result) => (result.median.reached ? result.median.time : 'not reached'),
  },
];

/**
 * The observations of each customer kept by `lifetimeObservations` (every record was checked by it already),
 * with the `--by` cell as its attribute: each segment's customers are measured apart, so that a customer left
 * out (started after --as-of) takes its segment with it. A blank cell stops at its line unless grouped.
 */
function segmentObservations(
  loaded: LoadedRecords<CustomerLifetime>,
  segment: SegmentColumn,
  asOf: string | number,
): SurvivalObservation[] {
  const members = new Map<string | undefined, number[]>();
  for (let i = 0; i < loaded.length; i++) {
    const key = loaded.record(i).attributes?.[segment.column];
    if (key === undefined && !segment.group) {
      throw new InputError(
        loaded.file,
        loaded.locations.at(i),
        segment.column,
        missingSegmentProblem(segment, 'customer'),
      );
    }
    const list = members.get(key);
    if (list === undefined) members.set(key, [i]);
    else list.push(i);
  }
  const observations: SurvivalObservation[] = [];
  for (const [name, indexes] of members) {
    const customers = lazyArray(indexes.length, (k) => loaded.record(indexes[k] as number));
    const { durations, churned } = lifetimeObservations({ customers }, { asOf, unit: 'month' });
    // Without attributes, the library counts the customer in its segment (none).
    const attributes = name === undefined ? undefined : { [segment.column]: name };
    durations.forEach((duration, k) => {
      observations.push({ duration, churned: churned[k] as boolean, ...(attributes && { attributes }) });
    });
  }
  return observations;
}

/** A p-value as read: three decimals, or `< 0.001`. */
export function pValueText(value: number): string {
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}

/** The test's table: each segment's churns, observed and expected if every segment had the same curve. */
function testTable(
  comparison: CompareSurvivalCurvesResult,
  segment: SegmentColumn,
  weights: (typeof WEIGHTS)[number],
): Table {
  const { statistic, degreesOfFreedom, pValue } = comparison;
  const freedom = `${degreesOfFreedom} degree${degreesOfFreedom === 1 ? '' : 's'} of freedom`;
  return {
    title: `${TEST_NAMES[weights]} of the curves by ${segment.column}: χ² ${statistic.toFixed(2)}, ${freedom}, p-value ${pValueText(pValue)}`,
    columns: [
      { name: segment.column },
      { name: 'churned', kind: 'integer' },
      { name: 'expected', kind: 'number' },
      { name: 'churned ÷ expected', kind: 'number' },
    ],
    rows: comparison.groups.map((group) => [
      group.name,
      group.observed,
      group.expected,
      group.expected > 0 ? group.observed / group.expected : null,
    ]),
  };
}

/** The output of `lifetime --by COLUMN`: the curves' table, the test's table, their notes, and the JSON. */
export function lifetimeSegmentOutput(
  loaded: LoadedRecords<CustomerLifetime>,
  segment: SegmentColumn,
  options: { asOf: string | number; minimum: number; weights: (typeof WEIGHTS)[number]; title: string },
): { tables: Table[]; notes: string[]; json: Record<string, unknown> } {
  const { asOf, minimum, weights, title } = options;
  const observations = segmentObservations(loaded, segment, asOf);
  const compare: { weights: LogRankWeights } = { weights };
  const result = survivalCurve(
    { observations },
    { segmentBy: segment.column, missingSegment: 'group', minimumSegmentSize: minimum, compare },
  );
  const size = { name: 'customers', noun: 'customers', of: (curve: SurvivalCurveResult) => curve.observations };
  const { table, notes } = segmentedTable(result, segment, title, size, MEASURES, minimum);
  const tables = [table];
  if (result.comparison === null) {
    notes.push(`no test of the curves: fewer than two ${segment.column} segments have customers.`);
  } else {
    tables.push(testTable(result.comparison, segment, weights));
    notes.push(
      `p-value: the chance of curves at least this far apart if every ${segment.column} kept its customers alike; expected: the churns of a segment under that hypothesis.`,
    );
  }
  return {
    tables,
    notes,
    json: { weights, total: result.total, segments: result.segments, comparison: result.comparison },
  };
}
