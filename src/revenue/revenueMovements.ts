import * as z from 'zod/mini';
import { type Int, IntSums, ratioToNumber, shiftInt, subtractInt } from '../internal/exact/integer.js';
import { ratioResult } from '../internal/exact/result.js';
import { DecimalSums } from '../internal/exact/scaled.js';
import { bulkArray, parse, parseOptions, rejectElement } from '../internal/parse.js';
import { isNonNegativeMoney, nonNegativeMoney } from '../internal/schemas.js';
import {
  CHURNED,
  CONTRACTION,
  EXPANSION,
  MOVEMENT_NAMES,
  MovementTotals,
  type MrrMovement,
  NEW,
  REACTIVATION,
} from './_lib/movements.js';

export type { MrrMovement } from './_lib/movements.js';

const METRIC = 'revenueMovements';

/** One customer's MRR at a point in time (several rows of one customer are summed). */
export interface CustomerMrr {
  /** The customer (account). */
  readonly customerId: string;
  /** Its monthly recurring revenue, or the part of it from one subscription (money, ≥ 0). */
  readonly mrr: number | string;
}

/** Input of {@link revenueMovements}. */
export interface RevenueMovementsInput {
  /** MRR by customer at the start of the period. */
  readonly previous: ArrayLike<CustomerMrr>;
  /** MRR by customer at the end of the period. */
  readonly current: ArrayLike<CustomerMrr>;
  /** Customers who paid at some time before `previous`: returning, they are reactivations, not new. */
  readonly formerCustomers?: ArrayLike<string> | undefined;
  /**
   * Customers lost to failed payments: those of them who churn are **delinquent** churn (their
   * subscriptions were canceled for non-payment, or past their past-due grace); every other churn is
   * voluntary. Listing a customer who does not churn changes nothing.
   */
  readonly delinquentCustomers?: ArrayLike<string> | undefined;
}

/** Options of {@link revenueMovements}. */
export interface RevenueMovementsOptions {
  /** Whether to list every customer's movement in `customers`. Default `true`; `false` returns totals only. */
  readonly customers?: boolean | undefined;
}

/** One customer's movement. */
export interface CustomerMovement {
  /** The customer (account), as in the input rows. */
  readonly customerId: string;
  /** How its MRR moved from `previousMrr` to `currentMrr`. */
  readonly movement: MrrMovement;
  /** MRR at the start (0 when absent from `previous`). */
  readonly previousMrr: number;
  /** MRR at the end (0 when absent from `current`). */
  readonly currentMrr: number;
  /** `currentMrr − previousMrr`, exact. */
  readonly change: number;
  /**
   * Churned customers only: `'delinquent'` when listed in `delinquentCustomers` (lost to failed payments),
   * otherwise `'voluntary'`.
   */
  readonly churnReason?: 'voluntary' | 'delinquent';
}

/** Result of {@link revenueMovements}: the MRR bridge from start to end. All amounts are money per month. */
export interface RevenueMovementsResult {
  /** Total MRR at the start. */
  readonly startingMrr: number;
  /** MRR of customers at 0 before and not former customers. */
  readonly newMrr: number;
  /** Increases of customers who paid before and after. */
  readonly expansionMrr: number;
  /** Decreases of customers who paid before and still pay (a positive amount). */
  readonly contractionMrr: number;
  /** MRR at the start of customers at 0 at the end (a positive amount). */
  readonly churnedMrr: number;
  /** MRR of former customers who came back. */
  readonly reactivationMrr: number;
  /** new + expansion + reactivation − contraction − churned = ending − starting (may be negative). */
  readonly netNewMrr: number;
  /** Total MRR at the end. */
  readonly endingMrr: number;
  /** The part of churnedMrr of customers not in `delinquentCustomers`: churnedMrr − delinquentChurnedMrr. */
  readonly voluntaryChurnedMrr: number;
  /** The part of churnedMrr of churned customers listed in `delinquentCustomers` (lost to failed payments). */
  readonly delinquentChurnedMrr: number;
  /** Every customer in `previous` or `current`, in order of first appearance (empty with `customers: false`). */
  readonly customers: readonly CustomerMovement[];
}

const rowSchema = /* @__PURE__ */ (() =>
  z.strictObject({ customerId: z.string().check(z.minLength(1)), mrr: nonNegativeMoney }))();

const idSchema = /* @__PURE__ */ (() => z.string().check(z.minLength(1)))();

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    previous: bulkArray<CustomerMrr>('an array of { customerId, mrr }'),
    current: bulkArray<CustomerMrr>('an array of { customerId, mrr }'),
    formerCustomers: z.optional(bulkArray<string>('an array of customer ids')),
    delinquentCustomers: z.optional(bulkArray<string>('an array of customer ids')),
  }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ customers: z.optional(z.boolean()) }))();

/**
 * Reads one `{ customerId, mrr }` row with fast checks, each field once, into `read`; a bad row is reported
 * by zod at its index.
 */
function readRow(row: unknown, field: string, index: number, read: { customerId: string; mrr: number | string }): void {
  if (typeof row === 'object' && row !== null) {
    let keys = 0;
    for (const _ in row) keys++;
    const { customerId, mrr } = row as { customerId?: unknown; mrr?: unknown };
    if (
      keys === 2 &&
      typeof customerId === 'string' &&
      customerId.length > 0 &&
      (typeof mrr === 'number' ? mrr >= 0 && mrr - mrr === 0 : isNonNegativeMoney(mrr))
    ) {
      read.customerId = customerId;
      read.mrr = mrr as number | string;
      return;
    }
  }
  rejectElement(METRIC, rowSchema, row, [field, index]);
}

/**
 * MRR movements: the bridge from starting to ending MRR through new, expansion, contraction, churned and
 * reactivation MRR, per customer.
 *
 * @remarks
 * Customer grain: the rows of each customer are summed first, so cancelling one of two subscriptions is
 * contraction (not churn) and a second subscription is expansion (not new), as ChartMogul classifies them.
 * With p and c a customer's MRR before and after:
 * - p = 0 < c: **reactivation** when the customer is in `formerCustomers` (paid before, left, came back),
 *   otherwise **new**;
 * - c > p > 0: **expansion** of c − p; 0 < c < p: **contraction** of p − c;
 * - p > 0 = c: **churned**, p;
 * - c = p: **unchanged** (also when both are 0).
 *
 * Churn is split by why the customer left: the churned MRR of customers listed in `delinquentCustomers`
 * (lost to failed payments) is `delinquentChurnedMrr`, the rest `voluntaryChurnedMrr`, and the two add up to
 * `churnedMrr` exactly (Stripe reports churn as voluntary and delinquent; `recurringRevenueSeries` tells
 * them apart from the records' `endReason` and the past-due grace). In `customers`, each churned customer
 * carries `churnReason`: `'delinquent'` or `'voluntary'`.
 *
 * The bridge reconciles exactly in decimals: starting + new + expansion + reactivation − contraction −
 * churned = ending, and netNew = ending − starting (every sum is exact: whole cents as integers, other
 * decimals in BigInt). Each figure is an exact decimal with no more places than the most precise `mrr`, and
 * is returned as the double nearest to it. Adding those doubles is not exact: from 0.1 to 0.3,
 * `startingMrr + netNewMrr` is 0.30000000000000004, not `endingMrr` (0.3). Reconcile in decimals instead:
 * - in cents: when every `mrr` is whole cents, `Math.round(figure * 100)` is each figure's exact number of
 *   cents (for figures below 10^13), and the identity holds on those integers;
 * - as decimal strings: `String(figure)` is a figure's exact decimal whenever it has at most 15 significant
 *   digits, and the identity holds on those strings added as decimals (decimal.js, a database `NUMERIC`).
 *
 * Unit: money per month, in the currency of the rows.
 *
 * Source: ChartMogul, "MRR movements" (new business, expansion, contraction, churn, reactivation; a second
 * subscription is expansion and cancelling one of two is contraction); Stripe, "Billing metric definitions"
 * (MRR growth = new + reactivation + expansion − churned − contraction).
 *
 * @param input - `{ previous, current, formerCustomers?, delinquentCustomers? }`: arrays of `{ customerId, mrr }`
 * and of ids.
 * @param options - `{ customers = true }`: whether to list each customer's movement.
 * @throws {@link MetricError} `INVALID_INPUT` when a row is not `{ customerId, mrr }` with a non-empty id and
 * non-negative money (the issue names it: `['current', 7, 'mrr']`), a former or delinquent customer is not a
 * non-empty string (`['delinquentCustomers', 2]`), or a key is unknown.
 * @example
 * ```ts
 * const moves = revenueMovements({
 *   previous: [{ customerId: 'a', mrr: 100 }, { customerId: 'b', mrr: 50 }, { customerId: 'c', mrr: 30 }],
 *   current: [{ customerId: 'a', mrr: 80 }, { customerId: 'a', mrr: 40 }, { customerId: 'c', mrr: 10 },
 *     { customerId: 'd', mrr: 25 }, { customerId: 'e', mrr: 15 }],
 *   formerCustomers: ['e'],
 *   delinquentCustomers: ['b'],
 * });
 * moves.expansionMrr; // => 20
 * moves.contractionMrr; // => 20
 * moves.churnedMrr; // => 50
 * moves.delinquentChurnedMrr; // => 50
 * moves.voluntaryChurnedMrr; // => 0
 * moves.newMrr; // => 25
 * moves.reactivationMrr; // => 15
 * moves.customers[0]; // => { customerId: 'a', movement: 'expansion', previousMrr: 100, currentMrr: 120, change: 20 }
 * moves.customers[1].churnReason; // => 'delinquent'
 * // Doubles do not add up exactly; their cents do:
 * const tenths = revenueMovements({
 *   previous: [{ customerId: 'a', mrr: 0.1 }],
 *   current: [{ customerId: 'a', mrr: 0.3 }],
 * });
 * tenths.startingMrr + tenths.netNewMrr; // => 0.30000000000000004
 * const cents = (figure: number) => Math.round(figure * 100);
 * cents(tenths.startingMrr) + cents(tenths.netNewMrr); // => cents(tenths.endingMrr)
 * String(tenths.netNewMrr); // => '0.2'
 * ```
 * @category Revenue
 */
export function revenueMovements(
  input: RevenueMovementsInput,
  options?: RevenueMovementsOptions,
): RevenueMovementsResult {
  const parsed = parse(METRIC, inputSchema, input);
  const listCustomers = parseOptions(METRIC, optionsSchema, options).customers !== false;
  const { previous, current } = parsed;
  const size = previous.length + current.length;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const before = new DecimalSums(size);
  const after = new DecimalSums(size);
  // Both sides are summed per customer into one shared index, so a customer's subscriptions add up first.
  const row = { customerId: '', mrr: 0 as number | string };
  const collect = (rows: typeof previous, side: 'previous' | 'current', column: DecimalSums) => {
    const length = rows.length;
    for (let i = 0; i < length; i++) {
      readRow(rows[i], side, i, row);
      const customerId = row.customerId;
      let slot = index.get(customerId);
      if (slot === undefined) {
        slot = ids.length;
        index.set(customerId, slot);
        ids.push(customerId);
      }
      column.add(slot, row.mrr);
    }
  };
  collect(previous, 'previous', before);
  collect(current, 'current', after);
  before.rescale(after.scale);
  after.rescale(before.scale);
  const unit = shiftInt(1, before.scale);
  const former = idSet(parsed.formerCustomers, 'formerCustomers');
  const delinquent = idSet(parsed.delinquentCustomers, 'delinquentCustomers');

  const moves = new MovementTotals(1);
  const ends = new IntSums(2);
  const customers: CustomerMovement[] = listCustomers ? new Array(ids.length) : [];
  for (let slot = 0; slot < ids.length; slot++) {
    const p = before.get(slot);
    const c = after.get(slot);
    const id = ids[slot] as string;
    const lost = c === 0 && delinquent.size > 0 && delinquent.has(id);
    const movement = moves.record(0, p, c, p === 0 && former.size > 0 && former.has(id), lost);
    ends.add(0, p);
    ends.add(1, c);
    if (listCustomers) {
      const entry: CustomerMovement = {
        customerId: id,
        movement: MOVEMENT_NAMES[movement] as MrrMovement,
        previousMrr: ratioToNumber(p, unit),
        currentMrr: ratioToNumber(c, unit),
        change: ratioToNumber(subtractInt(c, p), unit),
      };
      customers[slot] = movement === CHURNED ? { ...entry, churnReason: lost ? 'delinquent' : 'voluntary' } : entry;
    }
  }
  const money = (value: Int) => ratioResult(METRIC, value, unit, 'an MRR total');
  return {
    startingMrr: money(ends.get(0)),
    newMrr: money(moves.amount(0, NEW)),
    expansionMrr: money(moves.amount(0, EXPANSION)),
    contractionMrr: money(moves.amount(0, CONTRACTION)),
    churnedMrr: money(moves.amount(0, CHURNED)),
    reactivationMrr: money(moves.amount(0, REACTIVATION)),
    netNewMrr: money(subtractInt(ends.get(1), ends.get(0))),
    endingMrr: money(ends.get(1)),
    voluntaryChurnedMrr: money(subtractInt(moves.amount(0, CHURNED), moves.delinquentAmount(0))),
    delinquentChurnedMrr: money(moves.delinquentAmount(0)),
    customers,
  };
}

/** Reads a list of customer ids (each a non-empty string, else refused at its index) into a set. */
function idSet(list: ArrayLike<string> | undefined, field: string): Set<string> {
  const set = new Set<string>();
  if (list === undefined) return set;
  const length = list.length;
  for (let i = 0; i < length; i++) {
    const id = list[i];
    if (typeof id !== 'string' || id.length === 0) rejectElement(METRIC, idSchema, id, [field, i]);
    set.add(id);
  }
  return set;
}
