import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { type CustomerLifetime, cohortRetention } from './cohortRetention.js';

const AS_OF = { asOf: '2024-04-01' };

const customers: CustomerLifetime[] = [
  { id: 1, start: '2024-01-05', end: '2024-02-10', attributes: { channel: 'ads' } },
  { id: 2, start: '2024-01-20', attributes: { channel: 'sales' } },
  { id: 3, start: '2024-01-31', end: '2024-03-15', attributes: { channel: 'sales' } },
  { id: 4, start: '2024-02-03', end: '2024-02-20', attributes: { channel: 'ads' } },
  { id: 5, start: '2024-02-14', attributes: { channel: 'ads' } },
  { id: 6, start: '2024-03-09', attributes: { channel: 'sales' } },
];

describe('cohortRetention with segmentBy', () => {
  describe('worked examples', () => {
    it('splits the table by channel: each segment has its own cohorts', () => {
      const result = cohortRetention({ customers }, { ...AS_OF, segmentBy: 'channel' });
      expect(result.total).toEqual(cohortRetention({ customers }, AS_OF));
      expect(result.segments).toEqual([
        {
          segment: 'ads',
          size: 3,
          result: {
            cohorts: [
              { cohort: '2024-01', start: '2024-01-01', size: 1, active: [1, 0, 0], retention: [1, 0, 0] },
              { cohort: '2024-02', start: '2024-02-01', size: 2, active: [1, 1], retention: [0.5, 0.5] },
            ],
            average: [2 / 3, 1 / 3, 0],
          },
          smallSample: true,
        },
        {
          segment: 'sales',
          size: 3,
          result: {
            cohorts: [
              { cohort: '2024-01', start: '2024-01-01', size: 2, active: [2, 2, 1], retention: [1, 1, 0.5] },
              { cohort: '2024-03', start: '2024-03-01', size: 1, active: [1], retention: [1] },
            ],
            average: [1, 1, 0.5],
          },
          smallSample: true,
        },
      ]);
    });

    it('takes a function of the customer and a smaller minimumSegmentSize', () => {
      const result = cohortRetention(
        { customers },
        {
          ...AS_OF,
          period: 'quarter',
          segmentBy: (customer) => (customer.end === undefined ? 'open' : 'ended'),
          minimumSegmentSize: 3,
        },
      );
      expect(result.segments.map((entry) => [entry.segment, entry.size, entry.smallSample])).toEqual([
        ['ended', 3, false],
        ['open', 3, false],
      ]);
    });
  });

  describe('edge cases', () => {
    it('lists a segment whose customers all start after asOf with an empty table and size 0', () => {
      const later = [...customers, { id: 9, start: '2024-05-01', attributes: { channel: 'partner' } }];
      const result = cohortRetention({ customers: later }, { ...AS_OF, segmentBy: 'channel' });
      expect(result.segments[1]).toEqual({
        segment: 'partner',
        size: 0,
        result: { cohorts: [], average: [] },
        smallSample: true,
      });
      expect(result.total).toEqual(cohortRetention({ customers: later }, AS_OF));
    });

    it("groups customers without the attribute in '(none)', and accepts an empty list", () => {
      const mixed = [...customers, { id: 7, start: '2024-01-02' }];
      const result = cohortRetention({ customers: mixed }, { ...AS_OF, segmentBy: 'channel', missingSegment: 'group' });
      expect(result.segments.map((entry) => [entry.segment, entry.size])).toEqual([
        ['ads', 3],
        ['sales', 3],
        ['(none)', 1],
      ]);
      expect(cohortRetention({ customers: [] }, { ...AS_OF, segmentBy: 'channel' })).toEqual({
        total: { cohorts: [], average: [] },
        segments: [],
      });
    });

    it('agrees with the unsegmented call on each segment, by week', () => {
      const options = { asOf: '2024-04-01', period: 'week' as const };
      expectSegmentsOf(
        cohortRetention({ customers }, { ...options, segmentBy: 'channel' }),
        customers,
        (customer) => customer.attributes?.channel ?? '(none)',
        (subset) => cohortRetention({ customers: subset }, options),
        (subset) => subset.length,
        30,
      );
    });
  });

  describe('validation', () => {
    it('names a customer without the attribute, and a function that fails', () => {
      const missing = [...customers, { id: 8, start: '2024-01-02' }];
      expectMetricError(
        () => cohortRetention({ customers: missing }, { ...AS_OF, segmentBy: 'channel' }),
        'INVALID_INPUT',
        ['customers', 6, 'attributes', 'channel'],
      );
      expectMetricError(
        () => cohortRetention({ customers }, { ...AS_OF, segmentBy: () => '' }),
        'INVALID_INPUT',
        ['customers', 0],
        'non-empty string',
      );
    });

    it('refuses bad attributes and segment options without segmentBy', () => {
      const bad = [{ id: 1, start: '2024-01-01', attributes: { channel: null } }] as unknown as CustomerLifetime[];
      expectMetricError(() => cohortRetention({ customers: bad }, AS_OF), 'INVALID_INPUT', [
        'customers',
        0,
        'attributes',
        'channel',
      ]);
      expectMetricError(
        () => cohortRetention({ customers }, { ...AS_OF, missingSegment: 'group' } as unknown as typeof AS_OF),
        'INVALID_INPUT',
        ['missingSegment'],
      );
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options', () => {
      const input = deepFreeze({ customers: structuredClone(customers) });
      const before = structuredClone(input);
      cohortRetention(input, deepFreeze({ ...AS_OF, segmentBy: 'channel' }));
      expect(input).toEqual(before);
    });
  });
});
