// The rows of a revenue-cohort table and their average, from the exact cohort totals: each figure is
// converted to a number once, from exact integers.
import { addInt, type Int, IntSums, multiplyInt } from '../../internal/exact/integer.js';
import { ratioResult } from '../../internal/exact/result.js';
import type { RevenueCohort, RevenueCohortsResult } from '../revenueCohorts.js';
import type { CohortLayout, CohortTotals } from './cohortTotals.js';
import { periodLabel, type SeriesPeriod } from './seriesPeriods.js';

/** Sums over the cohorts that reached each period index, for the average row. */
class AverageSums {
  readonly mrr: IntSums;
  readonly capped: IntSums;
  readonly starting: IntSums;
  readonly cumulative: IntSums;
  readonly customers: Float64Array;

  constructor(size: number) {
    this.mrr = new IntSums(size);
    this.capped = new IntSums(size);
    this.starting = new IntSums(size);
    this.cumulative = new IntSums(size);
    this.customers = new Float64Array(size);
  }
}

/** The table: one row per cohort period holding a customer, oldest first, and the average row. */
export function cohortRows(
  metric: string,
  totals: CohortTotals,
  layout: CohortLayout,
  period: SeriesPeriod,
): RevenueCohortsResult {
  const { den, firstPeriod, offsets } = totals;
  const { low, size, length } = layout;
  // Periods complete at the end of the table's last month: up to (but excluding) this absolute index.
  const endPeriod = Math.floor((low + size) / length);
  const money = (value: Int, field: string) => ratioResult(metric, value, den, field);
  const widest = Math.max(0, endPeriod - firstPeriod);
  const sums = new AverageSums(widest);
  const cohorts: RevenueCohort[] = [];
  for (let slot = 0; slot < totals.customers.length; slot++) {
    const customers = totals.customers[slot] as number;
    if (customers === 0) continue;
    const p = firstPeriod + slot;
    const starting = totals.starting.get(slot);
    const reached = Math.max(0, endPeriod - p);
    const row = {
      cohort: periodLabel(p * length, period),
      customers,
      startingMrr: money(starting, 'startingMrr'),
      mrr: new Array<number>(reached),
      netRetention: new Array<number>(reached),
      grossRetention: new Array<number>(reached),
      activeCustomers: new Array<number>(reached),
      cumulativeRevenue: new Array<number>(reached),
      realizedValuePerCustomer: new Array<number>(reached),
    };
    const first = offsets[slot] as number;
    const size = multiplyInt(den, customers);
    let cumulative: Int = 0;
    let cell = first;
    for (let k = 0; k < reached; k++) {
      // Period k ends with the cohort's month (k + 1)·length − 1; its revenue is every month up to it.
      const end = first + (k + 1) * length - 1;
      for (; cell <= end; cell++) cumulative = addInt(cumulative, totals.mrr.get(cell));
      const mrr = totals.mrr.get(end);
      const capped = totals.capped.get(end);
      row.mrr[k] = money(mrr, 'mrr');
      // Ratios of exact integers in the same units: one correctly rounded division each (starting > 0).
      row.netRetention[k] = ratioResult(metric, mrr, starting, 'netRetention');
      row.grossRetention[k] = ratioResult(metric, capped, starting, 'grossRetention');
      row.activeCustomers[k] = totals.active[end] as number;
      row.cumulativeRevenue[k] = money(cumulative, 'cumulativeRevenue');
      row.realizedValuePerCustomer[k] = ratioResult(metric, cumulative, size, 'realizedValuePerCustomer');
      sums.mrr.add(k, mrr);
      sums.capped.add(k, capped);
      sums.starting.add(k, starting);
      sums.cumulative.add(k, cumulative);
      sums.customers[k] = (sums.customers[k] as number) + customers;
    }
    cohorts.push(row);
  }
  const average = {
    netRetention: new Array<number>(widest),
    grossRetention: new Array<number>(widest),
    realizedValuePerCustomer: new Array<number>(widest),
  };
  for (let k = 0; k < widest; k++) {
    const starting = sums.starting.get(k);
    average.netRetention[k] = ratioResult(metric, sums.mrr.get(k), starting, 'netRetention');
    average.grossRetention[k] = ratioResult(metric, sums.capped.get(k), starting, 'grossRetention');
    average.realizedValuePerCustomer[k] = ratioResult(
      metric,
      sums.cumulative.get(k),
      multiplyInt(den, sums.customers[k] as number),
      'realizedValuePerCustomer',
    );
  }
  return { cohorts, average };
}
