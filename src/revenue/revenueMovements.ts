import * as z from 'zod/mini';
import { compareDecimals, decimalToNumber, MoneyColumn, MoneySum, subtractDecimals } from '../internal/money.js';
import { finiteResult } from '../internal/result.js';
import { bulkArray, parse, parseOptions, rejectElement } from '../internal/parse.js';
import { isNonNegativeMoney, nonNegativeMoney } from '../internal/schemas.js';

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
}

/** Options of {@link revenueMovements}. */
export interface RevenueMovementsOptions {
  /** Whether to list every customer's movement in `customers`. Default `true`; `false` returns totals only. */
  readonly customers?: boolean | undefined;
}

/** How one customer's MRR moved. */
export type MrrMovement = 'new' | 'expansion' | 'contraction' | 'churned' | 'reactivation' | 'unchanged';

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
  }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ customers: z.optional(z.boolean()) }))();

const MOVEMENT_NAMES: readonly MrrMovement[] = [
  'unchanged',
  'new',
  'reactivation',
  'expansion',
  'contraction',
  'churned',
];
const UNCHANGED = 0;
const NEW = 1;
const REACTIVATION = 2;
const EXPANSION = 3;
const CONTRACTION = 4;
const CHURNED = 5;

/** Reads one `{ customerId, mrr }` row with fast checks; a bad row is reported by zod at its index. */
function readRow(row: unknown, field: string, index: number): CustomerMrr {
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
      return row as CustomerMrr;
    }
  }
  return rejectElement(METRIC, rowSchema, row, [field, index]);
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
 * The bridge always reconciles: starting + new + expansion + reactivation − contraction − churned = ending,
 * exactly (every sum is exact: whole cents as integers, other decimals in BigInt). Each figure is then the
 * nearest number to its exact value, so the identity also holds on the printed values whenever they have at
 * most 15 significant digits (for cent amounts, below about $10 trillion).
 *
 * Unit: money per month, in the currency of the rows.
 *
 * Source: ChartMogul, "MRR movements" (new business, expansion, contraction, churn, reactivation; a second
 * subscription is expansion and cancelling one of two is contraction); Stripe, "Billing metric definitions"
 * (MRR growth = new + reactivation + expansion − churned − contraction).
 *
 * @param input - `{ previous, current, formerCustomers? }`: arrays of `{ customerId, mrr }` and of ids.
 * @param options - `{ customers = true }`: whether to list each customer's movement.
 * @throws {@link MetricError} `INVALID_INPUT` when a row is not `{ customerId, mrr }` with a non-empty id and
 * non-negative money (the issue names it: `['current', 7, 'mrr']`), a former customer is not a non-empty
 * string, or a key is unknown.
 * @example
 * ```ts
 * const moves = revenueMovements({
 *   previous: [{ customerId: 'a', mrr: 100 }, { customerId: 'b', mrr: 50 }, { customerId: 'c', mrr: 30 }],
 *   current: [{ customerId: 'a', mrr: 80 }, { customerId: 'a', mrr: 40 }, { customerId: 'c', mrr: 10 },
 *     { customerId: 'd', mrr: 25 }, { customerId: 'e', mrr: 15 }],
 *   formerCustomers: ['e'],
 * });
 * moves.expansionMrr; // => 20
 * moves.contractionMrr; // => 20
 * moves.churnedMrr; // => 50
 * moves.newMrr; // => 25
 * moves.reactivationMrr; // => 15
 * moves.startingMrr + moves.netNewMrr; // => moves.endingMrr
 * moves.customers[0]; // => { customerId: 'a', movement: 'expansion', previousMrr: 100, currentMrr: 120, change: 20 }
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
  const before = new MoneyColumn(size);
  const after = new MoneyColumn(size);
  // Both sides are summed per customer into one shared index, so a customer's subscriptions add up first.
  const collect = (rows: typeof previous, side: 'previous' | 'current', column: MoneyColumn) => {
    for (let i = 0; i < rows.length; i++) {
      const row = readRow(rows[i], side, i);
      let slot = index.get(row.customerId);
      if (slot === undefined) {
        slot = ids.length;
        index.set(row.customerId, slot);
        ids.push(row.customerId);
      }
      column.add(slot, row.mrr);
    }
  };
  collect(previous, 'previous', before);
  collect(current, 'current', after);
  const former = new Set<string>();
  const formerList = parsed.formerCustomers;
  if (formerList !== undefined) {
    for (let i = 0; i < formerList.length; i++) {
      const id = formerList[i];
      if (typeof id !== 'string' || id.length === 0) rejectElement(METRIC, idSchema, id, ['formerCustomers', i]);
      former.add(id);
    }
  }

  const totals = [new MoneySum(), new MoneySum(), new MoneySum(), new MoneySum(), new MoneySum(), new MoneySum()];
  const starting = new MoneySum();
  const ending = new MoneySum();
  const customers: CustomerMovement[] = listCustomers ? new Array(ids.length) : [];
  const beforeCents = before.cents;
  const afterCents = after.cents;
  const exact = before.extra !== undefined || after.extra !== undefined;
  for (let slot = 0; slot < ids.length; slot++) {
    let movement: number;
    if (!exact || (before.isCents(slot) && after.isCents(slot))) {
      // Whole cents: exact integers, and their difference is exact too.
      const p = beforeCents[slot] as number;
      const c = afterCents[slot] as number;
      if (p === c) movement = UNCHANGED;
      else if (p === 0) movement = former.has(ids[slot] as string) ? REACTIVATION : NEW;
      else if (c === 0) movement = CHURNED;
      else movement = c > p ? EXPANSION : CONTRACTION;
      starting.addCents(p);
      ending.addCents(c);
      if (movement !== UNCHANGED) (totals[movement] as MoneySum).addCents(c > p ? c - p : p - c);
      if (listCustomers) {
        customers[slot] = {
          customerId: ids[slot] as string,
          movement: MOVEMENT_NAMES[movement] as MrrMovement,
          previousMrr: p / 100,
          currentMrr: c / 100,
          change: (c - p) / 100,
        };
      }
    } else {
      const p = before.exact(slot);
      const c = after.exact(slot);
      const order = compareDecimals(c, p);
      if (order === 0) movement = UNCHANGED;
      else if (p.int === 0n) movement = former.has(ids[slot] as string) ? REACTIVATION : NEW;
      else if (c.int === 0n) movement = CHURNED;
      else movement = order > 0 ? EXPANSION : CONTRACTION;
      starting.addExact(p);
      ending.addExact(c);
      const change = subtractDecimals(c, p);
      if (movement !== UNCHANGED) {
        (totals[movement] as MoneySum).addExact(order > 0 ? change : { int: -change.int, scale: change.scale });
      }
      if (listCustomers) {
        customers[slot] = {
          customerId: ids[slot] as string,
          movement: MOVEMENT_NAMES[movement] as MrrMovement,
          previousMrr: decimalToNumber(p),
          currentMrr: decimalToNumber(c),
          change: decimalToNumber(change),
        };
      }
    }
  }
  const net = new MoneySum();
  net.addExact(subtractDecimals(ending.exact(), starting.exact()));
  return {
    startingMrr: finite(starting),
    newMrr: finite(totals[NEW] as MoneySum),
    expansionMrr: finite(totals[EXPANSION] as MoneySum),
    contractionMrr: finite(totals[CONTRACTION] as MoneySum),
    churnedMrr: finite(totals[CHURNED] as MoneySum),
    reactivationMrr: finite(totals[REACTIVATION] as MoneySum),
    netNewMrr: finite(net),
    endingMrr: finite(ending),
    customers,
  };
}

function finite(sum: MoneySum): number {
  return finiteResult(METRIC, sum.toNumber(), 'an MRR total');
}
