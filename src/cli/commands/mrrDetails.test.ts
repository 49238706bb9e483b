// mrr --details MOVEMENT end to end: the customers behind a movement over the window, whose amounts add up to
// the series' figure, the details in --json, invoice lines, and the usage errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-mrr-details-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

// By hand: January: a 100, b 200 and d 80 new; February: a expands 100 → 150, b churns 200, c new 40, f new 30; March: d churns 80 for failed
// payments, e new 60.
const SUBSCRIPTIONS = [
  'customerId,amount,currency,start,end,endReason',
  'a,100,USD,2024-01-01,2024-02-10,',
  'a,150,USD,2024-02-10,,',
  'b,200,USD,2024-01-01,2024-02-20,',
  'c,40,USD,2024-02-05,,',
  'f,30,USD,2024-02-07,,',
  'd,80,USD,2024-01-01,2024-03-15,delinquent',
  'e,60,USD,2024-03-01,,',
].join('\n');

/** The cells of a table line, split on the runs of spaces between columns. */
const cells = (line: string | undefined) => line?.trim().split(/ {2,}/);

/** The lines of the customers' table (header first), up to the blank line that ends it. */
function detailLines(stdout: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith('Customers behind'));
  expect(start).toBeGreaterThan(0);
  const end = lines.indexOf('', start);
  return [lines[start + 1], ...lines.slice(start + 3, end)].map((line) => cells(line) ?? []);
}

describe('mrr --details MOVEMENT', () => {
  const path = file('subscriptions.csv', SUBSCRIPTIONS);
  const args = ['mrr', path, '--from', '2024-01', '--to', '2024-03'];

  it('lists the customers behind a movement over the window, by month then amount descending', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--details', 'new']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`Customers behind new from 2024-01 to 2024-03 — ${path}`);
    expect(detailLines(stdout)).toEqual([
      ['customer', 'month', 'movement', 'previous MRR (USD)', 'MRR (USD)', 'amount (USD)'],
      ['b', '2024-01', 'new', '0.00', '200.00', '200.00'],
      ['a', '2024-01', 'new', '0.00', '100.00', '100.00'],
      ['d', '2024-01', 'new', '0.00', '80.00', '80.00'],
      ['c', '2024-02', 'new', '0.00', '40.00', '40.00'],
      ['f', '2024-02', 'new', '0.00', '30.00', '30.00'],
      ['e', '2024-03', 'new', '0.00', '60.00', '60.00'],
    ]);
    const plain = await runCli(args);
    expect(stdout.startsWith(plain.stdout.split('\n\n')[0] ?? '')).toBe(true);
  });

  it('takes several movements, repeated or comma-separated, with the churn reason when churned is listed', async () => {
    const { code, stdout } = await runCli([...args, '--details', 'churned,expansion', '--details', 'contraction']);
    expect(code).toBe(0);
    expect(stdout).toContain('Customers behind expansion, contraction, churned from 2024-01 to 2024-03');
    expect(detailLines(stdout)).toEqual([
      ['customer', 'month', 'movement', 'previous MRR (USD)', 'MRR (USD)', 'amount (USD)', 'churn reason'],
      ['b', '2024-02', 'churned', '200.00', '0.00', '200.00', 'voluntary'],
      // A blank churn reason: the line ends with its amount.
      ['a', '2024-02', 'expansion', '100.00', '150.00', '50.00'],
      ['d', '2024-03', 'churned', '80.00', '0.00', '80.00', 'delinquent'],
    ]);
  });

  it('adds the details to the rows with --json, each movement adding up to the series figure', async () => {
    const { code, stdout } = await runCli([...args, '--details', 'all', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as {
      month: string;
      newMrr: number;
      expansionMrr: number;
      contractionMrr: number;
      churnedMrr: number;
      reactivationMrr: number;
      details: { customerId: string; movement: string; amount: number; churnReason?: string }[];
    }[];
    const figures = {
      new: 'newMrr',
      expansion: 'expansionMrr',
      contraction: 'contractionMrr',
      churned: 'churnedMrr',
      reactivation: 'reactivationMrr',
    } as const;
    for (const row of rows)
      for (const [movement, field] of Object.entries(figures)) {
        const sum = row.details.filter((entry) => entry.movement === movement).reduce((s, e) => s + e.amount, 0);
        expect(sum, `${row.month} ${movement}`).toBeCloseTo(row[field], 9);
      }
    expect(rows.map((row) => row.details.length)).toEqual([3, 4, 2]);
    expect(rows[2]?.details.find((entry) => entry.customerId === 'd')?.churnReason).toBe('delinquent');
    const without = JSON.parse((await runCli([...args, '--json'])).stdout) as object[];
    expect(without.every((row) => !('details' in row))).toBe(true);
  });

  it('lists the customers of invoice lines too', async () => {
    const invoices = file(
      'invoices.csv',
      [
        'customerId,amount,currency,kind,periodStart,periodEnd',
        'a,100,USD,recurring,2024-01-01,2024-02-01',
        'a,100,USD,recurring,2024-02-01,2024-03-01',
        'b,70,USD,recurring,2024-01-01,2024-02-01',
        'c,20,USD,recurring,2024-02-01,2024-03-01',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await runCli([
      'mrr',
      '--invoices',
      invoices,
      '--from',
      '2024-01',
      '--to',
      '2024-02',
      '--details',
      'churned,new',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(detailLines(stdout).slice(1)).toEqual([
      ['a', '2024-01', 'new', '0.00', '100.00', '100.00'],
      ['b', '2024-01', 'new', '0.00', '70.00', '70.00'],
      ['b', '2024-02', 'churned', '70.00', '0.00', '70.00', 'voluntary'],
      ['c', '2024-02', 'new', '0.00', '20.00', '20.00'],
    ]);
  });

  it('refuses a movement it does not know, and entering or leaving without a column, with exit 2', async () => {
    const bad = await runCli([...args, '--details', 'new,upgrades']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      "cs-metrics mrr: --details must be one of new, expansion, contraction, churned, reactivation, all, not 'upgrades'",
    );
    const entering = await runCli([...args, '--details', 'entering']);
    expect(entering.code).toBe(2);
    expect(entering.stderr.trim()).toBe(
      'cs-metrics mrr: --details entering lists the customers who changed segment: add --by COLUMN, such as --by plan',
    );
  });
});

// By hand: a pays 50 on basic in January and moves to pro at 30 in February (leaving basic 50, entering pro 30;
// in the whole series a contraction of 20); b is new on pro at 100 in January and churns in March.
const PLANS = [
  'customerId,amount,currency,start,end,plan',
  'a,50,USD,2024-01-01,2024-02-01,basic',
  'a,30,USD,2024-02-01,,pro',
  'b,100,USD,2024-01-01,2024-03-01,pro',
].join('\n');

describe('mrr --by COLUMN --details MOVEMENT', () => {
  const path = file('plans.csv', PLANS);
  const args = ['mrr', path, '--from', '2024-01', '--to', '2024-03', '--by', 'plan'];

  it("lists each segment's customers, a change of plan as leaving one and entering the other", async () => {
    const { code, stdout, stderr } = await runCli([...args, '--details', 'all']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(
      `Customers behind new, expansion, contraction, churned, reactivation, entering, leaving by plan from 2024-01 to 2024-03 — ${path}`,
    );
    expect(detailLines(stdout)).toEqual(
      [
        ['plan', 'customer', 'month', 'movement', 'previous MRR (USD)', 'MRR (USD)', 'amount (USD)', 'churn reason'],
        ['basic', 'a', '2024-01', 'new', '0.00', '50.00', '50.00', ''],
        ['basic', 'a', '2024-02', 'leaving', '50.00', '0.00', '50.00', ''],
        ['pro', 'b', '2024-01', 'new', '0.00', '100.00', '100.00', ''],
        ['pro', 'a', '2024-02', 'entering', '0.00', '30.00', '30.00', ''],
        ['pro', 'b', '2024-03', 'churned', '100.00', '0.00', '100.00', 'voluntary'],
      ].map((line) => (line.at(-1) === '' ? line.slice(0, -1) : line)),
    );
    expect(stdout).toContain('a customer who changed plan is leaving one and entering the other');
  });

  it("puts the lists in each segment's rows with --json, adding up to its entering and leaving", async () => {
    const { code, stdout } = await runCli([...args, '--details', 'entering,leaving', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      segments: {
        segment: string;
        rows: {
          period: string;
          enteringMrr: string;
          leavingMrr: string;
          details: { movement: string; amount: string }[];
        }[];
      }[];
    };
    const february = (name: string) => result.segments.find((each) => each.segment === name)?.rows[1];
    expect(february('basic')?.leavingMrr).toBe(50);
    expect(
      february('basic')
        ?.details.filter((entry) => entry.movement === 'leaving')
        .map((entry) => entry.amount),
    ).toEqual([50]);
    expect(february('pro')?.enteringMrr).toBe(30);
    expect(
      february('pro')
        ?.details.filter((entry) => entry.movement === 'entering')
        .map((entry) => entry.amount),
    ).toEqual([30]);
  });
});
