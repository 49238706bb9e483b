// What a command is, and the helpers commands share: option parsing, reading a column of a file, turning
// library errors about an element into file, line and column.
import { isMetricError } from '../index.js';
import { cellValue, delimiterOption } from './cells.js';
import { ABSENT, type Column, type ColumnKind, createColumn, Locations, lazyArray } from './columns.js';
import { epochOf } from './dates.js';
import { InputError, UsageError } from './errors.js';
import type { FlagNames } from './flags.js';
import type { Output } from './output.js';
import type { Progress } from './progress.js';
import { formatOf, type InputRecord, readRecords } from './records.js';

/** An option of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  readonly description: string;
  /** Shown in the help as the default. */
  readonly default?: string;
  /** Shown in the help after the option name: `--column <name>`. */
  readonly value?: string;
}

/** The parsed arguments a command runs with. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly progress: Progress | undefined;
  /** Prints a warning after the result (what was guessed about an input file). */
  readonly warn?: ((message: string) => void) | undefined;
}

/** A command of the command line. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /**
   * Library option names → the flags that set them, so that errors name the flag: the one map the command's
   * messages about options are worded from (see `flags.ts`).
   */
  readonly flags?: FlagNames;
  run(context: CommandContext): Promise<Output>;
}

/** Options every command that reads a file accepts. */
export const FILE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', value: 'csv|json|jsonl', description: 'input format (default: from the file extension)' },
  delimiter: {
    type: 'string',
    value: 'char',
    description: "CSV delimiter: one character, or 'tab' (default: detected among , ; tab and |)",
  },
  'decimal-comma': {
    type: 'boolean',
    description: 'CSV numbers are written 1.234,56 (default: detected in semicolon files)',
  },
  progress: { type: 'boolean', description: 'show the progress line on a terminal, even for a short read' },
  'no-progress': { type: 'boolean', description: 'never show the progress line' },
  where: {
    type: 'string',
    multiple: true,
    value: 'column=value',
    description: 'keep only records whose column equals the value (repeatable; all must match)',
  },
};

/** A string option's value, or its default. */
export function stringOption(context: CommandContext, name: string, fallback: string): string;
export function stringOption(context: CommandContext, name: string): string | undefined;
export function stringOption(context: CommandContext, name: string, fallback?: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : fallback;
}

function isChoice<const C extends readonly string[]>(choices: C, value: string): value is C[number] {
  return (choices as readonly string[]).includes(value);
}

/** An option with a fixed set of values (`--period month|week|quarter`), or undefined when not given. */
export function choiceOption<const C extends readonly string[]>(
  context: CommandContext,
  name: string,
  choices: C,
): C[number] | undefined {
  const value = stringOption(context, name);
  if (value === undefined || isChoice(choices, value)) return value;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')}, not '${value}'`);
}

/** A numeric option (`--confidence 0.9`), validated as a finite number. */
export function numberOption(context: CommandContext, name: string): number | undefined {
  const text = stringOption(context, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not '${text}'`);
  return value;
}

/** The single input file of a command. */
export function inputFile(context: CommandContext): string {
  const [file, ...rest] = context.positionals;
  if (file === undefined) throw new UsageError('an input file is required');
  if (rest.length > 0) throw new UsageError(`one input file is expected, not ${context.positionals.length}`);
  return file;
}

/** `--where column=value` filters. */
export function whereFilters(context: CommandContext): [string, string][] {
  const raw = context.values.where;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  return list.map((text) => {
    const at = text.indexOf('=');
    if (at <= 0) throw new UsageError(`--where must be column=value, not '${text}'`);
    return [text.slice(0, at), text.slice(at + 1)];
  });
}

export { cellValue };

function ownField(record: InputRecord, name: string): unknown {
  return Object.hasOwn(record.fields, name) ? record.fields[name] : undefined;
}

/** Records of the command's input file that pass its `--where` filters, checking that columns exist. */
export async function* filteredRecords(
  context: CommandContext,
  file: string,
  required: readonly string[],
  keep: (record: InputRecord) => boolean = () => true,
): AsyncGenerator<InputRecord> {
  const filters = whereFilters(context);
  const format = stringOption(context, 'format');
  const quiet = context.values['no-progress'] === true;
  if (quiet && context.values.progress === true) throw new UsageError('choose one of --progress and --no-progress');
  const progress = quiet || context.progress === undefined ? undefined : context.progress;
  const always = context.values.progress === true;
  let first = true;
  for await (const record of readRecords(file, {
    format,
    delimiter: delimiterOption(stringOption(context, 'delimiter')),
    decimalComma: context.values['decimal-comma'] === true ? true : undefined,
    progress: progress && always ? { ...progress, start: (name, size) => progress.start(name, size, true) } : progress,
    warn: context.warn,
  })) {
    if (first) {
      first = false;
      const columns = Object.keys(record.fields);
      const csv = formatOf(file, format) === 'csv';
      for (const name of [...required, ...filters.map(([column]) => column)]) {
        if (csv && !Object.hasOwn(record.fields, name)) {
          throw new UsageError(`${file} has no column '${name}' (its columns: ${columns.join(', ')})`);
        }
      }
    }
    if (filters.every(([column, value]) => String(ownField(record, column) ?? '') === value) && keep(record))
      yield record;
  }
}

/**
 * Runs a library call on a batch of values taken from records, turning an error about element `i` of the
 * batch (`path: [field, i, key?]`) into the file, location and column it came from. `columns` maps the
 * library's keys to the file's column names (`''` names the column of a plain list of values).
 */
export function locate<T>(
  file: string,
  locations: { at(index: number): string | undefined },
  columns: Readonly<Record<string, string>>,
  call: () => T,
): T {
  try {
    return call();
  } catch (error) {
    if (!isMetricError(error)) throw error;
    const issue = error.issues[0];
    const index = issue?.path[1];
    if (issue === undefined || typeof index !== 'number') throw error;
    const key = issue.path[2];
    // A segment attribute (`attributes.plan`) is read from the column of its name.
    const attribute = key === 'attributes' ? issue.path[3] : undefined;
    const column =
      typeof attribute === 'string' ? attribute : typeof key === 'string' ? (columns[key] ?? key) : columns[''];
    throw new InputError(file, locations.at(index), column, `${column ?? 'value'} ${issue.reason}`);
  }
}

/** How a field of a library record is read from a column. */
export interface FieldSpec {
  /** The column it is read from by default (rename with `--map field=column`). */
  readonly column: string;
  /**
   * `'text'` keeps the cell as written; `'number'` reads a numeric cell; `'money'` and `'date'` are cells
   * kept as written too, stored compactly as numbers where the number is exactly the same value for the
   * library (see `columns.ts`).
   */
  readonly kind?: 'text' | 'number' | 'boolean' | 'money' | 'date';
  /** Whether the column must exist. Blank cells of optional fields are left out of the record. */
  readonly required?: boolean;
}

/** The keys of `T` that may be left out. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/**
 * How each field of a library record `T` is read: every field of `T` that the library requires has a spec
 * with `required: true`, an optional one may have a spec. TypeScript checks the names against the library's
 * own input type, so a renamed field breaks the build, not a run.
 */
export type FieldSpecs<T> = { readonly [K in Exclude<keyof T, OptionalKeys<T>>]-?: FieldSpec & { required: true } } & {
  readonly [K in OptionalKeys<T>]?: FieldSpec;
};

/** A file read into library records, with where each came from. */
export interface LoadedRecords<T> {
  readonly file: string;
  readonly length: number;
  /**
   * The records, typed as the library takes them, as an array whose elements are built when read (the
   * library's bulk functions read each once). Their values are the cells as read (text, or numbers and
   * booleans where the spec says so; money and dates may be numbers of the same value): the library checks
   * them and names the field of a bad one.
   */
  readonly records: readonly T[];
  /** Record `index`, built anew on each call, without the fields in `leave`. */
  record(index: number, leave?: ReadonlySet<string>): T;
  /** The cell of `field` in record `index` as the library gets it; undefined when left out. */
  value(field: keyof T & string, index: number): unknown;
  readonly locations: Locations;
  /** Library field → column name, for error messages. */
  readonly columns: Record<string, string>;
}

export const MAP_OPTION: Readonly<Record<string, OptionSpec>> = {
  map: {
    type: 'string',
    multiple: true,
    value: 'field=column',
    description: 'read a field from a column of another name (repeatable), e.g. --map customerId=account_id',
  },
};

function columnMap(
  context: CommandContext,
  fields: Readonly<Record<string, FieldSpec | undefined>>,
): Record<string, string> {
  const columns: Record<string, string> = Object.assign(
    Object.create(null),
    Object.fromEntries(
      Object.entries(fields).flatMap(([field, spec]) => (spec === undefined ? [] : [[field, spec.column]])),
    ),
  );
  const raw = context.values.map;
  for (const text of Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []) {
    const at = text.indexOf('=');
    const field = text.slice(0, at);
    if (at <= 0 || !Object.hasOwn(fields, field)) {
      throw new UsageError(
        `--map must be field=column with a field among ${Object.keys(fields).join(', ')}, not '${text}'`,
      );
    }
    columns[field] = text.slice(at + 1);
  }
  return columns;
}

function readCell(value: unknown, kind: FieldSpec['kind']): unknown {
  if (kind === 'number') return cellValue(value);
  if (kind === 'boolean' && typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'yes' || text === '1') return true;
    if (text === 'false' || text === 'no' || text === '0') return false;
  }
  return value;
}

const COLUMN_KINDS: Readonly<Record<NonNullable<FieldSpec['kind']>, ColumnKind>> = {
  text: 'value',
  boolean: 'value',
  number: 'number',
  money: 'money',
  date: 'date',
};

/**
 * Reads a whole file into records of the library type `T`, leaving blank optional cells out. The cells are
 * what the file holds: the one place they are given the library's type is here, and the library validates
 * each record it is given. They are kept in compact columns (see `columns.ts`), not as objects.
 */
export async function loadRecords<T>(
  context: CommandContext,
  file: string,
  fieldSpecs: FieldSpecs<T>,
  keep?: (record: InputRecord) => boolean,
  attributes: readonly string[] = [],
): Promise<LoadedRecords<T>> {
  const fields = fieldSpecs as Readonly<Record<string, FieldSpec | undefined>>;
  const columns = columnMap(context, fields);
  const specs = Object.entries(fields).flatMap(([field, spec]) =>
    spec === undefined ? [] : [{ field, spec, column: columns[field] as string }],
  );
  const required = [...specs.filter(({ spec }) => spec.required).map(({ column }) => column), ...attributes];
  // Segment columns (`--by plan`) become each record's `attributes`; a blank cell leaves the attribute out.
  const named = attributes.map((column) => ({ column, cells: createColumn('value') }));
  const store = new Map<string, Column>(
    specs.map(({ field, spec }) => [field, createColumn(COLUMN_KINDS[spec.kind ?? 'text'])]),
  );
  const stored = specs.map(({ field, spec, column }) => ({ field, spec, column, cells: store.get(field) as Column }));
  const locations = new Locations();
  for await (const row of filteredRecords(context, file, required, keep)) {
    for (const { spec, column, cells } of stored) {
      const value = row.fields[column];
      if (value === undefined || value === null || value === '') cells.push(spec.required ? undefined : ABSENT);
      else cells.push(readCell(value, spec.kind));
    }
    for (const { column, cells } of named) {
      const value = row.fields[column];
      cells.push(value === undefined || value === null || value === '' ? ABSENT : String(value));
    }
    locations.push(row.location);
  }
  const record = (index: number, leave?: ReadonlySet<string>): T => {
    const built: Record<string, unknown> = {};
    for (const { field, cells } of stored) {
      if (leave?.has(field)) continue;
      const value = cells.get(index);
      if (value !== ABSENT) built[field] = value;
    }
    if (named.length > 0 && !leave?.has('attributes')) {
      const values: Record<string, string> = {};
      for (const { column, cells } of named) {
        const value = cells.get(index);
        if (value !== ABSENT) values[column] = value as string;
      }
      built.attributes = values;
    }
    return built as T;
  };
  const value = (field: keyof T & string, index: number): unknown => {
    const cell = store.get(field)?.get(index);
    return cell === ABSENT ? undefined : cell;
  };
  const length = locations.length;
  return { file, length, records: lazyArray(length, record), record, value, locations, columns };
}

/**
 * A month option (`--from 2024-01`), `YYYY-MM`; a day (`--to 2024-12-31`, the form the other commands take)
 * stands for the month it falls in. Returns `YYYY-MM`.
 */
export function monthOption(context: CommandContext, name: string): string | undefined {
  const text = stringOption(context, name);
  if (text === undefined) return undefined;
  const month = /^\d{4}-(\d{2})$/.exec(text) ?? /^\d{4}-(\d{2})-\d{2}$/.exec(text);
  const valid = month !== null && Number(month[1]) >= 1 && Number(month[1]) <= 12;
  if (!valid || (text.length === 10 && Number.isNaN(epochOf(text)))) {
    throw new UsageError(`--${name} must be a month written YYYY-MM (or a day, YYYY-MM-DD), not '${text}'`);
  }
  return text.slice(0, 7);
}
