import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SummarizedCustomer, type PurchaseUnit, summarizePurchases } from './summarizePurchases.js';

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const UNIT_MS: Record<PurchaseUnit, number> = { day: DAY, week: 7 * DAY, month: (365 * DAY) / 12 };

interface Generated {
  readonly customerId: string | number;
  readonly day: number;
  readonly minute: number;
  readonly cents: number;
}

const transactionArb: fc.Arbitrary<Generated> = fc.record({
  customerId: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'ff', 'g'), fc.integer({ min: 0, max: 6 })),
  day: fc.integer({ min: 0, max: 90 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  cents: fc.integer({ min: 0, max: 1_000_000 }),
});

const caseArb = fc.record({
  transactions: fc.array(transactionArb, { minLength: 1, maxLength: 80 }),
  asOfDay: fc.integer({ min: 1, max: 60 }),
  holdoutDays: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
  unit: fc.constantFrom<PurchaseUnit>('day', 'week', 'month'),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const at = (t: Generated) => START + t.day * DAY + t.minute * 60_000;
const amount = (t: Generated) => (t.cents / 100).toFixed(2);

/** The transactions a case may hold: none after its last day (asOf's, or holdoutEnd's). */
function admitted({ transactions, asOfDay, holdoutDays }: Case): Generated[] {
  return transactions.filter((t) => t.day <= asOfDay + (holdoutDays ?? 0));
}

function options({ asOfDay, holdoutDays, unit }: Case) {
  const asOf = START + asOfDay * DAY + 12 * 3_600_000;
  return holdoutDays === undefined ? { asOf, unit } : { asOf, unit, holdoutEnd: START + (asOfDay + holdoutDays) * DAY };
}

const records = (list: readonly Generated[]) =>
  list.map((t) => ({ customerId: t.customerId, at: at(t), amount: amount(t) }));

/** The summary written plainly: a Map per customer of day → cents, and the definitions applied to it. */
function reference(list: readonly Generated[], c: Case): SummarizedCustomer[] {
  const byCustomer = new Map<string, { id: string | number; days: Map<number, number> }>();
  for (const t of list) {
    const key = `${typeof t.customerId}:${t.customerId}`;
    const entry = byCustomer.get(key) ?? { id: t.customerId, days: new Map<number, number>() };
    entry.days.set(t.day, (entry.days.get(t.day) ?? 0) + t.cents);
    byCustomer.set(key, entry);
  }
  const inUnit = (days: number) => (days * DAY) / UNIT_MS[c.unit];
  const out: SummarizedCustomer[] = [];
  for (const { id, days } of byCustomer.values()) {
    const sorted = [...days.keys()].sort((x, y) => x - y);
    const first = sorted[0] as number;
    if (first >= c.asOfDay) continue;
    const calibration = sorted.filter((d) => d <= c.asOfDay);
    const holdout = sorted.filter((d) => d > c.asOfDay);
    const frequency = calibration.length - 1;
    const repeatCents = calibration.slice(1).reduce((sum, d) => sum + (days.get(d) as number), 0);
    const holdoutCents = holdout.reduce((sum, d) => sum + (days.get(d) as number), 0);
    const history = {
      customerId: id,
      frequency,
      recency: inUnit((calibration.at(-1) as number) - first),
      age: inUnit(c.asOfDay - first),
      monetaryValue: frequency === 0 ? 0 : repeatCents / (frequency * 100),
    };
    out.push(
      c.holdoutDays === undefined
        ? history
        : {
            ...history,
            holdoutFrequency: holdout.length,
            holdoutMonetaryValue: holdout.length === 0 ? 0 : holdoutCents / (holdout.length * 100),
          },
    );
  }
  return out;
}

const byId = (list: readonly SummarizedCustomer[]) =>
  [...list].sort((x, y) =>
    `${typeof x.customerId}${x.customerId}`.localeCompare(`${typeof y.customerId}${y.customerId}`),
  );

/** Runs the summary, or says NO_DATA. */
function summarize(input: Parameters<typeof summarizePurchases>[0], c: Case): SummarizedCustomer[] | 'NO_DATA' {
  try {
    return summarizePurchases(input, options(c)).customers;
  } catch (error) {
    if ((error as { code?: string }).code === 'NO_DATA') return 'NO_DATA';
    throw error;
  }
}

describe('summarizePurchases properties', () => {
  it('equals the definitions applied plainly (a map of days per customer), exactly', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const list = admitted(c);
        fc.pre(list.length > 0);
        const expected = reference(list, c);
        const got = summarize({ transactions: records(list) }, c);
        expect(got).toEqual(expected.length === 0 ? 'NO_DATA' : expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result from columns as from records', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const list = admitted(c);
        fc.pre(list.length > 0);
        const columns = {
          customerIds: list.map((t) => t.customerId),
          at: Float64Array.from(list, at),
          amounts: list.map(amount),
        };
        expect(summarize(columns, c)).toEqual(summarize({ transactions: records(list) }, c));
      }),
    );
  });

  it('does not depend on the order of the transactions, but for the order of the customers', () => {
    fc.assert(
      fc.property(caseArb, fc.integer(), (c, seed) => {
        const list = admitted(c);
        fc.pre(list.length > 0);
        const shuffled = list
          .map((t, i) => ({ t, key: Math.imul(i + 1, 2_654_435_761) ^ seed }))
          .sort((x, y) => x.key - y.key)
          .map((entry) => entry.t);
        const a = summarize({ transactions: records(list) }, c);
        const b = summarize({ transactions: records(shuffled) }, c);
        if (a === 'NO_DATA' || b === 'NO_DATA') expect(a).toBe(b);
        else expect(byId(b)).toEqual(byId(a));
      }),
    );
  });

  it('splitting a purchase into two on the same day changes nothing', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (c, which) => {
        const list = admitted(c);
        fc.pre(list.length > 0);
        const k = which % list.length;
        const t = list[k] as Generated;
        const half = Math.floor(t.cents / 2);
        const split = [
          ...list.slice(0, k),
          { ...t, cents: half },
          ...list.slice(k + 1),
          { ...t, minute: 1439 - t.minute, cents: t.cents - half },
        ];
        expect(summarize({ transactions: records(split) }, c)).toEqual(summarize({ transactions: records(list) }, c));
      }),
    );
  });

  it('bounds: 0 ≤ recency ≤ age, age > 0, recency 0 exactly without repeat purchases; weeks are days ÷ 7', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const list = admitted(c);
        fc.pre(list.length > 0);
        const got = summarize({ transactions: records(list) }, { ...c, unit: 'day' });
        if (got === 'NO_DATA') return;
        const weeks = summarize({ transactions: records(list) }, { ...c, unit: 'week' }) as SummarizedCustomer[];
        got.forEach((history, i) => {
          expect(history.recency).toBeGreaterThanOrEqual(0);
          expect(history.recency).toBeLessThanOrEqual(history.age);
          expect(history.age).toBeGreaterThan(0);
          expect(history.recency === 0).toBe(history.frequency === 0);
          expect(Number.isInteger(history.recency) && Number.isInteger(history.age)).toBe(true);
          expect(weeks[i]?.recency).toBe(history.recency / 7);
          expect(weeks[i]?.age).toBe(history.age / 7);
        });
      }),
    );
  });

  it('a holdout leaves the calibration part as the summary of the purchases up to asOf', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        fc.pre(c.holdoutDays !== undefined);
        const list = admitted(c);
        const calibration = list.filter((t) => t.day <= c.asOfDay);
        fc.pre(calibration.length > 0);
        const withHoldout = summarize({ transactions: records(list) }, c);
        const without = summarize({ transactions: records(calibration) }, { ...c, holdoutDays: undefined });
        if (withHoldout === 'NO_DATA') {
          expect(without).toBe('NO_DATA');
          return;
        }
        const stripped = withHoldout.map(({ holdoutFrequency, holdoutMonetaryValue, ...rest }) => rest);
        expect(byId(stripped)).toEqual(byId(without as SummarizedCustomer[]));
      }),
    );
  });
});
