import { criticalValue } from './normal.js';

/** A confidence interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for a binomial proportion (Wilson 1927; Agresti & Coull 1998), in double precision.
 * Unlike the normal (Wald) interval it stays inside [0, 1] and does not collapse to a point at 0 or n
 * successes. At 0 successes the low end is exactly 0, at n successes the high end is exactly 1.
 * `trials` must be positive (callers report `NO_DATA` first).
 */
export function wilson(successes: number, trials: number, confidence: number): Interval {
  const z = criticalValue(confidence);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}
