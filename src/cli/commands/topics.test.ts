// topics end to end: the sample's NPS answers and their topics, checked against the library on the same rows.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { topicImpact } from '../../index.js';

const FILE = 'examples/data/survey-responses.csv';

/** The sample's NPS answers with their topics, read here independently of the command line. */
const answers = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [survey, , answeredAt, score, , , topics] = line.split(',');
    return {
      survey: survey as string,
      answeredAt: answeredAt as string,
      score: Number(score),
      topics: (topics ?? '').split(';').filter((topic) => topic !== ''),
    };
  })
  .filter((answer) => answer.survey === 'nps');

const expected = (keep: (answeredAt: string) => boolean = () => true, options = {}) =>
  topicImpact(
    { responses: answers.filter((answer) => keep(answer.answeredAt)).map(({ score, topics }) => ({ score, topics })) },
    options,
  );

describe('topics', () => {
  it('gives the library result on the sample answers, most negative impact first', async () => {
    const { code, stdout, stderr } = await runCli(['topics', FILE, '--survey', 'nps', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toEqual({ ...asPrinted(expected()), topicsColumn: 'topics', minimumTopicSize: 30, blank: 0 });
    // The sample's story: pricing and reliability cost points, features and support bring them.
    expect(json.topics.map((topic: { topic: string }) => topic.topic)).toEqual([
      'pricing',
      'reliability',
      'onboarding',
      'support',
      'features',
    ]);
  });

  it('keeps the days asked for and passes the confidence and the small-topic size to the library', async () => {
    const args = ['topics', FILE, '--survey', 'nps', '--from', '2024-04-01', '--confidence', '0.9'];
    const { code, stdout } = await runCli([...args, '--minimum-topic-size', '100', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const want = expected((day) => day >= '2024-04-01', { confidence: 0.9, minimumTopicSize: 100 });
    expect(json.topics).toEqual(asPrinted(want).topics);
    expect(json.topics.filter((topic: { smallSample: boolean }) => topic.smallSample).length).toBeGreaterThan(0);
  });

  it('prints a table with the small-sample mark and its note', async () => {
    const { code, stdout } = await runCli(['topics', FILE, '--survey', 'nps', '--minimum-topic-size', '150']);
    expect(code).toBe(0);
    expect(stdout).toContain('Topic impact on NPS — examples/data/survey-responses.csv');
    expect(stdout).toMatch(/\npricing +147 .* < 0\.001 +\*\n/);
    expect(stdout).toContain('NPS of all 867 answers: 34.83; 245 of them name no topic.');
    expect(stdout).toContain('* fewer than 150 answers: a small sample');
  });

  it('reads another column and separator, trims topics and counts a repeated one once', async () => {
    mkdirSync('.cache', { recursive: true });
    const file = '.cache/topics-tags.csv';
    writeFileSync(file, 'likelihood,tags\n0,price| price |bugs\n10,support\n9,\n,support\n8,bugs\n');
    const { code, stdout } = await runCli([
      'topics',
      file,
      '--column',
      'likelihood',
      '--topics',
      'tags',
      '--separator',
      '|',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const want = topicImpact({
      responses: [
        { score: 0, topics: ['price', 'bugs'] },
        { score: 10, topics: ['support'] },
        { score: 9 },
        { score: 8, topics: ['bugs'] },
      ],
    });
    expect(json).toEqual({ ...asPrinted(want), topicsColumn: 'tags', minimumTopicSize: 30, blank: 1 });
  });

  it('refuses a missing column, a mixed file and bad options in one line', async () => {
    const missing = await runCli(['topics', FILE, '--survey', 'nps', '--topics', 'tags']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `cs-metrics topics: ${FILE} has no column 'tags' (its columns: survey, respondent, answeredAt, score, region, channel, topics)\n`,
    );
    const mixed = await runCli(['topics', FILE]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('add --survey nps');
    for (const [flag, value] of [
      ['--minimum-topic-size', '0'],
      ['--confidence', '1'],
      ['--separator', ' '],
    ] as const) {
      const bad = await runCli(['topics', FILE, '--survey', 'nps', flag, value]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(new RegExp(`^cs-metrics topics: ${flag} must be .*\\n$`));
    }
  });

  it('names the line of a score off the scale', async () => {
    mkdirSync('.cache', { recursive: true });
    const file = '.cache/topics-bad.csv';
    writeFileSync(file, 'score,topics\n9,a\n11,b\n');
    const { code, stderr } = await runCli(['topics', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cs-metrics topics: \.cache\/topics-bad\.csv, line 3, column score: /);
  });
});
