// Rendering results: an aligned table for people (the default), JSON or CSV for machines. The views live in
// output/: money and its rounding, the resolved cells, the table, CSV and JSON writers.
import { csvText } from './output/csv.js';
import { jsonChunks } from './output/json.js';
import { DEFAULT_ROUNDING, type Rounding } from './output/money.js';
import { tableText } from './output/table.js';

export { cell, type KindedCell } from './output/cells.js';
export { DEFAULT_ROUNDING, ROUNDINGS, type Rounding } from './output/money.js';

/** How a column's values are shown in the table view. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'percent' | 'money';

/** A column of a table. */
export interface Column {
  readonly name: string;
  readonly kind?: ColumnKind;
  /** The ISO 4217 code of a money column: shown in its header, and sets the decimals its amounts keep. */
  readonly currency?: string | undefined;
}

/** A table of results. */
export interface Table {
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly unknown[])[];
}

/** Which numbers of a JSON result are money, and in which currency. */
export interface MoneyFields {
  /** ISO 4217 code, when known; without it amounts keep 2 decimals and no currency is stated. */
  readonly currency: string | undefined;
  /** Field names (`mrr`) or the end of a path of field names (`lifetimeValue.arpa`), at any depth. */
  readonly fields: readonly string[];
}

/** What a command produces: tables for people and CSV, the full result for JSON. */
export interface Output {
  readonly tables: readonly Table[];
  readonly json: unknown;
  /** The money in `json`, rounded to its currency's minor unit in the JSON view. */
  readonly money?: readonly MoneyFields[];
  /** Lines printed after the tables in the table view only (notes, definitions). */
  readonly notes?: readonly string[];
  /**
   * What the user must know whatever the format (a fit that did not converge, rows left out): printed on
   * stderr, one line each, so that piped output stays machine-readable.
   */
  readonly warnings?: readonly string[];
}

/** Output formats. */
export type OutputFormat = 'table' | 'json' | 'csv';

/**
 * Renders an output in a format, in pieces to be written in order (the JSON of a large result is produced
 * while it is written, never whole); money is rounded to its currency's minor unit with `rounding`.
 */
export function renderPieces(
  output: Output,
  format: OutputFormat,
  rounding: Rounding = DEFAULT_ROUNDING,
): Iterable<string> {
  if (format === 'json') return jsonChunks(output.json, output.money ?? [], rounding);
  if (format === 'csv') return [csvText(output.tables, rounding)];
  const notes = output.notes && output.notes.length > 0 ? `\n\n${output.notes.join('\n')}` : '';
  return [`${tableText(output.tables, rounding)}${notes}\n`];
}

/** Renders an output in a format as one text (see `renderPieces`). */
export function render(output: Output, format: OutputFormat, rounding: Rounding = DEFAULT_ROUNDING): string {
  return [...renderPieces(output, format, rounding)].join('');
}
