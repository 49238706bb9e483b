import { describe, expect, it } from 'vitest';
import { expectMetricError, expectUnknownOptionRefused } from '../../test/support/errors.js';
import { invoiceRevenueSeries } from './invoiceRevenueSeries.js';

const series = invoiceRevenueSeries;

/** Monthly lines of `amount` for `months` months from `start` (`YYYY-MM-DD`, day ≤ 28). */
function monthly(customerId: string, amount: number, start: string, months: number) {
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  return Array.from({ length: months }, (_, k) => ({
    customerId,
    amount,
    periodStart: new Date(Date.UTC(year, month - 1 + k, day)).toISOString().slice(0, 10),
    periodEnd: new Date(Date.UTC(year, month + k, day)).toISOString().slice(0, 10),
  }));
}

describe('invoiceRevenueSeries', () => {
  describe('worked examples', () => {
    it("counts usage in the month it was invoiced under 'invoice-month' (Chargebee: $20 base + $30 usage)", () => {
      // Chargebee, "How is metered billing calculated in MRR?": a $20/month base from 5 January; the
      // invoice of 5 February is $50, $20 for February plus $30 of January's usage. MRR: $20 in January,
      // $50 in February.
      const lines = [
        ...monthly('cus', 20, '2024-01-05', 2),
        { customerId: 'cus', amount: 30, kind: 'usage' as const, periodStart: '2024-01-05', periodEnd: '2024-02-05' },
      ];
      const rows = series({ lines }, { from: '2024-01', to: '2024-02', usage: 'invoice-month' });
      expect(rows.map((row) => row.mrr)).toEqual([20, 50]);
      expect(rows.map((row) => row.expansionMrr)).toEqual([0, 30]);
      expect(rows.map((row) => row.usageRevenue)).toEqual([0, 30]);
      // Stripe's and Lago's MRR leave usage out (the default).
      expect(series({ lines }, { from: '2024-01', to: '2024-02' }).map((row) => row.mrr)).toEqual([20, 20]);
    });

    it("scales a prorated line to its full period (ChartMogul's prorate factor)", () => {
      // ChartMogul, "Adding prorated invoices": Adam Smith pays $50 a month for the Bronze Plan from
      // 1 January 2016, adds a seat on 16 March and is charged $25 for the rest of March. With
      // prorate_factor = full period ÷ prorated period (31 days ÷ 16 days, "How MRR is calculated from
      // prorated invoices"), the seat is 25 × 31/16 = $48.4375 of MRR, $48.44 rounded to cents as
      // ChartMogul rounds each line; from April both seats are billed in full, $100.
      const lines = [
        ...monthly('adam', 50, '2016-01-01', 3),
        {
          customerId: 'adam',
          amount: 25,
          periodStart: '2016-03-16',
          periodEnd: '2016-04-01',
          fullPeriod: { interval: 'month' as const },
        },
        { customerId: 'adam', amount: 100, periodStart: '2016-04-01', periodEnd: '2016-05-01' },
      ];
      const rows = series({ lines }, { from: '2016-01', to: '2016-04' });
      expect(rows.map((row) => row.mrr)).toEqual([50, 50, 98.4375, 100]);
      expect(rows.map((row) => row.expansionMrr)).toEqual([0, 0, 48.4375, 1.5625]);
      const cents = series({ lines }, { from: '2016-03', to: '2016-03', rounding: { places: 2 } });
      expect(cents[0]?.mrr).toBe(98.44);
    });

    it('spreads a line over its months (ChartMogul: $90 for 3 months is $30 of MRR)', () => {
      const rows = series(
        { lines: [{ customerId: 'a', amount: 90, periodStart: '2024-01-10', periodEnd: '2024-04-10' }] },
        { from: '2024-01', to: '2024-04' },
      );
      expect(rows.map((row) => row.mrr)).toEqual([30, 30, 30, 0]);
    });

    it('leaves out tax and usage by default (Stripe: 100 × $100 monthly + 50 × $600 yearly = $12,500)', () => {
      // Stripe, "Billing metric definitions": MRR excludes taxes and metered products. Its example of 100
      // subscribers at $100 a month and 50 at $600 a year totals $12,500 (its formula prints 800 USD/12,
      // a typo: 50 × 800/12 would give $13,333.33).
      const lines = [
        ...Array.from({ length: 100 }, (_, i) => ({
          customerId: `a${i}`,
          amount: 120,
          tax: 20,
          periodStart: '2024-01-01',
          periodEnd: '2024-02-01',
        })),
        ...Array.from({ length: 50 }, (_, i) => ({
          customerId: `b${i}`,
          amount: 600,
          periodStart: '2023-07-01',
          periodEnd: '2024-07-01',
        })),
        { customerId: 'a0', amount: 75, kind: 'usage' as const, periodStart: '2024-01-01', periodEnd: '2024-01-31' },
      ];
      const [row] = series({ lines }, { from: '2024-01', to: '2024-01' });
      expect(row?.mrr).toBe(12_500);
      expect(row?.customers).toBe(150);
      expect(row?.usageRevenue).toBe(75);
    });

    it('keeps MRR to the fixed charges of a usage-heavy customer (Lago)', () => {
      // Lago, "MRR": MRR counts fixed charges only; a usage-heavy customer can pay five times its MRR.
      const lines = [
        { customerId: 'heavy', amount: 100, periodStart: '2024-05-01', periodEnd: '2024-06-01' },
        {
          customerId: 'heavy',
          amount: 400,
          kind: 'usage' as const,
          periodStart: '2024-05-01',
          periodEnd: '2024-05-31',
        },
      ];
      const [row] = series({ lines }, { from: '2024-05', to: '2024-05' });
      expect(row?.mrr).toBe(100);
      expect(row?.usageRevenue).toBe(400);
    });
  });

  describe('edge cases', () => {
    it('gives rows of zeros without lines', () => {
      const rows = series({ lines: [] }, { from: '2024-01', to: '2024-02' });
      expect(rows.map((row) => [row.month, row.mrr, row.customers, row.usageRevenue, row.oneOffRevenue])).toEqual([
        ['2024-01', 0, 0, 0, 0],
        ['2024-02', 0, 0, 0, 0],
      ]);
      expect(rows[0]?.netRevenueRetention).toBeNull();
    });

    it('counts a line at the end of each month its half-open period holds', () => {
      const lines = [
        { customerId: 'a', amount: 10, periodStart: '2024-01-05', periodEnd: '2024-01-25' },
        { customerId: 'b', amount: 10, periodStart: '2024-01-31', periodEnd: '2024-01-31' },
        { customerId: 'c', amount: 62, periodStart: '2024-01-31T23:00:00Z', periodEnd: '2024-03-01' },
      ];
      const rows = series({ lines }, { from: '2024-01', to: '2024-03' });
      // c: 29 days and one hour, so 29 1/24 × 12/365 months; it counts at the ends of January and February.
      const months = ((29 + 1 / 24) * 12) / 365;
      expect(rows.map((row) => row.customers)).toEqual([1, 1, 0]);
      expect(rows[0]?.mrr).toBeCloseTo(62 / months, 9);
    });

    it('never counts one-off lines in MRR, and sums them in the month they were invoiced', () => {
      const lines = [
        { customerId: 'a', amount: 500, kind: 'one-off' as const, periodStart: '2024-01-10', periodEnd: '2024-06-10' },
        {
          customerId: 'a',
          amount: 40,
          tax: 4,
          kind: 'one-off' as const,
          periodStart: '2024-03-01',
          periodEnd: '2024-03-01',
          invoicedAt: '2024-02-28',
        },
      ];
      for (const usage of ['exclude', 'invoice-month', 'service-period'] as const) {
        const rows = series({ lines }, { from: '2024-01', to: '2024-03', usage });
        expect(rows.map((row) => row.mrr)).toEqual([0, 0, 0]);
        expect(rows.map((row) => row.oneOffRevenue)).toEqual([500, 36, 0]);
      }
    });

    it("spreads usage over its service period under 'service-period'", () => {
      const lines = [
        { customerId: 'a', amount: 300, kind: 'usage' as const, periodStart: '2024-01-01', periodEnd: '2024-04-01' },
      ];
      const rows = series({ lines }, { from: '2024-01', to: '2024-04', usage: 'service-period' });
      expect(rows.map((row) => row.mrr)).toEqual([100, 100, 100, 0]);
      expect(rows.map((row) => row.usageRevenue)).toEqual([0, 0, 0, 300]);
    });

    it('counts usage in the month of its invoicedAt', () => {
      const lines = [
        {
          customerId: 'a',
          amount: 30,
          kind: 'usage' as const,
          periodStart: '2024-01-01',
          periodEnd: '2024-02-01',
          invoicedAt: '2024-03-02',
        },
      ];
      const rows = series({ lines }, { from: '2024-01', to: '2024-03', usage: 'invoice-month' });
      expect(rows.map((row) => row.mrr)).toEqual([0, 0, 30]);
      expect(rows.map((row) => row.usageRevenue)).toEqual([0, 0, 30]);
    });

    it('does not make a customer paying with a free or fully taxed line', () => {
      const lines = [
        { customerId: 'a', amount: 0, periodStart: '2024-01-01', periodEnd: '2024-02-01' },
        { customerId: 'b', amount: '12.50', tax: '12.5', periodStart: '2024-01-01', periodEnd: '2024-02-01' },
        { customerId: 'c', amount: 0, kind: 'usage' as const, periodStart: '2024-01-01', periodEnd: '2024-01-20' },
      ];
      const [row] = series({ lines }, { from: '2024-01', to: '2024-01', usage: 'invoice-month' });
      expect([row?.mrr, row?.customers]).toEqual([0, 0]);
    });

    it('sums usage and one-off revenue over the months of a quarter', () => {
      const lines = [
        { customerId: 'a', amount: 10, kind: 'usage' as const, periodStart: '2024-01-01', periodEnd: '2024-01-31' },
        {
          customerId: 'a',
          amount: '0.015',
          kind: 'usage' as const,
          periodStart: '2024-02-01',
          periodEnd: '2024-02-29',
        },
        { customerId: 'a', amount: 7, kind: 'one-off' as const, periodStart: '2024-04-01', periodEnd: '2024-04-01' },
      ];
      const rows = series({ lines }, { from: '2024-01', to: '2024-04', period: 'quarter' });
      expect(rows.map((row) => [row.period, row.usageRevenue, row.oneOffRevenue])).toEqual([
        ['2024-Q1', 10.015, 0],
        ['2024-Q2', 0, 7],
      ]);
    });

    it('converts lines at fixed rates', () => {
      const lines = [
        { customerId: 'a', amount: 100, currency: 'EUR', periodStart: '2024-01-01', periodEnd: '2024-02-01' },
        { customerId: 'b', amount: 10, periodStart: '2024-01-01', periodEnd: '2024-02-01' },
        {
          customerId: 'b',
          amount: 5,
          currency: 'EUR',
          kind: 'one-off' as const,
          periodStart: '2024-01-03',
          periodEnd: '2024-01-03',
        },
      ];
      const [row] = series(
        { lines },
        { from: '2024-01', to: '2024-01', currency: 'USD', exchangeRates: { EUR: '1.08' } },
      );
      expect([row?.mrr, row?.oneOffRevenue]).toEqual([118, 5.4]);
    });

    it('reads a lazy list through its own iterator', () => {
      const lines = monthly('a', 10, '2024-01-01', 2);
      const list = new Proxy([] as unknown[], {
        get: (target, key, receiver) =>
          key === 'length'
            ? lines.length
            : key === Symbol.iterator
              ? () => lines[Symbol.iterator]()
              : typeof key === 'string' && /^\d+$/.test(key)
                ? expect.unreachable()
                : Reflect.get(target, key, receiver),
      });
      expect(series({ lines: list as never }, { from: '2024-01', to: '2024-02' }).map((row) => row.mrr)).toEqual([
        10, 10,
      ]);
    });
  });

  describe('validation', () => {
    const window = { from: '2024-01', to: '2024-03' };
    const valid = { customerId: 'a', amount: 10, periodStart: '2024-01-01', periodEnd: '2024-02-01' };

    it('refuses an unknown option, naming it', () => {
      expectUnknownOptionRefused(
        'invoiceRevenueSeries',
        () => series({ lines: [] }, { ...window, countTrialing: true } as never),
        'countTrialing',
      );
    });

    it.each([
      [{ from: '2024-01' }, ['to']],
      [{ from: '2024-1', to: '2024-03' }, ['from']],
      [{ from: '2024-04', to: '2024-03' }, ['to']],
      [{ from: '1900-01', to: '2000-01' }, ['to']],
      [{ ...window, lookback: 0 }, ['lookback']],
      [{ ...window, period: 'week' }, ['period']],
      [{ ...window, usage: 'include' }, ['usage']],
      [{ ...window, usage: null }, ['usage']],
      [{ ...window, exchangeRates: { EUR: 1 } }, ['currency']],
      [{ ...window, currency: 'USD', exchangeRates: { USD: 2 } }, ['exchangeRates']],
      [{ ...window, rounding: { places: 11 } }, ['rounding', 'places']],
    ])('rejects options %j', (options, path) => {
      expectMetricError(() => series({ lines: [valid] }, options as never), 'INVALID_INPUT', path);
    });

    it.each([
      [{ ...valid, tax: 11 }, ['lines', 1, 'tax']],
      [{ ...valid, tax: '10.001' }, ['lines', 1, 'tax']],
      [{ ...valid, tax: -1 }, ['lines', 1, 'tax']],
      [{ ...valid, periodEnd: '2023-12-31' }, ['lines', 1, 'periodEnd']],
      [{ ...valid, periodEnd: undefined }, ['lines', 1, 'periodEnd']],
      [{ ...valid, amount: -5 }, ['lines', 1, 'amount']],
      [{ ...valid, kind: 'metered' }, ['lines', 1, 'kind']],
      [{ ...valid, fullPeriod: { interval: 'fortnight' } }, ['lines', 1, 'fullPeriod', 'interval']],
      [{ ...valid, fullPeriod: { interval: 'month', intervalCount: 0 } }, ['lines', 1, 'fullPeriod', 'intervalCount']],
      [{ ...valid, invoicedAt: 'later' }, ['lines', 1, 'invoicedAt']],
      [{ ...valid, attributes: { plan: 1 } }, ['lines', 1, 'attributes', 'plan']],
      [{ ...valid, customerId: '' }, ['lines', 1, 'customerId']],
      [{ ...valid, currency: 'EUR' }, ['lines', 0, 'currency']],
      [{ ...valid, seats: 2 }, ['lines', 1]],
    ])('rejects line %j', (line, path) => {
      expectMetricError(() => series({ lines: [valid, line] as never }, window), 'INVALID_INPUT', path);
    });

    it('rejects lines that are not a list, and currencies it cannot sum', () => {
      expectMetricError(() => series({ lines: 'x' } as never, window), 'INVALID_INPUT', ['lines']);
      expectMetricError(() => series({} as never, window), 'INVALID_INPUT', ['lines']);
      expectMetricError(
        () =>
          series(
            {
              lines: [
                { ...valid, currency: 'EUR' },
                { ...valid, currency: 'GBP' },
              ],
            },
            window,
          ),
        'INVALID_INPUT',
        ['lines', 1, 'currency'],
      );
      expectMetricError(
        () =>
          series(
            { lines: [{ ...valid, currency: 'EUR' }] },
            { ...window, currency: 'USD', exchangeRates: { GBP: 1.2 } },
          ),
        'INVALID_INPUT',
        ['lines', 0, 'currency'],
      );
    });
  });

  describe('dated exchange rates', () => {
    const eur = [
      { from: '2024-01-01', rate: '1.10' },
      { from: '2024-02-15', rate: '1.05' },
      { from: '2024-03-10', rate: '1.20' },
    ];
    const fx = { currency: 'USD', exchangeRates: { EUR: eur } };
    /** EUR 100 a month for January to March, and USD 50 a month for the same months. */
    const lines = [
      ...monthly('eu', 100, '2024-01-01', 3).map((l) => ({ ...l, currency: 'EUR' })),
      ...monthly('us', 50, '2024-01-01', 3),
    ];

    it("values a EUR line at each month end's rate: the change is FX impact, not contraction", () => {
      const rows = series({ lines }, { from: '2024-01', to: '2024-03', lookback: 1, ...fx });
      expect(rows.map((row) => row.mrr)).toEqual([160, 155, 170]);
      expect(rows.map((row) => row.fxImpactMrr)).toEqual([0, -5, 15]);
      expect(rows.map((row) => row.contractionMrr)).toEqual([0, 0, 0]);
      expect(rows.map((row) => row.expansionMrr)).toEqual([0, 0, 0]);
      for (const row of rows) {
        expect(
          row.startingMrr +
            row.newMrr +
            row.expansionMrr +
            row.reactivationMrr -
            row.contractionMrr -
            row.churnedMrr +
            row.fxImpactMrr,
        ).toBeCloseTo(row.mrr, 9);
        expect([row.delinquentChurnedMrr, row.delinquentChurnedCustomers]).toEqual([0, 0]);
      }
    });

    it('values a churned EUR line at the rate of the month before, a new one at its month', () => {
      const rows = series({ lines }, { from: '2024-01', to: '2024-04', lookback: 1, ...fx });
      expect(rows[3]?.churnedMrr).toBe(170);
      expect(rows[3]?.fxImpactMrr).toBe(0);
    });

    it("keeps the rate of each line's periodStart under 'record-start'", () => {
      const frozen = [
        { customerId: 'eu', amount: 100, currency: 'EUR', periodStart: '2024-01-01', periodEnd: '2024-02-01' },
        { customerId: 'eu', amount: 100, currency: 'EUR', periodStart: '2024-02-20', periodEnd: '2024-03-20' },
      ];
      const rows = series(
        { lines: frozen },
        { from: '2024-01', to: '2024-02', lookback: 1, rateDate: 'record-start', ...fx },
      );
      expect(rows.map((row) => row.mrr)).toEqual([110, 105]);
      expect(rows.map((row) => row.fxImpactMrr)).toEqual([0, 0]);
      expect(rows[1]?.contractionMrr).toBe(5);
    });

    it("converts usage and one-off revenue at their invoicedAt day's rate", () => {
      const billed = [
        {
          customerId: 'eu',
          amount: 40,
          currency: 'EUR',
          kind: 'usage' as const,
          periodStart: '2024-01-01',
          periodEnd: '2024-02-01',
          invoicedAt: '2024-02-20',
        },
        {
          customerId: 'eu',
          amount: 10,
          currency: 'EUR',
          kind: 'one-off' as const,
          periodStart: '2024-02-01',
          periodEnd: '2024-02-01',
          invoicedAt: '2024-02-01',
        },
      ];
      for (const rateDate of ['month-end', 'record-start'] as const) {
        const rows = series({ lines: billed }, { from: '2024-02', to: '2024-02', rateDate, ...fx });
        expect([rows[0]?.usageRevenue, rows[0]?.oneOffRevenue]).toEqual([42, 11]);
      }
      const chargebee = series({ lines: billed }, { from: '2024-02', to: '2024-02', usage: 'invoice-month', ...fx });
      expect(chargebee[0]?.mrr).toBe(42);
      const rated = series(
        { lines: billed },
        { from: '2024-02', to: '2024-02', currency: 'USD', exchangeRates: (_, date) => (date < '2024-02-15' ? 2 : 3) },
      );
      expect([rated[0]?.usageRevenue, rated[0]?.oneOffRevenue]).toEqual([120, 20]);
    });

    it('with a one-entry table gives the rows of the fixed rate', () => {
      const fixed = series(
        { lines },
        { from: '2024-01', to: '2024-04', lookback: 1, currency: 'USD', exchangeRates: { EUR: '1.10' } },
      );
      const table = series(
        { lines },
        {
          from: '2024-01',
          to: '2024-04',
          lookback: 1,
          currency: 'USD',
          exchangeRates: { EUR: [{ from: '2000-01-01', rate: '1.10' }] },
        },
      );
      expect(table).toEqual(fixed);
    });

    it('refuses a missing rate at a day a line needs, naming the day and the line', () => {
      const late = { currency: 'USD', exchangeRates: { EUR: [{ from: '2024-02-01', rate: '1.1' }] } };
      const error = expectMetricError(
        () => series({ lines }, { from: '2024-01', to: '2024-03', lookback: 1, ...late }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
      );
      expect(error.issues[0]?.message).toContain('2024-01-31');
      expect(error.issues[0]?.message).toContain('lines[0]');
      const startError = expectMetricError(
        () => series({ lines }, { from: '2024-01', to: '2024-03', lookback: 1, rateDate: 'record-start', ...late }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
      );
      expect(startError.issues[0]?.message).toContain('2024-01-01');
      const oneOff = [
        {
          customerId: 'eu',
          amount: 5,
          currency: 'EUR',
          kind: 'one-off' as const,
          periodStart: '2024-03-01',
          periodEnd: '2024-03-01',
        },
        {
          customerId: 'eu',
          amount: 5,
          currency: 'EUR',
          kind: 'one-off' as const,
          periodStart: '2024-01-20',
          periodEnd: '2024-01-20',
        },
      ];
      const invoiced = expectMetricError(
        () => series({ lines: oneOff }, { from: '2024-01', to: '2024-03', ...late }),
        'INVALID_INPUT',
        ['exchangeRates', 'EUR'],
      );
      expect(invoiced.issues[0]?.message).toContain('2024-01-20');
      expect(invoiced.issues[0]?.message).toContain('lines[1]');
      // A line the window does not show needs no rate.
      expect(() => series({ lines: oneOff }, { from: '2024-03', to: '2024-03', lookback: 1, ...late })).not.toThrow();
    });
  });

  it('does not mutate input', () => {
    const lines = Object.freeze([
      Object.freeze({
        customerId: 'a',
        amount: 10,
        periodStart: '2024-01-01',
        periodEnd: '2024-02-01',
        fullPeriod: Object.freeze({ interval: 'month' as const }),
      }),
    ]);
    const options = Object.freeze({ from: '2024-01', to: '2024-02', rounding: Object.freeze({ places: 2 }) });
    expect(() => series({ lines }, options)).not.toThrow();
    expect(lines[0]).toEqual({
      customerId: 'a',
      amount: 10,
      periodStart: '2024-01-01',
      periodEnd: '2024-02-01',
      fullPeriod: { interval: 'month' },
    });
  });
});
