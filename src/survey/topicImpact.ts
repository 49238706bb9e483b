import * as z from 'zod/mini';
import { compareNetPromoterScores } from './compareNetPromoterScores.js';
import { eachResponse, ResponseReader, responsesField, type SurveyResponse } from './_lib/responses.js';
import { NPS_SCALE, type NpsCounts } from './_lib/survey.js';
import { MetricError } from '../errors.js';
import { ratioToNumber } from '../internal/exact/integer.js';
import { noData, parse, parseOptions } from '../internal/parse.js';
import { confidence, count } from '../internal/schemas.js';

const METRIC = 'topicImpact';

/** Input of {@link topicImpact}. */
export interface TopicImpactInput {
  /**
   * The answers as records `{ score, topics?, at?, attributes? }`: `score` an integer from 0 to 10, `topics`
   * the topics of the response's comment (non-empty strings; absent or empty when it has none).
   */
  readonly responses: ArrayLike<SurveyResponse>;
}

/** Options of {@link topicImpact}. */
export interface TopicImpactOptions {
  /** Confidence level of each impact's interval, strictly between 0 and 1. Default `0.95`. */
  readonly confidence?: number;
  /** Topics named by fewer responses are flagged `smallSample`. A non-negative integer; default 30. */
  readonly minimumTopicSize?: number;
}

/** One topic of {@link topicImpact}'s result. */
export interface TopicImpactEntry {
  /** The topic, as the responses name it. */
  readonly topic: string;
  /** Number of responses naming the topic (a response naming it twice counts once). */
  readonly responses: number;
  /** responses ÷ all responses, a fraction. */
  readonly share: number;
  /** Responses naming the topic with a score of 9 or 10. */
  readonly promoters: number;
  /** Responses naming the topic with a score of 7 or 8. */
  readonly passives: number;
  /** Responses naming the topic with a score from 0 to 6. */
  readonly detractors: number;
  /** NPS of the responses naming the topic, from −100 to +100. */
  readonly nps: number;
  /** NPS of every other response; `null` when every response names the topic. */
  readonly npsWithout: number | null;
  /**
   * NPS(all) − NPS(all without the topic's responses), in NPS points: what the topic adds to the score
   * (negative: the points it costs). `null` when every response names the topic.
   */
  readonly impact: number | null;
  /**
   * Interval of the impact at `confidence`: share × the Wald interval of NPS(topic) − NPS(rest); `null` when
   * `impact` is, or when both groups fall in one NPS group each (no variance: the test is undefined).
   */
  readonly interval: { readonly low: number; readonly high: number } | null;
  /** Two-sided p-value of "the topic's responses score like the rest" (Wald z test); `null` as `interval`. */
  readonly pValue: number | null;
  /** Whether `pValue` is below 1 − confidence (false when it is `null`). */
  readonly significant: boolean;
  /** Whether `responses` is below `minimumTopicSize`: too few to read much into the figures. */
  readonly smallSample: boolean;
}

/** Result of {@link topicImpact}. */
export interface TopicImpactResult {
  /** NPS of every response, topics or not. */
  readonly score: number;
  /** Number of responses. */
  readonly responses: number;
  /** Responses naming no topic: counted in `score` and in every topic's rest. */
  readonly untagged: number;
  /** The topics, most negative impact first (ties by name, code-unit order); `impact: null` last. */
  readonly topics: readonly TopicImpactEntry[];
  /** The confidence level of the intervals. */
  readonly confidence: number;
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ responses: responsesField }))();
const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ confidence: z.optional(confidence), minimumTopicSize: z.optional(count) }))();

/** The default `minimumTopicSize`, as the segments' `minimumSegmentSize`. */
const MINIMUM_TOPIC_SIZE = 30;

/** Index of a score's NPS group in a topic's counts: 0 promoters, 1 passives, 2 detractors. */
function groupOf(score: number): number {
  if (score >= 9) return 0;
  return score >= 7 ? 1 : 2;
}

function npsOf(groups: NpsCounts): number {
  const n = groups.promoters + groups.passives + groups.detractors;
  return ratioToNumber(100 * (groups.promoters - groups.detractors), n);
}

/** NPS(all) − NPS(rest) as one correctly rounded division of integers. */
function exactImpact(all: NpsCounts, rest: NpsCounts): number {
  const n = BigInt(all.promoters + all.passives + all.detractors);
  const m = BigInt(rest.promoters + rest.passives + rest.detractors);
  const net = BigInt(all.promoters - all.detractors);
  const restNet = BigInt(rest.promoters - rest.detractors);
  return ratioToNumber(100n * (net * m - restNet * n), n * m);
}

/**
 * The Wald test of the topic's responses against the rest, through {@link compareNetPromoterScores}; `null`
 * where it is undefined (both groups without variance).
 */
function waldTest(topic: NpsCounts, rest: NpsCounts, level: number) {
  try {
    return compareNetPromoterScores(topic, rest, { confidence: level });
  } catch (error) {
    if (error instanceof MetricError && error.code === 'NO_DATA') return null;
    throw error;
  }
}

/**
 * Topic impact on the Net Promoter Score: for each topic of the responses' comments, the NPS points it adds
 * or costs.
 *
 * @remarks
 * impact(topic) = NPS(all) − NPS(all without the responses naming the topic). A topic whose responses score
 * below the rest pulls the score down and has a negative impact: the points the score would gain if those
 * responses scored like the rest (more exactly, were not there). Since NPS(all) = s·NPS(topic) + (1 − s)·NPS(rest)
 * with s the topic's share of responses, impact = s × (NPS(topic) − NPS(rest)): a topic matters when it is
 * frequent and when its responses differ from the rest.
 *
 * A response naming several topics counts in each (impacts do not add up to anything); a topic repeated in
 * one response counts once; responses without topics count in the score and in every topic's rest
 * (`untagged`). Topics are listed by impact, most negative first, ties by name; a topic named by every
 * response has no rest, so its `npsWithout`, `impact`, `interval` and `pValue` are `null` and it comes last.
 *
 * The p-value is that of {@link compareNetPromoterScores} on the topic's responses against the rest (two
 * independent groups of respondents, Wald z test), and the interval of the impact is s × that test's
 * interval of NPS(topic) − NPS(rest): it takes the topic's share as given. Both are per topic: with twenty
 * topics, one may pass 0.05 by chance. `smallSample` flags topics named by fewer than `minimumTopicSize`
 * responses (30 by default, as the segments of the survey metrics): the normal interval under-covers there.
 *
 * Scores, impacts and shares are exact (one correctly rounded division of integers); intervals and
 * p-values are double precision.
 *
 * Source: NPS as in {@link netPromoterScore} (F. Reichheld, Harvard Business Review, 2003), computed with
 * and without the topic's responses; the difference and its test as in {@link compareNetPromoterScores}
 * (the variance of NPS of B. Rocks, The American Statistician 70, 2016).
 *
 * Unit: NPS points (−100…100) for `score`, `nps`, `npsWithout`, `impact` and its interval; fractions for
 * `share`; the p-value is a probability.
 *
 * @param input - `{ responses: [{ score, topics? }] }` (records may also carry `at` and `attributes`, as the
 * survey metrics read them).
 * @param options - `{ confidence = 0.95, minimumTopicSize = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a response is not a record, its score is not an integer
 * from 0 to 10 (`['responses', 4, 'score']`), its `topics` is not an array of non-empty strings
 * (`['responses', 4, 'topics']`, `['responses', 4, 'topics', 1]`), another field is bad or unknown, or an
 * option is out of range.
 * @throws {@link MetricError} `NO_DATA` when there are no responses.
 * @example
 * ```ts
 * const result = topicImpact({
 *   responses: [
 *     { score: 10, topics: ['support'] },
 *     { score: 9, topics: ['support', 'features'] },
 *     { score: 3, topics: ['pricing'] },
 *     { score: 5, topics: ['pricing', 'reliability'] },
 *     { score: 8 },
 *   ],
 * });
 * result.score; // => 0
 * result.topics.map((t) => [t.topic, t.responses, t.nps, t.impact]); // => [['pricing', 2, -100, -66.66666666666667], ['reliability', 1, -100, -25], ['features', 1, 100, 25], ['support', 2, 100, 66.66666666666667]]
 * ```
 * @category Survey
 */
export function topicImpact(input: TopicImpactInput, options?: TopicImpactOptions): TopicImpactResult {
  const { responses } = parse(METRIC, inputSchema, input);
  const settings = parseOptions(METRIC, optionsSchema, options);
  const level = settings.confidence ?? 0.95;
  const minimum = settings.minimumTopicSize ?? MINIMUM_TOPIC_SIZE;
  const reader = new ResponseReader(METRIC, NPS_SCALE);
  const ids = new Map<string, number>();
  const names: string[] = [];
  // Three counts per topic (promoters, passives, detractors), and the same for every response.
  const counts: number[] = [];
  const all = [0, 0, 0];
  let untagged = 0;
  eachResponse(responses, reader, () => {
    const group = groupOf(reader.score);
    all[group] = (all[group] as number) + 1;
    const topics = reader.topics;
    if (topics.length === 0) untagged++;
    for (const topic of topics) {
      let id = ids.get(topic);
      if (id === undefined) {
        id = names.length;
        ids.set(topic, id);
        names.push(topic);
        counts.push(0, 0, 0);
      }
      counts[3 * id + group] = (counts[3 * id + group] as number) + 1;
    }
  });
  const whole = groupsAt(all, 0);
  const total = whole.promoters + whole.passives + whole.detractors;
  if (total === 0) noData(METRIC, ['responses'], 'has no responses');
  const topics = names.map((topic, id) => entry(topic, groupsAt(counts, id), whole, total, level, minimum));
  topics.sort(byImpact);
  return { score: npsOf(whole), responses: total, untagged, topics, confidence: level };
}

function groupsAt(counts: readonly number[], id: number): NpsCounts {
  return {
    promoters: counts[3 * id] as number,
    passives: counts[3 * id + 1] as number,
    detractors: counts[3 * id + 2] as number,
  };
}

function entry(
  topic: string,
  groups: NpsCounts,
  whole: NpsCounts,
  total: number,
  level: number,
  minimum: number,
): TopicImpactEntry {
  const size = groups.promoters + groups.passives + groups.detractors;
  const rest = {
    promoters: whole.promoters - groups.promoters,
    passives: whole.passives - groups.passives,
    detractors: whole.detractors - groups.detractors,
  };
  const hasRest = size < total;
  const test = hasRest ? waldTest(groups, rest, level) : null;
  const share = size / total;
  return {
    topic,
    responses: size,
    share,
    ...groups,
    nps: npsOf(groups),
    npsWithout: hasRest ? npsOf(rest) : null,
    impact: hasRest ? exactImpact(whole, rest) : null,
    interval: test === null ? null : { low: share * test.interval.low, high: share * test.interval.high },
    pValue: test === null ? null : test.pValue,
    significant: test?.significant === true,
    smallSample: size < minimum,
  };
}

/** Most negative impact first, `null` last, ties by name in code-unit order. */
function byImpact(a: TopicImpactEntry, b: TopicImpactEntry): number {
  if (a.impact !== b.impact) {
    if (a.impact === null) return 1;
    if (b.impact === null) return -1;
    return a.impact - b.impact;
  }
  if (a.topic === b.topic) return 0;
  return a.topic < b.topic ? -1 : 1;
}
