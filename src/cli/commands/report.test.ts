// report end to end: files per family, --as-of, --currency and --rates passed to the sections.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

const DATA = 'examples/data';

async function json(args: readonly string[]) {
  const { code, stdout, stderr } = await runCli([...args, '--json']);
  expect({ code, stderr }).toMatchObject({ code: 0 });
  return { result: JSON.parse(stdout), stderr };
}

describe('report', () => {
  it('reads files named one by one, without a folder', async () => {
    const survey = `${DATA}/survey-responses.csv`;
    const { result, stderr } = await json(['report', '--survey', survey, '--customers', `${DATA}/customers.csv`]);
    expect(stderr).toBe('');
    expect(Object.keys(result).sort()).toEqual(['ces', 'churn', 'cohorts', 'csat', 'lifetime', 'nps']);
    expect(result.nps).toEqual((await json(['nps', survey, '--survey', 'nps'])).result);
    expect(result.ces).toEqual((await json(['ces', survey, '--survey', 'ces'])).result);
    const table = await runCli(['report', '--survey', survey]);
    expect(table.stdout).toContain('Revenue: no subscriptions.csv and no --subscriptions, skipped.');
  });

  it('passes on what was guessed about a file: a Windows-1252 file is read as such, with a warning', async () => {
    const windows = 'test/fixtures/csv/customers-windows-1252.csv';
    const { result, stderr } = await json(['report', '--customers', windows]);
    expect(stderr).toContain(`warning: ${windows} is not UTF-8: read as Windows-1252`);
    expect(result.churn).toEqual((await json(['churn', 'test/fixtures/csv/clean/customers.csv'])).result);
  });

  it('dates every section with --as-of', async () => {
    const { result, stderr } = await json(['report', DATA, '--as-of', '2024-06-30']);
    expect(result.mrr.at(-1).month).toBe('2024-06');
    expect(result.mrr).toEqual(
      (
        await json([
          'mrr',
          `${DATA}/subscriptions.csv`,
          '--rates',
          `${DATA}/exchange-rates.csv`,
          '--currency',
          'USD',
          '--to',
          '2024-06',
        ])
      ).result,
    );
    expect(result.trials).toEqual(
      (await json(['trials', `${DATA}/subscriptions.csv`, '--within', '30', '--to', '2024-06-30'])).result,
    );
    expect(result.invoiced).toEqual(
      (
        await json([
          'mrr',
          '--invoices',
          `${DATA}/invoices.csv`,
          '--rates',
          `${DATA}/exchange-rates.csv`,
          '--currency',
          'USD',
          '--by',
          'quarter',
          '--to',
          '2024-06',
        ])
      ).result,
    );
    expect(result.churn).toEqual((await json(['churn', `${DATA}/customers.csv`, '--month', '2024-06'])).result);
    expect(result.cohorts).toEqual(
      (await json(['cohorts', `${DATA}/customers.csv`, '--period', 'quarter', '--as-of', '2024-06-30'])).result,
    );
    expect(result.nps).toEqual(
      (await json(['nps', `${DATA}/survey-responses.csv`, '--survey', 'nps', '--to', '2024-06-30'])).result,
    );
    // The sample's events start later: the section is skipped and said so, the rest is printed.
    expect(result.engagement).toBeUndefined();
    expect(stderr).toContain('cs-metrics report: warning: Engagement: skipped: ');
    // A day in the middle of a month ends the series and the churn period with the month before.
    const mid = await json([
      'report',
      '--subscriptions',
      `${DATA}/subscriptions.csv`,
      '--rates',
      `${DATA}/exchange-rates.json`,
      '--as-of',
      '2024-06-15',
    ]);
    expect(mid.result.mrr.at(-1).month).toBe('2024-05');
  });

  it('passes --currency and --rates to the revenue section', async () => {
    const args = ['--rates', `${DATA}/exchange-rates.json`, '--currency', 'USD'];
    const { result } = await json(['report', '--subscriptions', `${DATA}/subscriptions.csv`, ...args]);
    expect(result.mrr).toEqual((await json(['mrr', `${DATA}/subscriptions.csv`, ...args])).result);
    const withoutRates = await runCli(['report', '--subscriptions', `${DATA}/subscriptions.csv`]);
    expect(withoutRates.code).toBe(2);
  });

  it('checks its options before reading anything', async () => {
    expect(await runCli(['report', DATA, '--as-of', '2024-06'])).toMatchObject({
      code: 2,
      stderr: "cs-metrics report: --as-of must be a day written YYYY-MM-DD, not '2024-06'\n",
    });
    expect(await runCli(['report', '--tickets', 'missing.csv'])).toMatchObject({
      code: 2,
      stderr: 'cs-metrics report: --tickets missing.csv: no such file\n',
    });
    expect((await runCli(['report'])).stderr).toBe(
      'cs-metrics report: give a folder or at least one file (--subscriptions, --customers, --survey, …)\n',
    );
  });
});
