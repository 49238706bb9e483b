// nps, csat and ces: streamed over a column of scores (see surveyTally.ts), one survey at a time, overall or
// per calendar period. Every option is checked, by the library itself, before the first record is read.
import { customerEffortScore, customerSatisfactionScore, netPromoterScore } from '../../survey/index.js';
import {
  type Command,
  type CommandContext,
  choiceOption,
  FILE_OPTIONS,
  inputFile,
  numberOption,
  type OptionSpec,
  stringOption,
} from '../command.js';
import { UsageError } from '../errors.js';
import { checkOptions, type FlagNames } from '../flags.js';
import { cell, type Output, type Table } from '../output.js';
import { BY_SEGMENT_OPTION, byChoice, dateWindow, WINDOW_OPTIONS } from '../periods.js';
import { MISSING_SEGMENT_OPTION, minimumSegmentSize, minimumSegmentSizeOption, segmentColumn } from './segments.js';
import {
  type ChangeOf,
  changeCells,
  changeColumns,
  changeNote,
  distributionTable,
  surveyChanges,
  type TrendSettings,
} from './surveyChanges.js';
import { SURVEY_MINIMUM_SEGMENT_SIZE, segmentedSurveyOutput } from './surveySegments.js';
import { type Scale, type Tally, type TallyOptions, tallyColumn } from './surveyTally.js';

/** The options choosing which answers a survey command reads: column, survey, dates, confidence. */
export const SURVEY_READ_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  column: { type: 'string', value: 'name', default: 'score', description: 'the column holding the scores' },
  confidence: { type: 'string', value: 'level', default: '0.95', description: 'confidence level of the intervals' },
  survey: {
    type: 'string',
    value: 'name',
    description: 'keep the answers of one survey (same as --where survey=name); needed when the file holds several',
  },
  'survey-column': {
    type: 'string',
    value: 'name',
    default: 'survey',
    description: 'the column naming the survey of each answer',
  },
  'date-column': {
    type: 'string',
    value: 'name',
    default: 'answeredAt',
    description: 'the column dating each answer, read by --from, --to and --by',
  },
  ...WINDOW_OPTIONS,
};

const SURVEY_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...SURVEY_READ_OPTIONS,
  ...BY_SEGMENT_OPTION,
  ...MISSING_SEGMENT_OPTION,
  ...minimumSegmentSizeOption(SURVEY_MINIMUM_SEGMENT_SIZE),
  ...FILE_OPTIONS,
};

/** The options that were given, leaving out those that were not (the library's defaults then apply). */
function given<T extends Record<string, unknown>>(options: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** `--confidence`, a fraction strictly between 0 and 1. */
export function confidenceOption(context: CommandContext): number | undefined {
  const confidence = numberOption(context, 'confidence');
  if (confidence !== undefined && !(confidence > 0 && confidence < 1)) {
    throw new UsageError(`--confidence must be between 0 and 1 (exclusive), such as 0.95, not '${confidence}'`);
  }
  return confidence;
}

function parseScale(text: string | undefined, fallback: Scale): Scale {
  if (text === undefined) return fallback;
  const match = /^(-?\d+)\s*(?:-|–|\.\.)\s*(-?\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--scale must be written min-max, such as 1-5, not '${text}'`);
  return { min: Number(match[1]), max: Number(match[2]) };
}

/** What every survey result has. */
export interface SurveyResult {
  readonly responses: number;
  readonly interval: { readonly low: number; readonly high: number };
}

/** How one survey command computes and shows its result. */
export interface SurveySpec<R extends SurveyResult> {
  readonly title: string;
  readonly noun: string;
  /** The scale's option default; undefined when the scale is fixed (NPS). */
  readonly scale: Scale;
  /** The library call with every option of the command, from the options checked before the read. */
  prepare(context: CommandContext, scale: Scale): (distribution: Record<number, number>) => R;
  /** The metric of the trend by period, and its options (the same as `prepare`'s call). */
  readonly metric: 'nps' | 'csat' | 'ces';
  trend(context: CommandContext, scale: Scale): TrendSettings;
  measures(result: R, scale: Scale): (readonly unknown[])[];
  /** The headline of a period's row, after its period and before its interval. */
  readonly headline: { readonly name: string; readonly kind: 'number' | 'percent'; value(result: R): number };
}

function periodTable<R extends SurveyResult>(
  spec: SurveySpec<R>,
  file: string,
  by: string,
  periods: readonly { period: string; result: R }[],
  changeOf: ChangeOf,
): Table {
  const kind = spec.headline.kind;
  return {
    title: `${spec.title} by ${by} — ${file}`,
    columns: [
      { name: by },
      { name: spec.headline.name, kind },
      { name: 'interval low', kind },
      { name: 'interval high', kind },
      { name: 'responses', kind: 'integer' },
      ...changeColumns(kind),
    ],
    rows: periods.map(({ period, result }) => [
      period,
      spec.headline.value(result),
      result.interval.low,
      result.interval.high,
      result.responses,
      ...changeCells(changeOf(period)),
    ]),
  };
}

async function runSurvey<R extends SurveyResult>(
  context: CommandContext,
  flags: FlagNames | undefined,
  spec: SurveySpec<R>,
): Promise<Output> {
  const file = inputFile(context);
  const scale = parseScale(stringOption(context, 'scale'), spec.scale);
  const options: TallyOptions = {
    column: stringOption(context, 'column', 'score'),
    scale,
    noun: spec.noun,
    expected: spec.noun.split(' ')[0]?.toLowerCase() ?? '',
    surveyColumn: stringOption(context, 'survey-column', 'survey'),
    survey: stringOption(context, 'survey'),
    dateColumn: stringOption(context, 'date-column', 'answeredAt'),
    window: dateWindow(context),
    by: byChoice(context).period,
    segment: segmentColumn(context),
  };
  const minimum = minimumSegmentSize(context, SURVEY_MINIMUM_SEGMENT_SIZE);
  const compute = spec.prepare(context, scale);
  // A one-answer distribution, before the file is read: a bad option value (a scale without a default
  // threshold, a threshold off the scale) is reported at once.
  checkOptions(flags, () => compute({ [scale.min]: 1 }));
  const tally = await tallyColumn(context, file, options);
  const result = compute(tally.distribution);
  const output = surveyOutput(spec, file, result, tally, scale);
  const periods = tally.periods.map(([period, distribution]) => ({
    period,
    result: compute(distribution),
    distribution,
  }));
  const segmented = options.segment !== undefined;
  const settings = spec.trend(context, scale);
  const changeOf: ChangeOf =
    options.by === undefined ? () => undefined : surveyChanges(spec.metric, tally, options.by, segmented, settings);
  const json = {
    ...(output.json as R),
    ...(options.by === undefined
      ? {}
      : {
          by: options.by,
          periods: periods.map(({ period, result: each, distribution }) => {
            const change = changeOf(period);
            return { period, ...each, distribution, ...(change === undefined ? {} : { change }) };
          }),
        }),
  };
  const notes = options.by === undefined ? [] : [changeNote(segmented, settings.confidence)];
  if (options.segment !== undefined) {
    const by = { segment: options.segment, period: options.by, changeOf };
    const result = segmentedSurveyOutput(spec, file, output, json, tally, by, compute, minimum);
    return { ...result, notes: [...notes, ...(result.notes ?? [])] };
  }
  if (options.by === undefined) return output;
  return {
    ...output,
    json,
    tables: [periodTable(spec, file, options.by, periods, changeOf), ...output.tables],
    notes: [...notes, ...(output.notes ?? [])],
  };
}

/**
 * What every survey command prints: its measures as a key/value table, the distribution, and a note on
 * blank answers; the JSON holds the whole result with the distribution.
 */
function surveyOutput<R extends SurveyResult>(
  spec: SurveySpec<R>,
  file: string,
  result: R,
  tally: Tally,
  scale: Scale,
): Output {
  const { distribution, blank } = tally;
  return {
    json: { ...result, ...(spec.scale === NPS_SCALE ? {} : { scale }), distribution, blank },
    tables: [
      {
        title: `${spec.title} — ${file}`,
        columns: [{ name: 'measure' }, { name: 'value', kind: 'number' }],
        rows: spec.measures(result, scale),
      },
      distributionTable(distribution, result.responses),
    ],
    notes: blank > 0 ? [`${blank.toLocaleString('en-US')} blank answers were left out.`] : [],
    warnings: tally.warnings,
  };
}

const NPS_SCALE: Scale = { min: 0, max: 10 };

const level = (confidence: number) => `${Math.round(confidence * 1000) / 10} %`;

const NPS_INTERVALS = ['adjusted-wald', 'wald'] as const;

/** The level and method of an NPS interval, as its rows name them: `95 %, adjusted Wald` or `95 %` (Wald). */
const npsIntervalLabel = (result: { confidence: number; intervalMethod: string }) =>
  result.intervalMethod === 'wald' ? level(result.confidence) : `${level(result.confidence)}, adjusted Wald`;

export const nps: Command = {
  name: 'nps',
  summary: 'Net Promoter Score with its margin of error',
  usage: 'cs-metrics nps <file> [--column score] [--survey nps] [--from 2024-01-01] [--to 2024-03-31] [--by month]',
  description:
    'Reads 0–10 answers from a column and reports the Net Promoter Score (promoters 9–10 minus detractors 0–6, in points from −100 to 100), the three groups, the standard error and the confidence interval; with --by, one row per month, quarter or year, or per value of a column (--by plan), or both. The interval is the adjusted Wald interval of Rocks (2016): ¾ of a promoter and ¾ of a detractor are added and 3 to the answers, so it is centred a little nearer 0 than the score and never has zero width, even when every answer is a promoter; its standard error and margin are those of that centre. --interval wald gives the plain Wald interval, the score ± z × its standard error. A file whose survey column holds several surveys needs --survey. Files of any size are streamed.',
  options: {
    ...SURVEY_OPTIONS,
    interval: {
      type: 'string',
      value: 'adjusted-wald|wald',
      default: 'adjusted-wald',
      description: 'the interval: adjusted Wald (Rocks 2016), or Wald (score ± z × standard error)',
    },
  },
  flags: { confidence: '--confidence', interval: '--interval' },
  examples: [
    'cs-metrics nps responses.csv',
    'cs-metrics nps examples/data/survey-responses.csv --survey nps --json',
    'cs-metrics nps examples/data/survey-responses.csv --survey nps --from 2024-10-01 --to 2024-12-31',
    'cs-metrics nps examples/data/survey-responses.csv --survey nps --by quarter',
    'cs-metrics nps examples/data/accounts.csv --column nps --by segment',
    'cs-metrics nps answers.jsonl --column likelihood --confidence 0.9',
    'cs-metrics nps examples/data/survey-responses.csv --survey nps --interval wald',
  ],
  run: (context) =>
    runSurvey(context, nps.flags, {
      title: 'Net Promoter Score',
      noun: 'NPS answers',
      scale: NPS_SCALE,
      prepare(context) {
        const confidence = confidenceOption(context);
        const interval = choiceOption(context, 'interval', NPS_INTERVALS);
        return (distribution) => netPromoterScore({ distribution }, given({ confidence, interval }));
      },
      metric: 'nps',
      trend: (context) => given({ confidence: confidenceOption(context) }),
      headline: { name: 'NPS', kind: 'number', value: (result) => result.score },
      measures: (result) => [
        ['NPS', result.score],
        [`interval low (${npsIntervalLabel(result)})`, result.interval.low],
        [`interval high (${npsIntervalLabel(result)})`, result.interval.high],
        ...(result.intervalMethod === 'wald' ? [] : [['interval centre', result.center]]),
        ['margin of error', result.marginOfError],
        ['standard error', result.standardError],
        ['responses', cell(result.responses, 'integer')],
        ['promoters (9–10)', cell(result.promoters, 'integer')],
        ['passives (7–8)', cell(result.passives, 'integer')],
        ['detractors (0–6)', cell(result.detractors, 'integer')],
      ],
    }),
};

export const csat: Command = {
  name: 'csat',
  summary: 'Customer Satisfaction Score (top-box share) with a Wilson interval',
  usage: 'cs-metrics csat <file> [--column score] [--survey csat] [--scale 1-5] [--satisfied-from 4] [--by month]',
  description:
    'Reads ratings from a column and reports CSAT, the share of satisfied answers (4–5 on 1–5, 6–7 on 1–7, 7–10 on 1–10 by default), with its Wilson interval and the average rating; with --by, one row per month, quarter or year, or per value of a column (--by plan), or both. A file whose survey column holds several surveys needs --survey.',
  options: {
    ...SURVEY_OPTIONS,
    scale: { type: 'string', value: 'min-max', default: '1-5', description: 'the rating scale' },
    'satisfied-from': { type: 'string', value: 'score', description: 'lowest satisfied rating (default: by scale)' },
  },
  flags: { confidence: '--confidence', scale: '--scale', satisfiedFrom: '--satisfied-from' },
  examples: [
    'cs-metrics csat examples/data/survey-responses.csv --survey csat',
    'cs-metrics csat ratings.csv --scale 1-10 --satisfied-from 8 --csv',
  ],
  run: (context) =>
    runSurvey(context, csat.flags, {
      title: 'Customer Satisfaction Score',
      noun: 'CSAT answers',
      scale: { min: 1, max: 5 },
      prepare(context, scale) {
        const confidence = confidenceOption(context);
        const satisfiedFrom = numberOption(context, 'satisfied-from');
        return (distribution) =>
          customerSatisfactionScore({ distribution, scale }, given({ confidence, satisfiedFrom }));
      },
      metric: 'csat',
      trend: (context, scale) =>
        given({
          scale,
          confidence: confidenceOption(context),
          satisfiedFrom: numberOption(context, 'satisfied-from'),
        }),
      headline: { name: 'CSAT', kind: 'percent', value: (result) => result.score },
      measures: (result, scale) => [
        ['CSAT (share satisfied)', cell(result.score, 'percent')],
        ['interval low', cell(result.interval.low, 'percent')],
        ['interval high', cell(result.interval.high, 'percent')],
        ['average rating', result.average],
        [`satisfied (${result.satisfiedFrom}–${scale.max})`, cell(result.satisfied, 'integer')],
        ['responses', cell(result.responses, 'integer')],
      ],
    }),
};

export const ces: Command = {
  name: 'ces',
  summary: 'Customer Effort Score: average and share of easy answers',
  usage: 'cs-metrics ces <file> [--column score] [--survey ces] [--scale 1-7] [--easy-from 5] [--lower-is-easier]',
  description:
    'Reads effort answers from a column and reports their average and the share of easy answers with a Wilson interval; with --by, one row per month, quarter or year, or per value of a column (--by plan), or both. The default is CES 2.0 (1–7 agreement that the company made it easy; 5–7 easy); use --lower-is-easier --scale 1-5 for the original effort scale (1–2 easy). A file whose survey column holds several surveys needs --survey.',
  options: {
    ...SURVEY_OPTIONS,
    scale: { type: 'string', value: 'min-max', default: '1-7', description: 'the answer scale' },
    'easy-from': { type: 'string', value: 'score', description: 'threshold of an easy answer (default: by scale)' },
    'lower-is-easier': { type: 'boolean', description: 'a lower answer means less effort (CES 1.0)' },
  },
  flags: { confidence: '--confidence', scale: '--scale', easyFrom: '--easy-from', higherIsEasier: '--lower-is-easier' },
  examples: [
    'cs-metrics ces examples/data/survey-responses.csv --survey ces',
    'cs-metrics ces effort.csv --scale 1-5 --lower-is-easier --json',
  ],
  run: (context) =>
    runSurvey(context, ces.flags, {
      title: 'Customer Effort Score',
      noun: 'CES answers',
      scale: { min: 1, max: 7 },
      prepare(context, scale) {
        const confidence = confidenceOption(context);
        const easyFrom = numberOption(context, 'easy-from');
        const higherIsEasier = context.values['lower-is-easier'] !== true;
        return (distribution) =>
          customerEffortScore(
            { distribution, scale },
            {
              higherIsEasier,
              ...given({ confidence, easyFrom }),
            },
          );
      },
      metric: 'ces',
      trend: (context, scale) => ({
        higherIsEasier: context.values['lower-is-easier'] !== true,
        ...given({ scale, confidence: confidenceOption(context), easyFrom: numberOption(context, 'easy-from') }),
      }),
      headline: { name: 'easy share', kind: 'percent', value: (result) => result.easyShare },
      measures: (result, scale) => {
        const easyRange = result.higherIsEasier ? `${result.easyFrom}–${scale.max}` : `${scale.min}–${result.easyFrom}`;
        return [
          ['average answer', result.average],
          [`easy share (${easyRange})`, cell(result.easyShare, 'percent')],
          ['interval low', cell(result.interval.low, 'percent')],
          ['interval high', cell(result.interval.high, 'percent')],
          ['easy answers', cell(result.easy, 'integer')],
          ['responses', cell(result.responses, 'integer')],
        ];
      },
    }),
};
