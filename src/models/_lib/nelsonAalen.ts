// The Nelson–Aalen estimate, one point per distinct time, as records or as columns. A million distinct times
// make a million points: seven typed arrays cost a fraction of a million objects (whose doubles V8 boxes one
// by one), so `cumulativeHazard` offers both. Both forms come out of the same step, so they hold the same
// numbers.
import type { CumulativeHazardColumns, CumulativeHazardPoint } from '../cumulativeHazard.js';
import { RiskSetSteps, type Sample, walk } from './observations.js';

/**
 * Sums d/Y and d/Y² one distinct time at a time and hands each point to `point`, which reads the estimate,
 * its error and band at that time from the fields.
 */
abstract class NelsonAalenSteps extends RiskSetSteps {
  protected hazard = 0;
  private variance = 0;
  // The error and band of the last churn time (0 before any): a time of censorings alone keeps them.
  protected error = 0;
  protected low = 0;
  protected high = 0;

  constructor(private readonly z: number) {
    super();
  }

  step(time: number, events: number, censored: number): void {
    const atRisk = this.atRisk;
    if (events > 0) {
      const hazard = this.hazard + events / atRisk;
      this.variance += events / (atRisk * atRisk);
      const error = Math.sqrt(this.variance);
      const widen = Math.exp((this.z * error) / hazard);
      this.hazard = hazard;
      this.error = error;
      this.low = hazard / widen;
      this.high = hazard * widen;
    }
    this.point(time, atRisk, events);
    this.atRisk = atRisk - events - censored;
  }

  protected abstract point(time: number, atRisk: number, events: number): void;
}

/** The points as records. */
class PointSteps extends NelsonAalenSteps {
  readonly points: CumulativeHazardPoint[] = [];

  protected point(time: number, atRisk: number, events: number): void {
    this.points.push({
      time,
      atRisk,
      events,
      cumulativeHazard: this.hazard,
      standardError: this.error,
      low: this.low,
      high: this.high,
    });
  }
}

/** Counts the distinct times, to size the columns exactly. */
class TimeCount extends RiskSetSteps {
  count = 0;

  step(): void {
    this.count++;
  }
}

/** The points as columns, sized for `count` distinct times. */
class ColumnSteps extends NelsonAalenSteps {
  private k = 0;
  readonly columns: CumulativeHazardColumns;

  constructor(z: number, count: number) {
    super(z);
    this.columns = {
      time: new Float64Array(count),
      atRisk: new Float64Array(count),
      events: new Float64Array(count),
      cumulativeHazard: new Float64Array(count),
      standardError: new Float64Array(count),
      low: new Float64Array(count),
      high: new Float64Array(count),
    };
  }

  protected point(time: number, atRisk: number, events: number): void {
    const k = this.k++;
    const columns = this.columns;
    columns.time[k] = time;
    columns.atRisk[k] = atRisk;
    columns.events[k] = events;
    columns.cumulativeHazard[k] = this.hazard;
    columns.standardError[k] = this.error;
    columns.low[k] = this.low;
    columns.high[k] = this.high;
  }
}

/**
 * Ĥ(t) = Σ d/Y, its standard error √(Σ d/Y²) and the band Ĥ·exp(±z·σ/Ĥ) ([0, 0] while Ĥ = 0) at every
 * distinct time of the sample, z being the band's critical value: one record per time.
 */
export function nelsonAalenPoints(sample: Sample, z: number): CumulativeHazardPoint[] {
  const steps = new PointSteps(z);
  walk(sample, steps);
  return steps.points;
}

/** The same points as {@link nelsonAalenPoints}, one `Float64Array` per field, each as long as the times. */
export function nelsonAalenColumns(sample: Sample, z: number): CumulativeHazardColumns {
  const times = new TimeCount();
  walk(sample, times);
  const steps = new ColumnSteps(z, times.count);
  walk(sample, steps);
  return steps.columns;
}
