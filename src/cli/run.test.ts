// The command line in process, on fixture files: commands, formats, located errors and exit codes.
import { describe, expect, it } from 'vitest';
import { netPromoterScore } from '../index.js';
import { runCli } from '../../test/support/cli.js';

const FIXTURES = 'test/fixtures/cli';

describe('cs-metrics', () => {
  it('prints an overview and per-command help with examples', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    for (const name of ['nps', 'csat', 'ces']) expect(overview.stdout).toContain(`  ${name}`);
    const help = await runCli(['nps', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--column <name>');
  });

  describe('nps', () => {
    it('computes the score of the filtered rows, leaving blanks out', async () => {
      const { code, stdout } = await runCli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps', '--json']);
      expect(code).toBe(0);
      const result = JSON.parse(stdout);
      expect(result).toMatchObject(netPromoterScore({ scores: [10, 9, 8, 6, 0] }));
      expect(result.blank).toBe(1);
    });

    it('prints an aligned table by default and CSV on request', async () => {
      const table = await runCli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps']);
      expect(table.stdout).toMatch(/NPS\s+0\b/);
      expect(table.stdout).toContain('1 blank answers were left out.');
      const csv = await runCli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps', '--csv']);
      expect(csv.stdout.split('\n')[0]).toBe('measure,value');
      expect(csv.stdout).toContain('NPS,0\n');
    });

    it('reads JSON Lines and semicolon CSV with another column', async () => {
      expect(JSON.parse((await runCli(['nps', `${FIXTURES}/nps.jsonl`, '--json'])).stdout).score).toBe(
        netPromoterScore({ scores: [9, 10, 2] }).score,
      );
      const semicolon = await runCli(['nps', `${FIXTURES}/nps-semicolon.csv`, '--column', 'likelihood', '--json']);
      expect(JSON.parse(semicolon.stdout).score).toBe(0);
    });

    it('names the file, line and column of a bad value, with exit code 2 and no stack trace', async () => {
      const bad = await runCli(['nps', `${FIXTURES}/nps-bad.csv`]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(
        `cs-metrics nps: ${FIXTURES}/nps-bad.csv, line 4, column score: score must be a number, not the string "eleven"\n`,
      );
      const json = await runCli(['nps', `${FIXTURES}/nps-bad.json`]);
      expect(json.code).toBe(2);
      expect(json.stderr).toContain('nps-bad.json, record 2, column score: score must be at most 10');
      expect(json.stderr).not.toContain('    at ');
    });

    it('reports usage mistakes with exit code 2', async () => {
      expect((await runCli(['nps'])).code).toBe(2);
      expect((await runCli(['nps', 'missing.csv'])).stderr).toContain('cannot read missing.csv');
      expect((await runCli(['nps', `${FIXTURES}/nps.csv`, '--column', 'nope'])).stderr).toContain(
        "has no column 'nope'",
      );
      expect((await runCli(['nps', `${FIXTURES}/nps.csv`, '--bogus'])).code).toBe(2);
      expect((await runCli(['nps', `${FIXTURES}/nps.csv`, '--confidence', 'high'])).stderr).toContain(
        '--confidence must be a number',
      );
      expect((await runCli(['nps', `${FIXTURES}/nps.csv`, '--confidence', '2'])).stderr).toBe(
        "cs-metrics nps: --confidence must be between 0 and 1 (exclusive), such as 0.95, not '2'\n",
      );
      expect((await runCli(['nope'])).code).toBe(2);
      expect((await runCli(['nps', `${FIXTURES}/nps.csv`, '--json', '--csv'])).code).toBe(2);
    });
  });

  describe('csat and ces', () => {
    it('computes CSAT on a chosen scale and CES on the effort scale', async () => {
      const csat = JSON.parse(
        (
          await runCli([
            'csat',
            `${FIXTURES}/nps.csv`,
            '--survey',
            'nps',
            '--scale',
            '0-10',
            '--satisfied-from',
            '9',
            '--json',
          ])
        ).stdout,
      );
      // The five NPS answers (10, 9, 8, 6, 0): two of them 9 or more.
      expect(csat.score).toBe(2 / 5);
      const ces = await runCli([
        'ces',
        `${FIXTURES}/nps.csv`,
        '--where',
        'survey=csat',
        '--scale',
        '1-5',
        '--lower-is-easier',
        '--json',
      ]);
      expect(JSON.parse(ces.stdout).easyShare).toBe(0);
      expect((await runCli(['csat', `${FIXTURES}/nps.csv`, '--scale', 'five'])).code).toBe(2);
    });
  });
});
