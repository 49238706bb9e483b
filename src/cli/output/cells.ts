// The cells of a table as the table and CSV views see them: each with its kind and currency, money rounded
// once, and the currency written beside the name of what it measures (a column header, or the label of a
// row in a measure/value table).
import type { Column, ColumnKind, Table } from '../output.js';
import { type Rounding, roundMoney } from './money.js';

/** A cell with its own display kind, for key/value tables whose rows differ in kind. */
export interface KindedCell {
  readonly value: unknown;
  readonly kind: ColumnKind;
  /** The ISO 4217 code of a money cell. */
  readonly currency?: string | undefined;
}

const KINDED = Symbol('kinded');

/**
 * Tags a value with how to show it in the table view; a money cell also names its currency, which is shown
 * beside the row's label and sets how many decimals the amount keeps in every format.
 */
export function cell(value: unknown, kind: ColumnKind, currency?: string): KindedCell {
  return { value, kind, ...(currency === undefined ? {} : { currency }), [KINDED]: true } as KindedCell;
}

/** Whether a value was made by {@link cell}. */
export function isKinded(value: unknown): value is KindedCell {
  return typeof value === 'object' && value !== null && KINDED in value;
}

/** A cell resolved for rendering. */
export interface Resolved {
  /** The value: money rounded to its minor unit as a decimal string, anything else as given. */
  readonly value: unknown;
  readonly kind: ColumnKind | undefined;
}

/** A table with its headers and cells resolved. */
export interface ResolvedTable {
  readonly title: string | undefined;
  readonly header: readonly string[];
  /** Whether the table is a measure/value table (it holds cells tagged by `cell`): its first column labels rows. */
  readonly labelled: boolean;
  /** Whether a column holds numbers (right-aligned) rather than text. */
  readonly numeric: readonly boolean[];
  readonly rows: readonly (readonly Resolved[])[];
}

const withCurrency = (name: string, currency: string | undefined) =>
  currency === undefined ? name : `${name} (${currency})`;

function resolve(raw: unknown, column: Column | undefined, rounding: Rounding): Resolved & { currency?: string } {
  const kinded = isKinded(raw);
  const value = kinded ? raw.value : raw;
  const kind = kinded ? raw.kind : column?.kind;
  const currency = kinded ? raw.currency : column?.currency;
  if (kind === 'money' && typeof value === 'number' && Number.isFinite(value)) {
    return { value: roundMoney(value, currency, rounding), kind, ...(kinded && currency ? { currency } : {}) };
  }
  return { value, kind };
}

/** Resolves a table's cells: money rounded, currencies moved into headers and row labels. */
export function resolveTable(table: Table, rounding: Rounding): ResolvedTable {
  const rows = table.rows.map((row) => {
    const cells = row.map((raw, index) => resolve(raw, table.columns[index], rounding));
    const currency = cells.find((resolved, index) => index > 0 && resolved.currency !== undefined)?.currency;
    const label = cells[0];
    if (currency === undefined || label === undefined || typeof label.value !== 'string') return cells;
    return [{ ...label, value: withCurrency(label.value, currency) }, ...cells.slice(1)];
  });
  const numeric = table.columns.map(
    (column, index) =>
      (column.kind !== undefined && column.kind !== 'text') ||
      table.rows.some((row) => {
        const value = row[index];
        return isKinded(value) && value.kind !== 'text';
      }),
  );
  return {
    title: table.title,
    labelled: table.rows.some((row) => row.some(isKinded)),
    header: table.columns.map((column) =>
      withCurrency(column.name, column.kind === 'money' ? column.currency : undefined),
    ),
    numeric,
    rows,
  };
}
