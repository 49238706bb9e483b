// Helpers for asserting MetricErrors in tests.
import { expect } from 'vitest';
import { isMetricError, type MetricError } from '../../src/errors.js';

/** Runs `fn`, expects a MetricError, and returns it. */
export function catchMetricError(fn: () => unknown): MetricError {
  try {
    fn();
  } catch (error) {
    expect(isMetricError(error), `expected a MetricError, got ${String(error)}`).toBe(true);
    return error as MetricError;
  }
  throw new Error('expected a MetricError, but nothing was thrown');
}

/** Expects `fn` to throw a MetricError with this code and first issue path (and, optionally, message text). */
export function expectMetricError(
  fn: () => unknown,
  code: 'INVALID_INPUT' | 'NO_DATA',
  path: readonly (string | number)[],
  messageIncludes?: string,
): MetricError {
  const error = catchMetricError(fn);
  expect(error.code).toBe(code);
  expect(error.issues[0]?.path).toEqual(path);
  if (messageIncludes !== undefined) expect(error.message).toContain(messageIncludes);
  return error;
}

/**
 * Checks the options argument of a function that takes none. `call` runs the function with the options
 * given (typed `never`, so that it may pass them on where the function accepts none): `undefined` and `{}`
 * must both give `expected`; `misplaced` (a field of the input) is refused at the path `[]` with a message
 * saying it belongs in the input; `unknown` (a key of neither) is refused without that hint; and a number
 * in place of the options object is refused.
 */
export function expectNoOptions(
  metric: string,
  call: (options: never) => unknown,
  expected: unknown,
  misplaced?: string,
  unknown = 'notAnOption',
): void {
  expect(call(undefined as never)).toEqual(expected);
  expect(call({} as never)).toEqual(expected);
  if (misplaced !== undefined) {
    const error = expectMetricError(() => call({ [misplaced]: 1 } as never), 'INVALID_INPUT', []);
    expect(error.message).toBe(
      `${metric}: options has unknown key '${misplaced}': ${metric} takes no options; '${misplaced}' belongs in the input`,
    );
  }
  const error = expectMetricError(() => call({ [unknown]: 1 } as never), 'INVALID_INPUT', []);
  expect(error.message).toBe(`${metric}: options has unknown key '${unknown}': ${metric} takes no options`);
  const notObject = expectMetricError(() => call(5 as never), 'INVALID_INPUT', []);
  expect(notObject.message).toBe(`${metric}: options must be absent, not the number 5: ${metric} takes no options`);
}

/**
 * Checks that a function with options refuses one it does not know: `call` passes options holding the key
 * `key`, and the one issue reported is at the path `[]`, naming that key.
 */
export function expectUnknownOptionRefused(metric: string, call: () => unknown, key: string): MetricError {
  const error = expectMetricError(call, 'INVALID_INPUT', [], `${metric}: options has unknown key '${key}'`);
  expect(error.issues).toHaveLength(1);
  return error;
}
