// What net and gross revenue retention share: the period form (starting MRR and its movements) and the
// cohort form (each customer's starting and ending MRR), reduced to a starting total, the net retained
// total and the gross retained total (each customer capped at its starting MRR), all exact integers at one
// decimal scale, so that a retention rate is one correctly rounded ratio.
import * as z from 'zod/mini';
import { addInt, compareInt, type Int, minInt, subtractInt } from '../../internal/exact/integer.js';
import { DecimalSums } from '../../internal/exact/scaled.js';
import { bulkArray, invalid, noData, parseForm, rejectElement } from '../../internal/parse.js';
import { isNonNegativeMoney, nonNegativeMoney } from '../../internal/schemas.js';

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

/** The fields of both forms: an option of that name belongs in the input. */
export const RETENTION_FIELDS: readonly string[] = [
  'cohort',
  'startingMrr',
  'expansionMrr',
  'contractionMrr',
  'churnedMrr',
  'reactivationMrr',
];

/** Starting MRR, and what of it is retained net (with expansion) and gross (without), at one scale. */
export interface RetentionParts {
  readonly starting: Int;
  readonly net: Int;
  readonly gross: Int;
}

function isMoney(value: unknown): value is number | string {
  return typeof value === 'number' ? value >= 0 && value - value === 0 : isNonNegativeMoney(value);
}

/** Reads either form; `NO_DATA` when the starting MRR is 0. */
export function retentionParts(metric: string, input: unknown): RetentionParts {
  const parsed = parseForm(metric, forms, input);
  if (parsed.form === 'startingMrr') {
    const period = parsed.value;
    // Slots: starting, expansion, contraction, churned, reactivation.
    const fields = new DecimalSums(5);
    fields.add(0, period.startingMrr);
    fields.add(1, period.expansionMrr);
    fields.add(2, period.contractionMrr);
    fields.add(3, period.churnedMrr);
    fields.add(4, period.reactivationMrr ?? 0);
    const starting = fields.get(0);
    const lost = addInt(fields.get(2), fields.get(3));
    if (compareInt(lost, starting) > 0)
      invalid(metric, ['churnedMrr'], 'plus contractionMrr must not exceed startingMrr');
    if (starting === 0) noData(metric, ['startingMrr'], 'must be greater than 0');
    const gross = subtractInt(starting, lost);
    return { starting, gross, net: addInt(gross, addInt(fields.get(1), fields.get(4))) };
  }
  const rows = parsed.value.cohort;
  const length = rows.length;
  const index = new Map<string, number>();
  let customers = 0;
  const start = new DecimalSums(length);
  const end = new DecimalSums(length);
  for (let i = 0; i < length; i++) {
    // Each field is read once into a local, checked and used from there.
    const row = rows[i];
    let keys = 0;
    let customerId: unknown;
    let startingMrr: unknown;
    let endingMrr: unknown;
    if (typeof row === 'object' && row !== null) {
      for (const _ in row) keys++;
      ({ customerId, startingMrr, endingMrr } = row as Partial<Record<keyof CohortMrr, unknown>>);
    }
    if (
      keys !== 3 ||
      typeof customerId !== 'string' ||
      customerId.length === 0 ||
      !isMoney(startingMrr) ||
      !isMoney(endingMrr)
    ) {
      return rejectElement(metric, rowSchema, row, ['cohort', i]);
    }
    let slot = index.get(customerId);
    if (slot === undefined) {
      slot = customers++;
      index.set(customerId, slot);
    }
    start.add(slot, startingMrr);
    end.add(slot, endingMrr);
  }
  start.rescale(end.scale);
  end.rescale(start.scale);
  let starting: Int = 0;
  let net: Int = 0;
  let gross: Int = 0;
  for (let slot = 0; slot < customers; slot++) {
    const s = start.get(slot);
    if (s === 0) continue;
    const e = end.get(slot);
    starting = addInt(starting, s);
    net = addInt(net, e);
    gross = addInt(gross, minInt(s, e));
  }
  if (starting === 0) noData(metric, ['cohort'], 'has no customer with startingMrr above 0');
  return { starting, net, gross };
}
