// churn and cohorts end to end: --from and --to are inclusive UTC days, checked before the file is read.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { cohortRetention, customerChurn } from '../../index.js';

const CUSTOMERS = 'examples/data/customers.csv';
const lifetimes = () =>
  (parse(readFileSync(CUSTOMERS), { columns: true }) as Record<string, string>[]).map(({ id, start, end }) => ({
    id: id as string,
    start: start as string,
    ...(end ? { end } : {}),
  }));

const json = async (args: string[]) => {
  const result = await runCli([...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

/** A customers file of a few lines in a fresh folder. */
function customersFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-metrics-')), 'customers.csv');
  writeFileSync(file, `id,start,end\n${lines.join('\n')}\n`);
  return file;
}

describe('churn', () => {
  it('keeps the --to day in the period: a customer who starts on it is new in the period', async () => {
    const file = customersFile(['a,2024-01-01,2024-12-31', 'b,2024-12-31,', 'c,2024-01-01,']);
    const result = await json(['churn', file, '--from', '2024-12-01', '--to', '2024-12-31']);
    expect(result).toMatchObject({
      period: { from: '2024-12-01', to: '2024-12-31' },
      customersAtStart: 2,
      customersLost: 1,
      newCustomers: 1,
      customersAtEnd: 2,
    });
    const table = await runCli(['churn', file, '--from', '2024-12-01', '--to', '2024-12-31']);
    expect(table.stdout).toContain(`Customer churn, 2024-12-01 to 2024-12-31 — ${file}\n`);
  });

  it('is the library on the half-open period that ends the day after --to', async () => {
    const period = { from: '2024-10-01', to: '2025-01-01' };
    expect(await json(['churn', CUSTOMERS, '--from', '2024-10-01', '--to', '2024-12-31'])).toEqual(
      asPrinted({
        ...customerChurn({ customers: lifetimes(), period }),
        period: { from: '2024-10-01', to: '2024-12-31' },
      }),
    );
    // A month is the same days written as --from and --to, and so is the default, the last month with data.
    const december = await json(['churn', CUSTOMERS, '--month', '2024-12']);
    expect(december.period).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(await json(['churn', CUSTOMERS, '--from', '2024-12-01', '--to', '2024-12-31'])).toEqual(december);
    expect(await json(['churn', CUSTOMERS])).toEqual(december);
    const table = await runCli(['churn', CUSTOMERS, '--month', '2024-02']);
    expect(table.stdout).toContain(`Customer churn, 2024-02-01 to 2024-02-29 — ${CUSTOMERS}\n`);
  });

  it('passes --new-customer-churn both to the library: new customers join the denominator', async () => {
    const period = { from: '2024-10-01', to: '2025-01-01' };
    const both = await json([
      'churn',
      CUSTOMERS,
      '--from',
      '2024-10-01',
      '--to',
      '2024-12-31',
      '--new-customer-churn',
      'both',
    ]);
    expect(both).toEqual(
      asPrinted({
        ...customerChurn({ customers: lifetimes(), period }, { newCustomerChurn: 'both' }),
        period: { from: '2024-10-01', to: '2024-12-31' },
      }),
    );
    expect(both.churnRate).toBeCloseTo(both.customersLost / (both.customersAtStart + both.newCustomers), 12);
  });

  it('checks its period before reading the file', async () => {
    for (const [options, message] of [
      [['--from', '2024-10-01'], 'give both --from and --to, or --month'],
      [['--to', '2024-12-31'], 'give both --from and --to, or --month'],
      [['--month', '2024-12', '--from', '2024-12-01'], 'give --month, or --from and --to, not both'],
      [['--from', '2024-10-01', '--to', '2024-09-30'], '--to 2024-09-30 is before --from 2024-10-01'],
      [['--from', '2024-10-1', '--to', '2024-12-31'], "--from must be a day written YYYY-MM-DD, not '2024-10-1'"],
      [['--month', '2024-13'], "--month must be written YYYY-MM, not '2024-13'"],
      [['--new-customer-churn', 'maybe'], "--new-customer-churn must be one of include, exclude, both, not 'maybe'"],
    ] as const) {
      const { code, stderr } = await runCli(['churn', 'missing.csv', ...options]);
      expect(code).toBe(2);
      expect(stderr).toBe(`cs-metrics churn: ${message}\n`);
    }
  });

  it('says a file without customers has none', async () => {
    const { code, stderr } = await runCli(['churn', CUSTOMERS, '--month', '2024-12', '--where', 'id=nobody']);
    expect(code).toBe(2);
    expect(stderr).toBe(`cs-metrics churn: ${CUSTOMERS} has no customers (after --where id=nobody)\n`);
  });

  it('says in its help that --to is the last day of the period', async () => {
    const { stdout } = await runCli(['churn', '--help']);
    expect(stdout).toMatch(/--to <YYYY-MM-DD> +last day of the period, included \(UTC\)/);
    expect(stdout).toContain('--from 2024-10-01 --to 2024-12-31');
    expect(stdout).not.toContain('2025-01-01');
  });
});

describe('cohorts', () => {
  it('keeps the customers who started from --from to --to, as of the last date of the whole file', async () => {
    const all = await json(['cohorts', CUSTOMERS, '--period', 'quarter']);
    const result = await json([
      'cohorts',
      CUSTOMERS,
      '--period',
      'quarter',
      '--from',
      '2024-01-01',
      '--to',
      '2024-06-30',
    ]);
    const started = lifetimes().filter(({ start }) => start >= '2024-01-01' && start <= '2024-06-30');
    expect(started.length).toBeGreaterThan(0);
    expect(started.length).toBeLessThan(lifetimes().length);
    expect(result.asOf).toBe(all.asOf);
    expect(result).toEqual(
      asPrinted({
        asOf: all.asOf,
        period: 'quarter',
        started: { from: '2024-01-01', to: '2024-06-30' },
        ...cohortRetention({ customers: started }, { period: 'quarter', asOf: all.asOf }),
      }),
    );
    expect(result.cohorts.map((row: { cohort: string }) => row.cohort)).toEqual(['2024-Q1', '2024-Q2']);
    const table = await runCli(['cohorts', CUSTOMERS, '--from', '2024-01-01', '--to', '2024-06-30']);
    expect(table.stdout).toContain(
      `Cohort retention by month of the customers who started 2024-01-01 to 2024-06-30, as of ${all.asOf} — ${CUSTOMERS}\n`,
    );
  });

  it('includes the --to day: a customer who started on it is in the window', async () => {
    const file = customersFile(['a,2024-01-31,', 'b,2024-02-01,', 'c,2024-03-05,2024-04-01']);
    const result = await json(['cohorts', file, '--to', '2024-01-31']);
    expect(result.cohorts.map((row: { cohort: string; size: number }) => [row.cohort, row.size])).toEqual([
      ['2024-01', 1],
    ]);
    expect(result.asOf).toBe('2024-04-01');
  });

  it('says what a window that keeps nobody missed, and warns of one beyond the starts', async () => {
    const none = await runCli(['cohorts', CUSTOMERS, '--from', '2026-01-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `cs-metrics cohorts: ${CUSTOMERS} has no customers (after --from 2026-01-01); its customers started from 2023-01-17 to 2024-12-31\n`,
    );
    const early = await runCli(['cohorts', CUSTOMERS, '--from', '2022-01-01', '--to', '2023-03-31']);
    expect(early.code).toBe(0);
    expect(early.stderr).toBe(
      'cs-metrics cohorts: warning: --from 2022-01-01 is before the first of the customers (2023-01-17)\n',
    );
  });

  it('checks its options before reading the file, and documents the cohort by start', async () => {
    for (const [options, message] of [
      [['--from', '2024-1-1'], "--from must be a day written YYYY-MM-DD, not '2024-1-1'"],
      [['--from', '2024-06-01', '--to', '2024-05-31'], '--to 2024-05-31 is before --from 2024-06-01'],
      [['--period', 'year'], "--period must be one of month, week, quarter, not 'year'"],
    ] as const) {
      const { code, stderr } = await runCli(['cohorts', 'missing.csv', ...options]);
      expect(code).toBe(2);
      expect(stderr).toBe(`cs-metrics cohorts: ${message}\n`);
    }
    const { stdout } = await runCli(['cohorts', '--help']);
    expect(stdout).toMatch(/--from <YYYY-MM-DD> +keep the customers who started on or after this day \(UTC\)/);
    expect(stdout).toContain('cohorts being by start');
  });
});
