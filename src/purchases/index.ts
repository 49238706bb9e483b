/**
 * Purchase models for customers who buy without a contract ("buy till you die"): purchase histories
 * summarised from raw transactions (frequency, recency, age and mean repeat spend, with a holdout period),
 * in the form the purchase-count and spend models of Fader, Hardie and colleagues take (double precision).
 * @module purchases
 */
export {
  type PurchaseHistory,
  type PurchaseTransaction,
  type PurchaseUnit,
  type SummarizePurchasesInput,
  type SummarizePurchasesOptions,
  type SummarizePurchasesResult,
  summarizePurchases,
} from './summarizePurchases.js';
