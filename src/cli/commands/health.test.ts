// health end to end: what it keeps of every account, the lowest-scored with their breakdown, no dates.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { createHealthScore, type HealthScoreConfig, healthScoreCalibration } from '../../index.js';

const ACCOUNTS = 'examples/data/accounts.csv';
const SCORECARD = 'examples/data/scorecard.json';

/** The sample accounts scored by the library, in file order. */
function scored() {
  const config = JSON.parse(readFileSync(SCORECARD, 'utf8')) as HealthScoreConfig;
  const score = createHealthScore(config);
  const rows = parse(readFileSync(ACCOUNTS), { columns: true }) as Record<string, string>[];
  return rows.map((row) => {
    const values: Record<string, number | boolean> = {};
    for (const name of Object.keys(config.measures)) {
      const raw = row[name];
      if (raw === undefined || raw === '') continue;
      values[name] = raw === 'true' ? true : raw === 'false' ? false : Number(raw);
    }
    return { id: row.customerId as string, result: score(values), churned: row.churned === 'true' };
  });
}

describe('health', () => {
  it('lists every account by id, score and status, and the breakdown of the lowest-scored', async () => {
    const { code, stdout, stderr } = await runCli([
      'health',
      ACCOUNTS,
      '--scorecard',
      SCORECARD,
      '--lowest',
      '4',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const printed = JSON.parse(stdout);
    const accounts = scored();
    expect(printed.accounts).toEqual(
      asPrinted(accounts.map(({ id, result }) => ({ id, score: result.score, status: result.status }))),
    );
    // The four lowest, ties in file order, with each measure's value, score and weight.
    const lowest = accounts
      .map(({ id, result }) => ({ id, ...result }))
      .sort((a, b) => a.score - b.score)
      .slice(0, 4);
    expect(printed.lowest).toEqual(asPrinted(lowest));
    expect(printed.lowest[0].measures.length).toBeGreaterThan(0);
    expect(printed.calibration).toEqual(
      asPrinted(
        healthScoreCalibration({ accounts: accounts.map(({ result, churned }) => ({ score: result.score, churned })) }),
      ),
    );
  });

  it('prints the lowest scores, ties in file order', async () => {
    const { stdout } = await runCli(['health', ACCOUNTS, '--scorecard', SCORECARD, '--lowest', '3']);
    const table = stdout.slice(stdout.indexOf('Lowest scores'));
    expect(
      table
        .split('\n')
        .slice(3, 6)
        .map((line) => line.split(/ +/).slice(0, 2)),
    ).toEqual([
      ['c0387', '2.35'],
      ['c0454', '2.35'],
      ['c0240', '2.86'],
    ]);
    const none = await runCli(['health', ACCOUNTS, '--scorecard', SCORECARD, '--lowest', '0', '--json']);
    expect(none.stdout).not.toContain('Lowest scores');
    expect(JSON.parse(none.stdout).lowest).toEqual([]);
  });

  it('says when no account is left, and that it takes no dates', async () => {
    const empty = await runCli(['health', ACCOUNTS, '--scorecard', SCORECARD, '--where', 'customerId=nobody']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(`cs-metrics health: ${ACCOUNTS} has no accounts (after --where customerId=nobody)\n`);
    const help = await runCli(['health', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('health takes no --from or --to');
    const dated = await runCli(['health', ACCOUNTS, '--scorecard', SCORECARD, '--from', '2024-01-01']);
    expect(dated.code).toBe(2);
    expect(dated.stderr).toBe("cs-metrics health: Unknown option '--from'\n");
  });
});
