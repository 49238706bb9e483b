import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerChurn } from '../retention/customerChurn.js';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import { type CohortPeriod, type CustomerLifetime, cohortRetention } from './cohortRetention.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BASE = Date.UTC(2023, 10, 20);

/** Lifetimes on an hourly grid over about 14 months, from late 2023; some open, some of zero length. */
const lifetimes = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 10_000 }),
      length: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
    }),
    { maxLength: 50 },
  )
  .map((list) =>
    list.map(({ start, length }, i): CustomerLifetime => {
      const from = BASE + start * HOUR;
      return length === undefined ? { id: i, start: from } : { id: i, start: from, end: from + length * HOUR };
    }),
  );
const asOf = fc.integer({ min: 0, max: 12_000 }).map((hours) => BASE + hours * HOUR);
const period = fc.constantFrom<CohortPeriod>('month', 'week', 'quarter');

/** The start of the period that contains t, and of the n-th period after it, with Date's UTC calendar. */
function periodStart(t: number, period: CohortPeriod, n = 0): number {
  const date = new Date(t);
  if (period === 'week') {
    const day = Math.floor(t / DAY);
    const monday = day - ((((day + 3) % 7) + 7) % 7);
    return (monday + 7 * n) * DAY;
  }
  const month = period === 'month' ? date.getUTCMonth() : date.getUTCMonth() - (date.getUTCMonth() % 3);
  return Date.UTC(date.getUTCFullYear(), month + (period === 'month' ? n : 3 * n), 1);
}

/** The table by brute force: for each cohort, count members still active at each period end up to asOf. */
function bruteForce(customers: readonly CustomerLifetime[], period: CohortPeriod, limit: number) {
  const cohorts = new Map<number, CustomerLifetime[]>();
  for (const c of customers) {
    const s = c.start as number;
    if (s > limit || c.end === s) continue;
    const key = periodStart(s, period);
    cohorts.set(key, [...(cohorts.get(key) ?? []), c]);
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, members]) => {
      const active: number[] = [];
      for (let k = 0; periodStart(key, period, k + 1) <= limit; k++) {
        const boundary = periodStart(key, period, k + 1);
        active.push(members.filter((c) => c.end === undefined || (c.end as number) > boundary).length);
      }
      return { start: new Date(key).toISOString().slice(0, 10), size: members.length, active };
    });
}

describe('cohortRetention properties', () => {
  it('matches a brute-force count with the calendar of Date', () => {
    fc.assert(
      fc.property(lifetimes, period, asOf, (customers, p, limit) => {
        const { cohorts } = cohortRetention({ customers }, { period: p, asOf: limit });
        const expected = bruteForce(customers, p, limit);
        expect(cohorts.map(({ start, size, active }) => ({ start, size, active }))).toEqual(expected);
        for (const cohort of cohorts) {
          expect(cohort.retention).toEqual(cohort.active.map((n) => n / cohort.size));
        }
      }),
    );
  });

  it('never rises within a cohort and stays in [0, 1]', () => {
    fc.assert(
      fc.property(lifetimes, period, asOf, (customers, p, limit) => {
        for (const cohort of cohortRetention({ customers }, { period: p, asOf: limit }).cohorts) {
          cohort.retention.forEach((value, k) => {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
            if (k > 0) expect(value).toBeLessThanOrEqual(cohort.retention[k - 1] as number);
          });
        }
      }),
    );
  });

  it('averages with sizes as weights, over the cohorts that reached each period', () => {
    fc.assert(
      fc.property(lifetimes, period, asOf, (customers, p, limit) => {
        const { cohorts, average } = cohortRetention({ customers }, { period: p, asOf: limit });
        const longest = Math.max(0, ...cohorts.map((c) => c.active.length));
        expect(average).toHaveLength(longest);
        average.forEach((value, k) => {
          const reached = cohorts.filter((c) => c.active.length > k);
          const active = reached.reduce((sum, c) => sum + (c.active[k] as number), 0);
          const size = reached.reduce((sum, c) => sum + c.size, 0);
          expect(value).toBe(active / size);
          expect(value).toBeGreaterThanOrEqual(Math.min(...reached.map((c) => c.retention[k] as number)));
          expect(value).toBeLessThanOrEqual(Math.max(...reached.map((c) => c.retention[k] as number)));
        });
        // Younger cohorts have shorter rows: one period fewer per period of age.
        for (let i = 1; i < cohorts.length; i++) {
          expect((cohorts[i] as { active: number[] }).active.length).toBeLessThan(
            (cohorts[i - 1] as { active: number[] }).active.length,
          );
        }
      }),
    );
  });

  it('does not depend on the order of the records', () => {
    fc.assert(
      fc.property(lifetimes, period, asOf, (customers, p, limit) => {
        expect(cohortRetention({ customers: [...customers].reverse() }, { period: p, asOf: limit })).toEqual(
          cohortRetention({ customers }, { period: p, asOf: limit }),
        );
      }),
    );
  });

  it('agrees with customerChurn: active[k] are the members at the end of the cohort’s first k + 1 periods', () => {
    fc.assert(
      fc.property(lifetimes, asOf, (customers, limit) => {
        for (const cohort of cohortRetention({ customers }, { asOf: limit }).cohorts) {
          const from = Date.parse(`${cohort.start}T00:00:00Z`);
          const members = customers.filter(
            (c) => c.end !== c.start && periodStart(c.start as number, 'month') === from,
          );
          cohort.active.forEach((active, k) => {
            // An anchor active throughout keeps NO_DATA away; it is taken out of the count.
            const anchored = [...members, { id: 'anchor', start: 0 }];
            const to = periodStart(from, 'month', k + 1);
            expect(customerChurn({ customers: anchored, period: { from, to } }).customersAtEnd - 1).toBe(active);
          });
        }
      }),
    );
  });

  it('puts any instant, fractional or far from 1970, in the month its whole millisecond falls in', () => {
    fc.assert(
      fc.property(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), (time) => {
        const { cohorts } = cohortRetention({ customers: [{ id: 1, start: time }] }, { asOf: time });
        const date = new Date(Math.floor(time));
        const month = `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
        if (date.getUTCFullYear() >= 0) expect(cohorts[0]?.cohort).toBe(month);
      }),
    );
  });
});

describe('cohortRetention with segmentBy (properties)', () => {
  it('gives the unsegmented call as total, and on each segment the call on its customers alone', () => {
    const channels = fc.array(fc.constantFrom('ads', 'sales', 'partner'), { maxLength: 50 });
    fc.assert(
      fc.property(lifetimes, channels, asOf, period, (list, channelList, at, p) => {
        const customers = list.map((customer, i) => {
          const channel = channelList[i];
          return channel === undefined ? customer : { ...customer, attributes: { channel } };
        });
        const options = { asOf: at, period: p };
        expectSegmentsOf(
          cohortRetention({ customers }, { ...options, segmentBy: 'channel', missingSegment: 'group' }),
          customers,
          (customer) => customer.attributes?.channel ?? '(none)',
          (subset) => cohortRetention({ customers: subset }, options),
          (subset) => cohortRetention({ customers: subset }, options).cohorts.reduce((sum, row) => sum + row.size, 0),
          30,
        );
      }),
      { numRuns: 150 },
    );
  });
});
