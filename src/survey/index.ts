/**
 * Survey metrics: Net Promoter Score, customer satisfaction, customer effort, with confidence intervals.
 * @module survey
 */
export {
  netPromoterScore,
  type NetPromoterScoreInput,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
} from './netPromoterScore.js';
export type { Distribution } from '../internal/distribution.js';
