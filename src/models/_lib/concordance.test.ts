import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concordance } from './concordance.js';

/** Every pair, by lifelines' _naive_concordance_summary_statistics rules (risk = −predicted time). */
function naive(durations: number[], churned: number[], risk: number[]): number | null {
  let pairs = 0;
  let score = 0;
  for (let a = 0; a < durations.length; a++) {
    for (let b = 0; b < durations.length; b++) {
      const first = durations[a] as number;
      const second = durations[b] as number;
      // a is the one who churned first, b outlived a (or was censored at the same time).
      const comparable = churned[a] === 1 && (first < second || (first === second && churned[b] === 0));
      if (!comparable) continue;
      pairs++;
      if (risk[a] === risk[b]) score += 0.5;
      else if ((risk[a] as number) > (risk[b] as number)) score += 1;
    }
  }
  return pairs === 0 ? null : score / pairs;
}

describe('concordance', () => {
  it('counts a small example by hand', () => {
    // Pairs (churner first): (0,1) concordant, (0,2) concordant, (1,2) tied risk → ½; 2 censored.
    expect(concordance(Float64Array.of(1, 2, 3), Uint8Array.of(1, 1, 0), Float64Array.of(3, 1, 1))).toBeCloseTo(
      2.5 / 3,
      15,
    );
    expect(concordance(Float64Array.of(1, 2), Uint8Array.of(0, 0), Float64Array.of(1, 2))).toBe(null);
    // Two churns at one time are not comparable; a churn and a censoring at that time are.
    expect(concordance(Float64Array.of(1, 1), Uint8Array.of(1, 1), Float64Array.of(1, 2))).toBe(null);
    expect(concordance(Float64Array.of(1, 1), Uint8Array.of(0, 1), Float64Array.of(1, 2))).toBe(1);
  });
  it('does not depend on the order of the customers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true })),
          {
            maxLength: 40,
          },
        ),
        (rows) => {
          const of = (list: typeof rows) =>
            concordance(
              Float64Array.from(list, (r) => r[0]),
              Uint8Array.from(list, (r) => (r[1] ? 1 : 0)),
              Float64Array.from(list, (r) => r[2]),
            );
          expect(of([...rows].reverse())).toBe(of(rows));
        },
      ),
    );
  });
  it('equals the count over every pair', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean(), fc.integer({ min: -3, max: 3 })), {
          maxLength: 40,
        }),
        (rows) => {
          const durations = rows.map((r) => r[0]);
          const churned = rows.map((r) => (r[1] ? 1 : 0));
          const risk = rows.map((r) => r[2] / 2);
          const fast = concordance(Float64Array.from(durations), Uint8Array.from(churned), Float64Array.from(risk));
          const slow = naive(durations, churned, risk);
          if (slow === null) expect(fast).toBe(null);
          else expect(fast).toBeCloseTo(slow, 12);
        },
      ),
    );
  });
});
