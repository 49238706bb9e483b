import { describe, expect, it } from 'vitest';
import { logHypergeometric2F1 } from './hypergeometric.js';

describe('logHypergeometric2F1', () => {
  it('agrees with SciPy', () => {
    // scipy.special.hyp2f1 (SciPy 1.10.1, Debian's python3-scipy): [a, b, c, z, 2F1(a, b; c; z)]; the
    // arguments are those of the BG/NBD expectations (r + x, b + x, a + b + x − 1, t/(α + T + t)) and a few
    // beyond.
    const cases = [
      [0.243, 2.426, 2.219, 0.5, 1.2070970070440417],
      [0.243, 2.426, 2.219, 0.9, 1.9476311698186006],
      [2.243, 4.426, 4.219, 0.3, 2.32107247578253],
      [10.243, 12.426, 12.219, 0.95, 38042206922108.836],
      [50.243, 52.426, 52.219, 0.5, 1531932625413011.5],
      [0.5, 0.1, 0.2, 0.99, 4.2238439162830925],
      [3, 2, 7.5, 0.999, 4.06954200329356],
      [500.243, 502.426, 502.219, 0.3, 3.3157339330499233e77],
      [1.5, 0.7, 0.05, 0.6, 84.29417777585596],
      [0.243, 2.426, 2.219, 1e-9, 1.0000000002656684],
    ] as const;
    for (const [a, b, c, z, expected] of cases) {
      const log = logHypergeometric2F1(a, b, c, z);
      expect(Math.abs(log - Math.log(expected))).toBeLessThan(1e-13 * Math.max(1, Math.abs(log)));
    }
    // Near z = 0 the logarithm keeps its digits: ln 2F1 ≈ abz/c.
    expect(logHypergeometric2F1(0.243, 2.426, 2.219, 1e-9) / ((0.243 * 2.426 * 1e-9) / 2.219)).toBeCloseTo(1, 8);
  });

  it('stays finite where 2F1 itself overflows a double (SciPy returns inf)', () => {
    // 2F1(a, b; b; z) = (1 − z)^−a: for a = 500, z = 0.9, e^1151.3.
    expect(logHypergeometric2F1(500, 502, 502, 0.9)).toBeCloseTo(-500 * Math.log(0.1), 9);
    expect(Number.isFinite(logHypergeometric2F1(500.243, 502.426, 502.219, 0.9))).toBe(true);
  });

  it('is 0 at z = 0', () => {
    expect(logHypergeometric2F1(1, 2, 3, 0)).toBe(0);
  });
});
