import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryParts } from '../../test/support/exact.js';
import { isMetricError } from '../errors.js';
import {
  createHealthScore,
  type HealthMissingPolicy,
  type HealthScale,
  type HealthScoreConfig,
  type HealthScoreResult,
} from './createHealthScore.js';

// ---- An independent reference: exact rationals in BigInt, written plainly -------------------------------

interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

function decimalOf(value: number | string): Q {
  const [mantissa = '', exponent = '0'] = String(value).toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = mantissa.replace(/^[+-]/, '').split('.');
  let n = BigInt(`${whole}${fraction}` || '0');
  let places = fraction.length - Number(exponent);
  if (places < 0) {
    n *= 10n ** BigInt(-places);
    places = 0;
  }
  return { n: negative ? -n : n, d: 10n ** BigInt(places) };
}
const qAdd = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const qSub = (a: Q, b: Q): Q => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const qMul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });
const qDiv = (a: Q, b: Q): Q => (b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n });
const qCmp = (a: Q, b: Q): number => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};
const qAbs = (a: Q): Q => ({ n: a.n < 0n ? -a.n : a.n, d: a.d });
const Q0: Q = { n: 0n, d: 1n };
const Q100: Q = { n: 100n, d: 1n };

/** The exact binary value of a double. */
function binaryOf(x: number): Q {
  const { negative, significand, power } = binaryParts(x);
  const magnitude =
    power >= 0 ? { n: significand << BigInt(power), d: 1n } : { n: significand, d: 1n << BigInt(-power) };
  return negative ? { n: -magnitude.n, d: magnitude.d } : magnitude;
}

function neighbour(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** Whether `x` is a double nearest to the rational `target`. */
function isNearest(x: number, target: Q): boolean {
  const distance = qAbs(qSub(binaryOf(x), target));
  return [true, false].every((up) => qCmp(distance, qAbs(qSub(binaryOf(neighbour(x, up)), target))) <= 0);
}

type Value = number | string | boolean | null | undefined;

function referenceScore(scale: HealthScale, value: Exclude<Value, null | undefined>): Q {
  if (scale.kind === 'boolean') return value ? Q100 : Q0;
  const v = decimalOf(value as number | string);
  if (scale.kind === 'score') return v;
  if (scale.kind === 'steps') {
    let score = decimalOf(scale.below ?? 0);
    for (const step of scale.steps) if (qCmp(v, decimalOf(step.from)) >= 0) score = decimalOf(step.score);
    return score;
  }
  const s = qMul(Q100, qDiv(qSub(v, decimalOf(scale.worst)), qSub(decimalOf(scale.best), decimalOf(scale.worst))));
  return qCmp(s, Q0) < 0 ? Q0 : qCmp(s, Q100) > 0 ? Q100 : s;
}

interface Reference {
  readonly score: Q;
  readonly status: string;
  readonly measures: { name: string; normalized: Q; contribution: Q }[];
  readonly missing: string[];
}

function reference(config: HealthScoreConfig, values: Record<string, Value>): Reference | 'NO_DATA' {
  const policy = config.missing ?? 'skip';
  const parts: { name: string; weight: Q; normalized: Q }[] = [];
  const missing: string[] = [];
  for (const [name, measure] of Object.entries(config.measures)) {
    const value = values[name];
    if (value === null || value === undefined) {
      missing.push(name);
      if (policy === 'skip') continue;
      parts.push({
        name,
        weight: decimalOf(measure.weight),
        normalized: policy === 'neutral' ? { n: 50n, d: 1n } : Q0,
      });
    } else parts.push({ name, weight: decimalOf(measure.weight), normalized: referenceScore(measure.scale, value) });
  }
  const total = parts.reduce((sum, part) => qAdd(sum, part.weight), Q0);
  if (total.n === 0n) return 'NO_DATA';
  const score = qDiv(
    parts.reduce((sum, part) => qAdd(sum, qMul(part.weight, part.normalized)), Q0),
    total,
  );
  const red = decimalOf(config.bands?.red ?? 50);
  const yellow = decimalOf(config.bands?.yellow ?? 75);
  return {
    score,
    status: qCmp(score, red) <= 0 ? 'red' : qCmp(score, yellow) <= 0 ? 'yellow' : 'green',
    measures: parts.map((part) => ({
      name: part.name,
      normalized: part.normalized,
      contribution: qDiv(qMul(part.weight, part.normalized), total),
    })),
    missing,
  };
}

// ---- Arbitraries ------------------------------------------------------------------------------------------

/** Short decimals (the fast path), long ones (1/3, 0.1 + 0.2), and sometimes as strings. */
const decimalIn = (min: number, max: number): fc.Arbitrary<number | string> =>
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min, max }),
        fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => n / 1000),
        fc.tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => a / b),
        fc.double({ min, max, noNaN: true }),
      ),
      fc.boolean(),
    )
    .map(([value, asString]) => {
      const clamped = Math.min(max, Math.max(min, value));
      return asString && !String(clamped).includes('e') ? String(clamped) : clamped;
    });

const scaleArbitrary: fc.Arbitrary<HealthScale> = fc.oneof(
  fc
    .tuple(decimalIn(-50, 200), decimalIn(-50, 200))
    .filter(([worst, best]) => Number(worst) !== Number(best))
    .map(([worst, best]) => ({ kind: 'linear' as const, worst, best })),
  fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: -20, max: 120 }), { minLength: 1, maxLength: 4 }),
      fc.array(decimalIn(0, 100), { minLength: 4, maxLength: 4 }),
      fc.option(decimalIn(0, 100), { nil: undefined }),
    )
    .map(([froms, scores, below]) => ({
      kind: 'steps' as const,
      steps: [...froms]
        .sort((a, b) => a - b)
        .map((from, i) => ({ from: i % 2 ? from / 4 : from, score: scores[i] as number })),
      ...(below === undefined ? {} : { below }),
    }))
    .filter((scale) => scale.steps.every((step, i) => i === 0 || Number(step.from) > Number(scale.steps[i - 1]?.from))),
  fc.constant({ kind: 'boolean' as const }),
  fc.constant({ kind: 'score' as const }),
);

const weightArbitrary = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 400 }).map((n) => n / 4),
  fc.integer({ min: 0, max: 999 }).map((n) => `0.${String(n).padStart(3, '0')}`),
);

const bandsArbitrary = fc
  .tuple(decimalIn(0, 100), decimalIn(0, 100))
  .filter(([a, b]) => Number(a) !== Number(b))
  .map(([a, b]) => (Number(a) < Number(b) ? { red: a, yellow: b } : { red: b, yellow: a }));

const configArbitrary: fc.Arbitrary<HealthScoreConfig> = fc
  .record({
    measures: fc.array(fc.record({ weight: weightArbitrary, scale: scaleArbitrary }), { minLength: 1, maxLength: 6 }),
    bands: fc.option(bandsArbitrary, { nil: undefined }),
    missing: fc.constantFrom<HealthMissingPolicy>('skip', 'neutral', 'worst'),
  })
  .filter(({ measures }) => measures.some((m) => Number(m.weight) > 0))
  .map(({ measures, bands, missing }) => ({
    measures: Object.fromEntries(measures.map((m, i) => [`m${i}`, m])),
    ...(bands === undefined ? {} : { bands }),
    missing,
  }));

function valueFor(scale: HealthScale): fc.Arbitrary<Value> {
  const present: fc.Arbitrary<Value> =
    scale.kind === 'boolean' ? fc.boolean() : scale.kind === 'score' ? decimalIn(0, 100) : decimalIn(-100, 250);
  return fc.oneof({ weight: 6, arbitrary: present }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) });
}

const valuesFor = (config: HealthScoreConfig): fc.Arbitrary<Record<string, Value>> =>
  fc.record(Object.fromEntries(Object.entries(config.measures).map(([name, m]) => [name, valueFor(m.scale)])), {
    requiredKeys: [],
  });

const caseArbitrary = configArbitrary.chain((config) =>
  fc.tuple(fc.constant(config), fc.array(valuesFor(config), { minLength: 1, maxLength: 8 })),
);

function outcome(run: () => HealthScoreResult): HealthScoreResult | string {
  try {
    return run();
  } catch (error) {
    if (isMetricError(error)) return error.code;
    throw error;
  }
}

describe('createHealthScore properties', () => {
  it('equals the exact rational result, each number rounded once to the nearest double', () => {
    fc.assert(
      fc.property(caseArbitrary, ([config, accounts]) => {
        const health = createHealthScore(config);
        for (const values of accounts) {
          const expected = reference(config, values);
          const actual = outcome(() => health(values));
          if (expected === 'NO_DATA') {
            expect(actual).toBe('NO_DATA');
            continue;
          }
          if (typeof actual === 'string') throw new Error(`unexpected ${actual}`);
          expect(isNearest(actual.score, expected.score)).toBe(true);
          expect(actual.status).toBe(expected.status);
          expect(actual.missing).toEqual(expected.missing);
          expect(actual.measures.map((m) => m.name)).toEqual(expected.measures.map((m) => m.name));
          actual.measures.forEach((m, i) => {
            expect(isNearest(m.normalized, expected.measures[i]?.normalized as Q)).toBe(true);
            expect(isNearest(m.contribution, expected.measures[i]?.contribution as Q)).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the score stays within 0–100 and scoreAll agrees with the scorer', () => {
    fc.assert(
      fc.property(caseArbitrary, ([config, accounts]) => {
        const health = createHealthScore(config);
        const results = accounts.map((values) => outcome(() => health(values)));
        results.forEach((result) => {
          if (typeof result === 'string') return;
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
        });
        const scorable = accounts.filter((_, i) => typeof results[i] !== 'string');
        const bulk = health.scoreAll(scorable);
        const single = results.filter((r): r is HealthScoreResult => typeof r !== 'string');
        expect(Array.from(bulk.scores)).toEqual(single.map((r) => r.score));
        expect(bulk.statuses).toEqual(single.map((r) => r.status));
      }),
      { numRuns: 200 },
    );
  });

  it('adding a measure with weight 0 changes neither score nor status', () => {
    fc.assert(
      fc.property(caseArbitrary, scaleArbitrary, ([config, accounts], scale) => {
        const before = createHealthScore(config);
        const after = createHealthScore({ ...config, measures: { ...config.measures, extra: { weight: 0, scale } } });
        for (const values of accounts) {
          const a = outcome(() => before(values));
          const b = outcome(() => after(values));
          if (typeof a === 'string' || typeof b === 'string') {
            expect(b).toBe(a);
            continue;
          }
          expect(b.score).toBe(a.score);
          expect(b.status).toBe(a.status);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('scaling every weight by k changes neither score nor status', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.constantFrom(2, 3, 7, 1000, 0.5, '2.5', '0.001'), ([config, accounts], k) => {
        const scaled = Object.fromEntries(
          Object.entries(config.measures).map(([name, m]) => {
            const w = decimalOf(m.weight);
            const f = decimalOf(k);
            const product = qMul(w, f);
            // Write w × k back as an exact decimal string (the denominators are powers of ten).
            const digits = (product.n < 0n ? -product.n : product.n)
              .toString()
              .padStart(product.d.toString().length, '0');
            const places = product.d.toString().length - 1;
            const text = places === 0 ? digits : `${digits.slice(0, -places) || '0'}.${digits.slice(-places)}`;
            return [name, { ...m, weight: text }];
          }),
        );
        const original = createHealthScore(config);
        const bigger = createHealthScore({ ...config, measures: scaled });
        for (const values of accounts) {
          const a = outcome(() => original(values));
          const b = outcome(() => bigger(values));
          if (typeof a === 'string' || typeof b === 'string') {
            expect(b).toBe(a);
            continue;
          }
          expect(b.score).toBe(a.score);
          expect(b.status).toBe(a.status);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('numbers and the same values as decimal strings give identical results', () => {
    fc.assert(
      fc.property(caseArbitrary, ([config, accounts]) => {
        const health = createHealthScore(config);
        for (const values of accounts) {
          const asStrings = Object.fromEntries(
            Object.entries(values).map(([k, v]) => [
              k,
              typeof v === 'number' && !String(v).includes('e') ? String(v) : v,
            ]),
          );
          const a = outcome(() => health(values));
          const b = outcome(() => health(asStrings));
          if (typeof a === 'string' || typeof b === 'string') {
            expect(b).toBe(a);
            continue;
          }
          expect(b.score).toBe(a.score);
          expect(b.status).toBe(a.status);
          expect(b.measures.map((m) => [m.normalized, m.contribution])).toEqual(
            a.measures.map((m) => [m.normalized, m.contribution]),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
