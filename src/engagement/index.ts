/**
 * Engagement metrics: stickiness, adoption, time to first value, session duration.
 * @module engagement
 */
export { type AdoptionRateInput, adoptionRate } from './adoptionRate.js';
export {
  type AverageSessionDurationInput,
  type AverageSessionDurationOptions,
  averageSessionDuration,
  type Session,
} from './averageSessionDuration.js';
export { type ActivityEvent, type StickinessInput, type StickinessOptions, stickiness } from './stickiness.js';
export {
  type TimeToFirstValueCustomer,
  type TimeToFirstValueInput,
  type TimeToFirstValueOptions,
  type TimeToFirstValueResult,
  timeToFirstValue,
} from './timeToFirstValue.js';
