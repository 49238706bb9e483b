import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerColumns } from './customers.js';
import {
  aliveProbability,
  conditionalExpected,
  conditionalExpectedColumns,
  probabilityAliveColumns,
} from './paretoNbdColumns.js';
import { logBracket, logEndTerm, TERM_SIZE } from './paretoNbdTerms.js';

const parameter = fc.double({ min: 0.05, max: 20, noNaN: true });
const parameters = fc.tuple(parameter, parameter, parameter, parameter);

/** A customer's history with its age among a few values (so that the shared terms are reused) or any. */
const history = fc
  .record({
    frequency: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 300 })),
    last: fc.oneof(fc.constantFrom(0.25, 0.5, 1), fc.double({ min: 0.01, max: 1, noNaN: true })),
    age: fc.oneof(fc.constantFrom(27, 39, 52), fc.double({ min: 0.1, max: 2000, noNaN: true })),
  })
  .map(({ frequency, last, age }) => ({ frequency, recency: frequency === 0 ? 0 : last * age, age }));

function columns(histories: { frequency: number; recency: number; age: number }[]): CustomerColumns {
  return {
    frequency: Float64Array.from(histories, (h) => h.frequency),
    recency: Float64Array.from(histories, (h) => h.recency),
    age: Float64Array.from(histories, (h) => h.age),
    count: histories.length,
  };
}

/** Expects the base's P(alive) and E[Y(39)] under CDNOW's fit to be, bit for bit, those of one call each. */
function expectOneByOne(histories: { frequency: number; recency: number; age: number }[]): void {
  const [r, alpha, s, beta] = [0.55, 10.58, 0.61, 11.66];
  const base = columns(histories);
  const alive = new Float64Array(base.count);
  const expected = new Float64Array(base.count);
  probabilityAliveColumns(r, alpha, s, beta, base, alive);
  conditionalExpectedColumns(r, alpha, s, beta, 39, base, expected);
  histories.forEach(({ frequency: x, recency, age }, i) => {
    expect(alive[i]).toBe(aliveProbability(r, alpha, s, beta, x, recency, age));
    expect(expected[i]).toBe(conditionalExpected(r, alpha, s, beta, 39, x, recency, age));
  });
}

describe('the Pareto/NBD predictions of a base', () => {
  it('give each customer the bits the one-customer functions give', () => {
    fc.assert(
      fc.property(
        parameters,
        fc.array(history, { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        ([r, alpha, s, beta], histories, t) => {
          const base = columns(histories);
          const alive = new Float64Array(base.count);
          const expected = new Float64Array(base.count);
          probabilityAliveColumns(r, alpha, s, beta, base, alive);
          conditionalExpectedColumns(r, alpha, s, beta, t, base, expected);
          histories.forEach(({ frequency: x, recency, age }, i) => {
            expect(alive[i]).toBe(aliveProbability(r, alpha, s, beta, x, recency, age));
            expect(expected[i]).toBe(conditionalExpected(r, alpha, s, beta, t, x, recency, age));
          });
        },
      ),
    );
  });

  it('score customers beyond 4 096 distinct ages and frequencies beyond 4 095 one by one, the same', () => {
    const histories = Array.from({ length: 5000 }, (_, i) => ({
      frequency: i % 3 === 0 ? 0 : i === 1 ? 5000 : i % 7,
      recency: i % 3 === 0 ? 0 : (i % 500) / 10 + 0.1,
      age: 50 + i / 100,
    }));
    expectOneByOne(histories);
  });

  it('score customers beyond the tables’ million cells one by one, the same, and again on a second call', () => {
    // 400 distinct frequencies: 4 cells each per age (a row of 1 600), 1 per recency (a row of 400). Past 655
    // ages or 2 621 recencies the rows no longer fit in 2^20 cells.
    const histories = Array.from({ length: 4000 }, (_, i) => ({
      frequency: i % 400,
      recency: i % 400 === 0 ? 0 : 1 + i / 1000,
      age: 10 + i / 100,
    }));
    expectOneByOne(histories);
    expectOneByOne(histories);
  });

  it('P(alive) is the likelihood’s, whose series also gives the derivatives, to 1e-13', () => {
    // The predictions sum F(1, b; c; z) without its derivatives (paretoNbdSeries' unitHypergeometricValue):
    // the fit's terms (logEndTerm and logBracket) give the same probability up to rounding.
    const terms = new Float64Array(2 * TERM_SIZE);
    const alive = new Float64Array(1);
    fc.assert(
      fc.property(parameters, history, ([r, alpha, s, beta], { frequency: x, recency, age }) => {
        logEndTerm(r, alpha, s, beta, x, recency, terms, 0);
        logEndTerm(r, alpha, s, beta, x, age, terms, TERM_SIZE);
        logBracket(r, alpha, s, beta, x, age, terms, 0, TERM_SIZE, undefined, alive);
        const value = aliveProbability(r, alpha, s, beta, x, recency, age);
        const reference = alive[0] as number;
        if (reference < 1e-280) expect(value).toBeLessThan(1e-279);
        else expect(Math.abs(value / reference - 1)).toBeLessThan(1e-13);
      }),
    );
  });
});
