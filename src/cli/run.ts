// The command line's dispatcher: parses arguments, runs a command, prints its output, and maps errors to
// exit codes: 0 success, 2 bad input or usage (a message naming file, line and column, never a stack
// trace), 1 anything else.
import { isMetricError } from '../index.js';
import { parseArguments } from './arguments.js';
import type { Command, OptionSpec } from './command.js';
import { commands } from './commands/index.js';
import { InputError, OutputError, UsageError } from './errors.js';
import { inFlagWords, metricProblem } from './flags.js';
import { DEFAULT_ROUNDING, type OutputFormat, ROUNDINGS, type Rounding, renderPieces } from './output.js';
import { writeWhole } from './output/file.js';
import { type Stdout, writePieces } from './output/stdout.js';
import { terminalProgress } from './progress.js';

/** Where the command line writes: the process's streams, or test doubles. */
export interface Io {
  readonly stdout: Stdout;
  readonly stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'print the full result as JSON' },
  csv: { type: 'boolean', description: 'print the tables as CSV' },
  output: {
    type: 'string',
    value: 'file',
    description: 'write the result to a file, replaced only once the result is complete',
  },
  rounding: {
    type: 'string',
    value: 'half-even|half-up',
    default: DEFAULT_ROUNDING,
    description: "how money is rounded to its currency's minor unit on output",
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const entries = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` <${spec.value}>` : ''}`;
    const extra = spec.default ? ` (default: ${spec.default})` : '';
    return [flag, `${spec.description}${extra}`] as const;
  });
  const width = entries.reduce((widest, [flag]) => Math.max(widest, flag.length), 0);
  return entries.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`);
}

function commandHelp(command: Command): string {
  return [
    `${command.usage}`,
    '',
    command.description,
    '',
    'Options:',
    ...optionLines({ ...command.options, ...GLOBAL_OPTIONS }),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n');
}

function overview(): string {
  const width = commands.reduce((widest, command) => Math.max(widest, command.name.length), 0);
  return [
    'cs-metrics: customer-success metrics from CSV, JSON or JSON Lines files',
    '',
    'Usage: cs-metrics <command> <file or folder> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Output is an aligned table; --json and --csv print machine-readable results.',
    "Run 'cs-metrics <command> --help' for a command's options and examples.",
    '',
  ].join('\n');
}

function roundingOf(value: unknown): Rounding {
  if (value === undefined) return DEFAULT_ROUNDING;
  const choice = ROUNDINGS.find((rounding) => rounding === value);
  if (choice === undefined) throw new UsageError(`--rounding must be one of ${ROUNDINGS.join(', ')}, not '${value}'`);
  return choice;
}

/** Runs the command line with its arguments (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((command) => command.name === rest[0]) : undefined;
    io.stdout.write(topic ? commandHelp(topic) : overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  try {
    if (command === undefined) throw new UsageError(`unknown command '${name}'; run 'cs-metrics --help' for the list`);
    const parsed = parseArguments(rest, { ...command.options, ...GLOBAL_OPTIONS });
    if (parsed.values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    if (parsed.values.json === true && parsed.values.csv === true)
      throw new UsageError('choose one of --json and --csv');
    const format: OutputFormat = parsed.values.json === true ? 'json' : parsed.values.csv === true ? 'csv' : 'table';
    const rounding = roundingOf(parsed.values.rounding);
    const target = parsed.values.output;
    if (target === '') throw new UsageError('--output needs a file name');
    const notes: string[] = [];
    const output = await command.run({
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
      progress: terminalProgress(io.stderr as NodeJS.WriteStream),
      warn: (message) => notes.push(message),
    });
    const pieces = renderPieces(output, format, rounding);
    if (typeof target === 'string') writeWhole(target, pieces);
    else await writePieces(io.stdout, pieces);
    for (const warning of [...notes, ...(output.warnings ?? [])])
      io.stderr.write(`cs-metrics ${name}: warning: ${warning}\n`);
    return 0;
  } catch (error) {
    const flags = command?.flags ?? {};
    if (error instanceof UsageError) {
      io.stderr.write(`cs-metrics${command ? ` ${command.name}` : ''}: ${inFlagWords(error.message, flags)}\n`);
      return 2;
    }
    if (error instanceof InputError || isMetricError(error)) {
      const message = error instanceof InputError ? inFlagWords(error.message, flags) : metricProblem(error, flags);
      io.stderr.write(`cs-metrics ${name}: ${message}\n`);
      return 2;
    }
    if (error instanceof OutputError) {
      io.stderr.write(`cs-metrics ${name}: ${error.message}\n`);
      return 1;
    }
    const detail = io.env.CS_METRICS_DEBUG
      ? `\n${(error as Error).stack ?? ''}`
      : ' (set CS_METRICS_DEBUG=1 for details)';
    io.stderr.write(`cs-metrics ${name}: unexpected error: ${(error as Error).message ?? String(error)}${detail}\n`);
    return 1;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';
