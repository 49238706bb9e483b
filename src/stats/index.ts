/**
 * Statistics used by the metrics and for reading them: proportion intervals, comparisons of means, and
 * survey planning.
 * @module stats
 */
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
