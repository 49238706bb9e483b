import { describe, expect, it } from 'vitest';
import { uniform } from '../../test/support/draws.js';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { type SurvivalObservation, survivalCurve } from './survivalCurve.js';

const Z95 = 1.959963984540054;

const obs = (duration: number, churned: boolean): SurvivalObservation => ({ duration, churned });

/** The AML trial's maintained group (Miller 1981; R survival's `aml` data): 11 patients, 4 censored. */
const AML_MAINTAINED = [
  obs(9, true),
  obs(13, true),
  obs(13, false),
  obs(18, true),
  obs(23, true),
  obs(28, false),
  obs(31, true),
  obs(34, true),
  obs(45, false),
  obs(48, true),
  obs(161, false),
];

describe('survivalCurve', () => {
  describe('worked examples', () => {
    it('matches R survival on the AML data (maintained group), with its default log band', () => {
      // summary(survfit(Surv(time, status) ~ x, data = aml)), Maintained rows as R prints them (3 to 4
      // decimals), e.g. rstudio-pubs-static.s3.amazonaws.com/610133_9d2b480275e04433aae84c8c4c4a7527.html.
      const result = survivalCurve({ observations: AML_MAINTAINED }, { interval: 'log' });
      const churnRows = result.points.filter((point) => point.events > 0);
      const expected = [
        [9, 11, 0.909, 0.0867, 0.7541, 1],
        [13, 10, 0.818, 0.1163, 0.6192, 1],
        [18, 8, 0.716, 0.1397, 0.4884, 1],
        [23, 7, 0.614, 0.1526, 0.3769, 0.999],
        [31, 5, 0.491, 0.1642, 0.2549, 0.946],
      ];
      expected.forEach(([time, atRisk, survival, se, low, high], index) => {
        const point = churnRows[index];
        expect(point?.time).toBe(time);
        expect(point?.atRisk).toBe(atRisk);
        expect(point?.survival).toBeCloseTo(survival as number, 3);
        expect(point?.standardError).toBeCloseTo(se as number, 4);
        expect(point?.low).toBeCloseTo(low as number, 4);
        expect(point?.high).toBeCloseTo(high as number, 3);
      });
      // R: median 31 for the maintained group.
      expect(result.median).toEqual({ reached: true, time: 31 });
      expect(result.observations).toBe(11);
      expect(result.events).toBe(7);
      expect(result.censored).toBe(4);
    });

    it('without censoring, is the share still active, and Greenwood is the binomial variance', () => {
      // Worked by hand: 8 customers churn at 1, 1, 2, 3, 3, 3, 4, 5.
      const durations = [1, 1, 2, 3, 3, 3, 4, 5];
      const result = survivalCurve({ observations: durations.map((d) => obs(d, true)) });
      expect(result.points.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
        [1, 8, 2, 0],
        [2, 6, 1, 0],
        [3, 5, 3, 0],
        [4, 2, 1, 0],
        [5, 1, 1, 0],
      ]);
      // 6/8, 6/8·5/6, ·2/5, ·1/2, ·0: products of exact ratios, equal to the counts still active ÷ 8.
      expect(result.points.map((p) => p.survival)).toEqual([6 / 8, 5 / 8, 2 / 8, 1 / 8, 0]);
      for (const point of result.points.slice(0, 4)) {
        const binomial = Math.sqrt((point.survival * (1 - point.survival)) / 8);
        expect(point.standardError).toBeCloseTo(binomial, 14);
      }
      expect(result.median).toEqual({ reached: true, time: 3 });
    });

    it('with censoring, counts censored customers at risk at their own time (churn first)', () => {
      // By hand: n = 6; at t = 2 one churns and one is censored: both at risk, S = 5/6 (censoring first
      // would give 4/5). Then 4 at risk at t = 3: S = 5/6 · 3/4 = 0.625; t = 4 censored: S stays; t = 5:
      // 2 at risk, S = 0.3125; t = 6: S = 0.
      const result = survivalCurve({
        observations: [obs(2, true), obs(2, false), obs(3, true), obs(4, false), obs(5, true), obs(6, true)],
      });
      expect(result.points.map((p) => [p.time, p.atRisk, p.events, p.censored])).toEqual([
        [2, 6, 1, 1],
        [3, 4, 1, 0],
        [4, 3, 0, 1],
        [5, 2, 1, 0],
        [6, 1, 1, 0],
      ]);
      const survival = result.points.map((p) => p.survival);
      expect(survival[0]).toBe(5 / 6);
      expect(survival[1]).toBeCloseTo(0.625, 15);
      expect(survival[2]).toBe(survival[1]);
      expect(survival[3]).toBeCloseTo(0.3125, 15);
      expect(survival[4]).toBe(0);
      // Greenwood at t = 5: S²·(1/(6·5) + 1/(4·3) + 1/(2·1)).
      const v = 1 / 30 + 1 / 12 + 1 / 2;
      expect(result.points[3]?.standardError).toBeCloseTo(0.3125 * Math.sqrt(v), 14);
      // The log-log band (Kalbfleisch & Prentice) at t = 5, from its definition.
      const s = 0.3125;
      const spread = (Z95 * Math.sqrt(v)) / Math.abs(Math.log(s));
      expect(result.points[3]?.low).toBeCloseTo(s ** Math.exp(spread), 12);
      expect(result.points[3]?.high).toBeCloseTo(s ** Math.exp(-spread), 12);
      expect(result.median).toEqual({ reached: true, time: 5 });
    });

    it('computes the three bands from the Greenwood sum', () => {
      const input = { observations: AML_MAINTAINED };
      const logLog = survivalCurve(input).points;
      const log = survivalCurve(input, { interval: 'log' }).points;
      const linear = survivalCurve(input, { interval: 'linear', confidence: 0.9 }).points;
      const z90 = 1.6448536269514722;
      // At t = 23: S = 10/11 · 9/10 · 7/8 · 6/7, Greenwood sum 1/(11·10) + 1/(10·9) + 1/(8·7) + 1/(7·6).
      const index = logLog.findIndex((p) => p.time === 23);
      const s = (10 / 11) * (9 / 10) * (7 / 8) * (6 / 7);
      const v = 1 / 110 + 1 / 90 + 1 / 56 + 1 / 42;
      expect(logLog[index]?.survival).toBeCloseTo(s, 15);
      expect(logLog[index]?.standardError).toBeCloseTo(s * Math.sqrt(v), 15);
      const spread = (Z95 * Math.sqrt(v)) / Math.abs(Math.log(s));
      expect(logLog[index]?.low).toBeCloseTo(s ** Math.exp(spread), 14);
      expect(logLog[index]?.high).toBeCloseTo(s ** Math.exp(-spread), 14);
      expect(log[index]?.low).toBeCloseTo(s * Math.exp(-Z95 * Math.sqrt(v)), 14);
      expect(log[index]?.high).toBeCloseTo(Math.min(1, s * Math.exp(Z95 * Math.sqrt(v))), 14);
      expect(linear[index]?.low).toBeCloseTo(s - z90 * s * Math.sqrt(v), 14);
      expect(linear[index]?.high).toBeCloseTo(s + z90 * s * Math.sqrt(v), 14);
    });
  });

  describe('forms', () => {
    it('gives the same curve from records, columns (typed arrays too) and a table in any order', () => {
      const expected = survivalCurve({ observations: AML_MAINTAINED });
      const durations = AML_MAINTAINED.map((o) => o.duration);
      const flags = AML_MAINTAINED.map((o) => o.churned);
      expect(survivalCurve({ durations, churned: flags })).toEqual(expected);
      expect(
        survivalCurve({ durations: Float64Array.from(durations), churned: Uint8Array.from(flags, Number) }),
      ).toEqual(expected);
      expect(survivalCurve({ durations: Int32Array.from(durations), churned: flags.map(Number) })).toEqual(expected);
      const table = [
        { time: 161, events: 0, censored: 1 },
        { time: 13, events: 1, censored: 0 },
        { time: 9, events: 1, censored: 0 },
        { time: 13, events: 0, censored: 1 },
        { time: 18, events: 1, censored: 0 },
        { time: 23, events: 1, censored: 0 },
        { time: 28, events: 0, censored: 1 },
        { time: 31, events: 1, censored: 0 },
        { time: 34, events: 1, censored: 0 },
        { time: 45, events: 0, censored: 1 },
        { time: 48, events: 1, censored: 0 },
        { time: 100, events: 0, censored: 0 },
      ];
      expect(survivalCurve({ table })).toEqual(expected);
    });

    it('does not depend on the order of the observations', () => {
      const reversed = [...AML_MAINTAINED].reverse();
      expect(survivalCurve({ observations: reversed })).toEqual(survivalCurve({ observations: AML_MAINTAINED }));
    });
  });

  describe('median', () => {
    it('takes the midpoint of times near the top of the double range without overflow', () => {
      // (a + b)/2 overflowed to a median of Infinity here.
      const curve = survivalCurve({ durations: [1.6e308, 1.6e308, 1.7e308, 1.7e308], churned: [1, 1, 1, 1] });
      expect(curve.median).toEqual({ reached: true, time: 1.6e308 / 2 + 1.7e308 / 2 });
      expect(curve.median).not.toEqual({ reached: true, time: Number.POSITIVE_INFINITY });
    });

    it('takes the middle of a stretch at exactly 0.5 (R, SAS), or its start with medianRule: first (lifelines)', () => {
      // Churns at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0. R survival gives a median of 2.5.
      const input = { durations: [1, 2, 3, 4], churned: [true, true, true, true] };
      expect(survivalCurve(input).median).toEqual({ reached: true, time: 2.5 });
      expect(survivalCurve(input, { medianRule: 'first' }).median).toEqual({ reached: true, time: 2 });
    });

    it('skips censor-only times when looking for the next churn after a stretch at 0.5', () => {
      // S = 0.5 after t = 1 (2 of 4 churn), a censoring at 3, the next churn at 7: median (1 + 7)/2.
      expect(survivalCurve({ durations: [1, 1, 3, 7], churned: [true, true, false, true] }).median).toEqual({
        reached: true,
        time: 4,
      });
    });

    it('is the start of a stretch at 0.5 that lasts to the end of the data', () => {
      // S = 3/4, then 1/2 at t = 2, censored afterwards: no later churn, so R gives 2.
      const input = { durations: [1, 2, 3, 3], churned: [true, true, false, false] };
      expect(survivalCurve(input).median).toEqual({ reached: true, time: 2 });
    });

    it('treats a survival within √ε of 0.5 as exactly 0.5, as R does', () => {
      // 11/12 × 6/11 is 0.5 exactly, but 0.49999999999999994 in doubles; 11/18 × 9/11 gives 0.5000000000000001.
      const below = { durations: [1, 2, 2, 2, 2, 2, 5, 6, 7, 8, 9, 10], churned: Array(12).fill(true) };
      expect(survivalCurve(below).points[1]?.survival).toBe(0.49999999999999994);
      expect(survivalCurve(below).median).toEqual({ reached: true, time: 3.5 });
      const durations = [...Array(7).fill(1), 2, 2, ...Array(9).fill(5)];
      const above = { durations, churned: Array(18).fill(true) };
      expect(survivalCurve(above).points[1]?.survival).toBe(0.5000000000000001);
      expect(survivalCurve(above).median).toEqual({ reached: true, time: 3.5 });
      expect(survivalCurve(above, { medianRule: 'first' }).median).toEqual({ reached: true, time: 2 });
    });

    it('says the median is not reached when the curve stays above 0.5, with no made-up time', () => {
      const result = survivalCurve({
        observations: [obs(1, true), obs(2, false), obs(3, false), obs(4, true), obs(5, false), obs(6, false)],
      });
      expect(result.points.at(-1)?.survival).toBeGreaterThan(0.5);
      expect(result.median).toEqual({ reached: false });
    });
  });

  describe('edge cases', () => {
    it('reports a zero-width band at 1 before the first churn and at 0 once everyone at risk churned', () => {
      const result = survivalCurve({ observations: [obs(1, false), obs(2, true), obs(2, true)] });
      expect(result.points[0]).toEqual({
        time: 1,
        atRisk: 3,
        events: 0,
        censored: 1,
        survival: 1,
        standardError: 0,
        low: 1,
        high: 1,
      });
      expect(result.points[1]).toEqual({
        time: 2,
        atRisk: 2,
        events: 2,
        censored: 0,
        survival: 0,
        standardError: 0,
        low: 0,
        high: 0,
      });
      expect(result.median).toEqual({ reached: true, time: 2 });
    });

    it('accepts a duration of 0 and turns −0 into 0', () => {
      const result = survivalCurve({ observations: [obs(-0, true), obs(0, false), obs(3, true)] });
      expect(Object.is(result.points[0]?.time, 0)).toBe(true);
      expect(result.points[0]).toMatchObject({ atRisk: 3, events: 1, censored: 1 });
      expect(result.points).toHaveLength(2);
    });

    it('clips the linear band to [0, 1] and caps the log band at 1', () => {
      const linear = survivalCurve({ durations: [1, 2], churned: [true, true] }, { interval: 'linear' });
      expect(linear.points[0]?.low).toBe(0);
      expect(linear.points[0]?.high).toBe(1);
      const log = survivalCurve({ durations: [1, 2, 3], churned: [true, false, false] }, { interval: 'log' });
      expect(log.points[0]?.high).toBe(1);
    });

    it('handles a single observation', () => {
      expect(survivalCurve({ observations: [obs(4, true)] }).points).toEqual([
        { time: 4, atRisk: 1, events: 1, censored: 0, survival: 0, standardError: 0, low: 0, high: 0 },
      ]);
      const censored = survivalCurve({ observations: [obs(4, false)] });
      expect(censored.points[0]?.survival).toBe(1);
      expect(censored.median).toEqual({ reached: false });
      expect(censored.events).toBe(0);
    });

    it('handles 1 000 000 observations with continuous durations', () => {
      const n = 1_000_000;
      const durations = new Float64Array(n);
      const churned = new Uint8Array(n);
      const next = uniform(7);
      for (let i = 0; i < n; i++) {
        // Lifetimes exponential with mean 12, censored by independent exponential follow-up with mean 36.
        const lifetime = -Math.log(next()) * 12;
        const followUp = -Math.log(next()) * 36;
        durations[i] = Math.min(lifetime, followUp);
        churned[i] = lifetime <= followUp ? 1 : 0;
      }
      const result = survivalCurve({ durations, churned });
      expect(result.observations).toBe(n);
      // A quarter censored on average (rate 1/36 against 1/12).
      expect(Math.abs(result.censored / n - 0.25)).toBeLessThan(0.005);
      // The Kaplan–Meier median estimates the lifetimes' median, 12 ln 2, despite the censoring.
      expect(result.median.reached).toBe(true);
      if (result.median.reached) expect(Math.abs(result.median.time - 12 * Math.LN2)).toBeLessThan(0.05);
      const last = result.points.at(-1);
      expect(last?.atRisk).toBe(last ? last.events + last.censored : 0);
    });
  });

  describe('validation', () => {
    it('checks and uses the same read of each table field: a time read again as Infinity or NaN changes nothing', () => {
      const rows = [
        { time: 1, events: 20, censored: 5 },
        { time: 3, events: 10, censored: 0 },
      ];
      const plain = survivalCurve({ table: rows });
      for (const later of [Number.POSITIVE_INFINITY, Number.NaN]) {
        let reads = 0;
        const table = rows.map((row, index) =>
          index === 1
            ? {
                get time() {
                  reads++;
                  // A third read means the time is read again and again: fail instead of hanging.
                  if (reads > 2) throw new Error('time read more than twice');
                  return reads === 1 ? row.time : later;
                },
                events: row.events,
                censored: row.censored,
              }
            : row,
        );
        // Before, a second read of Infinity gave a median of Infinity, and NaN hung the merge.
        expect(survivalCurve({ table })).toEqual(plain);
        expect(reads).toBe(1);
      }
    });

    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'survivalCurve',
        () => survivalCurve({ durations: [1, 2], churned: [true, false] }, { level: 0.9 } as never),
        'level',
      );
    });

    it.each([
      [{ duration: -1, churned: true }, ['observations', 1, 'duration'], 'must be at least 0'],
      [{ duration: Number.NaN, churned: true }, ['observations', 1, 'duration'], 'must be a finite number, not NaN'],
      [{ duration: Number.POSITIVE_INFINITY, churned: true }, ['observations', 1, 'duration'], 'must be a finite'],
      [{ duration: '3', churned: true }, ['observations', 1, 'duration'], 'must be a number'],
      [{ churned: true }, ['observations', 1, 'duration'], 'is required'],
      [{ duration: 3, churned: 'yes' }, ['observations', 1, 'churned'], 'must be a boolean'],
      [{ duration: 3, churned: 1 }, ['observations', 1, 'churned'], 'must be a boolean'],
      [{ duration: 3 }, ['observations', 1, 'churned'], 'is required'],
      [{ duration: 3, churned: true, id: 'c1' }, ['observations', 1], "has unknown key 'id'"],
      [null, ['observations', 1], 'must be an object'],
      [7, ['observations', 1], 'must be an object'],
    ])('rejects the observation %j, naming its path', (bad, path, message) => {
      expectMetricError(
        () => survivalCurve({ observations: [obs(1, true), bad as unknown as SurvivalObservation] }),
        'INVALID_INPUT',
        path,
        message,
      );
    });

    it('rejects bad columns, naming the element', () => {
      expectMetricError(
        () => survivalCurve({ durations: new Float64Array([1, -2]), churned: [true, true] }),
        'INVALID_INPUT',
        ['durations', 1],
        'durations[1] must be at least 0',
      );
      expectMetricError(
        () => survivalCurve({ durations: [1, 2], churned: new Uint8Array([1, 2]) }),
        'INVALID_INPUT',
        ['churned', 1],
        'churned[1] must be true, false, 1 or 0',
      );
      expectMetricError(
        () => survivalCurve({ durations: [1, 2], churned: [true] }),
        'INVALID_INPUT',
        ['churned'],
        'must have as many elements as durations (2), not 1',
      );
      expectMetricError(
        () => survivalCurve({ durations: [1, 2] } as never),
        'INVALID_INPUT',
        ['churned'],
        'is required',
      );
    });

    it('rejects bad table rows, naming the row', () => {
      expectMetricError(
        () =>
          survivalCurve({
            table: [
              { time: 1, events: 1, censored: 0 },
              { time: 2, events: -1, censored: 0 },
            ],
          }),
        'INVALID_INPUT',
        ['table', 1, 'events'],
      );
      expectMetricError(() => survivalCurve({ table: [{ time: -2, events: 1, censored: 0 }] }), 'INVALID_INPUT', [
        'table',
        0,
        'time',
      ]);
      expectMetricError(() => survivalCurve({ table: [{ time: 2, events: 1.5, censored: 0 }] }), 'INVALID_INPUT', [
        'table',
        0,
        'events',
      ]);
      expectMetricError(
        () => survivalCurve({ table: [{ time: 2, events: 1, censored: 0, note: 'x' }] as never }),
        'INVALID_INPUT',
        ['table', 0],
        "has unknown key 'note'",
      );
      expectMetricError(
        () =>
          survivalCurve({
            table: [
              { time: 1, events: 2 ** 53 - 1, censored: 0 },
              { time: 2, events: 1, censored: 0 },
            ],
          }),
        'INVALID_INPUT',
        ['table'],
        'totals more than 2^53 − 1 observations',
      );
    });

    it('rejects inputs that are not one of the forms, and unknown keys', () => {
      expectMetricError(() => survivalCurve(null as never), 'INVALID_INPUT', []);
      expectMetricError(() => survivalCurve({} as never), 'INVALID_INPUT', [], 'must have one of the keys');
      expectMetricError(() => survivalCurve({ observations: 'x' } as never), 'INVALID_INPUT', ['observations']);
      expectMetricError(
        () => survivalCurve({ observations: [], extra: 1 } as never),
        'INVALID_INPUT',
        [],
        "has unknown key 'extra'",
      );
    });

    it('rejects bad options', () => {
      const input = { observations: [obs(1, true)] };
      expectMetricError(() => survivalCurve(input, { confidence: 1 }), 'INVALID_INPUT', ['confidence']);
      expectMetricError(() => survivalCurve(input, { interval: 'plain' as never }), 'INVALID_INPUT', ['interval']);
      expectMetricError(() => survivalCurve(input, { medianRule: 'last' as never }), 'INVALID_INPUT', ['medianRule']);
      expectMetricError(() => survivalCurve(input, { level: 0.9 } as never), 'INVALID_INPUT', []);
    });

    it('reports NO_DATA when there are no observations', () => {
      expectMetricError(() => survivalCurve({ observations: [] }), 'NO_DATA', ['observations'], 'has no observations');
      expectMetricError(() => survivalCurve({ durations: new Float64Array(0), churned: [] }), 'NO_DATA', ['durations']);
      expectMetricError(() => survivalCurve({ table: [{ time: 3, events: 0, censored: 0 }] }), 'NO_DATA', ['table']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves records, columns and the table as they were', () => {
      const observations = AML_MAINTAINED.map((o) => ({ ...o }));
      const before = structuredClone(observations);
      survivalCurve({ observations });
      expect(observations).toEqual(before);
      const durations = new Float64Array([5, 1, 3]);
      survivalCurve({ durations, churned: [true, false, true] });
      expect(Array.from(durations)).toEqual([5, 1, 3]);
      const table = [
        { time: 3, events: 1, censored: 0 },
        { time: 1, events: 1, censored: 1 },
      ];
      survivalCurve({ table });
      expect(table).toEqual([
        { time: 3, events: 1, censored: 0 },
        { time: 1, events: 1, censored: 1 },
      ]);
    });
  });
});
