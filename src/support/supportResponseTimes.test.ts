import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { shifting } from '../../test/support/adversary.js';
import { type SupportTicket, supportResponseTimes } from './supportResponseTimes.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 2, 4, 9); // 2024-03-04T09:00:00Z

/** A ticket created at T0 + `created` minutes, answered and resolved after the given minutes (or not). */
function ticket(created: number, response?: number, resolution?: number): SupportTicket {
  const createdAt = T0 + created * MINUTE;
  return {
    createdAt,
    ...(response === undefined ? {} : { firstResponseAt: createdAt + response * MINUTE }),
    ...(resolution === undefined ? {} : { resolvedAt: createdAt + resolution * MINUTE }),
  };
}

describe('supportResponseTimes', () => {
  describe('worked examples', () => {
    // docs/sources.md row 27, document 004: "first time to response" and "full time for resolution".
    // The document gives no figures, so these are computed by hand. First responses after 15, 20, 35, 40
    // and 50 minutes: mean 32; median the 3rd value, 35; p90 at rank h = 4 · 0.9 = 3.6, between the 4th
    // (40) and 5th (50): 40 + 0.6 · 10 = 46 (numpy.percentile(..., 90) and Excel's PERCENTILE.INC give 46).
    // Resolutions after 1, 2, 4 and 8 hours of four of them: mean 3.75; median at h = 1.5: 2 + 0.5 · 2 = 3;
    // p90 at h = 2.7: 4 + 0.7 · 4 = 6.8.
    it('summarises first response and resolution times (document 004)', () => {
      const tickets = [ticket(0, 50, 480), ticket(5, 15, 60), ticket(30, 40), ticket(60, 20, 240), ticket(90, 35, 120)];
      const result = supportResponseTimes({ tickets }, { unit: 'minute' });
      expect(result.firstResponse).toEqual({ count: 5, mean: 32, median: 35, p90: 46 });
      expect(supportResponseTimes({ tickets }).resolution).toEqual({ count: 4, mean: 3.75, median: 3, p90: 6.8 });
      expect(result.tickets).toBe(5);
      expect(result.unresolved).toBe(1);
      expect(result.awaitingResponse).toBe(0);
      expect(result.unit).toBe('minute');
    });

    it('the p90 of 1…10 hours is 9.1 hours (numpy and Excel PERCENTILE.INC: 9.1)', () => {
      const tickets = [3, 10, 7, 1, 9, 2, 8, 4, 6, 5].map((hours) => ticket(0, hours * 60));
      const { firstResponse } = supportResponseTimes({ tickets });
      expect(firstResponse).toEqual({ count: 10, mean: 5.5, median: 5.5, p90: 9.1 });
    });

    // Zendesk, "About native Support time duration metrics": first reply time runs from creation to the first
    // public agent reply, even when the ticket was solved without a reply first and answered after being
    // reopened. Such a ticket has both times, the resolution before the response.
    it('accepts a resolution before the first response (solved, reopened, then answered)', () => {
      const result = supportResponseTimes({ tickets: [ticket(0, 120, 30)] }, { unit: 'minute' });
      expect(result.firstResponse.mean).toBe(120);
      expect(result.resolution.mean).toBe(30);
    });

    it('matches the example of its documentation', () => {
      const times = supportResponseTimes({
        tickets: [
          {
            createdAt: '2024-03-04T09:00:00Z',
            firstResponseAt: '2024-03-04T09:30:00Z',
            resolvedAt: '2024-03-04T11:00:00Z',
          },
          {
            createdAt: '2024-03-04T10:00:00Z',
            firstResponseAt: '2024-03-04T12:00:00Z',
            resolvedAt: '2024-03-05T10:00:00Z',
          },
          { createdAt: '2024-03-04T11:00:00Z' },
        ],
      });
      expect(times).toEqual({
        tickets: 3,
        firstResponse: { count: 2, mean: 1.25, median: 1.25, p90: 1.85 },
        resolution: { count: 2, mean: 13, median: 13, p90: 21.8 },
        awaitingResponse: 1,
        resolvedWithoutResponse: 0,
        unresolved: 1,
        unit: 'hour',
      });
    });
  });

  describe('edge cases', () => {
    it('counts open tickets instead of dropping them or taking them as zero', () => {
      const tickets = [ticket(0, 60, 120), ticket(0), ticket(0, undefined, 90), ticket(0, 30)];
      const result = supportResponseTimes({ tickets });
      expect(result.firstResponse).toEqual({ count: 2, mean: 0.75, median: 0.75, p90: 0.95 });
      expect(result.resolution).toEqual({ count: 2, mean: 1.75, median: 1.75, p90: 1.95 });
      expect(result.awaitingResponse).toBe(1);
      expect(result.resolvedWithoutResponse).toBe(1);
      expect(result.unresolved).toBe(2);
      expect(result.firstResponse.count + result.awaitingResponse + result.resolvedWithoutResponse).toBe(4);
    });

    it('reports null statistics, not NaN, for a group with no tickets', () => {
      const result = supportResponseTimes({ tickets: [ticket(0), ticket(10)] });
      expect(result.firstResponse).toEqual({ count: 0, mean: null, median: null, p90: null });
      expect(result.resolution).toEqual({ count: 0, mean: null, median: null, p90: null });
      expect(result.awaitingResponse).toBe(2);
      expect(result.unresolved).toBe(2);
    });

    it('treats null like an absent date', () => {
      const result = supportResponseTimes({ tickets: [{ createdAt: T0, firstResponseAt: null, resolvedAt: null }] });
      expect(result.awaitingResponse).toBe(1);
      expect(result.firstResponse.count).toBe(0);
      const explicit = supportResponseTimes({ tickets: [{ createdAt: T0, firstResponseAt: undefined }] });
      expect(explicit.awaitingResponse).toBe(1);
    });

    it('accepts ISO strings with offsets, Dates and epoch milliseconds, mixed', () => {
      const tickets: SupportTicket[] = [
        { createdAt: '2024-03-04T10:00:00+01:00', firstResponseAt: new Date('2024-03-04T09:45:00Z') },
        { createdAt: new Date(T0), firstResponseAt: T0 + 15 * MINUTE },
        { createdAt: '2024-03-04', firstResponseAt: '2024-03-04T00:45:00.000Z', resolvedAt: '2024-03-05' },
      ];
      const result = supportResponseTimes({ tickets }, { unit: 'minute' });
      expect(result.firstResponse).toEqual({ count: 3, mean: 35, median: 45, p90: 45 });
      expect(result.resolution.mean).toBe(1440);
    });

    it('converts to every unit exactly', () => {
      const tickets = [ticket(0, 90), ticket(0, 30)];
      const mean = (unit: 'ms' | 'second' | 'minute' | 'hour' | 'day' | 'week') =>
        supportResponseTimes({ tickets }, { unit }).firstResponse.mean;
      expect(mean('ms')).toBe(60 * MINUTE);
      expect(mean('second')).toBe(3600);
      expect(mean('minute')).toBe(60);
      expect(mean('hour')).toBe(1);
      expect(mean('day')).toBe(1 / 24);
      expect(mean('week')).toBe(1 / 168);
    });

    it('keeps millisecond precision and zero durations', () => {
      const tickets = [
        { createdAt: '2024-03-04T09:00:00.001Z', firstResponseAt: '2024-03-04T09:00:00.001Z' },
        { createdAt: '2024-03-04T09:00:00.000Z', firstResponseAt: '2024-03-04T09:00:00.250Z' },
      ];
      const { firstResponse } = supportResponseTimes({ tickets }, { unit: 'ms' });
      expect(firstResponse).toEqual({ count: 2, mean: 125, median: 125, p90: 225 });
    });

    it('agrees with a sort-based computation on many tickets', () => {
      const tickets: SupportTicket[] = [];
      let seed = 1;
      const next = () => {
        seed = (seed * 48_271) % 2_147_483_647;
        return seed / 2_147_483_647;
      };
      for (let i = 0; i < 20_000; i++) {
        const created = T0 + Math.floor(next() * 1e9);
        tickets.push(
          next() < 0.8
            ? { createdAt: created, firstResponseAt: created + Math.floor(next() * 1e7) }
            : { createdAt: created },
        );
      }
      const responses = tickets
        .filter((t) => t.firstResponseAt !== undefined)
        .map((t) => (t.firstResponseAt as number) - (t.createdAt as number));
      const sorted = Float64Array.from(responses).sort();
      const at = (p: number) => {
        const h = (sorted.length - 1) * p;
        const l = Math.floor(h);
        return (sorted[l] as number) + (h - l) * ((sorted[l + 1] as number) - (sorted[l] as number));
      };
      const result = supportResponseTimes({ tickets }, { unit: 'ms' });
      expect(result.firstResponse.count).toBe(responses.length);
      expect(result.firstResponse.median).toBe(at(0.5));
      expect(result.firstResponse.p90).toBeCloseTo(at(0.9), 6);
      expect(result.firstResponse.mean).toBeCloseTo(responses.reduce((a, b) => a + b, 0) / responses.length, 6);
      expect(result.awaitingResponse).toBe(tickets.length - responses.length);
    });
  });

  describe('validation', () => {
    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'supportResponseTimes',
        () => supportResponseTimes({ tickets: [{ createdAt: 0 }] }, { units: 'day' } as never),
        'units',
      );
    });

    it('rejects a missing or non-array tickets field, and unknown keys', () => {
      expectMetricError(() => supportResponseTimes({} as never), 'INVALID_INPUT', ['tickets'], 'tickets is required');
      expectMetricError(
        () => supportResponseTimes({ tickets: 'x' } as never),
        'INVALID_INPUT',
        ['tickets'],
        'tickets must be an array of tickets, not the string "x"',
      );
      expectMetricError(() => supportResponseTimes(null as never), 'INVALID_INPUT', []);
      expectMetricError(() => supportResponseTimes({ tickets: [], other: 1 } as never), 'INVALID_INPUT', []);
    });

    it('names the ticket that is not an object, or has an unknown key', () => {
      expectMetricError(() => supportResponseTimes({ tickets: [ticket(0), 5] as never }), 'INVALID_INPUT', [
        'tickets',
        1,
      ]);
      expectMetricError(() => supportResponseTimes({ tickets: [null] as never }), 'INVALID_INPUT', ['tickets', 0]);
      expectMetricError(
        () => supportResponseTimes({ tickets: new Float64Array([1]) as never }),
        'INVALID_INPUT',
        ['tickets', 0],
        'must be an object',
      );
      const error = expectMetricError(
        () => supportResponseTimes({ tickets: [ticket(0), { createdAt: T0, firstResponsedAt: T0 }] as never }),
        'INVALID_INPUT',
        ['tickets', 1],
        "unknown key 'firstResponsedAt'",
      );
      expect(error.issues[0]?.code).toBe('unrecognized_keys');
    });

    it('names the field of a date that is not valid', () => {
      const bad = (record: unknown) => () => supportResponseTimes({ tickets: [ticket(0), ticket(1), record] as never });
      expectMetricError(bad({ createdAt: '2024-02-30' }), 'INVALID_INPUT', ['tickets', 2, 'createdAt'], 'ISO date');
      expectMetricError(bad({}), 'INVALID_INPUT', ['tickets', 2, 'createdAt'], 'is required');
      expectMetricError(bad({ createdAt: new Date(Number.NaN) }), 'INVALID_INPUT', ['tickets', 2, 'createdAt']);
      expectMetricError(bad({ createdAt: Number.NaN }), 'INVALID_INPUT', ['tickets', 2, 'createdAt']);
      expectMetricError(bad({ createdAt: T0, firstResponseAt: 'soon' }), 'INVALID_INPUT', [
        'tickets',
        2,
        'firstResponseAt',
      ]);
      expectMetricError(bad({ createdAt: T0, resolvedAt: Number.POSITIVE_INFINITY }), 'INVALID_INPUT', [
        'tickets',
        2,
        'resolvedAt',
      ]);
    });

    it('rejects a response or resolution before the creation, naming the ticket', () => {
      const tickets = Array.from({ length: 13 }, (_, i) => ticket(i, 5, 10));
      tickets[12] = { createdAt: T0, firstResponseAt: T0 - 1 };
      expectMetricError(
        () => supportResponseTimes({ tickets }),
        'INVALID_INPUT',
        ['tickets', 12, 'firstResponseAt'],
        'supportResponseTimes: tickets[12].firstResponseAt must not be before createdAt',
      );
      tickets[12] = { createdAt: '2024-03-04T09:00:00Z', resolvedAt: '2024-03-04T08:59:59Z' };
      expectMetricError(
        () => supportResponseTimes({ tickets }),
        'INVALID_INPUT',
        ['tickets', 12, 'resolvedAt'],
        'must not be before createdAt',
      );
    });

    it('rejects a bad unit or an unknown option', () => {
      expectMetricError(
        () => supportResponseTimes({ tickets: [ticket(0)] }, { unit: 'month' as never }),
        'INVALID_INPUT',
        ['unit'],
        "must be one of 'ms', 'second', 'minute', 'hour', 'day', 'week'",
      );
      expectMetricError(
        () => supportResponseTimes({ tickets: [ticket(0)] }, { units: 'hour' } as never),
        'INVALID_INPUT',
        [],
      );
    });

    it('reports no tickets as NO_DATA', () => {
      expectMetricError(() => supportResponseTimes({ tickets: [] }), 'NO_DATA', ['tickets'], 'has no tickets');
    });
  });

  describe('reads each value once', () => {
    it('reports a bad date as it was read, not as a getter answers next', () => {
      const created = shifting({ createdAt: 0 }, 'createdAt', 'soon', 0);
      expectMetricError(() => supportResponseTimes({ tickets: [created] }), 'INVALID_INPUT', [
        'tickets',
        0,
        'createdAt',
      ]);
      for (const key of ['firstResponseAt', 'resolvedAt']) {
        const ticket = shifting({ createdAt: 0, [key]: MINUTE }, key, 'soon', MINUTE);
        expectMetricError(() => supportResponseTimes({ tickets: [ticket] }), 'INVALID_INPUT', ['tickets', 0, key]);
      }
    });
  });

  describe('does not mutate input', () => {
    it('leaves frozen tickets and their order unchanged', () => {
      const tickets = Object.freeze([ticket(0, 50), ticket(1, 10), ticket(2, 30)].map((t) => Object.freeze(t)));
      const before = JSON.stringify(tickets);
      expect(supportResponseTimes({ tickets }).firstResponse.median).toBe(0.5);
      expect(JSON.stringify(tickets)).toBe(before);
    });
  });
});
