/**
 * Statistics used by the metrics: proportion intervals.
 * @module stats
 */
export {
  type WilsonIntervalInput,
  type WilsonIntervalOptions,
  type WilsonIntervalResult,
  wilsonInterval,
} from './wilsonInterval.js';
