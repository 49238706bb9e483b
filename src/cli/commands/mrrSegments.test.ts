// mrr --by COLUMN end to end: the segments' lines of the last period, a plan change as leaving and entering
// (not churn), the library's segmented result with --json, and a blank segment cell.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { segmentedRevenueSeries } from '../../revenue/index.js';
import { SEGMENT_MONEY } from './mrrSegments.js';
import { SERIES_MONEY } from './revenue.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-mrr-segments-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

// By hand: a pays 100 on basic, moves to pro at 150 on 2024-02-10; b pays 200 on pro and leaves on
// 2024-02-20; c starts on basic at 40 in February. End of February: basic 40 (c), pro 150 (a).
const SUBSCRIPTIONS = [
  'customerId,amount,currency,start,end,plan',
  'a,100,USD,2024-01-01,2024-02-10,basic',
  'a,150,USD,2024-02-10,,pro',
  'b,200,USD,2024-01-01,2024-02-20,pro',
  'c,40,USD,2024-02-05,,basic',
].join('\n');

/** The cells of a table line, split on the runs of spaces between columns. */
const cells = (line: string | undefined) => line?.split(/ {2,}/);

describe('mrr --by COLUMN', () => {
  const path = file('subscriptions.csv', SUBSCRIPTIONS);
  const args = ['mrr', path, '--from', '2024-01', '--to', '2024-02'];

  it('prints the series, then one line per segment for the last month: a plan change leaves and enters', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--by', 'plan']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const plain = await runCli(args);
    expect(stdout.startsWith(plain.stdout.split('\n\n')[0] ?? '')).toBe(true);
    const lines = stdout.split('\n');
    const start = lines.indexOf(`MRR by plan in 2024-02 — ${path}`);
    expect(start).toBeGreaterThan(0);
    expect(cells(lines[start + 1])).toEqual([
      'plan',
      'MRR (USD)',
      'share',
      'customers',
      'new (USD)',
      'expansion (USD)',
      'contraction (USD)',
      'churned (USD)',
      'reactivation (USD)',
      'entering (USD)',
      'leaving (USD)',
      'net new (USD)',
    ]);
    // (all): 300 → 190, c new 40, a expanded 50, b churned 200; basic: a leaves 100, c new 40; pro: a enters
    // at 150, b churned 200.
    expect(lines.slice(start + 3, start + 6).map(cells)).toEqual([
      ['(all)', '190.00', '100.0 %', '2', '40.00', '50.00', '0.00', '200.00', '0.00', '—', '—', '-110.00'],
      ['basic', '40.00', '21.1 %', '1', '40.00', '0.00', '0.00', '0.00', '0.00', '0.00', '100.00', '-60.00'],
      ['pro', '150.00', '78.9 %', '1', '0.00', '0.00', '0.00', '200.00', '0.00', '150.00', '0.00', '-50.00'],
    ]);
    expect(stdout).toContain('By plan: MRR and customers at the end of 2024-02, the movements over 2024-02');
    expect(stdout).toContain('is leaving the first (its MRR there before) and entering the second');
  });

  it('takes a period too, and gives the library result with --json', async () => {
    const quarter = await runCli([...args, '--by', 'plan', '--by', 'quarter']);
    expect(quarter.stdout).toContain(`MRR by quarter — ${path}`);
    expect(quarter.stdout).toContain(`MRR by plan in 2024-Q1 — ${path}`);
    const { code, stdout } = await runCli([...args, '--by', 'column:plan', '--json']);
    expect(code).toBe(0);
    const subscriptions = SUBSCRIPTIONS.split('\n')
      .slice(1)
      .map((line) => {
        const [customerId = '', amount = '', currency = '', start = '', end = '', plan = ''] = line.split(',');
        return { customerId, amount, currency, start, ...(end === '' ? {} : { end }), attributes: { plan } };
      });
    const expected = segmentedRevenueSeries({ subscriptions }, { from: '2024-01', to: '2024-02', segmentBy: 'plan' });
    expect(JSON.parse(stdout)).toEqual(
      asPrinted(expected, [{ currency: 'USD', fields: [...SERIES_MONEY, ...SEGMENT_MONEY] }]),
    );
    expect(expected.segments.map((each) => each.rows.at(-1)?.churnedMrr)).toEqual([0, 200]);
  });

  it('stops at a blank cell in the flag words, and counts it in (none) with --missing-segment group', async () => {
    const blank = file('blank.csv', `${SUBSCRIPTIONS}\nd,10,USD,2024-02-01,,`);
    expect(await runCli(['mrr', blank, '--by', 'plan'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `cs-metrics mrr: ${blank}, line 6, column plan: plan is blank: --by plan needs a value on every subscription; add --missing-segment group to count such subscriptions in (none)\n`,
    });
    const grouped = await runCli(['mrr', blank, '--to', '2024-02', '--by', 'plan', '--missing-segment', 'group']);
    expect(grouped.code).toBe(0);
    const lines = grouped.stdout.split('\n');
    const last = lines.indexOf(`MRR by plan in 2024-02 — ${blank}`) + 6;
    expect(cells(lines[last])?.slice(0, 5)).toEqual(['(none)', '10.00', '5.0 %', '1', '10.00']);
  });

  it('refuses a file without the column, a blank-cell choice without a column, and invoice lines', async () => {
    expect((await runCli([...args, '--by', 'week'])).stderr).toBe(
      `cs-metrics mrr: ${path} has no column 'week' for --by week (its columns: customerId, amount, currency, start, end, plan): --by takes month, quarter, year or a column's name\n`,
    );
    expect((await runCli([...args, '--missing-segment', 'group'])).stderr).toBe(
      'cs-metrics mrr: --missing-segment needs --by COLUMN, such as --by plan\n',
    );
    expect(await runCli(['mrr', '--invoices', path, '--by', 'plan'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cs-metrics mrr: --by plan breaks down subscriptions: invoice lines have no plan\n',
    });
  });
});
