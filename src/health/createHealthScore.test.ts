import { describe, expect, it } from 'vitest';
import { changingOnReread, shifting } from '../../test/support/adversary.js';
import { catchMetricError, expectNoOptions } from '../../test/support/errors.js';
import { createHealthScore, type HealthMeasure, type HealthScoreConfig } from './createHealthScore.js';

const scoreOnly = (weights: Record<string, number | string>): HealthScoreConfig => ({
  measures: Object.fromEntries(
    Object.entries(weights).map(([name, weight]) => [name, { weight, scale: { kind: 'score' as const } }]),
  ),
});

/** A scorecard with one measure of each kind. */
const card: HealthScoreConfig = {
  measures: {
    usage: { weight: 40, scale: { kind: 'linear', worst: 0, best: 0.8 } },
    tickets: { weight: 20, scale: { kind: 'linear', worst: 10, best: 0 } },
    nps: {
      weight: 20,
      scale: {
        kind: 'steps',
        steps: [
          { from: 0, score: 0 },
          { from: 7, score: 50 },
          { from: 9, score: 100 },
        ],
      },
    },
    paying: { weight: 20, scale: { kind: 'boolean' } },
  },
};

describe('createHealthScore', () => {
  describe('worked examples', () => {
    it('weighted mean of measure scores: Gainsight measure group "Support"', () => {
      // Gainsight, "Calculation of Measure Group Scores and Overall Score": weights 20, 15, 22 and scores
      // 47, 59, 21 give (940 + 885 + 462) ÷ 57 = 40.122…, displayed rounded as 40.
      const health = createHealthScore(scoreOnly({ tickets: 20, resolution: 15, frequency: 22 }));
      const result = health({ tickets: 47, resolution: 59, frequency: 21 });
      expect(result.score).toBe(2287 / 57);
      expect(Math.round(result.score)).toBe(40);
      expect(result.status).toBe('red');
    });

    it('weights need not sum to 100: Natero account health example', () => {
      // Natero, "Calculation of Account Health Score": components weighted 2, 3, 3, 2 scoring 80, 71, 90, 54
      // give 80×0.2 + 71×0.3 + 90×0.3 + 54×0.2 = 75.1 (the page shows 75 after rounding).
      const health = createHealthScore(scoreOnly({ support: 2, engagement: 3, features: 3, csm: 2 }));
      const result = health({ support: 80, engagement: 71, features: 90, csm: 54 });
      expect(result.score).toBe(75.1);
      // 75.1 is above the yellow band's 75: green, although the page's rounded 75 would be yellow.
      expect(result.status).toBe('green');
    });

    it('traffic lights red / yellow / green (docs/sources.md row 18, document 002)', () => {
      // Document 002 describes the red / yellow / green system without thresholds; the default bands are
      // Gainsight's numeric scheme: 0–50 red, 51–75 yellow, 76–100 green.
      const health = createHealthScore(scoreOnly({ rating: 1 }));
      expect(health({ rating: 0 }).status).toBe('red');
      expect(health({ rating: 50 }).status).toBe('red');
      expect(health({ rating: 51 }).status).toBe('yellow');
      expect(health({ rating: 75 }).status).toBe('yellow');
      expect(health({ rating: 76 }).status).toBe('green');
      expect(health({ rating: 100 }).status).toBe('green');
    });

    it('a measure scored NA is left out and the weights spread over the rest (Gainsight)', () => {
      // Gainsight community answer: an NA measure is ignored and its weight is spread across the remaining
      // measures. Weights 45 (CSM temperature, NA) and 55 (usage 80): the score is 80.
      const health = createHealthScore(scoreOnly({ temperature: 45, usage: 55 }));
      const result = health({ temperature: null, usage: 80 });
      expect(result.score).toBe(80);
      expect(result.missing).toEqual(['temperature']);
      expect(result.measures).toEqual([{ name: 'usage', value: 80, normalized: 80, weight: 55, contribution: 80 }]);
    });

    it('explains itself: value, normalized score, weight and contribution per measure', () => {
      const result = createHealthScore(card)({ usage: 0.6, tickets: 2, nps: 8, paying: true });
      // usage 0.6 of 0.8 → 75; 2 tickets of 10 → 80; NPS 8 → step 7 → 50; paying → 100.
      // (40·75 + 20·80 + 20·50 + 20·100) ÷ 100 = 76.
      expect(result).toEqual({
        score: 76,
        status: 'green',
        measures: [
          { name: 'usage', value: 0.6, normalized: 75, weight: 40, contribution: 30 },
          { name: 'tickets', value: 2, normalized: 80, weight: 20, contribution: 16 },
          { name: 'nps', value: 8, normalized: 50, weight: 20, contribution: 10 },
          { name: 'paying', value: true, normalized: 100, weight: 20, contribution: 20 },
        ],
        missing: [],
      });
    });
  });

  describe('edge cases', () => {
    it('scores exactly on a band edge take the lower band; custom bands', () => {
      const health = createHealthScore({ ...scoreOnly({ rating: 1 }), bands: { red: 40, yellow: '60.5' } });
      expect(health({ rating: 40 }).status).toBe('red');
      expect(health({ rating: '40.000000000000000001' }).status).toBe('yellow');
      expect(health({ rating: 60.5 }).status).toBe('yellow');
      expect(health({ rating: 60.6 }).status).toBe('green');
    });

    it('decides the status on the exact score, not on its rounded double', () => {
      // Weights 1 and 10^15 − 1 on scores 51 and 50: the exact score is 50 + 10^-15, which rounds to the
      // double 50, but it is above the red band's 50.
      const health = createHealthScore(scoreOnly({ a: 1, b: '999999999999999' }));
      const result = health({ a: 51, b: 50 });
      expect(result.score).toBe(50);
      expect(result.status).toBe('yellow');
      expect(health.scoreAll([{ a: 51, b: 50 }]).statuses).toEqual(['yellow']);
    });

    it('is exact with decimal weights: 0.1 and 0.2 on 100 and 100 score 100', () => {
      // In floating point (0.1·100 + 0.2·100) ÷ (0.1 + 0.2) is 99.99999999999999.
      const health = createHealthScore(scoreOnly({ a: 0.1, b: 0.2 }));
      expect(health({ a: 100, b: 100 }).score).toBe(100);
      expect(health({ a: 100, b: 100 }).status).toBe('green');
      expect(health.scoreAll([{ a: 100, b: 100 }]).scores[0]).toBe(100);
    });

    it('reads long decimals and decimal strings exactly', () => {
      const health = createHealthScore(scoreOnly({ a: 1, b: 2 }));
      // (1/3 as printed, 0.3333333333333333) + 2·0 over 3: the nearest double to 0.1111111111111111.
      expect(health({ a: 1 / 3, b: 0 }).score).toBe(0.1111111111111111);
      expect(health({ a: '0.3333333333333333', b: '0' }).score).toBe(0.1111111111111111);
      expect(health({ a: '12.345', b: 12.345 }).score).toBe(12.345);
    });

    it('linear scales clamp at both ends, and run downwards when worst > best', () => {
      const health = createHealthScore({
        measures: {
          logins: { weight: 1, scale: { kind: 'linear', worst: 0, best: 30 } },
          days: { weight: 0, scale: { kind: 'linear', worst: 60, best: 7 } },
        },
      });
      expect(health({ logins: -5 }).score).toBe(0);
      expect(health({ logins: 45 }).score).toBe(100);
      expect(health({ logins: 10 }).score).toBe(100 / 3);
      expect(health({ logins: 1e300 }).score).toBe(100);
      expect(health({ logins: -1e300 }).score).toBe(0);
      const days = (value: number) => health({ logins: 0, days: value }).measures[1]?.normalized;
      expect(days(7)).toBe(100);
      expect(days(0)).toBe(100);
      expect(days(60)).toBe(0);
      expect(days(90)).toBe(0);
      expect(days(33.5)).toBe(50);
    });

    it('steps: at a threshold, between thresholds, below the first step (0, or `below`)', () => {
      const steps = [
        { from: 1, score: 20 },
        { from: 5, score: 70 },
        { from: 20, score: 100 },
      ];
      const plain = createHealthScore({ measures: { logins: { weight: 1, scale: { kind: 'steps', steps } } } });
      expect(plain({ logins: 0 }).score).toBe(0);
      expect(plain({ logins: 0.999 }).score).toBe(0);
      expect(plain({ logins: 1 }).score).toBe(20);
      expect(plain({ logins: 4.5 }).score).toBe(20);
      expect(plain({ logins: 5 }).score).toBe(70);
      expect(plain({ logins: 2000 }).score).toBe(100);
      expect(plain({ logins: -3000 }).score).toBe(0);
      const floor = createHealthScore({
        measures: { logins: { weight: 1, scale: { kind: 'steps', steps, below: 10 } } },
      });
      expect(floor({ logins: 0 }).score).toBe(10);
      expect(floor({ logins: '0.5' }).score).toBe(10);
    });

    it('steps with thresholds that are not doubles are compared exactly', () => {
      const health = createHealthScore({
        measures: {
          x: { weight: 1, scale: { kind: 'steps', steps: [{ from: '0.10000000000000000001', score: 100 }] } },
        },
      });
      expect(health({ x: 0.1 }).score).toBe(0);
      expect(health({ x: '0.10000000000000000001' }).score).toBe(100);
      expect(health({ x: 1 }).score).toBe(100);
    });

    it('booleans: true 100, false 0', () => {
      const health = createHealthScore({ measures: { paying: { weight: 1, scale: { kind: 'boolean' } } } });
      expect(health({ paying: true }).score).toBe(100);
      expect(health({ paying: false }).score).toBe(0);
    });

    it("missing measures: 'skip' re-weights, 'neutral' scores 50, 'worst' scores 0", () => {
      const values = { usage: 0.8, tickets: null, nps: undefined, paying: true };
      const skip = createHealthScore(card)(values);
      expect(skip.score).toBe(100);
      expect(skip.missing).toEqual(['tickets', 'nps']);
      expect(skip.measures.map((m) => m.name)).toEqual(['usage', 'paying']);
      const neutral = createHealthScore({ ...card, missing: 'neutral' })(values);
      expect(neutral.score).toBe(80);
      expect(neutral.measures[1]).toEqual({
        name: 'tickets',
        value: null,
        normalized: 50,
        weight: 20,
        contribution: 10,
      });
      const worst = createHealthScore({ ...card, missing: 'worst' })({ usage: 0.8, paying: true });
      expect(worst.score).toBe(60);
      expect(worst.missing).toEqual(['tickets', 'nps']);
      expect(worst.measures[2]).toEqual({ name: 'nps', value: null, normalized: 0, weight: 20, contribution: 0 });
    });

    it('a measure with weight 0 is shown but changes nothing', () => {
      const health = createHealthScore({
        measures: { a: { weight: 3, scale: { kind: 'score' } }, b: { weight: 0, scale: { kind: 'score' } } },
      });
      const result = health({ a: 40, b: 90 });
      expect(result.score).toBe(40);
      expect(result.measures[1]).toEqual({ name: 'b', value: 90, normalized: 90, weight: 0, contribution: 0 });
    });

    it('contributions sum to the score', () => {
      const health = createHealthScore(scoreOnly({ a: 20, b: 15, c: 22 }));
      const result = health({ a: 47, b: 59, c: 21 });
      const total = result.measures.reduce((sum, m) => sum + m.contribution, 0);
      expect(total).toBeCloseTo(result.score, 12);
    });

    it('scoreAll gives the scorer results per account, also for accounts needing exact arithmetic', () => {
      const health = createHealthScore(card);
      const accounts = [
        { usage: 0.6, tickets: 2, nps: 8, paying: true },
        { usage: '0.35', tickets: 4, nps: 10, paying: false },
        { usage: 1 / 7, nps: 3 },
        { paying: true },
        {},
        { usage: 0.8, tickets: 0, nps: 9, paying: true },
      ];
      expect(() => health.scoreAll(accounts)).toThrow(/no value/);
      const some = accounts.slice(0, 4).concat(accounts.slice(5));
      const bulk = health.scoreAll(some);
      expect(bulk.scores).toBeInstanceOf(Float64Array);
      expect(Array.from(bulk.scores)).toEqual(some.map((a) => health(a).score));
      expect(bulk.statuses).toEqual(some.map((a) => health(a).status));
      expect(health.scoreAll([]).statuses).toEqual([]);
    });

    it('accounts with keys in any order, and accounts of other shapes in one batch', () => {
      const health = createHealthScore(scoreOnly({ a: 1, b: 1, c: 2 }));
      const accounts = [
        { a: 10, b: 20, c: 30 },
        { c: 30, b: 20, a: 10 },
        { b: 20, c: 30, a: 10 },
        { a: 10, c: 30 },
      ];
      expect(Array.from(health.scoreAll(accounts).scores)).toEqual([22.5, 22.5, 22.5, 70 / 3]);
    });

    it('a configuration too large for integer arithmetic in doubles still scores exactly', () => {
      const health = createHealthScore({
        measures: {
          a: { weight: '123456789.123456789', scale: { kind: 'linear', worst: '0.000000001', best: '0.000000003' } },
          b: { weight: '0.0001', scale: { kind: 'score' } },
        },
      });
      const result = health({ a: 0.000000002, b: 10 });
      // a scores 50, b 10 with a tiny weight: 50 − 40 × 0.0001 ÷ 123456789.123556789.
      expect(result.measures[0]?.normalized).toBe(50);
      expect(result.score).toBeLessThan(50);
      expect(result.score).toBeCloseTo(50 - 0.004 / 123456789.1235568, 13);
      expect(health.scoreAll([{ a: 0.000000002, b: 10 }]).scores[0]).toBe(result.score);
    });

    it('bounds with huge magnitudes, and measures named like array indexes', () => {
      const wide = createHealthScore({
        measures: { arr: { weight: 1, scale: { kind: 'linear', worst: 0, best: 1e18 } } },
      });
      expect(wide({ arr: 5e17 }).score).toBe(50);
      const indexed = createHealthScore(scoreOnly({ 0: 1, 1: 1 }));
      expect(indexed({ 0: 20, 1: 40 }).score).toBe(30);
      expect(catchMetricError(() => indexed([20, 40] as never)).issues[0]?.path).toEqual([]);
      expect(catchMetricError(() => indexed.scoreAll([[20, 40]] as never)).issues[0]?.path).toEqual([0]);
    });

    it('bounds far from zero, and an account with every measure and one more', () => {
      const far = createHealthScore({
        measures: { x: { weight: 1, scale: { kind: 'linear', worst: '-3000000000', best: -2999999990 } } },
      });
      expect(far({ x: -2999999995 }).score).toBe(50);
      expect(far.scoreAll([{ x: -2999999995 }, { x: -2999999999 }]).scores).toEqual(new Float64Array([50, 10]));
      const health = createHealthScore(card);
      const error = catchMetricError(() =>
        health.scoreAll([{ usage: 0.5, tickets: 1, nps: 9, paying: true, extra: 1 }] as never),
      );
      expect(error.issues[0]?.path).toEqual([0, 'extra']);
    });

    it('a scorecard of 60 measures, all present or some missing', () => {
      const weights = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`m${i}`, i + 1]));
      const health = createHealthScore(scoreOnly(weights));
      const full = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`m${i}`, i]));
      // Σ (i + 1)·i ÷ Σ (i + 1) over i = 0…59: 71980 ÷ 1830.
      const result = health(full);
      expect(result.score).toBe(71980 / 1830);
      expect(result.measures).toHaveLength(60);
      expect(result.missing).toEqual([]);
      const partial = { ...full, m59: null };
      // Without m59 (weight 60, score 59): (71980 − 3540) ÷ (1830 − 60).
      expect(health(partial).score).toBe(68440 / 1770);
      expect(health(partial).missing).toEqual(['m59']);
      expect(Array.from(health.scoreAll([full, partial]).scores)).toEqual([71980 / 1830, 68440 / 1770]);
    });

    it('a scorecard of 20 000 measures is configured in time linear in its measures, and scores', () => {
      // Choosing the decimal places of 20 000 measures once took minutes (each place given up re-read every
      // measure). Linear measures on 7 ranges, whose common denominator must give up places, and scores.
      const measures: Record<string, HealthMeasure> = {};
      const account: Record<string, number> = {};
      let weighted = 0;
      let weights = 0;
      for (let j = 0; j < 20_000; j++) {
        const weight = 1 + (j % 5);
        const best = 1 + (j % 7);
        measures[`m${j}`] =
          j % 2 === 0 ? { weight, scale: { kind: 'linear', worst: 0, best } } : { weight, scale: { kind: 'score' } };
        account[`m${j}`] = j % 2 === 0 ? best / 2 : j % 101;
        weighted += weight * (j % 2 === 0 ? 50 : j % 101);
        weights += weight;
      }
      const health = createHealthScore({ measures });
      expect(health(account).score).toBe(weighted / weights);
      expect(health.scoreAll([account]).scores[0]).toBe(weighted / weights);
    });

    it('-0 counts as 0', () => {
      const health = createHealthScore(scoreOnly({ a: 1 }));
      expect(Object.is(health({ a: -0 }).score, 0)).toBe(true);
      expect(Object.is(health({ a: -0 }).measures[0]?.normalized, 0)).toBe(true);
    });
  });

  describe('validation', () => {
    const config = (patch: Record<string, unknown>) => ({ ...card, ...patch }) as never;
    const measure = (scale: unknown, weight: unknown = 1) => ({ measures: { usage: { weight, scale } } }) as never;

    it.each([
      ['not an object', 5, []],
      ['unknown key', config({ extra: 1 }), []],
      ['no measures', { measures: {} }, ['measures']],
      ['measures an array', { measures: [] }, ['measures']],
      ['negative weight', measure({ kind: 'boolean' }, -1), ['measures', 'usage', 'weight']],
      ['weight not a number', measure({ kind: 'boolean' }, 'heavy'), ['measures', 'usage', 'weight']],
      ['NaN weight', measure({ kind: 'boolean' }, Number.NaN), ['measures', 'usage', 'weight']],
      ['all weights zero', measure({ kind: 'boolean' }, 0), ['measures']],
      ['scale not an object', measure('linear'), ['measures', 'usage', 'scale']],
      ['unknown scale kind', measure({ kind: 'log' }), ['measures', 'usage', 'scale', 'kind']],
      ['linear without best', measure({ kind: 'linear', worst: 0 }), ['measures', 'usage', 'scale', 'best']],
      [
        'linear worst = best',
        measure({ kind: 'linear', worst: 5, best: '5.0' }),
        ['measures', 'usage', 'scale', 'best'],
      ],
      [
        'linear Infinity',
        measure({ kind: 'linear', worst: 0, best: Infinity }),
        ['measures', 'usage', 'scale', 'best'],
      ],
      ['unknown key in scale', measure({ kind: 'boolean', worst: 0 }), ['measures', 'usage', 'scale']],
      ['no steps', measure({ kind: 'steps', steps: [] }), ['measures', 'usage', 'scale', 'steps']],
      [
        'steps not ascending',
        measure({
          kind: 'steps',
          steps: [
            { from: 5, score: 10 },
            { from: 5, score: 20 },
          ],
        }),
        ['measures', 'usage', 'scale', 'steps', 1, 'from'],
      ],
      [
        'step score above 100',
        measure({ kind: 'steps', steps: [{ from: 0, score: 101 }] }),
        ['measures', 'usage', 'scale', 'steps', 0, 'score'],
      ],
      [
        'below outside 0–100',
        measure({ kind: 'steps', steps: [{ from: 0, score: 1 }], below: -1 }),
        ['measures', 'usage', 'scale', 'below'],
      ],
      ['red not below yellow', config({ bands: { red: 75, yellow: 75 } }), ['bands', 'yellow']],
      ['band below 0', config({ bands: { red: -1, yellow: 75 } }), ['bands', 'red']],
      ['band above 100', config({ bands: { red: 50, yellow: 101 } }), ['bands', 'yellow']],
      ['unknown missing policy', config({ missing: 'ignore' }), ['missing']],
    ])('%s', (_name, input, path) => {
      const error = catchMetricError(() => createHealthScore(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('createHealthScore');
      expect(error.issues[0]?.path).toEqual(path);
    });

    it('a measure named __proto__', () => {
      const error = catchMetricError(() =>
        createHealthScore(JSON.parse('{"measures":{"__proto__":{"weight":1,"scale":{"kind":"boolean"}}}}')),
      );
      expect(error.issues[0]?.path).toEqual(['measures', '__proto__']);
    });

    const health = createHealthScore(card);
    it.each([
      ['a boolean given as 1', { paying: 1 }, ['paying'], 'INVALID_INPUT'],
      ['a boolean given as 0', { paying: 0 }, ['paying'], 'INVALID_INPUT'],
      ['a boolean given as "true"', { paying: 'true' }, ['paying'], 'INVALID_INPUT'],
      ['a number given as a boolean', { usage: true }, ['usage'], 'INVALID_INPUT'],
      ['NaN', { usage: Number.NaN }, ['usage'], 'INVALID_INPUT'],
      ['Infinity', { tickets: Number.POSITIVE_INFINITY }, ['tickets'], 'INVALID_INPUT'],
      ['NaN on steps', { nps: Number.NaN }, ['nps'], 'INVALID_INPUT'],
      ['-Infinity on steps', { nps: Number.NEGATIVE_INFINITY }, ['nps'], 'INVALID_INPUT'],
      ['a malformed decimal string', { usage: '1e3' }, ['usage'], 'INVALID_INPUT'],
      ['an object', { usage: {} }, ['usage'], 'INVALID_INPUT'],
      ['a measure that is not configured', { usage: 0.5, logins: 3 }, ['logins'], 'INVALID_INPUT'],
      ['no value for any measure', {}, [], 'NO_DATA'],
      ['only nulls', { usage: null, paying: undefined }, [], 'NO_DATA'],
    ])('scorer: %s', (_name, values, path, code) => {
      const error = catchMetricError(() => health(values as never));
      expect(error.code).toBe(code);
      expect(error.metric).toBe('createHealthScore');
      expect(error.issues[0]?.path).toEqual(path);
    });

    it('scorer: a score outside 0–100, and its message', () => {
      const rating = createHealthScore(scoreOnly({ csm: 1 }));
      const error = catchMetricError(() => rating({ csm: 101 }));
      expect(error.issues[0]?.path).toEqual(['csm']);
      expect(error.message).toBe('createHealthScore: csm must be at most 100');
      expect(catchMetricError(() => rating({ csm: -0.5 })).issues[0]?.path).toEqual(['csm']);
      expect(catchMetricError(() => rating({ csm: '100.0000000000000000001' })).issues[0]?.path).toEqual(['csm']);
      expect(catchMetricError(() => rating({ csm: Number.NaN })).issues[0]?.path).toEqual(['csm']);
    });

    it('scorer: the message of a boolean given as a number', () => {
      expect(catchMetricError(() => health({ paying: 1 } as never)).message).toBe(
        'createHealthScore: paying must be a boolean, not the number 1',
      );
    });

    it('scorer: values that are not an object', () => {
      for (const values of [null, undefined, 5, 'x', [], new Float64Array(2)]) {
        const error = catchMetricError(() => health(values as never));
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.issues[0]?.path).toEqual([]);
      }
    });

    it("scorer: a missing measure under 'reject'", () => {
      const strict = createHealthScore({ ...card, missing: 'reject' });
      const error = catchMetricError(() => strict({ usage: 0.5, tickets: 1, paying: true }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual(['nps']);
      expect(
        catchMetricError(() => strict({ usage: 0.5, tickets: 1, nps: null, paying: true })).issues[0]?.path,
      ).toEqual(['nps']);
      expect(strict({ usage: 0.4, tickets: 10, nps: 0, paying: false }).score).toBe(20);
    });

    it('scorer: a __proto__ key in the values', () => {
      const error = catchMetricError(() => health(JSON.parse('{"usage":0.5,"__proto__":1}')));
      expect(error.issues[0]?.path).toEqual(['__proto__']);
    });

    it('scoreAll: the path starts with the index of the account', () => {
      const ok = { usage: 0.5, tickets: 1, nps: 9, paying: true };
      expect(catchMetricError(() => health.scoreAll([ok, ok, { ...ok, paying: 1 }] as never)).issues[0]?.path).toEqual([
        2,
        'paying',
      ]);
      expect(catchMetricError(() => health.scoreAll([ok, null] as never)).issues[0]?.path).toEqual([1]);
      expect(catchMetricError(() => health.scoreAll([ok, { x: 1 }] as never)).issues[0]?.path).toEqual([1, 'x']);
      const empty = catchMetricError(() => health.scoreAll([ok, {}]));
      expect(empty.code).toBe('NO_DATA');
      expect(empty.issues[0]?.path).toEqual([1]);
      expect(catchMetricError(() => health.scoreAll('accounts' as never)).issues[0]?.path).toEqual([]);
    });
  });

  describe('reads each value once', () => {
    /** The value with every field a getter (every array a Proxy) that gives another value after its first read. */
    const hostile = <T>(value: T, reads: Map<string, number>): T =>
      changingOnReread(structuredClone(value), reads) as T;
    const readTwice = (reads: Map<string, number>) => [...reads].filter(([, count]) => count > 1).map(([at]) => at);

    it('the configuration: what is validated is what is used (a second read of measures was a TypeError)', () => {
      const reads = new Map<string, number>();
      const health = createHealthScore(hostile(card, reads));
      expect(readTwice(reads)).toEqual([]);
      expect(reads.get('input.measures.nps.scale.steps[2].score')).toBe(1);
      const account = { usage: 0.6, tickets: 2, nps: 8, paying: true };
      expect(health(account)).toEqual(createHealthScore(card)(account));
    });

    it('a scale whose kind changes on a second read is read as first given', () => {
      const counter = { reads: 0 };
      const scale = shifting({ kind: 'boolean' }, 'kind', 'boolean', 'linear', counter);
      const health = createHealthScore({ measures: { paying: { weight: 1, scale } } } as never);
      expect(health({ paying: true }).score).toBe(100);
      expect(counter.reads).toBe(1);
    });

    const plain = createHealthScore(card);
    const accounts: Record<string, unknown>[] = [
      { usage: 0.6, tickets: 2, nps: 8, paying: true }, // the fast path
      { usage: 0.6, tickets: 2, nps: 8 }, // a measure missing
      { usage: '0.6', tickets: 2, nps: 8, paying: true }, // a decimal string: the exact path
      { tickets: 2, usage: 0.123456789123, paying: false, nps: null }, // another key order, long decimals
      { usage: 0.6, tickets: 2, nps: 8, paying: true, logins: 4 }, // a key that is no measure
      { usage: 0.6, tickets: '2', nps: 8, paying: 1 }, // a bad value after one for the exact path
      { usage: 0.6, paying: 'yes', tickets: 2 }, // a bad value
      {}, // no value
    ];
    const outcome = (fn: () => unknown): unknown => {
      try {
        return fn();
      } catch (error) {
        return String(error);
      }
    };

    it.each(accounts.map((account) => [JSON.stringify(account), account]))(
      'the scorer reads each value of %s once',
      (_name, account) => {
        for (const policy of ['skip', 'neutral', 'reject'] as const) {
          const scorer = createHealthScore({ ...card, missing: policy });
          const reads = new Map<string, number>();
          expect(outcome(() => scorer(hostile(account, reads) as never))).toEqual(
            outcome(() => scorer(account as never)),
          );
          expect(readTwice(reads)).toEqual([]);
          const batchReads = new Map<string, number>();
          const batch = hostile([accounts[0], account, accounts[2]], batchReads);
          expect(outcome(() => scorer.scoreAll(batch as never))).toEqual(
            outcome(() => scorer.scoreAll([accounts[0], account, accounts[2]] as never)),
          );
          expect(readTwice(batchReads)).toEqual([]);
        }
      },
    );

    it('an account whose value is valid on its first read and NaN after is scored on the first', () => {
      let reads = 0;
      const account = {
        tickets: 2,
        get usage() {
          reads++;
          return reads === 1 ? 0.6 : Number.NaN;
        },
      };
      expect(plain(account).measures[0]).toEqual({
        name: 'usage',
        value: 0.6,
        normalized: 75,
        weight: 40,
        contribution: 50,
      });
      expect(reads).toBe(1);
      reads = 0;
      expect(Array.from(plain.scoreAll([account, { tickets: 2, usage: '0.6' }]).scores)).toEqual([
        (40 * 75 + 20 * 80) / 60,
        (40 * 75 + 20 * 80) / 60,
      ]);
      expect(reads).toBe(1);
    });
  });

  describe('options', () => {
    it('createHealthScore takes none, and says where a field of the configuration belongs', () => {
      expectNoOptions(
        'createHealthScore',
        (options) => createHealthScore(card, options)({ paying: true }).score,
        100,
        'missing',
      );
    });

    it('the scorer and scoreAll take none', () => {
      const health = createHealthScore(card);
      expect(catchMetricError(() => health({ usage: 0.5 }, { paying: true } as never)).message).toContain(
        "'paying' belongs in the input",
      );
      expect(catchMetricError(() => health.scoreAll([{ usage: 0.5 }], { strict: 1 } as never)).message).toContain(
        "options has unknown key 'strict'",
      );
      expect(health.scoreAll([{ paying: true }], {}).statuses).toEqual(['green']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves the configuration and the values as they were', () => {
      const config = structuredClone(card);
      const frozen = JSON.parse(JSON.stringify(card), (_key, value) =>
        typeof value === 'object' ? Object.freeze(value) : value,
      );
      const health = createHealthScore(frozen);
      expect(frozen).toEqual(config);
      const accounts = [
        Object.freeze({ usage: 0.5, tickets: 3, nps: 7, paying: false }),
        Object.freeze({ usage: '0.25' }),
      ];
      const copy = structuredClone(accounts);
      health(accounts[0] as never);
      health.scoreAll(Object.freeze(accounts));
      expect(accounts).toEqual(copy);
    });
  });
});
