// What the survey metrics share: reading `{ scores }` or `{ distribution }` on a scale into counts, and
// the Net Promoter Score's core.
//
// Survey metrics are ratios of integer counts, and need no decimal arithmetic to be exact: counts and sums
// of integer scores are exact doubles below 2^53, and one IEEE division of two exact integers is correctly
// rounded, so `a / b` *is* the exact ratio rounded to the nearest double (what `Exact` then `toNumber`
// would give, without the double rounding). Keeping decimal.js out of this family keeps a browser bundle
// of one survey function near 8 kB.
import * as z from 'zod/mini';
import { countBetween, type Distribution, readDistribution, tallyValues } from './distribution.js';
import { responsesField, type SurveyResponse, tallyResponses } from './responses.js';
import { attributesField } from './segmentColumns.js';
import { bulkArray, invalid, noData, parseForm, type Schema } from '../../internal/parse.js';
import { count, type Scale, scale } from '../../internal/schemas.js';
import { ratioToNumber } from '../../internal/exact/integer.js';

export type { Distribution } from './distribution.js';

/**
 * Raw survey answers: an array or typed array of integer scores, one per response, each a point of the
 * survey's scale (0–10 for the Net Promoter Score).
 */
export type Scores = ArrayLike<number>;

/** The `scores` field schema: an array or typed array, its elements checked by the tally loop. */
export const scoresField = /* @__PURE__ */ (() => bulkArray<number>('an array or typed array of scores'))();

/** The `distribution` field schema: an object or array, its entries checked by `readDistribution`. */
export const distributionField: Schema<Distribution> = /* @__PURE__ */ (() =>
  z.custom<Distribution>((value) => typeof value === 'object' && value !== null, {
    error: 'must be an object of counts keyed by score, or an array of counts',
  }))();

/** Counts per score from any form (scores, responses or a distribution); `NO_DATA` when there are no responses. */
export function surveyCounts(
  metric: string,
  parsed: {
    scores?: Scores | undefined;
    distribution?: Distribution | undefined;
    responses?: ArrayLike<SurveyResponse> | undefined;
  },
  range: Scale,
  prefix: readonly (string | number)[] = [],
): { counts: Float64Array; responses: number } {
  let field = 'distribution';
  let counts: Float64Array;
  if (parsed.scores !== undefined) {
    field = 'scores';
    counts = tallyValues(metric, parsed.scores, range, [...prefix, field]);
  } else if (parsed.responses !== undefined) {
    field = 'responses';
    counts = tallyResponses(metric, parsed.responses, range, prefix);
  } else counts = readDistribution(metric, parsed.distribution, range, [...prefix, field]);
  let responses = 0;
  for (let i = 0; i < counts.length; i++) responses += counts[i] as number;
  if (responses === 0) noData(metric, [...prefix, field], 'has no responses');
  return { counts, responses };
}

/**
 * Mean score of a distribution, exact to the nearest double: the sum of scores is kept in integers (a
 * BigInt once it passes 2^53) and divided once, correctly rounded.
 */
export function meanScore(counts: Float64Array, range: Scale, responses: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += (counts[i] as number) * (range.min + i);
  if (Number.isSafeInteger(total)) return total / responses;
  let big = 0n;
  for (let i = 0; i < counts.length; i++) big += BigInt(counts[i] as number) * BigInt(range.min + i);
  return ratioToNumber(big, BigInt(responses));
}

/** The three NPS group counts, as every NPS input reduces to them. */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/** Schema of the counts form `{ promoters, passives, detractors }`. */
export const npsCountsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ promoters: count, passives: count, detractors: count }))();

/** Score, shares and standard error of an NPS sample, exact until the final conversion. */
export interface NpsCore {
  readonly responses: number;
  readonly score: number;
  readonly promoterShare: number;
  readonly passiveShare: number;
  readonly detractorShare: number;
  readonly standardError: number;
}

/**
 * NPS and its standard error on the −100…100 scale. Each response is +1 (promoter), 0 or −1 (detractor);
 * with shares p and d of n responses, NPS = 100(p − d) and the standard error is
 * 100 · √((p + d − (p − d)²) ÷ n), the standard error of a mean of n such values.
 */
export function npsCore(metric: string, groups: NpsCounts, prefix: readonly (string | number)[] = []): NpsCore {
  const { promoters, passives, detractors } = groups;
  const responses = promoters + passives + detractors;
  if (!Number.isSafeInteger(responses)) invalid(metric, prefix, 'totals more than 2^53 − 1 responses');
  if (responses === 0) noData(metric, prefix, 'has no responses');
  const net = promoters - detractors;
  // 100·(P − D) is an exact integer below 2^53, so one division gives the correctly rounded score.
  const score = Number.isSafeInteger(100 * net) ? (100 * net) / responses : (net / responses) * 100;
  // n²·variance = (P + D)·n − (P − D)², an integer computed exactly in BigInt (it can pass 2^53).
  const n = BigInt(responses);
  const scaled = BigInt(promoters + detractors) * n - BigInt(net) * BigInt(net);
  return {
    responses,
    score,
    promoterShare: promoters / responses,
    passiveShare: passives / responses,
    detractorShare: detractors / responses,
    standardError: (100 * Math.sqrt(Number(scaled))) / (responses * Math.sqrt(responses)),
  };
}

/** Centre and standard error of the adjusted-Wald NPS estimate, in NPS points. */
export interface AdjustedNpsEstimate {
  readonly center: number;
  readonly standardError: number;
}

/**
 * The adjusted-Wald estimate of Rocks (2016): ¾ of a promoter and ¾ of a detractor are added and n grows
 * by 3, so p̂ = (P + ¾) ÷ (n + 3) and d̂ = (D + ¾) ÷ (n + 3). The centre 100·(p̂ − d̂) is 100·(P − D) ÷ (n + 3)
 * (the ¾ cancel) and the standard error 100 · √((p̂ + d̂ − (p̂ − d̂)²) ÷ (n + 3)). With m = n + 3,
 * 2m³ · (p̂ + d̂ − (p̂ − d̂)²) ÷ m = 2m(P + D) + 3m − 2(P − D)², an integer kept exact in BigInt; it is at
 * least 3m > 0, so the standard error is never 0. `groups` are checked counts (see {@link npsCore}).
 */
export function adjustedNpsEstimate(groups: NpsCounts): AdjustedNpsEstimate {
  const { promoters, passives, detractors } = groups;
  const adjusted = promoters + passives + detractors + 3;
  const net = promoters - detractors;
  const center = Number.isSafeInteger(100 * net) ? (100 * net) / adjusted : (net / adjusted) * 100;
  // Below 2^25 responses every term is an integer under 2^52, exact in doubles; above, BigInt keeps it exact.
  const scaled =
    adjusted < 2 ** 25
      ? 2 * adjusted * (promoters + detractors) + 3 * adjusted - 2 * net * net
      : Number(
          2n * BigInt(adjusted) * BigInt(promoters + detractors) +
            3n * BigInt(adjusted) -
            2n * BigInt(net) * BigInt(net),
        );
  return { center, standardError: (100 * Math.sqrt(scaled)) / (adjusted * Math.sqrt(2 * adjusted)) };
}

/** The 0–10 scale of the Net Promoter Score. */
export const NPS_SCALE: Scale = { min: 0, max: 10 };

const npsForms = /* @__PURE__ */ (() =>
  [
    { key: 'scores', schema: z.strictObject({ scores: scoresField }) },
    { key: 'responses', schema: z.strictObject({ responses: responsesField }) },
    { key: 'distribution', schema: z.strictObject({ distribution: distributionField }) },
    { key: 'promoters', schema: npsCountsSchema },
  ] as const)();

/** The forms of `netPromoterScore`'s input: scores with their attributes, or responses, for `segmentBy`. */
export const npsResponseForms = /* @__PURE__ */ (() =>
  [
    {
      key: 'scores',
      schema: z.strictObject({ scores: scoresField, attributes: z.optional(attributesField) }),
    },
    { key: 'responses', schema: z.strictObject({ responses: responsesField }) },
    { key: 'distribution', schema: z.strictObject({ distribution: distributionField }) },
    { key: 'promoters', schema: npsCountsSchema },
  ] as const)();

/** The three group counts of any NPS input. */
export function npsGroups(metric: string, input: unknown, prefix: readonly (string | number)[] = []): NpsCounts {
  const parsed = parseForm(metric, npsForms, input, prefix);
  if (parsed.form === 'promoters') return parsed.value;
  const { counts } = surveyCounts(metric, parsed.value, NPS_SCALE, prefix);
  return npsGroupsOf(counts);
}

/** The three group counts of a 0–10 distribution (11 counts, the first for 0). */
export function npsGroupsOf(counts: Float64Array): NpsCounts {
  return {
    promoters: countBetween(counts, NPS_SCALE, 9, 10),
    passives: countBetween(counts, NPS_SCALE, 7, 8),
    detractors: countBetween(counts, NPS_SCALE, 0, 6),
  };
}

/** The forms of a survey on a configurable scale: `{ scores, scale? }`, `{ responses, scale? }`, `{ distribution, scale? }`. */
export const scaledSurveyForms = /* @__PURE__ */ (() =>
  [
    {
      key: 'scores',
      schema: z.strictObject({
        scores: scoresField,
        scale: z.optional(scale),
        attributes: z.optional(attributesField),
      }),
    },
    { key: 'responses', schema: z.strictObject({ responses: responsesField, scale: z.optional(scale) }) },
    { key: 'distribution', schema: z.strictObject({ distribution: distributionField, scale: z.optional(scale) }) },
  ] as const)();

/**
 * A threshold option on a scale: the caller's value, else the conventional default for this scale (looked
 * up by `key`), else `INVALID_INPUT` naming the option; always a point of the scale.
 */
export function thresholdOnScale(
  metric: string,
  option: string,
  given: number | undefined,
  defaults: Readonly<Record<string, number>>,
  key: string,
  range: Scale,
  context: string,
): number {
  const threshold = given ?? defaults[key];
  if (threshold === undefined) {
    invalid(
      metric,
      [option],
      `is required for a ${range.min}–${range.max} scale${context}: there is no default`,
      'options',
    );
  }
  if (threshold < range.min || threshold > range.max) {
    invalid(metric, [option], `must be a score on the ${range.min}–${range.max} scale`, 'options');
  }
  return threshold;
}
