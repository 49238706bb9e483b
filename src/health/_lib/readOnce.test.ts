import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { changingOnReread } from '../../../test/support/adversary.js';
import { readOnce } from './readOnce.js';

describe('readOnce', () => {
  it('copies objects and arrays, reading every field and element once', () => {
    const value = { a: 1, b: [{ c: 'x' }, 2], d: { e: null, f: true } };
    const reads = new Map<string, number>();
    const copy = readOnce(changingOnReread(structuredClone(value), reads), 5);
    expect(copy).toEqual(value);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
    expect(reads.size).toBe(8);
  });

  it('rebuilds objects and arrays of another realm as plain ones', () => {
    const foreign = runInNewContext('({ a: [1, 2], b: { c: 3 } })') as unknown;
    const copy = readOnce(foreign, 3) as { a: unknown; b: unknown };
    expect(Array.isArray(copy.a)).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toEqual({ a: [1, 2], b: { c: 3 } });
  });

  it('keeps an own __proto__ key as a key, not as the prototype', () => {
    const copy = readOnce(JSON.parse('{"__proto__":{"x":1},"y":2}'), 3) as Record<string, unknown>;
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'y']);
  });

  it('stops at the depth given, so a cycle ends; typed arrays and primitives are kept as they are', () => {
    const cycle: Record<string, unknown> = { n: 1 };
    cycle.self = cycle;
    const copy = readOnce(cycle, 2) as Record<string, Record<string, unknown>>;
    expect(copy.self?.n).toBe(1);
    expect(copy.self?.self).toBe(cycle);
    const typed = new Float64Array([1]);
    expect(readOnce({ typed }, 2)).toEqual({ typed });
    expect((readOnce({ typed }, 2) as { typed: unknown }).typed).toBe(typed);
    expect(readOnce('x', 2)).toBe('x');
    expect(readOnce(null, 2)).toBe(null);
  });
});
