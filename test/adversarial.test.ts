// Hostile but valid inputs give the same answer as plain ones. Every sample call is replayed (1) with each
// field a getter, and each array a Proxy, whose value changes after the first read: a function that checks
// one read and uses another would answer differently, hang or throw; (2) with its objects, arrays, typed
// arrays and dates made in another realm (a `vm` context, as an iframe hands them to a dashboard); (3) with
// an unknown option, which every function refuses, naming it, whether or not it takes options.
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { changingOnReread, fromOtherRealm, withEveryNumber } from './support/adversary.js';
import { allSamples } from './support/families.js';
import { resultProblems } from './support/fuzz.js';
import type { Call } from './support/types.js';

type Fn = (...args: unknown[]) => unknown;
const library = lib as unknown as Record<string, Fn>;

/** Where the options go in a call: after the inputs, of which most functions take one. */
const OPTIONS_AT: Readonly<Record<string, number>> = {
  compareNetPromoterScores: 2,
  mergeDistributions: 2,
  tallyScores: 2,
};

type Outcome = { result: unknown } | { thrown: string; code?: unknown; paths?: unknown };

function outcome(name: string, args: readonly unknown[]): Outcome {
  try {
    const result = (library[name] as Fn)(...args);
    if (typeof result !== 'function') return { result };
    // A factory: compare what its product gives for the factory's own sample accounts, if any.
    return { result: 'function' };
  } catch (error) {
    if (!lib.isMetricError(error)) return { thrown: `non-MetricError: ${String(error)}` };
    return { thrown: error.message, code: error.code, paths: error.issues.map((issue) => issue.path) };
  }
}

const samples = allSamples();

/** Expects the call with each argument (a fresh copy) passed through `transform` to end as the plain call does. */
function expectSameOutcome(name: string, call: Call, transform: (arg: unknown) => unknown): void {
  const plain = outcome(name, structuredClone([...call]));
  expect(
    outcome(
      name,
      call.map((arg) => transform(structuredClone(arg))),
    ),
  ).toEqual(plain);
}

describe('adversarial: fields that change after the first read', () => {
  it.each(samples)('%s gives the same answer when every field changes on a second read', (name, call: Call) => {
    expectSameOutcome(name, call, (arg) => changingOnReread(arg));
  });
});

describe('adversarial: each value is read once', () => {
  it.each(samples)('%s reads each field and element of its input once', (name, call: Call) => {
    const reads = new Map<string, number>();
    const args = call.map((arg, at) => changingOnReread(structuredClone(arg), reads, `arguments[${at}]`));
    outcome(name, args);
    expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
  });
});

describe('adversarial: values from another realm', () => {
  it.each(samples)('%s gives the same answer for objects, arrays and dates of another realm', (name, call: Call) => {
    expectSameOutcome(name, call, fromOtherRealm);
  });
});

describe('adversarial: options are strict', () => {
  const firstCalls = new Map<string, Call>();
  for (const [name, call] of samples) if (!firstCalls.has(name)) firstCalls.set(name, call);
  it.each([...firstCalls])('%s refuses an unknown option, naming it', (name, call: Call) => {
    const at = OPTIONS_AT[name] ?? 1;
    const args = [...structuredClone([...call]).slice(0, at)];
    const given = call[at];
    const options = typeof given === 'object' && given !== null ? { ...given } : {};
    args[at] = { ...options, notAnOption: 1 };
    const got = outcome(name, args);
    expect(got).toMatchObject({ code: 'INVALID_INPUT' });
    expect((got as { paths: unknown[][] }).paths).toContainEqual([]);
    expect((got as { thrown: string }).thrown).toContain("options has unknown key 'notAnOption'");
  });
});

describe('adversarial: extreme magnitudes', () => {
  const extremes = [1e308, Number.MAX_VALUE, 5e-324, 2.2250738585072014e-308, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER];
  it.each(samples)(
    '%s answers every number set to an extreme with a finite result or a MetricError',
    (name, call: Call) => {
      for (const extreme of extremes) {
        const got = outcome(
          name,
          call.map((arg) => withEveryNumber(structuredClone(arg), extreme)),
        );
        if ('thrown' in got) expect(got.thrown, `${extreme}`).not.toMatch(/^non-MetricError/);
        else expect(resultProblems(got.result), `${extreme}`).toEqual([]);
      }
    },
  );
});
