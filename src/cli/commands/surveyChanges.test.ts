// nps, csat and ces by period: each period's change from the one before, by the library's own tests, and
// with segments the p-values of a period Holm-adjusted together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { adjustPValues, compareNetPromoterScores, compareProportions, customerEffortScore } from '../../index.js';

const FILE = 'examples/data/survey-responses.csv';

const answers = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [survey, , answeredAt, score, region] = line.split(',');
    return {
      survey: survey as string,
      answeredAt: answeredAt as string,
      score: Number(score),
      region: region as string,
    };
  });

const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
const scores = (survey: string, keep: (answer: (typeof answers)[number]) => boolean) =>
  answers.filter((answer) => answer.survey === survey && keep(answer)).map((answer) => answer.score);

describe('survey commands by period: the change columns', () => {
  it('compares each quarter of NPS with the one before, as compareNetPromoterScores does', async () => {
    const { code, stdout } = await runCli(['nps', FILE, '--survey', 'nps', '--by', 'quarter', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const [q1, q2] = ['2024-Q1', '2024-Q2'].map((q) => scores('nps', (a) => quarterOf(a.answeredAt) === q));
    const expected = compareNetPromoterScores({ scores: q2 as number[] }, { scores: q1 as number[] });
    expect(json.periods[0].change).toBeUndefined();
    expect(json.periods[1].change).toEqual(
      asPrinted({ difference: expected.difference, pValue: expected.pValue, significant: true }),
    );
    const table = await runCli(['nps', FILE, '--survey', 'nps', '--by', 'quarter']);
    expect(table.stdout).toContain('change  p-value  significant');
    expect(table.stdout).toContain('change: from the period before');
  });

  it('compares CSAT shares with the two-proportion test, and follows --confidence', async () => {
    const { stdout } = await runCli([
      'csat',
      FILE,
      '--survey',
      'csat',
      '--by',
      'month',
      '--confidence',
      '0.99',
      '--json',
    ]);
    const json = JSON.parse(stdout);
    const month = (m: string) => scores('csat', (a) => a.answeredAt.startsWith(m));
    const satisfied = (list: number[]) => list.filter((s) => s >= 4).length;
    const [may, april] = [month('2024-05'), month('2024-04')];
    const expected = compareProportions(
      {
        a: { successes: satisfied(may), trials: may.length },
        b: { successes: satisfied(april), trials: april.length },
      },
      { confidence: 0.99 },
    );
    expect(json.periods[1].period).toBe('2024-05');
    expect(json.periods[1].change).toEqual(
      asPrinted({ difference: expected.difference, pValue: expected.pValue, significant: expected.significant }),
    );
    expect(expected.significant).toBe(false);
  });

  it('uses the CES options of the command: --lower-is-easier and --easy-from', async () => {
    const { stdout } = await runCli([
      'ces',
      FILE,
      '--survey',
      'ces',
      '--by',
      'month',
      '--scale',
      '1-7',
      '--lower-is-easier',
      '--easy-from',
      '3',
      '--json',
    ]);
    const json = JSON.parse(stdout);
    const month = (m: string) => scores('ces', (a) => a.answeredAt.startsWith(m));
    const easy = (list: number[]) => customerEffortScore({ scores: list }, { higherIsEasier: false, easyFrom: 3 }).easy;
    const rows = json.periods as { period: string; change?: { difference: number } }[];
    const last = rows.at(-1);
    const before = rows.at(-2);
    if (last === undefined || before === undefined) throw new Error('expected two months of CES');
    const now = month(last.period);
    const then = month(before.period);
    const expected = compareProportions({
      a: { successes: easy(now), trials: now.length },
      b: { successes: easy(then), trials: then.length },
    });
    expect(last.change?.difference).toBeCloseTo(expected.difference, 12);
    // The command's own options reach the trend: with the default CES 2.0 reading the change differs.
    const plain = JSON.parse((await runCli(['ces', FILE, '--survey', 'ces', '--by', 'month', '--json'])).stdout);
    expect(plain.periods.at(-1).change.difference).not.toBeCloseTo(expected.difference, 6);
  });

  it('Holm-adjusts the segments of a period together, and keeps the raw p-values', async () => {
    const { stdout } = await runCli(['nps', FILE, '--survey', 'nps', '--by', 'region', '--by', 'quarter', '--json']);
    const json = JSON.parse(stdout);
    const regions = json.segments.map((s: { segment: string }) => s.segment) as string[];
    const raw = regions.map((region) => {
      const of = (q: string) => scores('nps', (a) => a.region === region && quarterOf(a.answeredAt) === q);
      return compareNetPromoterScores({ scores: of('2024-Q2') }, { scores: of('2024-Q1') }).pValue;
    });
    const changes = json.segments.map(
      (s: { periods: { change?: { pValue: number; rawPValue: number } }[] }) => s.periods[1]?.change,
    );
    expect(changes.map((c: { rawPValue: number }) => c.rawPValue)).toEqual(asPrinted(raw));
    expect(changes.map((c: { pValue: number }) => c.pValue)).toEqual(asPrinted(adjustPValues(raw)));
    expect(json.total.periods[1].change.rawPValue).toBeUndefined();
    const table = await runCli(['nps', FILE, '--survey', 'nps', '--by', 'region', '--by', 'quarter']);
    expect(table.stdout).toContain('Holm-adjusted together');
  });

  it('adds no change columns without a period', async () => {
    const { stdout } = await runCli(['nps', FILE, '--survey', 'nps', '--by', 'region']);
    expect(stdout).not.toContain('p-value');
  });
});
