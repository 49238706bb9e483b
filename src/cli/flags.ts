// How the command line words the library's objections to an option: each command declares once which flag
// sets which library option (`Command.flags`), and every message about an option, whether it comes from the
// checks made before a file is read or from a run, goes through the functions here.
import { isMetricError, type MetricError } from '../index.js';
import { UsageError } from './errors.js';

/** Library option names → the flags that set them (`{ exchangeRates: '--rates or --rate' }`). */
export type FlagNames = Readonly<Record<string, string>>;

/**
 * A message with the options it names replaced by their flags: every `options.name`, and a bare name written
 * in camel case (`satisfiedFrom`), which cannot be an ordinary word.
 */
export function inFlagWords(message: string, flags: FlagNames): string {
  return message.replace(
    /\b(?:options\.([A-Za-z]+)|([a-z]+[A-Z][A-Za-z]*))\b/g,
    (text, option?: string, bare?: string) => {
      const name = option ?? bare ?? '';
      return Object.hasOwn(flags, name) ? (flags[name] as string) : text;
    },
  );
}

/** The flag that sets the option a library error is about, when its first issue is about one. */
function flagOf(error: MetricError, flags: FlagNames): string | undefined {
  const [name, next] = error.issues[0]?.path ?? [];
  // A record's field that shares an option's name (`[field, index]`) is data, not the option.
  if (typeof name !== 'string' || !Object.hasOwn(flags, name) || typeof next === 'number') return undefined;
  return flags[name];
}

/**
 * What a library error says in the command line's words: an issue about an option (its path starts with the
 * name of an option that a flag sets) names the flag (`--confidence must be less than 1`); any other keeps the
 * function's message, with the options it mentions named by their flags.
 */
export function metricProblem(error: MetricError, flags: FlagNames): string {
  const [first] = error.issues;
  const flag = flagOf(error, flags);
  if (first === undefined || flag === undefined) return inFlagWords(error.message, flags);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  const rest = first.path.slice(1);
  const where = rest.length > 0 ? `: ${rest.join('.')}` : '';
  return `${flag}${where} ${inFlagWords(first.reason, flags)}${more}`;
}

/**
 * Runs a library call on stand-in values before the file is read, so that a bad option value is a usage
 * error at once, worded like any other (`--satisfied-from must be a score on the 1–5 scale`), rather than
 * after reading a large file. An error that is not about a flag's option is passed on as it is.
 */
export function checkOptions(flags: FlagNames | undefined, call: () => unknown): void {
  try {
    call();
  } catch (error) {
    if (!isMetricError(error) || flags === undefined || flagOf(error, flags) === undefined) throw error;
    throw new UsageError(metricProblem(error, flags));
  }
}
