// Money on output: exact inside, rounded once to the currency's minor unit with decimal arithmetic (never a
// binary `toFixed`), ties broken by the chosen rounding.
import { Decimal } from 'decimal.js';

/** How a tie is rounded: to the even digit (the library's default) or away from zero. */
export type Rounding = 'half-even' | 'half-up';

/** The rounding choices, as `--rounding` takes them. */
export const ROUNDINGS = ['half-even', 'half-up'] as const satisfies readonly Rounding[];

/** The library's own default for rounding money (`LineRounding.mode`, `'halfEven'`). */
export const DEFAULT_ROUNDING: Rounding = 'half-even';

// A constructor of our own, so that no other Decimal configuration reaches this rounding.
const Exact = Decimal.clone({ precision: 40 });

const minorUnits = new Map<string, number>();

/**
 * Decimal places of a currency's minor unit (JPY 0, USD 2, BHD 3), from the runtime's ISO 4217 data; 2 when
 * the currency is unknown or not given.
 */
export function minorUnit(currency: string | undefined): number {
  if (currency === undefined) return 2;
  let places = minorUnits.get(currency);
  if (places === undefined) {
    try {
      places =
        new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      places = 2;
    }
    minorUnits.set(currency, places);
  }
  return places;
}

/**
 * An amount rounded to the minor unit of its currency, as a decimal string with exactly that many places.
 * The number is read as the shortest decimal that names it (`1.005` is 1.005, not the binary double below
 * it), so `1.005` rounds half up to `1.01`.
 */
export function roundMoney(value: number, currency: string | undefined, rounding: Rounding): string {
  const mode = rounding === 'half-up' ? Exact.ROUND_HALF_UP : Exact.ROUND_HALF_EVEN;
  const text = new Exact(String(value)).toFixed(minorUnit(currency), mode);
  // A tiny negative amount rounds to zero, which has no sign.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A number that is not money, with at most 15 significant digits (so `0.1 + 0.2` reads `0.3`). */
export function plainNumber(value: number): number {
  return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(15));
}
