// The options that place an MRR series in time, shared by the series of subscriptions and of invoice
// lines: `from`, `to`, `lookback` and `period`, with their cross-field checks.
import * as z from 'zod/mini';
import { parseMonth } from '../../internal/dates.js';
import { month } from '../../internal/schemas.js';

/** The longest series (and lookback) accepted: 100 years of months. */
export const MAX_MONTHS = 1200;

/** Option fields of a series' window, to spread into its options schema. */
export const seriesWindowShape = /* @__PURE__ */ (() => ({
  from: month,
  to: month,
  lookback: z.optional(z.int().check(z.gte(1), z.lte(MAX_MONTHS))),
  period: z.optional(z.enum(['month', 'quarter', 'year'])),
}))();

/** Cross-field checks of a series' window: `to` not before `from`, and less than 1200 months after it. */
export const seriesWindowChecks = /* @__PURE__ */ (() => [
  z.refine<{ from: string; to: string }>((options) => parseMonth(options.to) >= parseMonth(options.from), {
    error: 'must not be before from',
    path: ['to'],
    when: (p) => p.issues.length === 0,
  }),
  z.refine<{ from: string; to: string }>((options) => parseMonth(options.to) - parseMonth(options.from) < MAX_MONTHS, {
    error: `must be less than ${MAX_MONTHS} months after from`,
    path: ['to'],
    when: (p) => p.issues.length === 0,
  }),
])();
