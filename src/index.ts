/**
 * customer-success-metrics: exact, validated, fast customer-success and SaaS metrics.
 *
 * Every function takes one input object and an optional options object, validates both, computes with
 * exact decimal arithmetic and returns plain numbers. Families are also importable on their own
 * (`customer-success-metrics/survey`, …).
 * @module customer-success-metrics
 */

// Errors
export { isMetricError, MetricError, type MetricErrorCode, type MetricIssue } from './errors.js';
export type { NoOptions } from './internal/parse.js';

// Survey
export {
  type CompareNetPromoterScoresOptions,
  type CompareNetPromoterScoresResult,
  type CustomerEffortScoreInput,
  type CustomerEffortScoreOptions,
  type CustomerEffortScoreResult,
  type CustomerSatisfactionScoreInput,
  type CustomerSatisfactionScoreOptions,
  type CustomerSatisfactionScoreResult,
  compareNetPromoterScores,
  customerEffortScore,
  customerSatisfactionScore,
  type Distribution,
  mergeDistributions,
  type NetPromoterScoreInput,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
  netPromoterScore,
  type Scale,
  type Scores,
  tallyScores,
} from './survey/index.js';

// Stats
export {
  type WilsonIntervalInput,
  type WilsonIntervalOptions,
  type WilsonIntervalResult,
  wilsonInterval,
} from './stats/index.js';

// Retention
export {
  type ChurnRateInput,
  type ConvertPeriodRateInput,
  type CustomerChurnInput,
  type CustomerChurnOptions,
  type CustomerChurnResult,
  type NewCustomerChurn,
  type CustomerLifetime,
  churnRate,
  convertPeriodRate,
  customerChurn,
  type Period,
  type RenewalRateInput,
  type RetentionRateInput,
  renewalRate,
  retentionRate,
} from './retention/index.js';

// Cohort
export {
  type CohortPeriod,
  type CohortRetentionInput,
  type CohortRetentionOptions,
  type CohortRetentionResult,
  type CohortRow,
  cohortRetention,
} from './cohort/index.js';

// Revenue
export {
  type AnnualRecurringRevenueInput,
  type AnnualRecurringRevenuePerCsmInput,
  type AverageRevenuePerAccountInput,
  annualRecurringRevenue,
  annualRecurringRevenuePerCsm,
  averageRevenuePerAccount,
  type BillingInterval,
  type CohortMrr,
  type CommittedRecurringRevenueInput,
  type CommittedRecurringRevenueOptions,
  type CommittedRecurringRevenueResult,
  committedRecurringRevenue,
  type CustomerMovement,
  type CustomerMrr,
  type DatedRate,
  type DateInput,
  type Discount,
  type ExchangeRates,
  type FullPeriod,
  type GrossRevenueRetentionInput,
  grossRevenueRetention,
  type InvoiceLine,
  type InvoiceLineKind,
  type InvoiceRevenueSeriesInput,
  type InvoiceRevenueSeriesOptions,
  type InvoiceRevenueSeriesRow,
  invoiceRevenueSeries,
  type LineRounding,
  type MonthlyAmountInput,
  type MonthlyAmountOptions,
  type MonthlyRecurringRevenueInput,
  type MonthlyRecurringRevenueOptions,
  type MrrMovement,
  monthlyAmount,
  monthlyRecurringRevenue,
  type NetRevenueRetentionInput,
  netRevenueRetention,
  type Price,
  type PricePolicies,
  type QuickRatioInput,
  quickRatio,
  type RateFunction,
  type RecurringRevenueSeriesInput,
  type RecurringRevenueSeriesOptions,
  type RecurringRevenueSeriesRow,
  type SeriesPeriod,
  type RetentionPeriod,
  type RevenueChurnRateInput,
  type RevenueChurnRateOptions,
  type RevenueCohort,
  type RevenueCohortsInput,
  type RevenueCohortsOptions,
  type RevenueCohortsResult,
  type RevenueMovementsInput,
  type RevenueMovementsOptions,
  type RevenueMovementsResult,
  type RevenueRetentionInput,
  recurringRevenueSeries,
  revenueChurnRate,
  revenueCohorts,
  revenueMovements,
  type ScheduledCancellation,
  type SubscriptionPolicies,
  type SubscriptionRecord,
  type SubscriptionStatus,
  type TrialConversionInput,
  type TrialConversionOptions,
  type TrialConversionResult,
  type TrialRecord,
  trialConversion,
  type UsagePolicy,
} from './revenue/index.js';

// Value
export {
  type CacPaybackPeriodInput,
  type CustomerAcquisitionCostInput,
  type CustomerLifetimeValueInput,
  type CustomerRetentionCostInput,
  HEALTHY_LTV_TO_CAC_RATIO,
  type LifetimeValueFromChurnInput,
  type LtvToCacRatioInput,
  cacPaybackPeriod,
  customerAcquisitionCost,
  customerLifetimeValue,
  customerRetentionCost,
  lifetimeValueFromChurn,
  ltvToCacRatio,
} from './value/index.js';

// Health
export {
  createHealthScore,
  type HealthBandChurn,
  type HealthBands,
  type HealthDistributionInput,
  type HealthDistributionResult,
  type HealthMeasure,
  type HealthMeasureScore,
  type HealthMissingPolicy,
  type HealthScale,
  type HealthScoreCalibrationInput,
  type HealthScoreCalibrationOptions,
  type HealthScoreCalibrationResult,
  type HealthScoreConfig,
  type HealthScorer,
  type HealthScoreResult,
  type HealthScores,
  type HealthStatus,
  type HealthStatusCount,
  type HealthValues,
  healthDistribution,
  healthScoreCalibration,
} from './health/index.js';

// Support
export {
  type DurationSummary,
  type FirstContactResolutionRateInput,
  firstContactResolutionRate,
  type SupportDurationSummary,
  type SupportResponseTimesInput,
  type SupportResponseTimesOptions,
  type SupportResponseTimesResult,
  type SupportTicket,
  supportResponseTimes,
} from './support/index.js';

// Engagement
export {
  type ActivityEvent,
  type AdoptionRateInput,
  type AverageSessionDurationInput,
  type AverageSessionDurationOptions,
  adoptionRate,
  averageSessionDuration,
  type Session,
  type StickinessInput,
  type StickinessOptions,
  stickiness,
  type TimeToFirstValueCustomer,
  type TimeToFirstValueInput,
  type TimeToFirstValueOptions,
  type TimeToFirstValueResult,
  timeToFirstValue,
} from './engagement/index.js';

// Models
export {
  type ChurnRateFromSurvivalInput,
  type CurvePoint,
  churnRateFromSurvival,
  type DiscountedExpectedLifetimeInput,
  type DiscountedLifetimeValueInput,
  discountedExpectedLifetime,
  discountedLifetimeValue,
  type FitShiftedBetaGeometricInput,
  type FitShiftedBetaGeometricResult,
  fitShiftedBetaGeometric,
  type LifetimeObservationsInput,
  type LifetimeObservationsOptions,
  type LifetimeObservationsResult,
  type LifetimeUnit,
  lifetimeObservations,
  type ProjectShiftedBetaGeometricInput,
  type ProjectShiftedBetaGeometricResult,
  projectShiftedBetaGeometric,
  type SurvivalCurveInput,
  type SurvivalCurveOptions,
  type SurvivalCurveResult,
  type SurvivalInterval,
  type SurvivalMedian,
  type SurvivalObservation,
  type SurvivalPoint,
  type SurvivalAtInput,
  type SurvivalAtOptions,
  type SurvivalTableRow,
  type SurvivorsByPeriodInput,
  type SurvivorsByPeriodOptions,
  type SurvivorsByPeriodResult,
  survivalAt,
  survivalCurve,
  survivorsByPeriod,
} from './models/index.js';
