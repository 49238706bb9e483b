// nps, csat and ces end to end: one survey at a time, days, periods, options checked before the read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asPrinted, printed, runCli } from '../../../test/support/cli.js';
import { customerEffortScore, customerSatisfactionScore, netPromoterScore } from '../../index.js';

const FILE = 'examples/data/survey-responses.csv';
const FIXTURES = 'test/fixtures/cli';

/** The sample's answers, read here independently of the command line. */
const answers = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [survey, , answeredAt, score] = line.split(',');
    return { survey: survey as string, answeredAt: answeredAt as string, score: Number(score) };
  });

const scoresOf = (survey: string, keep: (answeredAt: string) => boolean = () => true) =>
  answers.filter((answer) => answer.survey === survey && keep(answer.answeredAt)).map((answer) => answer.score);

describe('surveys are never pooled silently', () => {
  it('refuses a file holding several surveys, with their counts and the flag to add', async () => {
    for (const name of ['nps', 'csat', 'ces']) {
      const { code, stdout, stderr } = await runCli([name, FILE]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const others = ['nps', 'ces', 'csat'].filter((other) => other !== name).join(', ');
      expect(stderr).toBe(
        `cs-metrics ${name}: ${FILE} holds 3 surveys in column 'survey' (nps 867, ces 240, csat 380): add --survey ${name} (or ${others}) to score one\n`,
      );
    }
  });

  it('scores one survey with --survey, as --where survey=NAME does', async () => {
    const survey = await runCli(['nps', FILE, '--survey', 'nps', '--json']);
    const where = await runCli(['nps', FILE, '--where', 'survey=nps', '--json']);
    expect(survey.code).toBe(0);
    expect(JSON.parse(survey.stdout)).toEqual(JSON.parse(where.stdout));
    expect(JSON.parse(survey.stdout)).toMatchObject(asPrinted(netPromoterScore({ scores: scoresOf('nps') })));
    const csat = JSON.parse((await runCli(['csat', FILE, '--survey', 'csat', '--json'])).stdout);
    expect(csat).toMatchObject(asPrinted(customerSatisfactionScore({ scores: scoresOf('csat') })));
    const ces = JSON.parse((await runCli(['ces', FILE, '--survey', 'ces', '--json'])).stdout);
    expect(ces).toMatchObject(asPrinted(customerEffortScore({ scores: scoresOf('ces') })));
  });

  it('reads the survey from another column with --survey-column', async () => {
    const refused = await runCli(['nps', `${FIXTURES}/nps.csv`, '--survey-column', 'id']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("in column 'id' (1 1, 2 1,");
    expect(refused.stderr).toContain('add --survey-column id --survey 1 (or 2,');
    const one = await runCli(['nps', `${FIXTURES}/nps.csv`, '--survey-column', 'id', '--survey', '1', '--json']);
    expect(JSON.parse(one.stdout).responses).toBe(1);
  });

  it('takes a file without a survey column as one survey', async () => {
    const { code, stdout } = await runCli(['nps', `${FIXTURES}/nps-semicolon.csv`, '--column', 'likelihood', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses).toBe(2);
  });
});

describe('--from and --to', () => {
  it('keep the answers of the days from --from to --to, both included', async () => {
    const { code, stdout, stderr } = await runCli([
      'nps',
      FILE,
      '--survey',
      'nps',
      '--from',
      '2024-02-01',
      '--to',
      '2024-03-31',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const scores = scoresOf('nps', (day) => day >= '2024-02-01' && day <= '2024-03-31');
    expect(scores.length).toBeGreaterThan(0);
    expect(JSON.parse(stdout)).toMatchObject(asPrinted(netPromoterScore({ scores })));
  });

  it('warn when the window reaches beyond the dates of the answers', async () => {
    const { code, stdout, stderr } = await runCli(['csat', FILE, '--survey', 'csat', '--from', '2023-07-01', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject(asPrinted(customerSatisfactionScore({ scores: scoresOf('csat') })));
    expect(stderr).toBe(
      'cs-metrics csat: warning: --from 2023-07-01 is before the first of the answers (2024-04-01)\n',
    );
  });

  it('name the file, the filters and the dates of the data when nothing is left', async () => {
    const { code, stdout, stderr } = await runCli(['nps', FILE, '--survey', 'nps', '--from', '2025-01-01']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `cs-metrics nps: ${FILE} has no NPS answers (after --survey nps --from 2025-01-01); its answers are dated 2024-01-01 to 2024-06-30\n`,
    );
  });

  it('are checked before the file is read', async () => {
    const bad = await runCli(['nps', 'missing.csv', '--from', '2024-02-30']);
    expect(bad).toMatchObject({
      code: 2,
      stderr: "cs-metrics nps: --from must be a day written YYYY-MM-DD, not '2024-02-30'\n",
    });
    const reversed = await runCli(['nps', 'missing.csv', '--from', '2024-03-01', '--to', '2024-02-01']);
    expect(reversed.stderr).toBe('cs-metrics nps: --to 2024-02-01 is before --from 2024-03-01\n');
  });

  it('locate an answer whose date cannot be read', async () => {
    const { code, stderr } = await runCli([
      'nps',
      `${FIXTURES}/nps.csv`,
      '--survey',
      'nps',
      '--date-column',
      'id',
      '--by',
      'year',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${FIXTURES}/nps.csv, line 2, column id: id must be a date such as 2024-03-15`);
  });
});

describe('--by month|quarter|year', () => {
  it('prints one row per period with the library figures of that period', async () => {
    const { code, stdout } = await runCli(['nps', FILE, '--survey', 'nps', '--by', 'month', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.by).toBe('month');
    expect(json.periods.map((row: { period: string }) => row.period)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    for (const row of json.periods) {
      const scores = scoresOf('nps', (day) => day.startsWith(row.period));
      expect(row).toMatchObject(asPrinted(netPromoterScore({ scores })));
    }
    expect(json).toMatchObject(asPrinted(netPromoterScore({ scores: scoresOf('nps') })));
  });

  it('shows the score, its interval and the responses of each quarter in the table', async () => {
    const { stdout } = await runCli(['csat', FILE, '--survey', 'csat', '--by', 'quarter', '--csv']);
    const [header, first] = stdout.split('\n');
    expect(header).toBe('quarter,CSAT,interval low,interval high,responses,change,p-value,significant');
    // The sample's CSAT survey ran in the second quarter only.
    const q1 = customerSatisfactionScore({ scores: scoresOf('csat', (day) => day >= '2024-04-01') });
    expect(first).toBe(
      // The first period has nothing to change from: its change cells are empty.
      `2024-Q2,${printed(q1.score)},${printed(q1.interval.low)},${printed(q1.interval.high)},${q1.responses},,,`,
    );
    const ces = await runCli(['ces', FILE, '--survey', 'ces', '--by', 'year', '--csv']);
    const year = customerEffortScore({ scores: scoresOf('ces') });
    expect(ces.stdout.split('\n')[1]).toBe(
      `2024,${printed(year.easyShare)},${printed(year.interval.low)},${printed(year.interval.high)},${year.responses},,,`,
    );
  });

  it('reads another word as a column, and says what --by takes when the file has no such column', async () => {
    const { code, stderr } = await runCli(['nps', FILE, '--by', 'week']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `cs-metrics nps: ${FILE} has no column 'week' for --by week (its columns: survey, respondent, answeredAt, score, region, channel, topics): --by takes month, quarter, year or a column's name\n`,
    );
  });
});

describe('nps --interval adjusted-wald|wald', () => {
  it('reports the adjusted Wald interval by default, labelled, with its centre', async () => {
    const { code, stdout } = await runCli(['nps', FILE, '--survey', 'nps', '--csv']);
    expect(code).toBe(0);
    const expected = netPromoterScore({ scores: scoresOf('nps') });
    expect(expected.intervalMethod).toBe('adjusted-wald');
    const rows = stdout.split('\n');
    expect(rows).toContain(`"interval low (95 %, adjusted Wald)",${printed(expected.interval.low)}`);
    expect(rows).toContain(`"interval high (95 %, adjusted Wald)",${printed(expected.interval.high)}`);
    expect(rows).toContain(`interval centre,${printed(expected.center)}`);
    expect(rows).toContain(`standard error,${printed(expected.standardError)}`);
    const json = JSON.parse((await runCli(['nps', FILE, '--survey', 'nps', '--json'])).stdout);
    expect(json).toMatchObject(asPrinted(expected));
    expect(json.intervalMethod).toBe('adjusted-wald');
  });

  it('gives the plain Wald interval with --interval wald, as the library does, without a centre row', async () => {
    const { code, stdout } = await runCli(['nps', FILE, '--survey', 'nps', '--interval', 'wald', '--csv']);
    expect(code).toBe(0);
    const wald = netPromoterScore({ scores: scoresOf('nps') }, { interval: 'wald' });
    const rows = stdout.split('\n');
    expect(rows).toContain(`interval low (95 %),${printed(wald.interval.low)}`);
    expect(rows).toContain(`interval high (95 %),${printed(wald.interval.high)}`);
    expect(rows.some((row) => row.startsWith('interval centre'))).toBe(false);
    const json = JSON.parse((await runCli(['nps', FILE, '--survey', 'nps', '--interval', 'wald', '--json'])).stdout);
    expect(json).toMatchObject(asPrinted(wald));
    const adjusted = JSON.parse(
      (await runCli(['nps', FILE, '--survey', 'nps', '--interval', 'adjusted-wald', '--json'])).stdout,
    );
    expect(adjusted.interval).not.toEqual(json.interval);
  });

  it('applies the method to every period and every segment', async () => {
    const options = ['--survey', 'nps', '--interval', 'wald', '--confidence', '0.9', '--json'];
    const byQuarter = JSON.parse((await runCli(['nps', FILE, '--by', 'quarter', ...options])).stdout);
    for (const row of byQuarter.periods) {
      const quarter = row.period === '2024-Q1' ? ['2024-01', '2024-02', '2024-03'] : ['2024-04', '2024-05', '2024-06'];
      const scores = scoresOf('nps', (day) => quarter.some((month) => day.startsWith(month)));
      expect(row).toMatchObject(asPrinted(netPromoterScore({ scores }, { interval: 'wald', confidence: 0.9 })));
    }
    const byRegion = JSON.parse((await runCli(['nps', FILE, '--by', 'region', ...options])).stdout);
    expect(byRegion.segments.length).toBeGreaterThan(1);
    for (const segment of byRegion.segments) expect(segment.result.intervalMethod).toBe('wald');
    expect(byRegion.total.intervalMethod).toBe('wald');
  });
});

describe('options are checked before the first record is read', () => {
  it.each([
    [
      ['csat', '--scale', '0-10'],
      'cs-metrics csat: --satisfied-from is required for a 0–10 scale: there is no default',
    ],
    [['csat', '--satisfied-from', '9'], 'cs-metrics csat: --satisfied-from must be a score on the 1–5 scale'],
    [['ces', '--easy-from', '9'], 'cs-metrics ces: --easy-from must be a score on the 1–7 scale'],
    [
      ['nps', '--confidence', '0'],
      "cs-metrics nps: --confidence must be between 0 and 1 (exclusive), such as 0.95, not '0'",
    ],
    [['csat', '--scale', '5-1'], 'cs-metrics csat: --scale: max must be greater than min'],
    [['nps', '--interval', 'wilson'], "cs-metrics nps: --interval must be one of adjusted-wald, wald, not 'wilson'"],
  ])('%j', async ([name, ...options], message) => {
    // The file does not exist: an option checked after opening it would be reported as a missing file.
    const { code, stderr } = await runCli([name as string, 'missing.csv', ...options]);
    expect(code).toBe(2);
    expect(stderr).toBe(`${message}\n`);
  });
});

describe('an empty file', () => {
  it('names the file and says there is nothing to score', async () => {
    const { code, stderr } = await runCli(['ces', `${FIXTURES}/empty-survey.csv`]);
    expect(code).toBe(2);
    expect(stderr).toBe(`cs-metrics ces: ${FIXTURES}/empty-survey.csv has no CES answers\n`);
  });
});
