import * as z from 'zod/mini';
import { noData, noOptions, type NoOptions, parse } from '../internal/parse.js';
import { count } from '../internal/schemas.js';

const METRIC = 'renewalRate';

/** The input's fields, named when one of them is passed as an option. */
const INPUT_FIELDS = ['renewed', 'upForRenewal'];

/** Input of {@link renewalRate}. */
export interface RenewalRateInput {
  /** Customers (or contracts) that renewed. */
  readonly renewed: number;
  /** Customers (or contracts) whose term ended in the period, so that they could renew. */
  readonly upForRenewal: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ renewed: count, upForRenewal: count }).check(
    z.refine((v) => v.renewed <= v.upForRenewal, {
      error: 'must not exceed upForRenewal',
      path: ['renewed'],
      when: (payload) => payload.issues.length === 0,
    }),
  ))();

/**
 * Renewal rate: the fraction of customers up for renewal who renewed.
 *
 * @remarks
 * renewal rate = renewed ÷ up for renewal, a fraction in [0, 1]. Unlike the churn rate, the denominator is
 * only the customers whose term ended in the period, which is what matters for annual or multi-year
 * contracts (a customer in the middle of a two-year term cannot churn this month). Count customers or
 * contracts, consistently.
 *
 * The result is exact: one division of two integers, correctly rounded.
 *
 * Unit: a fraction (0.85 is 85 %).
 *
 * Source: doc 003 (customers who renewed ÷ customers up for renewal, `docs/sources.md` row 21).
 *
 * @param input - `{ renewed, upForRenewal }`, counts.
 * @param options - none: renewalRate takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative safe integer, a key is
 * unknown, or `renewed` exceeds `upForRenewal`.
 * @throws {@link MetricError} `INVALID_INPUT` when `options` is anything but absent or `{}` (`issues[0].path`
 * is `[]`); an input field passed there is named as belonging in the input.
 * @throws {@link MetricError} `NO_DATA` when `upForRenewal` is 0.
 * @example
 * ```ts
 * renewalRate({ renewed: 85, upForRenewal: 100 }); // => 0.85
 * renewalRate({ renewed: 2, upForRenewal: 3 }); // ≈ 0.6667
 * ```
 * @category Retention
 */
export function renewalRate(input: RenewalRateInput, options?: NoOptions): number {
  noOptions(METRIC, options, INPUT_FIELDS);
  const { renewed, upForRenewal } = parse(METRIC, inputSchema, input);
  if (upForRenewal === 0) noData(METRIC, ['upForRenewal'], 'must be greater than 0');
  // One division of two exact integers: the correctly rounded ratio.
  return renewed / upForRenewal;
}
