// A configuration or options value copied into the library's own memory, reading each property and element
// exactly once: what is validated is what is used. A getter or Proxy that answers differently on a second
// read cannot slip a value past validation.

/**
 * A copy of `value` down to `depth` levels of objects and arrays: each array rebuilt from its elements (its
 * length read once), each other object (typed arrays and DataViews aside) from the keys `for…in` lists, each
 * read once. Deeper values are kept as they are: no valid input nests deeper, so validation rejects them
 * without reading inside them, and a cyclic value cannot recurse forever.
 */
export function readOnce(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth <= 0 || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) out[i] = readOnce(value[i], depth - 1);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const item = readOnce((value as Record<string, unknown>)[key], depth - 1);
    // An own `__proto__` key stays a key (assigning it would replace the copy's prototype).
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}
