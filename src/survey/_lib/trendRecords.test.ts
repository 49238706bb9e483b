import { describe, expect, it } from 'vitest';
import { responsesTally } from './trendRecords.js';
import { expectMetricError } from '../../../test/support/errors.js';

const open = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
const range = { min: 0, max: 10 };
const tally = (records: unknown[], window = open) =>
  responsesTally('m', records, range, 'month', window, undefined, 'error');

/** Records over three months in date order, as an export gives them. */
function sorted(): { at: string; score: number; segment: string }[] {
  const records = [];
  for (let k = 0; k < 90; k++) {
    const day = new Date(Date.UTC(2024, 0, 1 + k)).toISOString().slice(0, 10);
    records.push({ at: day, score: (k * 7) % 11, segment: `s${k % 3}` });
    records.push({ at: day, score: (k * 3) % 11, segment: `s${(k + 1) % 4}` });
  }
  return records;
}

describe('trend records', () => {
  it('counts records in date order as in any other order', () => {
    const records = sorted();
    const shuffled = records.map((_record, k) => records[(k * 37) % records.length] as (typeof records)[number]);
    expect(new Set(shuffled).size).toBe(records.length);
    const a = tally(records);
    const b = tally(shuffled);
    expect(b.first).toBe(a.first);
    expect(b.length).toBe(3);
    expect([...b.counts].reduce((sum, n) => sum + n, 0)).toBe(records.length);
    // Segments are numbered in order of appearance: compare each segment's counts by name.
    const bySegment = (t: ReturnType<typeof tally>) => {
      const slots = (t.names as string[]).length;
      return Object.fromEntries(
        (t.names as string[]).map((name, slot) => [
          name,
          Array.from({ length: t.length }, (_, p) => [
            ...t.counts.subarray((p * slots + slot) * 11, (p * slots + slot + 1) * 11),
          ]),
        ]),
      );
    };
    expect(bySegment(b)).toEqual(bySegment(a));
  });

  it('reports a bad date in the middle of a run of equal dates at its own index', () => {
    const records: unknown[] = sorted().slice(0, 6);
    records.splice(3, 0, { at: '2024-01-32', score: 5, segment: 's0' });
    expectMetricError(() => tally(records), 'INVALID_INPUT', ['responses', 3, 'at']);
    records.splice(3, 1, { at: 'not a date', score: 5, segment: 's0' });
    expectMetricError(() => tally(records), 'INVALID_INPUT', ['responses', 3, 'at']);
  });

  it('reads own keys only, as Object.keys lists them', () => {
    // A date on the prototype is not the record's: the record has no date.
    const inherited = Object.assign(Object.create({ at: '2024-01-05' }) as object, { score: 9 });
    expectMetricError(() => tally([{ at: '2024-01-05', score: 9 }, inherited]), 'INVALID_INPUT', [
      'responses',
      1,
      'at',
    ]);
    // An inherited key that is not a field is not the record's either.
    const extra = Object.assign(Object.create({ note: 'x' }) as object, { at: '2024-01-05', score: 9 });
    expect(tally([extra, Object.assign(Object.create(null) as object, { at: '2024-02-01', score: 0 })]).length).toBe(2);
    expectMetricError(() => tally([{ at: '2024-01-05', score: 9, note: 1 }]), 'INVALID_INPUT', ['responses', 0]);
  });

  it('reads each field of a valid record once', () => {
    const reads = new Map<string, number>();
    const record = {};
    for (const [name, value] of Object.entries({
      at: '2024-01-05',
      score: 9,
      segment: 'a',
      attributes: { plan: 'p' },
    })) {
      Object.defineProperty(record, name, {
        enumerable: true,
        get: () => {
          reads.set(name, (reads.get(name) ?? 0) + 1);
          return value;
        },
      });
    }
    expect(tally([record]).names).toEqual(['(none)', 'a']);
    expect([...reads.values()]).toEqual([1, 1, 1, 1]);
  });

  it('counts only the records inside the window, and checks the others', () => {
    const window = { from: Date.UTC(2024, 1, 1), to: Date.UTC(2024, 2, 1) };
    const inside = tally(sorted(), window);
    expect(inside.length).toBe(1);
    expect([...inside.counts].reduce((sum, n) => sum + n, 0)).toBe(58);
    expectMetricError(() => tally([{ at: '2023-01-01', score: 11 }], window), 'INVALID_INPUT', [
      'responses',
      0,
      'score',
    ]);
    expectMetricError(() => tally([{ at: '2023-01-01', score: 1 }], window), 'NO_DATA', ['responses']);
  });
});
