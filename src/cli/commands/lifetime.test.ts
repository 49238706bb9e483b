// lifetime end to end: a fit that did not converge, options checked first, an empty file.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { fitShiftedBetaGeometric, lifetimeObservations, survivalCurve, survivorsByPeriod } from '../../index.js';

const FIXTURES = 'test/fixtures/cli';

describe('lifetime', () => {
  it('marks a fit that did not converge and derives no lifetime value from it', async () => {
    // 1 000 customers who all start on 2023-01-01 and lose a tenth of those left each month: a constant
    // churn, the limit the shifted-beta-geometric model only reaches as α and β grow without bound.
    const file = `${FIXTURES}/constant-churn.csv`;
    const args = ['lifetime', file, '--as-of', '2025-01-01', '--arpa', '100'];
    const table = await runCli(args);
    expect(table.code).toBe(0);
    const warning =
      'cs-metrics lifetime: warning: the shifted-beta-geometric fit did not converge (α 1.096e+9, β 1.000e+10: churn looks constant); its lifetime values are not computed\n';
    expect(table.stderr).toBe(warning);
    expect(table.stdout).toMatch(/α [\d.]+, β [\d.]+ \(did not converge\)\n/);
    expect(table.stdout).toMatch(/discounted lifetime value of a new customer +not computed: the fit did not converge/);
    expect(table.stdout).toMatch(/discounted expected lifetime .* +not computed: the fit did not converge/);

    const json = await runCli([...args, '--json']);
    expect(json.stderr).toBe(warning);
    const result = JSON.parse(json.stdout);
    expect(result.survivors).toHaveLength(13);
    expect(result.fit).toEqual(asPrinted(fitShiftedBetaGeometric({ survivors: result.survivors })));
    expect(result.fit.converged).toBe(false);
    expect(result.lifetimeValue).toMatchObject({
      converged: false,
      discountedExpectedLifetime: null,
      discountedLifetimeValue: null,
    });
    expect(typeof result.lifetimeValue.simple).toBe('number');
  });

  it('prints a converged fit and its values as before, without a warning', async () => {
    const { code, stdout, stderr } = await runCli([
      'lifetime',
      'examples/data/customers.csv',
      '--as-of',
      '2024-12-31',
      '--arpa',
      '210',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result.fit.converged).toBe(true);
    expect(result.lifetimeValue.converged).toBe(true);
    expect(typeof result.lifetimeValue.discountedLifetimeValue).toBe('number');
  });

  it('checks its options before reading the file', async () => {
    for (const [options, message] of [
      [['--discount-rate=-0.1', '--arpa', '210'], '--discount-rate must not be negative'],
      [['--as-of', 'soon'], "--as-of must be a date such as 2024-12-31, not 'soon'"],
      [['--arpa', 'lots'], "--arpa must be a number, not 'lots'"],
    ] as const) {
      const { code, stderr } = await runCli(['lifetime', 'missing.csv', ...options]);
      expect(code).toBe(2);
      expect(stderr).toBe(`cs-metrics lifetime: ${message}\n`);
    }
  });

  it('says an empty file has no customers, without blaming an --as-of never given', async () => {
    const { code, stderr } = await runCli(['lifetime', `${FIXTURES}/empty-customers.csv`]);
    expect(code).toBe(2);
    expect(stderr).toBe(`cs-metrics lifetime: ${FIXTURES}/empty-customers.csv has no customers\n`);
    const filtered = await runCli(['lifetime', 'examples/data/customers.csv', '--where', 'id=nobody']);
    expect(filtered.stderr).toBe(
      'cs-metrics lifetime: examples/data/customers.csv has no customers (after --where id=nobody)\n',
    );
  });

  it('keeps the customers who started from --from to --to, followed to the last date of the whole file', async () => {
    const file = 'examples/data/customers.csv';
    const customers = (parse(readFileSync(file), { columns: true }) as Record<string, string>[]).map(
      ({ id, start, end }) => ({ id: id as string, start: start as string, ...(end ? { end } : {}) }),
    );
    const started = customers.filter(({ start }) => start >= '2023-04-01' && start <= '2023-12-31');
    const { code, stdout, stderr } = await runCli([
      'lifetime',
      file,
      '--from',
      '2023-04-01',
      '--to',
      '2023-12-31',
      '--json',
    ]);
    expect(code).toBe(0);
    // No warning about the window (the window lies within the starts); the fit of these months may not converge.
    expect(stderr).toMatch(/^(cs-metrics lifetime: warning: the shifted-beta-geometric fit did not converge.*\n)?$/);
    const result = JSON.parse(stdout);
    expect(result.started).toEqual({ from: '2023-04-01', to: '2023-12-31' });
    // --as-of is by default the last date of the file, not the last of the customers kept.
    const asOf = '2024-12-31';
    expect(result.survival).toEqual(
      asPrinted(survivalCurve(lifetimeObservations({ customers: started }, { asOf, unit: 'month' }))),
    );
    expect(result.survival.observations).toBe(started.length);
    // The fit's first year begins with the first start in the window.
    const first = started.map(({ start }) => start).sort()[0] as string;
    expect(first >= '2023-04-01').toBe(true);
    const from = Date.parse(first);
    const to = new Date(from).setUTCMonth(new Date(from).getUTCMonth() + 12);
    expect(result.survivors).toEqual(
      survivorsByPeriod({ customers: started }, { from, to, asOf, unit: 'month', periods: 24 }).survivors,
    );
    const table = await runCli(['lifetime', file, '--from', '2023-04-01', '--to', '2023-12-31']);
    expect(table.stdout).toContain(
      `Customer lifetimes of the customers who started 2023-04-01 to 2023-12-31 — ${file}\n`,
    );
  });

  it('checks --from and --to before reading the file, and says what a window that keeps nobody missed', async () => {
    const bad = await runCli(['lifetime', 'missing.csv', '--to', '31/12/2024']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("cs-metrics lifetime: --to must be a day written YYYY-MM-DD, not '31/12/2024'\n");
    const none = await runCli(['lifetime', 'examples/data/customers.csv', '--to', '2022-12-31']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'cs-metrics lifetime: examples/data/customers.csv has no customers (after --to 2022-12-31); its customers started from 2023-01-17 to 2024-12-31\n',
    );
    const help = await runCli(['lifetime', '--help']);
    expect(help.stdout).toMatch(/--to <YYYY-MM-DD> +keep the customers who started on or before this day \(UTC\)/);
  });
});
