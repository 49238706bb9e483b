// Segments in the series engine. Each kept record carries a segment number; a customer whose records of
// the window are all in one segment moves its segment exactly as it moves the total, so the engine sweeps
// it once, into that segment's totals, and the total is the sum of those and of the customers spread over
// several segments. Only the latter are swept again, segment by segment, where a customer can also enter a
// segment (it starts paying there while it paid, anywhere, the month before) or leave it (its MRR there
// falls to 0 while it still pays in another).
import { addInt, type Int, IntArray, IntSums, multiplyInt, subtractInt } from '../../internal/exact/integer.js';
import {
  type MissingSegment,
  type SegmentBy,
  type SegmentKey,
  SegmentIds,
  segmentKeyReader,
} from '../../internal/segments.js';
import type { DetailSink } from './movementDetails.js';
import { ENTERING, LEAVING, MovementTotals } from './movements.js';
import { addPaying, retain, revalue, type ScaledRates } from './seriesFx.js';
import type { SeriesTotals, Trials } from './seriesEngine.js';

/** Empty totals of `size` months in units of 1/den, with `kinds` movement codes (8 for a segment's). */
export function emptyTotals(den: Int, size: number, trials: Trials, kinds = 6): SeriesTotals {
  return {
    den,
    mrr: new IntSums(size),
    customers: new Float64Array(size),
    movements: new MovementTotals(size, kinds),
    fxImpact: new IntSums(size),
    retained: new IntSums(size),
    capped: new IntSums(size),
    trialsStarted: trials.started,
    trialsConverted: trials.converted,
  };
}

/** Adds every sum of `from` to `into` (trials aside: they are counted per record, not swept). */
function addTotals(into: SeriesTotals, from: SeriesTotals, size: number): void {
  for (let m = 0; m < size; m++) {
    into.mrr.add(m, from.mrr.get(m));
    into.customers[m] = (into.customers[m] as number) + (from.customers[m] as number);
    into.fxImpact.add(m, from.fxImpact.get(m));
    into.retained.add(m, from.retained.get(m));
    into.capped.add(m, from.capped.get(m));
  }
  into.movements.merge(from.movements);
}

/** The records of one customer as the engine holds them, with what a segment sweep needs beside them. */
export interface SpreadCustomer {
  readonly order: Int32Array;
  readonly begin: number;
  readonly end: number;
  readonly first: Int32Array;
  readonly last: Int32Array;
  /** Per kept record, its amount in units of the common denominator (in its own currency when rated). */
  readonly units: IntArray;
  /** Per kept record, its currency slot (0: already converted); absent without dated rates. */
  readonly currency: Int32Array | undefined;
  readonly rates: ScaledRates | undefined;
  readonly delinquent: Uint8Array | undefined;
  /** Month offsets where a record of the customer lapsed for failed payments within the month. */
  readonly stops: readonly number[] | undefined;
  /** The customer's first paid month, as an offset (may be −Infinity). */
  readonly paidBefore: number;
}

/**
 * The segments of one series: the reader of the keys, their numbers, trials counted per segment, and the
 * segment totals the engine fills.
 */
export class SegmentSplit {
  readonly ids = new SegmentIds();
  readonly trials: Trials[] = [];
  /** Per kept record, its segment number (set by the records' reader). */
  segment: Int32Array = new Int32Array(0);
  /** Per segment, the totals of its customers (complete after {@link finish}). */
  totals: SeriesTotals[] = [];
  /** The attribute `segmentBy` names, or undefined when it is a function of the record. */
  readonly attribute: string | undefined;
  private readonly key: SegmentKey;
  /** What the key reader is shown of a record segmented by attribute: the value read with the record. */
  private readonly shown: { attributes: Record<string, string> };
  private readonly bare = {};
  private readonly size: number;
  private lookback = 1;
  /** Per segment, the in-segment sums of the customers spread over several segments. */
  private spread: (SeriesTotals | undefined)[] = [];
  private readonly values: IntArray[] = [];
  private readonly revalued: IntArray[] = [];
  private readonly steps: IntArray;
  private readonly paying: Uint8Array;
  private readonly ends: Uint8Array;
  private readonly present: number[] = [];
  /** Where each segment's movements are listed, only when the series asks for its details. */
  private details: DetailSink | undefined;

  constructor(metric: string, segmentBy: SegmentBy<never>, missing: MissingSegment | undefined, size: number) {
    this.key = segmentKeyReader(metric, 'subscriptions', segmentBy, missing);
    this.attribute = typeof segmentBy === 'string' ? segmentBy : undefined;
    this.shown = { attributes: { [this.attribute ?? '']: '' } };
    this.size = size;
    this.steps = new IntArray(size + 1);
    this.paying = new Uint8Array(size + 1);
    this.ends = new Uint8Array(size + 1);
  }

  /**
   * The segment number of a record (validating its key), numbering a new segment. Segmented by attribute,
   * `value` is the attribute's value as the records' reader read it (each field is read once).
   */
  idOf(record: unknown, index: number, value: string | undefined): number {
    let shown = record;
    if (this.attribute !== undefined) {
      if (value === undefined) shown = this.bare;
      else {
        this.shown.attributes[this.attribute] = value;
        shown = this.shown;
      }
    }
    const id = this.ids.id(this.key(shown, index));
    if (id === this.trials.length) {
      this.trials.push({ started: new Float64Array(this.size), converted: new Float64Array(this.size) });
    }
    return id;
  }

  /** Allocates the segment totals once the common denominator is known. */
  start(den: Int, lookback: number, details?: DetailSink): void {
    this.lookback = lookback;
    this.details = details;
    this.totals = this.trials.map((trials, s) => this.listed(emptyTotals(den, this.size, trials, 8), s));
    this.spread = this.trials.map(() => undefined);
  }

  /** Totals of segment `s` whose movements are listed when details are asked. */
  private listed(totals: SeriesTotals, s: number): SeriesTotals {
    if (this.details !== undefined) {
      totals.movements.details = this.details;
      totals.movements.detailsSegment = s;
    }
    return totals;
  }

  /** The one segment of a customer's records `order[begin … end)`, or −1 when they are in several. */
  soleSegment(order: Int32Array, begin: number, end: number): number {
    const segment = this.segment;
    const s = segment[order[begin] as number] as number;
    for (let j = begin + 1; j < end; j++) if (segment[order[j] as number] !== s) return -1;
    return s;
  }

  /** Adds a customer spread over several segments to each of its segments, with entering and leaving. */
  sweep(customer: SpreadCustomer): void {
    const { order, begin, end, first, last, units, currency, rates, delinquent } = customer;
    const { size, steps, present, segment, ends } = this;
    present.length = 0;
    for (let j = begin; j < end; j++) {
      const s = segment[order[j] as number] as number;
      if (!present.includes(s)) present.push(s);
    }
    let from = size;
    let to = -1;
    for (let i = 0; i < present.length; i++) {
      if (i === this.values.length) {
        this.values.push(new IntArray(size + 1));
        this.revalued.push(new IntArray(size + 1));
      }
      const value = this.values[i] as IntArray;
      const revalued = this.revalued[i] as IntArray;
      let a0 = size;
      let b0 = -1;
      for (let j = begin; j < end; j++) {
        const k = order[j] as number;
        if (segment[k] !== present[i]) continue;
        const a = first[k] as number;
        const b = (last[k] as number) + 1;
        const u = units.get(k);
        const slot = currency === undefined ? 0 : (currency[k] as number);
        if (slot === 0) {
          steps.set(a, addInt(steps.get(a), u));
          steps.set(b, subtractInt(steps.get(b), u));
        } else {
          // Valued at each month's rate, and revalued at the next month's (see `seriesFx.ts`).
          const table = (rates as ScaledRates).slots[slot] as IntArray;
          for (let m = a; m < b; m++) {
            value.set(m, addInt(value.get(m), multiplyInt(u, table.get(m))));
            if (m + 1 < size) revalued.set(m + 1, addInt(revalued.get(m + 1), multiplyInt(u, table.get(m + 1))));
          }
        }
        if (delinquent !== undefined && delinquent[k] === 1) ends[b] = 1;
        if (a < a0) a0 = a;
        if (b > b0) b0 = b;
      }
      let running: Int = 0;
      for (let m = a0; m < b0; m++) {
        running = addInt(running, steps.get(m));
        steps.set(m, 0);
        if (running === 0) continue;
        value.set(m, addInt(value.get(m), running));
        if (m + 1 < size) revalued.set(m + 1, addInt(revalued.get(m + 1), running));
      }
      steps.set(b0, 0);
      if (a0 < from) from = a0;
      if (b0 > to) to = b0;
    }
    if (customer.stops !== undefined) for (const at of customer.stops) ends[at] = 1;
    const stop = Math.min(size - 1, to);
    for (let m = from; m <= stop; m++) {
      let whole: Int = 0;
      for (let i = 0; i < present.length; i++) whole = addInt(whole, (this.values[i] as IntArray).get(m));
      this.paying[m] = whole === 0 ? 0 : 1;
    }
    for (let i = 0; i < present.length; i++) {
      const s = present[i] as number;
      let totals = this.spread[s];
      if (totals === undefined) {
        const own = this.totals[s] as SeriesTotals;
        totals = this.listed(emptyTotals(own.den, size, this.trials[s] as Trials, 8), s);
        this.spread[s] = totals;
      }
      this.classify(totals, i, from, stop, customer.paidBefore);
    }
    for (let i = 0; i < present.length; i++) {
      const value = this.values[i] as IntArray;
      const revalued = this.revalued[i] as IntArray;
      for (let m = from; m <= to && m <= size; m++) {
        value.set(m, 0);
        revalued.set(m, 0);
      }
    }
    this.paying.fill(0, from, to + 1);
    ends.fill(0, from, to + 1);
    if (customer.stops !== undefined) for (const at of customer.stops) ends[at] = 0;
  }

  /** One segment's months `from … stop` of a spread customer (its values in row `i` of the scratch). */
  private classify(totals: SeriesTotals, i: number, from: number, stop: number, paidBefore: number): void {
    const value = this.values[i] as IntArray;
    const revalued = this.revalued[i] as IntArray;
    const { lookback, paying, ends } = this;
    const movements = totals.movements;
    for (let m = from; m <= stop; m++) {
      const current = value.get(m);
      if (current !== 0) addPaying(totals, m, current);
      if (m < lookback) continue;
      const previous = value.get(m - 1);
      if (previous !== 0 && current !== 0) revalue(totals, m, previous, revalued.get(m), current);
      else if (previous === 0 && current !== 0) {
        if (paying[m - 1] === 1) movements.recordAs(m, ENTERING, current);
        else movements.record(m, 0, current, paidBefore < m - 1);
      } else if (previous !== 0) {
        if (paying[m] === 1) movements.recordAs(m, LEAVING, previous);
        else movements.record(m, previous, 0, true, ends[m] === 1);
      }
      retain(totals, m, value.get(m - lookback), current);
    }
  }

  /**
   * Completes the total (the customers of the window swept into `total` are those spread over several
   * segments; the others are in their segment's totals) and each segment's totals.
   */
  finish(total: SeriesTotals): void {
    const size = this.size;
    for (let s = 0; s < this.totals.length; s++) {
      const own = this.totals[s] as SeriesTotals;
      addTotals(total, own, size);
      const spread = this.spread[s];
      if (spread !== undefined) addTotals(own, spread, size);
    }
  }
}
