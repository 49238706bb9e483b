// The rows of a survey trend from its tally: each period's total and segments scored by the survey metric's
// own function on their counts, each compared with the same segment's previous period, and the segments'
// p-values of a period adjusted together (Holm).
import type { TrendTally } from './trendCounts.js';
import { periodLabel, type TrendPeriod } from './trendPeriods.js';
import { adjust } from '../../internal/adjust.js';
import { SegmentIds } from '../../internal/segments.js';

/** How a metric scores one period's counts and compares two of them. */
export interface TrendMetric<R> {
  /** The metric's own result on the counts (`responses` > 0). */
  score(counts: Float64Array): R;
  /** The row's score and interval, read from that result. */
  read(result: R): { readonly score: number; readonly interval: { readonly low: number; readonly high: number } };
  /** This period against the previous one: the difference and the test's p-value (null when undefined). */
  compare(current: R, previous: R): { readonly difference: number; readonly pValue: number | null };
}

/** The change of a row from the previous period of the same segment. */
export interface TrendChange {
  /** This period's score minus the previous period's (NPS points, or a fraction for CSAT and CES). */
  readonly difference: number;
  /**
   * Two-sided p-value of "no change"; for a segment, Holm-adjusted across the segments compared in the same
   * period. `null` when the test is undefined (no variation in either period).
   */
  readonly pValue: number | null;
  /** For a segment, the p-value before the adjustment. */
  readonly rawPValue?: number | null;
  /** Whether `pValue` is below 1 − confidence. */
  readonly significant: boolean;
}

/** One row of a survey trend. */
export interface SurveyTrendRow {
  /** The period: `2024-03`, `2024-Q1` or `2024` (UTC). */
  readonly period: string;
  /** The segment; absent on the rows of all responses. */
  readonly segment?: string;
  /** Number of responses in the period (and segment). */
  readonly responses: number;
  /** The metric's score (NPS points; CSAT's satisfied share; CES's easy share), or null without responses. */
  readonly score: number | null;
  /** The interval the metric's own function gives, or null without responses. */
  readonly interval: { readonly low: number; readonly high: number } | null;
  /** The change from the previous period, when both have responses. */
  readonly change?: TrendChange;
}

interface Line<R> {
  readonly segment: string | undefined;
  readonly counts: Float64Array;
  readonly responses: number;
  readonly result: R | null;
}

function total(counts: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < counts.length; k++) sum += counts[k] as number;
  return sum;
}

/** The lines of one period: all responses first, then each listed segment (merged by name, in order). */
function periodLines<R>(tally: TrendTally, p: number, stride: number, metric: TrendMetric<R>, order: Order): Line<R>[] {
  const slots = tally.names === null ? 1 : tally.names.length;
  const all = new Float64Array(stride);
  const merged = order.ids.names.map(() => new Float64Array(stride));
  for (let slot = 0; slot < slots; slot++) {
    const base = (p * slots + slot) * stride;
    const into = order.slotIds[slot];
    for (let k = 0; k < stride; k++) {
      const n = tally.counts[base + k] as number;
      all[k] = (all[k] as number) + n;
      if (into !== undefined && into >= 0) {
        const target = merged[into] as Float64Array;
        target[k] = (target[k] as number) + n;
      }
    }
  }
  const line = (segment: string | undefined, counts: Float64Array): Line<R> => {
    const responses = total(counts);
    return { segment, counts, responses, result: responses === 0 ? null : metric.score(counts) };
  };
  return [
    line(undefined, all),
    ...order.ids.order().map((id) => line(order.ids.names[id], merged[id] as Float64Array)),
  ];
}

interface Order {
  readonly ids: SegmentIds;
  /** The segment id of each slot, or −1 for a slot not listed. */
  readonly slotIds: readonly number[];
}

/** The segments listed: slots with responses in some period, or declared; slots of one name merged. */
function segmentOrder(tally: TrendTally, stride: number): Order {
  const ids = new SegmentIds();
  const names = tally.names;
  if (names === null) return { ids, slotIds: [-1] };
  const slots = names.length;
  const used = names.map((_, slot) => tally.declared[slot] === true);
  for (let p = 0; p < tally.length; p++) {
    for (let slot = 0; slot < slots; slot++) {
      if (used[slot]) continue;
      const base = (p * slots + slot) * stride;
      for (let k = 0; k < stride; k++) {
        if ((tally.counts[base + k] as number) > 0) {
          used[slot] = true;
          break;
        }
      }
    }
  }
  return { ids, slotIds: names.map((name, slot) => (used[slot] ? ids.id(name) : -1)) };
}

/** Every row of the trend, period by period; each period's segment p-values adjusted together (Holm). */
export function trendRows<R>(
  tally: TrendTally,
  stride: number,
  period: TrendPeriod,
  level: number,
  metric: TrendMetric<R>,
): SurveyTrendRow[] {
  const order = segmentOrder(tally, stride);
  const rows: SurveyTrendRow[] = [];
  let previous: Line<R>[] | undefined;
  for (let p = 0; p < tally.length; p++) {
    const lines = periodLines(tally, p, stride, metric, order);
    const changes = lines.map((line, i) => {
      const before = previous?.[i]?.result;
      return line.result === null || before === undefined || before === null
        ? undefined
        : metric.compare(line.result, before);
    });
    // The segments' tests of this period form one family: adjusted together, the total apart.
    const tested = changes.flatMap((change, i) => (i > 0 && change?.pValue != null ? [i] : []));
    const adjusted = adjust(
      tested.map((i) => changes[i]?.pValue as number),
      'holm',
    );
    const label = periodLabel(tally.first + p, period);
    lines.forEach((line, i) => {
      const change = changes[i];
      const shown = line.result === null ? null : metric.read(line.result);
      const at = tested.indexOf(i);
      const pValue = at >= 0 ? (adjusted[at] as number) : (change?.pValue ?? null);
      rows.push({
        period: label,
        ...(line.segment === undefined ? {} : { segment: line.segment }),
        responses: line.responses,
        score: shown?.score ?? null,
        interval: shown === null ? null : { low: shown.interval.low, high: shown.interval.high },
        ...(change === undefined
          ? {}
          : {
              change: {
                difference: change.difference,
                pValue,
                ...(i > 0 ? { rawPValue: change.pValue } : {}),
                significant: pValue !== null && pValue < 1 - level,
              },
            }),
      });
    });
    previous = lines;
  }
  return rows;
}
