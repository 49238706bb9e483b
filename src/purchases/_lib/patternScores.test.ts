import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bgBb } from './bgBb.js';
import type { CustomerColumns } from './customers.js';
import type { History } from './kinds.js';
import { scoreByPattern } from './patternScores.js';

const parameter = fc.double({ min: 0.05, max: 20, noNaN: true });
const parameters = fc.tuple(parameter, parameter, parameter, parameter).map((p) => Float64Array.from(p));

/** A BG/BB history: x ≤ t_x ≤ n, with few opportunities (shared patterns), fractional ones, or over 1 024. */
const history = fc
  .record({
    n: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 1100 })),
    last: fc.double({ min: 0, max: 1, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    fraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.99, noNaN: true })),
    fractionalRecency: fc.boolean(),
  })
  .map(({ n, last, share, fraction, fractionalRecency }) => {
    let recency = Math.floor(last * n);
    const frequency = Math.floor(share * recency);
    if (frequency === 0) recency = 0;
    else if (fractionalRecency && recency < n) recency += 0.5;
    return { frequency, recency, age: n + fraction };
  });

function columns(histories: History[]): CustomerColumns {
  return {
    frequency: Float64Array.from(histories, (h) => h.frequency),
    recency: Float64Array.from(histories, (h) => h.recency),
    age: Float64Array.from(histories, (h) => h.age),
    count: histories.length,
  };
}

describe('scoreByPattern', () => {
  it('gives each customer what the function gives it alone, calling it once per distinct pattern', () => {
    const histories = [
      { frequency: 2, recency: 4, age: 6 },
      { frequency: 2, recency: 4, age: 6.5 },
      { frequency: 2, recency: 4, age: 7 },
      { frequency: 0, recency: 0, age: 6 },
      { frequency: 2, recency: 4, age: 6 },
    ];
    const calls: History[] = [];
    const out = new Float64Array(histories.length);
    const parameters = new Float64Array(0);
    scoreByPattern(
      columns(histories),
      out,
      (p, t, h) => {
        expect([p, t]).toEqual([parameters, 3]);
        calls.push({ ...h });
        return h.frequency + 10 * h.recency + 100 * Math.floor(h.age);
      },
      parameters,
      3,
    );
    expect([...out]).toEqual([642, 642, 742, 600, 642]);
    expect(calls).toEqual([histories[0], histories[2], histories[3]]);
  });

  it('grows its table past thousands of patterns', () => {
    const histories: History[] = [];
    for (let n = 1; n <= 40; n++) {
      for (let t = 1; t <= n; t++) for (let x = 1; x <= t; x++) histories.push({ frequency: x, recency: t, age: n });
    }
    const out = new Float64Array(2 * histories.length);
    const all = columns([...histories, ...histories.slice().reverse()]);
    scoreByPattern(all, out, (_p, _t, h) => h.frequency + 1e3 * h.recency + 1e6 * h.age, new Float64Array(0), 0);
    for (let i = 0; i < all.count; i++) {
      expect(out[i]).toBe(
        (all.frequency[i] as number) + 1e3 * (all.recency[i] as number) + 1e6 * (all.age[i] as number),
      );
    }
  });

  it('gives the BG/BB predictions of a base the bits of the one-customer ones', () => {
    fc.assert(
      fc.property(
        parameters,
        fc.array(history, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (p, histories, t) => {
          const base = columns(histories);
          const alive = new Float64Array(base.count);
          const expected = new Float64Array(base.count);
          bgBb.probabilityAliveColumns(p, base, alive);
          bgBb.conditionalExpectedColumns(p, t, base, expected);
          histories.forEach((h, i) => {
            expect(alive[i]).toBe(bgBb.probabilityAlive(p, h));
            expect(expected[i]).toBe(bgBb.conditionalExpected(p, t, h));
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
