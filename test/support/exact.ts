// Test oracles for exact results. Decimal inputs are built from integers (`units` at `places` decimals) so
// that the exact value of every result is a known fraction N/D of integers. When N and D are safe integers,
// one double division N/D is the correctly rounded exact value, which is what a metric must return.

/** `units / 10^places` written as a plain decimal string. */
export function fixed(units: bigint, places: number): string {
  const digits = units.toString().padStart(places + 1, '0');
  return places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** Greatest common divisor of two BigInts. */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The double nearest to n/d, or undefined when n/d (in lowest terms) is beyond exact integer division. */
export function nearest(n: bigint, d: bigint): number | undefined {
  const g = gcd(n, d) || 1n;
  const [a, b] = [n / g, d / g];
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  return a <= safe && b <= safe ? Number(a) / Number(b) : undefined;
}

/**
 * The exact binary value of a finite double: `sign · significand · 2^power`, with the significand a whole
 * number below 2^53 and the power from −1074 (subnormals and zero) to 971.
 */
export function binaryParts(x: number): { negative: boolean; significand: bigint; power: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return {
    negative: bits >> 63n === 1n,
    significand: exponent === 0 ? fraction : fraction | (1n << 52n),
    power: Math.max(exponent, 1) - 1075,
  };
}
