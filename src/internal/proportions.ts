// Two independent proportions compared: the exact difference, Newcombe's hybrid score interval built from
// the two Wilson intervals, and the pooled two-proportion z test. Shared by the stats family (the public
// `compareProportions`) and the survey family (satisfied and easy shares from one period to the next).
import { ratioToNumber } from './exact/integer.js';
import { normalUpperTail } from './normal.js';
import { wilson } from './wilson.js';

/** A comparison of two proportions `a − b`: fractions, and the z test (null when neither group varies). */
export interface ProportionsComparison {
  readonly difference: number;
  readonly low: number;
  readonly high: number;
  readonly z: number | null;
  readonly pValue: number | null;
}

/**
 * Compares `successesA / trialsA` with `successesB / trialsB` (both trials positive, successes at most
 * trials). The difference is one correctly rounded division of exact integers; the interval is method 10
 * of Newcombe (1998): with Wilson intervals (l₁, u₁) and (l₂, u₂), D − √((p₁ − l₁)² + (u₂ − p₂)²) to
 * D + √((u₁ − p₁)² + (p₂ − l₂)²), within [−1, 1]. The test pools both groups: p̄ = (s₁ + s₂)/(n₁ + n₂),
 * z = D ÷ √(p̄(1 − p̄)(1/n₁ + 1/n₂)), two-sided; undefined (null) when p̄ is 0 or 1.
 */
export function compareCounts(
  successesA: number,
  trialsA: number,
  successesB: number,
  trialsB: number,
  confidence: number,
): ProportionsComparison {
  const difference = ratioToNumber(
    BigInt(successesA) * BigInt(trialsB) - BigInt(successesB) * BigInt(trialsA),
    BigInt(trialsA) * BigInt(trialsB),
  );
  const p1 = successesA / trialsA;
  const p2 = successesB / trialsB;
  const first = wilson(successesA, trialsA, confidence);
  const second = wilson(successesB, trialsB, confidence);
  const low = Math.max(-1, difference - Math.hypot(p1 - first.low, second.high - p2));
  const high = Math.min(1, difference + Math.hypot(first.high - p1, p2 - second.low));
  const pooledSuccesses = successesA + successesB;
  const pooledTrials = trialsA + trialsB;
  if (pooledSuccesses === 0 || pooledSuccesses === pooledTrials)
    return { difference, low, high, z: null, pValue: null };
  const pooled = pooledSuccesses / pooledTrials;
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / trialsA + 1 / trialsB));
  const z = difference / standardError;
  return { difference, low, high, z, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))) };
}
