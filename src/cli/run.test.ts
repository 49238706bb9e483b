// The command line in process, on fixture files: commands, formats, located errors and exit codes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netPromoterScore } from '../index.js';
import { runCli } from '../../test/support/cli.js';
import type { Command } from './command.js';
import { commands } from './commands/index.js';
import { render } from './output.js';

/** A library result as `--json` prints it: fractions with at most 15 significant digits. */
const asPrinted = (value: unknown): unknown => JSON.parse(render({ json: value, tables: [] }, 'json'));

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

  it('says of every --from and --to whether it is a day or a month, and whether the end is kept', async () => {
    const dated = commands.filter((command) => command.options.from !== undefined || command.options.to !== undefined);
    expect(dated.map((command) => command.name)).toEqual(expect.arrayContaining(['nps', 'churn', 'mrr', 'support']));
    for (const command of dated) {
      for (const name of ['from', 'to']) {
        const spec = command.options[name];
        expect(spec?.value, `${command.name} --${name}`).toMatch(/^YYYY-MM(-DD)?$/);
        expect(spec?.description, `${command.name} --${name}`).toMatch(/\b(included|excluded|on or (after|before))\b/);
        if (spec?.value === 'YYYY-MM-DD') expect(spec.description, `${command.name} --${name}`).toContain('UTC');
      }
    }
    expect((await runCli(['churn', '--help'])).stdout).toMatch(/--to <YYYY-MM-DD> +last day of the period, included/);
    expect((await runCli(['mrr', '--help'])).stdout).toMatch(/--to <YYYY-MM> +last month of the series, included/);
  });

  describe('nps', () => {
    it('computes the score of the filtered rows, leaving blanks out', async () => {
      const { code, stdout } = await runCli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps', '--json']);
      expect(code).toBe(0);
      const result = JSON.parse(stdout);
      expect(result).toMatchObject(asPrinted(netPromoterScore({ scores: [10, 9, 8, 6, 0] })) as object);
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
        Number(netPromoterScore({ scores: [9, 10, 2] }).score.toPrecision(15)),
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

describe('output', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-output-'));
  const file = (name: string, text: string) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };

  it('rounds money to the minor unit of its currency, ties as --rounding says, with the currency shown', async () => {
    const cases = [
      ['USD', '10.005', '10.00', '10.01'],
      ['JPY', '100.5', '100', '101'],
      ['BHD', '1.0005', '1.000', '1.001'],
    ] as const;
    for (const [currency, amount, even, up] of cases) {
      const path = file(`${currency}.csv`, `customerId,amount,currency,start\nc1,${amount},${currency},2024-01-01\n`);
      const table = await runCli(['mrr', path, '--from', '2024-01', '--to', '2024-01']);
      expect(table.stdout).toContain(`MRR (${currency})`);
      const csv = await runCli(['mrr', path, '--from', '2024-01', '--to', '2024-01', '--csv']);
      expect(csv.stdout.split('\n')[1]?.split(',')[1]).toBe(even);
      const halfUp = await runCli([
        'mrr',
        path,
        '--from',
        '2024-01',
        '--to',
        '2024-01',
        '--csv',
        '--rounding',
        'half-up',
      ]);
      expect(halfUp.stdout.split('\n')[1]?.split(',')[1]).toBe(up);
      const json = JSON.parse((await runCli(['mrr', path, '--from', '2024-01', '--to', '2024-01', '--json'])).stdout);
      expect(json[0]).toMatchObject({ mrr: Number(even), arr: Number(roundedArr(amount, currency)), currency });
    }
    const bad = await runCli(['mrr', file('x.csv', 'customerId,amount\nc1,1\n'), '--rounding', 'nearest']);
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: "cs-metrics mrr: --rounding must be one of half-even, half-up, not 'nearest'\n",
    });
  });

  it('prints no binary noise in --json', async () => {
    const { stdout } = await runCli([
      'mrr',
      'examples/data/subscriptions.csv',
      '--rates',
      'examples/data/exchange-rates.json',
      '--json',
    ]);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows.every((row) => row.currency === 'USD')).toBe(true);
    for (const [number] of stdout.matchAll(/\d+\.\d+/g)) {
      expect(number.replace('.', '').replace(/^0+/, '').length, number).toBeLessThanOrEqual(15);
    }
    for (const row of rows) {
      for (const key of ['mrr', 'arr', 'newMrr', 'averageRevenuePerAccount']) {
        const value = row[key];
        if (typeof value === 'number') expect(Math.round(value * 100) / 100).toBe(value);
      }
    }
  });

  it('defuses a formula in a CSV id', async () => {
    const accounts = readFileSync('examples/data/accounts.csv', 'utf8').replace(
      '\nc0003,',
      '\n"=cmd|\' /C calc\'!A0",',
    );
    const path = file('accounts.csv', accounts);
    const { code, stdout } = await runCli([
      'health',
      path,
      '--scorecard',
      'examples/data/scorecard.json',
      '--lowest',
      '1000',
      '--csv',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain("\n'=cmd|' /C calc'!A0,");
    expect(stdout).not.toMatch(/(^|[\n,])=cmd/);
  });

  it('writes --output whole, and leaves an existing file untouched when the command fails', async () => {
    const target = join(folder, 'nps.json');
    const ok = await runCli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps', '--json', '--output', target]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(target, 'utf8')).responses).toBe(5);
    writeFileSync(target, 'previous');
    const failed = await runCli(['nps', `${FIXTURES}/nps-bad.csv`, '--json', '--output', target]);
    expect(failed.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    const missing = join(folder, 'no such folder', 'out.json');
    const unwritable = await runCli(['nps', `${FIXTURES}/nps.csv`, '--survey', 'nps', '--json', '--output', missing]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^cs-metrics nps: cannot write .*out\.json: ENOENT[^\n]*\n$/);
    const intoFolder = await runCli(['nps', `${FIXTURES}/nps.csv`, '--survey', 'nps', '--json', '--output', folder]);
    expect(intoFolder).toEqual({
      code: 1,
      stdout: '',
      stderr: `cs-metrics nps: cannot write ${folder}: it is a folder\n`,
    });
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reports an unknown flag and a bad flag value on one line with exit code 2', async () => {
    const unknown = await runCli(['nps', `${FIXTURES}/nps.csv`, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("cs-metrics nps: Unknown option '--bogus'\n");
  });

  it('names the flag, not the library option, in an error', async () => {
    const window = await runCli(['engagement', 'examples/data/events.csv', '--window-days', '400']);
    expect(window).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cs-metrics engagement: --window-days must be at most 366\n',
    });
    const mixed = await runCli(['mrr', 'examples/data/subscriptions.csv']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('mixed currencies need --rates or --rate and a target --currency\n');
    expect(mixed.stderr).not.toContain('options.');
  });

  it('prints warnings on stderr, after the result, whatever the format', async () => {
    const fake: Command = {
      name: 'warns',
      summary: '',
      usage: '',
      description: '',
      options: {},
      examples: [],
      run: async () => ({ json: { a: 1 }, tables: [], warnings: ['the fit did not converge'] }),
    };
    (commands as Command[]).push(fake);
    try {
      const { code, stdout, stderr } = await runCli(['warns', '--json']);
      expect(code).toBe(0);
      expect(stdout).toBe('{\n  "a": 1\n}\n');
      expect(stderr).toBe('cs-metrics warns: warning: the fit did not converge\n');
    } finally {
      (commands as Command[]).splice(commands.indexOf(fake), 1);
    }
  });
});

/** 12 × an amount, rounded half even to the currency's minor unit, computed in integers. */
function roundedArr(amount: string, currency: string): string {
  const places = currency === 'JPY' ? 0 : currency === 'BHD' ? 3 : 2;
  const [whole = '', fraction = ''] = amount.split('.');
  const units = BigInt(whole + fraction) * 12n;
  const scale = 10n ** BigInt(fraction.length - places);
  const quotient = units / scale;
  const remainder = units % scale;
  const rounded =
    remainder * 2n > scale || (remainder * 2n === scale && quotient % 2n === 1n) ? quotient + 1n : quotient;
  return (Number(rounded) / 10 ** places).toString();
}
