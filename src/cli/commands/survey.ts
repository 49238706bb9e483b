// nps, csat and ces: streamed over a column of scores, tallied in batches, so that a file of any length is
// read in bounded memory.
import { customerEffortScore, customerSatisfactionScore, netPromoterScore, tallyScores } from '../../survey/index.js';
import {
  type Command,
  type CommandContext,
  cellValue,
  FILE_OPTIONS,
  filteredRecords,
  inputFile,
  locate,
  numberOption,
  type OptionSpec,
  stringOption,
} from '../command.js';
import { UsageError } from '../errors.js';
import { cell, type Output, type Table } from '../output.js';

const BATCH = 65_536;

interface Scale {
  readonly min: number;
  readonly max: number;
}

/** Counts of a score column, read in batches; blank cells are counted apart, never as a score. */
export async function tallyColumn(
  context: CommandContext,
  file: string,
  column: string,
  scale: Scale,
): Promise<{ distribution: Record<number, number>; blank: number }> {
  // Checks the scale before reading anything.
  const totals: Record<number, number> = tallyScores([], scale);
  let values: unknown[] = [];
  let locations: string[] = [];
  let blank = 0;
  const flush = () => {
    const tally = locate(file, locations, { '': column }, () => tallyScores(values as number[], scale));
    for (const [score, count] of Object.entries(tally)) totals[Number(score)] = (totals[Number(score)] ?? 0) + count;
    values = [];
    locations = [];
  };
  for await (const record of filteredRecords(context, file, [column])) {
    const raw = record.fields[column];
    if (raw === undefined || raw === null || raw === '') {
      blank++;
      continue;
    }
    values.push(cellValue(raw));
    locations.push(record.location);
    if (values.length === BATCH) flush();
  }
  flush();
  return { distribution: totals, blank };
}

function parseScale(text: string | undefined, fallback: Scale): Scale {
  if (text === undefined) return fallback;
  const match = /^(-?\d+)\s*(?:-|–|\.\.)\s*(-?\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--scale must be written min-max, such as 1-5, not '${text}'`);
  return { min: Number(match[1]), max: Number(match[2]) };
}

function distributionTable(distribution: Record<number, number>, responses: number): Table {
  return {
    title: 'Distribution',
    columns: [
      { name: 'score', kind: 'integer' },
      { name: 'responses', kind: 'integer' },
      { name: 'share', kind: 'percent' },
    ],
    rows: Object.entries(distribution).map(([score, count]) => [
      Number(score),
      count,
      responses > 0 ? count / responses : 0,
    ]),
  };
}

const SURVEY_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  column: { type: 'string', value: 'name', default: 'score', description: 'the column holding the scores' },
  confidence: { type: 'string', value: 'level', default: '0.95', description: 'confidence level of the intervals' },
  ...FILE_OPTIONS,
};

/**
 * What every survey command prints: its measures as a key/value table, the distribution, and a note on
 * blank answers; the JSON holds the whole result with the distribution.
 */
function surveyOutput(
  title: string,
  rows: readonly (readonly unknown[])[],
  json: Record<string, unknown>,
  tally: { distribution: Record<number, number>; blank: number },
  responses: number,
): Output {
  const { distribution, blank } = tally;
  return {
    json: { ...json, distribution, blank },
    tables: [
      { title, columns: [{ name: 'measure' }, { name: 'value', kind: 'number' }], rows },
      distributionTable(distribution, responses),
    ],
    notes: blank > 0 ? [`${blank.toLocaleString('en-US')} blank answers were left out.`] : [],
  };
}

export const nps: Command = {
  name: 'nps',
  summary: 'Net Promoter Score with its margin of error',
  usage: 'cs-metrics nps <file> [--column score] [--where survey=nps]',
  description:
    'Reads 0–10 answers from a column and reports the Net Promoter Score (promoters 9–10 minus detractors 0–6, in points from −100 to 100), the three groups, the standard error and the confidence interval. Files of any size are streamed.',
  options: SURVEY_OPTIONS,
  flags: { confidence: '--confidence' },
  examples: [
    'cs-metrics nps responses.csv',
    'cs-metrics nps examples/data/survey-responses.csv --where survey=nps --json',
    'cs-metrics nps answers.jsonl --column likelihood --confidence 0.9',
  ],
  async run(context) {
    const file = inputFile(context);
    const column = stringOption(context, 'column', 'score');
    const confidence = numberOption(context, 'confidence');
    const tally = await tallyColumn(context, file, column, { min: 0, max: 10 });
    const result = netPromoterScore(
      { distribution: tally.distribution },
      confidence === undefined ? {} : { confidence },
    );
    const level = `${Math.round(result.confidence * 1000) / 10} %`;
    return surveyOutput(
      `Net Promoter Score — ${file}`,
      [
        ['NPS', result.score],
        [`interval low (${level})`, result.interval.low],
        [`interval high (${level})`, result.interval.high],
        ['margin of error', result.marginOfError],
        ['standard error', result.standardError],
        ['responses', cell(result.responses, 'integer')],
        ['promoters (9–10)', cell(result.promoters, 'integer')],
        ['passives (7–8)', cell(result.passives, 'integer')],
        ['detractors (0–6)', cell(result.detractors, 'integer')],
      ],
      { ...result },
      tally,
      result.responses,
    );
  },
};

export const csat: Command = {
  name: 'csat',
  summary: 'Customer Satisfaction Score (top-box share) with a Wilson interval',
  usage: 'cs-metrics csat <file> [--column score] [--scale 1-5] [--satisfied-from 4]',
  description:
    'Reads ratings from a column and reports CSAT, the share of satisfied answers (4–5 on 1–5, 6–7 on 1–7, 7–10 on 1–10 by default), with its Wilson interval and the average rating.',
  options: {
    ...SURVEY_OPTIONS,
    scale: { type: 'string', value: 'min-max', default: '1-5', description: 'the rating scale' },
    'satisfied-from': { type: 'string', value: 'score', description: 'lowest satisfied rating (default: by scale)' },
  },
  flags: { confidence: '--confidence', scale: '--scale', satisfiedFrom: '--satisfied-from' },
  examples: [
    'cs-metrics csat examples/data/survey-responses.csv --where survey=csat',
    'cs-metrics csat ratings.csv --scale 1-10 --satisfied-from 8 --csv',
  ],
  async run(context) {
    const file = inputFile(context);
    const column = stringOption(context, 'column', 'score');
    const scale = parseScale(stringOption(context, 'scale'), { min: 1, max: 5 });
    const confidence = numberOption(context, 'confidence');
    const satisfiedFrom = numberOption(context, 'satisfied-from');
    const tally = await tallyColumn(context, file, column, scale);
    const result = customerSatisfactionScore(
      { distribution: tally.distribution, scale },
      {
        ...(confidence === undefined ? {} : { confidence }),
        ...(satisfiedFrom === undefined ? {} : { satisfiedFrom }),
      },
    );
    return surveyOutput(
      `Customer Satisfaction Score — ${file}`,
      [
        ['CSAT (share satisfied)', cell(result.score, 'percent')],
        ['interval low', cell(result.interval.low, 'percent')],
        ['interval high', cell(result.interval.high, 'percent')],
        ['average rating', result.average],
        [`satisfied (${result.satisfiedFrom}–${scale.max})`, cell(result.satisfied, 'integer')],
        ['responses', cell(result.responses, 'integer')],
      ],
      { ...result, scale },
      tally,
      result.responses,
    );
  },
};

export const ces: Command = {
  name: 'ces',
  summary: 'Customer Effort Score: average and share of easy answers',
  usage: 'cs-metrics ces <file> [--column score] [--scale 1-7] [--easy-from 5] [--lower-is-easier]',
  description:
    'Reads effort answers from a column and reports their average and the share of easy answers with a Wilson interval. The default is CES 2.0 (1–7 agreement that the company made it easy; 5–7 easy); use --lower-is-easier --scale 1-5 for the original effort scale (1–2 easy).',
  options: {
    ...SURVEY_OPTIONS,
    scale: { type: 'string', value: 'min-max', default: '1-7', description: 'the answer scale' },
    'easy-from': { type: 'string', value: 'score', description: 'threshold of an easy answer (default: by scale)' },
    'lower-is-easier': { type: 'boolean', description: 'a lower answer means less effort (CES 1.0)' },
  },
  flags: { confidence: '--confidence', scale: '--scale', easyFrom: '--easy-from', higherIsEasier: '--lower-is-easier' },
  examples: [
    'cs-metrics ces examples/data/survey-responses.csv --where survey=ces',
    'cs-metrics ces effort.csv --scale 1-5 --lower-is-easier --json',
  ],
  async run(context) {
    const file = inputFile(context);
    const column = stringOption(context, 'column', 'score');
    const scale = parseScale(stringOption(context, 'scale'), { min: 1, max: 7 });
    const confidence = numberOption(context, 'confidence');
    const easyFrom = numberOption(context, 'easy-from');
    const higherIsEasier = context.values['lower-is-easier'] !== true;
    const tally = await tallyColumn(context, file, column, scale);
    const result = customerEffortScore(
      { distribution: tally.distribution, scale },
      {
        higherIsEasier,
        ...(confidence === undefined ? {} : { confidence }),
        ...(easyFrom === undefined ? {} : { easyFrom }),
      },
    );
    const easyRange = higherIsEasier ? `${result.easyFrom}–${scale.max}` : `${scale.min}–${result.easyFrom}`;
    return surveyOutput(
      `Customer Effort Score — ${file}`,
      [
        ['average answer', result.average],
        [`easy share (${easyRange})`, cell(result.easyShare, 'percent')],
        ['interval low', cell(result.interval.low, 'percent')],
        ['interval high', cell(result.interval.high, 'percent')],
        ['easy answers', cell(result.easy, 'integer')],
        ['responses', cell(result.responses, 'integer')],
      ],
      { ...result, scale },
      tally,
      result.responses,
    );
  },
};
