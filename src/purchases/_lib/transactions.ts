// Purchase transactions read into columns: each transaction's customer slot, its day (UTC) and its amount
// as an exact scaled integer. Records `{ customerId, at, amount? }` and the column form `{ customerIds, at,
// amounts? }` go through the same checks, in one pass, each value read once: a bad value is reported at
// its own path (`['transactions', 12, 'at']`, `['at', 12]`) from the value as read.
import * as z from 'zod/mini';
import { DAY_MS, formatDay, toEpoch } from '../../internal/dates.js';
import { hasOnlyKeys } from '../../internal/durations.js';
import { nextElement, ownIterator } from '../../internal/elements.js';
import { IntArray } from '../../internal/exact/integer.js';
import { DecimalReader } from '../../internal/exact/scaled.js';
import { customerId, isCustomerId } from '../../internal/lifetimes.js';
import { invalid, rejectElement } from '../../internal/parse.js';
import { date, isNonNegativeMoney, nonNegativeMoney } from '../../internal/schemas.js';
import { CustomerSlots } from './customerSlots.js';

type Path = readonly (string | number)[];

/** The last day a transaction may fall on, and the option that sets it (for the message). */
export interface DayLimit {
  /** The last day (days since 1970-01-01, UTC) a transaction may fall on. */
  readonly day: number;
  /** `'asOf'` or `'holdoutEnd'`. */
  readonly option: string;
}

/** Each transaction's amount, `ints[i] × 10^−scales[i]`, exactly. */
export interface Amounts {
  readonly ints: IntArray;
  readonly scales: Uint16Array;
  /** The largest scale of any amount: every sum is taken at it. */
  readonly maxScale: number;
}

/** Transactions as columns, one element per transaction, and the customers' ids by slot. */
export interface Transactions {
  readonly count: number;
  /** Each transaction's customer, as a slot of `ids`. */
  readonly slots: Int32Array;
  /** Each transaction's day: whole days since 1970-01-01 (UTC). */
  readonly days: Int32Array;
  /** The amounts, or undefined when the transactions carry none. */
  readonly amounts: Amounts | undefined;
  /** The customers' ids, by slot, in order of first appearance. */
  readonly ids: readonly (string | number)[];
}

/** The schema of one transaction record, run only to describe one that failed the fast checks. */
export const transactionSchema = /* @__PURE__ */ (() =>
  z.strictObject({ customerId, at: date, amount: z.optional(nonNegativeMoney) }))();

/** Collects the columns as the transactions are read, and checks what the element schemas cannot. */
class ColumnsBuilder {
  readonly slots: Int32Array;
  readonly days: Int32Array;
  readonly customers = new CustomerSlots();
  private ints: IntArray | undefined;
  private scales: Uint16Array | undefined;
  private maxScale = 0;
  private readonly reader = new DecimalReader();

  constructor(
    private readonly metric: string,
    readonly count: number,
    private readonly limit: DayLimit,
    withAmounts: boolean,
  ) {
    this.slots = new Int32Array(count);
    this.days = new Int32Array(count);
    if (withAmounts) {
      this.ints = new IntArray(count);
      this.scales = new Uint16Array(count);
    }
  }

  /** Whether the transactions carry amounts (decided by the first one). */
  get amountsGiven(): boolean {
    return this.ints !== undefined;
  }

  /**
   * Records transaction `i` of a valid customer id and time (epoch milliseconds); a time after the limit is
   * refused at `at`, a function so that no path is built for the transactions that pass.
   */
  add(i: number, id: string | number, time: number, at: (i: number) => Path): void {
    const day = Math.floor(time / DAY_MS);
    if (day > this.limit.day) this.afterLimit(id, at(i));
    this.slots[i] = this.customers.slotOf(id);
    this.days[i] = day;
  }

  private afterLimit(id: string | number, at: Path): never {
    const { option } = this.limit;
    const hint =
      option === 'asOf' ? 'give holdoutEnd to count later purchases apart, or leave them out' : 'leave it out';
    return invalid(
      this.metric,
      at,
      `is after ${option} (${formatDay(this.limit.day * DAY_MS)}), a purchase of customer ${JSON.stringify(id)}: ${hint}`,
    );
  }

  /** Records the amount of transaction `i`, a valid non-negative decimal. */
  amount(i: number, value: number | string): void {
    const reader = this.reader;
    reader.read(value);
    (this.ints as IntArray).set(i, reader.int);
    (this.scales as Uint16Array)[i] = reader.scale;
    if (reader.scale > this.maxScale) this.maxScale = reader.scale;
  }

  build(): Transactions {
    const { count, slots, days, ints, scales, maxScale } = this;
    const amounts = ints === undefined ? undefined : { ints, scales: scales as Uint16Array, maxScale };
    return { count, slots, days, amounts, ids: this.customers.ids };
  }
}

/** A transaction record as read: its own fields, each read once. */
interface AsRead {
  readonly customerId: unknown;
  readonly at: unknown;
  readonly amount: unknown;
}

/** Refuses transaction `i`, whose amount is `present` where the first transaction's is not, or the reverse. */
function amountPresence(metric: string, present: boolean, i: number): never {
  return invalid(
    metric,
    ['transactions', i, 'amount'],
    present
      ? 'is given, but transactions[0] has none: give every transaction an amount, or none'
      : 'is missing, but transactions[0] has one: give every transaction an amount, or none',
  );
}

const recordDate = (i: number): Path => ['transactions', i, 'at'];
const columnDate = (i: number): Path => ['at', i];

/** Reads `{ customerId, at, amount? }` records (an array, or a list with its own iterator). */
export function readTransactionRecords(metric: string, records: ArrayLike<unknown>, limit: DayLimit): Transactions {
  const count = records.length;
  const iterator = ownIterator(records);
  let builder: ColumnsBuilder | undefined;
  for (let i = 0; i < count; i++) {
    const record = (iterator === undefined ? records[i] : nextElement(iterator)) as Partial<AsRead> | null;
    if (typeof record !== 'object' || record === null || !hasOnlyKeys(record, 'customerId', 'at', 'amount')) {
      rejectElement(metric, transactionSchema, record, ['transactions', i]);
    }
    const id = record.customerId;
    const at = record.at;
    const amount = record.amount;
    const time = toEpoch(at);
    if (!isCustomerId(id) || Number.isNaN(time) || (amount !== undefined && !isNonNegativeMoney(amount))) {
      // Described from the values as read, not read again.
      rejectElement(metric, transactionSchema, { customerId: id, at, amount }, ['transactions', i]);
    }
    if (builder === undefined) builder = new ColumnsBuilder(metric, count, limit, amount !== undefined);
    else if ((amount !== undefined) !== builder.amountsGiven) amountPresence(metric, amount !== undefined, i);
    builder.add(i, id, time, recordDate);
    if (amount !== undefined) builder.amount(i, amount);
  }
  return (builder as ColumnsBuilder).build();
}

/** The column form: `customerIds`, `at` (dates, or epoch milliseconds in a typed array) and `amounts`. */
export interface TransactionColumns {
  readonly customerIds: ArrayLike<unknown>;
  readonly at: ArrayLike<unknown>;
  readonly amounts?: ArrayLike<unknown> | undefined;
}

/** Reads the column form: three arrays (or typed arrays) of one element per transaction. */
export function readTransactionColumns(metric: string, columns: TransactionColumns, limit: DayLimit): Transactions {
  const { customerIds, at, amounts } = columns;
  const count = customerIds.length;
  for (const [name, column] of [
    ['at', at],
    ['amounts', amounts],
  ] as const) {
    if (column !== undefined && column.length !== count) {
      invalid(metric, [name], `must have one element per customer id: ${count} ids, ${column.length} elements`);
    }
  }
  const builder = new ColumnsBuilder(metric, count, limit, amounts !== undefined);
  for (let i = 0; i < count; i++) {
    const id = customerIds[i];
    if (!isCustomerId(id)) rejectElement(metric, customerId, id, ['customerIds', i]);
    const value = at[i];
    const time = toEpoch(value);
    if (Number.isNaN(time)) rejectElement(metric, date, value, ['at', i]);
    builder.add(i, id, time, columnDate);
    if (amounts !== undefined) {
      const amount = amounts[i];
      if (!isNonNegativeMoney(amount)) rejectElement(metric, nonNegativeMoney, amount, ['amounts', i]);
      builder.amount(i, amount);
    }
  }
  return builder.build();
}
