import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { shifting } from '../../test/support/adversary.js';
import { averageSessionDuration, type Session } from './averageSessionDuration.js';

const T0 = Date.UTC(2024, 2, 4, 9);
const MINUTE = 60_000;
const session = (start: number, minutes: number): Session => ({
  start: T0 + start * MINUTE,
  end: T0 + (start + minutes) * MINUTE,
});

describe('averageSessionDuration', () => {
  describe('worked examples', () => {
    // docs/sources.md row 29, document 004: "Metrics like average session time reveal the depth of their
    // engagement." No figures; by hand: sessions of 12, 3.5 and 0 minutes and 24.5 minutes → 40 / 4 = 10.
    it('sessions of 12, 3.5, 0 and 24.5 minutes average 10 minutes (document 004)', () => {
      const sessions = [session(0, 12), session(60, 3.5), session(90, 0), session(120, 24.5)];
      expect(averageSessionDuration({ sessions })).toBe(10);
      expect(averageSessionDuration({ sessions }, { unit: 'second' })).toBe(600);
      expect(averageSessionDuration({ sessions }, { unit: 'hour' })).toBe(1 / 6);
    });

    // Amplitude measures a session as its last event time − its first event time, so a one-event session
    // lasts 0 and still counts.
    it('counts zero-length sessions', () => {
      expect(averageSessionDuration({ sessions: [session(0, 0), session(10, 10)] })).toBe(5);
    });

    it('totals form: 5 400 seconds over 90 sessions is 60 seconds', () => {
      expect(averageSessionDuration({ totalDuration: 5400, sessionCount: 90 }, { unit: 'second' })).toBe(60);
      expect(averageSessionDuration({ totalDuration: 10, sessionCount: 3 })).toBe(10 / 3);
    });
  });

  describe('edge cases', () => {
    it('is exact: the mean is one ratio of integer milliseconds', () => {
      const sessions = [session(0, 1), session(5, 1), session(9, 2)];
      // 4 minutes over 3 sessions: 4 / 3 minutes, correctly rounded (not 4 / 3 rounded twice via ms).
      expect(averageSessionDuration({ sessions })).toBe(4 / 3);
      expect(averageSessionDuration({ sessions }, { unit: 'ms' })).toBe(240_000 / 3);
    });

    it('accepts ISO strings with offsets, Dates and epoch milliseconds', () => {
      const sessions = [
        { start: '2024-03-04T10:00:00+01:00', end: '2024-03-04T09:30:00Z' },
        { start: new Date(T0), end: T0 + 10 * MINUTE },
      ];
      expect(averageSessionDuration({ sessions })).toBe(20);
    });

    it('accepts a session of one instant, and epoch numbers with fractions of a millisecond', () => {
      expect(averageSessionDuration({ sessions: [{ start: T0, end: T0 }] })).toBe(0);
      expect(
        averageSessionDuration(
          {
            sessions: [
              { start: 0.25, end: 1 },
              { start: 0, end: 0.25 },
            ],
          },
          { unit: 'ms' },
        ),
      ).toBe(0.5);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'averageSessionDuration',
        () => averageSessionDuration({ totalDuration: 60, sessionCount: 2 }, { units: 'hour' } as never),
        'units',
      );
    });

    it('rejects a session that ends before it starts, naming it', () => {
      const sessions = [session(0, 5), session(10, 5), session(20, 5), session(30, 5), { start: T0, end: T0 - 1 }];
      expectMetricError(
        () => averageSessionDuration({ sessions }),
        'INVALID_INPUT',
        ['sessions', 4, 'end'],
        'averageSessionDuration: sessions[4].end must not be before start',
      );
    });

    it('names the session that is not valid', () => {
      const bad = (record: unknown) => () => averageSessionDuration({ sessions: [session(0, 1), record] as never });
      expectMetricError(bad(undefined), 'INVALID_INPUT', ['sessions', 1]);
      expectMetricError(bad({ start: T0 }), 'INVALID_INPUT', ['sessions', 1, 'end'], 'is required');
      expectMetricError(bad({ start: 'yesterday', end: T0 }), 'INVALID_INPUT', ['sessions', 1, 'start']);
      expectMetricError(bad({ start: T0, end: T0, user: 'a' }), 'INVALID_INPUT', ['sessions', 1], "unknown key 'user'");
      expectMetricError(() => averageSessionDuration({ sessions: 3 } as never), 'INVALID_INPUT', ['sessions']);
    });

    it('rejects bad totals, unknown keys and a bad unit', () => {
      expectMetricError(() => averageSessionDuration({ totalDuration: -1, sessionCount: 2 }), 'INVALID_INPUT', [
        'totalDuration',
      ]);
      expectMetricError(
        () => averageSessionDuration({ totalDuration: Number.POSITIVE_INFINITY, sessionCount: 2 }),
        'INVALID_INPUT',
        ['totalDuration'],
      );
      expectMetricError(() => averageSessionDuration({ totalDuration: 5, sessionCount: 1.5 }), 'INVALID_INPUT', [
        'sessionCount',
      ]);
      expectMetricError(() => averageSessionDuration({ totalDuration: 5 } as never), 'INVALID_INPUT', ['sessionCount']);
      expectMetricError(() => averageSessionDuration({ durations: [] } as never), 'INVALID_INPUT', []);
      expectMetricError(
        () => averageSessionDuration({ sessions: [session(0, 1)] }, { unit: 'fortnight' as never }),
        'INVALID_INPUT',
        ['unit'],
      );
    });

    it('reports no sessions as NO_DATA', () => {
      expectMetricError(() => averageSessionDuration({ sessions: [] }), 'NO_DATA', ['sessions'], 'has no sessions');
      expectMetricError(() => averageSessionDuration({ totalDuration: 0, sessionCount: 0 }), 'NO_DATA', [
        'sessionCount',
      ]);
    });
  });

  describe('reads each value once', () => {
    it('reports a bad date as it was read, not as a getter answers next', () => {
      const session = shifting({ start: T0, end: T0 }, 'end', 'later', T0);
      expectMetricError(() => averageSessionDuration({ sessions: [session] }), 'INVALID_INPUT', ['sessions', 0, 'end']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen sessions unchanged', () => {
      const sessions = Object.freeze([session(0, 4), session(5, 2)].map((s) => Object.freeze(s)));
      const before = JSON.stringify(sessions);
      expect(averageSessionDuration({ sessions })).toBe(3);
      expect(JSON.stringify(sessions)).toBe(before);
    });
  });
});
