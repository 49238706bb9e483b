// mrr and trials end to end on billing data: dated rates with the FX impact column, --rate-date, trials from
// trialStart, invoice lines with --usage, and the errors of each.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { invoiceRevenueSeries, recurringRevenueSeries, trialConversion } from '../../revenue/index.js';
import { SERIES_MONEY } from './revenue.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-billing-'));
const file = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const columnsOf = (stdout: string) => (stdout.split('\n')[1] ?? '').split(/ {2,}/);

// a pays 100 EUR from January; b 50 USD from February. EUR is 1.10 USD in January, 1.20 from February.
const subscriptions = file(
  'subscriptions.csv',
  ['customerId,amount,currency,start,end', 'a,100,EUR,2024-01-01,', 'b,50,USD,2024-02-01,'].join('\n'),
);
const rates = file('rates.csv', ['currency,from,rate', 'EUR,2024-01-01,1.10', 'EUR,2024-02-01,1.20'].join('\n'));
const dated = {
  EUR: [
    { from: '2024-01-01', rate: '1.10' },
    { from: '2024-02-01', rate: '1.20' },
  ],
};

describe('mrr with dated rates', () => {
  it('converts each month at the rate of its last day and shows the FX impact', async () => {
    const args = ['mrr', subscriptions, '--rates', rates, '--currency', 'USD', '--from', '2024-01', '--to', '2024-02'];
    const { code, stdout, stderr } = await runCli(args);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(columnsOf(stdout)).toContain('FX impact (USD)');
    // February: 110 USD of January + 50 new + 10 of FX impact = 170.
    expect(stdout.split('\n')[4]?.split(/ {2,}/).slice(0, 2)).toEqual(['2024-02', '170.00']);
    expect(stdout).toMatch(/2024-02 .* 50\.00 .* 60\.00 +10\.00 /);
    expect(stdout).toContain(
      'net new includes it (new + expansion + reactivation − contraction − churned + FX impact).',
    );
    const json = await runCli([...args, '--json']);
    const expected = recurringRevenueSeries(
      {
        subscriptions: [
          { customerId: 'a', amount: 100, currency: 'EUR', start: '2024-01-01' },
          { customerId: 'b', amount: 50, currency: 'USD', start: '2024-02-01' },
        ],
      },
      { from: '2024-01', to: '2024-02', currency: 'USD', exchangeRates: dated },
    );
    expect(JSON.parse(json.stdout)).toEqual(
      asPrinted(
        expected.map((row) => ({ ...row, currency: 'USD' })),
        [{ currency: 'USD', fields: SERIES_MONEY }],
      ),
    );
    expect(expected[1]?.fxImpactMrr).toBe(10);
  });

  it('keeps each record at the rate of its start with --rate-date record-start, without the FX column', async () => {
    const args = ['mrr', subscriptions, '--rates', rates, '--currency', 'USD', '--from', '2024-01', '--to', '2024-02'];
    const { code, stdout } = await runCli([...args, '--rate-date', 'record-start']);
    expect(code).toBe(0);
    expect(columnsOf(stdout)).not.toContain('FX impact (USD)');
    expect(stdout.split('\n')[4]?.split(/ {2,}/).slice(0, 2)).toEqual(['2024-02', '160.00']);
    expect(await runCli([...args, '--rate-date', 'today'])).toMatchObject({
      code: 2,
      stderr: "cs-metrics mrr: --rate-date must be one of month-end, record-start, not 'today'\n",
    });
  });

  it('shows no FX column with fixed rates', async () => {
    const { stdout } = await runCli(['mrr', subscriptions, '--currency', 'USD', '--rate', 'EUR=1.1']);
    expect(columnsOf(stdout)).not.toContain('FX impact (USD)');
  });

  it('needs --currency with a table of dated rates', async () => {
    expect(await runCli(['mrr', subscriptions, '--rates', rates])).toEqual({
      code: 2,
      stdout: '',
      stderr: `cs-metrics mrr: --rates ${rates} holds dated rates without a target currency: give it with --currency, such as --currency USD\n`,
    });
  });

  it('names the record, the rates file and the fix when a currency has no rate on a day', async () => {
    const late = file('late.csv', ['currency,from,rate', 'EUR,2024-02-01,1.20'].join('\n'));
    expect(await runCli(['mrr', subscriptions, '--rates', late, '--currency', 'USD'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `cs-metrics mrr: ${subscriptions}, line 2, column currency: ${late} has no EUR rate in force on 2024-01-31 (its first rate is from 2024-02-01): add a EUR rate from that day or earlier to ${late}\n`,
    });
  });

  it('names the line and column of a bad rate', async () => {
    const bad = file('bad.csv', ['currency,from,rate', 'EUR,2024-01-01,-1'].join('\n'));
    expect(await runCli(['mrr', subscriptions, '--rates', bad, '--currency', 'USD'])).toMatchObject({
      code: 2,
      stderr: `cs-metrics mrr: ${bad}, line 2, column rate: rate must be a decimal greater than 0, such as 1.08, not '-1'\n`,
    });
  });
});

describe('mrr with failed payments', () => {
  // f pays 100 and leaves at the end of January of its own accord; g pays 200, fails to pay from 25 January
  // and is canceled for it on 1 March.
  const failed = file(
    'failed.csv',
    [
      'customerId,amount,start,end,status,pastDueSince,endReason',
      'f,100,2024-01-01,2024-02-01,canceled,,voluntary',
      'g,200,2024-01-01,2024-01-25,active,,',
      'g,200,2024-01-25,2024-03-01,past_due,2024-01-25,delinquent',
    ].join('\n'),
  );
  const args = ['mrr', failed, '--from', '2024-01', '--to', '2024-03'];
  const cells = (stdout: string, line: number) => stdout.split('\n')[line]?.split(/ {2,}/).slice(0, 8);

  it('shows the delinquent churn beside the churned MRR', async () => {
    const { code, stdout } = await runCli(args);
    expect(code).toBe(0);
    expect(columnsOf(stdout).slice(6, 8)).toEqual(['churned', 'delinquent churn']);
    expect(cells(stdout, 4)).toEqual(['2024-02', '200.00', '1', '0.00', '0.00', '0.00', '100.00', '0.00']);
    expect(cells(stdout, 5)).toEqual(['2024-03', '0.00', '0', '0.00', '0.00', '0.00', '200.00', '200.00']);
    expect(stdout).toContain('Delinquent churn is the part of churned lost to failed payments');
    const rows = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(rows[2]).toMatchObject({ delinquentChurnedMrr: 200, voluntaryChurnedMrr: 0, delinquentChurnedCustomers: 1 });
    expect(rows[1]).toMatchObject({ delinquentChurnedMrr: 0, voluntaryChurnedMrr: 100, voluntaryChurnedCustomers: 1 });
    expect(
      columnsOf((await runCli(['mrr', subscriptions, '--currency', 'USD', '--rate', 'EUR=1.1'])).stdout),
    ).not.toContain('delinquent churn');
  });

  it('ends a past-due record --grace-days after its pastDueSince', async () => {
    const { code, stdout } = await runCli([...args, '--grace-days', '14']);
    expect(code).toBe(0);
    // g stops counting on 8 February: delinquent churn in February.
    expect(cells(stdout, 4)).toEqual(['2024-02', '0.00', '0', '0.00', '0.00', '0.00', '300.00', '200.00']);
    expect(stdout).toContain('or past due for more than --grace-days');
    const negative = await runCli([...args, '--grace-days=-1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/^cs-metrics mrr: --grace-days /);
    expect(await runCli([...args, '--grace-days', 'two'])).toMatchObject({
      code: 2,
      stderr: "cs-metrics mrr: --grace-days must be a number, not 'two'\n",
    });
    const bad = file(
      'bad-reason.csv',
      ['customerId,amount,start,end,endReason', 'f,100,2024-01-01,2024-02-01,unpaid'].join('\n'),
    );
    const refused = await runCli(['mrr', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^cs-metrics mrr: ${bad}, line 2, column endReason: endReason `));
  });
});

describe('mrr with trials', () => {
  const trials = file(
    'trials.csv',
    [
      'customerId,amount,trialStart,start,end,cancelAt',
      'a,10,2024-01-10,2024-02-09,,2024-06-01',
      'b,20,2024-01-20,2024-02-19,2024-02-19,',
    ].join('\n'),
  );

  it('shows the trials started and converted when the records have a trialStart', async () => {
    const { code, stdout } = await runCli(['mrr', trials, '--from', '2024-01', '--to', '2024-02']);
    expect(code).toBe(0);
    expect(columnsOf(stdout).slice(-2)).toEqual(['trials', 'converted']);
    expect(stdout.split('\n')[3]?.trim().split(/ {2,}/).slice(-2)).toEqual(['2', '0']);
    expect(stdout.split('\n')[4]?.trim().split(/ {2,}/).slice(-2)).toEqual(['0', '1']);
    const without = await runCli(['mrr', subscriptions, '--currency', 'USD', '--rate', 'EUR=1.1']);
    expect(columnsOf(without.stdout)).not.toContain('trials');
  });

  it('counts the trial conversions of the records with the trials command', async () => {
    const args = ['trials', trials, '--from', '2024-01-01', '--to', '2024-01-31'];
    const { code, stdout } = await runCli([...args, '--json']);
    expect(code).toBe(0);
    const expected = trialConversion(
      {
        trials: [
          { customerId: 'a', start: '2024-01-10', end: '2024-02-09', convertedAt: '2024-02-09' },
          { customerId: 'b', start: '2024-01-20', end: '2024-02-19' },
        ],
      },
      { from: '2024-01-01', to: '2024-02-01', asOf: '2024-02-01' },
    );
    // Known on 31 January, neither has converted yet; both may.
    expect(JSON.parse(stdout)).toMatchObject({ started: 2, converted: 0, pending: 2, rate: expected.rate });
    const later = JSON.parse((await runCli([...args, '--as-of', '2024-03-31', '--json'])).stdout);
    expect(later).toMatchObject({ asOf: '2024-03-31', started: 2, converted: 1, pending: 0, rate: 0.5 });
    const table = await runCli([...args, '--as-of', '2024-03-31', '--within', '20']);
    expect(table.stdout).toMatch(/2024-01-01 to 2024-01-31 +2 +0 +0 +0\.0 %/);
    expect(table.stdout).toContain('within 20 days of the trial’s start');
  });
});

describe('trials', () => {
  // c trials in January, pays from 1 February; d trials and never pays; e pays with no trial.
  const records = file(
    'statuses.csv',
    [
      'customerId,amount,start,end,status',
      'c,0,2024-01-01,2024-01-15,trialing',
      'c,30,2024-02-01,,active',
      'd,0,2024-01-05,2024-01-19,trialing',
      'e,30,2024-01-05,,active',
    ].join('\n'),
  );

  it('reads a trialing record as a trial, converted at the customer’s next paid start', async () => {
    const { code, stdout } = await runCli(['trials', records, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      from: '2024-01-01',
      to: '2024-01-05',
      asOf: '2024-02-01',
      started: 2,
      converted: 1,
      pending: 0,
      rate: 0.5,
    });
    const within = JSON.parse((await runCli(['trials', records, '--within', '30', '--json'])).stdout);
    expect(within).toMatchObject({ within: 30, converted: 0 });
  });

  it('refuses a file without trials, a bad --within and a bad date, naming the line', async () => {
    const none = file('none.csv', ['customerId,amount,start', 'e,30,2024-01-05'].join('\n'));
    expect(await runCli(['trials', none])).toMatchObject({
      code: 2,
      stderr: `cs-metrics trials: ${none} holds no trials: no record has status trialing or a trialStart\n`,
    });
    expect(await runCli(['trials', records, '--within', '0'])).toMatchObject({
      code: 2,
      stderr: "cs-metrics trials: --within must be a number of days greater than 0, not '0'\n",
    });
    expect(await runCli(['trials', records, '--as-of', 'soon'])).toMatchObject({
      code: 2,
      stderr: "cs-metrics trials: --as-of must be a day written YYYY-MM-DD, not 'soon'\n",
    });
    const bad = file('bad-trial.csv', ['customerId,amount,start,status', 'c,0,someday,trialing'].join('\n'));
    expect(await runCli(['trials', bad])).toMatchObject({
      code: 2,
      stderr: `cs-metrics trials: ${bad}, line 2, column start: start must be a date such as 2024-01-31, not 'someday'\n`,
    });
    const after = file('after.csv', ['customerId,amount,trialStart,start', 'c,10,2024-03-01,2024-02-01'].join('\n'));
    expect(await runCli(['trials', after])).toMatchObject({
      code: 2,
      stderr: `cs-metrics trials: ${after}, line 2, column trialStart: trialStart must not be after start\n`,
    });
    // The same on a trial that never paid (its span is empty): the column at fault is still trialStart.
    const unpaid = file(
      'unpaid.csv',
      ['customerId,amount,start,end,trialStart', 'c,10,2024-01-01,2024-01-01,2024-01-05'].join('\n'),
    );
    expect(await runCli(['trials', unpaid])).toMatchObject({
      code: 2,
      stderr: `cs-metrics trials: ${unpaid}, line 2, column trialStart: trialStart must not be after start\n`,
    });
  });
});

describe('mrr --invoices', () => {
  const invoices = file(
    'invoices.csv',
    [
      'customerId,amount,tax,currency,kind,periodStart,periodEnd',
      'a,120,20,USD,recurring,2024-01-01,2024-02-01',
      'a,120,20,USD,recurring,2024-02-01,2024-03-01',
      'a,30,,USD,usage,2024-01-01,2024-02-01',
      'b,500,,USD,one-off,2024-01-15,2024-01-15',
    ].join('\n'),
  );
  const lines = [
    {
      customerId: 'a',
      amount: 120,
      tax: 20,
      currency: 'USD',
      kind: 'recurring',
      periodStart: '2024-01-01',
      periodEnd: '2024-02-01',
    },
    {
      customerId: 'a',
      amount: 120,
      tax: 20,
      currency: 'USD',
      kind: 'recurring',
      periodStart: '2024-02-01',
      periodEnd: '2024-03-01',
    },
    { customerId: 'a', amount: 30, currency: 'USD', kind: 'usage', periodStart: '2024-01-01', periodEnd: '2024-02-01' },
    {
      customerId: 'b',
      amount: 500,
      currency: 'USD',
      kind: 'one-off',
      periodStart: '2024-01-15',
      periodEnd: '2024-01-15',
    },
  ] as const;

  it('computes the series from invoice lines, with usage and one-off revenue', async () => {
    const { code, stdout, stderr } = await runCli(['mrr', '--invoices', invoices]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe(`MRR by month — ${invoices}`);
    expect(columnsOf(stdout).slice(-2)).toEqual(['usage (USD)', 'one-off (USD)']);
    expect(stdout.split('\n')[3]?.split(/ {2,}/).slice(0, 2)).toEqual(['2024-01', '100.00']);
    expect(stdout.split('\n')[3]?.trim().split(/ {2,}/).slice(-2)).toEqual(['0.00', '500.00']);
    expect(stdout.split('\n')[4]?.trim().split(/ {2,}/).slice(-2)).toEqual(['30.00', '0.00']);
    const json = JSON.parse(
      (await runCli(['mrr', '--invoices', invoices, '--usage', 'invoice-month', '--json'])).stdout,
    );
    const expected = invoiceRevenueSeries({ lines }, { from: '2024-01', to: '2024-02', usage: 'invoice-month' });
    expect(json).toEqual(
      asPrinted(
        expected.map((row) => ({ ...row, currency: 'USD' })),
        [{ currency: 'USD', fields: SERIES_MONEY }],
      ),
    );
    expect(json[1].mrr).toBe(130);
    expect((await runCli(['mrr', '--invoices', invoices, '--usage', 'service-period'])).stdout).toContain(
      'and the usage lines, over their service periods',
    );
  });

  it('refuses what invoice lines cannot take, and names the line of a bad one', async () => {
    const refused = async (args: string[], stderr: string) =>
      expect(await runCli(['mrr', ...args])).toEqual({ code: 2, stdout: '', stderr: `cs-metrics mrr: ${stderr}\n` });
    await refused(
      ['--invoices', invoices, subscriptions],
      `give a subscriptions file or --invoices ${invoices}, not both`,
    );
    await refused(
      [subscriptions, '--usage', 'exclude'],
      '--usage applies to invoice lines: give them with --invoices invoices.csv',
    );
    await refused(
      ['--invoices', invoices, '--usage', 'later'],
      "--usage must be one of exclude, invoice-month, service-period, not 'later'",
    );
    await refused(
      ['--invoices', invoices, '--discounts', 'ignore'],
      '--discounts applies to subscriptions, not to the invoice lines of --invoices',
    );
    await refused(
      ['--invoices', invoices, '--grace-days', '3'],
      '--grace-days applies to subscriptions, not to the invoice lines of --invoices',
    );
    const taxed = file(
      'taxed.csv',
      ['customerId,amount,tax,periodStart,periodEnd', 'a,10,20,2024-01-01,2024-02-01'].join('\n'),
    );
    const { code, stderr } = await runCli(['mrr', '--invoices', taxed]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^cs-metrics mrr: ${taxed}, line 2, column tax: tax `));
  });
  it('converts EUR invoice lines at each month-end rate with --rates, and names the line a rate is missing for', async () => {
    // 100 EUR a month from January to March; EUR is 1.10 USD in January, 1.20 from February.
    const eur = file(
      'eur-invoices.csv',
      [
        'customerId,amount,currency,periodStart,periodEnd',
        'e,100,EUR,2024-01-01,2024-02-01',
        'e,100,EUR,2024-02-01,2024-03-01',
        'e,100,EUR,2024-03-01,2024-04-01',
      ].join('\n'),
    );
    const args = [
      'mrr',
      '--invoices',
      eur,
      '--rates',
      rates,
      '--currency',
      'USD',
      '--from',
      '2024-01',
      '--to',
      '2024-03',
    ];
    const { code, stdout, stderr } = await runCli(args);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(columnsOf(stdout)).toContain('FX impact (USD)');
    const json = JSON.parse((await runCli([...args, '--json'])).stdout) as { mrr: number; fxImpactMrr: number }[];
    const expected = invoiceRevenueSeries(
      {
        lines: ['2024-01-01', '2024-02-01', '2024-03-01'].map((periodStart, i) => ({
          customerId: 'e',
          amount: 100,
          currency: 'EUR',
          periodStart,
          periodEnd: ['2024-02-01', '2024-03-01', '2024-04-01'][i] as string,
        })),
      },
      { from: '2024-01', to: '2024-03', currency: 'USD', exchangeRates: dated },
    );
    expect(json.map((row) => [row.mrr, row.fxImpactMrr])).toEqual(expected.map((row) => [row.mrr, row.fxImpactMrr]));
    expect(expected.map((row) => row.fxImpactMrr)).toEqual([0, 10, 0]);
    const late = file('late-rates.csv', ['currency,from,rate', 'EUR,2024-02-01,1.20'].join('\n'));
    const missing = await runCli(['mrr', '--invoices', eur, '--rates', late, '--currency', 'USD', '--from', '2024-01']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      new RegExp(`^cs-metrics mrr: ${eur}, line 2, column currency: ${late} has no EUR rate in force on 2024-01-31`),
    );
  });
});
