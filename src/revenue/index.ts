/**
 * Revenue metrics: MRR and ARR from subscriptions, MRR movements, NRR, GRR, revenue churn, ARPA, quick ratio.
 * @module revenue
 */
export {};
