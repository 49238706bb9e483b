/**
 * Purchase models for customers without a contract ("buy till you die"): maximum-likelihood fits of the
 * BG/BB and Gamma-Gamma models, expected spend and discounted customer value (double precision).
 * @module purchases
 */
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
