// The bulk BG/NBD predictions against the one-customer formulas, customer by customer, to the last bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedColumns, expectedIfAlive, probabilityAlive, probabilityAliveColumns } from './bgNbd.js';
import type { CustomerColumns } from './customers.js';

const parameter = fc.double({ min: 0.05, max: 20, noNaN: true });
const parameters = fc.tuple(parameter, parameter, parameter, parameter);

/** Ages: whole days in weeks (shared by many customers), unusual ones (tiny, huge, off any grid). */
const age = fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((days) => days / 7),
  fc.constantFrom(1e-9, 5e-324, 0.5, 1e6, 1e11, 1e12),
  fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
);
const history = fc
  .record({
    // Most customers buy again rarely; some hundreds of times, beyond the log-odds table's 256.
    frequency: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 200, max: 700 })),
    last: fc.oneof(fc.constant(1), fc.double({ min: 1e-6, max: 1, noNaN: true })),
    age,
  })
  .map(({ frequency, last, age: T }) => ({ frequency, recency: frequency === 0 ? 0 : Math.min(T, last * T), age: T }))
  .filter((h) => h.frequency === 0 || h.recency > 0);

function columns(histories: { frequency: number; recency: number; age: number }[]): CustomerColumns {
  return {
    frequency: Float64Array.from(histories, (h) => h.frequency),
    recency: Float64Array.from(histories, (h) => h.recency),
    age: Float64Array.from(histories, (h) => h.age),
    count: histories.length,
  };
}

/** A base of `n` customers drawn from `histories` with repeats, so that (x, T) pairs recur. */
const base = fc
  .tuple(fc.array(history, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 300 }))
  .map(([pool, picks]) => picks.map((k) => pool[k % pool.length] as (typeof pool)[number]));

describe('BG/NBD over columns', () => {
  it('E[Y(t) | x, t_x, T] of every customer is the one-customer product, to the last bit', () => {
    fc.assert(
      fc.property(parameters, base, fc.double({ min: 0.01, max: 60, noNaN: true }), ([r, alpha, a, b], list, t) => {
        const out = new Float64Array(list.length);
        conditionalExpectedColumns(r, alpha, a, b, t, columns(list), out);
        list.forEach((h, i) => {
          const one = expectedIfAlive(r, alpha, a, b, h.frequency, h.age, t) * probabilityAlive(r, alpha, a, b, h);
          expect(Object.is(out[i], one) || (Number.isNaN(out[i]) && Number.isNaN(one))).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('P(alive) of every customer is the one-customer value, to the last bit', () => {
    fc.assert(
      fc.property(parameters, base, ([r, alpha, a, b], list) => {
        const out = new Float64Array(list.length);
        probabilityAliveColumns(r, alpha, a, b, columns(list), out);
        list.forEach((h, i) => expect(out[i]).toBe(probabilityAlive(r, alpha, a, b, h)));
      }),
      { numRuns: 100 },
    );
  });

  it('scores bases of several blocks, with more distinct (x, T) pairs than a block', () => {
    const list = Array.from({ length: 5000 }, (_, i) => {
      const frequency = i % 3 === 0 ? 0 : 1 + (i % 317);
      const T = 1 + ((i * 7919) % 4099) / 13;
      return { frequency, recency: frequency === 0 ? 0 : T * ((1 + (i % 11)) / 11), age: T };
    });
    const [r, alpha, a, b] = [0.243, 4.414, 0.793, 2.426];
    const expected = new Float64Array(list.length);
    const alive = new Float64Array(list.length);
    conditionalExpectedColumns(r, alpha, a, b, 39, columns(list), expected);
    probabilityAliveColumns(r, alpha, a, b, columns(list), alive);
    list.forEach((h, i) => {
      const p = probabilityAlive(r, alpha, a, b, h);
      expect(alive[i]).toBe(p);
      expect(expected[i]).toBe(expectedIfAlive(r, alpha, a, b, h.frequency, h.age, 39) * p);
    });
  });

  it('gives the hypergeometric term its own computation past 65 536 distinct pairs', () => {
    const n = 70_000;
    const list = Array.from({ length: n }, (_, i) => ({ frequency: 0, recency: 0, age: 1 + i / 64 }));
    list.push({ frequency: 0, recency: 0, age: 1 }, { frequency: 0, recency: 0, age: 1 + (n - 1) / 64 });
    const out = new Float64Array(list.length);
    const [r, alpha, a, b] = [0.243, 4.414, 0.793, 2.426];
    conditionalExpectedColumns(r, alpha, a, b, 2, columns(list), out);
    for (const i of [0, 65_535, 65_536, n - 1, n, n + 1]) {
      const h = list[i] as (typeof list)[number];
      expect(out[i]).toBe(expectedIfAlive(r, alpha, a, b, 0, h.age, 2));
    }
  });
});
