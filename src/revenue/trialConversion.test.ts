import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../test/support/adversary.js';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { type TrialRecord, trialConversion } from './trialConversion.js';

const DAY = 86_400_000;
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
const MAY = { from: '2024-05-01', to: '2024-06-01' };

/** `count` trials with ids `prefix-0…`, all starting at `start`, converting at `convertedAt` if given. */
function many(prefix: string, count: number, start: string, convertedAt?: string): TrialRecord[] {
  return Array.from({ length: count }, (_, i) =>
    convertedAt === undefined
      ? { customerId: `${prefix}-${i}`, start }
      : { customerId: `${prefix}-${i}`, start, convertedAt },
  );
}

const round4 = (value: number) => Number(value.toFixed(4));

describe('trialConversion', () => {
  describe('worked examples', () => {
    it('10 trials started in May, 5 became paying customers: 50 % (ChartMogul)', () => {
      // ChartMogul, "Metric: Trial-to-paid conversion rate" (help.chartmogul.com): "If 10 customers started a
      // trial in May 2015 and 5 of these customers became active paying customers, the Trial-to-paid
      // conversion rate for May 2015 would be 50%." Trials of April and June are not May's.
      const trials = [
        ...many('paid', 5, '2015-05-04', '2015-06-03'),
        ...many('lapsed', 5, '2015-05-12'),
        ...many('april', 3, '2015-04-20', '2015-05-10'),
        ...many('june', 2, '2015-06-01', '2015-06-15'),
      ].map((trial) => (trial.convertedAt === undefined ? { ...trial, end: '2015-06-11' } : trial));
      const result = trialConversion({ trials }, { from: '2015-05-01', to: '2015-06-01', asOf: '2015-07-01' });
      expect(result.started).toBe(10);
      expect(result.converted).toBe(5);
      expect(result.pending).toBe(0);
      expect(result.rate).toBe(0.5);
    });

    it("gives Newcombe's published Wilson intervals (Statistics in Medicine 17, 1998, Table II, method 3)", () => {
      // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
      // methods", Statistics in Medicine 17 (1998) 857–872, Table II, method 3 (Wilson score, no continuity
      // correction): 81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605, 0/20 → 0–0.1611.
      const cases = [
        [81, 263, 0.2553, 0.3662],
        [15, 148, 0.0624, 0.1605],
        [0, 20, 0, 0.1611],
      ] as const;
      for (const [successes, total, low, high] of cases) {
        const trials = [
          ...many('paid', successes, '2024-05-10', '2024-05-24'),
          ...many('not', total - successes, '2024-05-10'),
        ];
        const result = trialConversion({ trials }, { ...MAY, asOf: '2024-07-01' });
        expect(result.started).toBe(total);
        expect(result.converted).toBe(successes);
        expect(result.rate).toBe(successes / total);
        expect([round4(result.interval.low), round4(result.interval.high)]).toEqual([low, high]);
      }
    });

    it('counts pending trials, and conversions known later only from then on', () => {
      const trials: TrialRecord[] = [
        { customerId: 'a', start: '2024-05-02', end: '2024-05-16', convertedAt: '2024-05-16' },
        { customerId: 'b', start: '2024-05-10', end: '2024-05-24' },
        { customerId: 'c', start: '2024-05-20', convertedAt: '2024-07-15' },
        { customerId: 'd', start: '2024-05-28' },
        { customerId: 'e', start: '2024-06-03', convertedAt: '2024-06-10' },
      ];
      const june = trialConversion({ trials }, MAY);
      expect(june).toEqual({ started: 4, converted: 1, pending: 2, rate: 0.25, interval: june.interval });
      const august = trialConversion({ trials }, { ...MAY, asOf: '2024-08-01' });
      expect(august).toMatchObject({ started: 4, converted: 2, pending: 1, rate: 0.5 });
      // Within 30 days: c converted 56 days after its trial began; d's window closed on 27 June.
      const windowed = trialConversion({ trials }, { ...MAY, asOf: '2024-08-01', within: 30 });
      expect(windowed).toMatchObject({ started: 4, converted: 1, pending: 0, rate: 0.25 });
    });
  });

  describe('instants and windows', () => {
    it('counts trials starting in [from, to): at from yes, at to no', () => {
      const trials = [
        { customerId: 'at-from', start: '2024-05-01' },
        { customerId: 'before', start: '2024-04-30T23:59:59.999Z' },
        { customerId: 'at-to', start: '2024-06-01' },
        { customerId: 'last', start: '2024-05-31T23:59:59.999Z' },
      ];
      expect(trialConversion({ trials }, MAY).started).toBe(2);
    });

    it('knows a conversion at asOf, not one a millisecond after; the latter is pending', () => {
      const asOf = at('2024-06-15');
      const trials = [
        { customerId: 'on-time', start: '2024-05-10', convertedAt: asOf },
        { customerId: 'later', start: '2024-05-10', convertedAt: asOf + 1 },
      ];
      expect(trialConversion({ trials }, { ...MAY, asOf })).toMatchObject({ converted: 1, pending: 1 });
    });

    it('closes the window at start + within days: a 30-day trial converting when it ends counts', () => {
      const start = at('2024-05-10');
      const trials = [
        { customerId: 'on-the-day', start, end: start + 30 * DAY, convertedAt: start + 30 * DAY },
        { customerId: 'a-moment-late', start, end: start + 30 * DAY, convertedAt: start + 30 * DAY + 1 },
      ];
      const options = { ...MAY, asOf: '2024-08-01', within: 30 };
      expect(trialConversion({ trials }, options)).toMatchObject({ converted: 1, pending: 0 });
      expect(trialConversion({ trials }, { ...options, within: 30 + 1 / DAY }).converted).toBe(2);
      expect(trialConversion({ trials }, { ...options, within: 0.5 }).converted).toBe(0);
    });

    it('keeps a trial pending until its window closes at asOf', () => {
      const start = at('2024-05-10');
      const trials = [{ customerId: 'open', start }];
      const options = { ...MAY, within: 14 };
      expect(trialConversion({ trials }, { ...options, asOf: start + 14 * DAY - 1 }).pending).toBe(1);
      expect(trialConversion({ trials }, { ...options, asOf: start + 14 * DAY }).pending).toBe(0);
      expect(trialConversion({ trials }, { ...MAY, asOf: '2030-01-01' }).pending).toBe(1);
    });

    it('never counts an ended trial as pending, even one ending exactly at asOf', () => {
      const trials = [
        { customerId: 'ended', start: '2024-05-10', end: '2024-05-24' },
        { customerId: 'ends-at-asOf', start: '2024-05-10', end: '2024-06-01' },
        { customerId: 'ends-after', start: '2024-05-10', end: '2024-06-01T00:00:00.001Z' },
        { customerId: 'null-end', start: '2024-05-10', end: null, convertedAt: null },
      ];
      expect(trialConversion({ trials }, MAY)).toMatchObject({ started: 4, converted: 0, pending: 2 });
    });

    it('counts a conversion after the trial ended (a lapsed trial that subscribes later)', () => {
      const trials = [{ customerId: 'late', start: '2024-05-10', end: '2024-05-24', convertedAt: '2024-06-20' }];
      expect(trialConversion({ trials }, { ...MAY, asOf: '2024-07-01' }).converted).toBe(1);
      expect(trialConversion({ trials }, MAY)).toMatchObject({ converted: 0, pending: 0 });
      expect(trialConversion({ trials }, { ...MAY, asOf: '2024-07-01', within: 14 }).converted).toBe(0);
    });

    it('does not know trials starting after an asOf inside the period', () => {
      const trials = [
        { customerId: 'early', start: '2024-05-03', convertedAt: '2024-05-10' },
        { customerId: 'at-asOf', start: '2024-05-15' },
        { customerId: 'after', start: '2024-05-20', convertedAt: '2024-05-21' },
      ];
      expect(trialConversion({ trials }, { ...MAY, asOf: '2024-05-15' })).toMatchObject({
        started: 2,
        converted: 1,
        pending: 1,
        rate: 0.5,
      });
    });

    it('counts every trial of a customer who had several', () => {
      const trials = [
        { customerId: 'cus_1', start: '2024-05-02', end: '2024-05-16' },
        { customerId: 'cus_1', start: '2024-05-20', convertedAt: '2024-05-30' },
      ];
      expect(trialConversion({ trials }, MAY)).toMatchObject({ started: 2, converted: 1, rate: 0.5 });
    });
  });

  describe('edge cases', () => {
    it('gives the same counts for ISO dates, date-times with offsets, Dates and epoch milliseconds', () => {
      const iso = [
        { customerId: 'a', start: '2024-05-02', convertedAt: '2024-05-20' },
        { customerId: 'b', start: '2024-05-03T12:00:00+02:00', end: '2024-05-17' },
        { customerId: 'c', start: '2024-05-30' },
      ];
      const dates = iso.map((trial) => ({
        customerId: trial.customerId,
        start: new Date(trial.start.length === 10 ? at(trial.start) : Date.parse(trial.start)),
        ...(trial.end === undefined ? {} : { end: new Date(at(trial.end)) }),
        ...(trial.convertedAt === undefined ? {} : { convertedAt: at(trial.convertedAt) }),
      }));
      const expected = trialConversion({ trials: iso }, MAY);
      expect(expected).toMatchObject({ started: 3, converted: 1, pending: 1 });
      expect(trialConversion({ trials: dates }, { from: new Date(at('2024-05-01')), to: at('2024-06-01') })).toEqual(
        expected,
      );
    });

    it('is exactly 0 at the low end with no conversion and 1 at the high end when all converted', () => {
      const none = trialConversion({ trials: many('t', 7, '2024-05-05') }, MAY);
      expect(none.rate).toBe(0);
      expect(none.interval.low).toBe(0);
      const all = trialConversion({ trials: many('t', 7, '2024-05-05', '2024-05-06') }, MAY);
      expect(all.rate).toBe(1);
      expect(all.interval.high).toBe(1);
    });

    it('widens the interval with the confidence level', () => {
      const trials = [...many('paid', 30, '2024-05-05', '2024-05-20'), ...many('not', 20, '2024-05-05')];
      const narrow = trialConversion({ trials }, { ...MAY, confidence: 0.8 });
      const wide = trialConversion({ trials }, { ...MAY, confidence: 0.99 });
      expect(wide.interval.low).toBeLessThan(narrow.interval.low);
      expect(wide.interval.high).toBeGreaterThan(narrow.interval.high);
      expect(round4(trialConversion({ trials }, MAY).interval.low)).toBe(0.4618);
    });

    it('reads each record once: fields that change after a first read give the same counts', () => {
      const trials = [
        { customerId: 'a', start: '2024-05-02', end: '2024-05-16', convertedAt: '2024-05-16' },
        { customerId: 'b', start: '2024-05-10' },
      ];
      const reads = new Map<string, number>();
      const input = changingOnReread({ trials }, reads) as { trials: TrialRecord[] };
      expect(trialConversion(input, MAY)).toEqual(trialConversion({ trials }, MAY));
      for (const [path, count] of reads) expect(count, path).toBe(1);
    });
  });

  describe('validation', () => {
    const valid = [{ customerId: 'a', start: '2024-05-02' }];

    it('names the element and field of a malformed record', () => {
      const bad = (record: unknown, path: (string | number)[], message?: string) =>
        expectMetricError(
          () => trialConversion({ trials: [...valid, record] as TrialRecord[] }, MAY),
          'INVALID_INPUT',
          path,
          message,
        );
      bad({ start: '2024-05-02' }, ['trials', 1, 'customerId'], 'trials[1].customerId is required');
      bad({ customerId: '', start: '2024-05-02' }, ['trials', 1, 'customerId'], 'must not be empty');
      bad({ customerId: 7, start: '2024-05-02' }, ['trials', 1, 'customerId']);
      bad({ customerId: 'b', start: '2024-02-30' }, ['trials', 1, 'start']);
      bad({ customerId: 'b' }, ['trials', 1, 'start']);
      bad({ customerId: 'b', start: '2024-05-02', end: 'soon' }, ['trials', 1, 'end']);
      bad({ customerId: 'b', start: '2024-05-02', convertedAt: Number.NaN }, ['trials', 1, 'convertedAt']);
      bad({ customerId: 'b', start: '2024-05-02', plan: 'pro' }, ['trials', 1], "has unknown key 'plan'");
      bad(null, ['trials', 1]);
      bad('2024-05-02', ['trials', 1]);
    });

    it('rejects an end or a conversion before the start', () => {
      expectMetricError(
        () => trialConversion({ trials: [...valid, { customerId: 'b', start: '2024-05-10', end: '2024-05-09' }] }, MAY),
        'INVALID_INPUT',
        ['trials', 1, 'end'],
        'trialConversion: trials[1].end must not be before start',
      );
      expectMetricError(
        () =>
          trialConversion(
            { trials: [{ customerId: 'b', start: '2024-05-10', convertedAt: at('2024-05-10') - 1 }] },
            MAY,
          ),
        'INVALID_INPUT',
        ['trials', 0, 'convertedAt'],
        'trialConversion: trials[0].convertedAt must not be before start',
      );
      // A record outside the period is checked all the same.
      expectMetricError(
        () => trialConversion({ trials: [...valid, { customerId: 'b', start: '2020-01-10', end: '2020-01-09' }] }, MAY),
        'INVALID_INPUT',
        ['trials', 1, 'end'],
      );
    });

    it('rejects trials that is not an array, and unknown input keys', () => {
      expectMetricError(() => trialConversion({} as never, MAY), 'INVALID_INPUT', ['trials'], 'trials is required');
      expectMetricError(
        () => trialConversion({ trials: new Float64Array(2) } as never, MAY),
        'INVALID_INPUT',
        ['trials'],
        'must be an array of trials',
      );
      expectMetricError(
        () => trialConversion({ trials: valid, subscriptions: [] } as never, MAY),
        'INVALID_INPUT',
        [],
        "has unknown key 'subscriptions'",
      );
    });

    it('rejects a period whose to is not after from, an asOf before from, and missing dates', () => {
      const input = { trials: valid };
      expectMetricError(
        () => trialConversion(input, { from: '2024-06-01', to: '2024-05-01' }),
        'INVALID_INPUT',
        ['to'],
        'trialConversion: to must be after from',
      );
      expectMetricError(() => trialConversion(input, { from: MAY.from, to: MAY.from }), 'INVALID_INPUT', ['to']);
      expectMetricError(
        () => trialConversion(input, { ...MAY, asOf: '2024-04-30' }),
        'INVALID_INPUT',
        ['asOf'],
        'trialConversion: asOf must not be before from',
      );
      expectMetricError(
        () => trialConversion(input, undefined as never),
        'INVALID_INPUT',
        ['from'],
        'from is required',
      );
      expectMetricError(() => trialConversion(input, { from: MAY.from } as never), 'INVALID_INPUT', ['to']);
      expectMetricError(() => trialConversion(input, { ...MAY, asOf: 'later' }), 'INVALID_INPUT', ['asOf']);
    });

    it('rejects a window of 0 days or less, a bad confidence and unknown options', () => {
      const input = { trials: valid };
      expectMetricError(
        () => trialConversion(input, { ...MAY, within: 0 }),
        'INVALID_INPUT',
        ['within'],
        'within must be greater than 0',
      );
      expectMetricError(() => trialConversion(input, { ...MAY, within: -3 }), 'INVALID_INPUT', ['within']);
      expectMetricError(() => trialConversion(input, { ...MAY, within: '30' as never }), 'INVALID_INPUT', ['within']);
      expectMetricError(() => trialConversion(input, { ...MAY, within: Number.POSITIVE_INFINITY }), 'INVALID_INPUT', [
        'within',
      ]);
      expectMetricError(() => trialConversion(input, { ...MAY, confidence: 1 }), 'INVALID_INPUT', ['confidence']);
      expectMetricError(
        () => trialConversion(input, { ...MAY, days: 30 } as never),
        'INVALID_INPUT',
        [],
        "trialConversion: options has unknown key 'days'",
      );
    });

    it('is NO_DATA when no trial started in the period, including an empty list', () => {
      expectMetricError(
        () => trialConversion({ trials: [{ customerId: 'a', start: '2024-06-02' }] }, MAY),
        'NO_DATA',
        ['trials'],
        'trialConversion: trials has no trial started in [from, to) by asOf',
      );
      expectMetricError(() => trialConversion({ trials: [] }, MAY), 'NO_DATA', ['trials']);
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options and leaves them as they were', () => {
      const input = deepFreeze({
        trials: [
          { customerId: 'a', start: '2024-05-02', convertedAt: '2024-05-10' },
          { customerId: 'b', start: new Date(at('2024-05-03')), end: '2024-05-17', convertedAt: null },
        ],
      });
      const snapshot = structuredClone(input);
      const options = deepFreeze({ ...MAY, within: 14, asOf: '2024-07-01', confidence: 0.9 });
      expect(trialConversion(input, options).rate).toBe(0.5);
      expect(input).toEqual(snapshot);
    });
  });
});
