import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MetricError } from '../index.js';
import { type CommandContext, locate } from './command.js';
import { InputError, UsageError } from './errors.js';
import type { InvoiceLine } from '../revenue/index.js';
import { loadInvoiceLines } from './invoiceLines.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-invoices-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const context = (values: CommandContext['values'] = {}): CommandContext => ({
  values,
  positionals: [],
  progress: undefined,
});

const HEADER = 'customerId,amount,tax,currency,kind,periodStart,periodEnd,fullPeriodInterval,invoicedAt';
const LINES = [
  HEADER,
  'c1,120.00,20.00,EUR,recurring,2024-01-05,2024-02-05,,2024-01-05',
  'c1,45.50,,EUR,usage,2024-01-05,2024-02-05,,',
  'c2,33.33,,USD,recurring,2024-01-20,2024-02-05,month,2024-01-20',
  'c3,500.00,,USD,one-off,2024-01-10,2024-02-10,,2024-01-10',
].join('\n');

describe('invoice lines', () => {
  it('reads a CSV into the lines the revenue series takes: blank cells left out, the full period an object', async () => {
    const { lines } = await loadInvoiceLines(context(), file('invoices.csv', LINES));
    expect([...lines]).toEqual([
      {
        customerId: 'c1',
        amount: 120,
        tax: 20,
        currency: 'EUR',
        kind: 'recurring',
        periodStart: Date.UTC(2024, 0, 5),
        periodEnd: Date.UTC(2024, 1, 5),
        invoicedAt: Date.UTC(2024, 0, 5),
      },
      {
        customerId: 'c1',
        amount: 45.5,
        currency: 'EUR',
        kind: 'usage',
        periodStart: Date.UTC(2024, 0, 5),
        periodEnd: Date.UTC(2024, 1, 5),
      },
      {
        customerId: 'c2',
        amount: 33.33,
        currency: 'USD',
        kind: 'recurring',
        periodStart: Date.UTC(2024, 0, 20),
        periodEnd: Date.UTC(2024, 1, 5),
        fullPeriod: { interval: 'month' },
        invoicedAt: Date.UTC(2024, 0, 20),
      },
      {
        customerId: 'c3',
        amount: 500,
        currency: 'USD',
        kind: 'one-off',
        periodStart: Date.UTC(2024, 0, 10),
        periodEnd: Date.UTC(2024, 1, 10),
        invoicedAt: Date.UTC(2024, 0, 10),
      },
    ] satisfies InvoiceLine[]);
  });

  it('keeps cells the library must judge as written, and builds each line when it is read', async () => {
    const path = file(
      'odd.csv',
      `${HEADER},fullPeriodIntervalCount\nc1,12.345678901234567890,abc,EUR,rental,2024-13-01,soon,fortnight,2024-01-05T10:00:00Z,2\nc2,10,,USD,,2024-01-01,2024-01-15,,,3\n`,
    );
    const { lines } = await loadInvoiceLines(context(), path);
    expect(Array.isArray(lines)).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      customerId: 'c1',
      amount: '12.345678901234567890',
      tax: 'abc',
      currency: 'EUR',
      kind: 'rental',
      periodStart: '2024-13-01',
      periodEnd: 'soon',
      fullPeriod: { interval: 'fortnight', intervalCount: 2 },
      invoicedAt: Date.UTC(2024, 0, 5, 10),
    });
    // A count without an interval still makes a full period, for the library to name the missing interval.
    expect(lines[1]?.fullPeriod).toEqual({ interval: undefined, intervalCount: 3 });
    expect(lines[0]).not.toBe(lines[0]);
  });

  it('reads the same lines from JSON Lines and a JSON array', async () => {
    const csv = await loadInvoiceLines(context(), file('same.csv', LINES));
    const objects = [...csv.lines].map((line) => ({
      ...line,
      fullPeriodInterval: line.fullPeriod?.interval,
      fullPeriod: undefined,
    }));
    const jsonl = file('same.jsonl', objects.map((line) => JSON.stringify(line)).join('\n'));
    const json = file('same.json', JSON.stringify(objects));
    expect([...(await loadInvoiceLines(context(), jsonl)).lines]).toEqual([...csv.lines]);
    expect([...(await loadInvoiceLines(context(), json)).lines]).toEqual([...csv.lines]);
  });

  it('reads the sample company invoices: every kind, VAT on euro lines, prorated lines with their full period', async () => {
    const { lines } = await loadInvoiceLines(context(), 'examples/data/invoices.csv');
    const all = [...lines];
    expect(all.length).toBeGreaterThan(3000);
    expect(new Set(all.map((line) => line.kind))).toEqual(new Set(['recurring', 'usage', 'one-off']));
    expect(all.every((line) => (line.tax !== undefined) === (line.currency === 'EUR'))).toBe(true);
    const intervals = new Set(all.flatMap((line) => (line.fullPeriod ? [line.fullPeriod.interval] : [])));
    expect(intervals).toEqual(new Set(['week', 'quarter', 'year']));
    expect(all.every((line) => line.kind !== 'usage' || line.invoicedAt === line.periodEnd)).toBe(true);
  });

  it('renames columns with --map and keeps lines with --where, as for other inputs', async () => {
    const path = file('renamed.csv', LINES.replace('customerId', 'account_id'));
    const { lines } = await loadInvoiceLines(context({ map: ['customerId=account_id'], where: ['kind=usage'] }), path);
    expect([...lines].map((line) => [line.customerId, line.amount])).toEqual([['c1', 45.5]]);
  });

  it('refuses a file without a required column, naming the columns it has', async () => {
    const path = file('noperiod.csv', 'customerId,amount,periodStart\nc1,10,2024-01-01\n');
    await expect(loadInvoiceLines(context(), path)).rejects.toThrow(
      new UsageError(`${path} has no column 'periodEnd' (its columns: customerId, amount, periodStart)`),
    );
  });

  it('names the file, line and column of a line the library refuses, the full period by its columns', async () => {
    const path = file('located.csv', `\n${LINES}`);
    const { loaded, columns } = await loadInvoiceLines(context(), path);
    const refuse = (path: (string | number)[], reason: string) => () => {
      throw new MetricError('invoiceRevenueSeries', 'INVALID_INPUT', [
        { code: 'custom', path, message: reason, reason },
      ]);
    };
    expect(() =>
      locate(path, loaded.locations, columns, refuse(['lines', 2, 'periodEnd'], 'must not be before periodStart')),
    ).toThrow(new InputError(path, 'line 5', 'periodEnd', 'periodEnd must not be before periodStart'));
    expect(() =>
      locate(
        path,
        loaded.locations,
        columns,
        refuse(['lines', 0, 'fullPeriod', 'interval'], 'must be one of day, week'),
      ),
    ).toThrow(
      new InputError(
        path,
        'line 3',
        'fullPeriodInterval or fullPeriodIntervalCount',
        'fullPeriodInterval or fullPeriodIntervalCount must be one of day, week',
      ),
    );
  });
});
