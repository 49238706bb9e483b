// churn --by COLUMN end to end: one line per segment, each the library's churn of its customers, the small
// ones marked, a blank cell in the flag words, and a period word refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { customerChurn } from '../../retention/index.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-churn-segments-'));
const path = join(folder, 'customers.csv');
// December 2024: a, b, c at the start on basic (b leaves), d at the start on pro, e new on pro.
const CUSTOMERS = [
  'id,start,end,plan',
  'a,2024-01-01,,basic',
  'b,2024-01-01,2024-12-10,basic',
  'c,2024-03-01,,basic',
  'd,2024-02-01,,pro',
  'e,2024-12-05,,pro',
];
writeFileSync(path, CUSTOMERS.join('\n'));
const args = ['churn', path, '--month', '2024-12'];

describe('churn --by COLUMN', () => {
  it('prints the line of all customers, then one line per segment, small ones marked', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--by', 'plan', '--minimum-segment-size', '2']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Customer churn, 2024-12-01 to 2024-12-31 — ${path}, by plan`);
    expect(lines.slice(3, 6).map((line) => line.split(/ {2,}/))).toEqual([
      ['(all)', '4', '1', '1', '4', '25.0 %', '75.0 %'],
      ['basic', '3', '0', '1', '2', '33.3 %', '66.7 %'],
      ['pro', '1', '1', '0', '2', '0.0 %', '100.0 %', '*'],
    ]);
    expect(stdout).toContain('* fewer than 2 customers at the start: a small sample');
  });

  it('gives the library result with --json', async () => {
    const { stdout } = await runCli([...args, '--by', 'plan', '--json']);
    const customers = CUSTOMERS.slice(1).map((line) => {
      const [id = '', start = '', end = '', plan = ''] = line.split(',');
      return { id, start, ...(end === '' ? {} : { end }), attributes: { plan } };
    });
    const period = { from: '2024-12-01', to: '2025-01-01' };
    expect(JSON.parse(stdout)).toEqual(
      asPrinted({
        period: { from: '2024-12-01', to: '2024-12-31' },
        ...customerChurn({ customers, period }, { segmentBy: 'plan' }),
      }),
    );
  });

  it('stops at a blank cell in the flag words, counts it in (none) on request, and refuses a period', async () => {
    const blank = join(folder, 'blank.csv');
    writeFileSync(blank, [...CUSTOMERS, 'f,2024-01-01,,'].join('\n'));
    expect((await runCli(['churn', blank, '--month', '2024-12', '--by', 'plan'])).stderr).toBe(
      `cs-metrics churn: ${blank}, line 7, column plan: plan is blank: --by plan needs a value on every customer; add --missing-segment group to count such customers in (none)\n`,
    );
    const grouped = await runCli(['churn', blank, '--month', '2024-12', '--by', 'plan', '--missing-segment', 'group']);
    expect(grouped.stdout.split('\n')[6]?.split(/ {2,}/).slice(0, 2)).toEqual(['(none)', '1']);
    expect(await runCli([...args, '--by', 'quarter'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'cs-metrics churn: churn takes --by COLUMN (plan, region …), not --by quarter: give the period with --month, or --from and --to\n',
    });
  });
});
