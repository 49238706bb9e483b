/**
 * Retention models: Kaplan–Meier survival curves, their comparison (log-rank tests), the Nelson–Aalen
 * cumulative hazard, restricted mean lifetimes and the shifted-beta-geometric model (double precision), and the
 * observations and cohort counts they are computed from.
 * @module models
 */
export { type ChurnRateFromSurvivalInput, churnRateFromSurvival } from './churnRateFromSurvival.js';
export {
  type CompareSurvivalCurvesInput,
  type CompareSurvivalCurvesOptions,
  type CompareSurvivalCurvesResult,
  compareSurvivalCurves,
  type LogRankWeights,
  type SurvivalGroupComparison,
} from './compareSurvivalCurves.js';
export {
  type CumulativeHazardColumns,
  type CumulativeHazardColumnsResult,
  type CumulativeHazardInput,
  type CumulativeHazardOptions,
  type CumulativeHazardPoint,
  type CumulativeHazardResult,
  cumulativeHazard,
} from './cumulativeHazard.js';
export {
  type DiscountedExpectedLifetimeInput,
  discountedExpectedLifetime,
} from './discountedExpectedLifetime.js';
export { type DiscountedLifetimeValueInput, discountedLifetimeValue } from './discountedLifetimeValue.js';
export {
  type FitProportionalHazardsInput,
  type FitProportionalHazardsOptions,
  type FitProportionalHazardsResult,
  fitProportionalHazards,
  type ProportionalHazardsCoefficient,
  type ProportionalHazardsObservation,
} from './fitProportionalHazards.js';
export {
  type FitShiftedBetaGeometricInput,
  type FitShiftedBetaGeometricResult,
  fitShiftedBetaGeometric,
} from './fitShiftedBetaGeometric.js';
export {
  type CustomerLifetime,
  type LifetimeObservationsInput,
  type LifetimeObservationsOptions,
  type LifetimeObservationsResult,
  type LifetimeUnit,
  lifetimeObservations,
} from './lifetimeObservations.js';
export {
  type ProjectShiftedBetaGeometricInput,
  type ProjectShiftedBetaGeometricResult,
  projectShiftedBetaGeometric,
} from './projectShiftedBetaGeometric.js';
export {
  type RestrictedMeanSurvivalInput,
  type RestrictedMeanSurvivalOptions,
  type RestrictedMeanSurvivalResult,
  restrictedMeanSurvival,
} from './restrictedMeanSurvival.js';
export {
  type ComparedSurvivalCurves,
  type MissingSegment,
  type SegmentBy,
  type SegmentEntry,
  type Segmented,
  type SurvivalCurveInput,
  type SurvivalCurveSegmentOptions,
  type SurvivalCurveSegments,
  type SurvivalCurveOptions,
  type SurvivalCurveResult,
  type SurvivalInterval,
  type SurvivalMedian,
  type SurvivalObservation,
  type SurvivalPoint,
  type SurvivalTableRow,
  survivalCurve,
} from './survivalCurve.js';
export { type CurvePoint, type SurvivalAtInput, type SurvivalAtOptions, survivalAt } from './survivalAt.js';
export {
  type SurvivorsByPeriodInput,
  type SurvivorsByPeriodOptions,
  type SurvivorsByPeriodResult,
  survivorsByPeriod,
} from './survivorsByPeriod.js';
