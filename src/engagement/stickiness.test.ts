import { describe, expect, it } from 'vitest';
import { shifting } from '../../test/support/adversary.js';
import { expectMetricError } from '../../test/support/errors.js';
import { type ActivityEvent, stickiness } from './stickiness.js';

const DAY = 86_400_000;
const MARCH_1 = Date.UTC(2024, 2, 1);

/** An event of `userId` on day `day` of March 2024 (1-based), at `hour` o'clock UTC. */
const on = (userId: string | number, day: number, hour = 12): ActivityEvent => ({
  userId,
  at: MARCH_1 + (day - 1) * DAY + hour * 3_600_000,
});

describe('stickiness', () => {
  describe('worked examples', () => {
    // docs/sources.md row 29 (document 004) names engagement among the metrics, without figures.
    // DAU ÷ MAU as Mixpanel defines stickiness: the average of the daily active users over the month,
    // divided by the month's active users. An average of 2 500 daily actives among 10 000 monthly actives
    // is 25 %, the "OK" benchmark quoted for consumer products.
    it('counts form: 2 500 average daily actives of 10 000 monthly actives → 0.25', () => {
      expect(stickiness({ dailyActiveUsers: 2500, monthlyActiveUsers: 10_000 })).toBe(0.25);
      expect(stickiness({ dailyActiveUsers: 312.5, monthlyActiveUsers: 1000 })).toBe(0.3125);
    });

    // By hand, over the 30 days of March 2–31, 2024: ann is active every day (30 user-days), bob on days
    // 2–11 (10), cat on day 31 only (1), and dan only on March 1, outside the window. Σ daily actives = 41;
    // average daily actives 41 / 30; distinct actives 3; stickiness = (41 / 30) / 3 = 41 / 90.
    it('events form: average daily actives over the trailing 30 days ÷ distinct actives', () => {
      const events: ActivityEvent[] = [on('dan', 1)];
      for (let day = 2; day <= 31; day++) events.push(on('ann', day, 8), on('ann', day, 18));
      for (let day = 2; day <= 11; day++) events.push(on('bob', day));
      events.push(on('cat', 31, 23));
      expect(stickiness({ events }, { asOf: '2024-03-31' })).toBe(41 / 90);
      // The default window ends on the day of the latest event, here March 31 too.
      expect(stickiness({ events })).toBe(41 / 90);
    });

    it('matches the examples of its documentation', () => {
      const events = [on('ann', 1, 9), on('ann', 1, 17), on('ann', 2, 9), on('bob', 2, 10)];
      expect(stickiness({ events }, { asOf: '2024-03-02', windowDays: 2 })).toBe(0.75);
    });
  });

  describe('edge cases', () => {
    it('uses half-open UTC days: the first instant of the first day is in, the day after asOf is out', () => {
      const firstInstant = { userId: 'a', at: '2024-03-02T00:00:00Z' };
      const lastInstant = { userId: 'b', at: '2024-03-31T23:59:59.999Z' };
      const dayBefore = { userId: 'c', at: '2024-03-01T23:59:59.999Z' };
      const dayAfter = { userId: 'd', at: '2024-04-01T00:00:00Z' };
      const events = [firstInstant, lastInstant, dayBefore, dayAfter];
      // a and b, one day each: 2 user-days ÷ 30 days ÷ 2 users.
      expect(stickiness({ events }, { asOf: '2024-03-31' })).toBe(1 / 30);
      // asOf with a time of day means its whole UTC day; an offset is converted to UTC first.
      expect(stickiness({ events }, { asOf: '2024-03-31T06:30:00Z' })).toBe(1 / 30);
      expect(stickiness({ events }, { asOf: '2024-04-01T00:30:00+02:00' })).toBe(1 / 30);
      expect(stickiness({ events }, { asOf: new Date('2024-03-31T23:00:00Z') })).toBe(1 / 30);
    });

    it('counts days without events as zero actives', () => {
      // One user active on 3 of 30 days.
      expect(stickiness({ events: [on(1, 5), on(1, 6), on(1, 30)] }, { asOf: '2024-03-30' })).toBe(3 / 30);
      // The same three days in a 3-day window: every day.
      expect(stickiness({ events: [on(1, 5), on(1, 6), on(1, 7)] }, { asOf: '2024-03-07', windowDays: 3 })).toBe(1);
    });

    it('counts a user once a day however many events they have', () => {
      const events = Array.from({ length: 100 }, (_, i) => on('x', 10, (i % 24) as number));
      expect(stickiness({ events }, { windowDays: 10 })).toBe(1 / 10);
    });

    it('is 1 in a one-day window, where daily and window actives are the same users', () => {
      expect(stickiness({ events: [on(1, 3), on(2, 3), on(3, 2)] }, { windowDays: 1 })).toBe(1);
    });

    it('treats numbers and strings as different users, and 0 and −0 as the same', () => {
      expect(stickiness({ events: [on(1, 1), on('1', 2)] }, { windowDays: 2 })).toBe(0.5);
      expect(stickiness({ events: [on(0, 1), on(-0, 2)] }, { windowDays: 2 })).toBe(1);
      expect(stickiness({ events: [on(1.5, 1), on(1.5, 2)] }, { windowDays: 2 })).toBe(1);
    });

    it('interns small integer ids, large ones, negative ones and strings alike', () => {
      // Each id is active on (its position % 3) + 1 of the 3 days; '1024' (a string) differs from 1024.
      const ids = [0, 1023, 1024, 70_000, 2 ** 22 - 1, 2 ** 22, 2 ** 40, -5, 1.5, '1024'];
      const events: ActivityEvent[] = [];
      let userDays = 0;
      ids.forEach((id, position) => {
        for (let day = 1; day <= (position % 3) + 1; day++) {
          events.push(on(id, day), on(id, day, 20));
          userDays++;
        }
      });
      expect(stickiness({ events }, { asOf: '2024-03-03', windowDays: 3 })).toBe(userDays / (3 * ids.length));
    });

    it('accepts epoch milliseconds, Dates and ISO strings for `at`', () => {
      const events = [
        { userId: 'a', at: MARCH_1 },
        { userId: 'a', at: new Date(MARCH_1 + DAY) },
        { userId: 'a', at: '2024-03-03T08:00:00+05:00' },
      ];
      expect(stickiness({ events }, { windowDays: 3 })).toBe(1);
    });

    it('ignores events after asOf and before the window, but still validates them', () => {
      const events = [on('a', 10), on('b', 20), on('c', 25)];
      expect(stickiness({ events }, { asOf: '2024-03-20', windowDays: 5 })).toBe(1 / 5);
      expectMetricError(
        () => stickiness({ events: [...events, { userId: 'd', at: 'not a date' }] }, { asOf: '2024-03-20' }),
        'INVALID_INPUT',
        ['events', 3, 'at'],
      );
    });

    it('handles windows that span several 32-day words, and many users', () => {
      // Window of 100 days; user u is active on days u, u + 40 and u + 80 of it (when inside).
      const first = MARCH_1;
      const events: ActivityEvent[] = [];
      let userDays = 0;
      for (let u = 0; u < 3000; u++) {
        for (const offset of [u % 100, (u % 100) + 40, (u % 100) + 80]) {
          if (offset < 100) {
            events.push({ userId: `u${u}`, at: first + offset * DAY });
            userDays++;
          }
        }
      }
      const asOf = first + 99 * DAY;
      expect(stickiness({ events }, { asOf, windowDays: 100 })).toBe(userDays / (100 * 3000));
      expect(stickiness({ events }, { asOf, windowDays: 366 })).toBe(userDays / (366 * 3000));
    });
  });

  describe('validation', () => {
    it('rejects inconsistent or bad counts', () => {
      expectMetricError(
        () => stickiness({ dailyActiveUsers: 11, monthlyActiveUsers: 10 }),
        'INVALID_INPUT',
        ['dailyActiveUsers'],
        'stickiness: dailyActiveUsers must not exceed monthlyActiveUsers',
      );
      expectMetricError(() => stickiness({ dailyActiveUsers: -1, monthlyActiveUsers: 10 }), 'INVALID_INPUT', [
        'dailyActiveUsers',
      ]);
      expectMetricError(
        () => stickiness({ dailyActiveUsers: Number.POSITIVE_INFINITY, monthlyActiveUsers: 10 }),
        'INVALID_INPUT',
        ['dailyActiveUsers'],
      );
      expectMetricError(() => stickiness({ dailyActiveUsers: '5' as never, monthlyActiveUsers: 10 }), 'INVALID_INPUT', [
        'dailyActiveUsers',
      ]);
      expectMetricError(() => stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 2.5 }), 'INVALID_INPUT', [
        'monthlyActiveUsers',
      ]);
      expectMetricError(() => stickiness({ dailyActiveUsers: 1 } as never), 'INVALID_INPUT', ['monthlyActiveUsers']);
    });

    it('reports no monthly actives as NO_DATA', () => {
      expectMetricError(() => stickiness({ dailyActiveUsers: 0, monthlyActiveUsers: 0 }), 'NO_DATA', [
        'monthlyActiveUsers',
      ]);
    });

    it('rejects the events-form options with the counts form', () => {
      const counts = { dailyActiveUsers: 1, monthlyActiveUsers: 2 };
      expectMetricError(() => stickiness(counts, { asOf: '2024-03-01' }), 'INVALID_INPUT', ['asOf'], 'events form');
      expectMetricError(() => stickiness(counts, { windowDays: 7 }), 'INVALID_INPUT', ['windowDays'], 'events form');
    });

    it('rejects an input of neither form, or mixing both', () => {
      expectMetricError(
        () => stickiness({} as never),
        'INVALID_INPUT',
        [],
        "must have one of the keys 'dailyActiveUsers', 'events'",
      );
      expectMetricError(() => stickiness([] as never), 'INVALID_INPUT', []);
      expectMetricError(
        () => stickiness({ dailyActiveUsers: 1, monthlyActiveUsers: 2, events: [] } as never),
        'INVALID_INPUT',
        [],
        "unknown key 'events'",
      );
    });

    it('names the event that is not valid', () => {
      const good = [on('a', 1), on('b', 2)];
      const bad = (event: unknown) => () => stickiness({ events: [...good, event] as never });
      expectMetricError(bad(null), 'INVALID_INPUT', ['events', 2]);
      expectMetricError(bad('a'), 'INVALID_INPUT', ['events', 2], 'must be an object');
      expectMetricError(
        bad({ userId: 'c', at: MARCH_1, kind: 'click' }),
        'INVALID_INPUT',
        ['events', 2],
        "unknown key 'kind'",
      );
      expectMetricError(bad({ userId: '', at: MARCH_1 }), 'INVALID_INPUT', ['events', 2, 'userId']);
      expectMetricError(bad({ userId: Number.NaN, at: MARCH_1 }), 'INVALID_INPUT', ['events', 2, 'userId']);
      expectMetricError(bad({ userId: { id: 1 }, at: MARCH_1 }), 'INVALID_INPUT', ['events', 2, 'userId']);
      expectMetricError(bad({ at: MARCH_1 }), 'INVALID_INPUT', ['events', 2, 'userId']);
      expectMetricError(bad({ userId: 'c', at: '2024-03-32' }), 'INVALID_INPUT', ['events', 2, 'at']);
      expectMetricError(bad({ userId: 'c' }), 'INVALID_INPUT', ['events', 2, 'at']);
      expectMetricError(() => stickiness({ events: 'many' as never }), 'INVALID_INPUT', ['events']);
    });

    it('rejects bad options', () => {
      const events = [on('a', 1)];
      expectMetricError(() => stickiness({ events }, { windowDays: 0 }), 'INVALID_INPUT', ['windowDays']);
      expectMetricError(
        () => stickiness({ events }, { windowDays: 367 }),
        'INVALID_INPUT',
        ['windowDays'],
        'at most 366',
      );
      expectMetricError(() => stickiness({ events }, { windowDays: 7.5 }), 'INVALID_INPUT', ['windowDays']);
      expectMetricError(() => stickiness({ events }, { asOf: '31/03/2024' }), 'INVALID_INPUT', ['asOf']);
      expectMetricError(() => stickiness({ events }, { window: 30 } as never), 'INVALID_INPUT', []);
    });

    it('reports no events, or none in the window, as NO_DATA', () => {
      expectMetricError(() => stickiness({ events: [] }), 'NO_DATA', ['events'], 'has no events');
      expectMetricError(
        () => stickiness({ events: [on('a', 1)] }, { asOf: '2024-04-15' }),
        'NO_DATA',
        ['events'],
        'stickiness: events has no events in the 30 days up to 2024-04-15',
      );
    });
  });

  describe('reads each value once', () => {
    it('counts the user id read when the event was checked, whatever a getter answers next', () => {
      const counter = { reads: 0 };
      const shifty = shifting({ userId: 'a', at: MARCH_1 }, 'userId', 'a', 'b', counter);
      // Before the window was counted from the ids read in the one pass, 'b' came in as a second user.
      expect(stickiness({ events: [on('a', 1), shifty] }, { asOf: '2024-03-01', windowDays: 1 })).toBe(1);
      expect(counter.reads).toBe(1);
    });

    it('reads each element of a Proxy array once (an element read again would be undefined)', () => {
      const events = [on('a', 1), on('b', 2), on(7, 2)];
      const seen = new Set<PropertyKey>();
      const once = new Proxy(events, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) {
            if (seen.has(key)) return undefined;
            seen.add(key);
          }
          return Reflect.get(target, key, receiver);
        },
      });
      expect(stickiness({ events: once }, { windowDays: 2 })).toBe(stickiness({ events }, { windowDays: 2 }));
    });

    it('reports a bad event as it was read', () => {
      let reads = 0;
      const shifty = {
        get at() {
          reads++;
          return reads === 1 ? 'soon' : MARCH_1;
        },
        userId: 'a',
      };
      expectMetricError(() => stickiness({ events: [shifty] }), 'INVALID_INPUT', ['events', 0, 'at']);
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen events unchanged', () => {
      const events = Object.freeze([on('b', 2), on('a', 1)].map((event) => Object.freeze(event)));
      const before = JSON.stringify(events);
      expect(stickiness({ events }, { windowDays: 2 })).toBe(0.5);
      expect(JSON.stringify(events)).toBe(before);
    });
  });
});
