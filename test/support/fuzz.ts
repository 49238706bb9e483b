// Arbitraries for the library-wide fuzz test: random JSON-like values, and valid sample calls with one
// part broken (a leaf replaced by a hostile value, a key removed, an unknown key added).
import fc from 'fast-check';
import type { Call } from './types.js';

const hostile: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0,
  0,
  0.5,
  7.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53,
  '',
  'abc',
  '9',
  '1e3',
  '-0',
  '-5.00',
  '12345678901234567890.123456789',
  '2024-02-30',
  '2024-13-01',
  '2024-01-01T25:00:00Z',
  null,
  undefined,
  true,
  false,
  [],
  {},
  [1, 2, 3],
  { extra: 1 },
  new Date(Number.NaN),
  new Date(0),
  new Float64Array([1, Number.NaN]),
  new Uint8Array([200]),
];

/** A JSON-like value, sometimes with hostile numbers and dates mixed in. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.constantFrom(...hostile) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.constantFrom(...hostile), { maxKeys: 4 }) },
);

type PathKey = string | number;

function pathsOf(value: unknown, prefix: PathKey[] = [], out: PathKey[][] = []): PathKey[][] {
  out.push(prefix);
  if (ArrayBuffer.isView(value) || value instanceof Date) return out;
  if (Array.isArray(value)) {
    const step = Math.max(1, Math.floor(value.length / 16));
    for (let i = 0; i < value.length; i += step) pathsOf(value[i], [...prefix, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
  }
  return out;
}

function parentOf(root: unknown, path: PathKey[]): Record<PathKey, unknown> | undefined {
  let node = root;
  for (const key of path.slice(0, -1)) node = (node as Record<PathKey, unknown>)[key];
  return typeof node === 'object' && node !== null ? (node as Record<PathKey, unknown>) : undefined;
}

/** A sample call with one part broken: one argument's leaf replaced, a key removed, or a key added. */
export function brokenCall(calls: readonly Call[]): fc.Arbitrary<unknown[]> {
  return fc
    .tuple(
      fc.nat({ max: calls.length - 1 }),
      fc.nat(),
      fc.nat(),
      fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add'),
      anyValue,
    )
    .map(([which, argument, selector, kind, replacement]) => {
      const original = calls[which] as Call;
      // Always room for an options argument, so that options get broken too.
      const call: unknown[] = structuredClone([...original, ...(original.length < 2 ? [{}] : [])]);
      const root = argument % call.length;
      const paths = pathsOf(call[root]);
      const path = paths[selector % paths.length] as PathKey[];
      if (path.length === 0) {
        call[root] = kind === 'add' ? { ...(call[root] as object), unexpected: replacement } : replacement;
        return call;
      }
      const parent = parentOf(call[root], path);
      const key = path[path.length - 1] as PathKey;
      if (parent === undefined || ArrayBuffer.isView(parent)) return call;
      if (kind === 'delete') delete parent[key];
      else if (
        kind === 'add' &&
        typeof parent[key] === 'object' &&
        parent[key] !== null &&
        !Array.isArray(parent[key])
      ) {
        (parent[key] as Record<string, unknown>).unexpected = replacement;
      } else parent[key] = replacement;
      return call;
    });
}

/** Problems with a result: a non-finite number or an `undefined` anywhere inside. */
export function resultProblems(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} is ${value}`);
    else if (Object.is(value, -0)) out.push(`${path} is -0`);
  } else if (value === undefined) out.push(`${path} is undefined`);
  else if (value instanceof Float64Array) {
    value.forEach((item, index) => {
      resultProblems(item, `${path}[${index}]`, out);
    });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      resultProblems(item, `${path}[${index}]`, out);
    });
  } else if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) resultProblems(item, `${path}.${key}`, out);
  }
  return out;
}

/** Deep-freezes plain objects and arrays so that any attempt to mutate an input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/**
 * Deep equality for inputs compared with their `structuredClone`: NaN equals NaN, dates compare by time,
 * typed arrays by element, prototypes are ignored (a clone of a null-prototype object has Object's).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const left = a as unknown as ArrayLike<unknown>;
    const right = b as unknown as ArrayLike<unknown>;
    if (a.constructor !== b.constructor || left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (!Object.is(left[i], right[i])) return false;
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
