// One row of an MRR series from the engine's exact monthly totals, shared by the subscription and the
// invoice series.
import { formatMonth } from '../../internal/dates.js';
import { addInt, type Int, multiplyInt, ratioToNumber, subtractInt } from '../../internal/exact/integer.js';
import { ratioResult } from '../../internal/exact/result.js';
import type { RecurringRevenueSeriesRow } from './seriesRow.js';
import type { SegmentedRevenueSeriesRow } from '../segmentedRevenueSeries.js';
import { CHURNED, CONTRACTION, ENTERING, EXPANSION, LEAVING, NEW, REACTIVATION } from './movements.js';
import type { SeriesTotals } from './seriesEngine.js';
import type { PeriodSpan } from './seriesPeriods.js';

/** The exact sum of one movement's amounts over the months `a … b` (offsets). */
function movedAmount(totals: SeriesTotals, a: number, b: number, movement: number): Int {
  let sum: Int = 0;
  for (let m = a; m <= b; m++) sum = addInt(sum, totals.movements.amount(m, movement));
  return sum;
}

/** The number of one movement's customers over the months `a … b` (offsets). */
function movedCount(totals: SeriesTotals, a: number, b: number, movement: number): number {
  let sum = 0;
  for (let m = a; m <= b; m++) sum += totals.movements.count(m, movement);
  return sum;
}

/** The exact FX impact over the months `a … b` (offsets). */
function fxOver(totals: SeriesTotals, a: number, b: number): Int {
  let sum: Int = 0;
  for (let m = a; m <= b; m++) sum = addInt(sum, totals.fxImpact.get(m));
  return sum;
}

/** The delinquent part of the churn over the months `a … b` (offsets): its exact amount and its customers. */
function delinquentChurn(totals: SeriesTotals, a: number, b: number): { amount: Int; customers: number } {
  let amount: Int = 0;
  let customers = 0;
  for (let m = a; m <= b; m++) {
    amount = addInt(amount, totals.movements.delinquentAmount(m));
    customers += totals.movements.delinquentCount(m);
  }
  return { amount, customers };
}

/** The sum of monthly counts over the months `a … b` (offsets). */
function countOver(counts: Float64Array, a: number, b: number): number {
  let sum = 0;
  for (let m = a; m <= b; m++) sum += counts[m] as number;
  return sum;
}

/** One row of the series from the exact monthly totals (units of 1/den): the months of `span`. */
export function seriesRow(
  metric: string,
  totals: SeriesTotals,
  span: PeriodSpan,
  low: number,
  lookback: number,
): RecurringRevenueSeriesRow {
  const { den } = totals;
  const money = (value: Int) => ratioResult(metric, value, den, 'an MRR figure');
  const rate = (numerator: Int, denominator: Int) => (denominator === 0 ? null : ratioToNumber(numerator, denominator));
  // Offsets of the span's first and last months: MRR at the end of `b`, the start at the end of `a − 1`.
  const a = span.first - low;
  const m = span.last - low;
  const mrr = totals.mrr.get(m);
  const starting = totals.mrr.get(a - 1);
  const base = totals.mrr.get(m - lookback);
  const customers = totals.customers[m] as number;
  const startingCustomers = totals.customers[a - 1] as number;
  const churnedCustomers = movedCount(totals, a, m, CHURNED);
  const expansion = movedAmount(totals, a, m, EXPANSION);
  const contraction = movedAmount(totals, a, m, CONTRACTION);
  const churned = movedAmount(totals, a, m, CHURNED);
  const reactivation = movedAmount(totals, a, m, REACTIVATION);
  const newMrr = movedAmount(totals, a, m, NEW);
  const newCustomers = movedCount(totals, a, m, NEW);
  const lost = addInt(churned, contraction);
  const delinquent = delinquentChurn(totals, a, m);
  return {
    month: formatMonth(low + m),
    mrr: money(mrr),
    arr: money(multiplyInt(mrr, 12)),
    customers,
    startingMrr: money(starting),
    startingCustomers,
    newMrr: money(newMrr),
    expansionMrr: money(expansion),
    contractionMrr: money(contraction),
    churnedMrr: money(churned),
    reactivationMrr: money(reactivation),
    netNewMrr: money(subtractInt(mrr, starting)),
    newCustomers,
    reactivatedCustomers: movedCount(totals, a, m, REACTIVATION),
    churnedCustomers,
    customerChurnRate: startingCustomers === 0 ? null : churnedCustomers / startingCustomers,
    revenueChurnRate: rate(lost, starting),
    netRevenueChurnRate: rate(subtractInt(lost, addInt(expansion, reactivation)), starting),
    averageRevenuePerAccount:
      customers === 0 ? null : ratioResult(metric, mrr, multiplyInt(den, customers), 'averageRevenuePerAccount'),
    retentionFrom: formatMonth(low + m - lookback),
    netRevenueRetention: rate(totals.retained.get(m), base),
    grossRevenueRetention: rate(totals.capped.get(m), base),
    period: span.label,
    months: m - a + 1,
    averageSalePrice:
      newCustomers === 0 ? null : ratioResult(metric, newMrr, multiplyInt(den, newCustomers), 'averageSalePrice'),
    trialsStarted: countOver(totals.trialsStarted, a, m),
    trialsConverted: countOver(totals.trialsConverted, a, m),
    fxImpactMrr: money(fxOver(totals, a, m)),
    voluntaryChurnedMrr: money(subtractInt(churned, delinquent.amount)),
    delinquentChurnedMrr: money(delinquent.amount),
    voluntaryChurnedCustomers: churnedCustomers - delinquent.customers,
    delinquentChurnedCustomers: delinquent.customers,
  };
}

/** One row of a segment (its totals have the entering and leaving movements): a series row and those. */
export function segmentRow(
  metric: string,
  totals: SeriesTotals,
  span: PeriodSpan,
  low: number,
  lookback: number,
): SegmentedRevenueSeriesRow {
  const a = span.first - low;
  const m = span.last - low;
  const money = (value: Int) => ratioResult(metric, value, totals.den, 'an MRR figure');
  return {
    ...seriesRow(metric, totals, span, low, lookback),
    enteringMrr: money(movedAmount(totals, a, m, ENTERING)),
    leavingMrr: money(movedAmount(totals, a, m, LEAVING)),
    enteringCustomers: movedCount(totals, a, m, ENTERING),
    leavingCustomers: movedCount(totals, a, m, LEAVING),
  };
}
