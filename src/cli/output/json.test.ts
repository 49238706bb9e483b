import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lazyArray } from '../columns.js';
import type { MoneyFields } from '../output.js';
import { CHUNK_SIZE, jsonChunks, jsonText } from './json.js';
import { plainNumber, type Rounding, roundMoney } from './money.js';

// The JSON view as it was written before it was produced in pieces: a deep cleaned copy, then one string.
function oldMoneyAt(keys: readonly string[], money: readonly MoneyFields[]): MoneyFields | undefined {
  return money.find((spec) =>
    spec.fields.some((field) => {
      const parts = field.split('.');
      return (
        parts.length <= keys.length && parts.every((part, index) => keys[keys.length - parts.length + index] === part)
      );
    }),
  );
}

function oldClean(value: unknown, keys: readonly string[], money: readonly MoneyFields[], rounding: Rounding): unknown {
  if (typeof value === 'number') return plainNumber(value);
  if (Array.isArray(value)) return value.map((item) => oldClean(item, keys, money, rounding));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  let currency: string | undefined;
  for (const [key, item] of Object.entries(value)) {
    const path = [...keys, key];
    const spec = typeof item === 'number' && Number.isFinite(item) ? oldMoneyAt(path, money) : undefined;
    if (spec === undefined) {
      result[key] = oldClean(item, path, money, rounding);
      continue;
    }
    result[key] = Number(roundMoney(item as number, spec.currency, rounding));
    currency ??= spec.currency;
  }
  if (currency !== undefined && !('currency' in result)) result.currency = currency;
  return result;
}

const oldJsonText = (json: unknown, money: readonly MoneyFields[], rounding: Rounding): string =>
  `${JSON.stringify(oldClean(json, [], money, rounding), null, 2)}\n`;

const MONEY: MoneyFields[] = [
  { currency: 'USD', fields: ['mrr', 'lifetimeValue.arpa'] },
  { currency: 'JPY', fields: ['arpa'] },
  { currency: 'BHD', fields: ['b'] },
  { currency: undefined, fields: ['simple'] },
];

const key = fc.oneof(
  fc.constantFrom('mrr', 'arpa', 'lifetimeValue', 'simple', 'currency', 'b', 'name', '0', '7', '__proto__', 'toJSON'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(-0, 1.005, 2.5, 0.125, 0.1 + 0.2, 1e21, 1.2345e-7, -1e-9, Number.NaN, Number.POSITIVE_INFINITY),
);
const leaf = fc.oneof(
  number,
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('\ud800', 'é\u2028"\\\n', ''),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
}));

describe('jsonChunks', () => {
  it('writes what the deep cleaned copy and JSON.stringify wrote, for any JSON-like value', () => {
    fc.assert(
      fc.property(value, fc.constantFrom<Rounding>('half-even', 'half-up'), (json, rounding) => {
        expect([...jsonChunks(json, MONEY, rounding)].join('')).toBe(oldJsonText(json, MONEY, rounding));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes odd values as JSON.stringify does', () => {
    const odd: unknown[] = [
      undefined,
      () => 1,
      Symbol('s'),
      [undefined, () => 1, Symbol('s'), Number.NaN, -0],
      { a: undefined, f: () => 1, s: Symbol('s'), n: Number.NEGATIVE_INFINITY },
      { toJSON: (key: string) => ({ key, mrr: 1.005 }) },
      { nested: [{ toJSON: (key: string) => `at ${key}` }, { toJSON: () => undefined }] },
      {
        mrr: 1.005,
        toJSON() {
          return this;
        },
      },
      JSON.parse('{"__proto__": {"currency": "EUR", "x": 1}, "mrr": 2.675}'),
      JSON.parse('{"__proto__": 3, "arpa": 2.5}'),
      { list: [new Date(0), new Map([[1, 2]]), new Number(3), new String('ab')] },
      { a: { b: { c: [[], {}, [[]], [{}]] } } },
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ];
    for (const json of odd) expect(jsonText(json, MONEY, 'half-even')).toBe(oldJsonText(json, MONEY, 'half-even'));
    expect(() => jsonText({ big: 1n }, MONEY, 'half-even')).toThrow(TypeError);
  });

  it('hands out pieces of about 64 KB and builds each element of a lazy array once, in order', () => {
    const built: number[] = [];
    const rows = lazyArray(20_000, (index) => {
      built.push(index);
      return { name: `account ${index}`, mrr: index / 3, arpa: index * 1.005 };
    });
    const chunks = jsonChunks({ accounts: rows, total: 1.5 }, MONEY, 'half-even');
    const first = chunks.next();
    // The first piece is out while most rows are still to be built: the text never exists whole.
    expect(first.done).toBe(false);
    expect(built.length).toBeLessThan(2_000);
    const pieces = [first.value as string, ...chunks];
    expect(built).toEqual(Array.from({ length: 20_000 }, (_, index) => index));
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(CHUNK_SIZE);
      expect(piece.length).toBeLessThan(CHUNK_SIZE + 200);
    }
    const plain = { accounts: Array.from(rows), total: 1.5 };
    expect(pieces.join('')).toBe(oldJsonText(plain, MONEY, 'half-even'));
  });
});
