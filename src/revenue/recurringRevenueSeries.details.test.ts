import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricError } from '../errors.js';
import { type CustomerMovementDetail, recurringRevenueSeries } from './recurringRevenueSeries.js';

const history = [
  { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
  { customerId: 'a', amount: 50, start: '2024-02-01' },
  { customerId: 'b', amount: 1200, interval: 'year' as const, start: '2024-02-20', end: '2024-03-01' },
  { customerId: 'b', amount: 80, start: '2024-04-01' },
  { customerId: 'c', amount: 70, start: '2024-01-05', end: '2024-03-10', endReason: 'delinquent' as const },
];
const options = { from: '2024-01', to: '2024-04', lookback: 1 };

const pick = (details: readonly CustomerMovementDetail[] | undefined) =>
  (details ?? []).map((d) => [d.customerId, d.month, d.movement, d.previousMrr, d.mrr, d.amount, d.churnReason]);

describe('recurringRevenueSeries details', () => {
  it('lists who moved: new, expansion, contraction, voluntary and delinquent churn, reactivation', () => {
    const rows = recurringRevenueSeries({ subscriptions: history }, { ...options, details: true });
    expect(rows.map((row) => pick(row.details))).toEqual([
      [
        ['a', '2024-01', 'new', 0, 100, 100, undefined],
        ['c', '2024-01', 'new', 0, 70, 70, undefined],
      ],
      [
        ['a', '2024-02', 'expansion', 100, 150, 50, undefined],
        ['b', '2024-02', 'new', 0, 100, 100, undefined],
      ],
      [
        ['a', '2024-03', 'contraction', 150, 50, 100, undefined],
        ['b', '2024-03', 'churned', 100, 0, 100, 'voluntary'],
        ['c', '2024-03', 'churned', 70, 0, 70, 'delinquent'],
      ],
      [['b', '2024-04', 'reactivation', 0, 80, 80, undefined]],
    ]);
    expect(rows[2]?.delinquentChurnedMrr).toBe(70);
  });

  it('lists the entries of every month of a quarter', () => {
    const rows = recurringRevenueSeries({ subscriptions: history }, { ...options, period: 'quarter', details: true });
    expect(rows[0]?.details?.map((d) => `${d.month} ${d.customerId} ${d.movement}`)).toEqual([
      '2024-01 a new',
      '2024-01 c new',
      '2024-02 a expansion',
      '2024-02 b new',
      '2024-03 a contraction',
      '2024-03 b churned',
      '2024-03 c churned',
    ]);
    expect(rows[1]?.details?.map((d) => d.movement)).toEqual(['reactivation']);
  });

  it('values entries at the month-end rates: a change of rate is no movement', () => {
    const rows = recurringRevenueSeries(
      {
        subscriptions: [
          { customerId: 'eu', amount: 100, currency: 'EUR', start: '2024-01-01', end: '2024-03-10' },
          { customerId: 'eu', amount: 20, currency: 'EUR', start: '2024-02-10' },
        ],
      },
      {
        from: '2024-01',
        to: '2024-03',
        currency: 'USD',
        details: true,
        exchangeRates: {
          EUR: [
            { from: '2024-01-01', rate: '1.10' },
            { from: '2024-02-15', rate: '1.05' },
          ],
        },
      },
    );
    expect(rows.map((row) => pick(row.details))).toEqual([
      [['eu', '2024-01', 'new', 0, 110, 110, undefined]],
      [['eu', '2024-02', 'expansion', 105, 126, 21, undefined]],
      [['eu', '2024-03', 'contraction', 126, 21, 105, undefined]],
    ]);
    expect(rows[1]?.fxImpactMrr).toBe(-5);
  });

  it('leaves rows without a details key by default, and refuses a details that is not a boolean', () => {
    const rows = recurringRevenueSeries({ subscriptions: history }, options);
    expect(rows.every((row) => !('details' in row))).toBe(true);
    expect(recurringRevenueSeries({ subscriptions: history }, { ...options, details: false })).toEqual(rows);
    try {
      recurringRevenueSeries({ subscriptions: history }, { ...options, details: 'yes' as unknown as boolean });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetricError);
      expect((error as MetricError).issues[0]?.path).toEqual(['details']);
    }
  });

  const month = fc.integer({ min: 0, max: 17 });
  const day = (m: number, d: number) => new Date(Date.UTC(2023, m, d)).toISOString().slice(0, 10);
  const record = fc
    .record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      amount: fc.integer({ min: 1, max: 999 }),
      a: month,
      length: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      startDay: fc.integer({ min: 1, max: 28 }),
      endDay: fc.integer({ min: 1, max: 28 }),
      delinquent: fc.boolean(),
    })
    .map(({ customerId, amount, a, length, startDay, endDay, delinquent }) => ({
      customerId,
      amount,
      start: day(a, startDay),
      ...(length === undefined
        ? {}
        : {
            end: day(a + 1 + length, endDay),
            endReason: delinquent ? ('delinquent' as const) : ('voluntary' as const),
          }),
    }));
  const FIGURES = [
    ['new', 'newMrr', 'newCustomers'],
    ['expansion', 'expansionMrr', undefined],
    ['contraction', 'contractionMrr', undefined],
    ['churned', 'churnedMrr', 'churnedCustomers'],
    ['reactivation', 'reactivationMrr', 'reactivatedCustomers'],
  ] as const;

  it('adds up, movement by movement, to each row figure and count; rows are otherwise unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 25 }),
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>,
        (subscriptions, period) => {
          const base = { from: '2023-03', to: '2024-05', lookback: 2, period };
          const plain = recurringRevenueSeries({ subscriptions }, base);
          const detailed = recurringRevenueSeries({ subscriptions }, { ...base, details: true });
          expect(detailed.map(({ details: _, ...row }) => row)).toEqual(plain);
          for (const row of detailed) {
            const details = row.details ?? [];
            for (const [movement, figure, count] of FIGURES) {
              const mine = details.filter((d) => d.movement === movement);
              expect(mine.reduce((sum, d) => sum + d.amount, 0)).toBe(row[figure]);
              if (count !== undefined) expect(mine.length).toBe(row[count]);
            }
            const lost = details.filter((d) => d.churnReason === 'delinquent');
            expect(lost.length).toBe(row.delinquentChurnedCustomers);
            expect(lost.reduce((sum, d) => sum + d.amount, 0)).toBe(row.delinquentChurnedMrr);
            const months = details.map((d) => d.month);
            expect(months).toEqual([...months].sort());
          }
        },
      ),
    );
  });
});
