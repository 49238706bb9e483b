import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyTrend } from './surveyTrend.js';

const DAY = 86_400_000;
const start = Date.UTC(2023, 0, 1);

const response = fc.record({
  day: fc.integer({ min: 0, max: 900 }),
  score: fc.integer({ min: 0, max: 10 }),
  code: fc.integer({ min: 0, max: 2 }),
});
const names = ['a', 'b', 'c'];

describe('surveyTrend properties', () => {
  it('gives the same rows from records, bulk columns and tallied periods, and segments add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(response, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('month', 'quarter', 'year'),
        (list, period) => {
          const options = { metric: 'nps', period } as const;
          const records = surveyTrend(
            {
              responses: list.map((r) => ({
                at: start + r.day * DAY,
                score: r.score,
                segment: names[r.code] as string,
              })),
            },
            options,
          );
          const columns = surveyTrend(
            {
              scores: new Uint8Array(list.map((r) => r.score)),
              at: new Float64Array(list.map((r) => start + r.day * DAY)),
              segments: { codes: new Uint8Array(list.map((r) => r.code)), names },
            },
            options,
          );
          const tallied = surveyTrend(
            {
              periods: records.periods
                .filter((row) => row.segment !== undefined && row.responses > 0)
                .map((row) => ({
                  period: row.period,
                  segment: row.segment as string,
                  distribution: list
                    .filter((r) => r.code === names.indexOf(row.segment as string))
                    .filter(
                      (r) =>
                        surveyTrend({ responses: [{ at: start + r.day * DAY, score: 0 }] }, options).periods[0]
                          ?.period === row.period,
                    )
                    .map((r) => r.score)
                    .reduce<number[]>((counts, score) => {
                      counts[score] = (counts[score] as number) + 1;
                      return counts;
                    }, new Array<number>(11).fill(0)),
                })),
            },
            options,
          );
          // Columns declare all three names; drop empty segments that records and tallies never saw.
          const seen = (rows: typeof records.periods) =>
            rows.filter(
              (row) =>
                row.segment === undefined || rows.some((other) => other.segment === row.segment && other.responses > 0),
            );
          expect(seen(columns.periods)).toEqual(records.periods);
          expect(tallied.periods).toEqual(records.periods);
          for (const row of records.periods) {
            if (row.segment !== undefined) continue;
            const parts = records.periods.filter((other) => other.period === row.period && other.segment !== undefined);
            expect(parts.reduce((sum, part) => sum + part.responses, 0)).toBe(row.responses);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
