import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../test/support/errors.js';
import { rejectElement } from './parse.js';
import {
  compareDecimal,
  count,
  date,
  decimal,
  fraction,
  isCount,
  isDecimal,
  isNegativeDecimal,
  isNonNegativeMoney,
  MAX_DECIMAL_LENGTH,
  money,
  month,
  nonNegativeMoney,
  nonNegativeNumber,
  positiveMoney,
  scale,
} from './schemas.js';

const accepts = (schema: z.core.$ZodType, value: unknown) => z.safeParse(schema, value).success;

const candidates = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.stringMatching(/^[+-]?\d{0,6}(\.\d{0,6})?$/),
  fc.constantFrom('1e3', ' 1', '1 ', '', '.', '-', '+.5', '0x10', 'NaN', 'Infinity', '1.2.3', null, true, [], {}),
);

describe('schemas and their fast predicates agree', () => {
  it('isDecimal ⇔ money, isNonNegativeMoney ⇔ nonNegativeMoney', () => {
    fc.assert(
      fc.property(candidates, (value) => {
        expect(isDecimal(value)).toBe(accepts(money, value));
        expect(isNonNegativeMoney(value)).toBe(accepts(nonNegativeMoney, value));
      }),
    );
  });

  it('isCount ⇔ count', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(2 ** 53, -0, '3', null)), (value) => {
        expect(isCount(value)).toBe(accepts(count, value));
      }),
    );
  });

  it('compareDecimal compares decimal strings exactly, as decimal.js does', () => {
    const decimals = fc.stringMatching(/^-?\d{1,4}(\.\d{1,25})?$/);
    fc.assert(
      fc.property(decimals, fc.constantFrom(0, 1, -1, 0.5, 100, 12.25), (value, bound) => {
        expect(compareDecimal(value, bound)).toBe(new Decimal(value).comparedTo(bound));
      }),
    );
    expect(compareDecimal('1.0000000000000000001', 1)).toBe(1);
    expect(compareDecimal('-0.000', 0)).toBe(0);
    expect(compareDecimal('+1', 1)).toBe(0);
    expect(isNegativeDecimal('-0.00')).toBe(false);
    expect(isNegativeDecimal('-0.01')).toBe(true);
  });
});

describe('decimal strings have a documented length limit', () => {
  /** A decimal string of exactly `length` characters: a sign, digits and a point. */
  const ofLength = (length: number) => `-${'9'.repeat(length - 22)}.${'1'.repeat(20)}`;

  it('accepts 64 characters, and refuses 65 and 1 000 with a message naming the limit, in both paths', () => {
    expect(MAX_DECIMAL_LENGTH).toBe(64);
    expect(ofLength(64)).toHaveLength(64);
    expect(isDecimal(ofLength(64))).toBe(true);
    expect(accepts(money, ofLength(64))).toBe(true);
    for (const length of [65, 1000]) {
      const text = ofLength(length);
      // The bulk path checks with the predicate; the schema path (and a bulk element's report) with zod.
      expect(isDecimal(text)).toBe(false);
      expect(isNonNegativeMoney('1'.repeat(length))).toBe(false);
      expect(z.safeParse(money, text).error?.issues[0]?.message).toBe(
        `must be a decimal string of at most 64 characters, not one of ${length}`,
      );
      const error = catchMetricError(() => rejectElement('test', money, text, ['amounts', 3]));
      expect(error.issues[0]?.path).toEqual(['amounts', 3]);
      expect(error.message).toBe(
        `test: amounts[3] must be a decimal string of at most 64 characters, not one of ${length}`,
      );
    }
  });

  it('describes a long string that is not a decimal as such', () => {
    expect(z.safeParse(money, 'x'.repeat(65)).error?.issues[0]?.message).toContain('decimal string such as');
  });
});

describe('schemas', () => {
  it('bound decimals with the right messages', () => {
    const result = z.safeParse(fraction, '1.5');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('must be at most 1 (a fraction: 0.05 is 5 %)');
    expect(z.safeParse(positiveMoney, '0').error?.issues[0]?.message).toBe('must be greater than 0');
    expect(z.safeParse(nonNegativeMoney, -1).error?.issues[0]?.message).toBe('must not be negative');
    expect(z.safeParse(decimal({ lessThan: 1 }), 1).error?.issues[0]?.message).toBe('must be less than 1');
    expect(z.safeParse(decimal({ min: 2 }), 1).error?.issues[0]?.message).toBe('must be at least 2');
    expect(z.safeParse(money, 'abc').error?.issues[0]?.message).toContain(
      'decimal string such as "1234.50", not "abc"',
    );
    expect(z.safeParse(money, undefined).error?.issues[0]?.message).toBe('is required');
    expect(z.safeParse(money, Number.NaN).error?.issues[0]?.message).toContain('not NaN');
    expect(z.safeParse(money, 'x'.repeat(50)).error?.issues[0]?.message).toContain('…');
  });

  it('accepts dates and months in their documented forms only', () => {
    expect(accepts(date, '2024-01-31')).toBe(true);
    expect(accepts(date, new Date(0))).toBe(true);
    expect(accepts(date, 1_700_000_000_000)).toBe(true);
    expect(accepts(date, '2024-01-32')).toBe(false);
    expect(z.safeParse(date, undefined).error?.issues[0]?.message).toBe('is required');
    expect(z.safeParse(date, 'x').error?.issues[0]?.message).toContain('must be an ISO date');
    expect(accepts(month, '2024-01')).toBe(true);
    expect(z.safeParse(month, '2024-1').error?.issues[0]?.message).toContain('YYYY-MM');
    expect(z.safeParse(month, undefined).error?.issues[0]?.message).toBe('is required');
  });

  it('validates scales', () => {
    expect(accepts(scale, { min: 0, max: 100 })).toBe(true);
    expect(accepts(scale, { min: 0, max: 101 })).toBe(false);
    expect(accepts(scale, { min: 1, max: 1 })).toBe(false);
    expect(accepts(scale, { min: 1, max: 5, step: 1 })).toBe(false);
  });
});

describe('−0 is read as 0', () => {
  it('by count and nonNegativeNumber, which accept it', () => {
    const readCount = z.safeParse(count, -0);
    const readNumber = z.safeParse(nonNegativeNumber, -0);
    expect(readCount.success && Object.is(readCount.data, 0)).toBe(true);
    expect(readNumber.success && Object.is(readNumber.data, 0)).toBe(true);
    expect(z.safeParse(nonNegativeNumber, 2.5).data).toBe(2.5);
    expect(z.safeParse(nonNegativeNumber, -1).success).toBe(false);
  });
});
