import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';
import { type SegmentedRevenueSeriesRow, segmentedRevenueSeries } from './segmentedRevenueSeries.js';

// Records of six customers over three plans, moving between them, in USD, EUR or GBP at dated rates of two
// decimals, some past due or ended for failed payments. Monthly prices in cents at rates of two decimals
// make every figure a multiple of 1/10 000: reconciliations are checked on those integers, exactly.
const DAY = 86_400_000;
const BASE = Date.UTC(2022, 0, 1);
const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

const record = fc
  .record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    plan: fc.constantFrom('basic', 'pro', 'team'),
    cents: fc.integer({ min: 0, max: 100_000 }),
    startDay: fc.integer({ min: 0, max: 900 }),
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    status: fc.constantFrom('active', 'active', 'active', 'past_due', 'canceled', 'trialing'),
    pastDueDays: fc.integer({ min: 0, max: 120 }),
    endReason: fc.constantFrom(undefined, 'voluntary', 'delinquent'),
    trialDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    currency: fc.constantFrom(undefined, undefined, 'EUR', 'GBP'),
  })
  .map((g) => {
    const start = BASE + g.startDay * DAY;
    return {
      customerId: g.customerId,
      amount: (g.cents / 100).toFixed(2),
      start: day(start),
      status: g.status,
      attributes: { plan: g.plan },
      ...(g.length === undefined ? {} : { end: day(start + g.length * DAY) }),
      ...(g.length === undefined || g.endReason === undefined ? {} : { endReason: g.endReason }),
      ...(g.status === 'past_due' ? { pastDueSince: day(start + g.pastDueDays * DAY) } : {}),
      ...(g.trialDays === undefined ? {} : { trialStart: day(start - g.trialDays * DAY) }),
      ...(g.currency === undefined ? {} : { currency: g.currency }),
    };
  });

/** A table of rates with two decimals, the first in force long before any record. */
const table = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 1300 }), fc.integer({ min: 50, max: 200 })), { maxLength: 6 })
  .chain((changes) =>
    fc.integer({ min: 50, max: 200 }).map((first) => {
      const days = [...new Set(changes.map(([d]) => d))].sort((x, y) => x - y);
      const rateOf = new Map(changes);
      return [
        { from: '2020-01-01', rate: (first / 100).toFixed(2) },
        ...days.map((d) => ({ from: day(BASE + d * DAY), rate: ((rateOf.get(d) as number) / 100).toFixed(2) })),
      ];
    }),
  );

const options = fc.record({
  first: fc.integer({ min: 2022 * 12, max: 2024 * 12 }),
  span: fc.integer({ min: 0, max: 20 }),
  lookback: fc.integer({ min: 1, max: 4 }),
  period: fc.constantFrom('month' as const, 'month' as const, 'quarter' as const, 'year' as const),
  grace: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  countPastDue: fc.boolean(),
  countTrialing: fc.boolean(),
  EUR: table,
  GBP: table,
});

type Options = typeof options extends fc.Arbitrary<infer O> ? O : never;

function seriesOptions(o: Options) {
  return {
    from: monthName(o.first),
    to: monthName(o.first + o.span),
    lookback: o.lookback,
    period: o.period,
    currency: 'USD',
    exchangeRates: { EUR: o.EUR, GBP: o.GBP },
    countPastDue: o.countPastDue,
    countTrialing: o.countTrialing,
    ...(o.grace === undefined ? {} : { pastDueGraceDays: o.grace }),
  };
}

/** A figure in units of 1/10 000, exactly (every figure here is a multiple of it). */
const units = (value: number) => Math.round(value * 10_000);

function reconciles(row: SegmentedRevenueSeriesRow): void {
  const moved =
    units(row.startingMrr) +
    units(row.newMrr) +
    units(row.expansionMrr) +
    units(row.reactivationMrr) +
    units(row.enteringMrr) -
    units(row.contractionMrr) -
    units(row.churnedMrr) -
    units(row.leavingMrr) +
    units(row.fxImpactMrr);
  expect(moved).toBe(units(row.mrr));
  expect(units(row.voluntaryChurnedMrr) + units(row.delinquentChurnedMrr)).toBe(units(row.churnedMrr));
}

const sum = (rows: readonly SegmentedRevenueSeriesRow[], pick: (row: SegmentedRevenueSeriesRow) => number) =>
  rows.reduce((total, row) => total + units(pick(row)), 0);

describe('segmentedRevenueSeries properties', () => {
  it('gives recurringRevenueSeries as its total, exactly', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), options, (subscriptions, o) => {
        const result = segmentedRevenueSeries({ subscriptions }, { ...seriesOptions(o), segmentBy: 'plan' });
        expect(result.total).toEqual(recurringRevenueSeries({ subscriptions }, seriesOptions(o)));
      }),
      { numRuns: 150 },
    );
  });

  it('reconciles every segment row, and the segments add up to the total', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), options, (subscriptions, o) => {
        const { total, segments } = segmentedRevenueSeries(
          { subscriptions },
          { ...seriesOptions(o), segmentBy: 'plan' },
        );
        expect(segments.map((entry) => entry.segment)).toEqual(
          [...new Set(subscriptions.map((r) => r.attributes.plan))].sort(),
        );
        total.forEach((row, i) => {
          const rows = segments.map((entry) => entry.rows[i] as SegmentedRevenueSeriesRow);
          for (const segmentRow of rows) {
            reconciles(segmentRow);
            expect(segmentRow.month).toBe(row.month);
          }
          expect(sum(rows, (r) => r.mrr)).toBe(units(row.mrr));
          expect(sum(rows, (r) => r.startingMrr)).toBe(units(row.startingMrr));
          expect(sum(rows, (r) => r.newMrr)).toBe(units(row.newMrr));
          expect(sum(rows, (r) => r.reactivationMrr)).toBe(units(row.reactivationMrr));
          expect(sum(rows, (r) => r.churnedMrr)).toBe(units(row.churnedMrr));
          expect(sum(rows, (r) => r.delinquentChurnedMrr)).toBe(units(row.delinquentChurnedMrr));
          expect(rows.reduce((n, r) => n + r.trialsStarted, 0)).toBe(row.trialsStarted);
          expect(rows.reduce((n, r) => n + r.trialsConverted, 0)).toBe(row.trialsConverted);
          expect(rows.reduce((n, r) => n + r.customers, 0)).toBeGreaterThanOrEqual(row.customers);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a customer who never changes segment moves its segment as it moves the total', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), options, (subscriptions, o) => {
        const result = segmentedRevenueSeries(
          { subscriptions },
          { ...seriesOptions(o), segmentBy: (r) => (r.customerId < 'd' ? 'early' : 'late') },
        );
        for (const { segment, rows } of result.segments) {
          const own = subscriptions.filter((r) => r.customerId < 'd' === (segment === 'early'));
          const alone = recurringRevenueSeries({ subscriptions: own }, seriesOptions(o));
          expect(rows.map(({ enteringMrr, leavingMrr, enteringCustomers, leavingCustomers, ...row }) => row)).toEqual(
            alone,
          );
          expect(rows.every((row) => row.enteringMrr === 0 && row.leavingMrr === 0)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('balances entering and leaving against the change of the customers who stay', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), options, (subscriptions, o) => {
        const { total, segments } = segmentedRevenueSeries(
          { subscriptions },
          { ...seriesOptions(o), segmentBy: 'plan' },
        );
        total.forEach((row, i) => {
          const rows = segments.map((entry) => entry.rows[i] as SegmentedRevenueSeriesRow);
          const inside =
            sum(rows, (r) => r.expansionMrr) -
            sum(rows, (r) => r.contractionMrr) +
            sum(rows, (r) => r.enteringMrr) -
            sum(rows, (r) => r.leavingMrr) +
            sum(rows, (r) => r.fxImpactMrr);
          expect(inside).toBe(units(row.expansionMrr) - units(row.contractionMrr) + units(row.fxImpactMrr));
        });
      }),
      { numRuns: 100 },
    );
  });
});
