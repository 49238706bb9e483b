/**
 * Purchase models for customers who buy without a contract ("buy till you die", Fader, Hardie and
 * colleagues): purchase histories summarised from raw transactions (frequency, recency, age and mean repeat
 * spend, with a holdout period), the purchase-count models fitted by maximum likelihood in log space, and
 * their predictions (double precision).
 * @module purchases
 */
export {
  type SummarizedCustomer,
  type PurchaseTransaction,
  type PurchaseUnit,
  type SummarizePurchasesInput,
  type SummarizePurchasesOptions,
  type SummarizePurchasesResult,
  summarizePurchases,
} from './summarizePurchases.js';
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
export {
  type FitParetoNbdInput,
  type FitParetoNbdOptions,
  type FitParetoNbdResult,
  fitParetoNbd,
} from './fitParetoNbd.js';
export {
  type ExpectedMonetaryValueInput,
  expectedMonetaryValue,
  type GammaGammaModel,
} from './expectedMonetaryValue.js';
export {
  type BetaGeometricBetaBinomialCustomer,
  type BetaGeometricBetaBinomialParameters,
  type FitBetaGeometricBetaBinomialInput,
  type FitBetaGeometricBetaBinomialOptions,
  type FitBetaGeometricBetaBinomialResult,
  fitBetaGeometricBetaBinomial,
} from './fitBetaGeometricBetaBinomial.js';
export {
  type FitGammaGammaInput,
  type FitGammaGammaOptions,
  type FitGammaGammaResult,
  fitGammaGamma,
  type GammaGammaCustomer,
  type GammaGammaParameters,
} from './fitGammaGamma.js';
export {
  type CustomerValue,
  type CustomerValueCustomer,
  type PredictCustomerValueInput,
  type PredictCustomerValueOptions,
  type PredictCustomerValueResult,
  predictCustomerValue,
} from './predictCustomerValue.js';
