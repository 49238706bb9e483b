// Hostile versions of valid inputs: fields that change between reads, Proxies over arrays, and values made
// in another realm. Used by the adversarial suite to prove every function reads each input value once and
// accepts what another realm hands it.
import { runInNewContext } from 'node:vm';

/**
 * A copy of `record` with `key` a getter that answers `first` on its first read and `later` after; each read
 * is counted in `counter.reads`.
 */
export function shifting<T extends object>(
  record: T,
  key: string,
  first: unknown,
  later: unknown,
  counter = { reads: 0 },
): T {
  return Object.defineProperty({ ...record }, key, {
    enumerable: true,
    configurable: true,
    get: () => (counter.reads++ === 0 ? first : later),
  });
}

/** A value of the same kind as `value` but different, returned on every read after the first. */
export function poisonFor(value: unknown): unknown {
  if (typeof value === 'number') return Number.NaN;
  if (typeof value === 'string') return `${value}\u0000changed`;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'bigint') return value + 1n;
  if (value instanceof Date) return new Date(Number.NaN);
  if (value === null || value === undefined) return 0;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` in which every field of a plain object is a getter and every array a Proxy: the first
 * read of a field or element gives its (equally wrapped) value, every later read a different value. Typed
 * arrays, dates and functions are kept as they are. `reads` counts the reads of each field by path.
 */
export function changingOnReread(value: unknown, reads: Map<string, number> = new Map(), path = 'input'): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item, index) => changingOnReread(item, reads, `${path}[${index}]`));
    return new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) {
          const at = `${path}[${key}]`;
          const count = (reads.get(at) ?? 0) + 1;
          reads.set(at, count);
          const item = Reflect.get(target, key, receiver);
          return count === 1 ? item : poisonFor(value[Number(key)]);
        }
        return Reflect.get(target, key, receiver);
      },
    });
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const wrapped = changingOnReread(item, reads, `${path}.${key}`);
    const at = `${path}.${key}`;
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        const count = (reads.get(at) ?? 0) + 1;
        reads.set(at, count);
        return count === 1 ? wrapped : poisonFor(item);
      },
    });
  }
  return out;
}

/** The same value rebuilt in a fresh realm (as from a `vm` context or an iframe): objects, arrays, typed arrays and dates. */
export function fromOtherRealm(value: unknown): unknown {
  const realm = runInNewContext('({ Object, Array, Date, typed: (name, items) => new globalThis[name](items) })') as {
    Object: ObjectConstructor;
    Array: ArrayConstructor;
    Date: DateConstructor;
    typed: (name: string, items: number[] | bigint[]) => unknown;
  };
  const rebuild = (item: unknown): unknown => {
    if (Array.isArray(item)) {
      const array = new realm.Array();
      for (const element of item) array.push(rebuild(element));
      return array;
    }
    if (item instanceof Date) return new realm.Date(item.getTime());
    if (ArrayBuffer.isView(item) && !(item instanceof DataView)) {
      return realm.typed(item.constructor.name, Array.from(item as unknown as ArrayLike<number>));
    }
    if (!isPlainObject(item)) return item;
    const out = new realm.Object() as Record<string, unknown>;
    for (const [key, element] of Object.entries(item)) out[key] = rebuild(element);
    return out;
  };
  return rebuild(value);
}

/** The same value with every number (and every element of a float typed array) replaced by `number`. */
export function withEveryNumber(value: unknown, number: number): unknown {
  if (typeof value === 'number') return number;
  if (Array.isArray(value)) return value.map((item) => withEveryNumber(item, number));
  if (value instanceof Float64Array || value instanceof Float32Array) return value.map(() => number);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withEveryNumber(item, number)]));
}
