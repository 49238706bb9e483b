/**
 * Unit economics: customer lifetime value, acquisition cost, LTV:CAC, payback, retention cost.
 * @module value
 */
export {};
