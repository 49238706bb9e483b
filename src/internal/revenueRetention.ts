// What net and gross revenue retention share: the period form (starting MRR and its movements) and the
// cohort form (each customer's starting and ending MRR), reduced to a starting total, the net retained
// total and the gross retained total (each customer capped at its starting MRR), all exact.
import * as z from 'zod/mini';
import { type Exact, exact } from './decimal.js';
import { type BigDecimal, compareDecimals, MoneyColumn } from './money.js';
import { bulkArray, invalid, noData, parseForm, rejectElement } from './parse.js';
import { isNonNegativeMoney, nonNegativeMoney } from './schemas.js';

/** The period form: starting MRR and what happened to it. */
export interface RetentionPeriod {
  /** MRR of the customers at the start of the period (money, > 0). */
  readonly startingMrr: number | string;
  /** Increases of those customers (money, ≥ 0). */
  readonly expansionMrr: number | string;
  /** Decreases of those customers, as a positive amount (money, ≥ 0). */
  readonly contractionMrr: number | string;
  /** MRR of those who left, as a positive amount (money, ≥ 0). */
  readonly churnedMrr: number | string;
  /**
   * MRR of former customers who came back (money, ≥ 0, default 0). Net retention counts it as ChartMogul's
   * net MRR retention does; gross retention ignores it.
   */
  readonly reactivationMrr?: number | string | undefined;
}

/** One customer of a cohort (several rows of one customer are summed). */
export interface CohortMrr {
  /** The customer (account), a non-empty string; rows with the same id are one customer. */
  readonly customerId: string;
  /** MRR at the start of the period (money, ≥ 0); customers at 0 are not in the cohort. */
  readonly startingMrr: number | string;
  /** MRR of the same customer at the end (money, ≥ 0). */
  readonly endingMrr: number | string;
}

/** Input of net and gross revenue retention: the period form or the cohort form. */
export type RevenueRetentionInput =
  | RetentionPeriod
  | {
      /** The cohort form: each customer's starting and ending MRR, one or more rows per customer, in any order. */
      readonly cohort: ArrayLike<CohortMrr>;
    };

const rowSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    customerId: z.string().check(z.minLength(1)),
    startingMrr: nonNegativeMoney,
    endingMrr: nonNegativeMoney,
  }))();

const forms = /* @__PURE__ */ (() =>
  [
    {
      key: 'cohort',
      schema: z.strictObject({ cohort: bulkArray<unknown>('an array of { customerId, startingMrr, endingMrr }') }),
    },
    {
      key: 'startingMrr',
      schema: z.strictObject({
        startingMrr: nonNegativeMoney,
        expansionMrr: nonNegativeMoney,
        contractionMrr: nonNegativeMoney,
        churnedMrr: nonNegativeMoney,
        reactivationMrr: z.optional(nonNegativeMoney),
      }),
    },
  ] as const)();

/** Starting MRR, and what of it is retained net (with expansion) and gross (without). */
export interface RetentionParts {
  readonly starting: Exact;
  readonly net: Exact;
  readonly gross: Exact;
}

function isMoney(value: unknown): boolean {
  return typeof value === 'number' ? value >= 0 && value - value === 0 : isNonNegativeMoney(value);
}

function toExact(value: BigDecimal): Exact {
  return exact(`${value.int}e-${value.scale}`);
}

/** Reads either form; `NO_DATA` when the starting MRR is 0. */
export function retentionParts(metric: string, input: unknown): RetentionParts {
  const parsed = parseForm(metric, forms, input);
  if (parsed.form === 'startingMrr') {
    const period = parsed.value;
    const starting = exact(period.startingMrr);
    const lost = exact(period.contractionMrr).plus(period.churnedMrr);
    if (lost.gt(starting)) invalid(metric, ['churnedMrr'], 'plus contractionMrr must not exceed startingMrr');
    if (starting.isZero()) noData(metric, ['startingMrr'], 'must be greater than 0');
    const gross = starting.minus(lost);
    return { starting, gross, net: gross.plus(period.expansionMrr).plus(period.reactivationMrr ?? 0) };
  }
  const rows = parsed.value.cohort;
  const index = new Map<string, number>();
  const ids: string[] = [];
  const start = new MoneyColumn(rows.length);
  const end = new MoneyColumn(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let keys = 0;
    if (typeof row === 'object' && row !== null) for (const _ in row) keys++;
    const fields = row as { customerId?: unknown; startingMrr?: unknown; endingMrr?: unknown } | null | undefined;
    if (
      keys !== 3 ||
      typeof fields?.customerId !== 'string' ||
      fields.customerId.length === 0 ||
      !isMoney(fields.startingMrr) ||
      !isMoney(fields.endingMrr)
    ) {
      rejectElement(metric, rowSchema, row, ['cohort', i]);
    }
    const id = fields.customerId;
    let slot = index.get(id);
    if (slot === undefined) {
      slot = ids.length;
      index.set(id, slot);
      ids.push(id);
    }
    start.add(slot, fields.startingMrr as number | string);
    end.add(slot, fields.endingMrr as number | string);
  }
  let startCents = 0;
  let netCents = 0;
  let grossCents = 0;
  let starting = exact(0);
  let net = exact(0);
  let gross = exact(0);
  for (let slot = 0; slot < ids.length; slot++) {
    if (start.isCents(slot) && end.isCents(slot)) {
      const s = start.cents[slot] as number;
      if (s === 0) continue;
      const e = end.cents[slot] as number;
      // Partial sums stay below 2^53 for totals under about $90 billion; beyond, continue exactly.
      if (startCents + s <= Number.MAX_SAFE_INTEGER && netCents + e <= Number.MAX_SAFE_INTEGER) {
        startCents += s;
        netCents += e;
        grossCents += Math.min(s, e);
        continue;
      }
    }
    const s = start.exact(slot);
    if (s.int === 0n) continue;
    const e = end.exact(slot);
    starting = starting.plus(toExact(s));
    net = net.plus(toExact(e));
    gross = gross.plus(toExact(compareDecimals(e, s) < 0 ? e : s));
  }
  starting = starting.plus(exact(startCents).div(100));
  net = net.plus(exact(netCents).div(100));
  gross = gross.plus(exact(grossCents).div(100));
  if (starting.isZero()) noData(metric, ['cohort'], 'has no customer with startingMrr above 0');
  return { starting, net, gross };
}
