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
