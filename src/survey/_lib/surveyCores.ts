// The last step of each survey metric: its result from counts already checked, with its options already
// parsed. The public functions and surveyTrend's rows both go through these, so a trend row is the public
// function's result by construction (one options parse per call, not one per row).
import { countBetween } from './distribution.js';
import { adjustedNpsEstimate, meanScore, type NpsCounts, npsCore, thresholdOnScale } from './survey.js';
import type { CompareNetPromoterScoresResult } from '../compareNetPromoterScores.js';
import type { CustomerEffortScoreResult } from '../customerEffortScore.js';
import type { CustomerSatisfactionScoreResult } from '../customerSatisfactionScore.js';
import type { NetPromoterScoreResult } from '../netPromoterScore.js';
import { ratioToNumber } from '../../internal/exact/integer.js';
import { criticalValue, normalUpperTail } from '../../internal/normal.js';
import { noData } from '../../internal/parse.js';
import type { Scale } from '../../internal/schemas.js';
import { wilson } from '../../internal/wilson.js';

/** NPS from the three group counts: the last step of every netPromoterScore call, segment by segment. */
export function npsResult(groups: NpsCounts, level: number, method: 'adjusted-wald' | 'wald'): NetPromoterScoreResult {
  const core = npsCore('netPromoterScore', groups);
  const { center, standardError } =
    method === 'wald' ? { center: core.score, standardError: core.standardError } : adjustedNpsEstimate(groups);
  const marginOfError = criticalValue(level) * standardError;
  return {
    score: core.score,
    responses: core.responses,
    promoters: groups.promoters,
    passives: groups.passives,
    detractors: groups.detractors,
    promoterShare: core.promoterShare,
    passiveShare: core.passiveShare,
    detractorShare: core.detractorShare,
    standardError,
    marginOfError,
    center,
    interval: {
      low: Math.max(-100, center - marginOfError),
      high: Math.min(100, center + marginOfError),
    },
    intervalMethod: method,
    confidence: level,
  };
}

const COMPARE = 'compareNetPromoterScores';

/** a − b in NPS points, computed on integers and rounded once. */
function exactDifference(a: NpsCounts, b: NpsCounts): number {
  const na = BigInt(a.promoters + a.passives + a.detractors);
  const nb = BigInt(b.promoters + b.passives + b.detractors);
  const numerator = 100n * (BigInt(a.promoters - a.detractors) * nb - BigInt(b.promoters - b.detractors) * na);
  return ratioToNumber(numerator, na * nb);
}

/** The two-sample Wald test of two NPS samples given by their group counts (compareNetPromoterScores). */
export function compareNpsGroups(a: NpsCounts, b: NpsCounts, level: number): CompareNetPromoterScoresResult {
  const first = npsCore(COMPARE, a, ['a']);
  const second = npsCore(COMPARE, b, ['b']);
  const difference = exactDifference(a, b);
  const standardError = Math.hypot(first.standardError, second.standardError);
  if (standardError === 0) {
    noData(COMPARE, [], 'has zero variance in both samples (each falls in one group): the test is undefined');
  }
  const z = difference / standardError;
  const margin = criticalValue(level) * standardError;
  const pValue = Math.min(1, 2 * normalUpperTail(Math.abs(z)));
  return {
    difference,
    standardError,
    z,
    pValue,
    interval: { low: Math.max(-200, difference - margin), high: Math.min(200, difference + margin) },
    significant: pValue < 1 - level,
    confidence: level,
  };
}

/** The top-box thresholds of the source documents, keyed by `min–max`. */
const DEFAULT_SATISFIED_FROM: Readonly<Record<string, number>> = { '1-5': 4, '1-7': 6, '1-10': 7 };

/**
 * CSAT's result builder for a scale: the threshold checked once (an error is customerSatisfactionScore's), then
 * one result per distribution of `responses` > 0 answers.
 */
export function satisfactionScorer(
  range: Scale,
  satisfiedFromOption: number | undefined,
  level: number,
): (counts: Float64Array, responses: number) => CustomerSatisfactionScoreResult {
  const satisfiedFrom = thresholdOnScale(
    'customerSatisfactionScore',
    'satisfiedFrom',
    satisfiedFromOption,
    DEFAULT_SATISFIED_FROM,
    `${range.min}-${range.max}`,
    range,
    '',
  );
  return (counts, responses) => {
    const satisfied = countBetween(counts, range, satisfiedFrom, range.max);
    return {
      score: satisfied / responses,
      satisfied,
      responses,
      average: meanScore(counts, range, responses),
      satisfiedFrom,
      interval: wilson(satisfied, responses, level),
      confidence: level,
    };
  };
}

const DEFAULT_EASY_FROM: Readonly<Record<string, number>> = {
  'higher 1-7': 5,
  'higher 1-5': 4,
  'lower 1-5': 2,
  'lower 1-7': 3,
};

/** CES's result builder for a scale and direction: the threshold checked once (see satisfactionScorer). */
export function effortScorer(
  range: Scale,
  easyFromOption: number | undefined,
  higherIsEasierOption: boolean | undefined,
  level: number,
): (counts: Float64Array, responses: number) => CustomerEffortScoreResult {
  const higherIsEasier = higherIsEasierOption ?? true;
  const direction = higherIsEasier ? 'higher' : 'lower';
  const easyFrom = thresholdOnScale(
    'customerEffortScore',
    'easyFrom',
    easyFromOption,
    DEFAULT_EASY_FROM,
    `${direction} ${range.min}-${range.max}`,
    range,
    ` where ${direction} is easier`,
  );
  return (counts, responses) => {
    const easy = higherIsEasier
      ? countBetween(counts, range, easyFrom, range.max)
      : countBetween(counts, range, range.min, easyFrom);
    return {
      average: meanScore(counts, range, responses),
      easyShare: easy / responses,
      easy,
      responses,
      easyFrom,
      higherIsEasier,
      interval: wilson(easy, responses, level),
      confidence: level,
    };
  };
}
