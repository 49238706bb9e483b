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
