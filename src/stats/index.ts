/**
 * Statistics used by the metrics: proportion intervals, comparisons of proportions, multiple-comparison
 * adjustment.
 * @module stats
 */
export { type AdjustPValuesOptions, adjustPValues } from './adjustPValues.js';
export {
  type CompareProportionsInput,
  type CompareProportionsOptions,
  type CompareProportionsResult,
  compareProportions,
  type ProportionCounts,
} from './compareProportions.js';
export {
  type WilsonIntervalInput,
  type WilsonIntervalOptions,
  type WilsonIntervalResult,
  wilsonInterval,
} from './wilsonInterval.js';
