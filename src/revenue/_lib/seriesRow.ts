// The row type of the MRR series, shared by the subscription, segmented and invoice series.
import type { CustomerMovementDetail } from './movementDetails.js';

/**
 * One period (a month by default) of {@link recurringRevenueSeries}. Money is per month, in the target
 * currency. The movements of a quarter or a year are the sums of its months' movements.
 */
export interface RecurringRevenueSeriesRow {
  /** The last month the row covers, `YYYY-MM`: MRR, ARR, customers and ARPA are measured at its end. */
  readonly month: string;
  /** MRR at the end of the month's last day. */
  readonly mrr: number;
  /** 12 × mrr. */
  readonly arr: number;
  /** Paying customers (MRR above 0) at the end of the month. */
  readonly customers: number;
  /** MRR at the end of the month before the row's first month. */
  readonly startingMrr: number;
  /** Paying customers at the end of the month before the row's first month. */
  readonly startingCustomers: number;
  /** MRR of customers who pay for the first time. */
  readonly newMrr: number;
  /** Increases of customers who paid in the previous month and still pay. */
  readonly expansionMrr: number;
  /** Decreases of customers who paid in the previous month and still pay (a positive amount). */
  readonly contractionMrr: number;
  /** Previous MRR of customers who stopped paying (a positive amount). */
  readonly churnedMrr: number;
  /** MRR of customers who paid in some earlier month, stopped, and pay again. */
  readonly reactivationMrr: number;
  /** mrr − startingMrr = new + expansion + reactivation − contraction − churned. */
  readonly netNewMrr: number;
  /** Customers who pay for the first time (in a quarter or year, summed over its months). */
  readonly newCustomers: number;
  /** Customers who came back (summed over the row's months). */
  readonly reactivatedCustomers: number;
  /** Customers who stopped paying (summed over the row's months: one customer may churn twice). */
  readonly churnedCustomers: number;
  /** churnedCustomers ÷ startingCustomers; null when there were no customers at the start. */
  readonly customerChurnRate: number | null;
  /** Gross revenue churn: (churnedMrr + contractionMrr) ÷ startingMrr; null when startingMrr is 0. */
  readonly revenueChurnRate: number | null;
  /**
   * Net revenue churn: (churned + contraction − expansion − reactivation) ÷ startingMrr; may be negative;
   * null when startingMrr is 0.
   */
  readonly netRevenueChurnRate: number | null;
  /** mrr ÷ customers; null when there are no customers. */
  readonly averageRevenuePerAccount: number | null;
  /** The cohort month of the trailing retention figures: `lookback` months before `month`. */
  readonly retentionFrom: string;
  /**
   * Trailing Net Revenue Retention: this month's MRR of the customers who paid in `retentionFrom`, ÷ their
   * MRR then. Null when nobody paid in `retentionFrom` (not enough history).
   */
  readonly netRevenueRetention: number | null;
  /** Trailing Gross Revenue Retention: as NRR with each customer capped at its MRR in `retentionFrom`. */
  readonly grossRevenueRetention: number | null;
  /** The period of the row: `2024-01` (a month), `2024-Q1` (a quarter) or `2024` (a year). */
  readonly period: string;
  /** How many months the row covers: 1, 3 or 12, fewer in a period clipped to `from` or `to`. */
  readonly months: number;
  /**
   * Average Sale Price: newMrr ÷ newCustomers, the MRR a new customer brings on average (money per month);
   * null when there are no new customers.
   */
  readonly averageSalePrice: number | null;
  /** Records whose `trialStart` falls in the row's months: trials started. */
  readonly trialsStarted: number;
  /**
   * Records with a `trialStart` whose `start` (the first paid instant) falls in the row's months and that
   * are active at the end of that month: trials that started paying.
   */
  readonly trialsConverted: number;
  /**
   * FX impact: how the month-end exchange rates moved the MRR of the customers who paid at the end of the
   * month before and of this one (signed; summed over a quarter's or a year's months). 0 without dated
   * rates, and under `rateDate: 'record-start'`. With it, startingMrr + new + expansion + reactivation −
   * contraction − churned + fxImpact = mrr.
   */
  readonly fxImpactMrr: number;
  /** The part of churnedMrr lost to customers who left of their own accord: churnedMrr − delinquentChurnedMrr. */
  readonly voluntaryChurnedMrr: number;
  /**
   * The part of churnedMrr lost to failed payments: the previous MRR of churned customers whose churn is
   * delinquent (a record of theirs counting at the end of the previous month, or one that began and lapsed
   * within this month, stopped counting for failed payments: its `endReason` is `'delinquent'`, or the
   * `pastDueGraceDays` grace ran out).
   */
  readonly delinquentChurnedMrr: number;
  /** Churned customers whose churn is voluntary: churnedCustomers − delinquentChurnedCustomers. */
  readonly voluntaryChurnedCustomers: number;
  /** Churned customers whose churn is delinquent (summed over the row's months, as churnedCustomers). */
  readonly delinquentChurnedCustomers: number;
  /**
   * With `details: true` only: one entry per customer and month with a movement, in month order then
   * customer order of first appearance; the amounts of each movement add up exactly to the row's figure
   * (its months' entries for a quarter or a year).
   */
  readonly details?: CustomerMovementDetail[];
}
