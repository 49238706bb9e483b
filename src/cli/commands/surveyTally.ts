// The streamed read of the survey commands: one pass over the file that keeps the chosen survey and days,
// counts the values of the survey column so that surveys are never pooled silently, and tallies the scores
// in batches (overall and per calendar period), so that a file of any length is read in bounded memory.
import { tallyScores } from '../../survey/index.js';
import { type CommandContext, cellValue, filteredRecords, locate } from '../command.js';
import { UsageError } from '../errors.js';
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
}

/** A file, or the part of it that the filters keep, that holds no answer to score. */
export class NothingToMeasure extends UsageError {}

/** Counts of a score column; blank cells are counted apart, never as a score. */
export interface Tally {
  readonly distribution: Record<number, number>;
  readonly blank: number;
  /** With `--by`: each period's distribution, in calendar order. */
  readonly periods: [string, Record<number, number>][];
  readonly warnings: string[];
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
  const { column, scale, surveyColumn, survey, dateColumn, window, by } = options;
  const dated = hasWindow(window) || by !== undefined;
  // Checks the scale before reading anything.
  const distribution = tallyScores([], scale);
  const periods = new Map<string, Record<number, number>>();
  const surveys = new Map<string, number>();
  const range = new DateRange();
  let values: unknown[] = [];
  let locations: string[] = [];
  let keys: string[] = [];
  let blank = 0;
  const flush = () => {
    addInto(
      distribution,
      locate(file, locations, { '': column }, () => tallyScores(values as number[], scale)),
    );
    if (by !== undefined) {
      const groups = new Map<string, number[]>();
      keys.forEach((key, index) => {
        const group = groups.get(key) ?? [];
        group.push(values[index] as number);
        groups.set(key, group);
      });
      for (const [key, group] of groups) {
        const counts = periods.get(key) ?? tallyScores([], scale);
        addInto(counts, tallyScores(group, scale));
        periods.set(key, counts);
      }
    }
    values = [];
    locations = [];
    keys = [];
  };
  const required = [column, ...(survey === undefined ? [] : [surveyColumn]), ...(dated ? [dateColumn] : [])];
  for await (const record of filteredRecords(context, file, required)) {
    const { fields } = record;
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
    periods: [...periods].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    warnings: hasWindow(window) ? range.warnings(window, 'answers') : [],
  };
}
