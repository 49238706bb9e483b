import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMetricError } from '../errors.js';
import { churnRate } from './churnRate.js';
import {
  type CustomerChurnResult,
  type CustomerLifetime,
  customerChurn,
  type NewCustomerChurn,
} from './customerChurn.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { retentionRate } from './retentionRate.js';

const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

/** Lifetimes on an hourly grid over about a month, some still active, some of zero length. */
const lifetimes = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 800 }),
      length: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
    }),
    { maxLength: 60 },
  )
  .map((list) =>
    list.map(({ start, length }, i): CustomerLifetime => {
      const from = BASE + start * HOUR;
      return length === undefined
        ? { id: `c${i}`, start: from }
        : { id: `c${i}`, start: from, end: from + length * HOUR };
    }),
  );

const period = fc
  .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 400 }))
  .map(([from, length]) => ({ from: BASE + from * HOUR, to: BASE + (from + length) * HOUR }));

const policy = fc.constantFrom('include' as const, 'exclude' as const, 'both' as const);

/** customerChurn, or undefined when nobody is active at from. */
function churn(
  customers: readonly CustomerLifetime[],
  p: { from: number; to: number },
  newCustomerChurn: NewCustomerChurn = 'include',
): CustomerChurnResult | undefined {
  try {
    return customerChurn({ customers, period: p }, { newCustomerChurn });
  } catch (error) {
    if (isMetricError(error) && error.code === 'NO_DATA') return undefined;
    throw error;
  }
}

/** The counts of a shard: an anchor customer, active throughout, keeps NO_DATA away and is then taken out. */
function shardCounts(part: readonly CustomerLifetime[], p: { from: number; to: number }) {
  const result = customerChurn({ customers: [...part, { id: 'anchor', start: 0 }], period: p });
  return {
    customersAtStart: result.customersAtStart - 1,
    customersLost: result.customersLost,
    newCustomers: result.newCustomers,
    customersAtEnd: result.customersAtEnd - 1,
  };
}

/** Whether a lifetime is active at instant t: start ≤ t < end. */
const activeAt = (c: CustomerLifetime, t: number) =>
  (c.start as number) <= t && (c.end === undefined || c.end === null || t < (c.end as number));

describe('customerChurn properties', () => {
  it('counts what the definitions say, instant by instant', () => {
    fc.assert(
      fc.property(lifetimes, period, policy, (customers, p, newCustomerChurn) => {
        const result = churn(customers, p, newCustomerChurn);
        const atStart = customers.filter((c) => activeAt(c, p.from) && (c.start as number) < p.from);
        if (result === undefined) {
          expect(atStart.length).toBe(0);
          return;
        }
        const isNew = (c: CustomerLifetime) =>
          (c.start as number) >= p.from && (c.start as number) < p.to && c.end !== c.start;
        const fresh = customers.filter(isNew);
        const retained = atStart.filter((c) => activeAt(c, p.to));
        const freshLost = fresh.filter((c) => !activeAt(c, p.to));
        const atEnd = customers.filter((c) => activeAt(c, p.to) && (c.start as number) < p.to);
        expect(result.customersAtStart).toBe(atStart.length);
        expect(result.newCustomers).toBe(fresh.length);
        expect(result.customersRetained).toBe(retained.length);
        expect(result.newCustomersLost).toBe(freshLost.length);
        expect(result.customersAtEnd).toBe(atEnd.length);
        const lost = atStart.length - retained.length + (newCustomerChurn === 'exclude' ? 0 : freshLost.length);
        expect(result.customersLost).toBe(lost);
      }),
    );
  });

  it('reconciles: at end = at start − lost of them + new − lost of new', () => {
    fc.assert(
      fc.property(lifetimes, period, (customers, p) => {
        const result = churn(customers, p);
        if (result === undefined) return;
        expect(result.customersAtEnd).toBe(result.customersRetained + result.newCustomers - result.newCustomersLost);
        expect(result.customersLost).toBe(result.customersAtStart - result.customersRetained + result.newCustomersLost);
      }),
    );
  });

  it('has churn + retention = 1 under exclude, and under include when no customer was added', () => {
    fc.assert(
      fc.property(lifetimes, period, policy, (customers, p, newCustomerChurn) => {
        const result = churn(customers, p, newCustomerChurn);
        if (result === undefined) return;
        if (newCustomerChurn === 'exclude' || result.newCustomers === 0) {
          expect(result.churnRate + result.retentionRate).toBeCloseTo(1, 15);
          expect(result.customersLost + result.customersRetained).toBe(result.customersAtStart);
        }
      }),
    );
  });

  it('keeps the rates in [0, 1] where the definition bounds them', () => {
    fc.assert(
      fc.property(lifetimes, period, (customers, p) => {
        const exclude = churn(customers, p, 'exclude');
        const include = churn(customers, p, 'include');
        if (exclude === undefined || include === undefined) return;
        for (const value of [exclude.churnRate, exclude.retentionRate, include.retentionRate]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        expect(include.churnRate).toBeGreaterThanOrEqual(exclude.churnRate);
      }),
    );
  });

  it('relates the three rules: same counts and retention, churn rates from the same numbers', () => {
    fc.assert(
      fc.property(lifetimes, period, (customers, p) => {
        const include = churn(customers, p, 'include');
        const exclude = churn(customers, p, 'exclude');
        const both = churn(customers, p, 'both');
        if (include === undefined || exclude === undefined || both === undefined) {
          // NO_DATA under one rule is NO_DATA under all: the retention rate needs customers at the start.
          expect([include, exclude, both]).toEqual([undefined, undefined, undefined]);
          return;
        }
        // Everything but the lost count and the churn rate is the same under every rule.
        const { customersLost: _i, churnRate: _ir, ...shared } = include;
        for (const other of [exclude, both]) {
          const { customersLost: _l, churnRate: _r, ...rest } = other;
          expect(rest).toEqual(shared);
        }
        // 'both' loses whom 'include' loses, over a base that adds every new customer.
        expect(both.customersLost).toBe(include.customersLost);
        expect(exclude.customersLost).toBe(include.customersLost - include.newCustomersLost);
        expect(include.churnRate).toBe(include.customersLost / include.customersAtStart);
        expect(exclude.churnRate).toBe(exclude.customersLost / exclude.customersAtStart);
        expect(both.churnRate).toBe(both.customersLost / (both.customersAtStart + both.newCustomers));
        // Hence: both ≤ include, both ≤ 1, and both = include exactly when nobody was new.
        expect(both.churnRate).toBeLessThanOrEqual(include.churnRate);
        expect(both.churnRate).toBeLessThanOrEqual(1);
        if (both.newCustomers === 0) expect(both).toEqual(include);
      }),
    );
  });

  it('agrees with churnRate and retentionRate fed its counts', () => {
    fc.assert(
      fc.property(lifetimes, period, policy, (customers, p, newCustomerChurn) => {
        const result = churn(customers, p, newCustomerChurn);
        if (result === undefined) return;
        const base =
          newCustomerChurn === 'both' ? result.customersAtStart + result.newCustomers : result.customersAtStart;
        expect(churnRate({ customersAtStart: base, customersLost: result.customersLost })).toBe(result.churnRate);
        const retention = retentionRate({
          customersAtStart: result.customersAtStart,
          customersAtEnd: result.customersAtEnd,
          newCustomers: result.newCustomers - result.newCustomersLost,
        });
        expect(retention).toBe(result.retentionRate);
      }),
    );
  });

  it('chains: the customers at the end of a period are those at the start of the next', () => {
    fc.assert(
      fc.property(lifetimes, period, fc.integer({ min: 1, max: 400 }), (customers, p, length) => {
        const first = churn(customers, p);
        const next = churn(customers, { from: p.to, to: p.to + length * HOUR });
        if (first === undefined || next === undefined) return;
        expect(next.customersAtStart).toBe(first.customersAtEnd);
      }),
    );
  });

  it('does not depend on the order of the records, on shards, or on how dates are written', () => {
    fc.assert(
      fc.property(lifetimes, period, fc.nat(), (customers, p, split) => {
        const result = churn(customers, p);
        const reversed = churn([...customers].reverse(), p);
        expect(reversed).toEqual(result);
        const asDates = customers.map((c) => ({
          id: c.id,
          start: new Date(c.start as number),
          end: c.end === undefined ? null : new Date(c.end as number).toISOString(),
        }));
        expect(churn(asDates, { from: new Date(p.from).toISOString(), to: p.to } as never)).toEqual(result);
        if (result === undefined) return;
        // Counts from two shards add up to the counts of the whole.
        const cut = customers.length === 0 ? 0 : split % customers.length;
        const left = shardCounts(customers.slice(0, cut), p);
        const right = shardCounts(customers.slice(cut), p);
        for (const key of ['customersAtStart', 'customersLost', 'newCustomers', 'customersAtEnd'] as const) {
          expect(left[key] + right[key]).toBe(result[key]);
        }
      }),
    );
  });
});

describe('customerChurn with segmentBy (properties)', () => {
  const plans = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 60 });

  it('gives the unsegmented call as total, and on each segment the call on its customers alone', () => {
    fc.assert(
      fc.property(lifetimes, plans, period, policy, (list, planList, p, rule) => {
        const customers = list.map((customer, i) => {
          const plan = planList[i];
          return plan === undefined ? customer : { ...customer, attributes: { plan } };
        });
        const whole = churn(customers, p, rule);
        if (whole === undefined) return;
        const result = customerChurn(
          { customers, period: p },
          { segmentBy: 'plan', newCustomerChurn: rule, missingSegment: 'group' },
        );
        expectSegmentsOf(
          result,
          customers,
          (customer) => customer.attributes?.plan ?? '(none)',
          (subset) => customerChurn({ customers: subset, period: p }, { newCustomerChurn: rule }),
          (subset) => churn(subset, p, rule)?.customersAtStart ?? 0,
          30,
        );
      }),
      { numRuns: 200 },
    );
  });
});
