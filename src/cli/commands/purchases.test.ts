// purchases end to end: the sample company's transactions, the library's results as printed, bad input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import {
  expectedPurchases,
  fitBetaGeometricNbd,
  fitGammaGamma,
  fitParetoNbd,
  type PurchaseTransaction,
  predictCustomerValue,
  probabilityAlive,
  summarizePurchases,
} from '../../purchases/index.js';

const SAMPLE = 'examples/data/transactions.csv';
const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-purchases-'));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** The sample's summary, as the library computes it from the file's rows. */
function sampleCustomers(asOf: string, unit: 'day' | 'week' | 'month') {
  const rows: { customerId: string; at: string; amount: string }[] = parse(readFileSync(SAMPLE, 'utf8'), {
    columns: true,
  });
  const transactions: PurchaseTransaction[] = rows.map(({ customerId, at, amount }) => ({ customerId, at, amount }));
  return summarizePurchases({ transactions }, { asOf, unit }).customers;
}

describe('purchases', () => {
  it("prints the library's fits, the customers most likely to have lapsed and the value of the base", async () => {
    const { code, stdout, stderr } = await runCli(['purchases', SAMPLE, '--as-of', '2024-12-31', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const customers = sampleCustomers('2024-12-31', 'week');
    const fit = fitBetaGeometricNbd({ customers });
    const spend = fitGammaGamma({ customers });
    expect(result.fit).toEqual(asPrinted(fit));
    expect(result.fit.converged).toBe(true);
    expect(result.spendFit).toEqual(asPrinted(spend));
    expect(result.customers).toBe(customers.length);
    expect(result.transactions).toBe(1199);

    // 12 months of 365/12 days, in weeks, as the command computes them.
    const expected = expectedPurchases({ model: fit, periods: 12 * (365 / 12 / 7), customers });
    const alive = probabilityAlive({ model: fit, customers });
    const total = expected.reduce((sum, value) => sum + value, 0);
    expect(result.base.expectedPurchases).toBeCloseTo(total, 9);
    const value = predictCustomerValue(
      { purchaseModel: fit, valueModel: spend, customers, months: 12, discountRate: 0.01 },
      { unit: 'week' },
    );
    expect(result.base.value).toBe(Number(value.total.toFixed(2)));

    const repeat = customers.flatMap((customer, i) => (customer.frequency > 0 ? [i] : []));
    const lowest = repeat.sort((i, j) => (alive[i] as number) - (alive[j] as number)).slice(0, 10);
    expect(result.lapsed.map((row: { customerId: string }) => row.customerId)).toEqual(
      lowest.map((i) => customers[i]?.customerId),
    );
    const first = customers[lowest[0] as number];
    expect(result.lapsed[0]).toEqual(
      asPrinted({
        customerId: first?.customerId,
        frequency: first?.frequency,
        sinceLastPurchase: (first?.age ?? 0) - (first?.recency ?? 0),
        probabilityAlive: alive[lowest[0] as number],
        expectedPurchases: expected[lowest[0] as number],
      }),
    );
  });

  it('fits the Pareto/NBD model with --model pareto-nbd, in days, and lists --top customers', async () => {
    const args = ['purchases', SAMPLE, '--as-of', '2024-12-31', '--model', 'pareto-nbd', '--unit', 'day'];
    const { code, stdout } = await runCli([...args, '--top', '3', '--months', '24', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const customers = sampleCustomers('2024-12-31', 'day');
    expect(result.fit).toEqual(asPrinted(fitParetoNbd({ customers })));
    expect(result.lapsed).toHaveLength(3);
    expect(result.base.months).toBe(24);
    const table = await runCli(args);
    expect(table.stdout).toMatch(/Pareto\/NBD fit \(days\) +r [\d.]+, α [\d.]+, s [\d.]+, β [\d.]+\n/);
    expect(table.stdout).toContain('days since last purchase');
  });

  it('fits no spend model and values nothing without amounts, and warns of a fit that did not converge', async () => {
    const path = file(
      'no-amounts.csv',
      'customerId,at\na,2024-01-01\na,2024-02-01\nb,2024-01-05\nb,2024-03-01\nc,2024-02-01\n',
    );
    const { code, stdout, stderr } = await runCli(['purchases', path, '--as-of', '2024-12-31', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.spendFit).toBeNull();
    expect(result.base.value).toBeNull();
    expect(result.fit.converged).toBe(false);
    expect(stderr).toBe(
      'cs-metrics purchases: warning: the BG/NBD fit did not converge: its parameters and predictions are uncertain\n',
    );
    const table = await runCli(['purchases', path, '--as-of', '2024-12-31']);
    expect(table.stdout).toMatch(/BG\/NBD fit \(weeks\) +r .* \(did not converge\)\n/);
    expect(table.stdout).not.toContain('Gamma-Gamma');
  });

  it('names the file, line and column of bad input, in the flags of the command line', async () => {
    const cases: [string, string, string][] = [
      [
        'after.csv',
        'customerId,at,amount\na,2024-01-01,10\na,2024-02-01,12\nb,2024-01-05,8\nb,2025-03-01,9\n',
        'line 5, column at: a purchase of customer "b" is after --as-of 2024-12-31: choose a later --as-of, or leave later purchases out (--where, or cut the file)',
      ],
      [
        'bad-date.csv',
        'customerId,at,amount\na,2024-01-01,10\na,soon,12\n',
        'line 3, column at: at must be an ISO date (2024-03-15 or 2024-03-15T10:00:00Z), a valid Date or epoch milliseconds, not "soon"',
      ],
      [
        'negative.csv',
        'customerId,at,amount\na,2024-01-01,10\na,2024-02-01,-5\n',
        'line 3, column amount: amount must not be negative',
      ],
      [
        'no-column.csv',
        'customerId,when,amount\na,2024-01-01,10\n',
        "has no column 'at' (its columns: customerId, when, amount)",
      ],
      [
        'no-repeat.csv',
        'customerId,at,amount\na,2024-01-01,10\nb,2024-02-01,3\n',
        '', // worded below: it names the file first
      ],
    ];
    for (const [name, text, message] of cases) {
      const path = file(name, text);
      const { code, stdout, stderr } = await runCli(['purchases', path, '--as-of', '2024-12-31']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const expected =
        message === ''
          ? `no customer of ${path} has a repeat purchase (a second day with a purchase) up to --as-of 2024-12-31: the models cannot be fitted`
          : `${path}${message.startsWith('line') ? ', ' : ' '}${message}`;
      expect(stderr).toBe(`cs-metrics purchases: ${expected}\n`);
    }
    const late = file('late.csv', 'customerId,at,amount\na,2024-12-31,10\n');
    expect((await runCli(['purchases', late, '--as-of', '2024-12-31'])).stderr).toBe(
      `cs-metrics purchases: ${late} has no customer whose first purchase is before --as-of 2024-12-31\n`,
    );
    const renamed = file('renamed.csv', 'buyer,on,total\na,2024-01-01,10\na,2025-02-01,12\n');
    const mapped = await runCli([
      'purchases',
      renamed,
      '--as-of',
      '2024-12-31',
      ...['--map', 'customerId=buyer', '--map', 'at=on', '--map', 'amount=total'],
    ]);
    expect(mapped.stderr).toMatch(/, line 3, column on: a purchase of customer "a" is after --as-of 2024-12-31/);
  });

  it('checks its options before reading the file', async () => {
    for (const [options, message] of [
      [[], '--as-of is required: the end of observation, such as 2024-12-31'],
      [['--as-of', '2024-13-45'], "--as-of must be a date such as 2024-12-31, not '2024-13-45'"],
      [['--as-of', '2024-12-31', '--unit', 'year'], "--unit must be one of day, week, month, not 'year'"],
      [['--as-of', '2024-12-31', '--model', 'bg-bb'], "--model must be one of bg-nbd, pareto-nbd, not 'bg-bb'"],
      [['--as-of', '2024-12-31', '--top', '0'], '--top must be a whole number ≥ 1, not 0'],
      [['--as-of', '2024-12-31', '--months', '1.5'], '--months must be a whole number ≥ 1, not 1.5'],
      [['--as-of', '2024-12-31', '--discount-rate=-0.1'], '--discount-rate must not be negative'],
    ] as const) {
      const { code, stderr } = await runCli(['purchases', 'missing.csv', ...options]);
      expect(code).toBe(2);
      expect(stderr).toBe(`cs-metrics purchases: ${message}\n`);
    }
  });
});
