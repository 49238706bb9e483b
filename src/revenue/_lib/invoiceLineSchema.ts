// Invoice lines: the line schema (the single source of truth for what is valid; `invoiceLineReader.ts`
// holds the fast check that mirrors it).
import * as z from 'zod/mini';
import { type DateInput, toEpoch } from '../../internal/dates.js';
import { compareScaled, DecimalReader } from '../../internal/exact/scaled.js';
import type { Schema } from '../../internal/parse.js';
import { period } from '../../internal/periods.js';
import { date, nonNegativeMoney } from '../../internal/schemas.js';
import { type BillingInterval, currencyCode } from './subscriptionSchema.js';

/** What an invoice line bills: the recurring price, metered usage, or a one-off charge. */
export type InvoiceLineKind = 'recurring' | 'usage' | 'one-off';

/** The most intervals a full period may hold: its start stays within the dates a `Date` can hold. */
export const MAX_FULL_PERIOD_COUNT = 1000;

/** The full service period a prorated line is a part of: `intervalCount` intervals ending at `periodEnd`. */
export interface FullPeriod {
  /** The billing interval of the line's price. */
  readonly interval: BillingInterval;
  /** Intervals in the full period, 1 to 1000. Default 1. */
  readonly intervalCount?: number | undefined;
}

/** One invoice line: money billed to a customer for a service period `[periodStart, periodEnd)`. */
export interface InvoiceLine {
  /** The customer (account) billed; the lines of one customer are summed. */
  readonly customerId: string;
  /** The line's amount, tax included when `tax` is given (money, ≥ 0, after discounts). */
  readonly amount: number | string;
  /** The tax included in `amount` (money, 0 to `amount`). Default 0. */
  readonly tax?: number | string | undefined;
  /**
   * ISO 4217 code of `amount` and `tax`. Absent: the target `options.currency`; without a target, every
   * line must lack it or every line must have it.
   */
  readonly currency?: string | undefined;
  /** `'recurring'` (default: the subscription's price), `'usage'` (metered) or `'one-off'` (setup fees, …). */
  readonly kind?: InvoiceLineKind | undefined;
  /** First instant of the service period (included). */
  readonly periodStart: DateInput;
  /** End of the service period (excluded), not before `periodStart`. */
  readonly periodEnd: DateInput;
  /**
   * The line's billing interval, to recognise a prorated line: when `[periodStart, periodEnd)` is at most
   * the full period ending at `periodEnd`, the amount is scaled to the full period's price.
   */
  readonly fullPeriod?: FullPeriod | undefined;
  /** When the line was invoiced. Default: `periodEnd` for usage (billed in arrears), `periodStart` otherwise. */
  readonly invoicedAt?: DateInput | undefined;
  /** Segment keys of the line, such as `{ plan: 'pro' }`: validated, and otherwise ignored. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/** Whether `tax` exceeds `amount`, exactly (both valid non-negative decimals). */
export function taxExceedsAmount(amount: number | string, tax: number | string): boolean {
  const reader = new DecimalReader();
  reader.read(amount);
  const int = reader.int;
  const scale = reader.scale;
  reader.read(tax);
  return compareScaled(reader.int, reader.scale, int, scale) > 0;
}

/** The schema of one invoice line. */
export const invoiceLineSchema: Schema<InvoiceLine> = /* @__PURE__ */ (() =>
  z
    .strictObject({
      customerId: z.string().check(z.minLength(1)),
      amount: nonNegativeMoney,
      tax: z.optional(nonNegativeMoney),
      currency: z.optional(currencyCode),
      kind: z.optional(z.enum(['recurring', 'usage', 'one-off'])),
      periodStart: date,
      periodEnd: date,
      fullPeriod: z.optional(
        z.strictObject({
          interval: period,
          intervalCount: z.optional(z.int().check(z.gte(1), z.lte(MAX_FULL_PERIOD_COUNT))),
        }),
      ),
      invoicedAt: z.optional(date),
      attributes: z.optional(z.record(z.string(), z.string())),
    })
    .check(
      z.refine((line) => line.tax === undefined || !taxExceedsAmount(line.amount, line.tax), {
        error: 'must not exceed amount (the tax included in it)',
        path: ['tax'],
        when: (p) => p.issues.length === 0,
      }),
      z.refine((line) => toEpoch(line.periodEnd) >= toEpoch(line.periodStart), {
        error: 'must not be before periodStart',
        path: ['periodEnd'],
        when: (p) => p.issues.length === 0,
      }),
    ))();
