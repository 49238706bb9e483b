import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { catchMetricError, expectMetricError } from '../../test/support/errors.js';
import { formatPath, invalid, noData, noOptions, parse, parseForm, parseOptions, rejectElement } from './parse.js';

const message = (schema: z.core.$ZodType, value: unknown) => catchMetricError(() => parse('m', schema, value)).message;

describe('parse', () => {
  it('formats paths as code would write them', () => {
    expect(formatPath([])).toBe('input');
    expect(formatPath([], 'options')).toBe('options');
    expect(formatPath(['scores', 41])).toBe('scores[41]');
    expect(formatPath(['subscriptions', 3, 'amount'])).toBe('subscriptions[3].amount');
    expect(formatPath(['distribution', '11'])).toBe('distribution["11"]');
    expect(formatPath([0, 'x'])).toBe('input[0].x');
  });

  it('has a message of its own for every zod issue code', () => {
    expect(message(z.strictObject({ a: z.number() }), {})).toBe('m: a is required');
    expect(message(z.strictObject({ a: z.number() }), { a: 'x' })).toBe('m: a must be a number, not the string "x"');
    expect(message(z.strictObject({ a: z.number() }), { a: Number.POSITIVE_INFINITY })).toBe(
      'm: a must be a finite number, not Infinity',
    );
    expect(message(z.strictObject({ a: z.boolean() }), { a: [] })).toBe('m: a must be a boolean, not an array');
    expect(message(z.strictObject({ a: z.string() }), { a: {} })).toBe('m: a must be a string, not an object');
    expect(message(z.strictObject({ a: z.string() }), { a: 1n })).toBe('m: a must be a string, not bigint');
    expect(message(z.strictObject({ a: z.number() }), { a: 'x'.repeat(60) })).toContain('…');
    expect(message(z.number().check(z.gt(0)), 0)).toBe('m: input must be greater than 0');
    expect(message(z.number().check(z.gte(1)), 0)).toBe('m: input must be at least 1');
    expect(message(z.number().check(z.lt(1)), 1)).toBe('m: input must be less than 1');
    expect(message(z.number().check(z.lte(1)), 2)).toBe('m: input must be at most 1');
    expect(message(z.array(z.number()).check(z.minLength(2)), [1])).toBe('m: input must have at least 2 items');
    expect(message(z.array(z.number()).check(z.minLength(1)), [])).toBe('m: input must have at least 1 item');
    expect(message(z.array(z.number()).check(z.maxLength(1)), [1, 2])).toBe('m: input must have at most 1 items');
    expect(message(z.array(z.number()).check(z.length(1)), [])).toBe('m: input must have exactly 1 items');
    expect(message(z.array(z.number()).check(z.length(1)), [1, 2])).toBe('m: input must have exactly 1 items');
    expect(message(z.string().check(z.minLength(1)), '')).toBe('m: input must not be empty');
    expect(message(z.string().check(z.minLength(3)), 'a')).toBe('m: input must have at least 3 characters');
    expect(message(z.string().check(z.maxLength(1)), 'ab')).toBe('m: input must have at most 1 characters');
    expect(message(z.string().check(z.regex(/^a$/)), 'b')).toBe('m: input is not in the expected format');
    expect(message(z.email(), 'b')).toBe('m: input must be a valid email');
    expect(message(z.number().check(z.multipleOf(5)), 3)).toBe('m: input must be a multiple of 5');
    expect(message(z.strictObject({}), { x: 1, y: 2 })).toBe("m: input has unknown keys 'x', 'y'");
    expect(message(z.strictObject({}), { x: 1 })).toBe("m: input has unknown key 'x'");
    expect(message(z.record(z.string().check(z.regex(/^a/)), z.number()), { b: 1 })).toContain('m: ');
    expect(message(z.enum(['day', 'week']), 'year')).toBe("m: input must be one of 'day', 'week'");
    expect(message(z.literal('day'), 'year')).toBe("m: input must be 'day'");
    expect(
      message(
        z.custom(() => false),
        1,
      ),
    ).toBe('m: input is invalid');
    expect(message(z.map(z.string(), z.number()), new Map([['a', 'x']]))).toContain('m: ');
    expect(message(z.set(z.number()), new Set(['a']))).toContain('m: ');
  });

  it('reports the branch of a union that got furthest', () => {
    const schema = z.union([
      z.strictObject({ a: z.number() }),
      z.strictObject({ b: z.strictObject({ c: z.number() }) }),
    ]);
    const error = catchMetricError(() => parse('m', schema, { b: { c: 'x' } }));
    expect(error.issues[0]?.path).toEqual(['b', 'c']);
  });

  it('parses options with defaults and names them in messages', () => {
    expect(parseOptions('m', z.strictObject({ a: z.optional(z.number()) }), undefined)).toEqual({});
    expect(catchMetricError(() => parseOptions('m', z.strictObject({}), { x: 1 })).message).toBe(
      "m: options has unknown key 'x'",
    );
  });

  it('chooses a form by its key', () => {
    const forms = [
      { key: 'a', schema: z.strictObject({ a: z.number() }) },
      { key: 'b', schema: z.strictObject({ b: z.number() }) },
    ] as const;
    expect(parseForm('m', forms, { b: 2 })).toEqual({ form: 'b', value: { b: 2 } });
    expect(catchMetricError(() => parseForm('m', forms, { c: 1 })).message).toBe(
      "m: input must have one of the keys 'a', 'b'",
    );
    expect(catchMetricError(() => parseForm('m', forms, [1])).message).toBe('m: input must be an object, not an array');
    expect(catchMetricError(() => parseForm('m', forms, { a: 'x' }, ['x'])).issues[0]?.path).toEqual(['x', 'a']);
    expect(catchMetricError(() => parseForm('m', forms, null, ['x'])).issues[0]?.path).toEqual(['x']);
  });

  it('names a rejected element, with a fallback when the schema accepts it', () => {
    expect(catchMetricError(() => rejectElement('m', z.number(), 'x', ['list', 3])).issues[0]?.path).toEqual([
      'list',
      3,
    ]);
    const fallback = catchMetricError(() => rejectElement('m', z.number(), 1, ['list', 3], 'must be unique'));
    expect(fallback.message).toBe('m: list[3] must be unique');
  });

  it('throws INVALID_INPUT and NO_DATA with the field named', () => {
    const bad = catchMetricError(() => invalid('m', ['a'], 'is bad'));
    expect([bad.code, bad.message]).toEqual(['INVALID_INPUT', 'm: a is bad']);
    const empty = catchMetricError(() => noData('m', [], 'has no responses', 'input'));
    expect([empty.code, empty.message]).toEqual(['NO_DATA', 'm: input has no responses']);
  });

  it('gives each issue its phrase without the field name as reason', () => {
    const errors = [
      catchMetricError(() => parse('m', z.strictObject({ a: z.number().check(z.lte(10)) }), { a: 11 })),
      catchMetricError(() => parseOptions('m', z.strictObject({}), { x: 1 })),
      catchMetricError(() => parse('m', z.strictObject({ a: z.number() }), {})),
      catchMetricError(() => rejectElement('m', z.number(), 'x', ['list', 3])),
      catchMetricError(() => rejectElement('m', z.number(), 1, ['list', 3], 'must be unique')),
      catchMetricError(() => parseForm('m', [{ key: 'a', schema: z.strictObject({ a: z.number() }) }] as const, 1)),
      catchMetricError(() => invalid('m', ['a', 2, 'b'], 'is bad')),
      catchMetricError(() => noData('m', [], 'has no responses')),
    ];
    expect(errors.map((error) => error.issues[0]?.reason)).toEqual([
      'must be at most 10',
      "has unknown key 'x'",
      'is required',
      'must be a number, not the string "x"',
      'must be unique',
      'must be an object, not the number 1',
      'is bad',
      'has no responses',
    ]);
    for (const error of errors) {
      for (const one of error.issues) {
        expect(one.message).toBe(
          `${formatPath(one.path, error.message.includes('options') ? 'options' : 'input')} ${one.reason}`,
        );
      }
    }
  });
});

describe('noOptions', () => {
  it('passes nothing and an empty object, and refuses any key, saying where an input field belongs', () => {
    expect(() => noOptions('m', undefined)).not.toThrow();
    expect(() => noOptions('m', {})).not.toThrow();
    expectMetricError(
      () => noOptions('lifetimeValueFromChurn', { grossMargin: 0.8 }, ['grossMargin', 'churnRate']),
      'INVALID_INPUT',
      [],
      "options has unknown key 'grossMargin': lifetimeValueFromChurn takes no options; 'grossMargin' belongs in the input",
    );
    expectMetricError(
      () => noOptions('m', { a: 1, b: 2 }),
      'INVALID_INPUT',
      [],
      "options has unknown keys 'a', 'b': m takes no options",
    );
    expectMetricError(() => noOptions('m', 5), 'INVALID_INPUT', [], 'options must be absent, not the number 5');
    expectMetricError(() => noOptions('m', null), 'INVALID_INPUT', [], 'options must be absent, not null');
    expectMetricError(() => noOptions('m', [1]), 'INVALID_INPUT', [], 'options must be absent, not an array');
  });
});
