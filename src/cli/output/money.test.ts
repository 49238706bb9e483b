// Money rounding on output, checked against decimal.js on the shortest decimal form of each double.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundMoney } from './money.js';

const Reference = Decimal.clone({ precision: 60 });

function reference(value: number, places: number, rounding: 'half-even' | 'half-up'): string {
  const mode = rounding === 'half-up' ? Reference.ROUND_HALF_UP : Reference.ROUND_HALF_EVEN;
  const text = new Reference(String(value)).toFixed(places, mode);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

const amounts = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => cents / 1000),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((cents) => cents / 100 + 0.005),
  fc.constantFrom(1.005, 2.5, -2.5, 0.125, 1e-7, -1e-7, 5e-7, 1e21, 123456789.995),
);

describe('roundMoney', () => {
  for (const [currency, places] of [
    ['USD', 2],
    ['JPY', 0],
    ['BHD', 3],
  ] as const) {
    it(`rounds ${currency} to ${places} places as decimal.js does, both ways`, () => {
      fc.assert(
        fc.property(amounts, fc.constantFrom('half-even', 'half-up' as const), (value, rounding) => {
          expect(roundMoney(value, currency, rounding)).toBe(reference(value, places, rounding));
        }),
        { numRuns: 2000 },
      );
    });
  }
});
