import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../test/support/errors.js';
import { isMetricError, type MetricError } from '../errors.js';
import { withLifetimes } from './lifetimes.js';

/** The repeat a scan with a `Set` finds: the first index whose id came before, and where it came first. */
function setScan(ids: readonly (string | number)[]): readonly [number, number] | undefined {
  const seen = new Set<string | number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string | number;
    if (seen.has(id)) return [i, ids.indexOf(id)];
    seen.add(id);
  }
  return undefined;
}

/** What `withLifetimes` says about the ids: the repeat it reports, or undefined when it accepts them all. */
function repeatFound(ids: readonly (string | number)[]): readonly [number, number] | undefined {
  const customers = ids.map((id) => ({ id, start: 0 }));
  let error: MetricError;
  try {
    withLifetimes('test', customers, ['customers'], () => undefined);
    return undefined;
  } catch (thrown) {
    expect(isMetricError(thrown)).toBe(true);
    error = thrown as MetricError;
  }
  expect(error.code).toBe('INVALID_INPUT');
  const path = error.issues[0]?.path ?? [];
  expect(path[0]).toBe('customers');
  expect(path[2]).toBe('id');
  const earlier = /repeats the id of customers\[(\d+)\]/.exec(error.issues[0]?.message ?? '');
  return [path[1] as number, Number(earlier?.[1])];
}

// Long ids that agree wherever a long id's hash samples it (the last six characters, a third and two thirds
// of the way) and differ elsewhere: their sampled hashes are all equal.
const alikeWhereSampled = (n: number) => {
  const digits = String(n).padStart(6, '0');
  return `${digits.slice(0, 3)}--${digits.slice(3)}${'-'.repeat(38)}`;
};

const adversarialId: fc.Arbitrary<string | number> = fc.oneof(
  // Short strings over a tiny alphabet: many repeats and equal lengths.
  fc.string({ unit: fc.constantFrom('a', 'b', '\u00e9', '\ud83d', '\u0000'), minLength: 1, maxLength: 4 }),
  // Numbers and strings that print alike, 0 and −0, the extremes of the safe integers.
  fc.constantFrom<string | number>(
    0,
    -0,
    '0',
    '-0',
    1,
    '1',
    -1,
    '-1',
    2 ** 32,
    '4294967296',
    2 ** 53 - 1,
    -(2 ** 53 - 1),
  ),
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: 0, max: 400 }).map(alikeWhereSampled),
  // Long strings differing in one character anywhere.
  fc
    .tuple(fc.integer({ min: 9, max: 70 }), fc.nat(), fc.constantFrom('x', 'y'))
    .map(([length, at, c]) => `${'x'.repeat(at % length)}${c}${'x'.repeat(length - 1 - (at % length))}`),
);

describe('the repeated-id check', () => {
  it('agrees with a scan with a Set on adversarial ids', () => {
    fc.assert(
      fc.property(fc.array(adversarialId, { maxLength: 60 }), (ids) => {
        expect(repeatFound(ids)).toEqual(setScan(ids));
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with a scan with a Set on lists large enough to be grouped, whose sampled hashes collide', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 6000 }),
        fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
        fc.boolean(),
        (size, twin, alike) => {
          const id = (n: number) => (alike ? alikeWhereSampled(n) : `cus_${(n * 7919 + 104_729).toString(36)}`);
          const ids: (string | number)[] = Array.from({ length: size }, (_, n) => id(n));
          if (twin !== undefined) ids[twin[1] % size] = ids[twin[0] % size] as string;
          expect(repeatFound(ids)).toEqual(setScan(ids));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('agrees with a scan with a Set on random strings and safe integers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.maxSafeInteger(), fc.integer()), {
          maxLength: 200,
        }),
        (ids) => {
          expect(repeatFound(ids)).toEqual(setScan(ids));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects an empty string id as a bad record, before any repeat', () => {
    const error = catchMetricError(() =>
      withLifetimes(
        'test',
        [
          { id: 'a', start: 0 },
          { id: 'a', start: 0 },
          { id: '', start: 0 },
        ],
        ['customers'],
        () => undefined,
      ),
    );
    expect(error.issues[0]?.path).toEqual(['customers', 2, 'id']);
  });
});
