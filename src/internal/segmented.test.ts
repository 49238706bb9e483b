import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { MetricError } from '../errors.js';
import { noData } from './parse.js';
import { checkSegmentOptions, groupSegments, isAttributes, segmentEntries, segmentIndexes } from './segmented.js';
import { NO_SEGMENT } from './segments.js';

describe('groupSegments', () => {
  it('groups record indexes by segment, in record order', () => {
    const records = [
      { attributes: { plan: 'pro' } },
      { attributes: { plan: 'basic' } },
      {},
      { attributes: { plan: 'pro' } },
    ];
    const groups = groupSegments('m', 'customers', records, { segmentBy: 'plan', missingSegment: 'group' });
    expect(groups.ids.names).toEqual(['pro', 'basic', NO_SEGMENT]);
    expect([...groups.segmentOf]).toEqual([0, 1, 2, 0]);
    expect([...groups.offsets]).toEqual([0, 2, 3, 4]);
    expect([...segmentIndexes(groups)]).toEqual([0, 3, 1, 2]);
  });

  it('names the record at the input itself when there is no field', () => {
    expectMetricError(() => groupSegments('m', undefined, ['red'], { segmentBy: 'plan' }), 'INVALID_INPUT', [
      0,
      'attributes',
      'plan',
    ]);
    expectMetricError(
      () =>
        groupSegments('m', undefined, ['red'], {
          segmentBy: () => {
            throw new Error('x');
          },
        }),
      'INVALID_INPUT',
      [0],
    );
  });

  it('reads an array-like through its own iterator', () => {
    const records = {
      length: 2,
      *[Symbol.iterator]() {
        yield 'a';
        yield 'b';
      },
    };
    const groups = groupSegments('m', 'tickets', records, { segmentBy: (record: unknown) => String(record) });
    expect(groups.ids.names).toEqual(['a', 'b']);
  });
});

describe('segmentEntries', () => {
  it('lists segments by name, a NO_DATA result as null, and flags small ones', () => {
    const groups = groupSegments('m', 'r', ['b', 'a', 'b'], { segmentBy: (record: unknown) => String(record) });
    const entries = segmentEntries(
      groups.ids,
      2,
      (s) => (groups.offsets[s + 1] as number) - (groups.offsets[s] as number),
      (s) => (groups.ids.names[s] === 'a' ? noData('m', [], 'is empty') : 'ok'),
    );
    expect(entries).toEqual([
      { segment: 'a', size: 1, result: null, smallSample: true },
      { segment: 'b', size: 2, result: 'ok', smallSample: false },
    ]);
  });

  it('lets other errors through', () => {
    const groups = groupSegments('m', 'r', ['a'], { segmentBy: (record: unknown) => String(record) });
    expect(() =>
      segmentEntries(
        groups.ids,
        1,
        () => 1,
        () => {
          throw new MetricError('m', 'INVALID_INPUT', []);
        },
      ),
    ).toThrow(MetricError);
  });
});

describe('checkSegmentOptions', () => {
  it('refuses segment options without segmentBy', () => {
    expect(() => checkSegmentOptions('m', { segmentBy: 'plan', minimumSegmentSize: 3 })).not.toThrow();
    expect(() => checkSegmentOptions('m', {})).not.toThrow();
    expectMetricError(() => checkSegmentOptions('m', { missingSegment: 'group' }), 'INVALID_INPUT', ['missingSegment']);
  });
});

describe('isAttributes', () => {
  it('accepts plain objects of strings only', () => {
    expect(isAttributes({ plan: 'pro' })).toBe(true);
    expect(isAttributes(Object.create(null))).toBe(true);
    expect(isAttributes({ plan: 1 })).toBe(false);
    expect(isAttributes(['pro'])).toBe(false);
    expect(isAttributes(new Date(0))).toBe(false);
    expect(isAttributes(null)).toBe(false);
    expect(isAttributes({ [Symbol('s')]: 'x' })).toBe(false);
  });
});
