import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { countResponseSegments, ResponseReader, tallyResponses } from './responses.js';

const NPS = { min: 0, max: 10 };

describe('ResponseReader', () => {
  it('keeps the score, the date, the segment attribute and the distinct topics of each record', () => {
    const reader = new ResponseReader('m', NPS, 'plan');
    reader.read(
      {
        score: 9,
        at: '2024-03-15',
        attributes: { plan: 'pro', region: 'EU' },
        topics: ['support', 'pricing', 'support'],
      },
      0,
    );
    expect([reader.score, reader.at, reader.attribute, reader.topics]).toEqual([
      9,
      Date.UTC(2024, 2, 15),
      'pro',
      ['support', 'pricing'],
    ]);
    reader.read({ score: 0 }, 1);
    expect([reader.score, reader.at, reader.attribute, reader.topics]).toEqual([0, Number.NaN, undefined, []]);
  });

  it('names the field of a bad record, under its prefix', () => {
    const reader = new ResponseReader('m', NPS, undefined, ['first']);
    const read = (value: unknown) => () => reader.read(value, 3);
    expectMetricError(read({ score: 11 }), 'INVALID_INPUT', ['first', 'responses', 3, 'score']);
    expectMetricError(read({ score: 1.5 }), 'INVALID_INPUT', ['first', 'responses', 3, 'score']);
    expectMetricError(read({}), 'INVALID_INPUT', ['first', 'responses', 3, 'score'], 'is required');
    expectMetricError(read({ score: 5, at: '2024-13-01' }), 'INVALID_INPUT', ['first', 'responses', 3, 'at']);
    expectMetricError(read({ score: 5, attributes: { plan: 3 } }), 'INVALID_INPUT', [
      'first',
      'responses',
      3,
      'attributes',
      'plan',
    ]);
    expectMetricError(read({ score: 5, topics: 'pricing' }), 'INVALID_INPUT', ['first', 'responses', 3, 'topics']);
    expectMetricError(read({ score: 5, topics: ['a', ''] }), 'INVALID_INPUT', ['first', 'responses', 3, 'topics', 1]);
    expectMetricError(read({ score: 5, topics: ['a', 7] }), 'INVALID_INPUT', ['first', 'responses', 3, 'topics', 1]);
    expectMetricError(read({ score: 5, comment: 'x' }), 'INVALID_INPUT', ['first', 'responses', 3], "'comment'");
    expectMetricError(read(7), 'INVALID_INPUT', ['first', 'responses', 3]);
    expectMetricError(read(null), 'INVALID_INPUT', ['first', 'responses', 3]);
    expectMetricError(read([9]), 'INVALID_INPUT', ['first', 'responses', 3]);
  });
});

describe('tallyResponses', () => {
  it('counts the scores of the records, from the scale minimum', () => {
    expect([...tallyResponses('m', [{ score: 1 }, { score: 3 }, { score: 3 }], { min: 1, max: 3 })]).toEqual([1, 0, 2]);
  });

  it('reads a lazy array-like through its own iterator', () => {
    const records = [{ score: 2 }, { score: 1 }];
    const lazy = {
      length: 2,
      *[Symbol.iterator]() {
        yield* records;
      },
    };
    expect([...tallyResponses('m', lazy, { min: 1, max: 2 })]).toEqual([1, 1]);
  });
});

describe('countResponseSegments', () => {
  const responses = [
    { score: 10, attributes: { plan: 'pro' } },
    { score: 0, attributes: { plan: 'free' } },
    { score: 9 },
    { score: 9, attributes: { plan: 'pro' } },
  ];

  it('counts per attribute value, a record without it in (none)', () => {
    const counts = countResponseSegments('m', responses, NPS, { segmentBy: 'plan', missingSegment: 'group' });
    expect(counts.names).toEqual(['pro', 'free', '(none)']);
    expect([...counts.counts.subarray(0, 11)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(counts.counts[11]).toBe(1);
    expect(counts.counts[22 + 9]).toBe(1);
  });

  it('refuses a record without the attribute, or a function that fails, naming the record', () => {
    expectMetricError(() => countResponseSegments('m', responses, NPS, { segmentBy: 'plan' }), 'INVALID_INPUT', [
      'responses',
      2,
      'attributes',
      'plan',
    ]);
    expectMetricError(
      () => countResponseSegments('m', responses, NPS, { segmentBy: (_r: never, i) => (i === 1 ? '' : 'x') }),
      'INVALID_INPUT',
      ['responses', 1],
    );
  });

  it('passes a function the record and its index', () => {
    const seen: unknown[] = [];
    const by = (record: never, index: number) => {
      seen.push([record, index]);
      return index < 2 ? 'early' : 'late';
    };
    const counts = countResponseSegments('m', responses, NPS, { segmentBy: by });
    expect(counts.names).toEqual(['early', 'late']);
    expect(seen).toEqual(responses.map((record, index) => [record, index]));
  });

  it('makes room for many segments', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ score: i % 11, attributes: { id: `s${i}` } }));
    const counts = countResponseSegments('m', many, NPS, { segmentBy: 'id' });
    expect(counts.names.length).toBe(40);
    expect(counts.counts[39 * 11 + (39 % 11)]).toBe(1);
  });
});
