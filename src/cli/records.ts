// Reading input files as a stream of records: CSV (csv-parse), JSON Lines, or a JSON array. Every record
// carries the line it starts on, so a bad value can be reported as file, line and column.
import { createReadStream, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { decimalCommaCell, hasDecimalCommas, sniffDelimiter } from './cells.js';
import { type EncodingState, utf8Chunks } from './encoding.js';
import { InputError, UsageError } from './errors.js';
import { jsonArrayElements } from './jsonArray.js';
import type { Progress } from './progress.js';

/** One input record: its fields (strings from CSV, any JSON value otherwise) and where it is. */
export interface InputRecord {
  /** `line 12` (CSV, JSON Lines) or `record 12` (JSON array). */
  readonly location: string;
  /** The record's own fields, in an object without a prototype (`constructor` is not a field). */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Input formats the command line reads. */
export type InputFormat = 'csv' | 'json' | 'jsonl';

/** How a file is read. */
export interface ReadOptions {
  readonly format?: string | undefined;
  /** The CSV delimiter; sniffed from the file's beginning when not given. */
  readonly delimiter?: string | undefined;
  /** Whether CSV numbers are written with decimal commas; `undefined` decides from a semicolon file's cells. */
  readonly decimalComma?: boolean | undefined;
  readonly progress?: Progress | undefined;
  /** Told what was guessed about the file (its text encoding), once, in one line. */
  readonly warn?: ((message: string) => void) | undefined;
}

/** The format of a file from its option or its extension. */
export function formatOf(file: string, given: string | undefined): InputFormat {
  const format = (given ?? extname(file).slice(1)).toLowerCase();
  if (format === 'csv' || format === 'tsv' || format === 'txt') return 'csv';
  if (format === 'json') return 'json';
  if (format === 'jsonl' || format === 'ndjson') return 'jsonl';
  throw new UsageError(`cannot tell the format of ${file}: use --format csv, json or jsonl`);
}

/** An error of the file system as one line for the user. */
export function fileError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new UsageError(`cannot read ${file}: no such file`);
  if (code === 'EISDIR') return new UsageError(`cannot read ${file}: it is a folder; give the path of a file`);
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`cannot read ${file}: permission denied`);
  if (typeof code === 'string') return new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  return error as Error;
}

/** Streams the records of a file. */
export async function* readRecords(file: string, options: ReadOptions = {}): AsyncGenerator<InputRecord> {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    throw fileError(file, error);
  }
  const format = formatOf(file, options.format);
  const { progress } = options;
  progress?.start(file, size);
  const records =
    format === 'json'
      ? jsonArray(file, progress)
      : format === 'jsonl'
        ? jsonLines(file, progress)
        : csvRecords(file, options);
  for await (const record of records) {
    progress?.record();
    yield record;
  }
  progress?.done();
}

/** The file's bytes, with the file system's errors (missing, a folder, unreadable) as one-line errors. */
async function* chunks(file: string, progress: Progress | undefined): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(file)) {
      progress?.advance((chunk as Buffer).length);
      yield chunk as Buffer;
    }
  } catch (error) {
    throw fileError(file, error);
  }
}

const HEAD_BYTES = 64 * 1024;

/** Takes the file's first chunks (enough to sniff) and a stream of the whole file, those chunks included. */
async function head(source: AsyncGenerator<Buffer>): Promise<{ head: Buffer; complete: boolean; all: Readable }> {
  const taken: Buffer[] = [];
  let length = 0;
  let complete = false;
  while (length < HEAD_BYTES) {
    const next = await source.next();
    if (next.done) {
      complete = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  async function* all() {
    yield* taken;
    yield* source;
  }
  return { head: Buffer.concat(taken), complete, all: Readable.from(all(), { objectMode: false }) };
}

function headText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\ufeff/, '');
}

function breaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

const shownDelimiter = (delimiter: string) => (delimiter === '\t' ? 'tab' : `'${delimiter}'`);

/** A CSV error of csv-parse in the command line's words. */
function csvProblem(error: Error & { code?: string }, delimiter: string): string {
  const shown = shownDelimiter(delimiter);
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed: add the missing quote';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
    return `a closing quote must be followed by the delimiter ${shown} or the end of the line: double a quote inside a quoted field ("")`;
  return `is not valid CSV: ${error.message.replace(/ (at|on) line \d+/, '')}`;
}

async function* csvRecords(file: string, options: ReadOptions): AsyncGenerator<InputRecord> {
  const encoding: EncodingState = { encoding: undefined, invalid: false };
  const windows = () =>
    options.warn?.(`${file} is not UTF-8: read as Windows-1252, the encoding of Excel's "CSV" on Western Windows`);
  const start = await head(utf8Chunks(chunks(file, options.progress), encoding, windows));
  const text = headText(start.head);
  const delimiter = options.delimiter ?? sniffDelimiter(text, start.complete);
  const decimalComma =
    options.decimalComma ??
    (options.delimiter === undefined && delimiter === ';' && hasDecimalCommas(text, delimiter, start.complete));
  // A broken record is skipped by csv-parse, which says how many records came before it: the error is
  // raised once those are read, so it names the line the broken record starts on.
  let failure: { error: Error & { code?: string }; after: number } | undefined;
  const parser = parse({
    bom: true,
    trim: delimiter !== ' ',
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (error: Error & { records: number }) => {
    failure ??= { error, after: error.records };
  });
  const done = pipeline(start.all, parser).catch(() => {
    // The parser is destroyed with the same error, which its reader below reports.
  });
  let names: (string | undefined)[] | undefined;
  // csv-parse counts a CRLF inside a quoted field as two lines: lines are counted here instead, empty
  // lines included (they reach this loop as records of one empty cell).
  let line = 1;
  let read = 0;
  const failed = () => {
    const error = failure?.error as Error & { code?: string };
    return new InputError(file, `line ${line}`, undefined, csvProblem(error, delimiter));
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (failure !== undefined && read === failure.after) throw failed();
      read++;
      const at = line;
      for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) line += breaks(cell);
      line++;
      if (record.length === 1 && record[0] === '') continue;
      if (names === undefined) {
        names = header(file, record);
        continue;
      }
      if (encoding.invalid && record.some((cell) => cell.includes('\ufffd'))) {
        encoding.invalid = false;
        options.warn?.(`${file}, line ${at}: bytes that are not UTF-8 are read as '\ufffd': save the file as UTF-8`);
      }
      const fields = recordFields(file, at, names, record, delimiter, decimalComma);
      if (fields !== undefined) yield { location: `line ${at}`, fields };
    }
    if (failure !== undefined) throw failed();
  } finally {
    parser.destroy();
    await done;
  }
}

/** The header's column names; a blank name leaves its column out, a repeated one is refused. */
function header(file: string, record: readonly string[]): (string | undefined)[] {
  const seen = new Set<string>();
  return record.map((cell, index) => {
    const name = cell.trim();
    if (name === '') return undefined;
    if (seen.has(name)) {
      throw new UsageError(
        `${file} has the column '${name}' twice (columns ${record.indexOf(cell) + 1} and ${index + 1}): rename one`,
      );
    }
    seen.add(name);
    return name;
  });
}

function recordFields(
  file: string,
  line: number,
  names: readonly (string | undefined)[],
  record: readonly string[],
  delimiter: string,
  decimalComma: boolean,
): Record<string, string> | undefined {
  // Spreadsheets end files with rows of empty cells (`,,,`): they are not records.
  if (record.every((cell) => cell === '')) return undefined;
  if (
    record.length !== names.length &&
    !(record.length > names.length && record.slice(names.length).every((c) => c === ''))
  ) {
    const shown = shownDelimiter(delimiter);
    throw new InputError(
      file,
      `line ${line}`,
      undefined,
      `has ${record.length} field${record.length === 1 ? '' : 's'} where the header has ${names.length}: a field holding the delimiter ${shown} must be quoted ("…"), or give --delimiter`,
    );
  }
  const fields: Record<string, string> = Object.create(null);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === undefined) continue;
    const cell = record[i] as string;
    fields[name] = decimalComma ? decimalCommaCell(cell) : cell;
  }
  return fields;
}

function ownFields(value: object): Record<string, unknown> {
  return Object.assign(Object.create(null), value);
}

async function* jsonLines(file: string, progress: Progress | undefined): AsyncGenerator<InputRecord> {
  const decoder = new StringDecoder('utf8');
  let line = 0;
  let rest = '';
  const parseLine = (raw: string): InputRecord | undefined => {
    line++;
    const text = (line === 1 ? raw.replace(/^\ufeff/, '') : raw).replace(/\r$/, '');
    if (text.trim() === '') return undefined;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, `line ${line}`, undefined, `is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(file, `line ${line}`, undefined, 'must hold one JSON object per line');
    }
    return { location: `line ${line}`, fields: ownFields(value) };
  };
  for await (const chunk of chunks(file, progress)) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() as string;
    for (const text of lines) {
      const record = parseLine(text);
      if (record) yield record;
    }
  }
  const record = parseLine(rest + decoder.end());
  if (record) yield record;
}

async function* jsonArray(file: string, progress: Progress | undefined): AsyncGenerator<InputRecord> {
  for await (const { index, value } of jsonArrayElements(file, chunks(file, progress))) {
    yield { location: `record ${index}`, fields: ownFields(value) };
  }
}
