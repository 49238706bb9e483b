// health --by COLUMN end to end: one line per segment, each the library's distribution of its accounts, the
// small ones marked, a blank cell in the flag words, and a period word refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { healthDistribution } from '../../index.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-health-segments-'));
const scorecard = join(folder, 'scorecard.json');
// One measure, usage from 0 to 1 scored 0 to 100: red to 50, yellow to 75, green above (the default bands).
writeFileSync(
  scorecard,
  JSON.stringify({ measures: { usage: { weight: 1, scale: { kind: 'linear', worst: 0, best: 1 } } } }),
);
const path = join(folder, 'accounts.csv');
const ACCOUNTS = ['customerId,usage,plan', 'a,0.1,basic', 'b,0.6,basic', 'c,0.9,basic', 'd,0.95,pro'];
writeFileSync(path, ACCOUNTS.join('\n'));
const args = ['health', path, '--scorecard', scorecard, '--lowest', '0'];

describe('health --by COLUMN', () => {
  it('prints the line of all accounts, then one line per segment, small ones marked', async () => {
    const { code, stdout, stderr } = await runCli([...args, '--by', 'plan', '--minimum-segment-size', '2']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Health of 4 accounts — ${path}, by plan`);
    expect(lines.slice(3, 6).map((line) => line.split(/ {2,}/))).toEqual([
      ['(all)', '4', '1', '25.0 %', '1', '25.0 %', '2', '50.0 %'],
      ['basic', '3', '1', '33.3 %', '1', '33.3 %', '1', '33.3 %'],
      ['pro', '1', '0', '0.0 %', '0', '0.0 %', '1', '100.0 %', '*'],
    ]);
    expect(stdout).toContain(
      '* fewer than 2 accounts: a small sample, whose figure can move a lot with a few more; do not read much into how it differs from the others.',
    );
  });

  it('gives the library result with --json', async () => {
    const { stdout } = await runCli([...args, '--by', 'plan', '--json']);
    const statuses = ['red', 'yellow', 'green', 'green'] as const;
    const accounts = ACCOUNTS.slice(1).map((line, i) => ({
      status: statuses[i] as (typeof statuses)[number],
      attributes: { plan: line.split(',')[2] as string },
    }));
    const printed = JSON.parse(stdout);
    expect({ total: printed.total, segments: printed.segments }).toEqual(
      asPrinted(healthDistribution(accounts, { segmentBy: 'plan' })),
    );
    expect(printed.distribution).toBeUndefined();
  });

  it('stops at a blank cell in the flag words, counts it in (none) on request, and refuses a period', async () => {
    const blank = join(folder, 'blank.csv');
    writeFileSync(blank, [...ACCOUNTS, 'e,0.2,'].join('\n'));
    const blankArgs = ['health', blank, '--scorecard', scorecard, '--by', 'plan'];
    expect(await runCli(blankArgs)).toEqual({
      code: 2,
      stdout: '',
      stderr: `cs-metrics health: ${blank}, line 6, column plan: plan is blank: --by plan needs a value on every account; add --missing-segment group to count such accounts in (none)\n`,
    });
    const grouped = await runCli([...blankArgs, '--missing-segment', 'group', '--lowest', '0']);
    expect(grouped.stdout.split('\n')[6]?.split(/ {2,}/).slice(0, 3)).toEqual(['(none)', '1', '1']);
    expect(await runCli([...args, '--by', 'quarter'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "cs-metrics health: health takes --by COLUMN (segment, region …), not --by quarter: the accounts' rows carry no date\n",
    });
    expect((await runCli([...args, '--minimum-segment-size', '5'])).stderr).toBe(
      'cs-metrics health: --minimum-segment-size needs --by COLUMN, such as --by segment\n',
    );
  });
});
