// cohorts --by COLUMN end to end: the table of all customers, then one per segment, each the library's cohorts
// of its customers, the small ones marked, and --by refused with --revenue.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { cohortRetention } from '../../cohort/index.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-cohort-segments-'));
const path = join(folder, 'customers.csv');
// January: a, b (leaves in February), c on basic; February: d on pro.
const CUSTOMERS = [
  'id,start,end,plan',
  'a,2024-01-03,,basic',
  'b,2024-01-10,2024-02-15,basic',
  'c,2024-01-20,,basic',
  'd,2024-02-01,,pro',
];
writeFileSync(path, CUSTOMERS.join('\n'));
const args = ['cohorts', path, '--as-of', '2024-04-01'];

describe('cohorts --by COLUMN', () => {
  it('prints the table of all customers, then one per segment, small ones marked', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--by', 'plan', '--minimum-segment-size', '2']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const titles = stdout.split('\n').filter((line) => line.startsWith('Cohort retention'));
    const title = `Cohort retention by month, as of 2024-04-01 — ${path}`;
    expect(titles).toEqual([
      `${title}, all customers`,
      `${title}, plan basic: 3 customers`,
      `${title}, plan pro: 1 customer *`,
    ]);
    const rows = stdout.split('\n').filter((line) => line.startsWith('2024-01'));
    expect(rows.map((line) => line.split(/ {2,}/))).toEqual([
      ['2024-01', '3', '100.0 %', '66.7 %', '66.7 %'],
      ['2024-01', '3', '100.0 %', '66.7 %', '66.7 %'],
    ]);
    expect(stdout).toContain(
      '* fewer than 2 customers: a small sample, whose figure can move a lot with a few more; do not read much',
    );
  });

  it('gives the library result with --json', async () => {
    const { stdout } = await runCli([...args, '--by', 'plan', '--json']);
    const customers = CUSTOMERS.slice(1).map((line) => {
      const [id = '', start = '', end = '', plan = ''] = line.split(',');
      return { id, start, ...(end === '' ? {} : { end }), attributes: { plan } };
    });
    expect(JSON.parse(stdout)).toEqual(
      asPrinted({
        asOf: '2024-04-01',
        period: 'month',
        ...cohortRetention({ customers }, { period: 'month', asOf: '2024-04-01', segmentBy: 'plan' }),
      }),
    );
  });

  it('stops at a blank cell in the flag words, and refuses --by with --revenue', async () => {
    const blank = join(folder, 'blank.csv');
    writeFileSync(blank, [...CUSTOMERS, 'e,2024-01-01,,'].join('\n'));
    expect((await runCli(['cohorts', blank, '--by', 'plan'])).stderr).toBe(
      `cs-metrics cohorts: ${blank}, line 6, column plan: plan is blank: --by plan needs a value on every customer; add --missing-segment group to count such customers in (none)\n`,
    );
    expect(await runCli(['cohorts', '--revenue', 'examples/data/subscriptions.csv', '--by', 'plan'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "cs-metrics cohorts: cohorts --revenue takes no --by: leave out --revenue for the customers' cohorts by a column\n",
    });
  });
});
