/**
 * Customer health scores: configurable scorecards, traffic-light bands, calibration against churn.
 * @module health
 */
export {};
