// lifetime --by COLUMN end to end: each segment's curve as the library draws it on that segment's customers,
// the log-rank test of the segments, blank cells, and the options that go (or do not go) with --by.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { compareSurvivalCurves, lifetimeObservations, type SurvivalObservation, survivalCurve } from '../../index.js';

const FILE = 'examples/data/customers.csv';
const AS_OF = '2024-12-31';
const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-lifetime-'));

const rows = parse(readFileSync(FILE), { columns: true }) as Record<string, string>[];
const lifetimeOf = ({ id, start, end }: Record<string, string>) => ({
  id: id as string,
  start: start as string,
  ...(end ? { end } : {}),
});

/** The observations of the customers of each value of `column`, as the library measures them. */
function groupsBy(column: string): Record<string, SurvivalObservation[]> {
  const groups: Record<string, SurvivalObservation[]> = {};
  for (const name of [...new Set(rows.map((row) => row[column] as string))].sort()) {
    const customers = rows.filter((row) => row[column] === name).map(lifetimeOf);
    const { durations, churned } = lifetimeObservations({ customers }, { asOf: AS_OF, unit: 'month' });
    groups[name] = durations.map((duration, k) => ({ duration, churned: churned[k] as boolean }));
  }
  return groups;
}

describe('lifetime --by', () => {
  it('gives the curve of all customers and of each segment, and the log-rank test of the segments', async () => {
    const { code, stdout, stderr } = await runCli(['lifetime', FILE, '--as-of', AS_OF, '--by', 'plan', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    const all = survivalCurve(
      lifetimeObservations({ customers: rows.map(lifetimeOf) }, { asOf: AS_OF, unit: 'month' }),
    );
    expect(result.total).toEqual(asPrinted(all));
    const groups = groupsBy('plan');
    expect(Object.keys(groups)).toEqual(['growth', 'scale', 'starter']);
    expect(result.segments).toEqual(
      Object.entries(groups).map(([segment, observations]) => ({
        segment,
        size: observations.length,
        result: asPrinted(survivalCurve({ observations })),
        smallSample: false,
      })),
    );
    expect(result.comparison).toEqual(asPrinted(compareSurvivalCurves({ groups })));
    expect(result.comparison.pValue).toBeLessThan(0.001);
    expect(result.weights).toBe('logrank');

    const table = await runCli(['lifetime', FILE, '--as-of', AS_OF, '--by', 'plan']);
    expect(table.stdout).toContain('Customer lifetimes — examples/data/customers.csv, by plan\n');
    expect(table.stdout).toMatch(/\n\(all\) +416 +95 +83\.0 % +72\.6 % +54\.6 % +not reached\n/);
    expect(table.stdout).toContain(
      'Log-rank test of the curves by plan: χ² 14.80, 2 degrees of freedom, p-value < 0.001\n',
    );
    expect(table.stdout).toMatch(/\nscale +16 +32\.65 +0\.49\n/);
  });

  it('takes the weights of the test, and marks small segments with a footnote', async () => {
    const args = ['lifetime', FILE, '--as-of', AS_OF, '--by', 'channel', '--weights', 'tarone-ware'];
    const json = JSON.parse((await runCli([...args, '--json', '--minimum-segment-size', '100'])).stdout);
    expect(json.comparison).toEqual(
      asPrinted(compareSurvivalCurves({ groups: groupsBy('channel') }, { weights: 'tarone-ware' })),
    );
    expect(json.segments.map((entry: { smallSample: boolean }) => entry.smallSample)).toEqual([true, false, false]);
    const { stdout } = await runCli([...args, '--minimum-segment-size', '100']);
    expect(stdout).toContain('Tarone–Ware test of the curves by channel: χ² ');
    expect(stdout).toMatch(/\npartner .* \*\n/);
    expect(stdout).toContain('* fewer than 100 customers: a small sample');
    const wilcoxon = await runCli([...args.slice(0, -1), 'wilcoxon']);
    expect(wilcoxon.stdout).toContain('Wilcoxon (Gehan–Breslow) test of the curves by channel');
  });

  it('stops at a blank cell with its line, or counts it in (none), and says when there is nothing to compare', async () => {
    const file = join(folder, 'blank.csv');
    writeFileSync(
      file,
      'id,start,end,plan\na,2024-01-01,2024-03-01,pro\nb,2024-01-01,,\nc,2024-02-01,2024-05-01,pro\nd,2024-02-01,,pro\n',
    );
    const stopped = await runCli(['lifetime', file, '--as-of', AS_OF, '--by', 'plan']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toBe(
      `cs-metrics lifetime: ${file}, line 3, column plan: plan is blank: --by plan needs a value on every customer; add --missing-segment group to count such customers in (none)\n`,
    );
    const grouped = await runCli(['lifetime', file, '--as-of', AS_OF, '--by', 'plan', '--missing-segment', 'group']);
    expect(grouped.code).toBe(0);
    expect(grouped.stdout).toMatch(/\n\(none\) +1 +0 /);
    expect(grouped.stdout).toContain('Log-rank test of the curves by plan');
    const one = join(folder, 'one.csv');
    writeFileSync(one, 'id,start,end,plan\na,2024-01-01,2024-03-01,pro\nb,2024-01-01,,pro\n');
    const single = await runCli(['lifetime', one, '--as-of', AS_OF, '--by', 'plan']);
    expect(single.code).toBe(0);
    expect(single.stdout).toContain('no test of the curves: fewer than two plan segments have customers.\n');
    expect(
      JSON.parse((await runCli(['lifetime', one, '--as-of', AS_OF, '--by', 'plan', '--json'])).stdout).comparison,
    ).toBeNull();
  });

  it('refuses what does not go with --by, before reading the file', async () => {
    for (const [options, message] of [
      [
        ['--by', 'plan', '--arpa', '210'],
        '--arpa goes without --by: the lifetime values are of all customers; run the two apart',
      ],
      [
        ['--weights', 'wilcoxon'],
        '--weights needs --by COLUMN, such as --by plan: it chooses the test of the curves by segment',
      ],
      [['--by', 'plan', '--weights', 'peto'], "--weights must be one of logrank, wilcoxon, tarone-ware, not 'peto'"],
      [['--minimum-segment-size', '5'], '--minimum-segment-size needs --by COLUMN, such as --by plan'],
    ] as const) {
      const { code, stderr } = await runCli(['lifetime', 'missing.csv', ...options]);
      expect(code).toBe(2);
      expect(stderr).toBe(`cs-metrics lifetime: ${message}\n`);
    }
  });
});
