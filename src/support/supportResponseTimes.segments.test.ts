import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { type SupportTicket, supportResponseTimes } from './supportResponseTimes.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 2, 4, 9);

/** A ticket of `channel` created at T0 + `created` minutes, answered and resolved after the given minutes. */
function ticket(channel: string, created: number, response?: number, resolution?: number): SupportTicket {
  const createdAt = T0 + created * MINUTE;
  return {
    createdAt,
    ...(response === undefined ? {} : { firstResponseAt: createdAt + response * MINUTE }),
    ...(resolution === undefined ? {} : { resolvedAt: createdAt + resolution * MINUTE }),
    attributes: { channel },
  };
}

// Chat answers in 1, 2, 3 minutes and resolves in 10 and 20; email answers in 60 and 120 minutes, resolves one
// in 240, and one email is still waiting.
const tickets = [
  ticket('chat', 0, 1, 10),
  ticket('email', 0, 60, 240),
  ticket('chat', 5, 2, 20),
  ticket('email', 10, 120),
  ticket('chat', 15, 3),
  ticket('email', 20),
];

describe('supportResponseTimes with segmentBy', () => {
  describe('worked examples', () => {
    it('breaks the times down by channel', () => {
      const result = supportResponseTimes({ tickets }, { unit: 'minute', segmentBy: 'channel' });
      expect(result.total).toEqual(supportResponseTimes({ tickets }, { unit: 'minute' }));
      expect(result.segments).toEqual([
        {
          segment: 'chat',
          size: 3,
          result: {
            tickets: 3,
            firstResponse: { count: 3, mean: 2, median: 2, p90: 2.8 },
            resolution: { count: 2, mean: 15, median: 15, p90: 19 },
            awaitingResponse: 0,
            resolvedWithoutResponse: 0,
            unresolved: 1,
            unit: 'minute',
          },
          smallSample: true,
        },
        {
          segment: 'email',
          size: 3,
          result: {
            tickets: 3,
            firstResponse: { count: 2, mean: 90, median: 90, p90: 114 },
            resolution: { count: 1, mean: 240, median: 240, p90: 240 },
            awaitingResponse: 1,
            resolvedWithoutResponse: 0,
            unresolved: 2,
            unit: 'minute',
          },
          smallSample: true,
        },
      ]);
    });

    it('takes a function of the ticket and minimumSegmentSize', () => {
      const result = supportResponseTimes(
        { tickets },
        { segmentBy: (t) => (t.resolvedAt === undefined ? 'open' : 'resolved'), minimumSegmentSize: 3 },
      );
      expect(result.segments.map((entry) => [entry.segment, entry.size, entry.smallSample])).toEqual([
        ['open', 3, false],
        ['resolved', 3, false],
      ]);
    });
  });

  describe('edge cases', () => {
    it("counts a ticket resolved without a response in its own segment, and groups tickets without the attribute in '(none)'", () => {
      const more = [...tickets, { createdAt: T0, resolvedAt: T0 + 5 * MINUTE }];
      const result = supportResponseTimes({ tickets: more }, { segmentBy: 'channel', missingSegment: 'group' });
      const none = result.segments[2];
      expect(none?.segment).toBe('(none)');
      expect(none?.result?.resolvedWithoutResponse).toBe(1);
      expect(none?.result?.firstResponse).toEqual({ count: 0, mean: null, median: null, p90: null });
      expectSegmentsOf(
        result,
        more,
        (t) => t.attributes?.channel ?? '(none)',
        (subset) => supportResponseTimes({ tickets: subset }),
        (subset) => subset.length,
        30,
      );
    });

    it('still throws NO_DATA without tickets', () => {
      expectMetricError(() => supportResponseTimes({ tickets: [] }, { segmentBy: 'channel' }), 'NO_DATA', ['tickets']);
    });
  });

  describe('validation', () => {
    it('names a ticket without the attribute, and a function that throws', () => {
      expectMetricError(
        () => supportResponseTimes({ tickets: [...tickets, { createdAt: T0 }] }, { segmentBy: 'channel' }),
        'INVALID_INPUT',
        ['tickets', 6, 'attributes', 'channel'],
      );
      expectMetricError(
        () =>
          supportResponseTimes(
            { tickets },
            {
              segmentBy: (_, index) => {
                if (index === 2) throw new Error('no channel');
                return 'x';
              },
            },
          ),
        'INVALID_INPUT',
        ['tickets', 2],
        'no channel',
      );
    });

    it('refuses attributes that are not an object of strings, before reading segments', () => {
      const bad = [{ createdAt: T0, attributes: { channel: 1 } }] as unknown as SupportTicket[];
      expectMetricError(() => supportResponseTimes({ tickets: bad }, { segmentBy: 'channel' }), 'INVALID_INPUT', [
        'tickets',
        0,
        'attributes',
        'channel',
      ]);
      expectMetricError(
        () => supportResponseTimes({ tickets }, { minimumSegmentSize: 2 } as unknown as { segmentBy: string }),
        'INVALID_INPUT',
        ['minimumSegmentSize'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options', () => {
      const input = deepFreeze({ tickets: structuredClone(tickets) });
      const before = structuredClone(input);
      supportResponseTimes(input, deepFreeze({ segmentBy: 'channel' }));
      expect(input).toEqual(before);
    });
  });
});
