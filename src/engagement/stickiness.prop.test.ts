import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActivityEvent, stickiness } from './stickiness.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** The definition, written the plain way: a Set of users per day of the window, and one for the window. */
function reference(events: readonly ActivityEvent[], lastDay: number, windowDays: number) {
  const perDay = new Map<number, Set<string | number>>();
  const everyone = new Set<string | number>();
  for (const event of events) {
    const day = Math.floor((event.at as number) / DAY);
    if (day < lastDay - windowDays + 1 || day > lastDay) continue;
    if (!perDay.has(day)) perDay.set(day, new Set());
    perDay.get(day)?.add(event.userId);
    everyone.add(event.userId);
  }
  let userDays = 0;
  for (const users of perDay.values()) userDays += users.size;
  return { userDays, users: everyone.size };
}

const eventsArb = fc.array(
  fc.record({
    // Small integers, strings (with '1' beside 1) and numbers outside the small-integer table: each kind is
    // counted by its own path, and the kinds never merge.
    userId: fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom('a', 'b', 'c', 'd', '1', '2'),
      fc.constantFrom(2 ** 22, 2 ** 22 + 1, -1, 1.5, 2 ** 40),
    ),
    at: fc.integer({ min: START, max: START + 80 * DAY }),
  }),
  { minLength: 1, maxLength: 300 },
);
const windowArb = fc.integer({ min: 1, max: 70 });
const asOfArb = fc.integer({ min: START + 10 * DAY, max: START + 90 * DAY });

describe('stickiness properties', () => {
  it('equals the per-day Set computation of the definition, exactly', () => {
    fc.assert(
      fc.property(eventsArb, windowArb, asOfArb, (events, windowDays, asOf) => {
        const lastDay = Math.floor(asOf / DAY);
        const { userDays, users } = reference(events, lastDay, windowDays);
        if (users === 0) {
          expect(() => stickiness({ events }, { asOf, windowDays })).toThrow(/no events in the/);
          return;
        }
        expect(stickiness({ events }, { asOf, windowDays })).toBe(userDays / (windowDays * users));
      }),
    );
  });

  it('lies between 1 ÷ windowDays and 1', () => {
    fc.assert(
      fc.property(eventsArb, windowArb, (events, windowDays) => {
        const value = stickiness({ events }, { windowDays });
        expect(value).toBeGreaterThanOrEqual(1 / windowDays);
        expect(value).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not depend on the order of the events', () => {
    fc.assert(
      fc.property(eventsArb, windowArb, fc.integer(), (events, windowDays, seed) => {
        const shuffled = events
          .map((event, i) => ({ event, key: Math.imul(i + 1, 2_654_435_761) ^ seed }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.event);
        expect(stickiness({ events: shuffled }, { windowDays })).toBe(stickiness({ events }, { windowDays }));
      }),
    );
  });

  it('agrees with the counts form fed the average daily and the window actives', () => {
    fc.assert(
      fc.property(eventsArb, windowArb, (events, windowDays) => {
        const lastDay = Math.max(...events.map((event) => Math.floor(event.at / DAY)));
        const { userDays, users } = reference(events, lastDay, windowDays);
        const fromCounts = stickiness({ dailyActiveUsers: userDays / windowDays, monthlyActiveUsers: users });
        expect(stickiness({ events }, { windowDays })).toBeCloseTo(fromCounts, 14);
      }),
    );
  });

  it('gives the same result whatever the date form of `at`', () => {
    fc.assert(
      fc.property(eventsArb, windowArb, (events, windowDays) => {
        const asDates = events.map((event) => ({ userId: event.userId, at: new Date(event.at) }));
        const asStrings = events.map((event) => ({ userId: event.userId, at: new Date(event.at).toISOString() }));
        const expected = stickiness({ events }, { windowDays });
        expect(stickiness({ events: asDates }, { windowDays })).toBe(expected);
        expect(stickiness({ events: asStrings }, { windowDays })).toBe(expected);
      }),
    );
  });
});
