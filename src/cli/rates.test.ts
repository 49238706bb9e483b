import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from './errors.js';
import { readDatedRates, readRatesFile, readRatesObject, ratesFormat } from './rates.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-rates-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

/** The one-line message a reader refuses a file with, and the kind of error it is. */
async function refusal(read: Promise<unknown>): Promise<{ kind: string; message: string }> {
  try {
    await read;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError)
      return { kind: error.name, message: error.message.replace(`${folder}/`, '') };
    throw error;
  }
  throw new Error('the file was read');
}

describe('readDatedRates', () => {
  it('reads each currency rates in the order of the file, rates as the decimals written', async () => {
    const path = file(
      'rates.csv',
      'currency,from,rate\nEUR,2024-01-01,1.0870\nGBP,2024-01-01,1.27\nEUR,2024-02-01,1.0790\n\nEUR,2024-03-01,1.10\n',
    );
    expect(await readDatedRates(path)).toEqual({
      EUR: [
        { from: '2024-01-01', rate: '1.0870' },
        { from: '2024-02-01', rate: '1.0790' },
        { from: '2024-03-01', rate: '1.10' },
      ],
      GBP: [{ from: '2024-01-01', rate: '1.27' }],
    });
  });

  it('reads the sample company rates: one EUR rate a month over the two years of its data', async () => {
    const rates = await readDatedRates('examples/data/exchange-rates.csv');
    expect(Object.keys(rates)).toEqual(['EUR']);
    expect(rates.EUR).toHaveLength(24);
    expect(rates.EUR?.[0]).toEqual({ from: '2023-01-01', rate: '1.0700' });
    expect(rates.EUR?.at(-1)?.from).toBe('2024-12-01');
  });

  it('reads semicolon files with decimal commas, other column orders, extra columns and JSON Lines', async () => {
    const semicolons = file('rates-comma.csv', 'rate;currency;from;note\n1,08;EUR;2024-01-01;ECB\n');
    expect(await readDatedRates(semicolons)).toEqual({ EUR: [{ from: '2024-01-01', rate: '1.08' }] });
    const lines = file(
      'rates.jsonl',
      '{"currency":"EUR","from":"2024-01-01","rate":1.08}\n{"currency":"EUR","from":"2024-02-01","rate":"1.0790"}\n',
    );
    expect(await readDatedRates(lines)).toEqual({
      EUR: [
        { from: '2024-01-01', rate: '1.08' },
        { from: '2024-02-01', rate: '1.0790' },
      ],
    });
  });

  it.each([
    [
      'EUR,2024-01-01,1.08\neur,2024-02-01,1.07',
      "line 3, column currency: currency must be a three-letter ISO 4217 code such as EUR, not 'eur'",
    ],
    [
      'EUR,2024-02-30,1.08',
      "line 2, column from: from must be a day written YYYY-MM-DD, such as 2024-01-01, not '2024-02-30'",
    ],
    [
      'EUR,2024-02,1.08',
      "line 2, column from: from must be a day written YYYY-MM-DD, such as 2024-01-01, not '2024-02'",
    ],
    ['EUR,2024-01-01,', "line 2, column rate: rate must be a decimal greater than 0, such as 1.08, not ''"],
    ['EUR,2024-01-01,0.000', "line 2, column rate: rate must be a decimal greater than 0, such as 1.08, not '0.000'"],
    ['EUR,2024-01-01,-1.08', "line 2, column rate: rate must be a decimal greater than 0, such as 1.08, not '-1.08'"],
    ['EUR,2024-01-01,1e3', "line 2, column rate: rate must be a decimal greater than 0, such as 1.08, not '1e3'"],
    [
      'EUR,2024-02-01,1.08\nGBP,2024-01-01,1.27\nEUR,2024-01-01,1.07',
      "line 4, column from: from 2024-01-01 is not after 2024-02-01, the day of the EUR rate on line 2: list each currency's rates from the oldest, each from a day of its own",
    ],
    [
      'EUR,2024-02-01,1.08\nEUR,2024-02-01,1.07',
      "line 3, column from: from 2024-02-01 is not after 2024-02-01, the day of the EUR rate on line 2: list each currency's rates from the oldest, each from a day of its own",
    ],
  ])('refuses %j naming the file, line and column', async (rows, message) => {
    const path = file('bad.csv', `currency,from,rate\n${rows}\n`);
    expect(await refusal(readDatedRates(path))).toEqual({ kind: 'InputError', message: `bad.csv, ${message}` });
  });

  it('refuses a table without a rate column, an empty one, a row of too many fields and a missing file', async () => {
    expect(await refusal(readDatedRates(file('norate.csv', 'currency,from\nEUR,2024-01-01\n')))).toEqual({
      kind: 'UsageError',
      message: "norate.csv has no column 'rate' (its columns: currency, from): a rates table is currency,from,rate",
    });
    expect(await refusal(readDatedRates(file('empty.csv', 'currency,from,rate\n')))).toEqual({
      kind: 'UsageError',
      message: 'empty.csv holds no rates: a rates table is currency,from,rate, one row a rate',
    });
    expect(
      (await refusal(readDatedRates(file('wide.csv', 'currency,from,rate\nEUR,2024-01-01,1,08\n')))).message,
    ).toMatch(/^wide\.csv, line 2: has 4 fields where the header has 3/);
    expect(await refusal(readDatedRates(join(folder, 'missing.csv')))).toEqual({
      kind: 'UsageError',
      message: 'cannot read missing.csv: no such file',
    });
  });

  it('names the field of a JSON Lines record without it', async () => {
    const path = file('rates-missing.jsonl', '{"currency":"EUR","from":"2024-01-01"}\n');
    expect(await refusal(readDatedRates(path))).toEqual({
      kind: 'InputError',
      message: "rates-missing.jsonl, line 1, column rate: rate must be a decimal greater than 0, such as 1.08, not ''",
    });
  });
});

describe('rates files by extension', () => {
  it('tells the JSON object from a table of dated rates', () => {
    expect(ratesFormat('rates.json')).toBe('object');
    expect(ratesFormat('RATES.JSON')).toBe('object');
    expect(ratesFormat('rates.csv')).toBe('table');
    expect(ratesFormat('rates.tsv')).toBe('table');
    expect(ratesFormat('rates.jsonl')).toBe('table');
    expect(() => ratesFormat('rates.xlsx')).toThrow(
      new UsageError(
        'cannot tell the format of the rates in rates.xlsx: name it .json ({ "currency": "USD", "exchangeRates": { "EUR": "1.08" } }) or .csv (currency,from,rate)',
      ),
    );
  });

  it('reads either file: the JSON object with its currency, or the dated rates of a table', async () => {
    expect(await readRatesFile('examples/data/exchange-rates.json')).toEqual({
      currency: 'USD',
      exchangeRates: { EUR: '1.0870' },
    });
    const table = await readRatesFile('examples/data/exchange-rates.csv');
    expect(table.currency).toBeUndefined();
    expect(table.exchangeRates).toEqual(await readDatedRates('examples/data/exchange-rates.csv'));
  });

  it('refuses a JSON file that is not the rates object, in one line', async () => {
    expect(await refusal(readRatesFile(file('list.json', '[1, 2]')))).toEqual({
      kind: 'UsageError',
      message: 'list.json must hold { "currency": "USD", "exchangeRates": { "EUR": "1.08" } }',
    });
    expect(() => readRatesObject(file('null.json', 'null'))).toThrow(UsageError);
    expect((await refusal(readRatesFile(file('broken.json', '{')))).message).toMatch(
      /^cannot read the rates in broken\.json: /,
    );
    expect((await refusal(readRatesFile(join(folder, 'absent.json')))).message).toMatch(
      /^cannot read the rates in absent\.json: ENOENT/,
    );
  });
});
