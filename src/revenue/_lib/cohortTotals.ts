// Revenue cohorts from the records the MRR series keeps: each customer's MRR month by month, exactly as
// the series counts it at each month end (same records, same common denominator, same month-end rates),
// added to its cohort's cell of that month. A customer's cohort is the period of its first paid month.
import { addInt, type Int, IntArray, IntSums, minInt, multiplyInt, subtractInt } from '../../internal/exact/integer.js';
import { byCustomer, type KeptRecords, toUnits } from './seriesEngine.js';
import { type ScaledRates, scaleRates } from './seriesFx.js';

/** Where the cohort table sits in time. */
export interface CohortLayout {
  /** The absolute month index of window offset 0: the first month of the first cohort period. */
  readonly low: number;
  /** Months in the window: offsets 0 … size − 1, the last being the last month of the table. */
  readonly size: number;
  /** Months per cohort period: 1, 3 or 12. */
  readonly length: number;
}

/**
 * Exact sums per cohort and per month since the first month of the cohort's period, in units of 1/den.
 * Cohort slot s is the period `firstPeriod + s`; its cells run from its period's first month to the last
 * month of the table, starting at `offsets[s]`.
 */
export interface CohortTotals {
  readonly den: Int;
  /** The absolute period index (month index ÷ length, floored) of slot 0. */
  readonly firstPeriod: number;
  readonly offsets: Int32Array;
  /** Customers per cohort. */
  readonly customers: Float64Array;
  /** Per cohort, Σ each customer's MRR at the end of its first paid month. */
  readonly starting: IntSums;
  /** Per cell, the cohort's MRR at the month's end. */
  readonly mrr: IntSums;
  /** Per cell, the same with each customer capped at its MRR at the end of its first paid month. */
  readonly capped: IntSums;
  /** Per cell, the cohort's customers paying at the month's end. */
  readonly active: Float64Array;
}

/** The earliest first paid month (absolute) among customers who paid by the last month of the table. */
export function earliestFirstPaid(kept: KeptRecords, last: number): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (let c = 0; c < kept.customers; c++) {
    const f = kept.firstPaid[c] as number;
    if (f < earliest && f <= last) earliest = f;
  }
  return earliest;
}

/**
 * The cells of every cohort period from the first to the last that holds a customer's first paid month
 * inside the window, or undefined when no customer's is.
 */
function cohortCells(kept: KeptRecords, layout: CohortLayout) {
  const { low, size, length } = layout;
  const last = low + size - 1;
  let firstPeriod = Number.POSITIVE_INFINITY;
  let lastPeriod = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < kept.customers; c++) {
    const f = kept.firstPaid[c] as number;
    if (!(f >= low && f <= last)) continue;
    const p = Math.floor(f / length);
    if (p < firstPeriod) firstPeriod = p;
    if (p > lastPeriod) lastPeriod = p;
  }
  if (firstPeriod === Number.POSITIVE_INFINITY) return undefined;
  const periods = lastPeriod - firstPeriod + 1;
  const offsets = new Int32Array(periods + 1);
  for (let s = 0; s < periods; s++) {
    offsets[s + 1] = (offsets[s] as number) + last - (firstPeriod + s) * length + 1;
  }
  return { firstPeriod, periods, offsets, cells: offsets[periods] as number };
}

/**
 * The cohort totals of the kept records, or undefined when no customer first paid inside the window.
 * Spends `kept`: its numerators become units.
 */
export function cohortTotals(kept: KeptRecords, layout: CohortLayout): CohortTotals | undefined {
  const shape = cohortCells(kept, layout);
  if (shape === undefined) return undefined;
  const { low, size, length } = layout;
  const currency = kept.currency;
  const rates: ScaledRates | undefined = currency === undefined ? undefined : scaleRates(kept.rates, size);
  const { den, units } = toUnits(kept, rates === undefined ? 0 : rates.scale);
  const { firstPeriod, periods, offsets } = shape;
  const totals: CohortTotals = {
    den,
    firstPeriod,
    offsets,
    customers: new Float64Array(periods),
    starting: new IntSums(periods),
    mrr: new IntSums(shape.cells),
    capped: new IntSums(shape.cells),
    active: new Float64Array(shape.cells),
  };
  const groups = byCustomer(kept);
  const { order } = groups;
  const { first, last } = kept;
  const values = new IntArray(size + 1);
  const steps = new IntArray(size + 1);
  for (let c = 0; c < kept.customers; c++) {
    const f = (kept.firstPaid[c] as number) - low;
    if (!(f >= 0 && f < size)) continue;
    const begin = groups.offsets[c] as number;
    const end = groups.offsets[c + 1] as number;
    // The customer's MRR at each month end: a difference array of the amounts in the target currency, and
    // each month's own rate for an amount left in a currency converted month by month.
    let to = f;
    for (let j = begin; j < end; j++) {
      const k = order[j] as number;
      const a = first[k] as number;
      const b = last[k] as number;
      const u = units.get(k);
      if (b + 1 > to) to = b + 1;
      const slot = currency === undefined ? 0 : (currency[k] as number);
      if (slot === 0) {
        steps.set(a, addInt(steps.get(a), u));
        steps.set(b + 1, subtractInt(steps.get(b + 1), u));
      } else {
        const table = (rates as ScaledRates).slots[slot] as IntArray;
        for (let m = a; m <= b; m++) values.set(m, addInt(values.get(m), multiplyInt(u, table.get(m))));
      }
    }
    const slot = Math.floor((f + low) / length) - firstPeriod;
    // Cell of window offset m: the cohort's first cell plus the months since its period's first month.
    const base = (offsets[slot] as number) + low - (firstPeriod + slot) * length;
    // Every record of the customer begins at or after its first paid month f (kept months start at `low`).
    let running: Int = 0;
    let start: Int = 0;
    for (let m = f; m < to; m++) {
      running = addInt(running, steps.get(m));
      steps.set(m, 0);
      const value = addInt(running, values.get(m));
      values.set(m, 0);
      if (m === f) start = value;
      if (value === 0) continue;
      const cell = base + m;
      totals.mrr.add(cell, value);
      totals.capped.add(cell, minInt(value, start));
      totals.active[cell] = (totals.active[cell] as number) + 1;
    }
    steps.set(to, 0);
    values.set(to, 0);
    totals.customers[slot] = (totals.customers[slot] as number) + 1;
    totals.starting.add(slot, start);
  }
  return totals;
}
