// lifetime end to end: a fit that did not converge, options checked first, an empty file.
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { fitShiftedBetaGeometric } from '../../index.js';

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
});
