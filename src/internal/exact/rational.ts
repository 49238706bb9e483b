// Exact rationals on BigInt numerators and denominators, for results that are ratios but not finite
// decimals (a weighted mean such as 2287/57), where a 34-digit decimal would round twice: once to 34
// digits, once to a double. Without decimal.js, so it adds nothing to a bundle that does not need it.
//
// Every number input is read as the decimal of its shortest round-trip form (`String(0.1)` is "0.1"), as
// everywhere in the library, so 0.1 means one tenth and not the binary double nearest to it.
import { gcd, pow10, ratioToNumber } from './integer.js';

/** A rational `num / den` with `den > 0` (not necessarily in lowest terms). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^([+-]?)(?=\.?\d)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The exact value of a valid decimal (a finite number, read through its shortest round-trip form, or a
 * plain decimal string such as `"1234.50"`) as `digits / 10^places`.
 */
export function rationalOf(value: number | string): Rational {
  const text = typeof value === 'number' ? String(value) : value;
  const match = DECIMAL.exec(text);
  if (match === null) throw new RangeError(`not a decimal: ${text}`);
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  let places = fraction.length - (exponentText === undefined ? 0 : Number(exponentText));
  let digits = BigInt(`${whole}${fraction}`);
  if (places < 0) {
    digits *= pow10(-places);
    places = 0;
  }
  return { num: sign === '-' ? -digits : digits, den: pow10(places) };
}

/** The rational of an integer. */
export function integer(value: bigint | number): Rational {
  return { num: BigInt(value), den: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  return a.den === b.den
    ? { num: a.num + b.num, den: a.den }
    : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function subtract(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function multiply(a: Rational, b: Rational): Rational {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** `a ÷ b`; `b` must not be zero. */
export function divide(a: Rational, b: Rational): Rational {
  return b.num < 0n ? { num: -a.num * b.den, den: a.den * -b.num } : { num: a.num * b.den, den: a.den * b.num };
}

/** `-1`, `0` or `1` as `a` is below, equal to or above `b`. */
export function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The same rational in lowest terms. */
export function reduce(a: Rational): Rational {
  const divisor = gcd(a.num, a.den);
  return divisor <= 1n ? a : { num: a.num / divisor, den: a.den / divisor };
}

/** The double nearest to a rational (ties to even), rounded once; see `ratioToNumber`. */
export function toNumber(value: Rational): number {
  return ratioToNumber(value.num, value.den);
}
