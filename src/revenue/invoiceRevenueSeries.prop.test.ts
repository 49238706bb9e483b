import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRevenueSeries } from './invoiceRevenueSeries.js';
import { recurringRevenueSeries } from './recurringRevenueSeries.js';

const DAY = 86_400_000;
const BASE = Date.UTC(2023, 0, 1);
const day = (time: number) => new Date(time).toISOString().slice(0, 10);
/** The date `months` calendar months after `start` on day `d` (at most 28, so never clamped). */
const monthDate = (start: number, months: number, d: number) => {
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, d);
};

const kinds = fc.constantFrom('recurring', 'recurring', 'recurring', 'usage', 'one-off') as fc.Arbitrary<
  'recurring' | 'usage' | 'one-off'
>;

/** Any line: whole months, odd lengths, prorated lines, tax, the three kinds. */
const line = fc
  .record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd'),
    cents: fc.integer({ min: 0, max: 200_000 }),
    taxPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    kind: kinds,
    startDay: fc.integer({ min: 0, max: 700 }),
    length: fc.integer({ min: 0, max: 400 }),
    full: fc.option(fc.constantFrom('day', 'week', 'month', 'quarter', 'year'), { nil: undefined }),
    invoicedDay: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
  })
  .map((g) => {
    const start = BASE + g.startDay * DAY;
    const amount = g.cents / 100;
    return {
      customerId: g.customerId,
      amount,
      ...(g.taxPercent === undefined ? {} : { tax: Math.floor((g.cents * g.taxPercent) / 100) / 100 }),
      kind: g.kind,
      periodStart: day(start),
      periodEnd: day(start + g.length * DAY),
      ...(g.full === undefined ? {} : { fullPeriod: { interval: g.full } }),
      ...(g.invoicedDay === undefined ? {} : { invoicedAt: day(BASE + g.invoicedDay * DAY) }),
    };
  });

const options = fc.record({
  from: fc.constantFrom('2023-01', '2023-06', '2024-01'),
  to: fc.constantFrom('2024-06', '2024-12', '2025-03'),
  lookback: fc.integer({ min: 1, max: 12 }),
  period: fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>,
  usage: fc.constantFrom('exclude', 'invoice-month', 'service-period') as fc.Arbitrary<
    'exclude' | 'invoice-month' | 'service-period'
  >,
});

const cents = (value: number) => Math.round(value * 100);

describe('invoiceRevenueSeries properties', () => {
  it('each row reconciles exactly (monthly amounts rounded to cents)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), options, (lines, opts) => {
        for (const row of invoiceRevenueSeries({ lines }, { ...opts, rounding: { places: 2 } })) {
          expect(
            cents(row.startingMrr) +
              cents(row.newMrr) +
              cents(row.expansionMrr) +
              cents(row.reactivationMrr) -
              cents(row.contractionMrr) -
              cents(row.churnedMrr),
          ).toBe(cents(row.mrr));
          expect(cents(row.netNewMrr)).toBe(cents(row.mrr) - cents(row.startingMrr));
          expect(row.usageRevenue).toBeGreaterThanOrEqual(0);
          expect(row.oneOffRevenue).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("under 'exclude', the rows are those of the recurring lines alone", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), options, (lines, opts) => {
        const strip = (rows: ReturnType<typeof invoiceRevenueSeries>) =>
          rows.map(({ usageRevenue, oneOffRevenue, ...row }) => row);
        const all = invoiceRevenueSeries({ lines }, { ...opts, usage: 'exclude' });
        const recurring = invoiceRevenueSeries(
          { lines: lines.filter((l) => l.kind === 'recurring') },
          { ...opts, usage: 'exclude' },
        );
        expect(strip(all)).toEqual(strip(recurring));
      }),
      { numRuns: 200 },
    );
  });

  it('the usage and one-off revenue do not depend on the usage policy', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), options, (lines, opts) => {
        const revenue = (usage: 'exclude' | 'invoice-month' | 'service-period') =>
          invoiceRevenueSeries({ lines }, { ...opts, usage }).map((row) => [row.usageRevenue, row.oneOffRevenue]);
        expect(revenue('invoice-month')).toEqual(revenue('exclude'));
        expect(revenue('service-period')).toEqual(revenue('exclude'));
      }),
      { numRuns: 100 },
    );
  });

  it('a recurring line of whole months is a subscription record of the same monthly amount and span', () => {
    const whole = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c'),
      monthlyCents: fc.integer({ min: 0, max: 100_000 }),
      startMonth: fc.integer({ min: 0, max: 30 }),
      startDay: fc.integer({ min: 1, max: 28 }),
      months: fc.constantFrom(1, 1, 2, 3, 12),
    });
    fc.assert(
      fc.property(fc.array(whole, { maxLength: 20 }), options, (spans, opts) => {
        const lines = spans.map((s) => ({
          customerId: s.customerId,
          amount: ((s.monthlyCents * s.months) / 100).toFixed(2),
          periodStart: day(monthDate(BASE, s.startMonth, s.startDay)),
          periodEnd: day(monthDate(BASE, s.startMonth + s.months, s.startDay)),
        }));
        const subscriptions = spans.map((s, i) => ({
          customerId: s.customerId,
          amount: s.monthlyCents / 100,
          start: lines[i]?.periodStart,
          end: lines[i]?.periodEnd,
        }));
        const { usage, ...rest } = opts;
        const ours = invoiceRevenueSeries({ lines }, rest).map(({ usageRevenue, oneOffRevenue, ...row }) => row);
        expect(ours).toEqual(recurringRevenueSeries({ subscriptions }, rest));
      }),
      { numRuns: 200 },
    );
  });
});

/** A dated EUR table: in force from before every line, then a few changes, each rate at 2 decimals. */
const eurTable = fc
  .array(fc.record({ day: fc.integer({ min: 0, max: 900 }), cents: fc.integer({ min: 50, max: 200 }) }), {
    maxLength: 8,
  })
  .chain((changes) =>
    fc.integer({ min: 50, max: 200 }).map((first) => {
      const days = [...new Set(changes.map((c) => c.day))].sort((a, b) => a - b);
      return [
        { from: '2022-01-01', rate: (first / 100).toFixed(2) },
        ...days.map((d, i) => ({ from: day(BASE + d * DAY), rate: ((changes[i]?.cents ?? 100) / 100).toFixed(2) })),
      ];
    }),
  );
const withCurrency = fc
  .record({ l: line, eur: fc.boolean() })
  .map(({ l, eur }) => (eur ? { ...l, currency: 'EUR' } : l));
/** Money at 4 decimals (cents × 2-decimal rates) as an exact count of 1/10 000. */
const units = (value: number) => Math.round(value * 10_000);
const rateDates = fc.constantFrom('month-end', 'record-start') as fc.Arbitrary<'month-end' | 'record-start'>;
/** A EUR table, the window and policies, and the rate date. */
const fxCase = fc.tuple(eurTable, options, rateDates);

describe('invoiceRevenueSeries properties with dated exchange rates', () => {
  it('each row reconciles exactly with the FX impact line (cents a month, rates at 2 decimals)', () => {
    fc.assert(
      fc.property(fc.array(withCurrency, { maxLength: 25 }), fxCase, (lines, [eur, opts, rateDate]) => {
        const rows = invoiceRevenueSeries(
          { lines },
          { ...opts, rounding: { places: 2 }, currency: 'USD', exchangeRates: { EUR: eur }, rateDate },
        );
        for (const row of rows) {
          expect(
            units(row.startingMrr) +
              units(row.newMrr) +
              units(row.expansionMrr) +
              units(row.reactivationMrr) -
              units(row.contractionMrr) -
              units(row.churnedMrr) +
              units(row.fxImpactMrr),
          ).toBe(units(row.mrr));
          if (rateDate === 'record-start') expect(row.fxImpactMrr).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('with a one-entry table gives the rows of the fixed rate', () => {
    fc.assert(
      fc.property(
        fc.array(withCurrency, { maxLength: 25 }),
        fc.integer({ min: 1, max: 300 }),
        options,
        rateDates,
        (lines, cents, opts, rateDate) => {
          const rate = (cents / 100).toFixed(2);
          const policies = { ...opts, currency: 'USD', rateDate };
          const fixed = invoiceRevenueSeries({ lines }, { ...policies, exchangeRates: { EUR: rate } });
          const dated = invoiceRevenueSeries(
            { lines },
            { ...policies, exchangeRates: { EUR: [{ from: '2000-01-01', rate }] } },
          );
          expect(dated).toEqual(fixed);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a EUR line of whole months is a EUR subscription record at the same dated rates', () => {
    // Each span as a subscription record, and as the one invoice line that bills its whole span.
    const pair = fc
      .record({
        customerId: fc.constantFrom('a', 'b', 'c'),
        cents: fc.integer({ min: 0, max: 100_000 }),
        at: fc.record({ month: fc.integer({ min: 0, max: 30 }), day: fc.integer({ min: 1, max: 28 }) }),
        months: fc.constantFrom(1, 1, 2, 3, 12),
        currency: fc.constantFrom(undefined, 'EUR'),
      })
      .map(({ customerId, cents: perMonth, at, months, currency }) => {
        const start = day(monthDate(BASE, at.month, at.day));
        const end = day(monthDate(BASE, at.month + months, at.day));
        const named = currency === undefined ? {} : { currency };
        return {
          record: { customerId, amount: perMonth / 100, ...named, start, end },
          line: {
            customerId,
            amount: ((perMonth * months) / 100).toFixed(2),
            ...named,
            periodStart: start,
            periodEnd: end,
          },
        };
      });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 20 }), fxCase, (pairs, [eur, { usage, ...window }, rateDate]) => {
        const policies = { ...window, currency: 'USD', exchangeRates: { EUR: eur }, rateDate };
        const rows = invoiceRevenueSeries({ lines: pairs.map((p) => p.line) }, policies);
        expect(rows.map(({ usageRevenue, oneOffRevenue, ...row }) => row)).toEqual(
          recurringRevenueSeries({ subscriptions: pairs.map((p) => p.record) }, policies),
        );
      }),
      { numRuns: 150 },
    );
  });
});
