import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';

// An independent, slow reference: for each month, each customer's MRR at the last millisecond of the month
// as an exact fraction of BigInts, then the movements and rates straight from their definitions.
type Fraction = readonly [bigint, bigint];
const ZERO: Fraction = [0n, 1n];

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
function norm([n, d]: Fraction): Fraction {
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
}
const add = ([a, b]: Fraction, [c, d]: Fraction): Fraction => norm([a * d + c * b, b * d]);
const sub = (x: Fraction, [c, d]: Fraction): Fraction => add(x, [-c, d]);
const cmp = ([a, b]: Fraction, [c, d]: Fraction): number => (a * d < c * b ? -1 : a * d > c * b ? 1 : 0);
const min = (x: Fraction, y: Fraction): Fraction => (cmp(x, y) <= 0 ? x : y);
const isZero = ([n]: Fraction) => n === 0n;
const Wide = Decimal.clone({ precision: 80 });
const toDouble = ([n, d]: Fraction): number => new Wide(n.toString()).div(d.toString()).toNumber();
const ratio = ([a, b]: Fraction, [c, d]: Fraction): number | null => (c === 0n ? null : toDouble(norm([a * d, b * c])));

const FACTOR: Record<string, Fraction> = {
  day: [365n, 12n],
  week: [52n, 12n],
  month: [1n, 1n],
  quarter: [1n, 3n],
  year: [1n, 12n],
};
const DAY = 86_400_000;
const BASE = Date.UTC(2022, 0, 1);

interface Generated {
  customerId: string;
  cents: number;
  asString: boolean;
  interval: 'day' | 'week' | 'month' | 'quarter' | 'year';
  intervalCount: number;
  quantity: number;
  percentOff: number | undefined;
  startDay: number;
  length: number | undefined;
  status: 'active' | 'trialing' | 'past_due' | 'paused' | 'canceled';
  /** Days of trial before the start, when the record had one. */
  trialDays: number | undefined;
  /** Days from the start to `pastDueSince` (given on past-due records only). */
  pastDueDays: number | undefined;
  /** The `endReason` (given on records with an end only). */
  endReason: 'voluntary' | 'delinquent' | undefined;
}

const generated = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  cents: fc.integer({ min: 0, max: 100_000 }),
  asString: fc.boolean(),
  interval: fc.constantFrom('day', 'week', 'month', 'month', 'quarter', 'year'),
  intervalCount: fc.integer({ min: 1, max: 3 }),
  quantity: fc.integer({ min: 0, max: 3 }),
  percentOff: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  startDay: fc.integer({ min: 0, max: 1300 }),
  length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  status: fc.constantFrom('active', 'active', 'active', 'trialing', 'past_due', 'paused', 'canceled'),
  trialDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  pastDueDays: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
  endReason: fc.constantFrom(undefined, 'voluntary', 'delinquent', 'delinquent'),
}) as fc.Arbitrary<Generated>;

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

function toRecord(g: Generated) {
  const start = BASE + g.startDay * DAY;
  return {
    customerId: g.customerId,
    amount: g.asString ? (g.cents / 100).toFixed(2) : g.cents / 100,
    interval: g.interval,
    intervalCount: g.intervalCount,
    quantity: g.quantity,
    ...(g.percentOff === undefined ? {} : { discount: { percent: g.percentOff / 100 } }),
    start: g.startDay % 3 === 0 ? new Date(start) : day(start),
    ...(g.length === undefined ? {} : { end: day(start + g.length * DAY) }),
    status: g.status,
    ...(g.trialDays === undefined ? {} : { trialStart: day(start - g.trialDays * DAY) }),
    ...(g.pastDueDays === undefined || g.status !== 'past_due'
      ? {}
      : { pastDueSince: day(start + g.pastDueDays * DAY) }),
    ...(g.endReason === undefined || g.length === undefined ? {} : { endReason: g.endReason }),
  };
}

/** Where a record stops counting under a grace of `grace` days, and whether that ending is delinquent. */
function ending(g: Generated, grace: number | undefined): { end: number; delinquent: boolean } {
  const start = BASE + g.startDay * DAY;
  let end = g.length === undefined ? Number.POSITIVE_INFINITY : start + g.length * DAY;
  let delinquent = g.length !== undefined && g.endReason === 'delinquent';
  if (g.status === 'past_due' && g.pastDueDays !== undefined && grace !== undefined) {
    const cut = start + (g.pastDueDays + grace) * DAY;
    if (cut < end) {
      end = cut;
      delinquent = true;
    }
  }
  return { end, delinquent };
}

function monthly(g: Generated): Fraction {
  const [fn, fd] = FACTOR[g.interval] as Fraction;
  const keep = BigInt(100 - (g.percentOff ?? 0));
  return norm([BigInt(g.cents) * BigInt(g.quantity) * keep * fn, 10_000n * fd * BigInt(g.intervalCount)]);
}

const monthStart = (index: number) => Date.UTC(Math.floor(index / 12), index % 12, 1);
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function referenceSeries(
  records: readonly Generated[],
  first: number,
  last: number,
  lookback: number,
  grace: number | undefined,
) {
  const customers = [...new Set(records.map((g) => g.customerId))];
  const earliest = 2021 * 12;
  const value = new Map<string, Fraction>();
  const at = (c: string, m: number) => value.get(`${c}:${m}`) ?? ZERO;
  for (let m = earliest; m <= last; m++) {
    const instant = monthStart(m + 1) - 1;
    for (const g of records) {
      if (g.status === 'trialing' || g.status === 'paused') continue;
      if (g.status === 'canceled' && g.length === undefined) continue;
      const start = BASE + g.startDay * DAY;
      const { end } = ending(g, grace);
      if (start <= instant && instant < end) value.set(`${g.customerId}:${m}`, add(at(g.customerId, m), monthly(g)));
    }
  }
  const monthIndex = (time: number) => new Date(time).getUTCFullYear() * 12 + new Date(time).getUTCMonth();
  const rows = [];
  for (let m = first; m <= last; m++) {
    // Trials straight from the definitions: started in m; started paying in m and active at its end.
    const instant = monthStart(m + 1) - 1;
    let trialsStarted = 0;
    let trialsConverted = 0;
    for (const g of records) {
      if (g.trialDays === undefined) continue;
      const start = BASE + g.startDay * DAY;
      if (monthIndex(start - g.trialDays * DAY) === m) trialsStarted++;
      const { end } = ending(g, grace);
      const counts =
        g.status !== 'trialing' && g.status !== 'paused' && (g.status !== 'canceled' || g.length !== undefined);
      if (monthIndex(start) === m && counts && instant < end && !isZero(monthly(g))) trialsConverted++;
    }
    let mrr = ZERO;
    let starting = ZERO;
    let base = ZERO;
    let retained = ZERO;
    let capped = ZERO;
    const moves = { new: ZERO, expansion: ZERO, contraction: ZERO, churned: ZERO, reactivation: ZERO };
    const counts = { customers: 0, starting: 0, new: 0, reactivated: 0, churned: 0, delinquent: 0 };
    let delinquentMrr = ZERO;
    // A churned customer is delinquent when one of its records paying at the end of m − 1 stops counting
    // in m for a delinquent reason.
    const leftDelinquent = (c: string) =>
      records.some((g) => {
        if (g.customerId !== c || g.status === 'trialing' || g.status === 'paused' || isZero(monthly(g))) return false;
        if (g.status === 'canceled' && g.length === undefined) return false;
        const start = BASE + g.startDay * DAY;
        const { end, delinquent } = ending(g, grace);
        const before = monthStart(m) - 1;
        return delinquent && start <= before && before < end && end <= instant;
      });
    for (const c of customers) {
      const cur = at(c, m);
      const prev = at(c, m - 1);
      const then = at(c, m - lookback);
      mrr = add(mrr, cur);
      starting = add(starting, prev);
      base = add(base, then);
      if (!isZero(cur)) counts.customers++;
      if (!isZero(prev)) counts.starting++;
      if (!isZero(then)) {
        retained = add(retained, cur);
        capped = add(capped, min(cur, then));
      }
      if (isZero(prev) && !isZero(cur)) {
        let before = false;
        for (let k = earliest; k < m - 1; k++) if (!isZero(at(c, k))) before = true;
        if (before) {
          moves.reactivation = add(moves.reactivation, cur);
          counts.reactivated++;
        } else {
          moves.new = add(moves.new, cur);
          counts.new++;
        }
      } else if (!isZero(prev) && isZero(cur)) {
        moves.churned = add(moves.churned, prev);
        counts.churned++;
        if (leftDelinquent(c)) {
          delinquentMrr = add(delinquentMrr, prev);
          counts.delinquent++;
        }
      } else if (cmp(cur, prev) > 0) moves.expansion = add(moves.expansion, sub(cur, prev));
      else if (cmp(cur, prev) < 0) moves.contraction = add(moves.contraction, sub(prev, cur));
    }
    // The bridge reconciles exactly in the reference too.
    const bridge = sub(
      sub(add(add(add(starting, moves.new), moves.expansion), moves.reactivation), moves.contraction),
      moves.churned,
    );
    expect(cmp(bridge, mrr)).toBe(0);
    const lost = add(moves.churned, moves.contraction);
    rows.push({
      month: monthName(m),
      mrr: toDouble(mrr),
      arr: toDouble([mrr[0] * 12n, mrr[1]]),
      customers: counts.customers,
      startingMrr: toDouble(starting),
      startingCustomers: counts.starting,
      newMrr: toDouble(moves.new),
      expansionMrr: toDouble(moves.expansion),
      contractionMrr: toDouble(moves.contraction),
      churnedMrr: toDouble(moves.churned),
      reactivationMrr: toDouble(moves.reactivation),
      netNewMrr: toDouble(sub(mrr, starting)),
      newCustomers: counts.new,
      reactivatedCustomers: counts.reactivated,
      churnedCustomers: counts.churned,
      customerChurnRate: counts.starting === 0 ? null : counts.churned / counts.starting,
      revenueChurnRate: ratio(lost, starting),
      netRevenueChurnRate: ratio(sub(lost, add(moves.expansion, moves.reactivation)), starting),
      averageRevenuePerAccount:
        counts.customers === 0 ? null : toDouble(norm([mrr[0], mrr[1] * BigInt(counts.customers)])),
      retentionFrom: monthName(m - lookback),
      netRevenueRetention: ratio(retained, base),
      grossRevenueRetention: ratio(capped, base),
      period: monthName(m),
      months: 1,
      averageSalePrice: counts.new === 0 ? null : toDouble(norm([moves.new[0], moves.new[1] * BigInt(counts.new)])),
      trialsStarted,
      trialsConverted,
      fxImpactMrr: 0,
      voluntaryChurnedMrr: toDouble(sub(moves.churned, delinquentMrr)),
      delinquentChurnedMrr: toDouble(delinquentMrr),
      voluntaryChurnedCustomers: counts.churned - counts.delinquent,
      delinquentChurnedCustomers: counts.delinquent,
    });
  }
  return rows;
}

const window = fc.record({
  first: fc.integer({ min: 2022 * 12, max: 2024 * 12 + 6 }),
  span: fc.integer({ min: 0, max: 14 }),
  lookback: fc.integer({ min: 1, max: 13 }),
});

describe('recurringRevenueSeries properties', () => {
  it('matches a month-by-month reference computed from the definitions with exact fractions', () => {
    const grace = fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined });
    let delinquent = 0;
    let voluntary = 0;
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 25 }), window, grace, (records, { first, span, lookback }, days) => {
        const last = first + span;
        const rows = recurringRevenueSeries(
          { subscriptions: records.map(toRecord) },
          {
            from: monthName(first),
            to: monthName(last),
            lookback,
            ...(days === undefined ? {} : { pastDueGraceDays: days }),
          },
        );
        expect(rows).toEqual(referenceSeries(records, first, last, lookback, days));
        for (const row of rows) {
          delinquent += row.delinquentChurnedCustomers;
          voluntary += row.voluntaryChurnedCustomers;
        }
      }),
      { numRuns: 150 },
    );
    // The generator reaches both kinds of churn.
    expect(delinquent).toBeGreaterThan(2);
    expect(voluntary).toBeGreaterThan(2);
  });

  it('keeps GRR at most 1 and at most NRR, and rates within their bounds', () => {
    fc.assert(
      fc.property(fc.array(generated, { maxLength: 40 }), window, (records, { first, span, lookback }) => {
        const rows = recurringRevenueSeries(
          { subscriptions: records.map(toRecord) },
          { from: monthName(first), to: monthName(first + span), lookback },
        );
        for (const row of rows) {
          if (row.grossRevenueRetention !== null && row.netRevenueRetention !== null) {
            expect(row.grossRevenueRetention).toBeLessThanOrEqual(1);
            expect(row.grossRevenueRetention).toBeLessThanOrEqual(row.netRevenueRetention);
            expect(row.grossRevenueRetention).toBeGreaterThanOrEqual(0);
          } else expect(row.grossRevenueRetention).toBe(row.netRevenueRetention);
          if (row.revenueChurnRate !== null) {
            expect(row.revenueChurnRate).toBeGreaterThanOrEqual(0);
            expect(row.revenueChurnRate).toBeLessThanOrEqual(1);
          }
          if (row.customerChurnRate !== null) expect(row.customerChurnRate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('reconciles exactly on the printed values when every amount is whole cents a month', () => {
    const cents = generated.map((g) => ({ ...g, interval: 'month' as const, intervalCount: 1, percentOff: undefined }));
    const grace = fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 40 }), window, grace, (records, { first, span, lookback }, days) => {
        const rows = recurringRevenueSeries(
          { subscriptions: records.map(toRecord) },
          { from: monthName(first), to: monthName(first + span), lookback, pastDueGraceDays: days },
        );
        for (const row of rows) {
          // Churn splits exactly into voluntary and delinquent, in money and in customers.
          expect(new Decimal(row.voluntaryChurnedMrr).plus(row.delinquentChurnedMrr).eq(row.churnedMrr)).toBe(true);
          expect(row.voluntaryChurnedCustomers + row.delinquentChurnedCustomers).toBe(row.churnedCustomers);
          expect(row.voluntaryChurnedMrr).toBeGreaterThanOrEqual(0);
          expect(row.delinquentChurnedMrr).toBeGreaterThanOrEqual(0);
          expect(row.delinquentChurnedCustomers).toBeGreaterThanOrEqual(0);
          const bridge = new Decimal(row.startingMrr)
            .plus(row.newMrr)
            .plus(row.expansionMrr)
            .plus(row.reactivationMrr)
            .minus(row.contractionMrr)
            .minus(row.churnedMrr);
          expect(bridge.eq(row.mrr)).toBe(true);
          expect(new Decimal(row.mrr).minus(row.startingMrr).eq(row.netNewMrr)).toBe(true);
          // The same in cents, as documented: Math.round(figure * 100) is each figure's exact number of cents.
          const c = (figure: number) => Math.round(figure * 100);
          const inCents =
            c(row.startingMrr) + c(row.newMrr) + c(row.expansionMrr) + c(row.reactivationMrr) - c(row.contractionMrr);
          expect(inCents - c(row.churnedMrr)).toBe(c(row.mrr));
          expect(c(row.voluntaryChurnedMrr) + c(row.delinquentChurnedMrr)).toBe(c(row.churnedMrr));
          expect(c(row.mrr) - c(row.startingMrr)).toBe(c(row.netNewMrr));
        }
      }),
    );
  });

  it('sums the months of a quarter or year exactly, clipped to from and to, and reconciles', () => {
    const cents = generated.map((g) => ({ ...g, interval: 'month' as const, intervalCount: 1, percentOff: undefined }));
    const periods = fc.record({
      first: fc.integer({ min: 2022 * 12, max: 2024 * 12 + 6 }),
      span: fc.integer({ min: 0, max: 30 }),
      lookback: fc.integer({ min: 1, max: 13 }),
      period: fc.constantFrom('quarter' as const, 'year' as const),
    });
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 40 }), periods, (records, { first, span, lookback, period }) => {
        const subscriptions = records.map(toRecord);
        const options = { from: monthName(first), to: monthName(first + span), lookback, pastDueGraceDays: 30 };
        const monthly = recurringRevenueSeries({ subscriptions }, options);
        const rows = recurringRevenueSeries({ subscriptions }, { ...options, period });
        const c = (figure: number) => Math.round(figure * 100);
        const size = period === 'quarter' ? 3 : 12;
        let at = 0;
        for (const row of rows) {
          // The row's months are the next `months` monthly rows, all in its calendar period.
          const months = monthly.slice(at, at + row.months);
          at += row.months;
          const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1;
          const label = (month: string) =>
            period === 'year' ? month.slice(0, 4) : `${month.slice(0, 4)}-Q${Math.floor((index(month) % 12) / 3) + 1}`;
          expect(months.map((each) => label(each.month))).toEqual(months.map(() => row.period));
          expect(row.months).toBeLessThanOrEqual(size);
          const firstMonth = months[0];
          const lastMonth = months.at(-1);
          if (firstMonth === undefined || lastMonth === undefined) throw new Error('a row covers no month');
          // Full periods except where clipped by from or to.
          if (firstMonth !== monthly[0]) expect(index(firstMonth.month) % size).toBe(0);
          if (lastMonth !== monthly.at(-1)) expect(index(lastMonth.month) % size).toBe(size - 1);
          const sum = (pick: (each: (typeof monthly)[number]) => number) =>
            months.reduce((total, each) => total + pick(each), 0);
          for (const key of [
            'newMrr',
            'expansionMrr',
            'contractionMrr',
            'churnedMrr',
            'reactivationMrr',
            'voluntaryChurnedMrr',
            'delinquentChurnedMrr',
          ] as const) {
            expect(c(row[key]), key).toBe(sum((each) => c(each[key])));
          }
          for (const key of [
            'newCustomers',
            'reactivatedCustomers',
            'churnedCustomers',
            'trialsStarted',
            'trialsConverted',
            'voluntaryChurnedCustomers',
            'delinquentChurnedCustomers',
          ] as const) {
            expect(row[key], key).toBe(sum((each) => each[key]));
          }
          expect(row.startingMrr).toBe(firstMonth.startingMrr);
          expect(row.startingCustomers).toBe(firstMonth.startingCustomers);
          const { month, mrr, arr, customers, averageRevenuePerAccount, retentionFrom } = lastMonth;
          expect(row).toMatchObject({ month, mrr, arr, customers, averageRevenuePerAccount, retentionFrom });
          expect(row.netRevenueRetention).toBe(lastMonth.netRevenueRetention);
          expect(row.grossRevenueRetention).toBe(lastMonth.grossRevenueRetention);
          const gains = c(row.newMrr) + c(row.expansionMrr) + c(row.reactivationMrr);
          const lost = c(row.contractionMrr) + c(row.churnedMrr);
          expect(c(row.startingMrr) + gains - lost).toBe(c(row.mrr));
          expect(c(row.netNewMrr)).toBe(c(row.mrr) - c(row.startingMrr));
          const starting = c(row.startingMrr);
          expect(row.revenueChurnRate).toBe(starting === 0 ? null : lost / starting);
          expect(row.netRevenueChurnRate).toBe(
            starting === 0 ? null : (lost - c(row.expansionMrr) - c(row.reactivationMrr)) / starting,
          );
          expect(row.customerChurnRate).toBe(
            row.startingCustomers === 0 ? null : row.churnedCustomers / row.startingCustomers,
          );
          // Average Sale Price of the period: its new MRR over its new customers, one exact division.
          const newCents = c(row.newMrr);
          expect(row.averageSalePrice).toBe(row.newCustomers === 0 ? null : newCents / (100 * row.newCustomers));
          if (row.averageSalePrice !== null) expect(c(row.averageSalePrice * row.newCustomers)).toBe(newCents);
        }
        expect(at).toBe(monthly.length);
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(
        fc.array(generated, { maxLength: 30 }),
        window,
        fc.integer(),
        (records, { first, span, lookback }, seed) => {
          const subscriptions = records.map(toRecord);
          const shuffled = subscriptions
            .map((record, i) => ({ record, key: (i * 7919 + seed) % 97 }))
            .sort((a, b) => a.key - b.key)
            .map((entry) => entry.record);
          const options = { from: monthName(first), to: monthName(first + span), lookback };
          expect(recurringRevenueSeries({ subscriptions: shuffled }, options)).toEqual(
            recurringRevenueSeries({ subscriptions }, options),
          );
        },
      ),
    );
  });
});

describe('recurringRevenueSeries past-due grace properties', () => {
  const pastDue = generated.map((g) => ({ ...g, status: 'past_due' as const }));
  const records = fc.array(fc.oneof(generated, pastDue), { maxLength: 30 });

  it('a grace of 0 is the record ending delinquent at its pastDueSince', () => {
    fc.assert(
      fc.property(records, window, (generatedRecords, { first, span, lookback }) => {
        const options = { from: monthName(first), to: monthName(first + span), lookback };
        const subscriptions = generatedRecords.map(toRecord);
        // The same records, each past-due one ended where the grace of 0 ends it.
        const ended = subscriptions.map((record) => {
          if (!('pastDueSince' in record) || record.pastDueSince === undefined) return record;
          const { pastDueSince, ...rest } = record;
          const cut = Date.parse(pastDueSince);
          const end = rest.end === undefined ? Number.POSITIVE_INFINITY : Date.parse(rest.end);
          return cut < end ? { ...rest, end: pastDueSince, endReason: 'delinquent' as const } : rest;
        });
        expect(recurringRevenueSeries({ subscriptions }, { ...options, pastDueGraceDays: 0 })).toEqual(
          recurringRevenueSeries({ subscriptions: ended }, options),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('a longer grace never lowers MRR, and no grace is the longest', () => {
    const graces = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }));
    fc.assert(
      fc.property(records, window, graces, (generatedRecords, { first, span, lookback }, [x, y]) => {
        const subscriptions = generatedRecords.map(toRecord);
        const options = { from: monthName(first), to: monthName(first + span), lookback };
        const series = (days: number | undefined) =>
          recurringRevenueSeries({ subscriptions }, { ...options, pastDueGraceDays: days }).map((row) => row.mrr);
        const shorter = series(Math.min(x, y));
        const longer = series(Math.max(x, y));
        const none = series(undefined);
        shorter.forEach((mrr, i) => {
          expect(mrr).toBeLessThanOrEqual(longer[i] as number);
          expect(longer[i] as number).toBeLessThanOrEqual(none[i] as number);
        });
      }),
    );
  });

  it('leaves every figure unchanged when no past-due record says since when', () => {
    fc.assert(
      fc.property(records, window, fc.nat(100), (generatedRecords, { first, span, lookback }, days) => {
        const subscriptions = generatedRecords.map((g) =>
          toRecord({ ...g, pastDueDays: undefined, endReason: undefined }),
        );
        const options = { from: monthName(first), to: monthName(first + span), lookback };
        const rows = recurringRevenueSeries({ subscriptions }, { ...options, pastDueGraceDays: days });
        expect(rows).toEqual(recurringRevenueSeries({ subscriptions }, options));
        for (const row of rows) expect(row.delinquentChurnedCustomers).toBe(0);
      }),
    );
  });
});

// Dated exchange rates: records in USD (the target), EUR or GBP; per currency a table of rates with four
// decimals, the first in force from before any record.
type Code = 'EUR' | 'GBP';
interface Table {
  readonly days: readonly number[];
  readonly rates: readonly number[];
}
const table = fc
  .uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 1800 }), rate: fc.integer({ min: 1, max: 30_000 }) }), {
    selector: (entry) => entry.day,
    maxLength: 30,
  })
  .chain((later) =>
    fc.integer({ min: 1, max: 30_000 }).map((rate): Table => {
      const entries = [{ day: 0, rate }, ...later].sort((a, b) => a.day - b.day);
      return { days: entries.map((entry) => entry.day), rates: entries.map((entry) => entry.rate) };
    }),
  );
const RATES_FROM = Date.UTC(2020, 0, 1);
const rateText = (tenThousandths: number) => (tenThousandths / 10_000).toFixed(4);
const datedOption = (t: Table) =>
  t.days.map((d, i) => ({ from: day(RATES_FROM + d * DAY), rate: rateText(t.rates[i] as number) }));
/** The rate in force at an instant, as a fraction. */
function rateAt(t: Table, instant: number): Fraction {
  let rate = t.rates[0] as number;
  t.days.forEach((d, i) => {
    if (RATES_FROM + d * DAY <= instant) rate = t.rates[i] as number;
  });
  return norm([BigInt(rate), 10_000n]);
}
const mul = ([a, b]: Fraction, [c, d]: Fraction): Fraction => norm([a * c, b * d]);

interface Priced {
  readonly g: Generated;
  readonly currency: Code | undefined;
}
// Three customers paying for long spans, so that most months have customers paying in both.
const priced = fc.record({
  g: generated.map((g) => ({
    ...g,
    customerId: g.customerId < 'c' ? 'a' : g.customerId < 'e' ? 'b' : 'c',
    quantity: Math.max(1, g.quantity),
    length: g.length === undefined ? undefined : g.length * 2,
  })),
  currency: fc.constantFrom(undefined, 'EUR' as const, 'GBP' as const),
});
const toPricedRecord = ({ g, currency }: Priced) =>
  currency === undefined ? toRecord(g) : { ...toRecord(g), currency };

/** The money of each row from the definitions: V and W per customer at month-end rates, exact. */
function referenceFx(records: readonly Priced[], rates: Record<Code, Table>, first: number, last: number) {
  const customers = [...new Set(records.map(({ g }) => g.customerId))];
  const earliest = 2021 * 12;
  const own = new Map<string, Fraction>();
  const ownAt = (c: string, code: string, m: number) => own.get(`${c}:${code}:${m}`) ?? ZERO;
  for (let m = earliest; m <= last; m++) {
    const instant = monthStart(m + 1) - 1;
    for (const { g, currency } of records) {
      if (g.status === 'trialing' || g.status === 'paused') continue;
      if (g.status === 'canceled' && g.length === undefined) continue;
      const start = BASE + g.startDay * DAY;
      const end = g.length === undefined ? Number.POSITIVE_INFINITY : start + g.length * DAY;
      const key = `${g.customerId}:${currency ?? 'USD'}:${m}`;
      if (start <= instant && instant < end) own.set(key, add(own.get(key) ?? ZERO, monthly(g)));
    }
  }
  const rate = (code: string, m: number): Fraction =>
    code === 'USD' ? [1n, 1n] : rateAt(rates[code as Code], monthStart(m + 1) - 1);
  const valueAt = (c: string, m: number, at: number) =>
    ['USD', 'EUR', 'GBP'].reduce((sum, code) => add(sum, mul(ownAt(c, code, m), rate(code, at))), ZERO);
  const rows = [];
  for (let m = first; m <= last; m++) {
    let mrr = ZERO;
    let starting = ZERO;
    let fx = ZERO;
    const moves = { new: ZERO, expansion: ZERO, contraction: ZERO, churned: ZERO, reactivation: ZERO };
    for (const c of customers) {
      const cur = valueAt(c, m, m);
      const prev = valueAt(c, m - 1, m - 1);
      mrr = add(mrr, cur);
      starting = add(starting, prev);
      if (!isZero(prev) && !isZero(cur)) {
        const revalued = valueAt(c, m - 1, m);
        fx = add(fx, sub(revalued, prev));
        if (cmp(cur, revalued) > 0) moves.expansion = add(moves.expansion, sub(cur, revalued));
        else moves.contraction = add(moves.contraction, sub(revalued, cur));
      } else if (isZero(prev) && !isZero(cur)) {
        let before = false;
        for (let k = earliest; k < m - 1; k++) if (!isZero(valueAt(c, k, k))) before = true;
        if (before) moves.reactivation = add(moves.reactivation, cur);
        else moves.new = add(moves.new, cur);
      } else if (!isZero(prev)) moves.churned = add(moves.churned, prev);
    }
    // The bridge with the FX line reconciles exactly.
    const gains = add(add(add(starting, moves.new), moves.expansion), add(moves.reactivation, fx));
    expect(cmp(sub(sub(gains, moves.contraction), moves.churned), mrr)).toBe(0);
    rows.push({
      month: monthName(m),
      mrr: toDouble(mrr),
      startingMrr: toDouble(starting),
      newMrr: toDouble(moves.new),
      expansionMrr: toDouble(moves.expansion),
      contractionMrr: toDouble(moves.contraction),
      churnedMrr: toDouble(moves.churned),
      reactivationMrr: toDouble(moves.reactivation),
      fxImpactMrr: toDouble(fx),
    });
  }
  return rows;
}

const moneyOf = (row: ReturnType<typeof recurringRevenueSeries>[number]) => ({
  month: row.month,
  mrr: row.mrr,
  startingMrr: row.startingMrr,
  newMrr: row.newMrr,
  expansionMrr: row.expansionMrr,
  contractionMrr: row.contractionMrr,
  churnedMrr: row.churnedMrr,
  reactivationMrr: row.reactivationMrr,
  fxImpactMrr: row.fxImpactMrr,
});

describe('recurringRevenueSeries with dated exchange rates', () => {
  const tables = fc.record({ EUR: table, GBP: table });

  it('matches the month-end reference, whose bridge with the FX line reconciles exactly', () => {
    fc.assert(
      fc.property(fc.array(priced, { maxLength: 25 }), tables, window, (records, rates, { first, span, lookback }) => {
        const last = first + span;
        const exchangeRates = { EUR: datedOption(rates.EUR), GBP: datedOption(rates.GBP) };
        const rows = recurringRevenueSeries(
          { subscriptions: records.map(toPricedRecord) },
          { from: monthName(first), to: monthName(last), lookback, currency: 'USD', exchangeRates },
        );
        expect(rows.map(moneyOf)).toEqual(referenceFx(records, rates, first, last));
      }),
      { numRuns: 120 },
    );
  });

  it('gives the rows of fixed rates, with no FX impact, when each table has one entry', () => {
    fc.assert(
      fc.property(fc.array(priced, { maxLength: 30 }), tables, window, (records, rates, { first, span, lookback }) => {
        const subscriptions = records.map(toPricedRecord);
        const options = { from: monthName(first), to: monthName(first + span), lookback, currency: 'USD' };
        const eur = rateText(rates.EUR.rates[0] as number);
        const gbp = rateText(rates.GBP.rates[0] as number);
        const fixed = recurringRevenueSeries({ subscriptions }, { ...options, exchangeRates: { EUR: eur, GBP: gbp } });
        const dated = recurringRevenueSeries(
          { subscriptions },
          {
            ...options,
            exchangeRates: { EUR: [{ from: '2020-01-01', rate: eur }], GBP: [{ from: '2020-01-01', rate: gbp }] },
          },
        );
        expect(dated).toEqual(fixed);
        for (const row of dated) expect(row.fxImpactMrr).toBe(0);
      }),
    );
  });

  it("under 'record-start' has no FX impact, and equals the records converted at their start day's rate", () => {
    const started = priced.map(({ g, currency }) => ({ g: { ...g, percentOff: undefined }, currency }));
    fc.assert(
      fc.property(
        fc.array(started, { maxLength: 30 }),
        tables,
        window,
        fc.boolean(),
        (records, rates, { first, span, lookback }, byFunction) => {
          const options = { from: monthName(first), to: monthName(first + span), lookback, currency: 'USD' };
          const exchangeRates = byFunction
            ? (code: string, date: string) => {
                const [n, d] = rateAt(rates[code as Code], Date.parse(date));
                return new Wide(n.toString()).div(d.toString()).toFixed();
              }
            : { EUR: datedOption(rates.EUR), GBP: datedOption(rates.GBP) };
          const rows = recurringRevenueSeries(
            { subscriptions: records.map(toPricedRecord) },
            { ...options, rateDate: 'record-start', exchangeRates },
          );
          for (const row of rows) expect(row.fxImpactMrr).toBe(0);
          // Each record converted beforehand at the rate in force on its start day: exact decimal strings.
          const converted = records.map(({ g, currency }) => {
            const record = toRecord(g);
            if (currency === undefined) return record;
            const [n, d] = rateAt(rates[currency], BASE + g.startDay * DAY);
            const amount = new Wide(g.cents).div(100).times(n.toString()).div(d.toString()).toFixed();
            return { ...record, amount };
          });
          expect(rows).toEqual(recurringRevenueSeries({ subscriptions: converted }, options));
        },
      ),
    );
  });
});
