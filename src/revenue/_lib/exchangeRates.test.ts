import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { DAY_MS } from '../../internal/dates.js';
import { parse } from '../../internal/parse.js';
import { exchangeRatesSchema, isIdentityFor, monthEndDay, RateBook } from './exchangeRates.js';

const day = (text: string) => Date.parse(text) / DAY_MS;

describe('RateBook', () => {
  const table = [
    { from: '2024-01-01', rate: '1.10' },
    { from: '2024-02-15', rate: 1.05 },
  ];

  it('takes the last rate whose day is at or before the day asked, each from its day until the next', () => {
    const book = new RateBook('m', { EUR: table, GBP: '1.25' });
    const eur = book.indexOf('EUR');
    expect(book.indexOf('EUR')).toBe(eur);
    expect(book.indexOf('CHF')).toBe(-1);
    expect(book.at(eur, day('2024-01-01'), 'r')).toEqual({ int: 110, scale: 2 });
    expect(book.at(eur, day('2024-02-14'), 'r')).toEqual({ int: 110, scale: 2 });
    expect(book.at(eur, day('2024-02-15'), 'r')).toEqual({ int: 105, scale: 2 });
    expect(book.at(eur, day('2030-01-01'), 'r')).toEqual({ int: 105, scale: 2 });
    expect(book.fixed[eur]).toBeUndefined();
    const gbp = book.indexOf('GBP');
    expect(book.fixed[gbp]).toEqual({ int: 125, scale: 2 });
    expect(book.at(gbp, 0, 'r')).toEqual({ int: 125, scale: 2 });
    expectMetricError(
      () => book.at(eur, day('2023-12-31'), 'lines[4]'),
      'INVALID_INPUT',
      ['exchangeRates', 'EUR'],
      'has no rate in force on 2023-12-31, which lines[4] needs (its first rate is from 2024-01-01)',
    );
  });

  it('asks a rate function once per currency and day, and checks what it returns', () => {
    const calls: string[] = [];
    const book = new RateBook('m', (currency, date) => {
      calls.push(`${currency} ${date}`);
      if (currency === 'ARS') return [1] as unknown as number;
      if (currency === 'BRL') return null as unknown as number;
      if (currency === 'CLP') return (() => 1) as unknown as number;
      if (currency === 'COP') return 'x'.repeat(50);
      if (currency === 'MXN') throw 'no';
      return '0.0001';
    });
    const jpy = book.indexOf('JPY');
    expect(book.at(jpy, day('2024-03-31'), 'r')).toEqual({ int: 1, scale: 4 });
    expect(book.at(jpy, day('2024-03-31'), 'r')).toEqual({ int: 1, scale: 4 });
    expect(book.at(jpy, day('2024-04-30'), 'r')).toEqual({ int: 1, scale: 4 });
    expect(calls).toEqual(['JPY 2024-03-31', 'JPY 2024-04-30']);
    for (const [code, shown] of [
      ['ARS', 'an array'],
      ['BRL', 'null'],
      ['CLP', 'a function'],
      ['COP', `"${'x'.repeat(40)}…"`],
    ]) {
      expectMetricError(
        () => book.at(book.indexOf(code as string), day('2024-03-31'), 'r'),
        'INVALID_INPUT',
        ['exchangeRates', code as string],
        `exchangeRates("${code}", "2024-03-31") returned ${shown}`,
      );
    }
    expectMetricError(
      () => book.at(book.indexOf('MXN'), day('2024-03-31'), 'r'),
      'INVALID_INPUT',
      ['exchangeRates', 'MXN'],
      'threw: no',
    );
  });
});

describe('exchangeRatesSchema', () => {
  const read = (value: unknown) => parse('m', exchangeRatesSchema, value, 'options', ['exchangeRates']);

  it('accepts fixed rates, dated tables and a function', () => {
    const fn = () => 1;
    expect(read({ EUR: '1.08', GBP: [{ from: '2024-01-01', rate: 1.2 }] })).toEqual({
      EUR: '1.08',
      GBP: [{ from: '2024-01-01', rate: 1.2 }],
    });
    expect(read(fn)).toBe(fn);
  });

  it('refuses days out of order or repeated, at the later entry', () => {
    const later = { from: '2024-02-01', rate: 1 };
    expectMetricError(() => read({ EUR: [later, { from: '2024-01-01', rate: 1 }] }), 'INVALID_INPUT', [
      'exchangeRates',
      'EUR',
      1,
      'from',
    ]);
    expectMetricError(
      () => read({ EUR: [later, later] }),
      'INVALID_INPUT',
      ['exchangeRates', 'EUR', 1, 'from'],
      'repeats 2024-02-01',
    );
  });
});

describe('helpers', () => {
  it('knows whether the target currency converts to itself', () => {
    expect(isIdentityFor({ USD: 1, EUR: 2 }, 'USD')).toBe(true);
    expect(isIdentityFor({ USD: [{ from: '2024-01-01', rate: '1.0' }] }, 'USD')).toBe(true);
    expect(isIdentityFor({ USD: [{ from: '2024-01-01', rate: '1.01' }] }, 'USD')).toBe(false);
    expect(isIdentityFor({ USD: '0.99' }, 'USD')).toBe(false);
    expect(isIdentityFor(() => 2, 'USD')).toBe(true);
    expect(isIdentityFor({ EUR: 2 }, undefined)).toBe(true);
  });

  it('finds the last day of a month', () => {
    expect(monthEndDay(2024 * 12 + 1)).toBe(day('2024-02-29'));
    expect(monthEndDay(2023 * 12 + 11)).toBe(day('2023-12-31'));
  });
});
