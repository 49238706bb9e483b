// The aligned table people read: numbers right-aligned and grouped, text left-aligned and cut at a width,
// widths measured in terminal columns (wide and combining characters counted as they show).
import stringWidth from 'string-width';
import type { ColumnKind, Table } from '../output.js';
import { type Resolved, type ResolvedTable, resolveTable } from './cells.js';
import type { Rounding } from './money.js';

/** The widest a text cell is shown in the table view; CSV and JSON keep the full value. */
export const TEXT_WIDTH = 40;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Text cut to `width` terminal columns with an ellipsis, whole characters only. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const next = stringWidth(segment);
    if (used + next > width - 1) break;
    kept += segment;
    used += next;
  }
  return `${kept}…`;
}

function showNumber(value: number, kind: ColumnKind | undefined): string {
  switch (kind) {
    case 'integer':
      return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
    case 'percent':
      return `${(value * 100).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
    case 'number':
    case 'money':
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    default:
      return String(value);
  }
}

/** How a resolved cell reads in the table view; text is cut at `width` columns. */
function show({ value, kind }: Resolved, width = TEXT_WIDTH): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'money' && typeof value === 'string') {
    // A rounded decimal string: its digits are kept as they are, the whole part grouped by thousands.
    const [whole = '', fraction] = value.split('.');
    return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
  }
  if (typeof value === 'number') return showNumber(value, kind);
  return truncate(typeof value === 'object' ? JSON.stringify(value) : String(value), width);
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

function renderResolved(table: ResolvedTable): string {
  // A measure/value table holds the command's own words (labels, verdicts), not data: it is never cut.
  const width = table.labelled ? Number.POSITIVE_INFINITY : TEXT_WIDTH;
  const body = table.rows.map((row) =>
    table.header.map((_, index) => show(row[index] ?? { value: undefined, kind: undefined }, width)),
  );
  const widths = table.header.map((name, index) =>
    body.reduce((widest, row) => Math.max(widest, stringWidth(row[index] ?? '')), stringWidth(name)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((text, index) => pad(text, widths[index] ?? 0, table.numeric[index] === true))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [...(table.title ? [table.title] : []), line(table.header), rule, ...body.map(line)].join('\n');
}

/** The tables as aligned text, separated by a blank line. */
export function tableText(tables: readonly Table[], rounding: Rounding): string {
  return tables.map((table) => renderResolved(resolveTable(table, rounding))).join('\n\n');
}
