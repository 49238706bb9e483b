import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../test/support/errors.js';
import { cdnowSummary } from '../../test/support/purchaseData.js';
import { expectedMonetaryValue } from './expectedMonetaryValue.js';
import { fitGammaGamma } from './fitGammaGamma.js';

const PUBLISHED = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;

describe('expectedMonetaryValue', () => {
  describe('worked examples', () => {
    const customers = cdnowSummary().slice(0, 10);
    const model = fitGammaGamma({ customers: cdnowSummary() });

    it('gives the expected spends of CDNOW’s first ten customers (Hardie’s workbook, lifetimes’ Quickstart)', () => {
      // lifetimes' Quickstart prints, for its fit of the 946 repeat buyers: 24.658619, 18.911489, 35.170981
      // (×3), 71.462843, 18.911489, 35.170981, 27.282408, 35.170981.
      const quickstart = [
        24.658619, 18.911489, 35.170981, 35.170981, 35.170981, 71.462843, 18.911489, 35.170981, 27.282408, 35.170981,
      ];
      const values = expectedMonetaryValue({ model, customers });
      values.forEach((value, i) => expect(value).toBeCloseTo(quickstart[i] as number, 4));
      // Fader & Hardie's spreadsheet for the note (brucehardie.com/notes/025), as lifetimes'
      // test_conditional_expected_average_profit quotes it: 24.65, 18.91, 35.17, …, 71.46, …, 27.28.
      const workbook = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
      values.forEach((value, i) => expect(Math.abs(value - (workbook[i] as number))).toBeLessThan(0.01));
    });

    it('values one customer as the bulk form does', () => {
      const values = expectedMonetaryValue({ model: PUBLISHED, customers });
      customers.forEach((customer, i) => {
        expect(expectedMonetaryValue({ model: PUBLISHED, customer })).toBe(values[i]);
      });
      // 6.25 · (15.44 + 2 · 22.35)/(6.25 · 2 + 3.74 − 1)
      expect(values[0]).toBeCloseTo((6.25 * (15.44 + 2 * 22.35)) / (12.5 + 2.74), 12);
    });

    it('gives a customer without repeat purchases the population’s mean p·v/(q − 1)', () => {
      expect(expectedMonetaryValue({ model: PUBLISHED, customer: { frequency: 0, monetaryValue: 0 } })).toBeCloseTo(
        (6.25 * 15.44) / 2.74,
        12,
      );
    });

    it('accepts the fit result, decimal strings and summary records', () => {
      const value = expectedMonetaryValue({
        model,
        customer: { customerId: 'c1', recency: 30.43, age: 38.86, frequency: 2, monetaryValue: '22.35' } as never,
      });
      expect(value).toBe(expectedMonetaryValue({ model, customer: { frequency: 2, monetaryValue: 22.35 } }));
    });
  });

  describe('validation', () => {
    it('refuses a model that is not a fitted Gamma-Gamma model', () => {
      const customer = { frequency: 1, monetaryValue: 5 };
      expectMetricError(
        () => expectedMonetaryValue({ model: { ...PUBLISHED, model: 'bg-nbd' } as never, customer }),
        'INVALID_INPUT',
        ['model', 'model'],
      );
      expectMetricError(() => expectedMonetaryValue({ model: { ...PUBLISHED, p: 0 }, customer }), 'INVALID_INPUT', [
        'model',
        'p',
      ]);
      expectMetricError(
        () => expectedMonetaryValue({ model: { ...PUBLISHED, v: Number.POSITIVE_INFINITY }, customer }),
        'INVALID_INPUT',
        ['model', 'v'],
      );
      expectMetricError(() => expectedMonetaryValue({ model: null as never, customer }), 'INVALID_INPUT', ['model']);
    });

    it('refuses a customer without repeat purchases when q ≤ 1 (infinite mean)', () => {
      expectMetricError(
        () => expectedMonetaryValue({ model: { ...PUBLISHED, q: 0.9 }, customer: { frequency: 0, monetaryValue: 0 } }),
        'INVALID_INPUT',
        ['model', 'q'],
      );
      expectMetricError(
        () =>
          expectedMonetaryValue({
            model: { ...PUBLISHED, p: 0.05, q: 0.9 },
            customer: { frequency: 1, monetaryValue: 3 },
          }),
        'INVALID_INPUT',
        ['customer'],
      );
    });

    it('names the bad field of a customer', () => {
      const model = PUBLISHED;
      expectMetricError(
        () => expectedMonetaryValue({ model, customer: { frequency: -1, monetaryValue: 5 } }),
        'INVALID_INPUT',
        ['customer', 'frequency'],
      );
      expectMetricError(
        () => expectedMonetaryValue({ model, customer: { frequency: 1, monetaryValue: -5 } }),
        'INVALID_INPUT',
        ['customer', 'monetaryValue'],
      );
      expectMetricError(
        () =>
          expectedMonetaryValue({
            model,
            customers: [
              { frequency: 1, monetaryValue: 5 },
              { frequency: 1, monetaryValue: 0 },
            ],
          }),
        'INVALID_INPUT',
        ['customers', 1, 'monetaryValue'],
      );
      expectMetricError(() => expectedMonetaryValue({ model, customer: 5 as never }), 'INVALID_INPUT', ['customer']);
      expectMetricError(() => expectedMonetaryValue({ model } as never), 'INVALID_INPUT', []);
      expectMetricError(
        () => expectedMonetaryValue({ model, customer: { frequency: 1, monetaryValue: 5 }, extra: 1 } as never),
        'INVALID_INPUT',
        [],
      );
    });
  });

  it('returns an empty list for no customers', () => {
    expect(expectedMonetaryValue({ model: PUBLISHED, customers: [] })).toEqual([]);
  });

  it('does not mutate input', () => {
    const input = Object.freeze({
      model: Object.freeze({ ...PUBLISHED }),
      customers: Object.freeze([Object.freeze({ frequency: 2, monetaryValue: 22.35 })]),
    });
    const before = JSON.stringify(input);
    expectedMonetaryValue(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('expectedMonetaryValue options', () => {
  it('takes none', () => {
    const input = { model: PUBLISHED, customer: { frequency: 2, monetaryValue: 22.35 } };
    expect(expectedMonetaryValue(input, {})).toBe(expectedMonetaryValue(input));
    expectMetricError(
      () => expectedMonetaryValue(input, { customer: 1 } as never),
      'INVALID_INPUT',
      [],
      'belongs in the input',
    );
  });
});
