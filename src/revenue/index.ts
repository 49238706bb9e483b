/**
 * Revenue metrics: MRR and ARR from subscriptions, MRR movements, NRR, GRR, revenue churn, ARPA, quick ratio,
 * trial-to-paid conversion, committed MRR, revenue cohorts.
 * @module revenue
 */
export {
  type AnnualRecurringRevenueInput,
  annualRecurringRevenue,
} from './annualRecurringRevenue.js';
export {
  type AnnualRecurringRevenuePerCsmInput,
  annualRecurringRevenuePerCsm,
} from './annualRecurringRevenuePerCsm.js';
export {
  type AverageRevenuePerAccountInput,
  averageRevenuePerAccount,
} from './averageRevenuePerAccount.js';
export {
  type CommittedRecurringRevenueInput,
  type CommittedRecurringRevenueOptions,
  type CommittedRecurringRevenueResult,
  committedRecurringRevenue,
  type ScheduledCancellation,
} from './committedRecurringRevenue.js';
export { type GrossRevenueRetentionInput, grossRevenueRetention } from './grossRevenueRetention.js';
export {
  type FullPeriod,
  type InvoiceLine,
  type InvoiceLineKind,
  type InvoiceRevenueSeriesInput,
  type InvoiceRevenueSeriesOptions,
  type InvoiceRevenueSeriesRow,
  invoiceRevenueSeries,
  type UsagePolicy,
} from './invoiceRevenueSeries.js';
export { type MonthlyAmountInput, type MonthlyAmountOptions, monthlyAmount } from './monthlyAmount.js';
export {
  type MonthlyRecurringRevenueInput,
  type MonthlyRecurringRevenueOptions,
  monthlyRecurringRevenue,
} from './monthlyRecurringRevenue.js';
export {
  type CohortMrr,
  type NetRevenueRetentionInput,
  netRevenueRetention,
  type RetentionPeriod,
  type RevenueRetentionInput,
} from './netRevenueRetention.js';
export { type QuickRatioInput, quickRatio } from './quickRatio.js';
export {
  type CustomerMovementDetail,
  type RecurringRevenueSeriesInput,
  type RecurringRevenueSeriesOptions,
  type RecurringRevenueSeriesRow,
  type SeriesPeriod,
  recurringRevenueSeries,
} from './recurringRevenueSeries.js';
export {
  type RevenueCohort,
  type RevenueCohortsInput,
  type RevenueCohortsOptions,
  type RevenueCohortsResult,
  revenueCohorts,
} from './revenueCohorts.js';
export {
  type RevenueChurnRateInput,
  type RevenueChurnRateOptions,
  revenueChurnRate,
} from './revenueChurnRate.js';
export {
  type CustomerMovement,
  type CustomerMrr,
  type MrrMovement,
  type RevenueMovementsInput,
  type RevenueMovementsOptions,
  type RevenueMovementsResult,
  revenueMovements,
} from './revenueMovements.js';
export {
  type RevenueSegment,
  type SegmentedRevenueSeriesInput,
  type SegmentedRevenueSeriesOptions,
  type SegmentedRevenueSeriesResult,
  type SegmentedRevenueSeriesRow,
  segmentedRevenueSeries,
} from './segmentedRevenueSeries.js';
export {
  type TrialConversionInput,
  type TrialConversionOptions,
  type TrialConversionResult,
  type TrialRecord,
  trialConversion,
} from './trialConversion.js';
export type { DateInput } from '../internal/dates.js';
export type { DatedRate, ExchangeRates, RateFunction } from './_lib/exchangeRates.js';
export type {
  BillingInterval,
  Discount,
  LineRounding,
  Price,
  PricePolicies,
  SubscriptionPolicies,
  SubscriptionRecord,
  SubscriptionStatus,
} from './_lib/subscriptionSchema.js';
