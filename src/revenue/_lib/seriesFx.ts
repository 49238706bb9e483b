// Month-end exchange rates in the series engine: which months each dated currency needs a rate for, the
// rates brought to one decimal scale, and the sweep of a customer with amounts in such currencies.
//
// Per customer and currency c, own_c(m) is the customer's exact MRR in c at the end of month m and r_c(m)
// the rate in force on m's last day (r = 1 for amounts already in the target currency). The customer's
// value is V(m) = Σ_c own_c(m)·r_c(m), and its previous month revalued at this month's rates is
// W(m) = Σ_c own_c(m − 1)·r_c(m). A customer paying in both months moves from V(m − 1) to V(m) in two
// steps: W(m) − V(m − 1) is the FX impact (the rates moved, not the customer) and W(m) → V(m) is its
// expansion or contraction at this month's rates. So the movements and the FX impact add up exactly.
import {
  addInt,
  type Int,
  IntArray,
  minInt,
  multiplyInt,
  shiftInt,
  subtractInt,
} from '../../internal/exact/integer.js';
import { monthEndDay, type RateBook } from './exchangeRates.js';
import type { Rate } from './monthlyAmounts.js';
import type { SeriesTotals } from './seriesEngine.js';

/**
 * The months at whose end each dated currency needs a rate: a record paying at the end of months
 * `first … last` (offsets) needs them, and the month after `last` too (to revalue its last month), within
 * the window.
 */
export class MonthRateNeeds {
  private readonly size: number;
  /** Per currency (its index in the rate book): a difference array of how many records need each month. */
  private readonly counts: (Int32Array | undefined)[] = [];
  /** Per currency: the earliest month needed and the first record that needs it. */
  private readonly earliest: number[] = [];
  private readonly earliestRecord: number[] = [];

  constructor(size: number) {
    this.size = size;
  }

  /** Notes that record `record`, in currency `currency`, pays at the end of the months `first … last`. */
  note(currency: number, first: number, last: number, record: number): void {
    let counts = this.counts[currency];
    if (counts === undefined) {
      counts = new Int32Array(this.size + 1);
      this.counts[currency] = counts;
      this.earliest[currency] = this.size;
    }
    const end = Math.min(last + 2, this.size);
    counts[first] = (counts[first] as number) + 1;
    counts[end] = (counts[end] as number) - 1;
    if (first < (this.earliest[currency] as number)) {
      this.earliest[currency] = first;
      this.earliestRecord[currency] = record;
    }
  }

  /**
   * The rate of every needed month (offsets from the absolute month `low`), per currency slot (the book's
   * index + 1; slot 0, amounts already converted, has none). Months nothing needs are left undefined, so a
   * rate function is never asked about them.
   */
  rates(book: RateBook, low: number, field: string): (Rate | undefined)[][] {
    const slots: (Rate | undefined)[][] = [[]];
    for (let currency = 0; currency < book.codes.length; currency++) {
      const counts = this.counts[currency];
      const rates: (Rate | undefined)[] = [];
      slots.push(rates);
      if (counts === undefined) continue;
      const neededBy = `${field}[${this.earliestRecord[currency] as number}]`;
      let running = 0;
      for (let m = 0; m < this.size; m++) {
        running += counts[m] as number;
        if (running > 0) rates[m] = book.at(currency, monthEndDay(low + m), neededBy);
      }
    }
    return slots;
  }
}

/** The month-end rates of a window as integers at one common decimal scale, per currency slot. */
export interface ScaledRates {
  /** Decimal places of every rate: a rate is `int × 10^−scale`. */
  readonly scale: number;
  /** Per currency slot (slot 0 unused), the scaled rate per month offset (0 where none is needed). */
  readonly slots: readonly IntArray[];
}

/** Brings every rate to the largest scale among them, so that values at different rates add up exactly. */
export function scaleRates(rates: readonly (readonly (Rate | undefined)[])[], size: number): ScaledRates {
  let scale = 0;
  for (const slot of rates) for (const rate of slot) if (rate !== undefined && rate.scale > scale) scale = rate.scale;
  const slots = rates.map((slot) => {
    const scaled = new IntArray(size);
    slot.forEach((rate, m) => {
      if (rate !== undefined) scaled.set(m, shiftInt(rate.int, scale - rate.scale));
    });
    return scaled;
  });
  return { scale, slots };
}

/** Scratch arrays of the FX sweep, allocated once per series. */
export class FxScratch {
  /** Months in the window. */
  readonly size: number;
  readonly steps: IntArray;
  readonly value: IntArray;
  readonly revalued: IntArray;
  readonly currencies: number[] = [];

  constructor(size: number) {
    this.size = size;
    this.steps = new IntArray(size + 1);
    this.value = new IntArray(size + 1);
    this.revalued = new IntArray(size + 1);
  }
}

/** The records of one customer, as the engine holds them: `order[begin … end)` index the kept arrays. */
export interface CustomerRecords {
  readonly order: Int32Array;
  readonly begin: number;
  readonly end: number;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Per kept record, its currency slot (0: already in the target currency, at the common scale). */
  readonly currency: Int32Array;
  /** Per kept record, its monthly amount in units of the common denominator, in its own currency. */
  readonly units: IntArray;
  /** Per kept record, 1 when its ending is delinquent; absent when no record's is. */
  readonly delinquent: Uint8Array | undefined;
}

/** Adds a paying customer's month-end MRR to a month's totals. */
export function addPaying(totals: SeriesTotals, m: number, current: Int): void {
  totals.mrr.add(m, current);
  totals.customers[m] = (totals.customers[m] as number) + 1;
}

/**
 * A customer paying in both months: `previous` revalued at this month's rates is `moved`; the difference is
 * its FX impact, and `moved → current` its own expansion or contraction.
 */
export function revalue(totals: SeriesTotals, m: number, previous: Int, moved: Int, current: Int): void {
  if (moved !== previous) totals.fxImpact.add(m, subtractInt(moved, previous));
  if (moved !== current) totals.movements.record(m, moved, current, true);
}

/** Adds a customer's MRR to the trailing retention of month m when it paid `base` `lookback` months before. */
export function retain(totals: SeriesTotals, m: number, base: Int, current: Int): void {
  if (base !== 0 && current !== 0) {
    totals.retained.add(m, current);
    totals.capped.add(m, minInt(current, base));
  }
}

/**
 * Adds one customer with amounts in dated currencies to the totals: its value and revalued previous value
 * month by month (see the file's header), then MRR, movements, FX impact and retention.
 */
export function sweepWithRates(
  totals: SeriesTotals,
  records: CustomerRecords,
  rates: ScaledRates,
  scratch: FxScratch,
  lookback: number,
  paidBefore: number,
  delinquentAt: Uint8Array | undefined,
): void {
  const { order, begin, end, first, last, currency, units, delinquent } = records;
  const { size, steps, value, revalued, currencies } = scratch;
  currencies.length = 0;
  for (let j = begin; j < end; j++) {
    const slot = currency[order[j] as number] as number;
    if (!currencies.includes(slot)) currencies.push(slot);
  }
  let from = size;
  let to = -1;
  for (const slot of currencies) {
    const table = rates.slots[slot] as IntArray;
    let a0 = size;
    let b0 = -1;
    for (let j = begin; j < end; j++) {
      const k = order[j] as number;
      if (currency[k] !== slot) continue;
      const a = first[k] as number;
      const b = (last[k] as number) + 1;
      const u = units.get(k);
      steps.set(a, addInt(steps.get(a), u));
      steps.set(b, subtractInt(steps.get(b), u));
      if (a < a0) a0 = a;
      if (b > b0) b0 = b;
      if (delinquent !== undefined && delinquent[k] === 1) (delinquentAt as Uint8Array)[b] = 1;
    }
    let own: Int = 0;
    for (let m = a0; m < b0; m++) {
      own = addInt(own, steps.get(m));
      steps.set(m, 0);
      if (own === 0) continue;
      value.set(m, addInt(value.get(m), slot === 0 ? own : multiplyInt(own, table.get(m))));
      if (m + 1 < size) {
        revalued.set(m + 1, addInt(revalued.get(m + 1), slot === 0 ? own : multiplyInt(own, table.get(m + 1))));
      }
    }
    steps.set(b0, 0);
    if (a0 < from) from = a0;
    if (b0 > to) to = b0;
  }
  const stop = Math.min(size - 1, to);
  for (let m = from; m <= stop; m++) {
    const current = value.get(m);
    if (current !== 0) addPaying(totals, m, current);
    if (m < lookback) continue;
    const previous = value.get(m - 1);
    if (previous !== 0 && current !== 0) {
      // Paying in both months: the rates' move, then the customer's own at this month's rates.
      revalue(totals, m, previous, revalued.get(m), current);
    } else if (current !== previous) {
      const lost = delinquentAt !== undefined && delinquentAt[m] === 1;
      totals.movements.record(m, previous, current, paidBefore < m - 1, lost);
    }
    retain(totals, m, value.get(m - lookback), current);
  }
  for (let m = from; m <= to && m <= size; m++) {
    value.set(m, 0);
    revalued.set(m, 0);
  }
  if (delinquentAt !== undefined) delinquentAt.fill(0, from, to + 1);
}
