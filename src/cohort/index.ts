/**
 * Cohort analysis: retention of customers grouped by when they started.
 * @module cohort
 */
export {
  type CohortPeriod,
  type CohortRetentionInput,
  type CohortRetentionOptions,
  type CohortRetentionResult,
  type CohortRow,
  type CustomerLifetime,
  cohortRetention,
} from './cohortRetention.js';
