// Money on output: exact inside, rounded once to the currency's minor unit with decimal arithmetic on the
// digits of the number as written (never a binary `toFixed`), ties broken by the chosen rounding.

/** How a tie is rounded: to the even digit (the library's default) or away from zero. */
export type Rounding = 'half-even' | 'half-up';

/** The rounding choices, as `--rounding` takes them. */
export const ROUNDINGS = ['half-even', 'half-up'] as const satisfies readonly Rounding[];

/** The library's own default for rounding money (`LineRounding.mode`, `'halfEven'`). */
export const DEFAULT_ROUNDING: Rounding = 'half-even';

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
  const text = roundDecimal(value, minorUnit(currency), rounding);
  // A tiny negative amount rounds to zero, which has no sign.
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * `value` rounded to `places` decimals, from the digits of its shortest decimal form (`String(value)`, read
 * with its exponent when it has one); a tie goes to the even digit or away from zero.
 */
function roundDecimal(value: number, places: number, rounding: Rounding): string {
  const { whole, fraction } = plainDecimal(String(Math.abs(value)));
  const kept = BigInt(whole + fraction.slice(0, places).padEnd(places, '0'));
  const next = fraction.charCodeAt(places) - 48;
  const beyond = /[1-9]/.test(fraction.slice(places + 1));
  const tie = next === 5 && !beyond;
  const up = next > 5 || (next === 5 && beyond) || (tie && (rounding === 'half-up' || kept % 2n === 1n));
  const digits = (up ? kept + 1n : kept).toString().padStart(places + 1, '0');
  const sign = value < 0 ? '-' : '';
  return places > 0 ? `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}` : `${sign}${digits}`;
}

/** The whole and fraction digits of a non-negative number written as `123.45` or `1.2345e-7` / `1e+21`. */
function plainDecimal(text: string): { whole: string; fraction: string } {
  const [mantissa = '0', power] = text.split('e');
  const [head = '0', tail = ''] = mantissa.split('.');
  if (power === undefined) return { whole: head, fraction: tail };
  const digits = head + tail;
  const point = head.length + Number(power);
  if (point <= 0) return { whole: '0', fraction: '0'.repeat(-point) + digits };
  if (point >= digits.length) return { whole: digits.padEnd(point, '0'), fraction: '' };
  return { whole: digits.slice(0, point), fraction: digits.slice(point) };
}

/** A number that is not money, with at most 15 significant digits (so `0.1 + 0.2` reads `0.3`). */
export function plainNumber(value: number): number {
  return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(15));
}
