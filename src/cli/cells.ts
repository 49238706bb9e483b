// How the cells of a CSV file are read: which delimiter separates them, and how a number written with a
// decimal comma (`49,00`, `1.234,56`) becomes a decimal text the library reads exactly.
import { UsageError } from './errors.js';

/** The delimiters a CSV file's header is sniffed for, most usual first. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const NAMED: Readonly<Record<string, string>> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };

/** The delimiter `--delimiter` gives: one character, or `tab`, `\t`, `comma`, `semicolon`, `pipe`. */
export function delimiterOption(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const delimiter = Object.hasOwn(NAMED, text.toLowerCase()) ? (NAMED[text.toLowerCase()] as string) : text;
  if ([...delimiter].length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new UsageError(
      `--delimiter must be one character other than a quote or a line break (or tab), not '${text.replace(/\r?\n/g, '\\n')}'`,
    );
  }
  return delimiter;
}

/** Splits text into records of fields, the way csv-parse does (quotes open a field, `""` is a quote). */
function records(text: string, delimiter: string, limit: number, complete: boolean): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let start = true;
  let i = 0;
  for (; i < text.length && out.length < limit; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && start) {
      quoted = true;
      start = false;
    } else if (char === delimiter) {
      record.push(field);
      field = '';
      start = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.length > 1 || record[0] !== '') out.push(record);
      record = [];
      field = '';
      start = true;
    } else {
      field += char;
      // Blanks before an opening quote are trimmed, as csv-parse's `trim` does.
      if (!(char === ' ' && field.trim() === '')) start = false;
    }
  }
  // A last line without its line break is a record only when the sample is the whole file.
  if (complete && i === text.length && !quoted && (record.length > 0 || field !== '')) out.push([...record, field]);
  return out;
}

function unquotedCount(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The one delimiter of a CSV file, sniffed from its beginning: among comma, semicolon, tab and pipe, those
 * that split the header into two or more fields and every sampled line into as many; of those, the one
 * the header holds most often outside quotes. A file with one column (or no agreeing candidate) falls back
 * to the header's most frequent candidate, or a comma.
 *
 * @param head - the file's first bytes as text (without a byte-order mark).
 * @param complete - whether `head` is the whole file (its last line is then complete).
 */
export function sniffDelimiter(head: string, complete: boolean): string {
  const firstBreak = head.search(/[\r\n]/);
  const headerLine = firstBreak === -1 ? head : head.slice(0, firstBreak);
  const byFrequency = [...DELIMITERS]
    .map((delimiter) => ({ delimiter, count: unquotedCount(headerLine, delimiter) }))
    .sort((a, b) => b.count - a.count);
  for (const { delimiter, count } of byFrequency) {
    if (count === 0) break;
    const [header, ...lines] = records(head, delimiter, 21, complete);
    const width = header?.length ?? 0;
    if (width > 1 && lines.every((line) => line.length === width)) return delimiter;
  }
  return (byFrequency[0]?.count ?? 0) > 0 ? (byFrequency[0]?.delimiter as string) : ',';
}

// A number written with a decimal comma: digits grouped by dots or spaces, then a comma and decimals.
const DECIMAL_COMMA = /^([+-]?)(\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/;
// Unambiguous evidence for decimal commas: a comma not followed by exactly three digits (`49,00`, `0,5`).
const SURELY_COMMA = /^[+-]?\d+,(\d{1,2}|\d{4,})$/;
// Unambiguous evidence against them: a dot that cannot be a thousands separator (`7.36`, `0.2`).
const SURELY_DOT = /^[+-]?\d*\.(\d{1,2}|\d{4,})$/;

/**
 * A cell written with a decimal comma as a decimal text (`1.234,56` → `1234.56`, `49,00` → `49.00`);
 * any other cell is returned unchanged. No float is involved, so money stays exact.
 */
export function decimalCommaCell(cell: string): string {
  const match = DECIMAL_COMMA.exec(cell.trim());
  if (match === null) return cell;
  const [, sign, whole, decimals] = match as unknown as [string, string, string, string | undefined];
  if (decimals === undefined && whole.length <= 3) return cell;
  const digits = whole.replace(/[. \u00a0\u202f]/g, '');
  return decimals === undefined ? `${sign}${digits}` : `${sign}${digits}.${decimals}`;
}

/**
 * Whether the sampled cells of a semicolon file say, without doubt, that its numbers have decimal commas:
 * some cell is such a number (`49,00`) and no cell is a number with a decimal dot (`7.36`).
 */
export function hasDecimalCommas(head: string, delimiter: string, complete: boolean): boolean {
  const cells = records(head, delimiter, 101, complete)
    .slice(1)
    .flat()
    .map((cell) => cell.trim());
  return cells.some((cell) => SURELY_COMMA.test(cell)) && !cells.some((cell) => SURELY_DOT.test(cell));
}

/** A CSV cell that reads as a number becomes one; anything else is passed on for the library to judge. */
export function cellValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : value;
}
