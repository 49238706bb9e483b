/**
 * Customer health scores: configurable scorecards, traffic-light bands, calibration against churn.
 * @module health
 */
export {
  createHealthScore,
  type HealthMeasure,
  type HealthMeasureScore,
  type HealthMissingPolicy,
  type HealthScale,
  type HealthScoreConfig,
  type HealthScorer,
  type HealthScoreResult,
  type HealthScores,
  type HealthValues,
} from './createHealthScore.js';
export type { HealthBands, HealthStatus } from './_lib/bands.js';
export {
  type HealthAccount,
  type HealthDistributionInput,
  type HealthDistributionResult,
  type HealthDistributionSegmentOptions,
  type HealthStatusCount,
  healthDistribution,
  type MissingSegment,
  type SegmentBy,
  type SegmentEntry,
  type Segmented,
} from './healthDistribution.js';
export {
  type HealthBandChurn,
  type HealthScoreCalibrationInput,
  type HealthScoreCalibrationOptions,
  type HealthScoreCalibrationResult,
  healthScoreCalibration,
} from './healthScoreCalibration.js';
