import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerMovementDetail } from './recurringRevenueSeries.js';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';
import { segmentedRevenueSeries } from './segmentedRevenueSeries.js';

const pick = (details: readonly CustomerMovementDetail[] | undefined) =>
  (details ?? []).map((d) => `${d.month} ${d.customerId} ${d.movement} ${d.previousMrr}→${d.mrr} ${d.amount}`);

describe('segmentedRevenueSeries details', () => {
  it('lists a plan change as leaving and entering in the segments, contraction in the total', () => {
    const { total, segments } = segmentedRevenueSeries(
      {
        subscriptions: [
          { customerId: 'a', amount: 50, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'A' } },
          { customerId: 'a', amount: 30, start: '2024-02-01', attributes: { plan: 'B' } },
          { customerId: 'b', amount: 100, start: '2024-01-01', end: '2024-02-10', attributes: { plan: 'A' } },
          { customerId: 'c', amount: 10, start: '2024-01-01', end: '2024-02-01', attributes: { plan: 'B' } },
          { customerId: 'c', amount: 40, start: '2024-02-01', attributes: { plan: 'A' } },
        ],
      },
      { from: '2024-01', to: '2024-02', segmentBy: 'plan', lookback: 1, details: true },
    );
    expect(total.map((row) => pick(row.details))).toEqual([
      ['2024-01 a new 0→50 50', '2024-01 b new 0→100 100', '2024-01 c new 0→10 10'],
      ['2024-02 a contraction 50→30 20', '2024-02 b churned 100→0 100', '2024-02 c expansion 10→40 30'],
    ]);
    expect(total[1]?.details?.find((d) => d.movement === 'churned')?.churnReason).toBe('voluntary');
    expect(segments.map((s) => s.segment)).toEqual(['A', 'B']);
    expect(segments.map((s) => pick(s.rows[1]?.details))).toEqual([
      ['2024-02 a leaving 50→0 50', '2024-02 b churned 100→0 100', '2024-02 c entering 0→40 40'],
      ['2024-02 a entering 0→30 30', '2024-02 c leaving 10→0 10'],
    ]);
    expect(segments.map((s) => pick(s.rows[0]?.details))).toEqual([
      ['2024-01 a new 0→50 50', '2024-01 b new 0→100 100'],
      ['2024-01 c new 0→10 10'],
    ]);
  });

  it('leaves rows without a details key by default', () => {
    const { total, segments } = segmentedRevenueSeries(
      { subscriptions: [{ customerId: 'a', amount: 5, start: '2024-01-01', attributes: { plan: 'A' } }] },
      { from: '2024-01', to: '2024-02', segmentBy: 'plan' },
    );
    expect([...total, ...(segments[0]?.rows ?? [])].some((row) => 'details' in row)).toBe(false);
  });

  const month = fc.integer({ min: 0, max: 17 });
  const day = (m: number, d: number) => new Date(Date.UTC(2023, m, d)).toISOString().slice(0, 10);
  const record = fc
    .record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      plan: fc.constantFrom('A', 'B', 'C'),
      amount: fc.integer({ min: 1, max: 999 }),
      a: month,
      length: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      days: fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 28 })),
      delinquent: fc.boolean(),
    })
    .map(({ customerId, plan, amount, a, length, days, delinquent }) => ({
      customerId,
      amount,
      attributes: { plan },
      start: day(a, days[0]),
      ...(length === undefined
        ? {}
        : { end: day(a + 1 + length, days[1]), endReason: delinquent ? ('delinquent' as const) : undefined }),
    }));
  const FIGURES = [
    ['new', 'newMrr', 'newCustomers'],
    ['expansion', 'expansionMrr', undefined],
    ['contraction', 'contractionMrr', undefined],
    ['churned', 'churnedMrr', 'churnedCustomers'],
    ['reactivation', 'reactivationMrr', 'reactivatedCustomers'],
    ['entering', 'enteringMrr', 'enteringCustomers'],
    ['leaving', 'leavingMrr', 'leavingCustomers'],
  ] as const;

  it('adds up to every figure of the total and of each segment; the total lists what the series lists', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 25 }),
        fc.constantFrom('month', 'quarter') as fc.Arbitrary<'month' | 'quarter'>,
        (subscriptions, period) => {
          const window = { from: '2023-03', to: '2024-05', lookback: 2, period };
          const base = { ...window, segmentBy: 'plan' };
          const plain = segmentedRevenueSeries({ subscriptions }, base);
          const detailed = segmentedRevenueSeries({ subscriptions }, { ...base, details: true });
          const strip = <Row extends { details?: unknown }>({ details: _, ...row }: Row) => row;
          expect(detailed.total.map(strip)).toEqual(plain.total);
          expect(detailed.segments.map((s) => ({ ...s, rows: s.rows.map(strip) }))).toEqual(plain.segments);
          const series = recurringRevenueSeries({ subscriptions }, { ...window, details: true });
          expect(detailed.total.map((row) => row.details)).toEqual(series.map((row) => row.details));
          const rows = [...detailed.total, ...detailed.segments.flatMap((s) => s.rows)];
          for (const row of rows) {
            for (const [movement, figure, count] of FIGURES) {
              const mine = (row.details ?? []).filter((d) => d.movement === movement);
              expect(mine.reduce((sum, d) => sum + d.amount, 0)).toBe(
                figure in row ? row[figure as keyof typeof row] : 0,
              );
              if (count !== undefined && count in row) expect(mine.length).toBe(row[count as keyof typeof row]);
            }
            const lost = (row.details ?? []).filter((d) => d.churnReason === 'delinquent');
            expect(lost.reduce((sum, d) => sum + d.amount, 0)).toBe(row.delinquentChurnedMrr);
          }
        },
      ),
    );
  });
});
