import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../test/support/errors.js';
import { healthScoreCalibration } from './healthScoreCalibration.js';

/** `count` accounts at `score`, each `churned` or not. */
const repeat = (count: number, score: number, churned: boolean) =>
  Array.from({ length: count }, () => ({ score, churned }));

describe('healthScoreCalibration', () => {
  describe('worked examples', () => {
    it('AUC of the Hanley & McNeil (1982) rating data: 0.893', () => {
      // Hanley & McNeil, Radiology 143 (1982), Table I: CT images rated 1 (definitely normal) to 5
      // (definitely abnormal); 58 normal cases rated 33, 6, 6, 11, 2 and 51 abnormal cases rated 3, 2, 2, 11, 33.
      // The area (the Wilcoxon statistic) is 0.893. Here the higher-rated group plays the retained accounts:
      // AUC = P(abnormal rated higher) + ½ P(tie) = 2642 ÷ (51 × 58).
      const normal = [33, 6, 6, 11, 2];
      const abnormal = [3, 2, 2, 11, 33];
      const accounts = [1, 2, 3, 4, 5].flatMap((rating, i) => [
        ...repeat(normal[i] as number, rating * 20 - 10, true),
        ...repeat(abnormal[i] as number, rating * 20 - 10, false),
      ]);
      const result = healthScoreCalibration({ accounts });
      expect(result.auc).toBe(2642 / 2958);
      expect(result.auc?.toFixed(3)).toBe('0.893');
      expect(result.accounts).toBe(109);
      expect(result.churned).toBe(58);
    });

    it('churn rate per status with Wilson intervals (Wilson 1927), on the default bands', () => {
      // Red: scores 10–50 (8 of 20 churned); yellow: 55–75 (3 of 30); green: 80–100 (1 of 50).
      const accounts = [
        ...repeat(8, 30, true),
        ...repeat(12, 50, false),
        ...repeat(3, 60, true),
        ...repeat(27, 75, false),
        ...repeat(1, 76, true),
        ...repeat(49, 95, false),
      ];
      const result = healthScoreCalibration({ accounts });
      expect(result.red).toMatchObject({ accounts: 20, churned: 8, churnRate: 0.4 });
      expect(result.yellow).toMatchObject({ accounts: 30, churned: 3, churnRate: 0.1 });
      expect(result.green).toMatchObject({ accounts: 50, churned: 1, churnRate: 0.02 });
      expect(result.churnRate).toBe(0.12);
      // Wilson 95 % interval for 8 of 20: 0.2188 to 0.6134.
      expect(result.red.interval?.low).toBeCloseTo(0.2188, 4);
      expect(result.red.interval?.high).toBeCloseTo(0.6134, 4);
      expect(result.confidence).toBe(0.95);
    });

    it('the example in the documentation', () => {
      const result = healthScoreCalibration({
        accounts: [
          { score: 30, churned: true },
          { score: 45, churned: false },
          { score: 60, churned: true },
          { score: 80, churned: false },
          { score: 90, churned: false },
        ],
      });
      // Retained 45, 80, 90 against churned 30, 60: 5 of the 6 pairs ordered correctly.
      expect(result.auc).toBe(5 / 6);
      expect(result.yellow).toEqual({ accounts: 1, churned: 1, churnRate: 1, interval: result.yellow.interval });
    });
  });

  describe('edge cases', () => {
    it('a perfect score has AUC 1, a reversed one 0, a constant one 0.5', () => {
      const perfect = [...repeat(3, 20, true), ...repeat(4, 80, false)];
      expect(healthScoreCalibration({ accounts: perfect }).auc).toBe(1);
      const reversed = [...repeat(3, 80, true), ...repeat(4, 20, false)];
      expect(healthScoreCalibration({ accounts: reversed }).auc).toBe(0);
      const constant = [...repeat(3, 60, true), ...repeat(4, 60, false)];
      expect(healthScoreCalibration({ accounts: constant }).auc).toBe(0.5);
    });

    it('AUC is null when no account churned or every one did', () => {
      const none = healthScoreCalibration({ accounts: repeat(5, 70, false) });
      expect(none.auc).toBeNull();
      expect(none.yellow.churnRate).toBe(0);
      expect(none.yellow.interval?.low).toBe(0);
      const all = healthScoreCalibration({ accounts: repeat(5, 70, true) });
      expect(all.auc).toBeNull();
      expect(all.yellow.interval?.high).toBe(1);
    });

    it('a band with no accounts has no rate and no interval', () => {
      const result = healthScoreCalibration({ accounts: [...repeat(2, 90, false), ...repeat(1, 95, true)] });
      expect(result.red).toEqual({ accounts: 0, churned: 0, churnRate: null, interval: null });
      expect(result.yellow).toEqual({ accounts: 0, churned: 0, churnRate: null, interval: null });
    });

    it('band edges: a score equal to a band limit is in the lower band; custom bands', () => {
      const accounts = [
        { score: 50, churned: false },
        { score: 50.000000000001, churned: false },
        { score: 75, churned: false },
        { score: 75.1, churned: false },
      ];
      const result = healthScoreCalibration({ accounts });
      expect([result.red.accounts, result.yellow.accounts, result.green.accounts]).toEqual([1, 2, 1]);
      const custom = healthScoreCalibration({ accounts }, { bands: { red: '50.000000000001', yellow: 75.1 } });
      expect([custom.red.accounts, custom.yellow.accounts, custom.green.accounts]).toEqual([2, 2, 0]);
      // A band between two doubles: 50.00000000000000001 is above the double 50 and below the next double.
      const between = healthScoreCalibration({ accounts }, { bands: { red: '50.00000000000000001', yellow: 75 } });
      expect(between.red.accounts).toBe(1);
      // A band just below a double: 49.99999999999999999 rounds to the double 50, which is above it.
      const below = healthScoreCalibration(
        {
          accounts: [
            { score: 50, churned: false },
            { score: 49.99999999999999, churned: false },
          ],
        },
        { bands: { red: '49.99999999999999999', yellow: 75 } },
      );
      expect([below.red.accounts, below.yellow.accounts]).toEqual([1, 1]);
    });

    it('ties count one half; -0 equals 0', () => {
      const result = healthScoreCalibration({
        accounts: [
          { score: -0, churned: true },
          { score: 0, churned: false },
          { score: 10, churned: true },
          { score: 10, churned: false },
        ],
      });
      // Pairs (retained, churned): (0, -0) ½, (0, 10) 0, (10, -0) 1, (10, 10) ½ → 2 of 4.
      expect(result.auc).toBe(0.5);
    });

    it('columns: scores as a typed array, churned as booleans or a Uint8Array of 0 and 1', () => {
      const scores = new Float64Array([30, 45, 60, 80, 90]);
      const fromBooleans = healthScoreCalibration({ scores, churned: [true, false, true, false, false] });
      const fromFlags = healthScoreCalibration({ scores, churned: new Uint8Array([1, 0, 1, 0, 0]) });
      expect(fromBooleans.auc).toBe(5 / 6);
      expect(fromFlags).toEqual(fromBooleans);
      expect(healthScoreCalibration({ scores: [30, 45], churned: [true, false] }).auc).toBe(1);
    });

    it('confidence changes the intervals only', () => {
      const accounts = [...repeat(4, 30, true), ...repeat(6, 30, false)];
      const wide = healthScoreCalibration({ accounts }, { confidence: 0.99 });
      const narrow = healthScoreCalibration({ accounts });
      expect(wide.red.churnRate).toBe(narrow.red.churnRate);
      expect(wide.red.interval?.low).toBeLessThan(narrow.red.interval?.low as number);
      expect(wide.confidence).toBe(0.99);
    });

    it('a million accounts, exactly: AUC from counts of pairs', () => {
      const n = 1_000_000;
      const scores = new Float64Array(n);
      const churned = new Uint8Array(n);
      // Account i scores i mod 101; every third account churned.
      for (let i = 0; i < n; i++) {
        scores[i] = i % 101;
        churned[i] = i % 3 === 0 ? 1 : 0;
      }
      const result = healthScoreCalibration({ scores, churned });
      expect(result.accounts).toBe(n);
      expect(result.churned).toBe(333_334);
      // The pair count computed independently by score: Σ over s of kept(s) · (2·lost(<s) + lost(s)).
      const kept = new Array<number>(101).fill(0);
      const lost = new Array<number>(101).fill(0);
      for (let i = 0; i < n; i++) {
        const s = scores[i] as number;
        if (churned[i]) lost[s] = (lost[s] as number) + 1;
        else kept[s] = (kept[s] as number) + 1;
      }
      let twice = 0;
      let below = 0;
      for (let s = 0; s <= 100; s++) {
        twice += (kept[s] as number) * (2 * below + (lost[s] as number));
        below += lost[s] as number;
      }
      expect(result.auc).toBe(twice / (2 * 333_334 * 666_666));
    });
  });

  describe('validation', () => {
    const ok = { score: 50, churned: false };
    it.each([
      ['a score above 100', { accounts: [ok, { score: 101, churned: true }] }, ['accounts', 1, 'score']],
      ['a negative score', { accounts: [{ score: -1, churned: true }] }, ['accounts', 0, 'score']],
      ['a NaN score', { accounts: [{ score: Number.NaN, churned: true }] }, ['accounts', 0, 'score']],
      ['a score as a string', { accounts: [{ score: '50', churned: true }] }, ['accounts', 0, 'score']],
      ['churned as 1', { accounts: [{ score: 50, churned: 1 }] }, ['accounts', 0, 'churned']],
      ['churned missing', { accounts: [{ score: 50 }] }, ['accounts', 0, 'churned']],
      ['an unknown key on an account', { accounts: [{ ...ok, id: 'a' }] }, ['accounts', 0]],
      ['an account that is null', { accounts: [ok, null] }, ['accounts', 1]],
      ['an account that is an array', { accounts: [Object.assign([], ok)] }, ['accounts', 0]],
      ['accounts not an array', { accounts: 'many' }, ['accounts']],
      ['an unknown key', { accounts: [ok], extra: 1 }, []],
      ['no form', { rows: [] }, []],
      ['a column score above 100', { scores: [10, 200], churned: [true, false] }, ['scores', 1]],
      ['a column flag of 2', { scores: [10, 20], churned: new Uint8Array([0, 2]) }, ['churned', 1]],
      ['a column flag as a number', { scores: [10, 20], churned: [0, 1] }, ['churned', 0]],
      ['columns of different lengths', { scores: [10, 20], churned: [true] }, ['churned']],
      ['churned as a Float64Array', { scores: [10], churned: new Float64Array([1]) }, ['churned']],
    ])('%s', (_name, input, path) => {
      const error = catchMetricError(() => healthScoreCalibration(input as never));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.metric).toBe('healthScoreCalibration');
      expect(error.issues[0]?.path).toEqual(path);
    });

    it.each([
      ['red not below yellow', { bands: { red: 80, yellow: 70 } }, ['bands', 'yellow']],
      ['a band above 100', { bands: { red: 50, yellow: 120 } }, ['bands', 'yellow']],
      ['confidence of 1', { confidence: 1 }, ['confidence']],
      ['an unknown option', { level: 0.9 }, []],
    ])('options: %s', (_name, options, path) => {
      const error = catchMetricError(() =>
        healthScoreCalibration({ accounts: [{ score: 1, churned: true }] }, options as never),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual(path);
    });

    it('no accounts', () => {
      const error = catchMetricError(() => healthScoreCalibration({ accounts: [] }));
      expect(error.code).toBe('NO_DATA');
      expect(error.issues[0]?.path).toEqual(['accounts']);
      expect(catchMetricError(() => healthScoreCalibration({ scores: [], churned: [] })).issues[0]?.path).toEqual([
        'scores',
      ]);
    });
  });

  describe('does not mutate input', () => {
    it('leaves accounts and columns as they were', () => {
      const accounts = Object.freeze([
        Object.freeze({ score: 70, churned: true }),
        Object.freeze({ score: 20, churned: false }),
      ]);
      const copy = structuredClone(accounts);
      healthScoreCalibration({ accounts });
      expect(accounts).toEqual(copy);
      const scores = new Float64Array([70, 20, 50]);
      healthScoreCalibration({ scores, churned: [true, false, false] });
      expect(Array.from(scores)).toEqual([70, 20, 50]);
    });
  });

  describe('reads each value once', () => {
    /** An account whose `score` is `first` on its first read and NaN after, counting its reads. */
    const fickle = (first: number, churned: boolean, reads: { count: number }) => ({
      churned,
      get score() {
        reads.count++;
        return reads.count === 1 ? first : Number.NaN;
      },
    });

    it('an account is counted as its fields were checked (a score read again after its check was NaN)', () => {
      const reads = { count: 0 };
      const accounts = [fickle(30, true, reads), { score: 80, churned: false }];
      const result = healthScoreCalibration({ accounts });
      expect(reads.count).toBe(1);
      expect(result.auc).toBe(1);
      expect(result.red).toMatchObject({ accounts: 1, churned: 1 });
    });

    it('a rejected account is worded as read', () => {
      const reads = { count: 0 };
      const error = catchMetricError(() => healthScoreCalibration({ accounts: [fickle(101, true, reads)] }));
      expect(reads.count).toBe(1);
      expect(error.issues[0]?.path).toEqual(['accounts', 0, 'score']);
      expect(error.message).toBe('healthScoreCalibration: accounts[0].score must be at most 100');
      const extra = catchMetricError(() =>
        healthScoreCalibration({ accounts: [{ score: 1, churned: true, id: 7 }] as never }),
      );
      expect(extra.message).toContain("has unknown key 'id'");
    });

    it('columns of another realm: a Uint8Array from a vm context is a column of flags', () => {
      const churned = runInNewContext('new Uint8Array([1, 0, 1, 0])') as Uint8Array;
      expect(churned instanceof Uint8Array).toBe(false);
      const result = healthScoreCalibration({ scores: [10, 55, 76, 99], churned });
      expect(result).toEqual(
        healthScoreCalibration({ scores: [10, 55, 76, 99], churned: new Uint8Array([1, 0, 1, 0]) }),
      );
      const floats = runInNewContext('new Float64Array([1, 0])') as Float64Array;
      expect(
        catchMetricError(() => healthScoreCalibration({ scores: [1, 2], churned: floats as never })).issues[0]?.path,
      ).toEqual(['churned']);
    });
  });

  describe('options', () => {
    it('are strict: an unknown option is refused, naming it', () => {
      const error = catchMetricError(() =>
        healthScoreCalibration({ scores: [1], churned: [true] }, { confidence: 0.9, level: 0.9 } as never),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues[0]?.path).toEqual([]);
      expect(error.message).toContain("options has unknown key 'level'");
    });
  });
});
