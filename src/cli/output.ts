// Rendering results: an aligned table for people (the default), JSON or CSV for machines.

/** How a column's values are shown in the table view (CSV and JSON always carry the raw value). */
export type ColumnKind = 'text' | 'integer' | 'number' | 'percent' | 'money';

/** A column of a table. */
export interface Column {
  readonly name: string;
  readonly kind?: ColumnKind;
}

/** A table of results. */
export interface Table {
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly unknown[])[];
}

/** What a command produces: tables for people and CSV, the full result for JSON. */
export interface Output {
  readonly tables: readonly Table[];
  readonly json: unknown;
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

/** A cell with its own display kind, for key/value tables whose rows differ in kind. */
export interface KindedCell {
  readonly value: unknown;
  readonly kind: ColumnKind;
}

const KINDED = Symbol('kinded');

/** Tags a value with how to show it in the table view (CSV and JSON keep the raw value). */
export function cell(value: unknown, kind: ColumnKind): KindedCell {
  return { value, kind, [KINDED]: true } as KindedCell;
}

function isKinded(value: unknown): value is KindedCell {
  return typeof value === 'object' && value !== null && KINDED in value;
}

function show(value: unknown, kind: ColumnKind | undefined): string {
  if (isKinded(value)) return show(value.value, value.kind);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value !== 'number') return String(value);
  switch (kind) {
    case 'integer':
      return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
    case 'percent':
      return `${(value * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    case 'money':
      return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'number':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}

function renderTable(table: Table): string {
  const header = table.columns.map((column) => column.name);
  const body = table.rows.map((row) => table.columns.map((column, index) => show(row[index], column.kind)));
  const widths = header.map((name, index) =>
    body.reduce((widest, row) => Math.max(widest, (row[index] ?? '').length), name.length),
  );
  const numeric = table.columns.map(
    (column, index) =>
      (column.kind !== undefined && column.kind !== 'text') ||
      table.rows.some((row) => isKinded(row[index]) && (row[index] as KindedCell).kind !== 'text'),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => (numeric[index] ? cell.padStart(widths[index] ?? 0) : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [...(table.title ? [table.title] : []), line(header), rule, ...body.map(line)].join('\n');
}

function csvCell(value: unknown): string {
  if (isKinded(value)) return csvCell(value.value);
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Renders an output in a format. */
export function render(output: Output, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(output.json, null, 2)}\n`;
  if (format === 'csv') {
    return `${output.tables
      .map((table) =>
        [table.columns.map((column) => csvCell(column.name)), ...table.rows.map((row) => row.map(csvCell))]
          .map((cells) => cells.join(','))
          .join('\n'),
      )
      .join('\n\n')}\n`;
  }
  const notes = output.notes && output.notes.length > 0 ? `\n\n${output.notes.join('\n')}` : '';
  return `${output.tables.map(renderTable).join('\n\n')}${notes}\n`;
}
