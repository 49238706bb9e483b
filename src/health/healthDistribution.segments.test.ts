import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import type { HealthStatus } from './_lib/bands.js';
import { type HealthAccount, healthDistribution } from './healthDistribution.js';

const account = (status: HealthStatus, csm: string): HealthAccount => ({ status, attributes: { csm } });
const accounts = [
  account('red', 'ana'),
  account('green', 'ben'),
  account('green', 'ana'),
  account('yellow', 'ben'),
  account('green', 'ana'),
  account('red', 'ana'),
];

describe('healthDistribution with segmentBy', () => {
  describe('worked examples', () => {
    it('breaks the portfolio down by customer success manager', () => {
      const result = healthDistribution(accounts, { segmentBy: 'csm' });
      expect(result.total).toEqual(healthDistribution(accounts));
      expect(result.segments).toEqual([
        {
          segment: 'ana',
          size: 4,
          result: {
            total: 4,
            red: { count: 2, share: 0.5 },
            yellow: { count: 0, share: 0 },
            green: { count: 2, share: 0.5 },
          },
          smallSample: true,
        },
        {
          segment: 'ben',
          size: 2,
          result: {
            total: 2,
            red: { count: 0, share: 0 },
            yellow: { count: 1, share: 0.5 },
            green: { count: 1, share: 0.5 },
          },
          smallSample: true,
        },
      ]);
    });

    it('segments bare statuses by a function, or groups them in (none)', () => {
      const statuses: HealthStatus[] = ['red', 'green', 'green'];
      const result = healthDistribution(statuses, {
        segmentBy: (_, index) => (index === 0 ? 'first' : 'rest'),
        minimumSegmentSize: 1,
      });
      expect(result.segments.map((entry) => [entry.segment, entry.size, entry.smallSample])).toEqual([
        ['first', 1, false],
        ['rest', 2, false],
      ]);
      const grouped = healthDistribution([...statuses, ...accounts], { segmentBy: 'csm', missingSegment: 'group' });
      expect(grouped.segments.map((entry) => [entry.segment, entry.size])).toEqual([
        ['ana', 4],
        ['ben', 2],
        ['(none)', 3],
      ]);
    });
  });

  describe('edge cases', () => {
    it('still throws NO_DATA without accounts', () => {
      expectMetricError(() => healthDistribution([], { segmentBy: 'csm' }), 'NO_DATA', []);
    });
  });

  describe('validation', () => {
    it('names an account without the attribute, and a function returning a non-string', () => {
      expectMetricError(() => healthDistribution([...accounts, 'red'], { segmentBy: 'csm' }), 'INVALID_INPUT', [
        6,
        'attributes',
        'csm',
      ]);
      expectMetricError(
        () => healthDistribution(accounts, { segmentBy: () => null as unknown as string }),
        'INVALID_INPUT',
        [0],
        'null',
      );
    });

    it('refuses attributes that are not an object of strings, with or without segments', () => {
      const bad = [{ status: 'red', attributes: { csm: 5 } }] as unknown as HealthAccount[];
      expectMetricError(() => healthDistribution(bad), 'INVALID_INPUT', [0, 'attributes', 'csm']);
      expectMetricError(() => healthDistribution(bad, { segmentBy: 'csm' }), 'INVALID_INPUT', [0, 'attributes', 'csm']);
    });

    it('refuses counts with segmentBy, segment options without it, and unknown options beside it', () => {
      expectMetricError(
        () => healthDistribution({ red: 1, yellow: 2, green: 3 } as never, { segmentBy: 'csm' }),
        'INVALID_INPUT',
        [],
        'carry no segment',
      );
      expectMetricError(() => healthDistribution(accounts, { minimumSegmentSize: 3 } as never), 'INVALID_INPUT', [
        'segmentBy',
      ]);
      expectMetricError(
        () => healthDistribution(accounts, { segmentBy: 'csm', red: 1 } as never),
        'INVALID_INPUT',
        [],
        "unknown key 'red'",
      );
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options', () => {
      const input = deepFreeze(structuredClone(accounts));
      const before = structuredClone(input);
      healthDistribution(input, deepFreeze({ segmentBy: 'csm' }));
      expect(input).toEqual(before);
    });
  });
});
