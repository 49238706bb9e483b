import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores } from './compareNetPromoterScores.js';
import { customerEffortScore } from './customerEffortScore.js';
import { customerSatisfactionScore } from './customerSatisfactionScore.js';
import { netPromoterScore } from './netPromoterScore.js';
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

// Rows are built by the public functions' own result builders, with the options parsed once per trend: this
// holds them to what the public functions return on each period's distribution, so the two can never drift.
describe('surveyTrend rows against the public functions', () => {
  const monthOf = (day: number) => new Date(start + day * DAY).toISOString().slice(0, 7);
  const distributionOf = (list: readonly { day: number; score: number }[], month: string, size: number) => {
    const counts = new Array<number>(size).fill(0);
    for (const r of list) if (monthOf(r.day) === month) counts[r.score] = (counts[r.score] as number) + 1;
    return counts;
  };
  const answers = (max: number) =>
    fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }), score: fc.integer({ min: 0, max: max }) }), {
      minLength: 1,
      maxLength: 80,
    });

  it('scores each NPS row as netPromoterScore and compares it as compareNetPromoterScores', () => {
    fc.assert(
      fc.property(answers(10), fc.constantFrom(0.9, 0.95), (list, confidence) => {
        const trend = surveyTrend(
          { responses: list.map((r) => ({ at: start + r.day * DAY, score: r.score })) },
          { metric: 'nps', confidence },
        );
        let previous: number[] | undefined;
        for (const row of trend.periods) {
          const counts = distributionOf(list, row.period, 11);
          if (row.responses === 0) {
            expect(row.score).toBeNull();
            previous = undefined;
            continue;
          }
          const own = netPromoterScore({ distribution: counts }, { confidence });
          expect({ score: row.score, interval: row.interval, responses: row.responses }).toEqual({
            score: own.score,
            interval: own.interval,
            responses: own.responses,
          });
          if (previous !== undefined && row.change?.pValue != null) {
            const compared = compareNetPromoterScores(
              { distribution: counts },
              { distribution: previous },
              { confidence },
            );
            expect(row.change).toEqual({
              difference: compared.difference,
              pValue: compared.pValue,
              significant: compared.significant,
            });
          }
          previous = counts;
        }
      }),
    );
  });

  it('scores each CSAT and CES row as customerSatisfactionScore and customerEffortScore', () => {
    fc.assert(
      fc.property(answers(6), fc.boolean(), (list, lowerIsEasier) => {
        const responses = list.map((r) => ({ at: start + r.day * DAY, score: r.score + 1 }));
        const scale = { min: 1, max: 7 };
        const csat = surveyTrend({ responses }, { metric: 'csat', scale });
        const ces = surveyTrend({ responses }, { metric: 'ces', higherIsEasier: !lowerIsEasier });
        csat.periods.forEach((row, i) => {
          if (row.responses === 0) return;
          const distribution = distributionOf(list, row.period, 7);
          const satisfied = customerSatisfactionScore({ distribution, scale });
          const effort = customerEffortScore({ distribution, scale }, { higherIsEasier: !lowerIsEasier });
          expect({ score: row.score, interval: row.interval }).toEqual({
            score: satisfied.score,
            interval: satisfied.interval,
          });
          const easy = ces.periods[i];
          expect({ score: easy?.score, interval: easy?.interval }).toEqual({
            score: effort.easyShare,
            interval: effort.interval,
          });
        });
      }),
    );
  });
});
