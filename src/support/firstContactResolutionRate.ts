import * as z from 'zod/mini';
import { type NoOptions, noData, noOptions, parse } from '../internal/parse.js';
import { count } from '../internal/schemas.js';

const METRIC = 'firstContactResolutionRate';

/** Input of {@link firstContactResolutionRate}. */
export interface FirstContactResolutionRateInput {
  /** Resolved tickets that needed no further contact after the first one (one agent reply or none). */
  readonly resolvedOnFirstContact: number;
  /** All tickets resolved in the period; at least `resolvedOnFirstContact`. */
  readonly resolved: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ resolvedOnFirstContact: count, resolved: count }).check(
    z.refine((v) => v.resolvedOnFirstContact <= v.resolved, {
      error: 'must not exceed resolved',
      path: ['resolvedOnFirstContact'],
      when: (payload) => payload.issues.length === 0,
    }),
  ))();

/**
 * First Contact Resolution rate (FCR): the share of resolved tickets resolved on the first contact.
 *
 * @remarks
 * FCR = resolvedOnFirstContact ÷ resolved, a fraction from 0 to 1.
 *
 * The denominator is the tickets resolved in the period, not all tickets received. A ticket still open
 * cannot yet be judged either way: counting it in the denominator would make the rate fall with the backlog
 * and rise again as the same tickets close, and would make a period's FCR change after the period ended.
 * This matches Freshservice's FCR % (tickets resolved after the first contact ÷ tickets resolved in the
 * period) and Zendesk's "one-touch tickets" (solved or closed tickets with at most one agent reply, as a
 * share of solved tickets). Some glossaries divide by all tickets received instead; to reproduce them, pass
 * the received count as `resolved`.
 *
 * Exact: one division of two integer counts, correctly rounded.
 *
 * Source: the source documents' "first contact resolution rate" (document 003); denominators as Freshservice
 * and Zendesk Explore define them.
 *
 * Unit: a fraction (0.7 is 70 %).
 *
 * @param input - `{ resolvedOnFirstContact, resolved }`, counts.
 * @param options - None: the function takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative integer, a key is unknown,
 * `resolvedOnFirstContact` exceeds `resolved`, or `options` has a key (path `[]` of `options`; a field of the
 * input given there is named as such).
 * @throws {@link MetricError} `NO_DATA` when `resolved` is 0.
 * @example
 * ```ts
 * firstContactResolutionRate({ resolvedOnFirstContact: 70, resolved: 100 }); // => 0.7
 * firstContactResolutionRate({ resolvedOnFirstContact: 2, resolved: 3 }); // ≈ 0.6667
 * ```
 * @category Support
 */
export function firstContactResolutionRate(input: FirstContactResolutionRateInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['resolvedOnFirstContact', 'resolved']);
  const { resolvedOnFirstContact, resolved } = parse(METRIC, inputSchema, input);
  if (resolved === 0) noData(METRIC, ['resolved'], 'must be greater than 0');
  // One division of two exact integers: the correctly rounded ratio.
  return resolvedOnFirstContact / resolved;
}
