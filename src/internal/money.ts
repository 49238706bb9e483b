// Exact money arithmetic for bulk data, without decimal.js.
//
// A validated decimal (a finite number, read through its shortest round-trip form, or a plain decimal
// string) is an integer times a power of ten. Sums of such integers are exact in doubles while they stay
// safe integers (below 2^53), which covers almost all real money data; beyond that they continue in BigInt.
// Monthly amounts (a year ÷ 12, a week × 52/12) are exact rationals `numerator ÷ denominator` with integer
// parts, summed over a common denominator and converted once, at the end, to the nearest double
// (`rationalToNumber`). Nothing is rounded on the way.
import { gcd as gcdBig, pow10 as pow10Big, ratioToNumber } from './rational.js';

export { gcdBig, pow10Big };

/** 2^53 − 1: integers up to this magnitude are exact in a double. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const POW10: readonly number[] = /* @__PURE__ */ Array.from({ length: 23 }, (_, k) => 10 ** k);

/** 10^k as a double (exact for k ≤ 22). */
export function pow10(k: number): number {
  return POW10[k] ?? 10 ** k;
}

/**
 * The register {@link readDecimal} writes to: the value is `int × 10^−scale`. A register rather than a
 * returned object, so that the bulk loops allocate nothing per element.
 */
export const decimalRegister = { int: 0, scale: 0 };

/**
 * Reads a validated decimal (see `isDecimal`) as `int × 10^−scale` with `int` a safe integer, into
 * {@link decimalRegister}. Numbers are read as their shortest round-trip decimal (`0.1` is one tenth),
 * as everywhere in the library. Scales below 2 are raised to 2 (cents) so that typical money shares one
 * scale. Returns `false` when the value needs more than 15 significant digits (then use {@link bigDecimal}).
 */
export function readDecimal(value: number | string): boolean {
  if (typeof value === 'number') {
    // Money is usually whole cents. For |value| < 2^44 two different two-decimal values are further apart
    // than the rounding interval of a double, so `k / 100 === value` means the shortest form of `value` is
    // exactly k/100.
    const cents = Math.round(value * 100);
    if (cents / 100 === value && value < 1.7e13 && value > -1.7e13) {
      decimalRegister.int = cents === 0 ? 0 : cents;
      decimalRegister.scale = 2;
      return true;
    }
    return readDecimalText(String(value));
  }
  return readDecimalText(value);
}

/** Reads decimal text (`-12.50`, `.5`, `1e-7`, `1.5e+21`), see {@link readDecimal}. */
function readDecimalText(text: string): boolean {
  const length = text.length;
  let at = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    at = 1;
  }
  let int = 0;
  let digits = 0;
  let scale = 0;
  let seenDot = false;
  for (; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code === 46) {
      seenDot = true;
      continue;
    }
    if (code === 101 || code === 69) break;
    const digit = code - 48;
    if (seenDot) scale++;
    if (digit === 0 && digits === 0) continue;
    int = int * 10 + digit;
    digits++;
  }
  if (digits > 15) return false;
  if (at < length) {
    // An exponent, from String(number) only (decimal strings have none).
    const exponent = Number(text.slice(at + 1));
    scale -= exponent;
  }
  // Drop trailing zeros of the fraction, then bring the scale to at least 2.
  while (scale > 2 && int % 10 === 0 && int !== 0) {
    int /= 10;
    scale--;
  }
  if (int === 0) scale = 2;
  while (scale < 2) {
    int *= 10;
    scale++;
  }
  if (!(int <= MAX_SAFE)) return false;
  decimalRegister.int = negative && int !== 0 ? -int : int;
  decimalRegister.scale = scale;
  return true;
}

/** A decimal held exactly in BigInt: `int × 10^−scale`, `scale ≥ 0`. */
export interface BigDecimal {
  readonly int: bigint;
  readonly scale: number;
}

/** Reads a validated decimal of any length exactly (the slow path of {@link readDecimal}). */
export function bigDecimal(value: number | string): BigDecimal {
  const text = typeof value === 'number' ? String(value) : value;
  const e = text.search(/[eE]/);
  const mantissa = e < 0 ? text : text.slice(0, e);
  let exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const negative = mantissa.charCodeAt(0) === 45;
  const unsigned = mantissa.replace(/^[+-]/, '');
  const dot = unsigned.indexOf('.');
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot < 0 ? '' : unsigned.slice(dot + 1);
  let int = BigInt(`${whole}${fraction}` || '0');
  exponent -= fraction.length;
  if (exponent > 0) {
    int *= pow10Big(exponent);
    exponent = 0;
  }
  return { int: negative ? -int : int, scale: exponent < 0 ? -exponent : 0 };
}

/** Brings a decimal to a larger scale, exactly. */
export function rescaleBig(value: BigDecimal, scale: number): bigint {
  return value.int * pow10Big(scale - value.scale);
}

/** Greatest common divisor of two non-negative safe integers. */
export function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/**
 * The nearest double (ties to even) to the exact rational `numerator ÷ denominator`, `denominator > 0`,
 * rounded once (see `ratioToNumber` in rational.ts).
 */
export const rationalToNumber: (numerator: number | bigint, denominator: number | bigint) => number = ratioToNumber;

/** Rounding of an integer division, for per-line rounding of money. */
export type IntegerRounding = 'halfEven' | 'halfUp';

/**
 * `numerator ÷ denominator` rounded to an integer (ties to even or away from zero), for non-negative safe
 * integers with `denominator > 0`. Exact: the quotient is corrected with the exact remainder.
 */
export function roundDivide(numerator: number, denominator: number, mode: IntegerRounding): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  while (remainder < 0) {
    quotient--;
    remainder += denominator;
  }
  while (remainder >= denominator) {
    quotient++;
    remainder -= denominator;
  }
  const twice = remainder * 2;
  if (twice > denominator || (twice === denominator && (mode === 'halfUp' || quotient % 2 === 1))) quotient++;
  return quotient;
}

/** {@link roundDivide} in BigInt. */
export function roundDivideBig(numerator: bigint, denominator: bigint, mode: IntegerRounding): bigint {
  let quotient = numerator / denominator;
  let remainder = numerator - quotient * denominator;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += denominator;
  }
  const twice = remainder * 2n;
  if (twice > denominator || (twice === denominator && (mode === 'halfUp' || quotient % 2n !== 0n))) quotient += 1n;
  return quotient;
}

/**
 * Exact sums of integers, one per slot: a double while the running sum is a safe integer, continued in
 * BigInt past that. Adding safe integers to a double that stays at or below 2^53 − 1 is exact.
 */
export class IntegerSums {
  readonly low: Float64Array;
  high: bigint[] | undefined;

  constructor(size: number) {
    this.low = new Float64Array(size);
  }

  /** Adds a safe integer to a slot. */
  add(slot: number, value: number): void {
    const sum = (this.low[slot] as number) + value;
    if (sum <= MAX_SAFE && sum >= -MAX_SAFE) this.low[slot] = sum;
    else this.spill(slot, value);
  }

  /** Adds any integer to a slot. */
  addBig(slot: number, value: bigint): void {
    if (this.high === undefined) this.high = new Array<bigint>(this.low.length).fill(0n);
    this.high[slot] = (this.high[slot] as bigint) + value;
  }

  private spill(slot: number, value: number): void {
    this.addBig(slot, BigInt(this.low[slot] as number) + BigInt(value));
    this.low[slot] = 0;
  }

  /** The exact sum of a slot: a number when it is a safe integer, a BigInt otherwise. */
  get(slot: number): number | bigint {
    const low = this.low[slot] as number;
    const high = this.high?.[slot];
    if (high === undefined || high === 0n) return low;
    const total = high + BigInt(low);
    return total <= BigInt(MAX_SAFE) && total >= -BigInt(MAX_SAFE) ? Number(total) : total;
  }
}

/** Least common multiple of two positive BigInts. */
function lcmBig(a: bigint, b: bigint): bigint {
  return (a / gcdBig(a, b)) * b;
}

/**
 * An exact sum of rationals `num ÷ den`. Terms over the same denominator (the usual case: every monthly
 * amount of cents over 300 × intervalCount × 100) are summed as integers in a double while safe; other
 * denominators and BigInt terms are combined exactly in BigInt.
 */
export class RationalSum {
  private den = 0;
  private low = 0;
  private others: Map<number, RationalSum> | undefined;
  private bigNum = 0n;
  private bigDen = 1n;

  /** Adds `num ÷ den`, both safe non-negative integers, `den > 0`. */
  add(num: number, den: number): void {
    if (den === this.den) {
      const sum = this.low + num;
      if (sum <= MAX_SAFE) this.low = sum;
      else {
        this.addBig(BigInt(this.low) + BigInt(num), BigInt(den));
        this.low = 0;
      }
    } else if (this.den === 0) {
      this.den = den;
      this.low = num;
    } else {
      if (this.others === undefined) this.others = new Map();
      let other = this.others.get(den);
      if (other === undefined) {
        other = new RationalSum();
        this.others.set(den, other);
      }
      other.add(num, den);
    }
  }

  /** Adds `num ÷ den` of any size, `den > 0`. */
  addBig(num: bigint, den: bigint): void {
    if (den === this.bigDen) this.bigNum += num;
    else {
      const common = lcmBig(this.bigDen, den);
      this.bigNum = this.bigNum * (common / this.bigDen) + num * (common / den);
      this.bigDen = common;
    }
  }

  /** The exact sum as a reduced-enough fraction `[numerator, denominator]`. */
  fraction(): [number | bigint, number | bigint] {
    if (this.others === undefined && this.bigNum === 0n) return [this.low, this.den === 0 ? 1 : this.den];
    let num = this.bigNum;
    let den = this.bigDen;
    const add = (n: bigint, d: bigint) => {
      const common = lcmBig(den, d);
      num = num * (common / den) + n * (common / d);
      den = common;
    };
    if (this.den !== 0) add(BigInt(this.low), BigInt(this.den));
    if (this.others !== undefined) {
      for (const other of this.others.values()) {
        const [n, d] = other.fraction();
        add(BigInt(n), BigInt(d));
      }
    }
    return [num, den];
  }

  /** The sum as the nearest double. */
  toNumber(): number {
    const [num, den] = this.fraction();
    return rationalToNumber(num, den);
  }
}

/**
 * Exact money totals per slot (per customer): whole cents in a double while safe, anything else (more
 * decimals, huge amounts) as an exact BigDecimal beside it. The value of a slot is `cents ÷ 100 + extra`.
 */
export class MoneyColumn {
  readonly cents: Float64Array;
  extra: Map<number, BigDecimal> | undefined;

  constructor(size: number) {
    this.cents = new Float64Array(size);
  }

  /** Adds a validated non-negative decimal to a slot. */
  add(slot: number, value: number | string): void {
    if (readDecimal(value) && decimalRegister.scale === 2) {
      const sum = (this.cents[slot] as number) + decimalRegister.int;
      if (sum <= MAX_SAFE) {
        this.cents[slot] = sum;
        return;
      }
    }
    this.addExtra(
      slot,
      readDecimal(value) ? { int: BigInt(decimalRegister.int), scale: decimalRegister.scale } : bigDecimal(value),
    );
  }

  private addExtra(slot: number, value: BigDecimal): void {
    if (this.extra === undefined) this.extra = new Map();
    const before = this.extra.get(slot);
    this.extra.set(slot, before === undefined ? value : addDecimals(before, value));
  }

  /** Whether a slot holds only whole cents (then `cents[slot]` is its exact value in cents). */
  isCents(slot: number): boolean {
    return this.extra === undefined || !this.extra.has(slot);
  }

  /** The exact value of a slot. */
  exact(slot: number): BigDecimal {
    const cents: BigDecimal = { int: BigInt(this.cents[slot] as number), scale: 2 };
    const extra = this.extra?.get(slot);
    return extra === undefined ? cents : addDecimals(cents, extra);
  }
}

/** a + b, exactly. */
export function addDecimals(a: BigDecimal, b: BigDecimal): BigDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { int: rescaleBig(a, scale) + rescaleBig(b, scale), scale };
}

/** a − b, exactly. */
export function subtractDecimals(a: BigDecimal, b: BigDecimal): BigDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { int: rescaleBig(a, scale) - rescaleBig(b, scale), scale };
}

/** Compares two exact decimals: −1, 0 or 1. */
export function compareDecimals(a: BigDecimal, b: BigDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescaleBig(a, scale);
  const y = rescaleBig(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The nearest double to an exact decimal. */
export function decimalToNumber(value: BigDecimal): number {
  return rationalToNumber(value.int, pow10Big(value.scale));
}

/**
 * An exact money total: whole cents in a double while safe, anything else as an exact BigDecimal.
 */
export class MoneySum {
  cents = 0;
  extra: BigDecimal | undefined;

  /** Adds whole cents (a safe integer). */
  addCents(cents: number): void {
    const sum = this.cents + cents;
    if (sum <= MAX_SAFE && sum >= -MAX_SAFE) this.cents = sum;
    else {
      this.addExact({ int: BigInt(this.cents) + BigInt(cents), scale: 2 });
      this.cents = 0;
    }
  }

  /** Adds an exact decimal. */
  addExact(value: BigDecimal): void {
    this.extra = this.extra === undefined ? value : addDecimals(this.extra, value);
  }

  /** The exact total. */
  exact(): BigDecimal {
    const cents: BigDecimal = { int: BigInt(this.cents), scale: 2 };
    return this.extra === undefined ? cents : addDecimals(cents, this.extra);
  }

  /** The total as the nearest double. */
  toNumber(): number {
    return this.extra === undefined ? rationalToNumber(this.cents, 100) : decimalToNumber(this.exact());
  }
}
