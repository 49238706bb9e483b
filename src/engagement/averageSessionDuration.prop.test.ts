import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageSessionDuration } from './averageSessionDuration.js';

const sessionArb = fc
  .record({ start: fc.integer({ min: 0, max: 4e12 }), length: fc.integer({ min: 0, max: 1e8 }) })
  .map(({ start, length }) => ({ session: { start, end: start + length }, length }));
const sessionsArb = fc.array(sessionArb, { minLength: 1, maxLength: 200 });

describe('averageSessionDuration properties', () => {
  it('is the exact mean: between the shortest and longest session, and Σ ÷ n correctly rounded', () => {
    fc.assert(
      fc.property(sessionsArb, (generated) => {
        const lengths = generated.map((g) => g.length);
        const mean = averageSessionDuration({ sessions: generated.map((g) => g.session) }, { unit: 'ms' });
        expect(mean).toBeGreaterThanOrEqual(Math.min(...lengths));
        expect(mean).toBeLessThanOrEqual(Math.max(...lengths));
        // Integer sums below 2^53 are exact, so one division is the correctly rounded mean.
        expect(mean).toBe(lengths.reduce((a, b) => a + b, 0) / lengths.length);
      }),
    );
  });

  it('does not depend on the order of the sessions', () => {
    fc.assert(
      fc.property(sessionsArb, (generated) => {
        const sessions = generated.map((g) => g.session);
        expect(averageSessionDuration({ sessions: [...sessions].reverse() })).toBe(
          averageSessionDuration({ sessions }),
        );
      }),
    );
  });

  it('agrees with the totals form, and units convert exactly (Σ ms ÷ (n · 60 000) for minutes)', () => {
    fc.assert(
      fc.property(sessionsArb, (generated) => {
        const sessions = generated.map((g) => g.session);
        const total = generated.reduce((sum, g) => sum + g.length, 0);
        const n = generated.length;
        expect(averageSessionDuration({ sessions })).toBe(total / (n * 60_000));
        expect(averageSessionDuration({ sessions }, { unit: 'second' })).toBe(total / (n * 1000));
        expect(averageSessionDuration({ totalDuration: total, sessionCount: n }, { unit: 'ms' })).toBe(
          averageSessionDuration({ sessions }, { unit: 'ms' }),
        );
      }),
    );
  });
});
