import * as z from 'zod/mini';
import { toEpoch } from '../internal/dates.js';
import { type CustomerLifetime, lifetimesField, withLifetimes } from '../internal/lifetimes.js';
import { parse, parseOptions } from '../internal/parse.js';
import { date } from '../internal/schemas.js';
import { LIFETIME_UNIT_MS, type LifetimeUnit, lifetimeUnit } from '../internal/lifetimeUnit.js';

const METRIC = 'lifetimeObservations';

export type { CustomerLifetime } from '../internal/lifetimes.js';
export type { LifetimeUnit } from '../internal/lifetimeUnit.js';

/** Input of {@link lifetimeObservations}. */
export interface LifetimeObservationsInput {
  /** One lifetime per customer, `{ id, start, end? }`; ids are unique. An array of any length. */
  readonly customers: readonly CustomerLifetime[];
}

/** Options of {@link lifetimeObservations}. */
export interface LifetimeObservationsOptions {
  /**
   * The date of the data (required): lifetimes still running then are censored at it, ends after it are not
   * yet known, and customers who start after it are left out. An ISO date or date-time, a `Date`, or epoch
   * milliseconds.
   */
  readonly asOf: string | Date | number;
  /** The unit of the durations: `'day'`, `'week'` or `'month'` (default; 365/12 days). */
  readonly unit?: LifetimeUnit;
}

/** Result of {@link lifetimeObservations}: the column form that {@link survivalCurve} takes. */
export interface LifetimeObservationsResult {
  /** How long each customer was observed, in the unit: to their end, or to `asOf` while still active. */
  readonly durations: number[];
  /** Whether each customer's observation ended with their churn (`false`: censored at `asOf`). */
  readonly churned: boolean[];
}

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: lifetimesField }))();

const optionsSchema = /* @__PURE__ */ (() => z.strictObject({ asOf: date, unit: z.optional(lifetimeUnit) }))();

/**
 * Survival observations (durations with churn or censoring) from customer lifetimes, as of a date.
 *
 * @remarks
 * A lifetime is half-open, [start, end): the customer is active from `start` up to, not including, `end`. As
 * of `asOf`, a customer whose `end` is at or before `asOf` churned after end − start; any other customer is
 * censored (still active as far as the data knows) after asOf − start. Durations are those times divided by
 * the unit: a day, a week (7 days) or a month of 365/12 days (2 628 000 000 ms, the month of the rest of the
 * library, so 12 months make 365 days). Left out: customers who start after `asOf`, and zero-length lifetimes
 * (end = start), which were never active (as in {@link cohortRetention}).
 *
 * The result is the `{ durations, churned }` input of {@link survivalCurve}, one element per customer kept,
 * in the order of `customers`. It is how survival analysis treats customers who have not churned yet:
 * right-censored at the date of the data (Kaplan & Meier 1958).
 *
 * Unit: durations in the chosen unit. Dates of ISO strings and `Date`s are whole milliseconds, so each
 * duration is one correctly rounded division.
 *
 * @param input - `{ customers: [{ id, start, end? }] }`.
 * @param options - `{ asOf, unit = 'month' }`; `asOf` is required.
 * @throws {@link MetricError} `INVALID_INPUT` when a customer is not `{ id, start, end? }` with valid dates
 * (the issue names it: `['customers', 7, 'start']`), an end is before its start, an id repeats (the later
 * record is named), `asOf` is missing or not a date, `unit` is not `'day'`, `'week'` or `'month'`, or a key
 * of the input or the options is unknown (`options has unknown key …` at the path `[]`).
 * @example
 * ```ts
 * const observations = lifetimeObservations(
 *   {
 *     customers: [
 *       { id: 'a', start: '2024-01-01', end: '2024-03-01' },
 *       { id: 'b', start: '2024-01-01' },
 *       { id: 'c', start: '2024-02-01', end: '2025-01-01' },
 *       { id: 'd', start: '2025-01-01' },
 *     ],
 *   },
 *   { asOf: '2024-12-31', unit: 'day' },
 * );
 * observations; // => { durations: [60, 365, 334], churned: [true, false, false] }
 * survivalCurve(observations).points[0].survival; // ≈ 0.6667
 * ```
 * @category Models
 */
export function lifetimeObservations(
  input: LifetimeObservationsInput,
  options: LifetimeObservationsOptions,
): LifetimeObservationsResult {
  const { customers } = parse(METRIC, inputSchema, input);
  const parsedOptions = parseOptions(METRIC, optionsSchema, options);
  const asOf = toEpoch(parsedOptions.asOf);
  const unit = LIFETIME_UNIT_MS[parsedOptions.unit ?? 'month'];
  return withLifetimes(METRIC, customers, ['customers'], ({ count, start, end }) => {
    // Counted first, so that each array is allocated once at its size: grown by pushes, a million
    // durations leave twice their memory behind as garbage.
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const from = start[i] as number;
      if (!(from > asOf || end[i] === from)) kept++;
    }
    const durations = new Array<number>(kept);
    const churned = new Array<boolean>(kept);
    let k = 0;
    for (let i = 0; i < count; i++) {
      const from = start[i] as number;
      const until = end[i] as number;
      if (from > asOf || until === from) continue;
      const lost = until <= asOf;
      durations[k] = ((lost ? until : asOf) - from) / unit;
      churned[k] = lost;
      k++;
    }
    return { durations, churned };
  });
}
