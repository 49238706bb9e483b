/**
 * Why a metric could not be computed.
 *
 * - `'INVALID_INPUT'`: the data or the options break the metric's contract (a score of 11, a negative
 *   amount, an unknown key, an end before its start, …).
 * - `'NO_DATA'`: the data is valid but the metric is undefined for it because a denominator is empty
 *   (no responses, no customers at the start, zero starting MRR).
 *
 * @category Errors
 */
export type MetricErrorCode = 'INVALID_INPUT' | 'NO_DATA';

/**
 * One problem found in an input, in the shape of a zod issue.
 *
 * @category Errors
 */
export interface MetricIssue {
  /** A zod issue code (`'invalid_type'`, `'too_small'`, `'custom'`, …). */
  readonly code: string;
  /** Where the problem is, from the argument's root: `['scores', 41]`, `['subscriptions', 3, 'amount']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, naming the field: `scores[41] must be at most 10`. */
  readonly message: string;
  /**
   * What is wrong, without the field name: `must be at most 10`. The message is the field, as written in
   * code, followed by this phrase; a caller that shows the field under another name (a column of a file, a
   * form label) composes its own message from `path` and `reason` rather than parsing `message`.
   */
  readonly reason: string;
}

/**
 * The one error class the library throws.
 *
 * The message is `<metric>: <first issue>` (for example
 * `netRevenueRetention: startingMrr must be greater than 0`); every issue is in {@link MetricError.issues}.
 *
 * @example
 * ```ts
 * try {
 *   netPromoterScore({ promoters: 0, passives: 0, detractors: 0 });
 * } catch (error) {
 *   isMetricError(error) && error.code; // => 'NO_DATA'
 * }
 * ```
 * @category Errors
 */
export class MetricError extends Error {
  /** The name of the function that threw (`'netPromoterScore'`). */
  readonly metric: string;
  /** `'INVALID_INPUT'` for bad data or options, `'NO_DATA'` when a denominator is empty. */
  readonly code: MetricErrorCode;
  /** Every problem found, each with its path and message. Never empty. */
  readonly issues: readonly MetricIssue[];

  constructor(metric: string, code: MetricErrorCode, issues: readonly MetricIssue[]) {
    const first = issues[0]?.message ?? 'invalid input';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${metric}: ${first}${more}`);
    this.name = 'MetricError';
    this.metric = metric;
    this.code = code;
    this.issues = issues;
  }
}

/**
 * Whether `error` is a {@link MetricError}.
 *
 * Checks the shape rather than `instanceof`, so it also recognises errors thrown by another copy of the
 * package (two versions in one `node_modules`, or a bundled copy in a browser).
 *
 * @example
 * ```ts
 * isMetricError(new MetricError('churnRate', 'NO_DATA', [])); // => true
 * isMetricError(new TypeError('x')); // => false
 * ```
 * @category Errors
 */
export function isMetricError(error: unknown): error is MetricError {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; code?: unknown; metric?: unknown; issues?: unknown };
  return (
    candidate.name === 'MetricError' &&
    (candidate.code === 'INVALID_INPUT' || candidate.code === 'NO_DATA') &&
    typeof candidate.metric === 'string' &&
    Array.isArray(candidate.issues)
  );
}
