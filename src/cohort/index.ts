/**
 * Cohort analysis: retention of customers grouped by when they started.
 * @module cohort
 */
export {
  type CohortPeriod,
  type CohortRetentionInput,
  type CohortRetentionOptions,
  type CohortRetentionResult,
  type CohortRetentionSegmentOptions,
  type CohortRow,
  type CustomerLifetime,
  cohortRetention,
  type MissingSegment,
  type SegmentBy,
  type SegmentEntry,
  type Segmented,
} from './cohortRetention.js';
