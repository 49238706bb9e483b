// Exact integers with a fast path: an `Int` is a double while its magnitude is a safe integer (up to
// 2^53 − 1, where double arithmetic on integers is exact) and a BigInt beyond. Every operation below takes
// the double path when it can and continues in BigInt when a result would leave the safe range, so the
// metrics write each computation once, over `Int`, and never choose between the two representations.
//
// Invariant (canonical form): an `Int` is a `number` exactly when its magnitude is at most 2^53 − 1, so
// `value === 0` tests for zero and two equal values are `===`.

/** An exact integer: a safe-integer double, or a BigInt when it is beyond 2^53 − 1 in magnitude. */
export type Int = number | bigint;

/** 2^53 − 1: integers up to this magnitude are exact in a double. */
export const MAX_SAFE: number = Number.MAX_SAFE_INTEGER;

const MAX_SAFE_BIG = /* @__PURE__ */ BigInt(Number.MAX_SAFE_INTEGER);

/** Rounding of a quotient or of decimal places: ties to even (banker's) or ties away from zero. */
export type RoundingMode = 'halfEven' | 'halfUp';

/** The canonical `Int` of an integer: a double when safe, a BigInt otherwise. */
export function toInt(value: bigint | number): Int {
  if (typeof value === 'number') return value;
  return value <= MAX_SAFE_BIG && value >= -MAX_SAFE_BIG ? Number(value) : value;
}

// The three operations below are kept small so that the compiler inlines their double path into the
// callers' loops; the BigInt continuation is a function of its own.

/** `a + b`, exactly. */
export function addInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    // A true sum beyond the safe range rounds to at least 2^53, so the check cannot be fooled by rounding.
    const sum = a + b;
    if (sum <= MAX_SAFE && sum >= -MAX_SAFE) return sum;
  }
  return toInt(BigInt(a) + BigInt(b));
}

/** `a − b`, exactly. */
export function subtractInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const difference = a - b;
    if (difference <= MAX_SAFE && difference >= -MAX_SAFE) return difference;
  }
  return toInt(BigInt(a) - BigInt(b));
}

/** `a × b`, exactly. */
export function multiplyInt(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const product = a * b;
    // `+ 0` folds a product of −0 into 0.
    if (product <= MAX_SAFE && product >= -MAX_SAFE) return product + 0;
  }
  return toInt(BigInt(a) * BigInt(b));
}

/** `-1`, `0` or `1` as `a` is below, equal to or above `b` (JavaScript compares a BigInt and a double exactly). */
export function compareInt(a: Int, b: Int): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The smaller of two integers. */
export function minInt(a: Int, b: Int): Int {
  return b < a ? b : a;
}

const POWERS_OF_TEN: bigint[] = [1n];

/** 10^k as a BigInt (cached). */
export function pow10(k: number): bigint {
  for (let i = POWERS_OF_TEN.length; i <= k; i++) POWERS_OF_TEN.push((POWERS_OF_TEN[i - 1] as bigint) * 10n);
  return POWERS_OF_TEN[k] as bigint;
}

/** 10^0 … 10^15: the powers of ten that are safe integers, as doubles. */
const SAFE_POWERS_OF_TEN: Float64Array = /* @__PURE__ */ Float64Array.from({ length: 16 }, (_, k) => 10 ** k);

/** `value × 10^k` (k ≥ 0), exactly. */
export function shiftInt(value: Int, k: number): Int {
  if (k === 0) return value;
  return multiplyInt(value, k < 16 ? (SAFE_POWERS_OF_TEN[k] as number) : toInt(pow10(k)));
}

/** Greatest common divisor (non-negative) of two BigInts. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of two positive BigInts. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/**
 * `numerator ÷ denominator` rounded to an integer with the named mode (ties to even, or away from zero),
 * `denominator > 0`. Exact: the double quotient is corrected with the exact remainder.
 */
export function roundDivide(numerator: Int, denominator: Int, mode: RoundingMode): Int {
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    // Truncated, |quotient × denominator| stays within 2^53 (exact); the double quotient may be one off,
    // which the exact remainder corrects.
    let quotient = Math.trunc(numerator / denominator);
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
    const odd = quotient % 2 !== 0;
    if (twice > denominator || (twice === denominator && (mode === 'halfUp' ? quotient >= 0 : odd))) quotient++;
    return quotient === 0 ? 0 : quotient;
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  let quotient = n / d;
  let remainder = n - quotient * d;
  if (remainder < 0n) {
    quotient -= 1n;
    remainder += d;
  }
  const twice = remainder * 2n;
  if (twice > d || (twice === d && (mode === 'halfUp' ? quotient >= 0n : quotient % 2n !== 0n))) quotient += 1n;
  return toInt(quotient);
}

/** Number of bits of a positive BigInt. */
function bitLength(value: bigint): number {
  const approximate = Number(value);
  if (approximate < 2 ** 1000) {
    // log2 of the rounded double can be one too high right below a power of two: check it exactly.
    const bits = Math.floor(Math.log2(approximate)) + 1;
    return value >> BigInt(bits - 1) === 0n ? bits - 1 : value >> BigInt(bits) === 0n ? bits : bits + 1;
  }
  return value.toString(2).length;
}

/**
 * The double nearest to `numerator ÷ denominator` (`denominator > 0`), ties to even, `-0` folded into `0`:
 * the one conversion to a number at the end of an exact computation. Safe integers need one IEEE
 * division, correctly rounded by definition. Otherwise the quotient is taken to at least 64 bits by one
 * exact BigInt division, a sticky bit records a non-zero remainder, and `Number()` rounds it once; results
 * below 2^-1020 are counted in units of 2^-1074 (the subnormal spacing) and rounded there instead. A
 * quotient beyond the double range is ±Infinity (see `finiteResult`).
 */
export function ratioToNumber(numerator: Int, denominator: Int): number {
  if (typeof numerator === 'number' && typeof denominator === 'number') {
    const result = numerator / denominator;
    return result === 0 ? 0 : result;
  }
  const num = BigInt(numerator);
  const den = BigInt(denominator);
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  const magnitude = bitLength(a) - bitLength(den);
  if (magnitude < -1020) {
    const scaled = a << 1074n;
    let units = scaled / den;
    if (units < 2n ** 53n) {
      const twice = (scaled - units * den) * 2n;
      if (twice > den || (twice === den && (units & 1n) === 1n)) units += 1n;
      if (units === 0n) return 0;
      const tiny = Number(units) * 2 ** -1074;
      return negative ? -tiny : tiny;
    }
  }
  const shift = 64 - magnitude;
  const scaledNumerator = shift > 0 ? a << BigInt(shift) : a;
  const scaledDenominator = shift < 0 ? den << BigInt(-shift) : den;
  let quotient = scaledNumerator / scaledDenominator;
  if (quotient * scaledDenominator !== scaledNumerator) quotient |= 1n;
  let result = Number(quotient);
  // Scale by 2^-shift in steps that stay within the double range (exact for a result in the normal range).
  let remaining = -shift;
  while (remaining !== 0) {
    const step = remaining < -1000 ? -1000 : Math.min(remaining, 1000);
    result *= 2 ** step;
    remaining -= step;
  }
  return negative ? -result : result;
}

/**
 * A fixed-length array of integers: doubles in a typed array, and the rare BigInts in a map beside it, so
 * that bulk loops over safe integers read and write unboxed doubles.
 */
export class IntArray {
  private readonly low: Float64Array;
  private high: Map<number, bigint> | undefined;

  constructor(length: number) {
    this.low = new Float64Array(length);
  }

  /** The integer at an index (0 until set). */
  get(index: number): Int {
    const high = this.high;
    if (high !== undefined) {
      const value = high.get(index);
      if (value !== undefined) return value;
    }
    return this.low[index] as number;
  }

  /** Sets the integer at an index. */
  set(index: number, value: Int): void {
    if (typeof value === 'number') {
      this.low[index] = value;
      if (this.high !== undefined) this.high.delete(index);
    } else {
      if (this.high === undefined) this.high = new Map();
      this.high.set(index, value);
    }
  }
}

/**
 * Exact sums of integers, one per slot (a month, a movement): a double while the running sum is a safe
 * integer, continued in BigInt past that. Allocates nothing per addition on the fast path.
 */
export class IntSums {
  private readonly low: Float64Array;
  private high: bigint[] | undefined;

  constructor(size: number) {
    this.low = new Float64Array(size);
  }

  /** Adds an integer to a slot. */
  add(slot: number, value: Int): void {
    if (typeof value === 'number') {
      const sum = (this.low[slot] as number) + value;
      if (sum <= MAX_SAFE && sum >= -MAX_SAFE) {
        this.low[slot] = sum;
        return;
      }
    }
    if (this.high === undefined) this.high = new Array<bigint>(this.low.length).fill(0n);
    this.high[slot] = (this.high[slot] as bigint) + BigInt(this.low[slot] as number) + BigInt(value);
    this.low[slot] = 0;
  }

  /** The exact sum of a slot. */
  get(slot: number): Int {
    const low = this.low[slot] as number;
    const high = this.high?.[slot];
    return high === undefined || high === 0n ? low : toInt(high + BigInt(low));
  }

  /** Multiplies every slot by 10^k (to bring sums to a finer scale). */
  shift(k: number): void {
    for (let slot = 0; slot < this.low.length; slot++) {
      const value = shiftInt(this.get(slot), k);
      this.low[slot] = 0;
      if (this.high !== undefined) this.high[slot] = 0n;
      this.add(slot, value);
    }
  }
}
