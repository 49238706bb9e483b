import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalValue, normalCdf, normalQuantile, normalUpperTail } from './normal.js';

describe('normal distribution', () => {
  it('matches published quantiles (Abramowitz & Stegun, Table 26.5)', () => {
    expect(criticalValue(0.95)).toBeCloseTo(1.959963984540054, 13);
    expect(criticalValue(0.99)).toBeCloseTo(2.5758293035489004, 13);
    expect(criticalValue(0.9)).toBeCloseTo(1.6448536269514722, 13);
    expect(criticalValue(0.5)).toBeCloseTo(0.6744897501960817, 13);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('matches published tail areas, far into the tails', () => {
    expect(normalUpperTail(1.96)).toBeCloseTo(0.024997895148220435, 15);
    expect(normalUpperTail(6) / 9.865876450376946e-10).toBeCloseTo(1, 13);
    expect(normalUpperTail(10) / 7.61985302416047e-24).toBeCloseTo(1, 12);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 15);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    expect(normalUpperTail(3 - 1e-12) / normalUpperTail(3)).toBeCloseTo(1, 9);
  });

  it('the quantile inverts the distribution', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
    );
  });
});
