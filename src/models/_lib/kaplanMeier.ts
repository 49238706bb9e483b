// The Kaplan–Meier product-limit estimate built one distinct time at a time, with Greenwood's variance,
// the confidence band and the median. The input forms of survivalCurve feed it (see survivalInput.ts).
import { criticalValue } from '../../internal/normal.js';
import type { SurvivalCurveResult, SurvivalInterval, SurvivalPoint } from '../survivalCurve.js';
import { RiskSetSteps } from './observations.js';

/** R survival's tolerance for "the curve is exactly 0.5": √ε. */
const HALF_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * (a + b)/2 for finite a, b ≥ 0 without overflow. Where the sum is finite this is (a + b)/2 itself, the
 * correctly rounded midpoint, bit for bit as before; where it overflows (both near the top of the double
 * range) each half is exact and their sum is the same correctly rounded midpoint. (Halving first everywhere
 * would lose the last bit of subnormal times: 5e-324/2 rounds to 0.)
 */
export function midpoint(a: number, b: number): number {
  const sum = a + b;
  return sum < Number.POSITIVE_INFINITY ? sum / 2 : a / 2 + b / 2;
}

/**
 * Builds the curve one distinct time at a time, in increasing order: Kaplan–Meier product, Greenwood sum,
 * band and median.
 */
export class CurveBuilder extends RiskSetSteps {
  private events = 0;
  private survival = 1;
  private greenwood = 0;
  private readonly points: SurvivalPoint[] = [];
  private readonly z: number;
  // The median: found once the curve is at or below 0.5; `atHalf` while it sits at exactly 0.5.
  private medianFound = false;
  private medianTime = 0;
  private atHalf = false;

  constructor(
    readonly confidence: number,
    private readonly interval: SurvivalInterval,
    private readonly medianRule: 'midpoint' | 'first',
  ) {
    super();
    this.z = criticalValue(confidence);
  }

  /** Adds the point at `time` (later than the previous one): `d` churned and `c` censored there. */
  step(time: number, d: number, c: number): void {
    const atRisk = this.atRisk;
    let survival = this.survival;
    if (d > 0) {
      if (this.atHalf && this.medianRule === 'midpoint') {
        // The curve leaves the exact 0.5 here: the median is the middle of the flat stretch.
        this.medianTime = midpoint(this.medianTime, time);
      }
      this.atHalf = false;
      survival *= (atRisk - d) / atRisk;
      if (d < atRisk) this.greenwood += d / (atRisk * (atRisk - d));
      this.survival = survival;
      this.events += d;
    }
    const greenwood = this.greenwood;
    let standardError = 0;
    let low = survival;
    let high = survival;
    if (survival > 0 && greenwood > 0) {
      const root = Math.sqrt(greenwood);
      standardError = survival * root;
      const spread = this.z * root;
      if (this.interval === 'log-log') {
        // Ŝ^exp(±z√v/|ln Ŝ|) = exp(ln Ŝ · e^{±…}).
        const logSurvival = Math.log(survival);
        const widen = Math.exp(spread / -logSurvival);
        low = Math.exp(logSurvival * widen);
        high = Math.exp(logSurvival / widen);
      } else if (this.interval === 'log') {
        low = survival * Math.exp(-spread);
        high = Math.min(1, survival * Math.exp(spread));
      } else {
        low = Math.max(0, survival - spread * survival);
        high = Math.min(1, survival + spread * survival);
      }
    } else if (survival === 0) {
      low = 0;
      high = 0;
    }
    if (!this.medianFound && survival < 0.5 + HALF_TOLERANCE) {
      this.medianFound = true;
      this.medianTime = time;
      this.atHalf = Math.abs(survival - 0.5) < HALF_TOLERANCE;
    }
    this.points.push({ time, atRisk, events: d, censored: c, survival, standardError, low, high });
    this.atRisk = atRisk - d - c;
  }

  result(): SurvivalCurveResult {
    return {
      observations: this.observations,
      events: this.events,
      censored: this.observations - this.events,
      points: this.points,
      median: this.medianFound ? { reached: true, time: this.medianTime } : { reached: false },
      confidence: this.confidence,
    };
  }
}
