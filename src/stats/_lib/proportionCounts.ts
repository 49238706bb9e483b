// The `{ successes, trials }` counts of a proportion, as the stats functions read them.
import * as z from 'zod/mini';
import { count } from '../../internal/schemas.js';

/** `{ successes, trials }`: non-negative integers, successes at most trials. */
export const proportionCountsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ successes: count, trials: count }).check(
    z.refine((v) => v.successes <= v.trials, {
      error: 'must not exceed trials',
      path: ['successes'],
      when: (payload) => payload.issues.length === 0,
    }),
  ))();
