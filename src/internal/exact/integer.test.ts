import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addInt,
  compareInt,
  gcd,
  type Int,
  IntArray,
  IntSums,
  lcm,
  MAX_SAFE,
  minInt,
  multiplyInt,
  pow10,
  ratioToNumber,
  roundDivide,
  shiftInt,
  subtractInt,
  toInt,
} from './integer.js';

/** Integers around the edge of the safe range and beyond, as BigInts. */
const bigInteger = fc.oneof(
  fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
  fc.bigInt({ min: -(2n ** 53n) - 8n, max: -(2n ** 53n) + 8n }),
  fc.bigInt({ min: 2n ** 53n - 8n, max: 2n ** 53n + 8n }),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
  fc.bigInt({ min: -1000n, max: 1000n }),
);

/** Whether an `Int` is in canonical form: a double exactly when safe. */
function canonical(value: Int): boolean {
  return typeof value === 'number'
    ? Number.isSafeInteger(value) && !Object.is(value, -0)
    : value > BigInt(MAX_SAFE) || value < -BigInt(MAX_SAFE);
}

/** The double just above or below a finite double. */
function neighbour(x: number, up: boolean): number {
  if (x === 0) return up ? 5e-324 : -5e-324;
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] = (bits[0] as bigint) + (x > 0 === up ? 1n : -1n);
  return new Float64Array(bits.buffer)[0] as number;
}

/** The exact binary value of a finite double as `num / den`. */
function binaryValue(x: number): { num: bigint; den: bigint } {
  const bits = new BigUint64Array(new Float64Array([x]).buffer)[0] as bigint;
  const negative = bits >> 63n === 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  const num = negative ? -mantissa : mantissa;
  return power >= 0 ? { num: num << BigInt(power), den: 1n } : { num, den: 1n << BigInt(-power) };
}

/** |n/d − r| compared with |n/d − s| exactly, for finite doubles r and s: −1 when r is nearer. */
function nearer(n: bigint, d: bigint, r: number, s: number): number {
  const a = binaryValue(r);
  const b = binaryValue(s);
  // |n/d − a.num/a.den| = |n·a.den − a.num·d| / (d·a.den)
  const da = n * a.den - a.num * d;
  const db = n * b.den - b.num * d;
  const left = (da < 0n ? -da : da) * b.den;
  const right = (db < 0n ? -db : db) * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

describe('integer', () => {
  it('keeps safe integers as doubles and larger ones as BigInts', () => {
    expect(toInt(5n)).toBe(5);
    expect(toInt(2n ** 53n)).toBe(2n ** 53n);
    expect(toInt(-(2n ** 53n) + 1n)).toBe(-MAX_SAFE);
    expect(addInt(MAX_SAFE, 1)).toBe(2n ** 53n);
    expect(addInt(2n ** 53n, -1)).toBe(MAX_SAFE);
    expect(subtractInt(0, 0)).toBe(0);
    expect(Object.is(multiplyInt(-3, 0), 0)).toBe(true);
    expect(multiplyInt(2 ** 30, 2 ** 30)).toBe(2n ** 60n);
    expect(compareInt(2n ** 60n, 1)).toBe(1);
    expect(compareInt(-(2n ** 60n), 1)).toBe(-1);
    expect(compareInt(7, 7)).toBe(0);
    expect(minInt(2n ** 60n, 3)).toBe(3);
    expect(shiftInt(12, 3)).toBe(12_000);
    expect(shiftInt(12, 20)).toBe(12n * 10n ** 20n);
    expect(pow10(25)).toBe(10n ** 25n);
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(lcm(4n, 6n)).toBe(12n);
  });

  it('adds, subtracts, multiplies and compares as BigInts do, in canonical form', () => {
    fc.assert(
      fc.property(bigInteger, bigInteger, (a, b) => {
        const x = toInt(a);
        const y = toInt(b);
        for (const [result, expected] of [
          [addInt(x, y), a + b],
          [subtractInt(x, y), a - b],
          [multiplyInt(x, y), a * b],
          // biome-ignore lint/complexity/useMathMinMax: Math.min does not take BigInts.
          [minInt(x, y), a < b ? a : b],
        ] as const) {
          expect(BigInt(result)).toBe(expected);
          expect(canonical(result)).toBe(true);
        }
        expect(compareInt(x, y)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds integer divisions half to even or half up (away from zero)', () => {
    expect(roundDivide(5, 2, 'halfEven')).toBe(2);
    expect(roundDivide(7, 2, 'halfEven')).toBe(4);
    expect(roundDivide(5, 2, 'halfUp')).toBe(3);
    expect(roundDivide(-5, 2, 'halfUp')).toBe(-3);
    expect(roundDivide(-5, 2, 'halfEven')).toBe(-2);
    expect(roundDivide(9_007_199_254_740_990, 3, 'halfEven')).toBe(3_002_399_751_580_330);
    expect(roundDivide(9_007_199_254_740_991, 9_007_199_254_740_990, 'halfEven')).toBe(1);
    expect(roundDivide(-5n * 10n ** 30n, 10n ** 31n, 'halfEven')).toBe(0);
    expect(roundDivide(-7n * 10n ** 30n, 2n * 10n ** 30n, 'halfUp')).toBe(-4);
    expect(roundDivide(25n * 10n ** 30n, 10n ** 31n, 'halfUp')).toBe(3);
  });

  it('rounds divisions as an exact BigInt reference does', () => {
    const reference = (n: bigint, d: bigint, halfUp: boolean): bigint => {
      // floor(n / d) and the exact comparison of the remainder with d / 2.
      let q = n / d;
      if (q * d > n) q -= 1n;
      const twice = (n - q * d) * 2n;
      if (twice > d) return q + 1n;
      if (twice < d) return q;
      return halfUp ? (q >= 0n ? q + 1n : q) : q % 2n === 0n ? q : q + 1n;
    };
    fc.assert(
      fc.property(bigInteger, bigInteger, fc.boolean(), (n, d0, halfUp) => {
        const d = (d0 < 0n ? -d0 : d0) + 1n;
        const result = roundDivide(toInt(n), toInt(d), halfUp ? 'halfUp' : 'halfEven');
        expect(BigInt(result)).toBe(reference(n, d, halfUp));
        expect(canonical(result)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('converts ratios to the nearest double with one rounding', () => {
    expect(ratioToNumber(1, 3)).toBe(1 / 3);
    expect(ratioToNumber(-(2n ** 60n), 3n)).toBe(-(2 ** 60) / 3);
    expect(ratioToNumber(0n, 7n)).toBe(0);
    expect(Object.is(ratioToNumber(-0, 7), 0)).toBe(true);
    expect(ratioToNumber(10n ** 400n, 3n * 10n ** 399n)).toBe(10 / 3);
    expect(ratioToNumber(1n, 10n ** 320n)).toBe(1e-320);
    expect(ratioToNumber(10n ** 320n, 7n)).toBe(Number.POSITIVE_INFINITY);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: ties go to even; one more unit breaks the tie upwards.
    expect(ratioToNumber(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
    expect(ratioToNumber(2n * (2n ** 53n + 1n) + 1n, 2n)).toBe(2 ** 53 + 2);
  });

  it('converts any ratio to the nearest double: normal, subnormal and huge', () => {
    const magnitude = fc.oneof(
      fc.bigInt({ min: 1n, max: 2n ** 64n }),
      fc.bigInt({ min: 1n, max: 10n ** 330n }),
      fc.constantFrom(1n, 2n ** 1074n, 2n ** 1075n - 1n, 10n ** 308n, 3n << 1073n),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 330n), max: 10n ** 330n }), magnitude, (n, d) => {
        const result = ratioToNumber(toInt(n), toInt(d));
        if (!Number.isFinite(result)) {
          // Beyond the largest double (its rounding boundary is 2^1024 − 2^970).
          expect((n < 0n ? -n : n) >= (2n ** 1024n - 2n ** 970n) * d).toBe(true);
          return;
        }
        expect(Object.is(result, -0)).toBe(false);
        for (const up of [true, false]) {
          const other = neighbour(result, up);
          if (Number.isFinite(other)) expect(nearer(n, d, result, other)).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps per-slot sums exact past 2^53, and rescales them', () => {
    const sums = new IntSums(2);
    sums.add(0, MAX_SAFE);
    sums.add(0, 2);
    sums.add(0, 3n);
    expect(sums.get(0)).toBe(2n ** 53n + 4n);
    sums.add(0, -MAX_SAFE);
    expect(sums.get(0)).toBe(5);
    sums.add(1, 7);
    sums.shift(20);
    expect(sums.get(0)).toBe(5n * 10n ** 20n);
    expect(sums.get(1)).toBe(7n * 10n ** 20n);
  });

  it('sums any integers as BigInts do', () => {
    fc.assert(
      fc.property(fc.array(bigInteger, { maxLength: 40 }), (values) => {
        const sums = new IntSums(1);
        for (const value of values) sums.add(0, toInt(value));
        const total = sums.get(0);
        expect(BigInt(total)).toBe(values.reduce((a, b) => a + b, 0n));
        expect(canonical(total)).toBe(true);
      }),
    );
  });
});

describe('IntArray', () => {
  it('holds doubles and BigInts, exactly', () => {
    const array = new IntArray(3);
    expect(array.get(2)).toBe(0);
    array.set(0, 5);
    array.set(1, 2n ** 60n);
    expect([array.get(0), array.get(1)]).toEqual([5, 2n ** 60n]);
    array.set(1, 7);
    expect(array.get(1)).toBe(7);
    array.set(0, -(2n ** 70n));
    expect(array.get(0)).toBe(-(2n ** 70n));
  });
});
