import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Int, MAX_SAFE } from './integer.js';
import { compareScaled, DecimalReader, DecimalSum, DecimalSums, rescale } from './scaled.js';

/** A reference decimal type, independent of the library's configuration. */
const Reference = Decimal.clone({ defaults: true, precision: 1000 });

function scaledValue(int: Int, scale: number): Decimal {
  return new Reference(int.toString()).div(new Reference(10).pow(scale));
}

/** Valid decimals: numbers of every magnitude (read through their shortest form) and decimal strings. */
const decimalInput = fc.oneof(
  fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((cents) => cents / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc
    .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{1,30}$/), fc.stringMatching(/^\d{0,20}$/))
    .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`),
  fc.stringMatching(/^\.\d{1,12}$/),
);

describe('DecimalReader', () => {
  const read = (value: number | string) => {
    const reader = new DecimalReader();
    reader.read(value);
    return [reader.int, reader.scale];
  };

  it('reads decimals as an integer and a scale of at least 2', () => {
    expect(read(19.99)).toEqual([1999, 2]);
    expect(read('-12.5')).toEqual([-1250, 2]);
    expect(read('+.5')).toEqual([50, 2]);
    expect(read('0.0001230')).toEqual([123, 6]);
    expect(read(1e-7)).toEqual([1, 7]);
    expect(read('-0.00')).toEqual([0, 2]);
    expect(read(-0)).toEqual([0, 2]);
    expect(read(0.1 + 0.2)).toEqual([30000000000000004n, 17]);
    expect(read('1234567890123456')).toEqual([123456789012345600n, 2]);
    expect(read(1.5e21)).toEqual([150000000000000000000000n, 2]);
    expect(read('-0.30000000000000004')).toEqual([-30000000000000004n, 17]);
    expect(read('0.3000000000000004')).toEqual([3000000000000004, 16]);
    expect(read(Number.MAX_VALUE)[0]).toBe(
      BigInt(`${String(Number.MAX_VALUE).replace(/[.e+]/g, '').slice(0, 17)}${'0'.repeat(308 - 16 + 2)}`),
    );
    expect(read(5e-324)).toEqual([5, 324]);
  });

  it('reads every valid decimal exactly, in canonical form', () => {
    const reader = new DecimalReader();
    fc.assert(
      fc.property(decimalInput, (value) => {
        reader.read(value);
        const expected = new Reference(typeof value === 'number' ? String(value) : value);
        expect(scaledValue(reader.int, reader.scale).eq(expected)).toBe(true);
        expect(reader.scale).toBeGreaterThanOrEqual(2);
        // Canonical: a double exactly when it is a safe integer.
        if (typeof reader.int === 'number') expect(Number.isSafeInteger(reader.int)).toBe(true);
        else expect(reader.int > BigInt(MAX_SAFE) || reader.int < -BigInt(MAX_SAFE)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('DecimalReader at the length limit', () => {
  it('reads a decimal string of the longest accepted length (64 characters) exactly', () => {
    const reader = new DecimalReader();
    for (const text of [
      `-${'9'.repeat(42)}.${'1'.repeat(20)}`,
      `0.${'0'.repeat(61)}1`,
      `+${'1'.repeat(63)}`,
      `.${'7'.repeat(63)}`,
    ]) {
      expect(text).toHaveLength(64);
      reader.read(text);
      expect(scaledValue(reader.int, reader.scale).eq(new Reference(text))).toBe(true);
    }
  });
});

describe('scaled decimals', () => {
  it('rescales and compares exactly', () => {
    expect(rescale(5, 2, 4)).toBe(500);
    expect(rescale(5, 2, 30)).toBe(5n * 10n ** 28n);
    expect(compareScaled(150, 2, 15, 1)).toBe(0);
    expect(compareScaled(1, 20, 0, 2)).toBe(1);
    expect(compareScaled(-(10n ** 30n), 2, 1, 2)).toBe(-1);
  });

  it('compares as decimal.js does', () => {
    const a = new DecimalReader();
    const b = new DecimalReader();
    fc.assert(
      fc.property(decimalInput, decimalInput, (x, y) => {
        a.read(x);
        b.read(y);
        const expected = new Reference(String(x)).comparedTo(new Reference(String(y)));
        expect(compareScaled(a.int, a.scale, b.int, b.scale)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('sums per slot exactly, bringing the column to the finest scale', () => {
    const sums = new DecimalSums(2);
    sums.add(0, 19.99);
    sums.add(1, '0.001');
    sums.add(0, '1e-5');
    expect(sums.scale).toBe(5);
    expect(sums.get(0)).toBe(1_999_001);
    expect(sums.get(1)).toBe(100);
    sums.rescale(3);
    expect(sums.scale).toBe(5);
  });

  it('sums any decimals as decimal.js does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), decimalInput), { maxLength: 30 }), (terms) => {
        const sums = new DecimalSums(4);
        const total = new DecimalSum();
        const reader = new DecimalReader();
        const expected = [0, 1, 2, 3].map(() => new Reference(0));
        let all = new Reference(0);
        for (const [slot, value] of terms) {
          sums.add(slot, value);
          reader.read(value);
          total.add(reader.int, reader.scale);
          const exact = new Reference(String(value));
          expected[slot] = (expected[slot] as Decimal).plus(exact);
          all = all.plus(exact);
        }
        for (let slot = 0; slot < 4; slot++) {
          expect(scaledValue(sums.get(slot), sums.scale).eq(expected[slot] as Decimal)).toBe(true);
        }
        expect(scaledValue(total.total, total.scale).eq(all)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
