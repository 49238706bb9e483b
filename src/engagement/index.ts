/**
 * Engagement metrics: stickiness, adoption, time to first value, session duration.
 * @module engagement
 */
export {};
