/**
 * customer-success-metrics: exact, validated, fast customer-success and SaaS metrics.
 *
 * Every function takes one input object and an optional options object, validates both, computes with
 * exact decimal arithmetic and returns plain numbers. Families are also importable on their own
 * (`customer-success-metrics/survey`, …).
 * @module customer-success-metrics
 */

// Errors
export { isMetricError, MetricError, type MetricErrorCode, type MetricIssue } from './errors.js';

// Survey
export {
  type Distribution,
  type NetPromoterScoreInput,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
  netPromoterScore,
} from './survey/index.js';

// Stats
export {
  type WilsonIntervalInput,
  type WilsonIntervalOptions,
  type WilsonIntervalResult,
  wilsonInterval,
} from './stats/index.js';

// Retention

// Cohort

// Revenue

// Value

// Health

// Support

// Engagement

// Models
