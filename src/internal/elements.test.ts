import { describe, expect, it } from 'vitest';
import { nextElement, ownIterator } from './elements.js';

/** Reads every element the way the bulk functions do. */
function readAll<T>(values: ArrayLike<T>): (T | undefined)[] {
  const iterator = ownIterator(values);
  return Array.from({ length: values.length }, (_, i) => (iterator === undefined ? values[i] : nextElement(iterator)));
}

describe('ownIterator and nextElement', () => {
  it('index arrays, typed arrays and plain array-likes', () => {
    expect(ownIterator([1, 2])).toBeUndefined();
    expect(ownIterator(new Float64Array(2))).toBeUndefined();
    expect(ownIterator(new Uint8Array(2))).toBeUndefined();
    expect(ownIterator({ length: 2, 0: 'a', 1: 'b' })).toBeUndefined();
    expect(readAll({ length: 2, 0: 'a', 1: 'b' })).toEqual(['a', 'b']);
    expect(readAll(new Int16Array([3, -4]))).toEqual([3, -4]);
  });

  it('read a list with an iterator of its own through it, in order, never by index', () => {
    const indexReads: PropertyKey[] = [];
    const lazy = new Proxy([] as string[], {
      get(target, key, receiver) {
        if (key === 'length') return 3;
        if (key === Symbol.iterator) {
          return function* () {
            yield* ['x', 'y', 'z'];
          };
        }
        indexReads.push(key);
        return Reflect.get(target, key, receiver);
      },
    });
    expect(readAll(lazy)).toEqual(['x', 'y', 'z']);
    expect(indexReads).toEqual([]);
  });

  it('read an element the iterator does not yield as undefined', () => {
    const short = Object.assign([] as number[], {
      length: 3,
      *[Symbol.iterator]() {
        yield 1;
      },
    });
    expect(readAll(short)).toEqual([1, undefined, undefined]);
  });
});
