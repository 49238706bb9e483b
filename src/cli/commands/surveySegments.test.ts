// nps, csat and ces --by COLUMN end to end: each segment scored by the library on its own answers, the total
// the unsegmented figure exactly, blank segment cells refused or grouped, small segments marked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { customerEffortScore, customerSatisfactionScore, netPromoterScore } from '../../index.js';

const DIR = mkdtempSync(join(tmpdir(), 'cs-metrics-segments-'));

interface Answer {
  readonly answeredAt: string;
  readonly score: number | '';
  readonly plan: string;
}

/** 40 answers on `pro` (not a small sample), 5 on `basic` and 2 with a blank plan, over two quarters. */
const ANSWERS: Answer[] = [
  ...Array.from({ length: 40 }, (_, i) => ({
    answeredAt: i < 25 ? '2024-02-10' : '2024-05-10',
    score: (i * 7) % 11,
    plan: 'pro',
  })),
  ...[3, 9, 10, 6, 8].map((score, i) => ({ answeredAt: i < 2 ? '2024-01-03' : '2024-04-03', score, plan: 'basic' })),
  { answeredAt: '2024-03-01', score: '', plan: 'basic' },
  { answeredAt: '2024-06-01', score: 10, plan: '' },
  { answeredAt: '2024-06-02', score: 2, plan: '' },
];

function write(name: string, rows: readonly Answer[], header = 'answeredAt,score,plan'): string {
  const path = join(DIR, name);
  writeFileSync(path, `${header}\n${rows.map((row) => `${row.answeredAt},${row.score},${row.plan}`).join('\n')}\n`);
  return path;
}

const PLANNED = write(
  'planned.csv',
  ANSWERS.filter((answer) => answer.plan !== ''),
);
const BLANKS = write('blanks.csv', ANSWERS);

const scores = (keep: (answer: Answer) => boolean) =>
  ANSWERS.filter((answer) => answer.score !== '' && keep(answer)).map((answer) => answer.score as number);

describe('nps --by COLUMN', () => {
  it('gives the unsegmented total exactly and each segment as the library scores its answers', async () => {
    const segmented = await runCli(['nps', PLANNED, '--by', 'plan', '--json']);
    const plain = await runCli(['nps', PLANNED, '--json']);
    expect(segmented.code).toBe(0);
    expect(segmented.stderr).toBe('');
    const json = JSON.parse(segmented.stdout);
    expect(json.total).toEqual(JSON.parse(plain.stdout));
    expect(json).toMatchObject({ segmentBy: 'plan', missingSegment: 'error', minimumSegmentSize: 30 });
    expect(json.segments.map((each: { segment: string }) => each.segment)).toEqual(['basic', 'pro']);
    for (const each of json.segments) {
      const own = scores((answer) => answer.plan === each.segment);
      expect(each.result).toMatchObject(asPrinted(netPromoterScore({ scores: own })));
      expect(each.size).toBe(own.length);
      expect(each.smallSample).toBe(own.length < 30);
    }
    expect(json.segments[0].smallSample).toBe(true);
    expect(json.segments[1].smallSample).toBe(false);
  });

  it("gives each segment what the library's own breakdown gives, small-sample flag included", async () => {
    const json = JSON.parse(
      (await runCli(['nps', BLANKS, '--by', 'plan', '--missing-segment', 'group', '--json'])).stdout,
    );
    const kept = ANSWERS.filter((answer) => answer.score !== '');
    const library = netPromoterScore(
      {
        scores: kept.map((answer) => answer.score as number),
        attributes: { plan: kept.map((answer) => (answer.plan === '' ? undefined : answer.plan)) },
      },
      { segmentBy: 'plan', missingSegment: 'group' },
    );
    expect(json.total).toMatchObject(asPrinted(library.total));
    expect(
      json.segments.map(({ segment, size, result, smallSample }: Record<string, unknown>) => ({
        segment,
        size,
        result: { ...(result as object), distribution: undefined },
        smallSample,
      })),
    ).toEqual(
      asPrinted(library.segments).map((each) => ({ ...each, result: { ...each.result, distribution: undefined } })),
    );
  });

  it('prints the total first, then one line per segment, marking and explaining a small sample', async () => {
    const { code, stdout } = await runCli(['nps', PLANNED, '--by', 'plan']);
    expect(code).toBe(0);
    const pro = netPromoterScore({ scores: scores((answer) => answer.plan === 'pro') });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Net Promoter Score by plan — ${PLANNED}`);
    expect(lines[1]).toMatch(/^plan +NPS +interval low +interval high +responses +small sample$/);
    expect(lines[3]).toMatch(/^\(all\) .* 45 *$/);
    expect(lines[4]).toMatch(/^basic .* 5 +\*$/);
    expect(lines[5]).toMatch(new RegExp(`^pro +${Number(pro.score.toFixed(2))} .* 40 *$`));
    expect(stdout).toContain('Net Promoter Score — ');
    expect(stdout).toContain(
      '\n* fewer than 30 answers: a small sample, whose figure can move a lot with a few more; read it with its interval, not against the others.\n',
    );
  });

  it('marks the segments below --minimum-segment-size', async () => {
    const { code, stdout } = await runCli(['nps', PLANNED, '--by', 'plan', '--minimum-segment-size', '5', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.minimumSegmentSize).toBe(5);
    expect(json.segments.map((each: { smallSample: boolean }) => each.smallSample)).toEqual([false, false]);
    const table = (await runCli(['nps', PLANNED, '--by', 'plan', '--minimum-segment-size', '41'])).stdout;
    expect(table).toContain('\n* fewer than 41 answers: ');
    const bad = await runCli(['nps', PLANNED, '--by', 'plan', '--minimum-segment-size', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "cs-metrics nps: --minimum-segment-size must be a whole number of at least 1, such as 30, not '0'\n",
    );
  });

  it('breaks each segment down by period too with --by plan --by quarter', async () => {
    const { code, stdout } = await runCli(['nps', PLANNED, '--by', 'plan', '--by', 'quarter', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.total.by).toBe('quarter');
    expect(json.total.periods.map((each: { period: string }) => each.period)).toEqual(['2024-Q1', '2024-Q2']);
    const quarter = (answer: Answer) => (answer.answeredAt < '2024-04-01' ? '2024-Q1' : '2024-Q2');
    for (const each of json.segments) {
      expect(each.periods.map((row: { period: string }) => row.period)).toEqual(['2024-Q1', '2024-Q2']);
      for (const row of each.periods) {
        const own = scores((answer) => answer.plan === each.segment && quarter(answer) === row.period);
        expect(row.result).toMatchObject(asPrinted(netPromoterScore({ scores: own })));
        expect(row.size).toBe(own.length);
        expect(row.smallSample).toBe(true);
      }
    }
    const table = (await runCli(['nps', PLANNED, '--by', 'quarter', '--by', 'plan', '--csv'])).stdout.split('\n\n');
    expect(table[1]?.split('\n')[0]).toBe(
      'plan,quarter,NPS,interval low,interval high,responses,small sample,change,p-value,significant',
    );
    expect(table[1]?.split('\n').map((line) => line.split(',').slice(0, 2).join(' '))).toEqual([
      'plan quarter',
      '(all) 2024-Q1',
      '(all) 2024-Q2',
      'basic 2024-Q1',
      'basic 2024-Q2',
      'pro 2024-Q1',
      'pro 2024-Q2',
    ]);
  });

  it('stops at a blank segment cell with its file, line and column, unless --missing-segment group', async () => {
    const refused = await runCli(['nps', BLANKS, '--by', 'plan']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `cs-metrics nps: ${BLANKS}, line 48, column plan: plan is blank: --by plan needs a value on every answer; add --missing-segment group to count such answers in (none)\n`,
    );
    const grouped = await runCli(['nps', BLANKS, '--by', 'plan', '--missing-segment', 'group', '--json']);
    expect(grouped.code).toBe(0);
    const json = JSON.parse(grouped.stdout);
    expect(json.missingSegment).toBe('group');
    expect(json.total).toEqual(JSON.parse((await runCli(['nps', BLANKS, '--json'])).stdout));
    expect(json.segments.map((each: { segment: string }) => each.segment)).toEqual(['basic', 'pro', '(none)']);
    expect(json.segments[2].result).toMatchObject(asPrinted(netPromoterScore({ scores: [10, 2] })));
  });

  it('reads a column named like a period as column:NAME', async () => {
    const path = write(
      'month.csv',
      ANSWERS.filter((answer) => answer.plan !== ''),
      'answeredAt,score,month',
    );
    const { code, stdout } = await runCli(['nps', path, '--by', 'column:month', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).segmentBy).toBe('month');
  });

  it('refuses a column the file lacks and --missing-segment without a column, before scoring', async () => {
    const missing = await runCli(['nps', PLANNED, '--by', 'region']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `cs-metrics nps: ${PLANNED} has no column 'region' for --by region (its columns: answeredAt, score, plan): --by takes month, quarter, year or a column's name\n`,
    );
    const alone = await runCli(['nps', PLANNED, '--missing-segment', 'group']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('cs-metrics nps: --missing-segment needs --by COLUMN, such as --by plan\n');
    const bad = await runCli(['nps', PLANNED, '--by', 'plan', '--missing-segment', 'drop']);
    expect(bad.stderr).toBe("cs-metrics nps: --missing-segment must be one of error, group, not 'drop'\n");
  });
});

describe('csat and ces --by COLUMN', () => {
  it('score each segment with the library on its own answers', async () => {
    const ratings = ANSWERS.map((answer) => ({
      ...answer,
      score: answer.score === '' ? ('' as const) : (answer.score % 5) + 1,
    }));
    const path = write('ratings.csv', ratings);
    const own = (plan: string) =>
      ratings.filter((answer) => answer.score !== '' && answer.plan === plan).map((answer) => answer.score as number);
    const csat = JSON.parse(
      (await runCli(['csat', path, '--by', 'plan', '--missing-segment', 'group', '--json'])).stdout,
    );
    expect(csat.total).toEqual(JSON.parse((await runCli(['csat', path, '--json'])).stdout));
    for (const each of csat.segments) {
      const plan = each.segment === '(none)' ? '' : each.segment;
      const scale = { min: 1, max: 5 };
      expect(each.result).toMatchObject(asPrinted(customerSatisfactionScore({ scores: own(plan), scale })));
    }
    const ces = JSON.parse(
      (
        await runCli([
          'ces',
          path,
          '--scale',
          '1-5',
          '--lower-is-easier',
          '--by',
          'plan',
          '--missing-segment',
          'group',
          '--json',
        ])
      ).stdout,
    );
    expect(ces.segments).toHaveLength(3);
    for (const each of ces.segments) {
      const plan = each.segment === '(none)' ? '' : each.segment;
      expect(each.result).toMatchObject(
        asPrinted(customerEffortScore({ scores: own(plan), scale: { min: 1, max: 5 } }, { higherIsEasier: false })),
      );
    }
    const table = (await runCli(['ces', path, '--by', 'plan', '--missing-segment', 'group'])).stdout;
    expect(table.split('\n')[1]).toMatch(/^plan +easy share +interval low +interval high +responses +small sample$/);
  });
});
