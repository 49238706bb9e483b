// cohorts --revenue end to end: a subscriptions file read as mrr reads it, the library's revenue cohorts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { revenueCohorts } from '../../index.js';

const SUBSCRIPTIONS = 'examples/data/subscriptions.csv';
const RATES = ['--rates', 'examples/data/exchange-rates.json'];

const json = async (args: string[]) => {
  const result = await runCli([...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

/** A subscriptions file of a few lines in a fresh folder. */
function subscriptionsFile(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-metrics-')), 'subscriptions.csv');
  writeFileSync(file, `customerId,amount,start,end\n${lines.join('\n')}\n`);
  return file;
}

const LINES = [
  'a,600,2024-01-10,2024-02-05',
  'a,800,2024-02-05,',
  'b,300,2024-01-12,',
  'c,100,2024-01-20,2024-02-15',
  'd,250,2024-02-03,2024-03-20',
];
const RECORDS = [
  { customerId: 'a', amount: 600, start: '2024-01-10', end: '2024-02-05' },
  { customerId: 'a', amount: 800, start: '2024-02-05' },
  { customerId: 'b', amount: 300, start: '2024-01-12' },
  { customerId: 'c', amount: 100, start: '2024-01-20', end: '2024-02-15' },
  { customerId: 'd', amount: 250, start: '2024-02-03', end: '2024-03-20' },
];

describe('cohorts --revenue', () => {
  it('--json is the library result, up to the month of the last start or end by default', async () => {
    const file = subscriptionsFile(LINES);
    expect(await json(['cohorts', '--revenue', file])).toEqual(
      asPrinted({ to: '2024-03', period: 'month', ...revenueCohorts({ subscriptions: RECORDS }, { to: '2024-03' }) }),
    );
    const asOf = await json(['cohorts', '--revenue', file, '--as-of', '2024-03-15', '--period', 'quarter']);
    expect(asOf).toEqual(
      asPrinted({
        asOf: '2024-03-15',
        period: 'quarter',
        ...revenueCohorts({ subscriptions: RECORDS }, { asOf: '2024-03-15', period: 'quarter' }),
      }),
    );
    expect(asOf.cohorts[0].mrr).toEqual([]);
    const from = await json(['cohorts', '--revenue', file, '--from', '2024-02', '--to', '2024-03-31']);
    expect(from.cohorts.map((row: { cohort: string }) => row.cohort)).toEqual(['2024-02']);
  });

  it('prints net retention with the average row, or what --show asks for', async () => {
    const file = subscriptionsFile(LINES);
    const net = await runCli(['cohorts', '--revenue', file]);
    expect(net.code).toBe(0);
    expect(net.stdout).toContain(`Net MRR retention by month since the first payment, to 2024-03 — ${file}\n`);
    expect(net.stdout).toMatch(/2024-01\s+3\s+1,000\.00\s+100\.0 %\s+110\.0 %\s+110\.0 %/);
    expect(net.stdout).toMatch(/2024-02\s+1\s+250\.00\s+100\.0 %\s+0\.0 %\s+—/);
    expect(net.stdout).toMatch(/average\s+4\s+1,250\.00\s+100\.0 %\s+88\.0 %\s+110\.0 %/);
    const gross = await runCli(['cohorts', '--revenue', file, '--show', 'gross']);
    expect(gross.stdout).toMatch(/2024-01\s+3\s+1,000\.00\s+100\.0 %\s+90\.0 %\s+90\.0 %/);
    const ltv = await runCli(['cohorts', '--revenue', file, '--show', 'ltv']);
    expect(ltv.stdout).toMatch(/2024-01\s+3\s+1,000\.00\s+333\.33\s+700\.00\s+1,066\.67/);
    expect(ltv.stdout).toContain('weighted by customers');
    const customers = await runCli(['cohorts', '--revenue', file, '--show', 'customers']);
    expect(customers.stdout).toMatch(/2024-01\s+3\s+1,000\.00\s+3\s+2\s+2\n/);
    expect(customers.stdout).not.toContain('average');
  });

  it('adds up to mrr on the sample data: the newest cohort is the month’s new MRR', async () => {
    const cohorts = await json(['cohorts', '--revenue', SUBSCRIPTIONS, ...RATES]);
    const series = await json(['mrr', SUBSCRIPTIONS, ...RATES]);
    const last = series.at(-1);
    expect(cohorts.to).toBe(last.month);
    expect(cohorts.currency).toBe('USD');
    // mrr rounds its money to cents; the cohorts' JSON keeps the library's figures.
    expect(cohorts.cohorts.at(-1).cohort).toBe(last.month);
    expect(cohorts.cohorts.at(-1).startingMrr).toBeCloseTo(last.newMrr, 2);
    const total = cohorts.cohorts.reduce((sum: number, row: { mrr: number[] }) => sum + (row.mrr.at(-1) ?? 0), 0);
    expect(total).toBeCloseTo(last.mrr, 2);
  });

  it('refuses bad usage with one line and exit code 2', async () => {
    const file = subscriptionsFile(LINES);
    const cases: [string[], string][] = [
      [['--show', 'all'], '--show must be one of net, gross, ltv, customers'],
      [['--period', 'week'], '--period must be one of month, quarter, year'],
      [['--as-of', '2024-04-01', '--to', '2024-03'], 'give --as-of or --to, not both'],
      [['--from', '2024-05', '--to', '2024-03'], '--from must not be after --to'],
      [['--to', '2023-12'], `${file} has no customer who first paid to 2023-12`],
      [['--to', 'March'], '--to must be a month written YYYY-MM'],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['cohorts', '--revenue', file, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const customers = await runCli(['cohorts', 'examples/data/customers.csv', '--currency', 'USD']);
    expect(customers).toMatchObject({ code: 2, stdout: '' });
    expect(customers.stderr).toContain('--currency applies to revenue cohorts: add --revenue');
  });

  it('names the line and column of a bad record', async () => {
    const open = subscriptionsFile(['a,10,2024-01-01,', 'b,5,,']);
    const result = await runCli(['cohorts', '--revenue', open]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${open}, line 3, column start: start is required`);
    expect(result.stderr).toContain('--from');
    const bad = subscriptionsFile(['a,10,2024-01-01,', 'b,ten,2024-01-01,']);
    const amount = await runCli(['cohorts', '--revenue', bad]);
    expect(amount.code).toBe(2);
    expect(amount.stderr).toContain(`${bad}, line 3, column amount`);
    const from = await runCli(['cohorts', '--revenue', open, '--from', '2024-01', '--json']);
    expect(from.code).toBe(0);
    expect(JSON.parse(from.stdout).cohorts).toHaveLength(1);
  });
});
