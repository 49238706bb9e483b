// The streamed read of the survey commands: one pass over the file that keeps the chosen survey and days,
// counts the values of the survey column so that surveys are never pooled silently, and tallies the scores
// in batches (overall, per calendar period, per segment and per segment and period), so that a file of any
// length is read in bounded memory: memory grows with the number of periods and segments, not of answers.
import { tallyScores } from '../../survey/index.js';
import { type CommandContext, cellValue, filteredRecords, locate } from '../command.js';
import { InputError, UsageError } from '../errors.js';
import {
  DateRange,
  dateOf,
  nothingLeft,
  type DateWindow,
  hasWindow,
  inWindow,
  type Period,
  periodOf,
} from '../periods.js';
import { checkSegmentColumn, missingSegmentProblem, NO_SEGMENT, type SegmentColumn, segmentOrder } from './segments.js';

const BATCH = 65_536;

/** A rating scale. */
export interface Scale {
  readonly min: number;
  readonly max: number;
}

/** What to read and keep. */
export interface TallyOptions {
  readonly column: string;
  readonly scale: Scale;
  /** What the answers are called in messages: `NPS answers`. */
  readonly noun: string;
  /** The survey name the command expects (`nps`), suggested first when a file mixes surveys. */
  readonly expected: string;
  readonly surveyColumn: string;
  readonly survey: string | undefined;
  readonly dateColumn: string;
  readonly window: DateWindow;
  readonly by: Period | undefined;
  /** With `--by COLUMN`: the column naming each answer's segment. */
  readonly segment?: SegmentColumn | undefined;
  /** For `topics`: the column listing each answer's topics, and what separates them. */
  readonly topics?: { readonly column: string; readonly separator: string } | undefined;
}

/** A file, or the part of it that the filters keep, that holds no answer to score. */
export class NothingToMeasure extends UsageError {}

/** Counts of a score column; blank cells are counted apart, never as a score. */
export interface Tally {
  readonly distribution: Record<number, number>;
  readonly blank: number;
  /** With `--by`: each period's distribution, in calendar order. */
  readonly periods: [string, Record<number, number>][];
  /** With `--by COLUMN`: each segment's distribution and periods, by name with `(none)` last. */
  readonly segments: SegmentTally[];
  /**
   * With `topics`: the distribution of the answers naming each set of topics, keyed by the distinct topics
   * in code-unit order joined by the separator (`''` for answers naming none).
   */
  readonly topicSets: [string, Record<number, number>][];
  readonly warnings: string[];
}

/** The counts of one segment's answers. */
export interface SegmentTally {
  readonly segment: string;
  readonly distribution: Record<number, number>;
  /** With a period in `--by` too: the segment's distribution in each period, in calendar order. */
  readonly periods: [string, Record<number, number>][];
}

/** Score counts per key (a period, a segment), each created on its key's first answer. */
class Counts {
  readonly byKey = new Map<string, Record<number, number>>();
  private lastKey: string | undefined;
  private last: Record<number, number> = {};

  constructor(private readonly scale: Scale) {}

  /** Counts one score, already checked on the scale by the batch's tally, under its key. */
  add(key: string, score: number): void {
    if (key !== this.lastKey) {
      let counts = this.byKey.get(key);
      if (counts === undefined) {
        counts = tallyScores([], this.scale);
        this.byKey.set(key, counts);
      }
      this.last = counts;
      this.lastKey = key;
    }
    this.last[score] = (this.last[score] as number) + 1;
  }

  /** The keys and their counts, by key. */
  sorted(): [string, Record<number, number>][] {
    return [...this.byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function addInto(total: Record<number, number>, counts: Readonly<Record<number, number>>): void {
  for (const [score, count] of Object.entries(counts)) total[Number(score)] = (total[Number(score)] ?? 0) + count;
}

function mixedSurveys(file: string, options: TallyOptions, surveys: Map<string, number>): UsageError {
  const list = [...surveys].map(
    ([name, count]) => `${name === '' ? '(blank)' : name} ${count.toLocaleString('en-US')}`,
  );
  const names = [...surveys.keys()]
    .filter((name) => name !== '')
    .sort((a, b) => Number(b.toLowerCase() === options.expected) - Number(a.toLowerCase() === options.expected));
  const flag = options.surveyColumn === 'survey' ? '--survey' : `--survey-column ${options.surveyColumn} --survey`;
  return new UsageError(
    `${file} holds ${surveys.size} surveys in column '${options.surveyColumn}' (${list.join(', ')}): add ${flag} ${names[0] ?? "''"} (or ${names.slice(1).join(', ')}) to score one`,
  );
}

/** Reads the file once and tallies the kept answers; refuses a file that mixes surveys without `--survey`. */
export async function tallyColumn(context: CommandContext, file: string, options: TallyOptions): Promise<Tally> {
  const { column, scale, surveyColumn, survey, dateColumn, window, by, segment, topics } = options;
  const dated = hasWindow(window) || by !== undefined;
  // Checks the scale before reading anything.
  const distribution = tallyScores([], scale);
  const periods = new Counts(scale);
  const surveys = new Map<string, number>();
  const range = new DateRange();
  let values: unknown[] = [];
  let locations: string[] = [];
  let keys: string[] = [];
  let segmentKeys: string[] = [];
  let topicKeys: string[] = [];
  const segments = new Counts(scale);
  const topicSets = new Counts(scale);
  // Each segment's periods: one more lookup a score, rather than a key joined from both.
  const segmentPeriods = new Map<string, Counts>();
  let blank = 0;
  const flush = () => {
    addInto(
      distribution,
      locate(file, locations, { '': column }, () => tallyScores(values as number[], scale)),
    );
    // The batch's tally above has checked every score: the groups count them directly.
    const scores = values as number[];
    if (by !== undefined) for (let i = 0; i < scores.length; i++) periods.add(keys[i] as string, scores[i] as number);
    if (topics !== undefined) {
      for (let i = 0; i < scores.length; i++) topicSets.add(topicKeys[i] as string, scores[i] as number);
    }
    if (segment !== undefined) {
      for (let i = 0; i < scores.length; i++) {
        const name = segmentKeys[i] as string;
        segments.add(name, scores[i] as number);
        if (by === undefined) continue;
        let own = segmentPeriods.get(name);
        if (own === undefined) {
          own = new Counts(scale);
          segmentPeriods.set(name, own);
        }
        own.add(keys[i] as string, scores[i] as number);
      }
    }
    values = [];
    locations = [];
    keys = [];
    segmentKeys = [];
    topicKeys = [];
  };
  const required = [
    column,
    ...(survey === undefined ? [] : [surveyColumn]),
    ...(dated ? [dateColumn] : []),
    ...(topics === undefined ? [] : [topics.column]),
  ];
  let first = true;
  for await (const record of filteredRecords(context, file, required)) {
    const { fields } = record;
    if (first && segment !== undefined) checkSegmentColumn(context, file, record, segment);
    first = false;
    if (survey !== undefined && String(fields[surveyColumn] ?? '') !== survey) continue;
    let key = '';
    if (dated) {
      const time = dateOf(
        file,
        record,
        dateColumn,
        '(--from, --to and --by read it; name another column with --date-column)',
      );
      range.add(time);
      if (!inWindow(window, time)) continue;
      if (by !== undefined) key = periodOf(time, by);
    }
    if (survey === undefined && Object.hasOwn(fields, surveyColumn)) {
      const name = String(fields[surveyColumn] ?? '');
      surveys.set(name, (surveys.get(name) ?? 0) + 1);
      // Once two surveys are seen the answers cannot be scored: the rest of the read only counts them.
      if (surveys.size > 1) continue;
    }
    const raw = fields[column];
    if (raw === undefined || raw === null || raw === '') {
      blank++;
      continue;
    }
    if (segment !== undefined) {
      const cell = fields[segment.column];
      const name = cell === undefined || cell === null ? '' : String(cell);
      if (name === '' && !segment.group) {
        throw new InputError(file, record.location, segment.column, missingSegmentProblem(segment, 'answer'));
      }
      segmentKeys.push(name === '' ? NO_SEGMENT : name);
    }
    if (topics !== undefined) topicKeys.push(topicSet(fields[topics.column], topics.separator));
    values.push(cellValue(raw));
    locations.push(record.location);
    keys.push(key);
    if (values.length === BATCH) flush();
  }
  if (surveys.size > 1) throw mixedSurveys(file, options, surveys);
  flush();
  const responses = Object.values(distribution).reduce((sum, count) => sum + count, 0);
  if (responses === 0) {
    const dates = hasWindow(window) ? range.describe() : undefined;
    const flags = [...(survey === undefined ? [] : [`--survey ${survey}`]), ...window.flags];
    throw new NothingToMeasure(
      `${nothingLeft(context, file, options.noun, flags)}${blank > 0 ? `, only ${blank.toLocaleString('en-US')} blank answers` : ''}${dates === undefined ? '' : `; its answers are dated ${dates}`}`,
    );
  }
  return {
    distribution,
    blank,
    periods: periods.sorted(),
    segments: segmentOrder([...segments.byKey.keys()]).map((name) => ({
      segment: name,
      distribution: segments.byKey.get(name) as Record<number, number>,
      periods: segmentPeriods.get(name)?.sorted() ?? [],
    })),
    topicSets: topicSets.sorted(),
    warnings: hasWindow(window) ? range.warnings(window, 'answers') : [],
  };
}

/** An answer's topics as the key of its set: distinct, trimmed, blanks left out, in code-unit order. */
function topicSet(cell: unknown, separator: string): string {
  if (cell === undefined || cell === null) return '';
  const names = new Set<string>();
  for (const part of String(cell).split(separator)) {
    const name = part.trim();
    if (name !== '') names.add(name);
  }
  return [...names].sort().join(separator);
}
