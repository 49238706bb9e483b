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
} from './fitBetaGeometricNbd.js';
export type { Customers, PurchaseHistory, PurchaseHistoryColumns } from './_lib/customers.js';
export {
  type ExpectedPurchasesInput,
  expectedPurchases,
} from './expectedPurchases.js';
export { type ProbabilityAliveInput, probabilityAlive } from './probabilityAlive.js';
export { type PurchaseCountProbabilityInput, purchaseCountProbability } from './purchaseCountProbability.js';
export type { FittedPurchaseModel, PurchaseModel } from './_lib/predictionInput.js';
