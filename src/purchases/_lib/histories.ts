// Each customer's purchase history from the transaction columns: the transactions grouped by customer with a
// counting sort (two sequential passes and one scatter, none when they already come grouped), then each
// customer's days sorted in place (most customers have a handful) and counted once per day.
import { DAY_MS } from '../../internal/dates.js';
import { addInt, type Int, multiplyInt, ratioToNumber, shiftInt } from '../../internal/exact/integer.js';
import type { Amounts, Transactions } from './transactions.js';

/** One customer's summary; the optional fields are present when the call has amounts, a holdout period. */
export interface SummarizedCustomer {
  /** The customer's id, as given. */
  readonly customerId: string | number;
  /** Repeat purchases up to asOf: the days with a purchase, after the first, up to asOf's day. */
  readonly frequency: number;
  /** From the first purchase to the last one up to asOf, in the unit (0 without repeat purchases). */
  readonly recency: number;
  /** From the first purchase to asOf, in the unit: the literature's T. */
  readonly age: number;
  /** The mean amount of the repeat purchases (each day's purchases summed), 0 without any. */
  readonly monetaryValue?: number;
  /** Days with a purchase after asOf, up to holdoutEnd. */
  readonly holdoutFrequency?: number;
  /** The mean amount of the holdout purchases (each day's purchases summed), 0 without any. */
  readonly holdoutMonetaryValue?: number;
}

/** The observation window and unit of a summary. */
export interface Window {
  /** asOf's day (days since 1970-01-01, UTC). */
  readonly asOfDay: number;
  /** Whether purchases after asOf (up to holdoutEnd) are counted apart. */
  readonly holdout: boolean;
  /** Milliseconds in the unit of the times. */
  readonly unitMs: number;
}

/** Segments this short are sorted by insertion: quicker than a typed array's sort for a handful of days. */
const INSERTION_SORT_LENGTH = 24;

/** Sorts `days[from, to)` in place, ascending. */
function sortDays(days: Int32Array, from: number, to: number): void {
  if (to - from > INSERTION_SORT_LENGTH) {
    days.subarray(from, to).sort();
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const day = days[k] as number;
    let j = k - 1;
    while (j >= from && (days[j] as number) > day) {
      days[j + 1] = days[j] as number;
      j--;
    }
    days[j + 1] = day;
  }
}

/** The transactions' days grouped by customer, `offsets[c]` to `offsets[c + 1]`, and where each came from. */
interface Grouped {
  readonly offsets: Int32Array;
  readonly days: Int32Array;
  /** The transaction of each grouped day; undefined when the transactions came grouped (the identity). */
  readonly order: Int32Array | undefined;
}

function groupByCustomer(transactions: Transactions): Grouped {
  const { count, slots, days, ids } = transactions;
  const customers = ids.length;
  const offsets = new Int32Array(customers + 1);
  let grouped = true;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const slot = slots[i] as number;
    offsets[slot + 1] = (offsets[slot + 1] as number) + 1;
    // Slots are given in order of first appearance: grouped transactions have non-decreasing slots.
    if (slot < previous) grouped = false;
    previous = slot;
  }
  for (let c = 0; c < customers; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  // The day columns are the reader's own, so they are sorted in place.
  if (grouped) return { offsets, days, order: undefined };
  const next = offsets.slice(0, customers);
  const scattered = new Int32Array(count);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const slot = slots[i] as number;
    const at = next[slot] as number;
    next[slot] = at + 1;
    scattered[at] = days[i] as number;
    order[at] = i;
  }
  return { offsets, days: scattered, order };
}

/** The amount of transaction `i` at the common scale. */
function amountAt(amounts: Amounts, i: number): Int {
  const scale = amounts.scales[i] as number;
  const int = amounts.ints.get(i);
  return scale === amounts.maxScale ? int : shiftInt(int, amounts.maxScale - scale);
}

/** A whole number of days in a unit of `unitMs` milliseconds: one correctly rounded division. */
export function daysInUnit(days: number, unitMs: number): number {
  return ratioToNumber(multiplyInt(days, DAY_MS), unitMs);
}

/** The mean of `count` amounts summing to `total` (at the common scale), 0 when there are none. */
function mean(total: Int, count: number, scale: number): number {
  return count === 0 ? 0 : ratioToNumber(total, shiftInt(count, scale));
}

/**
 * The history of every customer whose first purchase is before asOf's day, in order of first appearance.
 * Customers whose first purchase is on asOf's day or later are left out.
 */
export function purchaseHistories(transactions: Transactions, window: Window): SummarizedCustomer[] {
  const { amounts, ids } = transactions;
  const { asOfDay, holdout, unitMs } = window;
  const { offsets, days, order } = groupByCustomer(transactions);
  const histories: SummarizedCustomer[] = [];
  for (let c = 0; c < ids.length; c++) {
    const from = offsets[c] as number;
    const to = offsets[c + 1] as number;
    let first = days[from] as number;
    let sorted = true;
    for (let k = from + 1; k < to; k++) {
      const day = days[k] as number;
      if (day < (days[k - 1] as number)) sorted = false;
      if (day < first) first = day;
    }
    if (first >= asOfDay) continue;
    // Amounts before the sort, while the grouped days are still beside their transactions.
    let repeatTotal: Int = 0;
    let holdoutTotal: Int = 0;
    if (amounts !== undefined) {
      for (let k = from; k < to; k++) {
        const day = days[k] as number;
        if (day === first) continue;
        const amount = amountAt(amounts, order === undefined ? k : (order[k] as number));
        if (day <= asOfDay) repeatTotal = addInt(repeatTotal, amount);
        else holdoutTotal = addInt(holdoutTotal, amount);
      }
    }
    if (!sorted) sortDays(days, from, to);
    let purchaseDays = 0;
    let holdoutDays = 0;
    let last = first;
    let previous = first - 1;
    for (let k = from; k < to; k++) {
      const day = days[k] as number;
      if (day === previous) continue;
      previous = day;
      if (day <= asOfDay) {
        purchaseDays++;
        last = day;
      } else holdoutDays++;
    }
    const customerId = ids[c] as string | number;
    const frequency = purchaseDays - 1;
    const recency = daysInUnit(last - first, unitMs);
    const age = daysInUnit(asOfDay - first, unitMs);
    if (amounts === undefined) {
      histories.push(
        holdout
          ? { customerId, frequency, recency, age, holdoutFrequency: holdoutDays }
          : { customerId, frequency, recency, age },
      );
      continue;
    }
    const monetaryValue = mean(repeatTotal, frequency, amounts.maxScale);
    histories.push(
      holdout
        ? {
            customerId,
            frequency,
            recency,
            age,
            monetaryValue,
            holdoutFrequency: holdoutDays,
            holdoutMonetaryValue: mean(holdoutTotal, holdoutDays, amounts.maxScale),
          }
        : { customerId, frequency, recency, age, monetaryValue },
    );
  }
  return histories;
}
