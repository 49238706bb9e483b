// Bulk inputs are read once, element by element, in order. An array-like that defines an iterator of its own
// (a lazy view that builds each record from columns when it is read, behind a Proxy) is read through that
// iterator instead of by index: reading `values[i]` from a Proxy first turns each index into a property-name
// string, and on a million records those strings, held by the engine's number-to-string cache, outlive the
// young generation and fill the heap until its next full collection (some 32 MB a million records).

/** The iterators of arrays and typed arrays: an input that has one of these is read by index. */
const BUILT_IN_ITERATORS: ReadonlySet<unknown> = /* @__PURE__ */ (() =>
  new Set<unknown>([Array.prototype[Symbol.iterator], Object.getPrototypeOf(Int8Array.prototype)[Symbol.iterator]]))();

/**
 * The input's own iterator, when it defines one other than the built-in iterator of arrays and typed arrays;
 * otherwise `undefined`, and the caller reads `values[i]`. The iterator must yield the elements in index
 * order; an element it does not yield (it ended early) reads as `undefined`.
 */
export function ownIterator<T>(values: ArrayLike<T>): Iterator<T> | undefined {
  const method: unknown = (values as Partial<Iterable<T>>)[Symbol.iterator];
  if (typeof method !== 'function' || BUILT_IN_ITERATORS.has(method)) return undefined;
  return (method as () => Iterator<T>).call(values);
}

/**
 * The next element of an input's own iterator (`undefined` once it has ended). Callers index plain arrays
 * themselves, `iterator === undefined ? values[i] : nextElement(iterator)`, so that the loop over a million
 * elements of an array pays no call.
 */
export function nextElement<T>(iterator: Iterator<T>): T | undefined {
  const step = iterator.next();
  return step.done === true ? undefined : step.value;
}
