/**
 * Retention metrics: churn and retention rates, renewal rate, period conversion, churn from customer lifetimes.
 * @module retention
 */
export type { Period } from '../internal/periods.js';
export { type ChurnRateInput, churnRate } from './churnRate.js';
export { type ConvertPeriodRateInput, convertPeriodRate } from './convertPeriodRate.js';
export {
  type CustomerChurnInput,
  type CustomerChurnOptions,
  type CustomerChurnResult,
  type CustomerChurnSegmentOptions,
  type CustomerLifetime,
  customerChurn,
  type NewCustomerChurn,
  type MissingSegment,
  type SegmentBy,
  type SegmentEntry,
  type Segmented,
} from './customerChurn.js';
export { type RenewalRateInput, renewalRate } from './renewalRate.js';
export { type RetentionRateInput, retentionRate } from './retentionRate.js';
