import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';
import { revenueCohorts } from './revenueCohorts.js';

// Whole amounts (a year a multiple of 12, rates 1.5 and 2) keep every figure an exact double, so that the
// sums below are compared with toBe.
const DAY = 86_400_000;
const BASE = Date.UTC(2023, 0, 1);
const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const FIRST = 2023 * 12;
const LAST = 2024 * 12 + 11;

const record = fc
  .record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    amount: fc.integer({ min: 0, max: 400 }),
    yearly: fc.boolean(),
    euro: fc.boolean(),
    startDay: fc.integer({ min: 0, max: 700 }),
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    status: fc.constantFrom('active', 'active', 'active', 'past_due', 'canceled', 'trialing', 'paused'),
    pastDueDays: fc.integer({ min: 0, max: 90 }),
  })
  .map((g) => {
    const start = BASE + g.startDay * DAY;
    return {
      customerId: g.customerId,
      amount: g.yearly ? g.amount * 12 : g.amount,
      interval: g.yearly ? ('year' as const) : ('month' as const),
      currency: g.euro ? 'EUR' : 'USD',
      start: day(start),
      ...(g.length === undefined ? {} : { end: day(start + g.length * DAY) }),
      status: g.status as 'active' | 'past_due' | 'canceled' | 'trialing' | 'paused',
      ...(g.status === 'past_due' ? { pastDueSince: day(start + g.pastDueDays * DAY) } : {}),
    };
  });

const policies = fc.record({
  pastDueGraceDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  rateDate: fc.constantFrom('month-end' as const, 'record-start' as const),
  countTrialing: fc.boolean(),
});

const rates = {
  EUR: [
    { from: '2020-01-01', rate: '1.5' },
    { from: '2023-09-01', rate: '2' },
  ],
};

type Policies = {
  pastDueGraceDays?: number | undefined;
  rateDate: 'month-end' | 'record-start';
  countTrialing: boolean;
};

function options(p: Policies) {
  return { currency: 'USD', exchangeRates: rates, ...p };
}

/** Each customer's MRR month by month from FIRST to LAST, as the series counts it for that customer alone. */
function customerMrr(subscriptions: readonly ReturnType<typeof record.generate>['value'][], p: Policies) {
  const mrr = new Map<string, number[]>();
  for (const id of new Set(subscriptions.map((s) => s.customerId))) {
    const own = subscriptions.filter((s) => s.customerId === id);
    const rows = recurringRevenueSeries(
      { subscriptions: own },
      { from: monthName(FIRST), to: monthName(LAST), ...options(p) },
    );
    mrr.set(
      id,
      rows.map((row) => row.mrr),
    );
  }
  return mrr;
}

describe('revenueCohorts (properties)', () => {
  it('matches the definitions over each customer’s series, and the cohorts add up to the series', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 14 }), policies, (subscriptions, p) => {
        const mrr = customerMrr(subscriptions, p);
        const paying = [...mrr.values()].some((values) => values.some((v) => v > 0));
        const call = () => revenueCohorts({ subscriptions }, { to: monthName(LAST), ...options(p) });
        if (!paying) {
          expect(call).toThrow(/has no customer/);
          return;
        }
        const result = call();
        // The reference table: cohort = first month with MRR above 0, then the definitions.
        const cohorts = new Map<number, { first: number; values: number[] }[]>();
        for (const values of mrr.values()) {
          const first = values.findIndex((v) => v > 0);
          if (first < 0) continue;
          cohorts.set(first, [...(cohorts.get(first) ?? []), { first, values }]);
        }
        const months = [...cohorts.keys()].sort((x, y) => x - y);
        expect(result.cohorts.map((row) => row.cohort)).toEqual(months.map((m) => monthName(FIRST + m)));
        result.cohorts.forEach((row, i) => {
          const members = cohorts.get(months[i] as number) ?? [];
          const start = months[i] as number;
          const starting = members.reduce((s, c) => s + (c.values[start] as number), 0);
          expect(row.customers).toBe(members.length);
          expect(row.startingMrr).toBe(starting);
          expect(row.mrr).toHaveLength(LAST - FIRST - start + 1);
          let cumulative = 0;
          row.mrr.forEach((value, k) => {
            const m = start + k;
            const total = members.reduce((s, c) => s + (c.values[m] as number), 0);
            const capped = members.reduce((s, c) => s + Math.min(c.values[m] as number, c.values[start] as number), 0);
            cumulative += total;
            expect(value).toBe(total);
            expect(row.netRetention[k]).toBe(total / starting);
            expect(row.grossRetention[k]).toBe(capped / starting);
            expect(row.activeCustomers[k]).toBe(members.filter((c) => (c.values[m] as number) > 0).length);
            expect(row.cumulativeRevenue[k]).toBe(cumulative);
            expect(row.realizedValuePerCustomer[k]).toBeCloseTo(cumulative / members.length, 9);
          });
        });
        // Month by month, the cohorts' MRR and customers add up to the series'.
        const series = recurringRevenueSeries(
          { subscriptions },
          { from: monthName(FIRST), to: monthName(LAST), ...options(p) },
        );
        series.forEach((row, m) => {
          let sum = 0;
          let customers = 0;
          result.cohorts.forEach((cohort, i) => {
            const k = m - (months[i] as number);
            if (k >= 0) {
              sum += cohort.mrr[k] as number;
              customers += cohort.activeCustomers[k] as number;
            }
          });
          expect(sum).toBe(row.mrr);
          expect(customers).toBe(row.customers);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('bounds: gross ≤ net, gross ≤ 1, cumulative revenue and realized value never fall', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 20 }),
        policies,
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const),
        (subscriptions, p, period) => {
          let result: ReturnType<typeof revenueCohorts>;
          try {
            result = revenueCohorts({ subscriptions }, { to: monthName(LAST), period, ...options(p) });
          } catch {
            return;
          }
          const rows: {
            netRetention: number[];
            grossRetention: number[];
            realizedValuePerCustomer: number[];
            cumulativeRevenue?: number[];
          }[] = [...result.cohorts, result.average];
          for (const row of rows) {
            row.grossRetention.forEach((gross, k) => {
              expect(gross).toBeLessThanOrEqual(row.netRetention[k] as number);
              expect(gross).toBeLessThanOrEqual(1);
              expect(gross).toBeGreaterThanOrEqual(0);
            });
            // The average's realized value may fall: a younger cohort leaves it where it has not reached k.
            const rising =
              row.cumulativeRevenue === undefined ? [] : [row.cumulativeRevenue, row.realizedValuePerCustomer];
            for (const values of rising) {
              for (let k = 1; k < values.length; k++) {
                expect(values[k]).toBeGreaterThanOrEqual(values[k - 1] as number);
              }
            }
          }
          if (period === 'month') for (const row of result.cohorts) expect(row.netRetention[0]).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });
});
