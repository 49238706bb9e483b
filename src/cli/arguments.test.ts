import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { parseArguments } from './arguments.js';
import type { OptionSpec } from './command.js';
import { UsageError } from './errors.js';

const SPECS: Record<string, OptionSpec> = {
  from: { type: 'string', value: 'YYYY-MM', description: '' },
  where: { type: 'string', value: 'column=value', multiple: true, description: '' },
  delimiter: { type: 'string', value: 'char', description: '' },
  json: { type: 'boolean', description: '' },
  help: { type: 'boolean', short: 'h', description: '' },
};

function refusal(args: readonly string[]): string {
  try {
    parseArguments(args, SPECS);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseArguments', () => {
  it('parses options, repeated options, values joined with = and positionals', () => {
    const parsed = parseArguments(
      ['a.csv', '--from', '2024-01', '--where', 'x=1', '--where=y=-2', '--delimiter', '-', '--json', '-h'],
      SPECS,
    );
    expect(parsed.positionals).toEqual(['a.csv']);
    expect(parsed.values).toEqual({ from: '2024-01', where: ['x=1', 'y=-2'], delimiter: '-', json: true, help: true });
    expect(parseArguments(['--from=-5', '--delimiter=--'], SPECS).values).toMatchObject({
      from: '-5',
      delimiter: '--',
    });
  });

  it('says how to write a value that starts with a dash, on one line', () => {
    expect(refusal(['a.csv', '--from', '-5'])).toBe("--from -5: a value that starts with '-' is written --from=-5");
    expect(refusal(['--delimiter', '-;'])).toBe(
      "--delimiter -;: a value that starts with '-' is written --delimiter=-;",
    );
    expect(refusal(['--where', '-x=1', '--json'])).toBe(
      "--where -x=1: a value that starts with '-' is written --where=-x=1",
    );
  });

  it('names an option that is missing its value', () => {
    expect(refusal(['--from', '--json'])).toBe(
      '--from is missing its value (--json after it is an option): write --from <YYYY-MM>',
    );
    expect(refusal(['--from', '-h'])).toBe(
      '--from is missing its value (-h after it is an option): write --from <YYYY-MM>',
    );
    expect(refusal(['--from', '--'])).toBe(
      '--from is missing its value (-- after it is an option): write --from <YYYY-MM>',
    );
    expect(refusal(['a.csv', '--where'])).toBe('--where needs a value: write --where <column=value>');
    expect(refusal(['--json=yes'])).toBe('--json takes no value');
  });

  it('keeps unknown options as they were reported', () => {
    expect(refusal(['--bogus'])).toBe("Unknown option '--bogus'");
    expect(refusal(['-x'])).toBe("Unknown option '-x'");
  });
});

describe('option values on the command line', () => {
  it('refuses a dash value or a missing value with one line and exit code 2', async () => {
    const cases: [string[], string][] = [
      [
        ['lifetime', 'examples/data/customers.csv', '--as-of', '--json'],
        'cs-metrics lifetime: --as-of is missing its value (--json after it is an option): write --as-of <date>\n',
      ],
      [
        ['lifetime', 'examples/data/customers.csv', '--arpa', '-5'],
        "cs-metrics lifetime: --arpa -5: a value that starts with '-' is written --arpa=-5\n",
      ],
      [
        ['nps', 'examples/data/survey-responses.csv', '--output'],
        'cs-metrics nps: --output needs a value: write --output <file>\n',
      ],
    ];
    for (const [args, stderr] of cases) expect(await runCli(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('reads a value written --option=-value', async () => {
    const result = await runCli(['lifetime', 'examples/data/customers.csv', '--as-of', '2024-12-31', '--arpa=-5']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cs-metrics lifetime: --arpa [^\n]*\n$/);
    expect(result.stderr).not.toContain("starts with '-'");
  });
});
