// The units in which lifetimes and purchase histories are counted. A month is 365/12 days (30.41666… days, 2 628 000 000 ms), the
// length every part of the library gives a month (monthlyAmount's daily factor, the revenue series), so a
// year is exactly 12 months and a duration in ms divided by it is one correctly rounded division.
import * as z from 'zod/mini';
import { DAY_MS } from './dates.js';

/** A unit for lifetimes: a day, a week (7 days) or a month (365/12 days). */
export type LifetimeUnit = 'day' | 'week' | 'month';

/** Milliseconds in each unit: integers, so a count of periods times the unit is exact. */
export const LIFETIME_UNIT_MS: Readonly<Record<LifetimeUnit, number>> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: (365 * DAY_MS) / 12,
};

/** The schema of a lifetime unit. */
export const lifetimeUnit = /* @__PURE__ */ (() => z.enum(['day', 'week', 'month']))();
