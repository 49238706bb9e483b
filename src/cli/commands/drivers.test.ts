// drivers end to end: the Cox fit of the sample customers' columns as the library makes it, numeric and
// categorical covariates, and what the model cannot estimate said in the command line's words.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { fitProportionalHazards, lifetimeObservations } from '../../index.js';

const FILE = 'examples/data/customers.csv';
const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-drivers-'));

/** A customers file of `rows` (`[id, start, end, …extra]`) with the extra columns `extra`. */
function customersFile(name: string, extra: readonly string[], rows: readonly (readonly string[])[]): string {
  const file = join(folder, name);
  writeFileSync(
    file,
    `${['id', 'start', 'end', ...extra].join(',')}\n${rows.map((row) => row.join(',')).join('\n')}\n`,
  );
  return file;
}

/** Twelve customers who start on 2024-01-01; the churned ones end after `months[i]` months. */
function cohort(values: (i: number) => readonly string[]): string[][] {
  return Array.from({ length: 12 }, (_, i) => {
    const end = i % 3 === 2 ? '' : `2024-${String(2 + (i % 9)).padStart(2, '0')}-01`;
    return [`c${i}`, '2024-01-01', end, ...values(i)];
  });
}

describe('drivers', () => {
  it('fits the sample customers on plan, channel and region, each against its most frequent value', async () => {
    const args = ['drivers', FILE, ...['plan', 'channel', 'region'].flatMap((name) => ['--covariate', name])];
    const { code, stdout, stderr } = await runCli([...args, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const rows = parse(readFileSync(FILE), { columns: true }) as Record<string, string>[];
    const customers = rows.map(({ id, start, end }) => ({
      id: id as string,
      start: start as string,
      ...(end ? { end } : {}),
    }));
    const { durations, churned } = lifetimeObservations({ customers }, { asOf: '2024-12-31', unit: 'month' });
    expect(durations).toHaveLength(rows.length);
    const indicator = (column: string, level: string) =>
      Float64Array.from(rows, (row) => (row[column] === level ? 1 : 0));
    const expected = fitProportionalHazards({
      duration: durations,
      churned,
      covariates: {
        'plan=growth': indicator('plan', 'growth'),
        'plan=scale': indicator('plan', 'scale'),
        'channel=partner': indicator('channel', 'partner'),
        'channel=sales': indicator('channel', 'sales'),
        'region=APAC': indicator('region', 'APAC'),
        'region=Europe': indicator('region', 'Europe'),
      },
    });
    const result = JSON.parse(stdout);
    expect(result).toEqual(
      asPrinted({
        asOf: '2024-12-31',
        ties: 'efron',
        references: { plan: 'starter', channel: 'self-serve', region: 'North America' },
        ...expected,
      }),
    );

    const table = await runCli(args);
    expect(table.stdout).toContain(
      'Drivers of churn — examples/data/customers.csv, as of 2024-12-31 (Cox proportional hazards, Efron ties)\n',
    );
    expect(table.stdout).toMatch(/\nplan=scale +-1\.166 +0\.31 +0\.17 +0\.59 +< 0\.001\n/);
    expect(table.stdout).toMatch(/\nlikelihood-ratio test +χ² 17\.04, 6 degrees of freedom, p-value 0\.009\n/);
    expect(table.stdout).toContain('reference values: plan=starter, channel=self-serve, region=North America.\n');
  });

  it('takes Breslow ties, a numeric column as one covariate, and the confidence of the intervals', async () => {
    const file = customersFile(
      'seats.csv',
      ['seats'],
      cohort((i) => [String((i * 7) % 11)]),
    );
    const args = [
      'drivers',
      file,
      '--covariate',
      'seats',
      '--ties',
      'breslow',
      '--confidence',
      '0.9',
      '--as-of',
      '2024-12-31',
    ];
    const { code, stdout } = await runCli([...args, '--json']);
    expect(code).toBe(0);
    const rows = cohort((i) => [String((i * 7) % 11)]);
    const customers = rows.map(([id, start, end]) => ({
      id: id as string,
      start: start as string,
      ...(end ? { end } : {}),
    }));
    const { durations, churned } = lifetimeObservations({ customers }, { asOf: '2024-12-31', unit: 'month' });
    const seats = Float64Array.from(rows, (row) => Number(row[3]));
    const expected = fitProportionalHazards(
      { duration: durations, churned, covariates: { seats } },
      { ties: 'breslow', confidence: 0.9 },
    );
    expect(JSON.parse(stdout)).toEqual(asPrinted({ asOf: '2024-12-31', ties: 'breslow', references: {}, ...expected }));
    const table = await runCli(args);
    expect(table.stdout).toContain('(Cox proportional hazards, Breslow ties)');
    expect(table.stdout).toMatch(/covariate +coefficient +hazard ratio +low \(90 %\) +high \(90 %\) +p-value/);
    expect(table.stdout).not.toContain('reference values');
  });

  it('says which covariate the model cannot estimate, and the flag that leaves it out', async () => {
    const separating = customersFile(
      'separating.csv',
      ['flag', 'size'],
      cohort((i) => [i % 3 === 2 ? 'kept' : 'left', String(i)]),
    );
    const separated = await runCli([
      'drivers',
      separating,
      '--covariate',
      'size',
      '--covariate',
      'flag',
      '--as-of',
      '2024-12-31',
    ]);
    expect(separated.code).toBe(2);
    expect(separated.stderr).toMatch(
      new RegExp(
        `^cs-metrics drivers: ${separating}: covariate flag=kept \\(customers with that flag against those with left\\) separates churners from the others perfectly.*; leave out --covariate flag\\n$`,
      ),
    );
    const constant = customersFile(
      'constant.csv',
      ['plan', 'seats'],
      cohort(() => ['pro', '5']),
    );
    for (const [column, words] of [
      ['plan', "column plan is 'pro' for every customer"],
      ['seats', 'column seats is 5 for every customer'],
    ] as const) {
      const result = await runCli(['drivers', constant, '--covariate', column]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `cs-metrics drivers: ${constant}: ${words}: a constant cannot explain churn; leave out --covariate ${column}\n`,
      );
    }
    const blank = customersFile('blank.csv', ['plan'], [...cohort(() => ['pro']), ['z', '2024-01-01', '', '']]);
    const stopped = await runCli(['drivers', blank, '--covariate', 'plan']);
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toBe(
      `cs-metrics drivers: ${blank}, line 14, column plan: plan is blank: --covariate plan needs a value on every customer (fill it, or leave out that --covariate, or those customers with --where)\n`,
    );
    const many = await runCli(['drivers', FILE, '--covariate', 'name']);
    expect(many.stderr).toBe(
      `cs-metrics drivers: ${FILE}: column name has 416 different values, too many to compare each with the others (at most 20): group them in a column of their own, or leave out --covariate name\n`,
    );
    const none = await runCli(['drivers', FILE, '--covariate', 'plan', '--as-of', '2023-01-01']);
    expect(none.stderr).toBe(
      `cs-metrics drivers: ${FILE}: no customer had started by --as-of 2023-01-01: the model needs customers who churned\n`,
    );
  });

  it('warns when the fit did not converge', async () => {
    const { code, stderr, stdout } = await runCli([
      'drivers',
      FILE,
      '--covariate',
      'plan',
      '--max-iterations',
      '1',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).converged).toBe(false);
    expect(stderr).toBe(
      'cs-metrics drivers: warning: the fit did not converge in 1 iteration: the estimates are where the search stopped; read them with care, or leave out a covariate\n',
    );
  });

  it('checks its options before reading the file', async () => {
    for (const [options, message] of [
      [
        [],
        'give at least one --covariate COLUMN (repeatable), a column of the customers file such as --covariate plan',
      ],
      [['--covariate', 'plan', '--ties', 'exact'], "--ties must be one of efron, breslow, not 'exact'"],
      [
        ['--covariate', 'plan', '--max-iterations', '0'],
        "--max-iterations must be a whole number from 1 to 1000, not '0'",
      ],
      [
        ['--covariate', 'plan', '--confidence', '95'],
        "--confidence must be between 0 and 1 (exclusive), such as 0.95, not '95'",
      ],
      [['--covariate', 'plan', '--as-of', 'soon'], "--as-of must be a date such as 2024-12-31, not 'soon'"],
    ] as const) {
      const { code, stderr } = await runCli(['drivers', 'missing.csv', ...options]);
      expect(code).toBe(2);
      expect(stderr).toBe(`cs-metrics drivers: ${message}\n`);
    }
    const missing = await runCli(['drivers', FILE, '--covariate', 'seats']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `cs-metrics drivers: ${FILE} has no column 'seats' for --covariate seats (its columns: id, name, segment, currency, signedUpAt, start, end, firstValueAt, plan, region, channel)\n`,
    );
  });
});
