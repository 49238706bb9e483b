/**
 * Retention models: Kaplan–Meier survival curves and the shifted-beta-geometric model (double precision).
 * @module models
 */
export {
  type DiscountedExpectedLifetimeInput,
  discountedExpectedLifetime,
} from './discountedExpectedLifetime.js';
export { type DiscountedLifetimeValueInput, discountedLifetimeValue } from './discountedLifetimeValue.js';
export {
  type FitShiftedBetaGeometricInput,
  type FitShiftedBetaGeometricResult,
  fitShiftedBetaGeometric,
} from './fitShiftedBetaGeometric.js';
export {
  type ProjectShiftedBetaGeometricInput,
  type ProjectShiftedBetaGeometricResult,
  projectShiftedBetaGeometric,
} from './projectShiftedBetaGeometric.js';
export {
  type SurvivalCurveInput,
  type SurvivalCurveOptions,
  type SurvivalCurveResult,
  type SurvivalInterval,
  type SurvivalMedian,
  type SurvivalObservation,
  type SurvivalPoint,
  type SurvivalTableRow,
  survivalCurve,
} from './survivalCurve.js';
