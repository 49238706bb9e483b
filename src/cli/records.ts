// Reading input files as a stream of records: CSV (csv-parse), JSON Lines, or a JSON array. Every record
// carries the line it starts on, so a bad value can be reported as file, line and column.
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { InputError, UsageError } from './errors.js';
import type { Progress } from './progress.js';

/** One input record: its fields (strings from CSV, any JSON value otherwise) and where it is. */
export interface InputRecord {
  /** `line 12` (CSV, JSON Lines) or `record 12` (JSON array). */
  readonly location: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** Input formats the command line reads. */
export type InputFormat = 'csv' | 'json' | 'jsonl';

/** The format of a file from its option or its extension. */
export function formatOf(file: string, given: string | undefined): InputFormat {
  const format = (given ?? extname(file).slice(1)).toLowerCase();
  if (format === 'csv' || format === 'tsv' || format === 'txt') return 'csv';
  if (format === 'json') return 'json';
  if (format === 'jsonl' || format === 'ndjson') return 'jsonl';
  throw new UsageError(`cannot tell the format of ${file}: use --format csv, json or jsonl`);
}

/** Streams the records of a file. The delimiter of a CSV is detected from its header (comma, semicolon, tab). */
export async function* readRecords(
  file: string,
  options: { format?: string | undefined; delimiter?: string | undefined; progress?: Progress | undefined } = {},
): AsyncGenerator<InputRecord> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  const format = formatOf(file, options.format);
  options.progress?.start(file, size);
  if (format === 'json') {
    yield* jsonArray(file);
  } else if (format === 'jsonl') {
    yield* jsonLines(file, options.progress);
  } else {
    yield* csvRecords(file, options.delimiter, options.progress);
  }
  options.progress?.done();
}

async function* csvRecords(file: string, delimiter: string | undefined, progress: Progress | undefined) {
  const stream = createReadStream(file);
  if (progress) stream.on('data', (chunk) => progress.advance(chunk.length));
  const parser = stream.pipe(
    parse({
      columns: (header: string[]) => header.map((name) => name.trim()),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      delimiter: delimiter ?? [',', ';', '\t'],
      relax_column_count: false,
      on_record: (record: Record<string, string>, context: { lines: number }) => ({
        location: `line ${context.lines}`,
        fields: record,
      }),
    }),
  );
  try {
    for await (const record of parser) yield record as InputRecord;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new InputError(
      file,
      lines === undefined ? undefined : `line ${lines}`,
      undefined,
      `is not valid CSV: ${(error as Error).message}`,
    );
  }
}

async function* jsonLines(file: string, progress: Progress | undefined) {
  const stream = createReadStream(file);
  if (progress) stream.on('data', (chunk) => progress.advance(chunk.length));
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(file, `line ${line}`, undefined, `is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(file, `line ${line}`, undefined, 'must hold one JSON object per line');
    }
    yield { location: `line ${line}`, fields: value as Record<string, unknown> };
  }
}

async function* jsonArray(file: string) {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new InputError(file, undefined, undefined, `is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new InputError(file, undefined, undefined, 'must hold a JSON array of records');
  for (const [index, item] of value.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new InputError(file, `record ${index + 1}`, undefined, 'must be a JSON object');
    }
    yield { location: `record ${index + 1}`, fields: item as Record<string, unknown> };
  }
}
