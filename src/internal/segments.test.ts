import { describe, expect, it } from 'vitest';
import { MetricError } from '../errors.js';
import { NO_SEGMENT, SegmentIds, segmentKeyReader } from './segments.js';

function caught(run: () => unknown): MetricError {
  try {
    run();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  throw new Error('expected a MetricError');
}

describe('segmentKeyReader', () => {
  it('reads an attribute of the record', () => {
    const key = segmentKeyReader('m', 'subscriptions', 'plan');
    expect(key({ attributes: { plan: 'pro' } }, 0)).toBe('pro');
  });

  it('refuses a record without the attribute, naming it, or groups it on request', () => {
    const strict = segmentKeyReader('m', 'subscriptions', 'plan');
    const error = caught(() => strict({ attributes: { region: 'EU' } }, 3));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues[0]?.path).toEqual(['subscriptions', 3, 'attributes', 'plan']);
    expect(error.message).toContain('missingSegment');
    expect(caught(() => strict({}, 1)).issues[0]?.path).toEqual(['subscriptions', 1, 'attributes', 'plan']);
    // An inherited key is not the record's attribute.
    expect(caught(() => strict({ attributes: Object.create({ plan: 'pro' }) }, 2)).issues[0]?.path).toEqual([
      'subscriptions',
      2,
      'attributes',
      'plan',
    ]);
    const grouping = segmentKeyReader('m', 'subscriptions', 'plan', 'group');
    expect(grouping({}, 0)).toBe(NO_SEGMENT);
    expect(grouping({ attributes: {} }, 0)).toBe(NO_SEGMENT);
  });

  it('refuses an empty attribute value even when grouping', () => {
    const grouping = segmentKeyReader('m', 'responses', 'plan', 'group');
    const error = caught(() => grouping({ attributes: { plan: '' } }, 5));
    expect(error.issues[0]?.path).toEqual(['responses', 5, 'attributes', 'plan']);
    expect(error.issues[0]?.reason).toContain('an empty string');
  });

  it('calls a function with the record and its index', () => {
    const key = segmentKeyReader<{ amount: number }>('m', 'subscriptions', (record, index) =>
      record.amount > 100 ? `big${index}` : 'small',
    );
    expect(key({ amount: 500 }, 7)).toBe('big7');
    expect(key({ amount: 5 }, 7)).toBe('small');
  });

  it("reports a function's throw or a non-string result at the record's index", () => {
    const throwing = segmentKeyReader('m', 'tickets', () => {
      throw new Error('no region');
    });
    const thrown = caught(() => throwing({}, 4));
    expect(thrown.issues[0]?.path).toEqual(['tickets', 4]);
    expect(thrown.message).toContain('no region');
    const wrong = segmentKeyReader('m', 'tickets', () => 42 as unknown as string);
    const error = caught(() => wrong({}, 9));
    expect(error.issues[0]?.path).toEqual(['tickets', 9]);
    expect(error.issues[0]?.reason).toContain('number 42');
    expect(caught(() => segmentKeyReader('m', 'tickets', () => '')({}, 0)).issues[0]?.reason).toContain('empty');
  });
});

describe('SegmentIds', () => {
  it('numbers keys by first appearance and orders them by name with (none) last', () => {
    const ids = new SegmentIds();
    expect([ids.id('pro'), ids.id(NO_SEGMENT), ids.id('basic'), ids.id('pro'), ids.id('Zeta')]).toEqual([
      0, 1, 2, 0, 3,
    ]);
    expect(ids.order().map((id) => ids.names[id])).toEqual(['Zeta', 'basic', 'pro', NO_SEGMENT]);
  });
});
