// mrr end to end: --by quarter|year, the period labels and clipping notes, and the ARR note's rounding.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { recurringRevenueSeries } from '../../revenue/index.js';
import { SERIES_MONEY } from './revenue.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-mrr-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

// By hand: Dec 2023 a 100; Jan b new 200; Feb a +50, b churned 200; Mar c new 40; May c churned 40, b back
// at 300 (reactivation). Month-end MRR: 100, 300, 150, 190, 190, 450.
const SUBSCRIPTIONS = [
  'customerId,amount,currency,start,end',
  'a,100,USD,2023-12-01,',
  'a,50,USD,2024-02-10,',
  'b,200,USD,2024-01-15,2024-02-10',
  'b,300,USD,2024-05-01,',
  'c,40,USD,2024-03-01,2024-05-01',
].join('\n');
const subscriptions = [
  { customerId: 'a', amount: 100, currency: 'USD', start: '2023-12-01' },
  { customerId: 'a', amount: 50, currency: 'USD', start: '2024-02-10' },
  { customerId: 'b', amount: 200, currency: 'USD', start: '2024-01-15', end: '2024-02-10' },
  { customerId: 'b', amount: 300, currency: 'USD', start: '2024-05-01' },
  { customerId: 'c', amount: 40, currency: 'USD', start: '2024-03-01', end: '2024-05-01' },
];

describe('mrr --by', () => {
  const path = file('subscriptions.csv', SUBSCRIPTIONS);

  it('prints one row per quarter, labelled, with the movements summed and the clipped quarters noted', async () => {
    const { code, stdout, stderr } = await runCli([
      'mrr',
      path,
      '--from',
      '2024-01',
      '--to',
      '2024-05',
      '--by',
      'quarter',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`MRR by quarter — ${path}`);
    expect(lines[1]).toMatch(/^quarter {2}MRR \(USD\)/);
    // period, MRR, customers, new, expansion, contraction, churned, reactivation, net new, logo churn.
    expect(lines[3]?.split(/ {2,}/).slice(0, 10)).toEqual([
      '2024-Q1',
      '190.00',
      '2',
      '240.00',
      '50.00',
      '0.00',
      '200.00',
      '0.00',
      '90.00',
      '100.0 %',
    ]);
    expect(lines[4]?.split(/ {2,}/).slice(0, 10)).toEqual([
      '2024-Q2',
      '450.00',
      '2',
      '0.00',
      '0.00',
      '0.00',
      '40.00',
      '300.00',
      '260.00',
      '50.0 %',
    ]);
    expect(stdout).toContain(
      "MRR is measured at the end of each quarter's last month; the movements are summed over its months; ARR is 12 × MRR: 5,400.00 at the end of 2024-05.",
    );
    expect(stdout).toContain('the last month of each quarter against the same customers 12 months earlier');
    expect(stdout).toContain('2024-Q2 covers 2024-04 to 2024-05 only (2 of its 3 months).');
    expect(stdout).not.toContain('2024-Q1 covers');
  });

  it('gives the library rows with --json, period and months included', async () => {
    const { stdout } = await runCli(['mrr', path, '--from', '2024-02', '--to', '2024-05', '--by', 'quarter', '--json']);
    const expected = recurringRevenueSeries({ subscriptions }, { from: '2024-02', to: '2024-05', period: 'quarter' });
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toEqual(
      asPrinted(
        expected.map((row) => ({ ...row, currency: 'USD' })),
        [{ currency: 'USD', fields: SERIES_MONEY }],
      ),
    );
    expect(rows.map((row) => [row.period, row.months, row.month])).toEqual([
      ['2024-Q1', 2, '2024-03'],
      ['2024-Q2', 2, '2024-05'],
    ]);
  });

  it('prints years in CSV, noting a year cut at --from and the --lookback given', async () => {
    const csv = await runCli(['mrr', path, '--from', '2023-12', '--to', '2024-12', '--by', 'year', '--csv']);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]?.split(',')[0]).toBe('year');
    expect(rows.slice(1).map((row) => row.split(',').slice(0, 2))).toEqual([
      ['2023', '100.00'],
      ['2024', '450.00'],
    ]);
    const table = await runCli([
      'mrr',
      path,
      '--from',
      '2023-12',
      '--to',
      '2024-12',
      '--by',
      'year',
      '--lookback',
      '3',
    ]);
    expect(table.stdout).toContain('2023 covers 2023-12 only (1 of its 12 months).');
    expect(table.stdout).not.toContain('2024 covers');
    expect(table.stdout).toContain('the last month of each year against the same customers 3 months earlier');
  });

  it('prints the same with --by month as without --by', async () => {
    const args = ['mrr', path, '--from', '2023-12', '--to', '2024-06'];
    const plain = await runCli(args);
    expect(await runCli([...args, '--by', 'month'])).toEqual(plain);
    expect(plain.stdout.split('\n')[0]).toBe(`MRR by month — ${path}`);
    expect(plain.stdout).toContain('NRR and GRR are trailing: this month against the same customers 12 months earlier');
    expect(plain.stdout).not.toContain('covers');
  });

  it('refuses two periods before reading the file', async () => {
    expect(await runCli(['mrr', join(folder, 'missing.csv'), '--by', 'quarter', '--by', 'year'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cs-metrics mrr: --by takes one period, not both quarter and year\n',
    });
  });
});

describe('mrr --from and --to', () => {
  const path = file('subscriptions-window.csv', SUBSCRIPTIONS);

  it('takes a day for the month it falls in, as the other commands write their windows', async () => {
    const months = await runCli(['mrr', path, '--from', '2024-01', '--to', '2024-03', '--json']);
    const days = await runCli(['mrr', path, '--from', '2024-01-01', '--to', '2024-03-31', '--json']);
    expect(days).toEqual(months);
    expect(JSON.parse(days.stdout).map((row: { month: string }) => row.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
  });

  it('checks both before reading the file', async () => {
    for (const [options, message] of [
      [['--from', '2024-13'], "--from must be a month written YYYY-MM (or a day, YYYY-MM-DD), not '2024-13'"],
      [['--to', '2024-02-30'], "--to must be a month written YYYY-MM (or a day, YYYY-MM-DD), not '2024-02-30'"],
      [['--from', '2024-03', '--to', '2024-02-28'], '--to 2024-02 is before --from 2024-03'],
    ] as const) {
      expect(await runCli(['mrr', join(folder, 'missing.csv'), ...options])).toEqual({
        code: 2,
        stdout: '',
        stderr: `cs-metrics mrr: ${message}\n`,
      });
    }
  });
});

describe('mrr ARR note', () => {
  it('rounds ARR to the currency minor unit as --rounding says', async () => {
    const cases = [
      // 12 × 100.375 = 1,204.5 yen: a tie at the yen.
      ['JPY', '100.375', '1,204', '1,205'],
      // 12 × 0.08375 = 1.005 dollars: a tie at the cent.
      ['USD', '0.08375', '1.00', '1.01'],
    ] as const;
    for (const [currency, amount, even, up] of cases) {
      const path = file(
        `arr-${currency}.csv`,
        `customerId,amount,currency,start\nc1,${amount},${currency},2024-01-01\n`,
      );
      const args = ['mrr', path, '--from', '2024-01', '--to', '2024-01'];
      expect((await runCli(args)).stdout).toContain(`ARR is 12 × MRR: ${even} at the end of 2024-01.`);
      expect((await runCli([...args, '--rounding', 'half-up'])).stdout).toContain(
        `ARR is 12 × MRR: ${up} at the end of 2024-01.`,
      );
    }
  });
});
