// A command's arguments, parsed by node's parseArgs, whose objections (several lines, in its own words) become
// one-line usage errors that say how to write the option.
import { parseArgs } from 'node:util';
import type { OptionSpec } from './command.js';
import { UsageError } from './errors.js';

/** The options and positionals of a command line. */
export interface ParsedArguments {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** The flag an option is written with, and how its value is shown (`--as-of <date>`). */
function written(name: string, spec: OptionSpec | undefined): string {
  return spec?.type === 'string' ? `--${name} <${spec.value ?? 'value'}>` : `--${name}`;
}

/** The option a flag (`--as-of`, `-h`) names, among the specs. */
function optionOf(flag: string, specs: Readonly<Record<string, OptionSpec>>): [string, OptionSpec] | undefined {
  const entries = Object.entries(specs);
  if (flag.startsWith('--')) return entries.find(([name]) => name === flag.slice(2));
  return entries.find(([, spec]) => spec.short !== undefined && `-${spec.short}` === flag);
}

/** Why parseArgs refused the arguments, in the command line's words; undefined when it is not known. */
function problem(
  error: Error & { code?: string },
  args: readonly string[],
  specs: Readonly<Record<string, OptionSpec>>,
): string | undefined {
  const flag = /^Option '(?:-\w, )?(--?[\w-]+)/.exec(error.message)?.[1];
  const option = flag === undefined ? undefined : optionOf(flag, specs);
  if (error.code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || flag === undefined || option === undefined)
    return undefined;
  const [name, spec] = option;
  const long = `--${name}`;
  if (spec.type === 'boolean') return `${long} takes no value`;
  // `--from -5`, `--as-of --json`: parseArgs takes neither as the value.
  const at = args.findIndex(
    (arg, index) => (arg === flag || arg === long) && args[index + 1]?.startsWith('-') && args[index + 1] !== '-',
  );
  const next = at === -1 ? undefined : (args[at + 1] as string);
  if (next === undefined) return `${long} needs a value: write ${written(name, spec)}`;
  if (next === '--' || next.startsWith('--') || optionOf(next, specs) !== undefined)
    return `${long} is missing its value (${next} after it is an option): write ${written(name, spec)}`;
  return `${long} ${next}: a value that starts with '-' is written ${long}=${next}`;
}

/** Parses arguments against option specs; throws a one-line UsageError for a missing or doubtful value. */
export function parseArguments(args: readonly string[], specs: Readonly<Record<string, OptionSpec>>): ParsedArguments {
  const options = Object.fromEntries(
    Object.entries(specs).map(([key, spec]) => [
      key,
      { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) },
    ]),
  );
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = problem(error as Error, args, specs);
    throw new UsageError(message ?? ((error as Error).message.split(/\. To specify a positional|\n/)[0] as string));
  }
}
