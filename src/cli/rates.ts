// Exchange-rate files: the JSON object `--rates file.json` reads (`{ "currency": "USD", "exchangeRates": {
// "EUR": "1.08" } }`), and a table of dated rates (`currency,from,rate`, a row from each day a rate holds,
// as a finance team exports them), in CSV or JSON Lines. Which one a file holds is told by its extension.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { epochOf } from './dates.js';
import { InputError, UsageError } from './errors.js';
import { formatOf, type ReadOptions, readRecords } from './records.js';

/** A rate in force from a day (`YYYY-MM-DD`, included) until the day of the currency's next rate. */
export interface DatedRate {
  readonly from: string;
  /** What one unit of the currency is worth in the target currency, as the decimal the file writes. */
  readonly rate: string;
}

/** Each currency's dated rates, in the order of the file (oldest first). */
export type DatedRates = Record<string, DatedRate[]>;

/** What a rates file gives: the target currency when it names one, and the rates to it. */
export interface RatesFile {
  readonly currency?: string;
  /** A rate per currency (`{ EUR: '1.08' }`) from a JSON object, or dated rates from a table. */
  readonly exchangeRates: Readonly<Record<string, string | number | readonly DatedRate[]>>;
}

const RATE_COLUMNS = ['currency', 'from', 'rate'] as const;
const CURRENCY = /^[A-Z]{3}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const POSITIVE_DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Whether a rates file is the JSON object (`.json`) or a table of dated rates (CSV, TSV, JSON Lines). */
export function ratesFormat(file: string): 'object' | 'table' {
  if (extname(file).toLowerCase() === '.json') return 'object';
  try {
    formatOf(file, undefined);
  } catch {
    throw new UsageError(
      `cannot tell the format of the rates in ${file}: name it .json ({ "currency": "USD", "exchangeRates": { "EUR": "1.08" } }) or .csv (currency,from,rate)`,
    );
  }
  return 'table';
}

/** The JSON object of a `.json` rates file, its shape checked (the library checks each rate). */
export function readRatesObject(file: string): RatesFile {
  let parsed: { currency?: unknown; exchangeRates?: unknown } | null;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the rates in ${file}: ${(error as Error).message}`);
  }
  if (typeof parsed?.exchangeRates !== 'object' || parsed.exchangeRates === null) {
    throw new UsageError(`${file} must hold { "currency": "USD", "exchangeRates": { "EUR": "1.08" } }`);
  }
  return {
    ...(typeof parsed.currency === 'string' ? { currency: parsed.currency } : {}),
    exchangeRates: parsed.exchangeRates as RatesFile['exchangeRates'],
  };
}

/** A cell as text: a JSON Lines number as its shortest decimal, a blank or missing cell as ''. */
function cellText(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The dated rates of a table (`currency,from,rate`): each currency's rates in the order of the file, which
 * must be the order of their days, the rates kept as the decimals written. A bad cell is an error naming
 * the file, the line and the column.
 */
export async function readDatedRates(file: string, options: ReadOptions = {}): Promise<DatedRates> {
  // Keys are checked currency codes (three capitals), never a key of Object.prototype.
  const rates: DatedRates = {};
  const last = new Map<string, { from: string; location: string }>();
  let first = true;
  for await (const { location, fields } of readRecords(file, options)) {
    if (first && formatOf(file, options.format) === 'csv') {
      const missing = RATE_COLUMNS.find((name) => !Object.hasOwn(fields, name));
      if (missing !== undefined) {
        throw new UsageError(
          `${file} has no column '${missing}' (its columns: ${Object.keys(fields).join(', ')}): a rates table is currency,from,rate`,
        );
      }
    }
    first = false;
    const bad = (column: string, problem: string) => new InputError(file, location, column, `${column} ${problem}`);
    const currency = cellText(fields.currency);
    const from = cellText(fields.from);
    const rate = cellText(fields.rate);
    if (!CURRENCY.test(currency))
      throw bad('currency', `must be a three-letter ISO 4217 code such as EUR, not '${currency}'`);
    if (!DAY.test(from) || Number.isNaN(epochOf(from)))
      throw bad('from', `must be a day written YYYY-MM-DD, such as 2024-01-01, not '${from}'`);
    if (!POSITIVE_DECIMAL.test(rate) || !/[1-9]/.test(rate))
      throw bad('rate', `must be a decimal greater than 0, such as 1.08, not '${rate}'`);
    const before = last.get(currency);
    if (before !== undefined && from <= before.from) {
      throw bad(
        'from',
        `${from} is not after ${before.from}, the day of the ${currency} rate on ${before.location}: list each currency's rates from the oldest, each from a day of its own`,
      );
    }
    last.set(currency, { from, location });
    const list = rates[currency] ?? [];
    list.push({ from, rate });
    rates[currency] = list;
  }
  if (first) throw new UsageError(`${file} holds no rates: a rates table is currency,from,rate, one row a rate`);
  return rates;
}

/**
 * A rates file, told by its extension: a `.json` object (with the target currency it names), or a table of
 * dated rates (CSV, TSV or JSON Lines).
 */
export async function readRatesFile(file: string, options: ReadOptions = {}): Promise<RatesFile> {
  if (ratesFormat(file) === 'object') return readRatesObject(file);
  return { exchangeRates: await readDatedRates(file, options) };
}
