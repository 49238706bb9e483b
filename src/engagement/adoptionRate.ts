import * as z from 'zod/mini';
import { type NoOptions, noData, noOptions, parse } from '../internal/parse.js';
import { count } from '../internal/schemas.js';

const METRIC = 'adoptionRate';

/** Input of {@link adoptionRate}. */
export interface AdoptionRateInput {
  /** Users (or accounts) who used the product or feature in the period. */
  readonly adopters: number;
  /** Users (or accounts) who could have used it: the audience it was built for; at least `adopters`. */
  readonly eligibleUsers: number;
}

const inputSchema = /* @__PURE__ */ (() =>
  z.strictObject({ adopters: count, eligibleUsers: count }).check(
    z.refine((v) => v.adopters <= v.eligibleUsers, {
      error: 'must not exceed eligibleUsers',
      path: ['adopters'],
      when: (payload) => payload.issues.length === 0,
    }),
  ))();

/**
 * Product or feature adoption rate: the share of eligible users who adopted it.
 *
 * @remarks
 * Adoption rate = adopters ÷ eligibleUsers, a fraction from 0 to 1.
 *
 * What counts as adopting (used at least once, or used in the period) and who is eligible are the caller's
 * definitions, and the denominator is the audience the product or feature is meant for (all active users
 * for a product, the users with access for a feature), not everyone ever registered: a feature for
 * administrators measured against all users always looks unadopted. Pendo's feature adoption (visitors who
 * used the feature ÷ active visitors) is this ratio with active visitors as the eligible users.
 *
 * Exact: one division of two integer counts, correctly rounded.
 *
 * Source: "product adoption" among the source documents' engagement metrics (`docs/sources.md` row 29).
 *
 * Unit: a fraction (0.25 is 25 %).
 *
 * @param input - `{ adopters, eligibleUsers }`, counts.
 * @param options - None: the function takes no options.
 * @throws {@link MetricError} `INVALID_INPUT` when a count is not a non-negative integer, a key is unknown,
 * `adopters` exceeds `eligibleUsers`, or `options` has a key (path `[]` of `options`; a field of the input
 * given there is named as such).
 * @throws {@link MetricError} `NO_DATA` when `eligibleUsers` is 0.
 * @example
 * ```ts
 * adoptionRate({ adopters: 150, eligibleUsers: 600 }); // => 0.25
 * ```
 * @category Engagement
 */
export function adoptionRate(input: AdoptionRateInput, options?: NoOptions): number {
  noOptions(METRIC, options, ['adopters', 'eligibleUsers']);
  const { adopters, eligibleUsers } = parse(METRIC, inputSchema, input);
  if (eligibleUsers === 0) noData(METRIC, ['eligibleUsers'], 'must be greater than 0');
  // One division of two exact integers: the correctly rounded ratio.
  return adopters / eligibleUsers;
}
