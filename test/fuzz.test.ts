// Every exported function, fed random and broken inputs, returns finite numbers in its documented shape
// or throws a MetricError naming itself; nothing else, and it never changes its input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { families } from './support/families.js';
import { anyValue, brokenCall, deepFreeze, resultProblems, sameValue } from './support/fuzz.js';
import type { Call } from './support/types.js';

const NOT_METRICS = new Set(['MetricError', 'isMetricError']);
const functions = Object.entries(lib as Record<string, unknown>).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] =>
    typeof entry[1] === 'function' && !NOT_METRICS.has(entry[0]),
);
const samplesOf = (name: string): readonly Call[] =>
  Object.values(families).find((family) => family.samples[name])?.samples[name] ?? [];

function check(name: string, fn: (...args: unknown[]) => unknown, args: unknown[]): void {
  const before = structuredClone(args);
  let result: unknown;
  try {
    result = fn(...args.map((arg) => deepFreeze(arg)));
  } catch (error) {
    if (!lib.isMetricError(error)) throw new Error(`${name} threw a non-MetricError: ${String(error)}`);
    expect(error.metric).toBe(name);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(Array.isArray(issue.path)).toBe(true);
      expect(typeof issue.message).toBe('string');
    }
    expect(error.message.startsWith(`${name}: `)).toBe(true);
    return;
  } finally {
    expect(sameValue(args, before), `${name} changed its input`).toBe(true);
  }
  if (typeof result === 'function') {
    // A factory (createHealthScore): its product must behave as well.
    try {
      expect(resultProblems(result(args[0]))).toEqual([]);
    } catch (error) {
      if (!lib.isMetricError(error)) throw error;
    }
    return;
  }
  expect(resultProblems(result), `${name} returned a bad value`).toEqual([]);
}

describe('fuzz: every exported function', () => {
  it.each(functions)('%s: random JSON-like arguments', (name, fn) => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: 0, maxLength: 3 }), (args) => check(name, fn, args)),
      { numRuns: 150 },
    );
  });

  it.each(functions)('%s: sample calls with one part broken', (name, fn) => {
    const calls = samplesOf(name);
    expect(calls.length, `no sample calls for ${name}`).toBeGreaterThan(0);
    for (const call of calls) check(name, fn, structuredClone([...call]));
    fc.assert(
      fc.property(brokenCall(calls), (args) => check(name, fn, args)),
      { numRuns: 300 },
    );
  });
});
