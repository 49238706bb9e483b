/**
 * Retention metrics: churn and retention rates, renewal rate, period conversion, churn from customer lifetimes.
 * @module retention
 */
export {};
