// CSV for spreadsheets, written by csv-stringify: money rounded to its minor unit, other numbers with at most
// 15 significant digits, and text that a spreadsheet would run as a formula defused.
import { stringify } from 'csv-stringify/sync';
import type { Table } from '../output.js';
import { type ResolvedTable, resolveTable } from './cells.js';
import { plainNumber, type Rounding } from './money.js';

/**
 * A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
 * gets a leading `'`, as OWASP advises against CSV injection. Numbers are written as numbers.
 */
export function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvValue(value: unknown, kind: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(plainNumber(value));
  // Money arrives as a rounded decimal string: it is a number, not text.
  if (kind === 'money' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return value;
  return defuse(typeof value === 'object' ? JSON.stringify(value) : String(value));
}

function csvTable(table: ResolvedTable): string {
  return stringify([
    table.header.map((name) => defuse(name)),
    ...table.rows.map((row) => row.map((resolved) => csvValue(resolved.value, resolved.kind))),
  ]);
}

/** The tables as CSV, separated by a blank line. */
export function csvText(tables: readonly Table[], rounding: Rounding): string {
  return tables.map((table) => csvTable(resolveTable(table, rounding))).join('\n');
}
