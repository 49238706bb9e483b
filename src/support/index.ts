/**
 * Support metrics: response and resolution times, first contact resolution.
 * @module support
 */
export type { DurationSummary } from '../internal/durations.js';
export {
  type FirstContactResolutionRateInput,
  firstContactResolutionRate,
} from './firstContactResolutionRate.js';
export {
  type MissingSegment,
  type SegmentBy,
  type SegmentEntry,
  type Segmented,
  type SupportDurationSummary,
  type SupportResponseTimesInput,
  type SupportResponseTimesOptions,
  type SupportResponseTimesResult,
  type SupportResponseTimesSegmentOptions,
  type SupportTicket,
  supportResponseTimes,
} from './supportResponseTimes.js';
