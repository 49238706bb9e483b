// Errors the command line reports to its user without a stack trace, with exit code 2.
import type { MetricError } from '../index.js';

/** A mistake in how the command was called: unknown option, missing file, bad option value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A problem in an input file, located as precisely as possible. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /**
   * @param file - the file's path as given.
   * @param location - `line 12` in a CSV or JSON Lines file, `record 12` in a JSON array.
   * @param column - the column or field, when known.
   */
  constructor(
    readonly file: string,
    readonly location: string | undefined,
    readonly column: string | undefined,
    readonly problem: string,
  ) {
    const where = [file, location, column === undefined ? undefined : `column ${column}`].filter(Boolean).join(', ');
    super(`${where}: ${problem}`);
  }
}

/** What a library error says, without the name of the function: its first issue, and how many more. */
export function problemOf(error: MetricError): string {
  const [first] = error.issues;
  if (first === undefined) return error.message;
  return error.issues.length > 1 ? `${first.message} (and ${error.issues.length - 1} more)` : first.message;
}

/** The result could not be written (a full disk, a folder that does not exist): exit code 1, one line. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Library option names → the flags that set them (`{ exchangeRates: '--rates or --rate' }`). */
export type FlagNames = Readonly<Record<string, string>>;

/** A message with every `options.name` the library wrote replaced by the flag that sets it. */
export function inFlagWords(message: string, flags: FlagNames): string {
  return message.replace(/\boptions\.([A-Za-z]+)/g, (text, name: string) =>
    Object.hasOwn(flags, name) ? (flags[name] as string) : text,
  );
}

/**
 * What a library error says in the command line's words: an issue about an option (its path starts with the
 * name of an option that a flag sets) names the flag (`--confidence must be less than 1`); any other keeps the
 * function's message, with the options it mentions named by their flags.
 */
export function metricProblem(error: MetricError, flags: FlagNames): string {
  const [first] = error.issues;
  const [name, ...rest] = first?.path ?? [];
  if (first === undefined || typeof name !== 'string' || !Object.hasOwn(flags, name) || typeof rest[0] === 'number') {
    return inFlagWords(error.message, flags);
  }
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  const where = rest.length > 0 ? `: ${rest.join('.')}` : '';
  return `${flags[name]}${where} ${inFlagWords(first.reason, flags)}${more}`;
}
