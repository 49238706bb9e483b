// The engine of the MRR series: from records kept as spans of months with exact monthly amounts, each
// customer's MRR month by month, and the monthly totals, movements and trailing retention, exactly.
//
// Every monthly amount is an exact rational; all are brought to one common denominator, so that each
// customer's MRR in a month and every total is an exact integer number of units of 1/den (an `Int`).
// Subscription records (`seriesTotals.ts`) and invoice lines feed the same engine.
import {
  addInt,
  type Int,
  IntArray,
  type IntSums,
  lcm,
  minInt,
  multiplyInt,
  pow10,
  shiftInt,
  subtractInt,
  toInt,
} from '../../internal/exact/integer.js';
import type { Rate } from './monthlyAmounts.js';
import type { DetailSink } from './movementDetails.js';
import type { MovementTotals } from './movements.js';
import { FxScratch, type ScaledRates, scaleRates, sweepWithRates } from './seriesFx.js';
import { emptyTotals, type SegmentSplit } from './seriesSegments.js';

/** Monthly totals of a series at month offsets 0 … size − 1, exact integers in units of 1/den. */
export interface SeriesTotals {
  /** The common denominator: money = units ÷ den. */
  readonly den: Int;
  readonly mrr: IntSums;
  readonly customers: Float64Array;
  readonly movements: MovementTotals;
  /**
   * The FX impact of the month (signed): how the month-end rates moved the MRR of the customers who paid
   * in both months, Σ (previous month's amounts at this month's rates − at last month's). See `seriesFx.ts`.
   */
  readonly fxImpact: IntSums;
  /** This month's MRR of the customers who paid `lookback` months before. */
  readonly retained: IntSums;
  /** The same, each customer capped at its MRR `lookback` months before. */
  readonly capped: IntSums;
  /** Records whose `trialStart` falls in the month. */
  readonly trialsStarted: Float64Array;
  /**
   * Records with a `trialStart` whose `start` falls in the month and that are active at its end (they
   * count under the policies, with a monthly amount above 0): trials that started paying that month.
   */
  readonly trialsConverted: Float64Array;
}

/** The months computed: offsets from `low`, the first cohort month, to `low + size − 1`. */
export interface SeriesWindow {
  readonly low: number;
  readonly size: number;
  readonly lookback: number;
}

/** Trials counted by month offset, 0 … size − 1. */
export interface Trials {
  readonly started: Float64Array;
  readonly converted: Float64Array;
}

/** Adds 1 at the month offset of an absolute month index, when it falls in the window. */
export function countAt(counts: Float64Array, month: number, low: number): void {
  const at = month - low;
  if (at >= 0 && at < counts.length) counts[at] = (counts[at] as number) + 1;
}

/**
 * The records that count in the window, with their exact monthly amounts: one per record at most, so the
 * arrays are allocated once at the number of records.
 */
export class KeptRecords {
  count = 0;
  readonly customer: Int32Array;
  /** Month offsets, 0 … size − 1, of the first and last month the record is active at the end of. */
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** The monthly amount's numerator; {@link toUnits} turns it into units of the common denominator. */
  readonly num: IntArray;
  /** The index in `dens` of the amount's denominator: amounts share one denominator or a few. */
  readonly denIndex: Int32Array;
  readonly dens: Int[] = [];
  /** Per customer, the first month it paid (an absolute month index, may be −Infinity). */
  firstPaid = new Float64Array(1024);
  /** Customers numbered so far (customer numbers are dense: 0, 1, 2 … in order of appearance). */
  customers = 0;
  /** Customer ids by number, when the source numbers them from strings. */
  names: readonly string[] = [];
  /**
   * Per kept record, the slot of its currency in `rates` when its amount is left in a currency converted at
   * each month's rate (0: already in the target currency); allocated with the first such record.
   */
  currency: Int32Array | undefined;
  /** Per currency slot (slot 0 unused), its rate at the end of each month offset that needs one. */
  rates: readonly (readonly (Rate | undefined)[])[] = [];
  /**
   * Per kept record, 1 when its ending is delinquent (see {@link markDelinquent}); absent while no record
   * is, so that sources without delinquency pay nothing.
   */
  delinquent: Uint8Array | undefined;
  /** Per customer, the month offsets of its delinquent stops (see {@link noteDelinquentStop}); rare. */
  delinquentStops: Map<number, number[]> | undefined;
  private readonly window: SeriesWindow;
  private readonly denIndexes = new Map<Int, number>();
  private lastDen: Int = 0;
  private lastDenIndex = -1;

  constructor(length: number, window: SeriesWindow) {
    this.window = window;
    this.customer = new Int32Array(length);
    this.first = new Int32Array(length);
    this.last = new Int32Array(length);
    this.num = new IntArray(length);
    this.denIndex = new Int32Array(length);
  }

  /** Whether a record active at the end of the absolute months `a … b` is active in the window. */
  covers(a: number, b: number): boolean {
    const { low, size } = this.window;
    return b >= low && a <= low + size - 1;
  }

  /**
   * Keeps a record of `customer` paying `num ÷ den` a month at the end of the absolute months `a … b`
   * (`a ≤ b`; ±Infinity for open ends). Notes the customer's first paid month whatever the window; returns
   * the record's index, or −1 when it is not active at the end of any month of the window.
   */
  add(customer: number, a: number, b: number, num: Int, den: Int): number {
    if (customer === this.customers) this.number(customer, a);
    else if (a < (this.firstPaid[customer] as number)) this.firstPaid[customer] = a;
    if (!this.covers(a, b)) return -1;
    const { low, size } = this.window;
    const k = this.count++;
    this.customer[k] = customer;
    this.first[k] = a < low ? 0 : a - low;
    this.last[k] = b > low + size - 1 ? size - 1 : b - low;
    this.num.set(k, num);
    if (den !== this.lastDen) {
      this.lastDen = den;
      let index = this.denIndexes.get(den);
      if (index === undefined) {
        index = this.dens.length;
        this.denIndexes.set(den, index);
        this.dens.push(den);
      }
      this.lastDenIndex = index;
    }
    this.denIndex[k] = this.lastDenIndex;
    return k;
  }

  /** Marks kept record `k` as in the currency of `slot` (≥ 1), converted at each month's rate. */
  setCurrency(k: number, slot: number): void {
    if (this.currency === undefined) this.currency = new Int32Array(this.customer.length);
    this.currency[k] = slot;
  }

  /**
   * Marks kept record `k`'s ending as delinquent: a customer whose MRR falls to 0 in the month it stops
   * counting is delinquent churn.
   */
  markDelinquent(k: number): void {
    if (this.delinquent === undefined) this.delinquent = new Uint8Array(this.customer.length);
    this.delinquent[k] = 1;
  }

  /**
   * Notes that a record of `customer` stopped counting for failed payments in the absolute `month` without
   * being active at the end of any month (it began and lapsed within that month, as a past-due record
   * whose grace ran out): if the customer's MRR falls to 0 that month, its churn is delinquent all the same.
   */
  noteDelinquentStop(customer: number, month: number): void {
    if (customer === this.customers) this.number(customer, Number.POSITIVE_INFINITY);
    const at = month - this.window.low;
    if (at < 0 || at >= this.window.size) return;
    this.delinquentStops ??= new Map();
    const stops = this.delinquentStops.get(customer);
    if (stops === undefined) this.delinquentStops.set(customer, [at]);
    else stops.push(at);
  }

  /** Numbers a new customer, whose first paid month is `firstPaid` so far. */
  private number(customer: number, firstPaid: number): void {
    // A typed array grown by doubling: a million customers leave no array garbage on the heap.
    if (customer === this.firstPaid.length) {
      const grown = new Float64Array(2 * customer);
      grown.set(this.firstPaid);
      this.firstPaid = grown;
    }
    this.firstPaid[customer] = firstPaid;
    this.customers++;
  }
}

/** The kept records grouped by customer (a counting sort): customer c's are `order[offsets[c] … offsets[c + 1])`. */
export function byCustomer(kept: KeptRecords): { offsets: Int32Array; order: Int32Array } {
  const count = kept.customers;
  const offsets = new Int32Array(count + 1);
  for (let k = 0; k < kept.count; k++) {
    const slot = (kept.customer[k] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let c = 0; c < count; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  const order = new Int32Array(kept.count);
  const fill = offsets.slice(0, count);
  for (let k = 0; k < kept.count; k++) {
    const c = kept.customer[k] as number;
    order[fill[c] as number] = k;
    fill[c] = (fill[c] as number) + 1;
  }
  return { offsets, order };
}

/**
 * Every kept amount as an integer number of units of 1/den, the least common denominator, written over
 * its numerator. With rates at `scale` decimal places, den is 10^scale times larger and the amounts already
 * in the target currency are scaled up by as much, so that an amount times a scaled rate is in the same
 * units.
 */
export function toUnits(kept: KeptRecords, scale: number): { den: Int; units: IntArray } {
  let common = 1n;
  for (const den of kept.dens) common = lcm(common, BigInt(den));
  const den = toInt(common * pow10(scale));
  const factors = kept.dens.map((d) => toInt(common / BigInt(d)));
  const converted = factors.map((factor) => shiftInt(factor, scale));
  const units = kept.num;
  const currency = kept.currency;
  for (let k = 0; k < kept.count; k++) {
    const at = kept.denIndex[k] as number;
    const factor = (currency === undefined || currency[k] === 0 ? converted[at] : factors[at]) as Int;
    if (factor !== 1) units.set(k, multiplyInt(units.get(k), factor));
  }
  return { den, units };
}

/**
 * Adds one customer's months `from … to` (its MRR in `values`) to the totals. `delinquentAt[m]` is 1 when
 * a record of the customer active at the end of month m − 1 stops counting in m for a delinquent reason.
 */
function sweep(
  totals: SeriesTotals,
  values: IntArray,
  from: number,
  to: number,
  lookback: number,
  paidBefore: number,
  delinquentAt: Uint8Array | undefined,
): void {
  for (let m = from; m <= to; m++) {
    const current = values.get(m);
    if (current !== 0) {
      totals.mrr.add(m, current);
      totals.customers[m] = (totals.customers[m] as number) + 1;
    }
    if (m < lookback) continue;
    const previous = values.get(m - 1);
    // A month without change is no movement: skip the classification.
    if (current !== previous) {
      totals.movements.record(
        m,
        previous,
        current,
        paidBefore < m - 1,
        delinquentAt !== undefined && delinquentAt[m] === 1,
      );
    }
    const base = values.get(m - lookback);
    if (base !== 0 && current !== 0) {
      totals.retained.add(m, current);
      totals.capped.add(m, minInt(current, base));
    }
  }
}

/** Whether any of a customer's records is in a currency converted at each month's rate. */
function hasRates(currency: Int32Array, order: Int32Array, begin: number, end: number): boolean {
  for (let j = begin; j < end; j++) if (currency[order[j] as number] !== 0) return true;
  return false;
}

/**
 * The exact monthly totals of the kept records. Customer grain: each customer's records are summed month
 * by month before its movements are classified. Spends `kept`: its numerators become units. With `split`,
 * also each segment's totals (see `seriesSegments.ts`). With `details`, also lists each customer's movements.
 */
export function totalsOfKept(
  kept: KeptRecords,
  window: SeriesWindow,
  trials: Trials,
  split?: SegmentSplit,
  details?: DetailSink,
): SeriesTotals {
  const { low, size, lookback } = window;
  const currency = kept.currency;
  const rates: ScaledRates | undefined = currency === undefined ? undefined : scaleRates(kept.rates, size);
  const { den, units } = toUnits(kept, rates === undefined ? 0 : rates.scale);

  const customerCount = kept.customers;
  const { offsets, order } = byCustomer(kept);

  const totals = emptyTotals(den, size, trials);
  if (details !== undefined) {
    details.names = kept.names;
    totals.movements.details = details;
  }
  split?.start(den, lookback, details);
  // One customer at a time: its MRR by month from a difference array of its records' amounts.
  const values = new IntArray(size + 1);
  const steps = new IntArray(size + 1);
  const scratch = rates === undefined ? undefined : new FxScratch(size);
  const flags = kept.delinquent;
  const stops = kept.delinquentStops;
  const ends = flags === undefined && stops === undefined ? undefined : new Uint8Array(size + 1);
  for (let c = 0; c < customerCount; c++) {
    const begin = offsets[c] as number;
    const end = offsets[c + 1] as number;
    if (begin === end) continue;
    // A customer in one segment moves it as it moves the total: it is swept into that segment only.
    let target = totals;
    const sole = split === undefined ? 0 : split.soleSegment(order, begin, end);
    if (details !== undefined) {
      details.customer = c;
      details.sole = split !== undefined && sole >= 0;
    }
    if (split !== undefined && sole >= 0) target = split.totals[sole] as SeriesTotals;
    const stopped = stops?.get(c);
    if (stopped !== undefined) for (const at of stopped) (ends as Uint8Array)[at] = 1;
    const paidBefore = (kept.firstPaid[c] as number) - low;
    if (currency !== undefined && hasRates(currency, order, begin, end)) {
      const { first, last } = kept;
      const customer = { order, begin, end, first, last, currency, units, delinquent: flags };
      sweepWithRates(target, customer, rates as ScaledRates, scratch as FxScratch, lookback, paidBefore, ends);
    } else {
      let from = size;
      let to = -1;
      for (let j = begin; j < end; j++) {
        const k = order[j] as number;
        const a = kept.first[k] as number;
        const b = (kept.last[k] as number) + 1;
        const u = units.get(k);
        steps.set(a, addInt(steps.get(a), u));
        steps.set(b, subtractInt(steps.get(b), u));
        if (a < from) from = a;
        if (b > to) to = b;
        if (flags !== undefined && flags[k] === 1) (ends as Uint8Array)[b] = 1;
      }
      let running: Int = 0;
      for (let m = from; m < to; m++) {
        running = addInt(running, steps.get(m));
        steps.set(m, 0);
        values.set(m, running);
      }
      steps.set(to, 0);
      sweep(target, values, from, Math.min(size - 1, to), lookback, paidBefore, ends);
      for (let m = from; m < to; m++) values.set(m, 0);
      if (ends !== undefined) ends.fill(0, from, to + 1);
    }
    if (stopped !== undefined) for (const at of stopped) (ends as Uint8Array)[at] = 0;
    if (split !== undefined && sole < 0) {
      const { first, last } = kept;
      split.sweep({
        order,
        begin,
        end,
        first,
        last,
        units,
        currency,
        rates,
        delinquent: flags,
        stops: stopped,
        paidBefore,
      });
    }
  }
  split?.finish(totals);
  return totals;
}
