/**
 * Survey metrics: Net Promoter Score, customer satisfaction, customer effort, with confidence intervals.
 * @module survey
 */
export type { Distribution } from './_lib/distribution.js';
export type { Scale } from '../internal/schemas.js';
export type { SurveyResponse } from './_lib/responses.js';
export type { Scores } from './_lib/survey.js';
export type { ScoreAttributeColumn, ScoreAttributes } from './_lib/segmentColumns.js';
export type { SegmentedSurveyResult, SurveySegment, SurveySegmentOptions } from './_lib/segmentedResult.js';
export {
  type CompareNetPromoterScoresOptions,
  type CompareNetPromoterScoresResult,
  compareNetPromoterScores,
} from './compareNetPromoterScores.js';
export {
  type CustomerEffortScoreInput,
  type CustomerEffortScoreOptions,
  type CustomerEffortScoreResult,
  type CustomerEffortScoreSegmentOptions,
  customerEffortScore,
} from './customerEffortScore.js';
export {
  type CustomerSatisfactionScoreInput,
  type CustomerSatisfactionScoreOptions,
  type CustomerSatisfactionScoreResult,
  type CustomerSatisfactionScoreSegmentOptions,
  customerSatisfactionScore,
} from './customerSatisfactionScore.js';
export { mergeDistributions } from './mergeDistributions.js';
export {
  type NetPromoterScoreInput,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
  type NetPromoterScoreSegmentOptions,
  netPromoterScore,
} from './netPromoterScore.js';
export {
  type SurveyTrendInput,
  type SurveyTrendOptions,
  type SurveyTrendResult,
  type SurveyTrendRow,
  surveyTrend,
  type TalliedPeriod,
  type TrendChange,
  type TrendResponse,
} from './surveyTrend.js';
export { tallyScores } from './tallyScores.js';
export {
  type TopicImpactEntry,
  type TopicImpactInput,
  type TopicImpactOptions,
  type TopicImpactResult,
  topicImpact,
} from './topicImpact.js';
