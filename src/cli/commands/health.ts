// health: score accounts with a scorecard, show the traffic lights, and check the score against churn.
import { readFileSync } from 'node:fs';
import {
  createHealthScore,
  type HealthScoreConfig,
  type HealthScoreResult,
  type HealthValues,
  healthDistribution,
  healthScoreCalibration,
} from '../../health/index.js';
import { isMetricError } from '../../index.js';
import {
  type Command,
  cellValue,
  FILE_OPTIONS,
  filteredRecords,
  inputFile,
  numberOption,
  stringOption,
} from '../command.js';
import { lazyArray } from '../columns.js';
import { InputError, problemOf, UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';
import { nothingLeft } from '../periods.js';
import { AccountColumns, LowestScores, STATUSES } from './healthAccounts.js';
import {
  HEALTH_MINIMUM_SEGMENT_SIZE,
  healthSegment,
  healthSegmentOutput,
  SegmentedStatuses,
} from './healthSegments.js';
import { columnByOption } from './columnSegments.js';
import {
  checkSegmentColumn,
  MISSING_SEGMENT_OPTION,
  minimumSegmentSize,
  minimumSegmentSizeOption,
} from './segments.js';

function readScorecard(file: string): HealthScoreConfig {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as HealthScoreConfig;
  } catch (error) {
    throw new UsageError(`cannot read the scorecard ${file}: ${(error as Error).message}`);
  }
}

function readFlag(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === 'yes') return true;
  if (text === 'false' || text === 'no') return false;
  return value;
}

/**
 * A measure's value as the scorer takes it: a number, text, a flag or null; an object or array cell of a
 * JSON file is passed as its text for the scorer to reject.
 */
function measureValue(raw: unknown): HealthValues[string] {
  const value = readFlag(cellValue(raw));
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return JSON.stringify(value);
}

const pct = (value: number | null) => (value === null ? null : cell(value, 'percent'));

export const health: Command = {
  name: 'health',
  summary: 'health scores with a scorecard: traffic lights, and how well the score predicts churn',
  usage: 'cs-metrics health <accounts file> --scorecard scorecard.json [--outcome churned] [--lowest 10]',
  description:
    "Scores every account (one row each, one column per measure of the scorecard; blank cells are missing measures) with a scorecard in createHealthScore's format, and reports how many accounts are red, yellow and green. With an outcome column (true when the account churned afterwards), it also reports the churn rate of each band with its Wilson interval and the score's AUC as a churn predictor: 1 separates churned from retained accounts perfectly, 0.5 is no better than chance. The --json result lists every account's id, score and status, and the full breakdown (each measure's value, score and weight, and the missing measures) of the --lowest accounts. The accounts' rows carry no date, so health takes no --from or --to: give it the accounts as measured on one day (--where keeps some of them).",
  options: {
    scorecard: { type: 'string', value: 'file.json', description: 'the scorecard: { measures, bands?, missing? }' },
    outcome: {
      type: 'string',
      value: 'column',
      default: 'churned',
      description: 'column saying whether the account churned',
    },
    id: { type: 'string', value: 'column', default: 'customerId', description: 'column naming the account' },
    lowest: { type: 'string', value: 'n', default: '10', description: 'list the n lowest-scored accounts' },
    ...columnByOption('accounts'),
    ...MISSING_SEGMENT_OPTION,
    ...minimumSegmentSizeOption(HEALTH_MINIMUM_SEGMENT_SIZE),
    ...FILE_OPTIONS,
  },
  examples: [
    'cs-metrics health examples/data/accounts.csv --scorecard examples/data/scorecard.json',
    'cs-metrics health accounts.csv --scorecard scorecard.json --outcome renewed_lost --json',
    'cs-metrics health examples/data/accounts.csv --scorecard examples/data/scorecard.json --by region',
  ],
  async run(context) {
    const file = inputFile(context);
    const segment = healthSegment(context);
    const minimum = minimumSegmentSize(context, HEALTH_MINIMUM_SEGMENT_SIZE);
    const statuses = segment === undefined ? undefined : new SegmentedStatuses(segment);
    const scorecardFile = stringOption(context, 'scorecard');
    if (scorecardFile === undefined) throw new UsageError('--scorecard is required');
    const config = readScorecard(scorecardFile);
    let score: ReturnType<typeof createHealthScore>;
    try {
      score = createHealthScore(config);
    } catch (error) {
      if (isMetricError(error)) throw new InputError(scorecardFile, undefined, undefined, problemOf(error));
      throw error;
    }
    const measures = Object.keys(config.measures ?? {});
    const outcome = stringOption(context, 'outcome', 'churned');
    const idColumn = stringOption(context, 'id', 'customerId');
    const lowestCount = Math.max(0, Math.floor(numberOption(context, 'lowest') ?? 10));
    const accounts = new AccountColumns();
    const lowest = new LowestScores(lowestCount);
    for await (const record of filteredRecords(context, file, measures)) {
      if (segment !== undefined && accounts.length === 0) checkSegmentColumn(context, file, record, segment);
      const values: Record<string, HealthValues[string]> = {};
      for (const name of measures) {
        const raw = record.fields[name];
        if (raw === undefined || raw === null || raw === '') continue;
        values[name] = measureValue(raw);
      }
      let result: HealthScoreResult;
      try {
        result = score(values);
      } catch (error) {
        if (!isMetricError(error)) throw error;
        const column = error.issues[0]?.path.find((key) => typeof key === 'string') as string | undefined;
        throw new InputError(file, record.location, column, problemOf(error));
      }
      const id = String(record.fields[idColumn] ?? record.location);
      lowest.offer(accounts.length, id, result);
      const flag = readFlag(record.fields[outcome]);
      accounts.push(id, result.score, result.status, typeof flag === 'boolean' ? flag : undefined);
      statuses?.push(result.status, record.fields[segment?.column ?? ''], record.location);
    }
    if (accounts.length === 0) throw new UsageError(nothingLeft(context, file, 'accounts', []));
    const distribution = healthDistribution(accounts.counts());
    const segmented = statuses?.distribution(file, minimum);
    const bands = config.bands === undefined ? {} : { bands: config.bands };
    const calibration = accounts.outcomeKnown
      ? healthScoreCalibration({ scores: accounts.scores, churned: accounts.churned }, bands)
      : undefined;
    const title = `Health of ${accounts.length} accounts — ${file}`;
    const bySegment =
      segmented === undefined || segment === undefined
        ? undefined
        : healthSegmentOutput(segmented, segment, `${title}, by ${segment.column}`, minimum);
    const tables: Table[] = [
      bySegment?.table ?? {
        title,
        columns: [{ name: 'status' }, { name: 'accounts', kind: 'integer' }, { name: 'share', kind: 'percent' }],
        rows: STATUSES.map((status) => [status, distribution[status].count, distribution[status].share]),
      },
    ];
    if (calibration) {
      tables.push({
        title: `Calibration against ${outcome}: AUC ${calibration.auc === null ? '— (no churned or no retained accounts)' : calibration.auc.toFixed(3)}`,
        columns: [
          { name: 'status' },
          { name: 'accounts', kind: 'integer' },
          { name: 'churned', kind: 'integer' },
          { name: 'churn rate' },
          { name: 'interval low' },
          { name: 'interval high' },
        ],
        rows: STATUSES.map((status) => {
          const band = calibration[status];
          return [
            status,
            band.accounts,
            band.churned,
            pct(band.churnRate),
            pct(band.interval?.low ?? null),
            pct(band.interval?.high ?? null),
          ];
        }),
      });
    }
    const lowestAccounts = lowest.sorted();
    if (lowestAccounts.length > 0) {
      tables.push({
        title: 'Lowest scores',
        columns: [
          { name: 'account' },
          { name: 'score', kind: 'number' },
          { name: 'status' },
          { name: 'weakest measure' },
          { name: 'missing' },
        ],
        rows: lowestAccounts.map(({ id, result }) => {
          const weakest = [...result.measures].sort((a, b) => a.normalized - b.normalized)[0];
          return [
            id,
            result.score,
            result.status,
            weakest ? `${weakest.name} (${weakest.normalized.toFixed(0)})` : '—',
            result.missing.join(' ') || '—',
          ];
        }),
      });
    }
    return {
      json: {
        ...(segmented === undefined ? { distribution } : segmented),
        calibration: calibration ?? null,
        // Every account's id, score and status, built from the columns as the JSON is written; the
        // per-measure breakdown of the lowest-scored only.
        accounts: lazyArray(accounts.length, (i) => accounts.account(i)),
        lowest: lowestAccounts.map(({ id, result }) => ({ id, ...result })),
      },
      tables,
      notes: bySegment?.notes ?? [],
    } satisfies Output;
  },
};
