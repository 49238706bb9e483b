/**
 * Purchase models for customers without a contract ("buy till you die"): the BG/NBD model fitted by maximum
 * likelihood in log space (double precision) and its predictions.
 * @module purchases
 */
export {
  type BetaGeometricNbdModel,
  type FitBetaGeometricNbdInput,
  type FitBetaGeometricNbdOptions,
  fitBetaGeometricNbd,
  type PurchaseHistory,
  type PurchaseHistoryColumns,
} from './fitBetaGeometricNbd.js';
