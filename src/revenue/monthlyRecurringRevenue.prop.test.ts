import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyAmount } from './monthlyAmount.js';
import { monthlyRecurringRevenue } from './monthlyRecurringRevenue.js';

// An independent reference: each record's monthly amount as an exact fraction of BigInts.
type Fraction = readonly [bigint, bigint];

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function add([a, b]: Fraction, [c, d]: Fraction): Fraction {
  const n = a * d + c * b;
  const m = b * d;
  const g = gcd(n, m) || 1n;
  return [n / g, m / g];
}

const Wide = Decimal.clone({ precision: 80 });

/** The nearest double to a fraction (80 significant digits, then one rounding to a double). */
function toDouble([n, d]: Fraction): number {
  return new Wide(n.toString()).div(d.toString()).toNumber();
}

const FACTOR: Record<string, Fraction> = {
  day: [365n, 12n],
  week: [52n, 12n],
  month: [1n, 1n],
  quarter: [1n, 3n],
  year: [1n, 12n],
};

interface Generated {
  customerId: string;
  cents: number;
  asString: boolean;
  interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
  intervalCount: number;
  quantity: number;
  percentOff: number | undefined;
}

const generated = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd'),
  cents: fc.integer({ min: 0, max: 5_000_000 }),
  asString: fc.boolean(),
  interval: fc.constantFrom('day', 'week', 'month', 'quarter', 'year'),
  intervalCount: fc.integer({ min: 1, max: 4 }),
  quantity: fc.integer({ min: 0, max: 5 }),
  percentOff: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
}) as fc.Arbitrary<Generated>;

function toRecord(g: Generated, scale = 1) {
  const cents = g.cents * scale;
  return {
    customerId: g.customerId,
    amount: g.asString ? (cents / 100).toFixed(2) : cents / 100,
    interval: g.interval,
    intervalCount: g.intervalCount,
    quantity: g.quantity,
    ...(g.percentOff === undefined ? {} : { discount: { percent: g.percentOff / 100 } }),
  };
}

function reference(records: readonly Generated[], scale = 1): Fraction {
  let total: Fraction = [0n, 1n];
  for (const g of records) {
    const [fn, fd] = FACTOR[g.interval] as Fraction;
    const keep = BigInt(100 - (g.percentOff ?? 0));
    const n = BigInt(g.cents * scale) * BigInt(g.quantity) * keep * fn;
    const d = 100n * 100n * fd * BigInt(g.intervalCount);
    total = add(total, [n, d]);
  }
  return total;
}

describe('monthlyRecurringRevenue properties', () => {
  it('equals the exact rational sum of the monthly amounts, correctly rounded', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 60 }), (records) => {
        expect(monthlyRecurringRevenue({ subscriptions: records.map((g) => toRecord(g)) })).toBe(
          toDouble(reference(records)),
        );
      }),
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 40 }), fc.integer(), (records, seed) => {
        const subscriptions = records.map((g) => toRecord(g));
        const shuffled = subscriptions
          .map((record, i) => ({ record, key: (i * 7919 + seed) % 101 }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.record);
        expect(monthlyRecurringRevenue({ subscriptions: shuffled })).toBe(monthlyRecurringRevenue({ subscriptions }));
      }),
    );
  });

  it('scales exactly with the amounts', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 40 }), fc.integer({ min: 2, max: 1000 }), (records, k) => {
        const scaled = monthlyRecurringRevenue({ subscriptions: records.map((g) => toRecord(g, k)) });
        const [n, d] = reference(records);
        expect(scaled).toBe(toDouble([n * BigInt(k), d]));
      }),
    );
  });

  it('sums many cent amounts to exactly their decimal sum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000_000_000 }), fc.boolean()), {
          minLength: 1,
          maxLength: 3000,
        }),
        (amounts) => {
          const subscriptions = amounts.map(([cents, asString], i) => ({
            customerId: `c${i}`,
            amount: asString ? (cents / 100).toFixed(2) : cents / 100,
          }));
          const decimalSum = amounts.reduce((sum, [cents]) => sum.plus(new Decimal(cents).div(100)), new Decimal(0));
          expect(monthlyRecurringRevenue({ subscriptions })).toBe(decimalSum.toNumber());
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is the sum of the monthly amounts of its records, rounded per line when asked', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 30 }), fc.constantFrom('halfEven', 'halfUp'), (records, mode) => {
        const subscriptions = records.map((g) => toRecord(g));
        const rounding = { places: 2, mode } as const;
        const cents = subscriptions.reduce(
          (sum, { customerId: _, ...price }) => sum + Math.round(monthlyAmount(price, { rounding }) * 100),
          0,
        );
        expect(monthlyRecurringRevenue({ subscriptions }, { rounding })).toBe(cents / 100);
      }),
    );
  });

  it('never loses MRR to a longer past-due grace, and counts every record without one', () => {
    const DAY = 86_400_000;
    const BASE = Date.UTC(2024, 0, 1);
    const record = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c'),
      amount: fc.integer({ min: 0, max: 10_000 }),
      status: fc.constantFrom('active' as const, 'past_due' as const),
      startDay: fc.integer({ min: 0, max: 100 }),
      sinceDays: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    });
    const day = (time: number) => new Date(time).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 20 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        (records, asOfDay, x, y) => {
          const subscriptions = records.map((r) => {
            const start = BASE + r.startDay * DAY;
            return {
              customerId: r.customerId,
              amount: r.amount,
              status: r.status,
              start: day(start),
              ...(r.length === undefined ? {} : { end: day(start + r.length * DAY) }),
              ...(r.status === 'past_due' && r.sinceDays !== undefined
                ? { pastDueSince: day(start + r.sinceDays * DAY) }
                : {}),
            };
          });
          const asOf = day(BASE + asOfDay * DAY);
          const at = (pastDueGraceDays?: number) =>
            monthlyRecurringRevenue(
              { subscriptions },
              { asOf, ...(pastDueGraceDays === undefined ? {} : { pastDueGraceDays }) },
            );
          expect(at(Math.min(x, y))).toBeLessThanOrEqual(at(Math.max(x, y)));
          expect(at(Math.max(x, y))).toBeLessThanOrEqual(at());
        },
      ),
    );
  });
});
