// topics: the NPS points each topic of the answers' comments costs or brings (the library's topicImpact),
// from a score column and a column listing each answer's topics. The file is streamed once, like the other
// survey commands: answers are counted per set of topics and score, and the library reads those counts back
// as records through a lazy list, so memory grows with the number of distinct topic sets, not of answers.
import { type SurveyResponse, type TopicImpactResult, topicImpact } from '../../survey/index.js';
import { type Command, type CommandContext, FILE_OPTIONS, inputFile, stringOption } from '../command.js';
import { lazyArray } from '../columns.js';
import { UsageError } from '../errors.js';
import { checkOptions } from '../flags.js';
import type { Output } from '../output.js';
import { dateWindow } from '../periods.js';
import { SMALL_MARK, smallSampleNote } from './segments.js';
import { confidenceOption, SURVEY_READ_OPTIONS } from './survey.js';
import { tallyColumn } from './surveyTally.js';

const NPS_SCALE = { min: 0, max: 10 };

/** The library's default `minimumTopicSize`. */
const MINIMUM_TOPIC_SIZE = 30;

function minimumTopicSize(context: CommandContext): number | undefined {
  const text = stringOption(context, 'minimum-topic-size');
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) {
    throw new UsageError(`--minimum-topic-size must be a whole number of at least 1, such as 30, not '${text}'`);
  }
  return Number(text);
}

function separatorOption(context: CommandContext): string {
  const separator = stringOption(context, 'separator', ';');
  if (separator.trim() === '') throw new UsageError(`--separator must be a character such as ';', not '${separator}'`);
  return separator;
}

/**
 * The answers as records, built when read from their counts: the same record `count` times for each set of
 * topics and score, in that order (the library reads each record once, through the list's iterator).
 */
function answersOf(sets: readonly [string, Record<number, number>][], separator: string): readonly SurveyResponse[] {
  const records: SurveyResponse[] = [];
  // ends[g]: the index after group g's last answer.
  const ends: number[] = [];
  let length = 0;
  for (const [key, distribution] of sets) {
    const topics = key === '' ? [] : key.split(separator);
    for (const [score, count] of Object.entries(distribution)) {
      if (count === 0) continue;
      records.push({ score: Number(score), topics });
      length += count;
      ends.push(length);
    }
  }
  return lazyArray(length, (index) => {
    let low = 0;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((ends[middle] as number) > index) high = middle;
      else low = middle + 1;
    }
    return records[low] as SurveyResponse;
  });
}

/** A p-value as read: three decimals, or `< 0.001`. */
function pValueText(value: number): string {
  return value < 0.001 ? '< 0.001' : value.toFixed(3);
}

function topicsOutput(file: string, column: string, result: TopicImpactResult, minimum: number): Output {
  const marked = result.topics.some((topic) => topic.smallSample);
  const level = `${Math.round(result.confidence * 1000) / 10} %`;
  return {
    json: { ...result, topicsColumn: column, minimumTopicSize: minimum },
    tables: [
      {
        title: `Topic impact on NPS — ${file}`,
        columns: [
          { name: 'topic' },
          { name: 'responses', kind: 'integer' },
          { name: 'share', kind: 'percent' },
          { name: 'NPS', kind: 'number' },
          { name: 'NPS without', kind: 'number' },
          { name: 'impact', kind: 'number' },
          { name: 'impact low', kind: 'number' },
          { name: 'impact high', kind: 'number' },
          { name: 'p-value' },
          { name: 'small sample' },
        ],
        rows: result.topics.map((topic) => [
          topic.topic,
          topic.responses,
          topic.share,
          topic.nps,
          topic.npsWithout ?? '',
          topic.impact ?? '',
          topic.interval?.low ?? '',
          topic.interval?.high ?? '',
          topic.pValue === null ? '' : pValueText(topic.pValue),
          topic.smallSample ? SMALL_MARK : '',
        ]),
      },
    ],
    notes: [
      `NPS of all ${result.responses.toLocaleString('en-US')} answers: ${Math.round(result.score * 100) / 100}; ${result.untagged.toLocaleString('en-US')} of them name no topic.`,
      `impact = NPS of all answers − NPS without the topic's answers: the points the topic costs (negative) or brings, with its ${level} interval. The p-values are per topic: among many topics, one may fall below 0.05 by chance.`,
      ...(marked ? [smallSampleNote(minimum, 'answers', true)] : []),
    ],
  };
}

export const topics: Command = {
  name: 'topics',
  summary: 'NPS points each topic of the comments costs or brings',
  usage: 'cs-metrics topics <file> [--column score] [--topics topics] [--survey nps] [--from 2024-01-01]',
  description:
    "Reads 0–10 answers and a column listing each answer's topics (separated by ';', as a person or a text model tagged the comment) and reports, for each topic, its answers, their NPS, the NPS of all the other answers, and the impact: the NPS of all answers less the NPS without the topic's answers, the points the topic costs (negative) or brings. Topics are listed most negative first; each impact has an interval and the p-value of the topic's answers against the rest. A file whose survey column holds several surveys needs --survey.",
  options: {
    ...SURVEY_READ_OPTIONS,
    topics: {
      type: 'string',
      value: 'name',
      default: 'topics',
      description: "the column listing each answer's topics",
    },
    separator: { type: 'string', value: 'char', default: ';', description: 'what separates the topics in a cell' },
    'minimum-topic-size': {
      type: 'string',
      value: 'n',
      default: String(MINIMUM_TOPIC_SIZE),
      description: 'a topic named by fewer answers is marked as a small sample',
    },
    ...FILE_OPTIONS,
  },
  flags: { confidence: '--confidence', minimumTopicSize: '--minimum-topic-size' },
  examples: [
    'cs-metrics topics examples/data/survey-responses.csv --survey nps',
    'cs-metrics topics examples/data/survey-responses.csv --survey nps --from 2024-04-01 --json',
    'cs-metrics topics answers.csv --column likelihood --topics tags --separator "|"',
  ],
  async run(context) {
    const file = inputFile(context);
    const column = stringOption(context, 'topics', 'topics');
    const separator = separatorOption(context);
    const options = {
      ...given('confidence', confidenceOption(context)),
      ...given('minimumTopicSize', minimumTopicSize(context)),
    };
    checkOptions(topics.flags, () => topicImpact({ responses: [{ score: 0 }] }, options));
    const tally = await tallyColumn(context, file, {
      column: stringOption(context, 'column', 'score'),
      scale: NPS_SCALE,
      noun: 'NPS answers',
      expected: 'nps',
      surveyColumn: stringOption(context, 'survey-column', 'survey'),
      survey: stringOption(context, 'survey'),
      dateColumn: stringOption(context, 'date-column', 'answeredAt'),
      window: dateWindow(context),
      by: undefined,
      topics: { column, separator },
    });
    const result = topicImpact({ responses: answersOf(tally.topicSets, separator) }, options);
    const output = topicsOutput(file, column, result, options.minimumTopicSize ?? MINIMUM_TOPIC_SIZE);
    const blank = tally.blank;
    return {
      ...output,
      json: { ...(output.json as object), blank },
      notes: [
        ...(output.notes ?? []),
        ...(blank > 0 ? [`${blank.toLocaleString('en-US')} blank answers were left out.`] : []),
      ],
      warnings: tally.warnings,
    };
  },
};

/** `{ [name]: value }`, or nothing when the option was not given (the library's default then applies). */
function given<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}
