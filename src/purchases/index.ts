/**
 * Purchase models for customers without a contract ("buy till you die"): fits of the Pareto/NBD model to
 * customers' repeat purchases, recency and age (double precision).
 * @module purchases
 */
export {
  type CustomerHistory,
  type FitParetoNbdInput,
  type FitParetoNbdOptions,
  type FitParetoNbdResult,
  fitParetoNbd,
} from './fitParetoNbd.js';
