import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { catchMetricError, expectMetricError } from '../../test/support/errors.js';
import { toEpoch } from './dates.js';
import { lifetimeSchema, withLifetimes } from './lifetimes.js';

const read = (customers: readonly unknown[]) =>
  withLifetimes('test', customers, ['customers'], ({ count, start, end }) => ({
    count,
    start: [...start],
    end: [...end],
  }));

describe('readLifetimes', () => {
  it('reads starts and ends as epoch milliseconds, an open end as +Infinity', () => {
    const lifetimes = read([
      { id: 'a', start: '2024-01-01', end: '2024-01-02T12:00:00Z' },
      { id: 'b', start: new Date(5), end: null },
      { id: 3, start: 7 },
      { id: 4, start: 8, end: undefined },
    ]);
    expect(lifetimes.count).toBe(4);
    expect(lifetimes.start).toEqual([Date.UTC(2024, 0, 1), 5, 7, 8]);
    expect(lifetimes.end).toEqual([
      Date.UTC(2024, 0, 2, 12),
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
    ]);
  });

  it('accepts ids that differ only in type, sign or one character anywhere', () => {
    const long = 'x'.repeat(40);
    const ids: unknown[] = [1, '1', -1, 0, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 32, 2 ** 32 + 1];
    for (let i = 0; i < 40; i++) ids.push(`${long.slice(0, i)}y${long.slice(i + 1)}`);
    expect(read(ids.map((id) => ({ id, start: 0 }))).count).toBe(ids.length);
  });

  it('treats 0 and -0 as the same id, as a Set would', () => {
    expectMetricError(
      () =>
        read([
          { id: 0, start: 0 },
          { id: -0, start: 0 },
        ]),
      'INVALID_INPUT',
      ['customers', 1, 'id'],
    );
  });

  it('finds repeats among long ids that differ only where the sampled hash does not look', () => {
    // 20 000 ids of 60 characters that differ in characters 5–8 only: most share a sampled hash, so the
    // check falls back to hashing whole ids, and still finds nothing, then the one real repeat.
    const id = (n: number) => `tenant${String(n).padStart(5, '0')}${'-'.repeat(49)}`;
    const customers = Array.from({ length: 20_000 }, (_, n) => ({ id: id(n), start: 0 }));
    expect(read(customers).count).toBe(20_000);
    customers.push({ id: id(12_345), start: 1 });
    expectMetricError(
      () => read(customers),
      'INVALID_INPUT',
      ['customers', 20_000, 'id'],
      'customers[20000].id repeats the id of customers[12345]',
    );
  });

  it('finds repeats among UUID-like ids and integers in a large list', () => {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const customers: { id: string | number; start: number }[] = [];
    for (let n = 0; n < 100_000; n++) {
      customers.push({
        id: n % 2 === 0 ? n * 7919 : `${hex(n * 2_654_435_761)}-4b1d-9a2e-${hex(n)}${hex(n ^ 0x5555)}`,
        start: 0,
      });
    }
    expect(read(customers).count).toBe(100_000);
    const withRepeats = [...customers, { id: 4 * 7919, start: 0 }, customers[99_999] as { id: string; start: number }];
    expectMetricError(() => read(withRepeats), 'INVALID_INPUT', ['customers', 100_000, 'id'], 'customers[4]');
  });

  it('reports the first repeat in array order when there are several', () => {
    const customers = Array.from({ length: 5000 }, (_, n) => ({ id: `c${n}`, start: 0 }));
    customers[4000] = { id: 'c10', start: 0 };
    customers[3000] = { id: 'c2999', start: 0 };
    customers[4500] = { id: 'c1', start: 0 };
    expectMetricError(() => read(customers), 'INVALID_INPUT', ['customers', 3000, 'id'], 'customers[2999]');
  });

  it('describes a bad record with the element schema', () => {
    expectMetricError(() => read([{ id: 'a', start: 0, end: -1 }]), 'INVALID_INPUT', ['customers', 0, 'end']);
    expectMetricError(() => read([{ id: 'a', start: 'soon' }]), 'INVALID_INPUT', ['customers', 0, 'start']);
    expectMetricError(() => read([{ id: '', start: 0 }]), 'INVALID_INPUT', ['customers', 0, 'id'], 'non-empty string');
    expectMetricError(
      () => read([{ start: 0 }]),
      'INVALID_INPUT',
      ['customers', 0, 'id'],
      'customers[0].id is required',
    );
    expectMetricError(() => read([{ id: Number.NaN, start: 0 }]), 'INVALID_INPUT', ['customers', 0, 'id'], 'not NaN');
    expectMetricError(() => read([{ id: [1], start: 0 }]), 'INVALID_INPUT', ['customers', 0, 'id'], 'not an array');
    expectMetricError(() => read([{ id: null, start: 0 }]), 'INVALID_INPUT', ['customers', 0, 'id'], 'not null');
    expectMetricError(() => read([{ id: 1.5, start: 0 }]), 'INVALID_INPUT', ['customers', 0, 'id'], 'the number 1.5');
    expectMetricError(() => read([{ id: true, start: 0 }]), 'INVALID_INPUT', ['customers', 0, 'id'], 'not boolean');
    expectMetricError(() => read([7]), 'INVALID_INPUT', ['customers', 0]);
  });

  it('rejects keys a strict object rejects, inherited enumerable ones included', () => {
    const inherited = Object.create({ plan: 'pro' }) as Record<string, unknown>;
    inherited.id = 'a';
    inherited.start = 0;
    expectMetricError(() => read([inherited]), 'INVALID_INPUT', ['customers', 0], "unknown key 'plan'");
    const bare = Object.assign(Object.create(null), { id: 'a', start: 0 });
    expect(read([bare]).count).toBe(1);
  });

  it('reads each id once, even behind a getter, and finds a repeat among such ids', () => {
    let reads = 0;
    const withGetter = (id: string | number) => {
      const record = { start: 0 };
      Object.defineProperty(record, 'id', {
        enumerable: true,
        get: () => {
          reads++;
          return id;
        },
      });
      return record;
    };
    // Long ids that agree where the hash samples them: every comparison and the second hashing use the ids
    // as first read.
    const id = (n: number) => `t${String(n).padStart(5, '0')}${'-'.repeat(30)}`;
    const customers = Array.from({ length: 3000 }, (_, n) => withGetter(id(n)));
    expect(read(customers).count).toBe(3000);
    expect(reads).toBe(3000);
    reads = 0;
    customers.push(withGetter(id(1234)));
    expectMetricError(() => read(customers), 'INVALID_INPUT', ['customers', 3000, 'id'], 'customers[1234]');
    expect(reads).toBe(3001);
  });

  it('reads an end once: an open end behind a getter that changes later stays open', () => {
    let reads = 0;
    const record = {
      id: 'a',
      start: 5,
      get end(): number | null {
        reads++;
        return reads === 1 ? null : 0;
      },
    };
    expect(read([record])).toEqual({ count: 1, start: [5], end: [Number.POSITIVE_INFINITY] });
    expect(reads).toBe(1);
  });

  it('describes a bad record from the values it read, not from a second read', () => {
    let reads = 0;
    const record = {
      get id(): number | string {
        reads++;
        return reads === 1 ? Number.NaN : 'fine';
      },
      start: 0,
    };
    expectMetricError(() => read([record]), 'INVALID_INPUT', ['customers', 0, 'id'], 'not NaN');
    expect(reads).toBe(1);
  });

  it('reads the length and each element of the list once', () => {
    const reads = new Map<PropertyKey, number>();
    const items = [
      { id: 1, start: 0 },
      { id: 2, start: 1, end: 3 },
    ];
    const customers = new Proxy(items, {
      get(target, key, receiver) {
        reads.set(key, (reads.get(key) ?? 0) + 1);
        return Reflect.get(target, key, receiver);
      },
    });
    expect(read(customers).end).toEqual([Number.POSITIVE_INFINITY, 3]);
    // The list's iterator is looked up once (to read a lazy list through its own), then each index once.
    expect([...reads]).toEqual([
      ['length', 1],
      [Symbol.iterator, 1],
      ['0', 1],
      ['1', 1],
    ]);
  });

  it('reads a list that has an iterator of its own through it, never by index', () => {
    const indexReads: PropertyKey[] = [];
    const items = [
      { id: 'a', start: 0 },
      { id: 'b', start: 1, end: 3 },
    ];
    const customers = new Proxy(items, {
      get(target, key, receiver) {
        if (key === Symbol.iterator) return () => items.values();
        if (key !== 'length') indexReads.push(key);
        return Reflect.get(target, key, receiver);
      },
    });
    expect(read(customers).end).toEqual([Number.POSITIVE_INFINITY, 3]);
    expect(indexReads).toEqual([]);
  });

  it('reuses its scratch memory safely: across sizes, after an error, and when called again while reading', () => {
    const big = Array.from({ length: 3000 }, (_, n) => ({ id: n, start: n, end: n + 5 }));
    expect(read(big).end[2999]).toBe(3004);
    expect(read([{ id: 'x', start: 1 }])).toEqual({ count: 1, start: [1], end: [Number.POSITIVE_INFINITY] });
    expectMetricError(
      () =>
        read([
          { id: 1, start: 0 },
          { id: 1, start: 0 },
        ]),
      'INVALID_INPUT',
      ['customers', 1, 'id'],
    );
    const again = read(big.map((c) => ({ ...c, end: c.end + 1 })));
    expect(again.end[0]).toBe(6);
    expect(again.end[2999]).toBe(3005);

    // A field getter that reads other lifetimes while the outer call still holds the scratch memory.
    let inner: unknown;
    const reentrant = {
      id: 'outer',
      get start(): number {
        inner = read([{ id: 'inner', start: 42, end: 43 }]);
        return 7;
      },
    };
    const outer = read([...big, reentrant]);
    expect(inner).toEqual({ count: 1, start: [42], end: [43] });
    expect(outer.start[3000]).toBe(7);
    expect(outer.end[1234]).toBe(1239);
    // The scratch memory is free again, and the repeat check still works on it.
    expectMetricError(() => read([...big, { id: 5, start: 0 }]), 'INVALID_INPUT', ['customers', 3000, 'id']);
    expect(read([...big, { id: 3000, start: 0 }]).count).toBe(3001);
  });
});

/** Ids, dates and records a strict schema must judge: valid ones, edge cases, and anything at all. */
const ids = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.constantFrom(0, -0, 2 ** 53 - 1, 2 ** 53, -(2 ** 53), 1.5, Number.NaN, Infinity, null, undefined, true, [1], {}),
  fc.anything(),
);
const dates = fc.oneof(
  fc.integer({ min: -1e16, max: 1e16 }),
  fc.constantFrom(8.64e15, 8.64e15 + 1, -8.64e15, Number.NaN, Infinity, 0.5, null, undefined),
  fc.constantFrom('2024-03-15', '2024-03-15T10:00:00Z', '2024-02-30', '2024-03-15T25:00:00Z', 'soon', ''),
  fc.date({ noInvalidDate: false }),
  fc.anything(),
);
const records = fc.oneof(
  { weight: 6, arbitrary: fc.record({ id: ids, start: dates, end: dates }, { requiredKeys: [] }) },
  {
    weight: 1,
    arbitrary: fc.record({ id: ids, start: dates, plan: fc.anything() }, { requiredKeys: ['id', 'start'] }),
  },
  { weight: 1, arbitrary: fc.anything() },
);

describe('the fast checks of a lifetime', () => {
  it('accept exactly what the element schema accepts (and an end not before its start)', () => {
    fc.assert(
      fc.property(records, (record) => {
        const parsed = z.safeParse(lifetimeSchema, record);
        const valid =
          parsed.success &&
          (parsed.data.end === undefined ||
            parsed.data.end === null ||
            toEpoch(parsed.data.end) >= toEpoch(parsed.data.start));
        if (valid) expect(read([record]).count).toBe(1);
        else {
          const error = catchMetricError(() => read([record]));
          expect(error.code).toBe('INVALID_INPUT');
          expect(error.issues[0]?.path.slice(0, 2)).toEqual(['customers', 0]);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('find the first repeated id in array order, as a scan with a Set would', () => {
    const idLists = fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 2 })), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(idLists, (list) => {
        const seen = new Map<unknown, number>();
        let repeat: [number, number] | undefined;
        list.forEach((id, index) => {
          if (repeat === undefined && seen.has(id)) repeat = [index, seen.get(id) as number];
          if (!seen.has(id)) seen.set(id, index);
        });
        const customers = list.map((id) => ({ id: typeof id === 'string' ? `s${id}` : id, start: 0 }));
        if (repeat === undefined) expect(read(customers).count).toBe(list.length);
        else {
          expectMetricError(
            () => read(customers),
            'INVALID_INPUT',
            ['customers', repeat[0], 'id'],
            `repeats the id of customers[${repeat[1]}]`,
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('find repeats in every group of a list large enough to be grouped by hash', () => {
    const customers = Array.from({ length: 50_000 }, (_, n) => ({ id: `cus_${n.toString(36)}`, start: n }));
    expect(read(customers).count).toBe(50_000);
    for (const [later, earlier] of [
      [49_999, 0],
      [30_000, 29_999],
      [1, 0],
    ] as const) {
      const copy = customers.slice();
      copy[later] = { id: `cus_${earlier.toString(36)}`, start: 0 };
      expectMetricError(() => read(copy), 'INVALID_INPUT', ['customers', later, 'id'], `customers[${earlier}]`);
    }
  });
});
