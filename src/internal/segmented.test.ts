import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { MetricError } from '../errors.js';
import { noData } from './parse.js';
import {
  checkSegmentOptions,
  isAttributes,
  SegmentCollector,
  segmentCollector,
  type SegmentGroups,
  segmentEntries,
  segmentIndexes,
} from './segmented.js';
import { NO_SEGMENT } from './segments.js';

/** What a family's checked pass does: each record's attributes checked (and seen) once, then the record added. */
function groupSegments(
  metric: string,
  field: string | undefined,
  records: readonly unknown[],
  options: ConstructorParameters<typeof SegmentCollector>[3],
): SegmentGroups {
  const collector = new SegmentCollector(metric, field, records.length, options);
  records.forEach((record, i) => {
    const attributes =
      typeof record === 'object' && record !== null ? (record as { attributes?: unknown }).attributes : undefined;
    if (attributes !== undefined) expect(isAttributes(attributes, collector.seen)).toBe(true);
    collector.add(record, i);
  });
  return collector.groups();
}

describe('SegmentCollector', () => {
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

  it('takes the attribute as the check saw it, without reading the record again', () => {
    const collector = new SegmentCollector('m', 'customers', 2, { segmentBy: 'plan' });
    let reads = 0;
    const record = {
      get attributes() {
        reads++;
        return { plan: reads === 1 ? 'pro' : 'other' };
      },
    };
    expect(isAttributes(record.attributes, collector.seen)).toBe(true);
    collector.add(record, 0);
    // A record whose attributes lack the key does not inherit the previous record's value.
    expect(isAttributes({ region: 'EU' }, collector.seen)).toBe(true);
    expectMetricError(() => collector.add({}, 1), 'INVALID_INPUT', ['customers', 1, 'attributes', 'plan']);
    expect(reads).toBe(1);
    expect(collector.groups().ids.names).toEqual(['pro']);
  });

  it('calls a segmentBy function with the record', () => {
    const groups = groupSegments('m', 'tickets', [{ t: 'a' }, { t: 'b' }], {
      segmentBy: (record: unknown) => (record as { t: string }).t,
    });
    expect(groups.ids.names).toEqual(['a', 'b']);
    expect([...groups.offsets]).toEqual([0, 1, 2]);
  });
});

describe('segmentCollector', () => {
  it('is a collector only when the options name a segment', () => {
    expect(segmentCollector('m', 'customers', 2, {})).toBeUndefined();
    const collector = segmentCollector('m', 'customers', 1, { segmentBy: 'plan', missingSegment: 'group' });
    expect(collector).toBeInstanceOf(SegmentCollector);
    collector?.add({}, 0);
    expect(collector?.groups().ids.names).toEqual([NO_SEGMENT]);
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
