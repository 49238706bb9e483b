// Exact rational arithmetic on BigInt numerators and denominators, and the correctly rounded conversion of a
// rational to the nearest double. For metrics whose results are ratios that are not finite decimals (a
// weighted mean such as 2287/57), where a 34-digit decimal would round twice: once to 34 digits, once to a
// double. Without decimal.js, so it adds nothing to a bundle that does not already need it.
//
// Every number input is read as the decimal of its shortest round-trip form (`String(0.1)` is "0.1"), like
// `exact()` in decimal.ts, so 0.1 means one tenth and not the binary double nearest to it.

/** A rational `num / den` with `den > 0` (not necessarily in lowest terms). */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const POWERS_OF_TEN: bigint[] = [1n];

/** 10^k as a BigInt (cached). */
export function pow10(k: number): bigint {
  for (let i = POWERS_OF_TEN.length; i <= k; i++) POWERS_OF_TEN.push((POWERS_OF_TEN[i - 1] as bigint) * 10n);
  return POWERS_OF_TEN[k] as bigint;
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

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Greatest common divisor (non-negative). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** The same rational in lowest terms. */
export function reduce(a: Rational): Rational {
  const divisor = gcd(a.num, a.den);
  return divisor <= 1n ? a : { num: a.num / divisor, den: a.den / divisor };
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
 * The double nearest to `num / den` (ties to even), by one exact integer division: the quotient is taken to
 * at least 64 bits, a sticky bit records a non-zero remainder, and `Number()` of that BigInt rounds it once.
 * Results below 2^-1020 are counted in units of 2^-1074 (the subnormal spacing) and rounded there instead,
 * so that they too are rounded once.
 */
export function toNumber(value: Rational): number {
  const { num, den } = value;
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
      const tiny = Number(units) * 2 ** -1074;
      return negative ? -tiny : tiny;
    }
  }
  const shift = 64 - magnitude;
  const numerator = shift > 0 ? a << BigInt(shift) : a;
  const denominator = shift < 0 ? den << BigInt(-shift) : den;
  let quotient = numerator / denominator;
  if (quotient * denominator !== numerator) quotient |= 1n;
  let result = Number(quotient);
  // Scale by 2^-shift in steps that stay within the double range (exact for a result in the normal range).
  let remaining = -shift;
  while (remaining !== 0) {
    const step = Math.max(-1000, Math.min(1000, remaining));
    result *= 2 ** step;
    remaining -= step;
  }
  return negative ? -result : result;
}

/**
 * `numerator ÷ denominator` (denominator > 0) as the nearest double. Safe integers need one IEEE division,
 * which is correctly rounded by definition; anything larger goes through {@link toNumber}.
 */
export function ratioToNumber(numerator: number | bigint, denominator: number | bigint): number {
  if (
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    numerator <= Number.MAX_SAFE_INTEGER &&
    numerator >= -Number.MAX_SAFE_INTEGER &&
    denominator <= Number.MAX_SAFE_INTEGER
  ) {
    const result = numerator / denominator;
    return result === 0 ? 0 : result;
  }
  return toNumber({ num: BigInt(numerator), den: BigInt(denominator) });
}
