/**
 * Cohort analysis: retention of customers grouped by when they started.
 * @module cohort
 */
export {};
