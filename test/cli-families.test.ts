// The family commands of the command line, on the bundled sample data: what they print is what the library
// computes from the same records.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  churnRateFromSurvival,
  cohortRetention,
  createHealthScore,
  discountedLifetimeValue,
  fitShiftedBetaGeometric,
  lifetimeObservations,
  survivalCurve,
  survivorsByPeriod,
  healthScoreCalibration,
  customerChurn,
  recurringRevenueSeries,
  stickiness,
  supportResponseTimes,
  timeToFirstValue,
} from '../src/index.js';
import { SERIES_MONEY } from '../src/cli/commands/revenue.js';
import { roundMoney } from '../src/cli/output/money.js';
import { asPrinted, runCli } from './support/cli.js';
import { sampleSubscriptions } from './support/sample.js';

const DATA = 'examples/data';
const rows = (file: string) => parse(readFileSync(`${DATA}/${file}`), { columns: true }) as Record<string, string>[];
const present = <T extends Record<string, string>>(row: T) =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== '')) as Partial<T>;
const json = async (args: string[]) => {
  const result = await runCli([...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
};

describe('cs-metrics family commands', () => {
  it('mrr equals recurringRevenueSeries on the subscription records', async () => {
    const subscriptions = sampleSubscriptions();
    const expected = recurringRevenueSeries(
      { subscriptions: subscriptions as never },
      {
        from: '2024-01',
        to: '2024-12',
        currency: 'USD',
        exchangeRates: { EUR: '1.0870' },
      },
    );
    const printed = await json([
      'mrr',
      `${DATA}/subscriptions.csv`,
      '--from',
      '2024-01',
      '--to',
      '2024-12',
      '--rates',
      `${DATA}/exchange-rates.json`,
    ]);
    expect(printed).toEqual(asPrinted(expected, [{ currency: 'USD', fields: SERIES_MONEY }]));
    const table = await runCli(['mrr', `${DATA}/subscriptions.csv`, '--rates', `${DATA}/exchange-rates.json`]);
    expect(table.stdout).toContain('2023-01');
    expect(table.stdout).toContain('ARR is 12 × MRR');
  });

  it('mrr names the file, line and column of a bad record, and needs rates for two currencies', async () => {
    const mixed = await runCli(['mrr', `${DATA}/subscriptions.csv`]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/subscriptions\.csv, line \d+, column currency: currency/);
    const bad = await runCli(['mrr', 'test/fixtures/cli/subscriptions-bad.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('subscriptions-bad.csv, line 3, column amount: amount must not be negative');
  });

  it('churn and cohorts equal the library on the customer lifetimes', async () => {
    const customers = rows('customers.csv').map((row) => {
      const { id, start, end } = present(row);
      return { id, start, ...(end ? { end } : {}) };
    });
    // --to is the last day of the period; the library's half-open period ends the day after.
    const period = { from: '2024-10-01', to: '2025-01-01' };
    expect(await json(['churn', `${DATA}/customers.csv`, '--from', period.from, '--to', '2024-12-31'])).toEqual(
      asPrinted({
        period: { from: '2024-10-01', to: '2024-12-31' },
        ...customerChurn({ customers: customers as never, period }),
      }),
    );
    const december = await json([
      'churn',
      `${DATA}/customers.csv`,
      '--month',
      '2024-12',
      '--new-customer-churn',
      'exclude',
    ]);
    expect(december).toEqual(
      asPrinted({
        period: { from: '2024-12-01', to: '2024-12-31' },
        ...customerChurn(
          { customers: customers as never, period: { from: '2024-12-01', to: '2025-01-01' } },
          { newCustomerChurn: 'exclude' },
        ),
      }),
    );
    const cohorts = await json(['cohorts', `${DATA}/customers.csv`, '--period', 'quarter', '--as-of', '2024-12-31']);
    expect(cohorts).toEqual(
      asPrinted({
        asOf: '2024-12-31',
        period: 'quarter',
        ...cohortRetention({ customers: customers as never }, { period: 'quarter', asOf: '2024-12-31' }),
      }),
    );
  });

  it('support and engagement equal the library on tickets, events and customers', async () => {
    const tickets = rows('tickets.csv').map((row) => {
      const { createdAt, firstResponseAt, resolvedAt } = present(row);
      return { createdAt, ...(firstResponseAt ? { firstResponseAt } : {}), ...(resolvedAt ? { resolvedAt } : {}) };
    });
    const support = await json(['support', `${DATA}/tickets.csv`, '--unit', 'minute']);
    expect(support).toMatchObject(
      asPrinted(supportResponseTimes({ tickets: tickets as never }, { unit: 'minute' })) as object,
    );
    const resolved = rows('tickets.csv').filter((row) => row.resolvedAt !== '');
    expect(support.firstContactResolutionRate).toBe(
      asPrinted(resolved.filter((row) => row.contacts === '1').length / resolved.length),
    );

    const events = rows('events.csv').map(({ userId, at }) => ({ userId, at }));
    const engagement = await json([
      'engagement',
      `${DATA}/events.csv`,
      '--feature',
      'reports',
      '--customers',
      `${DATA}/customers.csv`,
    ]);
    expect(engagement.stickiness).toBe(asPrinted(stickiness({ events: events as never })));
    const firstValue = rows('customers.csv').map((row) => ({
      startedAt: row.signedUpAt,
      ...(row.firstValueAt ? { firstValueAt: row.firstValueAt } : {}),
    }));
    expect(engagement.timeToFirstValue).toEqual(
      asPrinted(timeToFirstValue({ customers: firstValue as never }, { unit: 'day' })),
    );
    expect(engagement.adoption.rate).toBeGreaterThan(0);
  });

  it('health scores the accounts with the scorecard and calibrates against churn', async () => {
    const scorecard = JSON.parse(readFileSync(`${DATA}/scorecard.json`, 'utf8'));
    const score = createHealthScore(scorecard);
    const measures = Object.keys(scorecard.measures);
    const accounts = rows('accounts.csv').map((row) => {
      const values: Record<string, unknown> = {};
      for (const name of measures) {
        const raw = row[name];
        if (raw === undefined || raw === '') continue;
        values[name] = raw === 'true' ? true : raw === 'false' ? false : Number(raw);
      }
      return { result: score(values as never), churned: row.churned === 'true' };
    });
    const printed = await json(['health', `${DATA}/accounts.csv`, '--scorecard', `${DATA}/scorecard.json`]);
    expect(printed.accounts.map((account: { score: number }) => account.score)).toEqual(
      asPrinted(accounts.map((a) => a.result.score)),
    );
    expect(printed.calibration).toEqual(
      asPrinted(
        healthScoreCalibration({ accounts: accounts.map((a) => ({ score: a.result.score, churned: a.churned })) }),
      ),
    );
    expect(printed.distribution.red.count + printed.distribution.yellow.count + printed.distribution.green.count).toBe(
      accounts.length,
    );
    const table = await runCli([
      'health',
      `${DATA}/accounts.csv`,
      '--scorecard',
      `${DATA}/scorecard.json`,
      '--lowest',
      '3',
    ]);
    expect(table.stdout).toContain('Lowest scores');
    expect((await runCli(['health', `${DATA}/accounts.csv`])).code).toBe(2);
    const badCard = await runCli([
      'health',
      `${DATA}/accounts.csv`,
      '--scorecard',
      'test/fixtures/cli/scorecard-bad.json',
    ]);
    expect(badCard.code).toBe(2);
    expect(badCard.stderr).toContain('scorecard-bad.json');
    const badValue = await runCli([
      'health',
      'test/fixtures/cli/accounts-bad.csv',
      '--scorecard',
      `${DATA}/scorecard.json`,
    ]);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toContain('accounts-bad.csv, line 3, column executiveSponsor');
  });

  it('report runs every family on the sample folder, with a summary first', async () => {
    const { code, stdout } = await runCli(['report', DATA]);
    expect(code).toBe(0);
    expect(stdout.startsWith('Summary')).toBe(true);
    for (const heading of [
      '■ Revenue',
      '■ Trial conversion',
      '■ Invoiced revenue',
      '■ Cohorts',
      '■ Net Promoter Score',
      '■ Customer health',
      '■ Support',
      '■ Engagement',
    ]) {
      expect(stdout).toContain(heading);
    }
    const full = await json(['report', DATA]);
    expect(Object.keys(full).sort()).toEqual([
      'ces',
      'churn',
      'cohorts',
      'csat',
      'engagement',
      'health',
      'invoiced',
      'lifetime',
      'mrr',
      'nps',
      'support',
      'trials',
    ]);
    expect(full.lifetime.lifetimeValue.arpa).toBe(full.mrr.at(-1).averageRevenuePerAccount);
    const partial = await runCli(['report', 'test/fixtures/cli']);
    expect(partial.code).toBe(2);
    expect((await runCli(['report', 'no-such-folder'])).code).toBe(2);
    expect((await runCli(['report'])).code).toBe(2);
  });

  it('lifetime fits the survival curve and the shifted-beta-geometric model to the lifetimes', async () => {
    const asOf = '2024-12-31';
    const customers = rows('customers.csv').map(({ id, start, end }) => ({
      id: String(id),
      start: String(start),
      ...(end ? { end } : {}),
    }));
    const observations = lifetimeObservations({ customers }, { asOf });
    const curve = survivalCurve(observations);
    // The customers who started in the first 12 months of the data, followed for up to 24 months.
    const first = customers.map((customer) => customer.start).sort()[0] as string;
    const to = new Date(`${first}T00:00:00Z`);
    to.setUTCFullYear(to.getUTCFullYear() + 1);
    const { survivors } = survivorsByPeriod({ customers }, { from: first, to, asOf, periods: 24 });
    const printed = await json([
      'lifetime',
      `${DATA}/customers.csv`,
      '--as-of',
      '2024-12-31',
      '--arpa',
      '200',
      '--margin',
      '0.8',
    ]);
    const fit = fitShiftedBetaGeometric({ survivors });
    expect(printed.survival).toEqual(asPrinted(curve));
    expect(printed.survivors).toEqual(survivors);
    expect(printed.fit).toEqual(asPrinted(fit));
    expect(printed.lifetimeValue.monthlyChurn).toBe(
      asPrinted(churnRateFromSurvival({ points: curve.points, periods: 12 })),
    );
    expect(printed.survivors[0]).toBeGreaterThan(printed.survivors.at(-1));
    // Money: rounded once, to the cent (the currency of --arpa is not known, so two decimals).
    expect(printed.lifetimeValue.discountedLifetimeValue).toBe(
      Number(
        roundMoney(
          discountedLifetimeValue({ alpha: fit.alpha, beta: fit.beta, discountRate: 0.01, margin: 160 }),
          undefined,
          'half-even',
        ),
      ),
    );
    expect((await runCli(['lifetime', `${DATA}/customers.csv`, '--as-of', 'soon'])).code).toBe(2);
  });

  it('rejects bad option values with exit code 2', async () => {
    expect((await runCli(['support', `${DATA}/tickets.csv`, '--unit', 'fortnight'])).code).toBe(2);
    expect((await runCli(['churn', `${DATA}/customers.csv`, '--from', '2024-01-01'])).code).toBe(2);
    expect((await runCli(['churn', `${DATA}/customers.csv`, '--month', '2024-13'])).code).toBe(2);
    expect((await runCli(['mrr', `${DATA}/subscriptions.csv`, '--from', '2024'])).code).toBe(2);
    expect((await runCli(['mrr', `${DATA}/subscriptions.csv`, '--map', 'nope=x'])).code).toBe(2);
    expect((await runCli(['mrr', `${DATA}/subscriptions.csv`, '--rate', 'EUR'])).code).toBe(2);
    expect((await runCli(['mrr', `${DATA}/subscriptions.csv`, '--rates', 'missing.json'])).code).toBe(2);
  });
});
