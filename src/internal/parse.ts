// Validation: zod is the single source of truth for what is valid. Every parse passes our own message map
// (zod/mini ships none, and a host app's `z.config` must not change our messages), and every failure becomes
// a `MetricError` whose issues name the field.
import * as z from 'zod/mini';
import { MetricError, type MetricIssue } from '../errors.js';

type Path = readonly (string | number)[];

/** Any zod schema (mini or classic). */
export type Schema<T = unknown> = z.core.$ZodType<T>;

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  record: 'an object',
  date: 'a date',
  bigint: 'a bigint',
  function: 'a function',
  null: 'null',
  undefined: 'absent',
  never: 'absent',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return String(value);
    return `the number ${value}`;
  }
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value))).join(', ');
}

/** The phrase for one raw zod issue, without the field name (`must be at most 10`). */
function phrase(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (issue.expected === 'number' && typeof issue.input === 'number') {
        return `must be a finite number, not ${describeValue(issue.input)}`;
      }
      return `must be ${expected}, not ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      const bound = String(issue.minimum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.exact
          ? `must have exactly ${bound} items`
          : `must have at least ${bound} item${bound === '1' ? '' : 's'}`;
      }
      if (issue.origin === 'string') {
        return issue.minimum === 1 ? 'must not be empty' : `must have at least ${bound} characters`;
      }
      return issue.inclusive === false ? `must be greater than ${bound}` : `must be at least ${bound}`;
    }
    case 'too_big': {
      const bound = String(issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') {
        return issue.exact ? `must have exactly ${bound} items` : `must have at most ${bound} items`;
      }
      if (issue.origin === 'string') return `must have at most ${bound} characters`;
      return issue.inclusive === false ? `must be less than ${bound}` : `must be at most ${bound}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected format' : `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `has unknown key${issue.keys.length > 1 ? 's' : ''} ${quoteAll(issue.keys)}`;
    case 'invalid_union':
      return 'does not match any accepted form';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoteAll(issue.values)}`
        : `must be one of ${quoteAll(issue.values)}`;
    case 'custom':
      return 'is invalid';
    default:
      return 'is invalid';
  }
}

/** Our message for every zod issue code, passed on every parse (never installed globally). */
const messages: z.core.$ZodErrorMap = (issue) => phrase(issue);

/** Renders a path as it would be written in code: `subscriptions[3].amount`, `distribution["11"]`. */
export function formatPath(path: Path, root = 'input'): string {
  if (path.length === 0) return root;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out.startsWith('[') ? `${root}${out}` : out;
}

/** Makes an issue with a full message (`scores[41] must be at most 10`). */
export function issue(path: Path, phraseText: string, code = 'custom', root = 'input'): MetricIssue {
  return { code, path: [...path], message: `${formatPath(path, root)} ${phraseText}`, reason: phraseText };
}

/** Throws `INVALID_INPUT` with one issue. */
export function invalid(metric: string, path: Path, phraseText: string, root = 'input'): never {
  throw new MetricError(metric, 'INVALID_INPUT', [issue(path, phraseText, 'custom', root)]);
}

/** Throws `NO_DATA` (a denominator is empty), naming the field that is empty. */
export function noData(metric: string, path: Path, phraseText: string, root = 'input'): never {
  throw new MetricError(metric, 'NO_DATA', [issue(path, phraseText, 'custom', root)]);
}

function normalizeKey(key: PropertyKey): string | number {
  return typeof key === 'symbol' ? String(key) : key;
}

/**
 * Converts zod issues to ours. A union that matched no branch is replaced by the issues of the branch that
 * got furthest (deepest path, then fewest issues), so the message names the real problem rather than
 * "does not match any accepted form".
 */
function toIssues(raw: readonly z.core.$ZodIssue[], prefix: Path, root: string): MetricIssue[] {
  const out: MetricIssue[] = [];
  for (const zodIssue of raw) {
    const path = [...prefix, ...zodIssue.path.map(normalizeKey)];
    if (zodIssue.code === 'invalid_union' && zodIssue.errors.length > 0) {
      const best = pickUnionBranch(zodIssue.errors);
      out.push(...toIssues(best, path, root));
      continue;
    }
    out.push({
      code: zodIssue.code,
      path,
      message: `${formatPath(path, root)} ${zodIssue.message}`,
      reason: zodIssue.message,
    });
  }
  return out;
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  let deepest = 0;
  for (const one of issues) {
    const isRootShape = one.path.length === 0 && (one.code === 'invalid_type' || one.code === 'unrecognized_keys');
    const score = one.path.length * 2 + (isRootShape ? 0 : 1);
    if (score > deepest) deepest = score;
  }
  return deepest;
}

function pickUnionBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  let best = branches[0] ?? [];
  for (const branch of branches) {
    const better = depth(branch) > depth(best) || (depth(branch) === depth(best) && branch.length < best.length);
    if (better) best = branch;
  }
  return best;
}

/**
 * Parses `value` with `schema` and our message map; on failure throws `INVALID_INPUT` naming each field.
 * `root` names the argument in messages when the path is empty (`'input'` or `'options'`).
 */
export function parse<T>(metric: string, schema: Schema<T>, value: unknown, root = 'input', prefix: Path = []): T {
  const result = z.safeParse(schema, value, { error: messages, reportInput: false });
  if (result.success) return result.data;
  throw new MetricError(metric, 'INVALID_INPUT', toIssues(result.error.issues, prefix, root));
}

/** Parses an options argument; `undefined` means all defaults. */
export function parseOptions<T>(metric: string, schema: Schema<T>, value: unknown): T {
  return parse(metric, schema, value === undefined ? {} : value, 'options');
}

/**
 * Reports one element of a bulk array that failed the caller's fast predicate.
 *
 * Bulk inputs are checked element by element with a hand-written predicate that mirrors the element schema;
 * only a failing element is parsed with zod, which produces the exact issue at `[...path, index]`. If zod
 * accepts the element after all (the predicate is stricter, e.g. a cross-field rule), `fallback` names the
 * problem.
 */
export function rejectElement(
  metric: string,
  schema: Schema,
  value: unknown,
  path: Path,
  fallback = 'is invalid',
): never {
  const result = z.safeParse(schema, value, { error: messages, reportInput: false });
  if (!result.success) throw new MetricError(metric, 'INVALID_INPUT', toIssues(result.error.issues, path, 'input'));
  throw new MetricError(metric, 'INVALID_INPUT', [issue(path, fallback)]);
}

/** An array or typed array: what bulk inputs accept. Elements are checked by the metric's own loop. */
export type ArrayInput<T> = ArrayLike<T>;

/** Whether a value is an array or a numeric typed array (not a DataView). */
export function isArrayInput(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * A schema for a bulk array field: accepts an array or typed array without looking at the elements, which
 * the metric checks itself in its single pass.
 */
export function bulkArray<T>(noun = 'an array'): z.ZodMiniCustom<ArrayLike<T>, ArrayLike<T>> {
  return z.custom<ArrayLike<T>>((value) => isArrayInput(value), {
    error: (problem) =>
      problem.input === undefined ? 'is required' : `must be ${noun}, not ${describeValue(problem.input)}`,
  });
}

/** One accepted shape of a multi-form input, recognised by a key only it has. */
export interface Form<K extends string, T> {
  readonly key: K;
  readonly schema: Schema<T>;
}

/**
 * Parses an input that comes in several forms (`{ scores }`, `{ distribution }`, or counts), choosing the
 * form by the first of its keys present. Clearer than a union: a bad `scores` array is reported as such,
 * not as "matches no form", and mixing two forms names the extra key.
 */
export function parseForm<const F extends readonly Form<string, unknown>[]>(
  metric: string,
  forms: F,
  value: unknown,
  prefix: Path = [],
): { [I in keyof F]: F[I] extends Form<infer K, infer T> ? { form: K; value: T } : never }[number] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MetricError(metric, 'INVALID_INPUT', [
      issue(prefix, `must be an object, not ${describeValue(value)}`, 'invalid_type'),
    ]);
  }
  for (const form of forms) {
    if (Object.hasOwn(value, form.key)) {
      return { form: form.key, value: parse(metric, form.schema, value, 'input', prefix) } as never;
    }
  }
  const keys = forms.map((form) => `'${form.key}'`).join(', ');
  throw new MetricError(metric, 'INVALID_INPUT', [issue(prefix, `must have one of the keys ${keys}`, 'invalid_type')]);
}

/**
 * The options parameter of a function that takes none. TypeScript refuses any key; at run time
 * the function refuses them too, rather than ignoring a policy the caller believes is applied.
 */
export type NoOptions = Readonly<Record<string, never>>;

/**
 * Checks the options argument of a function that takes none: `undefined` or an empty object pass; anything
 * else is `INVALID_INPUT` at the path `[]` of `options`, naming each key and, where the input has a field
 * of that name, saying that it belongs there.
 */
export function noOptions(metric: string, options: unknown, inputFields: readonly string[] = []): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new MetricError(metric, 'INVALID_INPUT', [
      issue([], `must be absent, not ${describeValue(options)}: ${metric} takes no options`, 'invalid_type', 'options'),
    ]);
  }
  const keys = Object.keys(options);
  if (keys.length === 0) return;
  const misplaced = keys.filter((key) => inputFields.includes(key));
  const where =
    misplaced.length > 0 ? `; ${quoteAll(misplaced)} belong${misplaced.length > 1 ? '' : 's'} in the input` : '';
  throw new MetricError(metric, 'INVALID_INPUT', [
    issue(
      [],
      `has unknown key${keys.length > 1 ? 's' : ''} ${quoteAll(keys)}: ${metric} takes no options${where}`,
      'unrecognized_keys',
      'options',
    ),
  ]);
}

/**
 * Whether `value` has the shape a strict object schema with these `keys` accepts: an object (not null, not an
 * array) whose enumerable keys — own and inherited, as zod's `for … in` sees them — are all among `keys`. For
 * the hand-written fast path of a scalar function: when it is false the function parses with zod, which
 * reports the exact issue.
 */
export function hasOnlyKeys(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!keys.includes(key)) return false;
  return true;
}
