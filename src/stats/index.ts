/**
 * Statistics used by the metrics and for reading them: proportion intervals, comparisons of proportions and
 * of means, multiple-comparison adjustment, and survey planning.
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
  type CompareMeansGroup,
  type CompareMeansInput,
  type CompareMeansOptions,
  type CompareMeansResult,
  compareMeans,
} from './compareMeans.js';
export {
  type RequiredSampleSizeInput,
  type RequiredSampleSizeOptions,
  type RequiredSampleSizeResult,
  requiredSampleSize,
} from './requiredSampleSize.js';
export {
  type WilsonIntervalInput,
  type WilsonIntervalOptions,
  type WilsonIntervalResult,
  wilsonInterval,
} from './wilsonInterval.js';
