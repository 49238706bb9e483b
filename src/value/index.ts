/**
 * Unit economics: customer lifetime value, acquisition cost, LTV:CAC, payback, retention cost.
 * @module value
 */
export type { Period } from '../internal/periods.js';
export { cacPaybackPeriod, type CacPaybackPeriodInput } from './cacPaybackPeriod.js';
export { customerAcquisitionCost, type CustomerAcquisitionCostInput } from './customerAcquisitionCost.js';
export { customerLifetimeValue, type CustomerLifetimeValueInput } from './customerLifetimeValue.js';
export { customerRetentionCost, type CustomerRetentionCostInput } from './customerRetentionCost.js';
export { lifetimeValueFromChurn, type LifetimeValueFromChurnInput } from './lifetimeValueFromChurn.js';
export { HEALTHY_LTV_TO_CAC_RATIO, ltvToCacRatio, type LtvToCacRatioInput } from './ltvToCacRatio.js';
