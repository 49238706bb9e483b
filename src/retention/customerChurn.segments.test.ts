import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { type CustomerLifetime, customerChurn } from './customerChurn.js';

const MARCH = { from: '2024-03-01', to: '2024-04-01' };

/** `count` customers of one plan with ids `prefix-0…`, from `start` to `end` (if given). */
function many(prefix: string, plan: string, count: number, start: string, end?: string): CustomerLifetime[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    start,
    ...(end === undefined ? {} : { end }),
    attributes: { plan },
  }));
}

const customers: CustomerLifetime[] = [
  ...many('pro-stay', 'pro', 38, '2023-06-01'),
  ...many('pro-leave', 'pro', 2, '2023-06-01', '2024-03-10'),
  ...many('basic-stay', 'basic', 7, '2023-09-01'),
  ...many('basic-leave', 'basic', 3, '2023-09-01', '2024-03-20'),
  ...many('basic-new', 'basic', 2, '2024-03-05', '2024-03-25'),
];

describe('customerChurn with segmentBy', () => {
  describe('worked examples', () => {
    it('breaks churn down by plan: 40 pro customers lose 2 (5 %), 10 basic lose 3 and 2 new (50 %)', () => {
      const result = customerChurn({ customers, period: MARCH }, { segmentBy: 'plan' });
      expect(result.total).toEqual(customerChurn({ customers, period: MARCH }));
      expect(result.total.churnRate).toBe(7 / 50);
      expect(result.segments).toEqual([
        {
          segment: 'basic',
          size: 10,
          result: {
            customersAtStart: 10,
            customersLost: 5,
            newCustomers: 2,
            customersAtEnd: 7,
            customersRetained: 7,
            newCustomersLost: 2,
            churnRate: 0.5,
            retentionRate: 0.7,
          },
          smallSample: true,
        },
        {
          segment: 'pro',
          size: 40,
          result: {
            customersAtStart: 40,
            customersLost: 2,
            newCustomers: 0,
            customersAtEnd: 38,
            customersRetained: 38,
            newCustomersLost: 0,
            churnRate: 0.05,
            retentionRate: 0.95,
          },
          smallSample: false,
        },
      ]);
    });

    it('applies the policy to every segment and takes a function of the customer', () => {
      const result = customerChurn(
        { customers, period: MARCH },
        {
          segmentBy: (customer) => (String(customer.id).includes('leave') ? 'leavers' : 'others'),
          newCustomerChurn: 'exclude',
        },
      );
      expect(result.segments.map((entry) => [entry.segment, entry.result?.churnRate])).toEqual([
        ['leavers', 1],
        ['others', 0],
      ]);
      expect(result.total.churnRate).toBe(0.1);
    });

    it('honours minimumSegmentSize', () => {
      const result = customerChurn({ customers, period: MARCH }, { segmentBy: 'plan', minimumSegmentSize: 10 });
      expect(result.segments.map((entry) => entry.smallSample)).toEqual([false, false]);
    });
  });

  describe('edge cases', () => {
    it('lists a segment with nobody at the start with result null, size 0', () => {
      const withTrial = [...customers, { id: 'trial', start: '2024-03-15', attributes: { plan: 'trial' } }];
      const result = customerChurn({ customers: withTrial, period: MARCH }, { segmentBy: 'plan' });
      expect(result.segments[2]).toEqual({ segment: 'trial', size: 0, result: null, smallSample: true });
    });

    it("groups customers without the attribute in '(none)', listed last", () => {
      const mixed = [...customers, { id: 'x', start: '2023-01-01' }, { id: 'y', start: '2023-01-01', attributes: {} }];
      const result = customerChurn({ customers: mixed, period: MARCH }, { segmentBy: 'plan', missingSegment: 'group' });
      expect(result.segments.map((entry) => [entry.segment, entry.size])).toEqual([
        ['basic', 10],
        ['pro', 40],
        ['(none)', 2],
      ]);
    });

    it('still throws NO_DATA when the total has nobody at the start, and for an empty list', () => {
      expectMetricError(
        () => customerChurn({ customers: many('n', 'pro', 2, '2024-03-05'), period: MARCH }, { segmentBy: 'plan' }),
        'NO_DATA',
        ['customers'],
      );
      expectMetricError(() => customerChurn({ customers: [], period: MARCH }, { segmentBy: 'plan' }), 'NO_DATA', [
        'customers',
      ]);
    });

    it('agrees with the unsegmented call on each segment', () => {
      const result = customerChurn({ customers, period: MARCH }, { segmentBy: 'plan', newCustomerChurn: 'both' });
      expectSegmentsOf(
        result,
        customers,
        (customer) => customer.attributes?.plan ?? '(none)',
        (subset) => customerChurn({ customers: subset, period: MARCH }, { newCustomerChurn: 'both' }),
        (subset) => customerChurn({ customers: subset, period: MARCH }).customersAtStart,
        30,
      );
    });
  });

  describe('validation', () => {
    it('names a customer without the attribute', () => {
      const missing = [...customers.slice(0, 3), { id: 'x', start: '2023-01-01', attributes: { region: 'EU' } }];
      expectMetricError(
        () => customerChurn({ customers: missing, period: MARCH }, { segmentBy: 'plan' }),
        'INVALID_INPUT',
        ['customers', 3, 'attributes', 'plan'],
        'missingSegment',
      );
    });

    it("reports a function's throw or a non-string at the customer's index", () => {
      expectMetricError(
        () =>
          customerChurn(
            { customers, period: MARCH },
            {
              segmentBy: (_, index) => {
                if (index === 4) throw new Error('no plan');
                return 'a';
              },
            },
          ),
        'INVALID_INPUT',
        ['customers', 4],
        'no plan',
      );
      expectMetricError(
        () => customerChurn({ customers, period: MARCH }, { segmentBy: () => 7 as unknown as string }),
        'INVALID_INPUT',
        ['customers', 0],
      );
    });

    it('refuses attributes that are not an object of strings', () => {
      const bad = [{ id: 'a', start: '2023-01-01', attributes: { plan: 3 } }] as unknown as CustomerLifetime[];
      expectMetricError(() => customerChurn({ customers: bad, period: MARCH }), 'INVALID_INPUT', [
        'customers',
        0,
        'attributes',
        'plan',
      ]);
      const array = [{ id: 'a', start: '2023-01-01', attributes: ['pro'] }] as unknown as CustomerLifetime[];
      expectMetricError(() => customerChurn({ customers: array, period: MARCH }), 'INVALID_INPUT', [
        'customers',
        0,
        'attributes',
      ]);
    });

    it('refuses bad segment options, and segment options without segmentBy', () => {
      const input = { customers, period: MARCH };
      expectMetricError(() => customerChurn(input, { segmentBy: '' }), 'INVALID_INPUT', ['segmentBy']);
      expectMetricError(() => customerChurn(input, { segmentBy: 'plan', minimumSegmentSize: -1 }), 'INVALID_INPUT', [
        'minimumSegmentSize',
      ]);
      expectMetricError(
        () => customerChurn(input, { segmentBy: 'plan', missingSegment: 'drop' as 'group' }),
        'INVALID_INPUT',
        ['missingSegment'],
      );
      expectMetricError(
        () => customerChurn(input, { minimumSegmentSize: 5 } as unknown as { segmentBy: string }),
        'INVALID_INPUT',
        ['minimumSegmentSize'],
        'segmentBy',
      );
    });
  });

  describe('does not mutate input', () => {
    it('accepts frozen input and options', () => {
      const input = deepFreeze({ customers: structuredClone(customers), period: MARCH });
      const before = structuredClone(input);
      customerChurn(input, deepFreeze({ segmentBy: 'plan' }));
      expect(input).toEqual(before);
    });
  });
});
